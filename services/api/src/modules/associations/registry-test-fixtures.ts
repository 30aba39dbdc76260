import { expect } from 'vitest';
import type { GraphQLResponse, TestApi } from '../../../test/test-api.ts';

/** GraphQL documents and demo-county fixtures shared by the association and member tests. */

export const ASSOCIATION_FIELDS = `id code name level kind standing memberHomeFacilities hasMemberHome foundedOn version
  region { code level }`;
export const CREATE_ASSOCIATION = `mutation($input: AssociationInput!) {
  createAssociation(input: $input) { ${ASSOCIATION_FIELDS} } }`;
export const UPDATE_ASSOCIATION = `mutation($id: ID!, $v: Int!, $input: AssociationUpdateInput!) {
  updateAssociation(id: $id, expectedVersion: $v, input: $input) { ${ASSOCIATION_FIELDS} } }`;
export const ASSOCIATION = `query($id: ID!) { association(id: $id) { ${ASSOCIATION_FIELDS} } }`;
export const ASSOCIATIONS = `query($first: Int, $after: String, $filter: AssociationFilter, $orderBy: AssociationOrder) {
  associations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id code name kind standing level foundedOn } }
  } }`;
export const CREATE_MEMBER_GROUP = `mutation($associationId: ID!, $name: String!) {
  createMemberGroup(associationId: $associationId, name: $name) { id name } }`;
export const RENAME_MEMBER_GROUP = `mutation($id: ID!, $name: String!) { renameMemberGroup(id: $id, name: $name) { id name } }`;

export const MEMBER_FIELDS = `id role cardNumber duesPaidYear joinedOn leftOn active version
  person { id name } association { id code } group { id name }
  contactHouseholds { since household { id code } }`;
export const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { ${MEMBER_FIELDS} } }`;
export const UPDATE_MEMBER = `mutation($id: ID!, $v: Int!, $input: MemberUpdateInput!) {
  updateMember(id: $id, expectedVersion: $v, input: $input) { ${MEMBER_FIELDS} } }`;
export const END_MEMBERSHIP = `mutation($id: ID!, $v: Int!, $leftOn: String!) {
  endMembership(id: $id, expectedVersion: $v, leftOn: $leftOn) { ${MEMBER_FIELDS} } }`;
export const LINK_CONTACT_HOUSEHOLD = `mutation($memberId: ID!, $householdId: ID!, $since: String) {
  linkContactHousehold(memberId: $memberId, householdId: $householdId, since: $since) { ${MEMBER_FIELDS} } }`;
export const UNLINK_CONTACT_HOUSEHOLD = `mutation($memberId: ID!, $householdId: ID!) {
  unlinkContactHousehold(memberId: $memberId, householdId: $householdId) { ${MEMBER_FIELDS} } }`;
export const MEMBER = `query($id: ID!) { member(id: $id) { ${MEMBER_FIELDS} } }`;
export const MEMBERS = `query($first: Int, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
  members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id role cardNumber duesPaidYear joinedOn leftOn active person { name } } }
  } }`;

export interface AssociationNode {
  id: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  standing: string;
  memberHomeFacilities: string[];
  hasMemberHome: boolean;
  foundedOn: string | null;
  version: number;
  region: { code: string; level: string };
}

export interface MemberNode {
  id: string;
  role: string;
  cardNumber: string | null;
  duesPaidYear: number | null;
  joinedOn: string | null;
  leftOn: string | null;
  active: boolean;
  version: number;
  person: { id: string; name: string } | null;
  association: { id: string; code: string } | null;
  group: { id: string; name: string } | null;
  contactHouseholds: { since: string | null; household: { id: string; code: string } | null }[];
}

export interface VillageFixture {
  id: string;
  code: string;
  /** The village clerk's username (`clerk.<township>.<village>`). */
  clerk: string;
}

export interface TownshipFixture {
  id: string;
  code: string;
  /** The township admin's username. */
  admin: string;
  /** Villages with living persons registered in them, by code. */
  villages: VillageFixture[];
}

/**
 * The demo township with the most villages that have at least `minPersons` living persons each
 * (and their users), whatever else the demo data holds.
 */
export async function pickTownship(t: TestApi, minPersons = 4): Promise<TownshipFixture> {
  const rows = await t.ownerSql<{
    township_id: string;
    township_code: string;
    village_id: string;
    village_code: string;
    persons: number;
  }>(
    `select tw.id as township_id, tw.code as township_code, v.id as village_id, v.code as village_code,
            (select count(*) from person p where p.region_path <@ v.path and p.deceased_on is null)::int as persons
       from region tw join region v on v.parent_id = tw.id
      where tw.level = 'TOWNSHIP' and v.level = 'VILLAGE'
      order by tw.code, v.code`,
  );
  const users = new Set(
    (await t.ownerSql<{ username: string }>('select username from app_user')).map((u) => u.username),
  );
  const townships = new Map<string, TownshipFixture>();
  for (const row of rows) {
    const t3 = row.township_code.slice(6, 9);
    const clerk = `clerk.${t3}.${row.village_code.slice(9, 12)}`;
    if (row.persons < minPersons || !users.has(clerk)) continue;
    const township = townships.get(row.township_code) ?? {
      id: row.township_id,
      code: row.township_code,
      admin: `township.${t3}`,
      villages: [],
    };
    township.villages.push({ id: row.village_id, code: row.village_code, clerk });
    townships.set(row.township_code, township);
  }
  const best = [...townships.values()]
    .filter((township) => users.has(township.admin))
    .sort((a, b) => b.villages.length - a.villages.length)[0];
  if (!best || best.villages.length < 2) throw new Error('the demo county has no township with two villages');
  return best;
}

/** Living persons registered in a region's subtree (and where they live now), by id. */
export async function personsIn(t: TestApi, regionCode: string, limit = 1000) {
  return t.ownerSql<{ id: string; name: string; current_path: string }>(
    `select p.id, p.name, cr.path::text as current_path from person p join region cr on cr.id = p.current_region_id
      where p.region_path <@ (select path from region where code = $1) and p.deceased_on is null
      order by p.id limit $2`,
    [regionCode, limit],
  );
}

let householdSerial = 9000;
/** A household filed in a village, made as the database owner (households have their own module). */
export async function createHousehold(
  t: TestApi,
  villageCode: string,
): Promise<{ id: string; code: string }> {
  householdSerial += 1;
  const [row] = await t.ownerSql<{ id: string; code: string }>(
    `insert into household (region_id, code)
     select id, $1 || '-' || $2 from region where code = $1 returning id, code`,
    [villageCode, String(householdSerial)],
  );
  if (!row) throw new Error(`no village ${villageCode}`);
  return row;
}

/** The refusal a user can act on: one error with this code, naming `field`, in Chinese and English. */
export function expectRefusal(response: GraphQLResponse, code: string, field?: string): void {
  // A nullable field answers null beside the error; a non-null one nulls the whole response.
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  const error = response.errors?.[0];
  expect(error?.extensions?.code).toBe(code);
  if (field !== undefined) expect(error?.extensions?.field).toBe(field);
  expect(String(error?.extensions?.messageZh)).toMatch(/\p{Script=Han}/u);
  expect(String(error?.extensions?.messageEn)).toMatch(/^[\x20-\x7e–]+$/);
}

/** How many rows a table holds and how many audit events there are, as stored. */
export async function storedCounts(t: TestApi, table: string): Promise<{ rows: number; audit: number }> {
  const [row] = await t.ownerSql<{ rows: number; audit: number }>(
    `select (select count(*) from ${table})::int as rows, (select count(*) from audit_event)::int as audit`,
  );
  return row ?? { rows: -1, audit: -1 };
}
