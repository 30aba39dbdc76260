import '../../reflect-metadata.ts';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import { PlanningStatusEnum } from './household.type.ts';

@InputType('HouseholdInput', { description: '户信息 / Household fields' })
export class HouseholdInput {
  @Field(() => String, { description: '所在村或村民小组的区划代码 / Village or villager group' })
  regionCode!: string;

  @Field(() => String, { description: '户编号：村代码-4 位序号 / Household number: village code-4 digits' })
  code!: string;

  @Field(() => PlanningStatusEnum, { nullable: true, description: '不填为 NONE / Defaults to NONE' })
  planningStatus?: PlanningStatusEnum | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '计生困难家庭，不填为否 / In difficulty; defaults to false',
  })
  inDifficulty?: boolean | null;
}

@InputType('HouseholdFilter')
export class HouseholdFilterInput {
  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => PlanningStatusEnum, { nullable: true })
  planningStatus?: PlanningStatusEnum | null;

  @Field(() => Boolean, { nullable: true })
  inDifficulty?: boolean | null;

  @Field(() => String, { nullable: true, description: '户编号的一部分 / Part of the household number' })
  search?: string | null;
}

export enum HouseholdSortFieldEnum {
  CODE = 'CODE',
  CREATED = 'CREATED',
}
registerEnumType(HouseholdSortFieldEnum, { name: 'HouseholdSortField' });

@InputType('HouseholdOrder')
export class HouseholdOrderInput {
  @Field(() => HouseholdSortFieldEnum)
  field!: HouseholdSortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}
