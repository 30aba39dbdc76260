import '../../reflect-metadata.ts';
import { maskResidentId } from '@sunshine/identifiers/resident-id';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export enum SexEnum {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(SexEnum, { name: 'Sex', description: '性别 / Sex' });

export enum HouseholdRelationEnum {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  GRANDCHILD = 'GRANDCHILD',
  OTHER = 'OTHER',
}
registerEnumType(HouseholdRelationEnum, {
  name: 'HouseholdRelation',
  description: '与户主关系 / Relation to the head of household',
});

/**
 * A person as admins see it. The ID number is shown masked; the full number is never part of a
 * list (it is asked for one person at a time, by a writer, see person.resolver.ts).
 * Field resolvers (regions, household) live in person.resolver.ts.
 */
@ObjectType('Person', { description: '人员 / Person', simpleResolvers: true })
export class PersonType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: '身份证号（脱敏）/ Resident ID number, masked' })
  residentIdMasked!: string;

  @Field(() => SexEnum)
  sex!: SexEnum;

  @Field(() => String, { description: '出生日期 YYYY-MM-DD / Birth date' })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: '手机号（脱敏）/ Mobile phone, masked' })
  phoneMasked!: string | null;

  @Field(() => HouseholdRelationEnum, { nullable: true })
  relation!: HouseholdRelationEnum | null;

  @Field(() => String, { nullable: true, description: '迁出县外日期 / Moved away (out of the county) on' })
  movedAwayOn!: string | null;

  @Field(() => String, { nullable: true, description: '死亡日期 / Died on' })
  deceasedOn!: string | null;

  @Field(() => Int)
  version!: number;

  /** Not fields: keys for the field resolvers. */
  registeredRegionId!: string;
  currentRegionId!: string;
  householdId!: string | null;
}

export interface PersonRow {
  id: string;
  name: string;
  resident_id: string;
  sex: string;
  birth_date: string;
  phone: string | null;
  relation: string | null;
  moved_away_on: string | null;
  deceased_on: string | null;
  version: number;
  region_id: string;
  current_region_id: string;
  household_id: string | null;
}

/** Dates come back as text (`::text`) so no time zone ever shifts a birthday. */
export const PERSON_COLUMNS = `p.id, p.name, p.resident_id, p.sex, p.birth_date::text as birth_date, p.phone, p.relation,
  p.moved_away_on::text as moved_away_on, p.deceased_on::text as deceased_on, p.version, p.region_id,
  p.current_region_id, p.household_id`;

/** 138****5678: enough to recognise a number on the phone, not enough to call it. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function toPersonType(row: PersonRow): PersonType {
  return {
    id: row.id,
    name: row.name,
    residentIdMasked: maskResidentId(row.resident_id),
    sex: row.sex as SexEnum,
    birthDate: row.birth_date,
    phoneMasked: row.phone === null ? null : maskPhone(row.phone),
    relation: row.relation as HouseholdRelationEnum | null,
    movedAwayOn: row.moved_away_on,
    deceasedOn: row.deceased_on,
    version: row.version,
    registeredRegionId: row.region_id,
    currentRegionId: row.current_region_id,
    householdId: row.household_id,
  };
}

@ObjectType('PersonEdge')
export class PersonEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PersonType)
  node!: PersonType;
}

@ObjectType('PersonConnection')
export class PersonConnection {
  @Field(() => [PersonEdge])
  edges!: PersonEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
