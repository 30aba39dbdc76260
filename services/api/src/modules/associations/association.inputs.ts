import '../../reflect-metadata.ts';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import {
  AssociationKindEnum,
  AssociationLevelEnum,
  AssociationStandingEnum,
  MemberHomeFacilityEnum,
} from './association.type.ts';

@InputType('AssociationUpdateInput', {
  description: '要修改的内容，未给出的字段不变 / Fields to change; fields left out stay as they are',
})
export class AssociationUpdateInput {
  @Field(() => String, { nullable: true, description: '协会名称 2–100 字 / Name, 2–100 characters' })
  name?: string | null;

  @Field(() => AssociationKindEnum, { nullable: true })
  kind?: AssociationKindEnum | null;

  @Field(() => AssociationStandingEnum, { nullable: true })
  standing?: AssociationStandingEnum | null;

  @Field(() => [MemberHomeFacilityEnum], {
    nullable: true,
    description: '会员之家“五有” / The five haves in place',
  })
  memberHomeFacilities?: MemberHomeFacilityEnum[] | null;

  @Field(() => String, {
    nullable: true,
    description: '成立日期 YYYY-MM-DD，null 清除 / Founded on; null clears it',
  })
  foundedOn?: string | null;
}

@InputType('AssociationInput', { description: '新协会 / A new association' })
export class AssociationInput {
  @Field(() => String, {
    description: '所在区划代码（县、乡镇或村）/ Region code: county, township or village',
  })
  regionCode!: string;

  @Field(() => String, {
    description: '协会代码：区划代码-1 至 8 位字母或数字 / Code: region code, hyphen, 1–8 letters or digits',
  })
  code!: string;

  @Field(() => String, { description: '协会名称 2–100 字 / Name, 2–100 characters' })
  name!: string;

  @Field(() => AssociationKindEnum)
  kind!: AssociationKindEnum;

  @Field(() => AssociationStandingEnum, { nullable: true, description: '默认一般 / ORDINARY when left out' })
  standing?: AssociationStandingEnum | null;

  @Field(() => [MemberHomeFacilityEnum], {
    nullable: true,
    description: '会员之家“五有” / The five haves in place',
  })
  memberHomeFacilities?: MemberHomeFacilityEnum[] | null;

  @Field(() => String, { nullable: true, description: '成立日期 YYYY-MM-DD / Founded on' })
  foundedOn?: string | null;
}

@InputType('AssociationFilter')
export class AssociationFilterInput {
  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => AssociationKindEnum, { nullable: true })
  kind?: AssociationKindEnum | null;

  @Field(() => AssociationStandingEnum, { nullable: true })
  standing?: AssociationStandingEnum | null;

  @Field(() => AssociationLevelEnum, { nullable: true })
  level?: AssociationLevelEnum | null;

  @Field(() => String, { nullable: true, description: '名称或代码 / Name or code' })
  search?: string | null;
}

export enum AssociationSortFieldEnum {
  NAME = 'NAME',
  CODE = 'CODE',
  FOUNDED_ON = 'FOUNDED_ON',
}
registerEnumType(AssociationSortFieldEnum, { name: 'AssociationSortField' });

@InputType('AssociationOrder')
export class AssociationOrderInput {
  @Field(() => AssociationSortFieldEnum)
  field!: AssociationSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}
