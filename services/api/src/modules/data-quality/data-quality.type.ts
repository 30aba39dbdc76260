import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RegionType } from '../regions/region.type.ts';

export enum DataQualityCheckEnum {
  MISSING_REQUIRED = 'MISSING_REQUIRED',
  CONTRADICTION = 'CONTRADICTION',
  MOVED_AWAY_STILL_LISTED = 'MOVED_AWAY_STILL_LISTED',
  NO_ACTIVITY_IN_QUARTER = 'NO_ACTIVITY_IN_QUARTER',
  MEMBER_WITHOUT_CONTACT_HOUSEHOLD = 'MEMBER_WITHOUT_CONTACT_HOUSEHOLD',
  NEAR_DUPLICATE = 'NEAR_DUPLICATE',
}
registerEnumType(DataQualityCheckEnum, {
  name: 'DataQualityCheck',
  description: '数据质量检查项 / Data-quality check',
  valuesConfig: {
    MISSING_REQUIRED: {
      description:
        '缺少必要信息：人员无户、户无成员、协会无会长、会员无会员证号 / Missing: person without household, household without members, association without president, member without card number',
    },
    CONTRADICTION: {
      description:
        '自相矛盾：独生子女户多个子女、双女户有儿子、长辈不比晚辈年长、已故仍为会员 / Contradictions in households and rosters',
    },
    MOVED_AWAY_STILL_LISTED: {
      description: '迁出两年以上仍在户内或仍为会员 / Moved away over two years ago but still listed',
    },
    NO_ACTIVITY_IN_QUARTER: {
      description: '协会该季度没有活动 / Association without activity in the quarter',
    },
    MEMBER_WITHOUT_CONTACT_HOUSEHOLD: { description: '会员没有联系户 / Member keeps no contact household' },
    NEAR_DUPLICATE: { description: '疑似重复登记（仅县级）/ Suspected duplicate persons (county only)' },
  },
});

export enum DataQualityProblemEnum {
  PERSON_WITHOUT_HOUSEHOLD = 'PERSON_WITHOUT_HOUSEHOLD',
  HOUSEHOLD_WITHOUT_MEMBERS = 'HOUSEHOLD_WITHOUT_MEMBERS',
  ASSOCIATION_WITHOUT_PRESIDENT = 'ASSOCIATION_WITHOUT_PRESIDENT',
  MEMBER_WITHOUT_CARD_NUMBER = 'MEMBER_WITHOUT_CARD_NUMBER',
  ONLY_CHILD_WITH_SEVERAL_CHILDREN = 'ONLY_CHILD_WITH_SEVERAL_CHILDREN',
  TWO_DAUGHTERS_WITH_SON = 'TWO_DAUGHTERS_WITH_SON',
  ELDER_NOT_OLDER = 'ELDER_NOT_OLDER',
  DECEASED_ACTIVE_MEMBER = 'DECEASED_ACTIVE_MEMBER',
  MOVED_AWAY_IN_HOUSEHOLD = 'MOVED_AWAY_IN_HOUSEHOLD',
  MOVED_AWAY_ACTIVE_MEMBER = 'MOVED_AWAY_ACTIVE_MEMBER',
  NO_ACTIVITY_IN_QUARTER = 'NO_ACTIVITY_IN_QUARTER',
  NO_CONTACT_HOUSEHOLD = 'NO_CONTACT_HOUSEHOLD',
  SAME_NAME_AND_BIRTH_DATE = 'SAME_NAME_AND_BIRTH_DATE',
}
registerEnumType(DataQualityProblemEnum, {
  name: 'DataQualityProblem',
  description: '具体问题，说明见条目的 description / The exact problem; see the item descriptions',
});

export enum DataQualityEntityEnum {
  PERSON = 'PERSON',
  HOUSEHOLD = 'HOUSEHOLD',
  ASSOCIATION = 'ASSOCIATION',
  MEMBER = 'MEMBER',
  DUPLICATE_FLAG = 'DUPLICATE_FLAG',
}
registerEnumType(DataQualityEntityEnum, {
  name: 'DataQualityEntity',
  description: '条目类型 / Kind of item',
});

@ObjectType('DataQualityItem', {
  description: '问题样例（不含身份证号）/ A sample item (never an ID number)',
  simpleResolvers: true,
})
export class DataQualityItemType {
  @Field(() => DataQualityEntityEnum)
  entity!: DataQualityEntityEnum;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '姓名、户编号或协会名称 / Name, household number or association name' })
  label!: string;

  @Field(() => DataQualityProblemEnum)
  problem!: DataQualityProblemEnum;

  @Field(() => String)
  descriptionZh!: string;

  @Field(() => String)
  descriptionEn!: string;
}

@ObjectType('DataQualityCheckResult', { simpleResolvers: true })
export class DataQualityCheckResultType {
  @Field(() => DataQualityCheckEnum)
  check!: DataQualityCheckEnum;

  @Field(() => Boolean, { description: '您的角色能否运行此项检查 / Whether your role may run this check' })
  visible!: boolean;

  @Field(() => Int)
  count!: number;

  @Field(() => [DataQualityItemType], { description: '最多 10 条样例 / Up to 10 samples' })
  samples!: DataQualityItemType[];
}

@ObjectType('DataQualityCount', { simpleResolvers: true })
export class DataQualityCountType {
  @Field(() => DataQualityCheckEnum)
  check!: DataQualityCheckEnum;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DataQualityRegionCounts', {
  description: '下级区划的问题数 / Problem counts of one child region',
  simpleResolvers: true,
})
export class DataQualityRegionCountsType {
  @Field(() => RegionType)
  region!: RegionType;

  @Field(() => Int)
  total!: number;

  @Field(() => [DataQualityCountType])
  counts!: DataQualityCountType[];
}

@ObjectType('DataQualityReport', { description: '数据质量报告 / Data-quality report', simpleResolvers: true })
export class DataQualityReportType {
  @Field(() => RegionType)
  region!: RegionType;

  @Field(() => String, { description: '活动检查所用季度，如 2025Q2 / Quarter of the activity check' })
  quarter!: string;

  @Field(() => [DataQualityCheckResultType])
  checks!: DataQualityCheckResultType[];

  @Field(() => [DataQualityRegionCountsType], {
    description: '按下级区划（如各村）分列 / Broken down by child region (e.g. per village)',
  })
  byRegion!: DataQualityRegionCountsType[];
}
