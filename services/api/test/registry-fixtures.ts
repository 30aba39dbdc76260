import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type { TestApi } from './test-api.ts';

/**
 * Persons, households and regions for the registry tests, on top of the demo county's registry: its
 * households are numbered from `<village>-0001` up (a few hundred per village), so a test's households
 * take numbers from 9001, and its persons the ID numbers of `freshResidentId`.
 */

export const BILINGUAL_MESSAGE = /[\u4e00-\u9fff].* \/ [A-Za-z]/;

export interface VillageFixture {
  code: string;
  name: string;
  path: string;
  clerk: string;
}

export interface TownshipFixture {
  code: string;
  path: string;
  admin: string;
  villages: VillageFixture[];
}

/** Two townships of the demo county with their villages and clerks, for scope tests. */
export async function demoTownships(t: TestApi): Promise<TownshipFixture[]> {
  const rows = await t.ownerSql<{ username: string; role: string; code: string; name: string; path: string }>(
    `select u.username, u.role, r.code, r.name, r.path::text as path
       from app_user u join region r on r.id = u.region_id
      where u.role in ('TOWNSHIP_ADMIN', 'VILLAGE_CLERK') order by r.path`,
  );
  const townships: TownshipFixture[] = [];
  for (const row of rows) {
    if (row.role === 'TOWNSHIP_ADMIN') {
      townships.push({ code: row.code, path: row.path, admin: row.username, villages: [] });
    } else {
      townships
        .find((township) => row.path.startsWith(`${township.path}.`))
        ?.villages.push({ code: row.code, name: row.name, path: row.path, clerk: row.username });
    }
  }
  return townships.filter((township) => township.villages.length >= 2);
}

let sequence = 0;
/**
 * A valid ID number no demo person has: the demo county's numbers carry its own code (330199),
 * these one from elsewhere (people move in), with a fresh order code each.
 */
export function freshResidentId(birthDate: string, sex: 'MALE' | 'FEMALE'): string {
  sequence += 1;
  return generateResidentId({ regionCode: '110105', birthDate, sex, sequence: sequence % 500 });
}

/** The same number with a wrong check character. */
export function withBadChecksum(residentId: string): string {
  const last = residentId.at(-1);
  return residentId.slice(0, 17) + (last === '0' ? '1' : '0');
}

let phoneSerial = 0;
export function freshPhone(): string {
  phoneSerial += 1;
  return `139${String(70_000_000 + phoneSerial).padStart(8, '0')}`;
}

export const PERSON_FIELDS = `id name residentIdMasked sex birthDate phoneMasked relation movedAwayOn deceasedOn version
  registeredRegion { code } currentRegion { code } household { id code }`;

export const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { ${PERSON_FIELDS} } }`;

export interface PersonNode {
  id: string;
  name: string;
  residentIdMasked: string;
  sex: string;
  birthDate: string;
  phoneMasked: string | null;
  relation: string | null;
  movedAwayOn: string | null;
  deceasedOn: string | null;
  version: number;
  registeredRegion: { code: string };
  currentRegion: { code: string } | null;
  household: { id: string; code: string } | null;
}

/** Registers a person through the API and fails the test on any error. */
export async function registerPerson(
  t: TestApi,
  cookie: string,
  input: Record<string, unknown>,
): Promise<PersonNode> {
  const result = await t.graphql<{ registerPerson: PersonNode }>(REGISTER_PERSON, { input }, cookie);
  if (result.errors) throw new Error(`registerPerson failed: ${JSON.stringify(result.errors)}`);
  return result.data!.registerPerson;
}

/** Adds a user the demo county lacks (same password as the demo users), e.g. an auditor at a township. */
export async function addUser(t: TestApi, username: string, role: string, regionCode: string): Promise<void> {
  await t.ownerSql(
    `insert into app_user (username, display_name, password_hash, role, region_id)
     select $1, '测试用户', u.password_hash, $2, r.id
       from app_user u, region r where u.username = 'county.admin' and r.code = $3`,
    [username, role, regionCode],
  );
}
