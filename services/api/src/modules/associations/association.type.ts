import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';
import { RegionType, toRegionType } from '../regions/region.type.ts';

export const ASSOCIATION_LEVELS = ['COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export const ASSOCIATION_KINDS = [
  'REGIONAL',
  'VILLAGE',
  'COMMUNITY',
  'ENTERPRISE',
  'FLOATING_POPULATION',
] as const;
export const ASSOCIATION_STANDINGS = ['MODEL', 'ADVANCED', 'ORDINARY', 'NOMINAL'] as const;
/** The "five haves" (五有) of a member home (会员之家). */
export const MEMBER_HOME_FACILITIES = [
  'VENUE',
  'RULES',
  'VOLUNTEER_TEAM',
  'EQUIPMENT',
  'PLAN_AND_RECORDS',
] as const;
export type AssociationLevel = (typeof ASSOCIATION_LEVELS)[number];
export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];
export type AssociationStanding = (typeof ASSOCIATION_STANDINGS)[number];
export type MemberHomeFacility = (typeof MEMBER_HOME_FACILITIES)[number];

export enum AssociationLevelEnum {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
registerEnumType(AssociationLevelEnum, {
  name: 'AssociationLevel',
  description: '协会层级（由所在区划决定）/ Association level, given by its region',
  valuesConfig: {
    COUNTY: { description: '县（区）级 / County' },
    TOWNSHIP: { description: '乡镇（街道）级 / Township' },
    VILLAGE: { description: '村（社区）级 / Village or community' },
  },
});

export enum AssociationKindEnum {
  REGIONAL = 'REGIONAL',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  ENTERPRISE = 'ENTERPRISE',
  FLOATING_POPULATION = 'FLOATING_POPULATION',
}
registerEnumType(AssociationKindEnum, {
  name: 'AssociationKind',
  description: '协会类型 / Kind of association',
  valuesConfig: {
    REGIONAL: { description: '县、乡镇计生协 / County or township association' },
    VILLAGE: { description: '村计生协 / Village association' },
    COMMUNITY: { description: '社区计生协 / Community association' },
    ENTERPRISE: { description: '企业计生协 / Enterprise association' },
    FLOATING_POPULATION: { description: '流动人口计生协 / Floating-population association' },
  },
});

export enum AssociationStandingEnum {
  MODEL = 'MODEL',
  ADVANCED = 'ADVANCED',
  ORDINARY = 'ORDINARY',
  NOMINAL = 'NOMINAL',
}
registerEnumType(AssociationStandingEnum, {
  name: 'AssociationStanding',
  description: '协会等次 / Standing of an association',
  valuesConfig: {
    MODEL: { description: '示范协会 / Model association' },
    ADVANCED: { description: '先进协会 / Advanced association' },
    ORDINARY: { description: '一般协会 / Ordinary association' },
    NOMINAL: { description: '挂牌协会 / Nominal only' },
  },
});

export enum MemberHomeFacilityEnum {
  VENUE = 'VENUE',
  RULES = 'RULES',
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
  EQUIPMENT = 'EQUIPMENT',
  PLAN_AND_RECORDS = 'PLAN_AND_RECORDS',
}
registerEnumType(MemberHomeFacilityEnum, {
  name: 'MemberHomeFacility',
  description: '会员之家“五有” / The five haves of a member home',
  valuesConfig: {
    VENUE: { description: '有场所 / A venue' },
    RULES: { description: '有制度 / Rules' },
    VOLUNTEER_TEAM: { description: '有志愿者队伍 / A volunteer team' },
    EQUIPMENT: { description: '有设施设备 / Equipment' },
    PLAN_AND_RECORDS: { description: '有计划和记录 / Plans and records' },
  },
});

/**
 * An association as admins see it. Field resolvers: members, memberCount (members module),
 * memberGroups (association.resolver.ts).
 */
@ObjectType('Association', { description: '计生协会 / Family Planning Association', simpleResolvers: true })
export class AssociationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: '协会代码：区划代码-编号 / Code: region code, hyphen, up to 8 letters or digits',
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssociationLevelEnum)
  level!: AssociationLevelEnum;

  @Field(() => AssociationKindEnum)
  kind!: AssociationKindEnum;

  @Field(() => AssociationStandingEnum)
  standing!: AssociationStandingEnum;

  @Field(() => [MemberHomeFacilityEnum], {
    description: '会员之家已具备的“五有” / Member-home facilities in place',
  })
  memberHomeFacilities!: MemberHomeFacilityEnum[];

  @Field(() => Boolean, { description: '“五有”齐全的会员之家 / Has a member home with all five haves' })
  hasMemberHome!: boolean;

  @Field(() => String, { nullable: true, description: '成立日期 YYYY-MM-DD / Founded on' })
  foundedOn!: string | null;

  @Field(() => RegionType, { description: '所在区划 / The region the association is filed at' })
  region!: RegionType;

  @Field(() => Int, { description: '乐观锁版本号 / Version for optimistic locking' })
  version!: number;
}

@ObjectType('MemberGroup', { description: '会员小组 / Member group', simpleResolvers: true })
export class MemberGroupType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  /** Not a field: the association, for the members module. */
  associationId!: string;
}

@ObjectType('AssociationEdge', { simpleResolvers: true })
export class AssociationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AssociationType)
  node!: AssociationType;
}

@ObjectType('AssociationConnection', { simpleResolvers: true })
export class AssociationConnection {
  @Field(() => [AssociationEdge])
  edges!: AssociationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

/** The columns every association read selects (with its region joined as `r`). */
export const ASSOCIATION_COLUMNS = `a.id, a.code, a.name, a.level, a.kind, a.standing, a.member_home_facilities,
  a.founded_on::text as founded_on, a.version, a.region_id, r.code as region_code, r.name as region_name,
  r.level as region_level, a.region_path::text as region_path`;

export interface AssociationRow {
  id: string;
  code: string;
  name: string;
  level: AssociationLevel;
  kind: AssociationKind;
  standing: AssociationStanding;
  member_home_facilities: string[] | string;
  founded_on: string | null;
  version: number;
  region_id: string;
  region_code: string;
  region_name: string;
  region_level: string;
  region_path: string;
}

/** A text[] column, whether the driver parsed it or handed over the literal `{A,B}`. */
export function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

export function toAssociationType(row: AssociationRow): AssociationType {
  const facilities = textArray(row.member_home_facilities);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as AssociationLevelEnum,
    kind: row.kind as AssociationKindEnum,
    standing: row.standing as AssociationStandingEnum,
    memberHomeFacilities: MEMBER_HOME_FACILITIES.filter((f) => facilities.includes(f)).map(
      (f) => f as MemberHomeFacilityEnum,
    ),
    hasMemberHome: MEMBER_HOME_FACILITIES.every((f) => facilities.includes(f)),
    foundedOn: row.founded_on,
    region: toRegionType({
      id: row.region_id,
      code: row.region_code,
      name: row.region_name,
      level: row.region_level,
    }),
    version: row.version,
  };
}

export interface MemberGroupRow {
  id: string;
  association_id: string;
  name: string;
}

export function toMemberGroupType(row: MemberGroupRow): MemberGroupType {
  return { id: row.id, name: row.name, associationId: row.association_id };
}
