import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PlanningStatusEnum, SensitiveStatusEnum } from '../households/household.type.ts';
import { fenDescription } from '../projects/project.type.ts';
import { EVIDENCE_LABELS } from './evidence-labels.ts';
import { EVIDENCE_KINDS } from './program-catalogue.ts';
import { AMOUNT_UNIT_LABELS, FUNDING_TIER_LABELS, PROGRAM_KIND_LABELS } from './program-labels.ts';

/** An enum's value descriptions from its label table: "中文 / English". */
function bilingual(
  labels: Record<string, { zh: string; en: string }>,
): Record<string, { description: string }> {
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) => [value, { description: `${label.zh} / ${label.en}` }]),
  );
}

export enum ProgramKindEnum {
  REWARD_ASSISTANCE = 'REWARD_ASSISTANCE',
  SPECIAL_ASSISTANCE = 'SPECIAL_ASSISTANCE',
  ONLY_CHILD_PARENT_REWARD = 'ONLY_CHILD_PARENT_REWARD',
  CARE_PAYMENT = 'CARE_PAYMENT',
  EMERGENCY_AID = 'EMERGENCY_AID',
  STUDY_GRANT = 'STUDY_GRANT',
}
registerEnumType(ProgramKindEnum, {
  name: 'ProgramKind',
  description: '扶助项目类型 / Kind of benefit program',
  valuesConfig: bilingual(PROGRAM_KIND_LABELS),
});

export enum FundingTierEnum {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(FundingTierEnum, {
  name: 'FundingTier',
  description: '资金层级 / Who funds it',
  valuesConfig: bilingual(FUNDING_TIER_LABELS),
});

export enum AmountUnitEnum {
  PER_PERSON_YEAR = 'PER_PERSON_YEAR',
  PER_PERSON_MONTH = 'PER_PERSON_MONTH',
  PER_EVENT = 'PER_EVENT',
}
registerEnumType(AmountUnitEnum, {
  name: 'AmountUnit',
  description: '标准的计量单位 / What a standard amount is per',
  valuesConfig: bilingual(AMOUNT_UNIT_LABELS),
});

export enum PaymentPeriodEnum {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
}
registerEnumType(PaymentPeriodEnum, {
  name: 'PaymentPeriod',
  description: '一次发放覆盖的期间 / What one payment covers',
  valuesConfig: { YEAR: { description: '年 / A year' }, MONTH: { description: '月 / A month' } },
});

export enum NoticeDayKindEnum {
  CALENDAR = 'CALENDAR',
  WORKING = 'WORKING',
}
registerEnumType(NoticeDayKindEnum, {
  name: 'NoticeDayKind',
  description: '公示天数的计法 / How notice days are counted',
  valuesConfig: {
    CALENDAR: { description: '自然日 / Calendar days' },
    WORKING: {
      description:
        '工作日（跳过法定节假日，计入调休上班日）/ Working days (public holidays skipped, swapped workdays counted)',
    },
  },
});

export enum EvidenceKindEnum {
  HOUSEHOLD_REGISTER = 'HOUSEHOLD_REGISTER',
  RESIDENT_ID_CARD = 'RESIDENT_ID_CARD',
  MARRIAGE_CERTIFICATE = 'MARRIAGE_CERTIFICATE',
  ONLY_CHILD_CERTIFICATE = 'ONLY_CHILD_CERTIFICATE',
  BIRTH_RECORD = 'BIRTH_RECORD',
  DEATH_CERTIFICATE = 'DEATH_CERTIFICATE',
  DISABILITY_CERTIFICATE = 'DISABILITY_CERTIFICATE',
  VILLAGE_CERTIFICATION = 'VILLAGE_CERTIFICATION',
  ANNUAL_CONFIRMATION = 'ANNUAL_CONFIRMATION',
  SCHOOL_ENROLLMENT = 'SCHOOL_ENROLLMENT',
  HARDSHIP_CERTIFICATION = 'HARDSHIP_CERTIFICATION',
}
registerEnumType(EvidenceKindEnum, {
  name: 'EvidenceKind',
  description: '证明材料 / Kind of evidence',
  valuesConfig: Object.fromEntries(
    EVIDENCE_KINDS.map((kind) => [
      kind,
      { description: `${EVIDENCE_LABELS[kind].zh} / ${EVIDENCE_LABELS[kind].en}` },
    ]),
  ),
});

export enum VillageKindEnum {
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(VillageKindEnum, {
  name: 'VillageKind',
  description: '户籍所在村（居）的类型 / Kind of village of registration',
  valuesConfig: {
    VILLAGE: { description: '村（农村）/ Village (rural)' },
    COMMUNITY: { description: '社区（城镇）/ Community (urban)' },
  },
});

export enum VariantFactEnum {
  SENSITIVE_STATUS = 'SENSITIVE_STATUS',
  REGION_KIND = 'REGION_KIND',
}
registerEnumType(VariantFactEnum, {
  name: 'VariantFact',
  description: '决定适用标准档次的事实 / A fact that picks the standard’s variant',
  valuesConfig: {
    SENSITIVE_STATUS: { description: '死亡或伤残（DIED / DISABLED）/ Only child died or disabled' },
    REGION_KIND: { description: '城镇或农村（URBAN / RURAL）/ Urban or rural' },
  },
});

@ObjectType('EligibilityRules', {
  description: '资格条件（以数据保存并逐条核验）/ Eligibility rules, kept as data and checked one by one',
  simpleResolvers: true,
})
export class EligibilityRulesType {
  @Field(() => Int, { nullable: true, description: '该年度至少年满（周岁）/ At least this age in the year' })
  minAge!: number | null;

  @Field(() => Int, { nullable: true, description: '该年度至多（周岁）/ At most this age in the year' })
  maxAge!: number | null;

  @Field(() => [PlanningStatusEnum], {
    nullable: true,
    description: '家庭计生类型之一 / One of these household statuses',
  })
  householdPlanningStatuses!: PlanningStatusEnum[] | null;

  @Field(() => [SensitiveStatusEnum], {
    nullable: true,
    description:
      '敏感家庭状况之一（仅乡镇、县级可核验）/ One of these sensitive statuses (checked by township or county only)',
  })
  householdSensitiveStatuses!: SensitiveStatusEnum[] | null;

  @Field(() => Boolean, { nullable: true, description: '须为困难家庭 / Must be a household in difficulty' })
  householdInDifficulty!: boolean | null;

  @Field(() => [VillageKindEnum], {
    nullable: true,
    description: '户籍所在村（居）类型 / Kind of village of registration',
  })
  regionKinds!: VillageKindEnum[] | null;

  @Field(() => [VariantFactEnum], {
    nullable: true,
    description: '决定标准档次的事实 / Facts that pick the variant',
  })
  variantBy!: VariantFactEnum[] | null;

  @Field(() => String, { description: '条件摘要 / The rules in words (Chinese)' })
  summaryZh!: string;

  @Field(() => String, { description: 'The rules in words (English)' })
  summaryEn!: string;
}

@ObjectType('RequiredEvidence', {
  description: '各类申报须附的证明材料 / Evidence each kind of submission must carry',
  simpleResolvers: true,
})
export class RequiredEvidenceType {
  @Field(() => [EvidenceKindEnum], { description: '新增 / New entrants' })
  new!: EvidenceKindEnum[];

  @Field(() => [EvidenceKindEnum], { description: '继续享受 / Continuing' })
  continuing!: EvidenceKindEnum[];

  @Field(() => [EvidenceKindEnum], { description: '退出 / Exits' })
  exited!: EvidenceKindEnum[];
}

@ObjectType('ProgramStandard', {
  description: '补助标准：某一档次在一段时间内的金额 / A standard: the amount of one variant over a period',
  simpleResolvers: true,
})
export class ProgramStandardType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => String, { description: '档次，如 DEFAULT、DIED_RURAL / Variant, e.g. DEFAULT, DIED_RURAL' })
  variant!: string;

  @Field(() => String, { description: '起始日期（含）YYYY-MM-DD / In force from (inclusive)' })
  effectiveFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: '停止适用的第一天（不含）；空为现行 / First day it no longer applies; empty while in force',
  })
  effectiveUntil!: string | null;

  @Field(() => String, {
    description: fenDescription(
      '金额（按项目计量单位）',
      "Amount, per the program's amount unit",
      '72000',
      '720',
    ),
  })
  amountFen!: string;

  @Field(() => String, { description: '依据文件 / Source document' })
  sourceDocument!: string;

  @Field(() => Date)
  createdAt!: Date;
}

/** A program as admins see it. Region, standards and standardOn are resolved in program.resolver.ts. */
@ObjectType('Program', { description: '扶助项目 / Benefit program', simpleResolvers: true })
export class ProgramType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '项目编码 / Program code' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ProgramKindEnum)
  kind!: ProgramKindEnum;

  @Field(() => FundingTierEnum)
  fundingTier!: FundingTierEnum;

  @Field(() => AmountUnitEnum)
  amountUnit!: AmountUnitEnum;

  @Field(() => PaymentPeriodEnum)
  paymentPeriod!: PaymentPeriodEnum;

  @Field(() => Boolean, {
    description:
      '涉及敏感家庭（特别扶助）：村级不可见，须由乡镇申报 / Sensitive (special assistance): hidden from villages, submitted by the township',
  })
  sensitive!: boolean;

  @Field(() => [String], { description: '标准档次 / Variants a standard may differ by' })
  variants!: string[];

  @Field(() => EligibilityRulesType)
  eligibility!: EligibilityRulesType;

  @Field(() => RequiredEvidenceType)
  requiredEvidence!: RequiredEvidenceType;

  @Field(() => Int, { description: '公示天数 / Days of public notice' })
  noticeDays!: number;

  @Field(() => NoticeDayKindEnum)
  noticeDayKind!: NoticeDayKindEnum;

  @Field(() => String, { description: '默认受理异议的单位 / Office that takes objections, by default' })
  objectionOffice!: string;

  @Field(() => String, { description: '默认受理异议的电话 / Phone that takes objections, by default' })
  objectionPhone!: string;

  @Field(() => String, {
    description: fenDescription('单笔发放下限', 'Smallest single payment', '60000', '600'),
  })
  minAmountFen!: string;

  @Field(() => String, {
    description: fenDescription('单笔发放上限', 'Largest single payment', '200000', '2,000'),
  })
  maxAmountFen!: string;

  @Field(() => String, { description: '依据文件 / Source document' })
  sourceDocument!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;

  /** Not a field: the key of the `region` field resolver. */
  regionId!: string;
}
