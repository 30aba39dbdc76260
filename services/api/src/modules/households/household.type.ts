import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export enum PlanningStatusEnum {
  NONE = 'NONE',
  ONLY_CHILD = 'ONLY_CHILD',
  TWO_DAUGHTERS = 'TWO_DAUGHTERS',
}
registerEnumType(PlanningStatusEnum, {
  name: 'PlanningStatus',
  description: '计生户类型 / Family-planning status of a household',
  valuesConfig: {
    NONE: { description: '无 / None' },
    ONLY_CHILD: { description: '独生子女户 / Only-child household' },
    TWO_DAUGHTERS: { description: '双女户 / Two-daughter household' },
  },
});

export enum SensitiveStatusEnum {
  ONLY_CHILD_DIED = 'ONLY_CHILD_DIED',
  ONLY_CHILD_DISABLED = 'ONLY_CHILD_DISABLED',
}
registerEnumType(SensitiveStatusEnum, {
  name: 'SensitiveHouseholdStatus',
  description:
    '敏感家庭状况，仅县级和本乡镇可见 / Sensitive household status, visible to the county and the household’s township only',
  valuesConfig: {
    ONLY_CHILD_DIED: { description: '失独家庭 / Only child died' },
    ONLY_CHILD_DISABLED: { description: '独生子女伤残家庭 / Only child disabled' },
  },
});

/** A household as admins see it. Field resolvers (region, members, sensitive status) live in household.resolver.ts. */
@ObjectType('Household', { description: '户 / Household', simpleResolvers: true })
export class HouseholdType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '户编号：村代码-4 位序号 / Household number: village code-4 digits' })
  code!: string;

  @Field(() => PlanningStatusEnum)
  planningStatus!: PlanningStatusEnum;

  @Field(() => Boolean, { description: '计生困难家庭 / Family-planning household in difficulty' })
  inDifficulty!: boolean;

  @Field(() => Int)
  version!: number;

  /** Not a field: the region the household is filed under, for field resolvers. */
  regionId!: string;
}

/** The columns every household read selects, as returned by SQL (snake_case). */
export interface HouseholdRow {
  id: string;
  code: string;
  planning_status: string;
  in_difficulty: boolean;
  version: number;
  region_id: string;
}

export const HOUSEHOLD_COLUMNS = 'h.id, h.code, h.planning_status, h.in_difficulty, h.version, h.region_id';

export function toHouseholdType(row: HouseholdRow): HouseholdType {
  return {
    id: row.id,
    code: row.code,
    planningStatus: row.planning_status as PlanningStatusEnum,
    inDifficulty: row.in_difficulty,
    version: row.version,
    regionId: row.region_id,
  };
}

@ObjectType('HouseholdEdge')
export class HouseholdEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => HouseholdType)
  node!: HouseholdType;
}

@ObjectType('HouseholdConnection')
export class HouseholdConnection {
  @Field(() => [HouseholdEdge])
  edges!: HouseholdEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
