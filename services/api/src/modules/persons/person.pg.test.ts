import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BILINGUAL_MESSAGE,
  demoTownships,
  freshPhone,
  freshResidentId,
  PERSON_FIELDS,
  type PersonNode,
  REGISTER_PERSON,
  registerPerson,
  type TownshipFixture,
  withBadChecksum,
} from '../../../test/registry-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { residentIdHmac } from './resident-id-hmac.ts';

const HMAC_KEY = 'test-hmac-key';

const PERSONS = `query($first: Int, $after: String, $filter: PersonFilter, $orderBy: PersonOrder) {
  persons(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} } } } }`;
const RESIDENT_ID = 'query($id: ID!) { personResidentId(id: $id) }';
const UPDATE_PERSON = `mutation($id: ID!, $v: Int!, $input: UpdatePersonInput!) {
  updatePerson(id: $id, expectedVersion: $v, input: $input) { ${PERSON_FIELDS} } }`;
const MOVED_AWAY = `mutation($id: ID!, $v: Int!, $on: String) {
  recordMovedAway(id: $id, expectedVersion: $v, movedAwayOn: $on) { ${PERSON_FIELDS} } }`;
const DEATH = `mutation($id: ID!, $v: Int!, $on: String) {
  recordDeath(id: $id, expectedVersion: $v, deceasedOn: $on) { ${PERSON_FIELDS} } }`;
const DUPLICATE_FLAGS = `query($status: DuplicateFlagStatus) { duplicateFlags(first: 100, status: $status) {
  totalCount edges { node { id reason status resolutionNote personA { id name } personB { id name } } } } }`;
const RESOLVE = `mutation($id: ID!, $status: DuplicateResolution!, $note: String) {
  resolveDuplicateFlag(id: $id, status: $status, note: $note) { id status resolutionNote resolvedAt } }`;

let t: TestApi;
let county: string;
let auditor: string;
let townshipA: TownshipFixture;
let townshipB: TownshipFixture;
/** Clerks of the first two villages of township A, and of the first village of township B. */
let clerkA1: string;
let clerkA2: string;
let clerkB1: string;
/** Every ID number and phone this file submits: none may ever reach a log line. */
const submitted: string[] = [];

function id(birthDate: string, sex: 'MALE' | 'FEMALE'): string {
  const value = freshResidentId(birthDate, sex);
  submitted.push(value);
  return value;
}
function phone(): string {
  const value = freshPhone();
  submitted.push(value);
  return value;
}

beforeAll(async () => {
  t = await startTestApi();
  [townshipA, townshipB] = (await demoTownships(t)) as [TownshipFixture, TownshipFixture];
  [county, auditor, clerkA1, clerkA2, clerkB1] = await Promise.all([
    t.signIn('county.admin'),
    t.signIn('county.auditor'),
    t.signIn(townshipA.villages[0]!.clerk),
    t.signIn(townshipA.villages[1]!.clerk),
    t.signIn(townshipB.villages[0]!.clerk),
  ]);
});
afterAll(async () => t?.close());

async function personCount(): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>('select count(*)::int as n from person');
  return row!.n;
}

async function auditRows(action: string, userName: string) {
  return t.ownerSql<{
    entity: string;
    entity_id: string;
    before_sha256: string | null;
    after_sha256: string | null;
  }>(
    `select a.entity, a.entity_id, a.before_sha256, a.after_sha256 from audit_event a
       join app_user u on u.id = a.user_id where a.action = $1 and u.username = $2 order by a.id`,
    [action, userName],
  );
}

describe('registering a person', () => {
  it('refuses a bad ID number, sex or birth date at odds with it, and a bad phone, naming the field and never echoing the value', async () => {
    const village = townshipA.villages[0]!.code;
    const good = id('1980-05-17', 'FEMALE');
    submitted.push(withBadChecksum(good));
    const before = await personCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ residentId: withBadChecksum(good) }, 'input.residentId', withBadChecksum(good)],
      [{ residentId: good.slice(0, 17) }, 'input.residentId', good.slice(0, 17)],
      [{ residentId: `${good.slice(0, 6)}19801317${good.slice(14)}` }, 'input.residentId', good.slice(6, 14)],
      [{ residentId: good, sex: 'MALE' }, 'input.sex', good],
      [{ residentId: good, birthDate: '1980-05-18' }, 'input.birthDate', good],
      [{ residentId: good, phone: '12345678901' }, 'input.phone', '12345678901'],
      [{ residentId: good, phone: '1391234567' }, 'input.phone', '1391234567'],
    ];
    for (const [overrides, field, secret] of cases) {
      const result = await t.graphql(
        REGISTER_PERSON,
        { input: { name: '林晓梅', registeredRegionCode: village, ...overrides } },
        clerkA1,
      );
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_INPUT', field });
      expect(result.errors?.[0]?.message).toMatch(BILINGUAL_MESSAGE);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
    expect(await personCount()).toBe(before);
  });

  it('registers with sex and birth date taken from the ID number, shows it masked, and the full number only to a writer, audited', async () => {
    const village = townshipA.villages[0]!;
    const number = id('1975-02-03', 'MALE');
    const mobile = phone();
    const person = await registerPerson(t, clerkA1, {
      name: '周建国',
      residentId: number.toLowerCase(),
      phone: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3)}`,
      registeredRegionCode: village.code,
      sex: 'MALE',
    });
    expect(person).toMatchObject({
      name: '周建国',
      sex: 'MALE',
      birthDate: '1975-02-03',
      residentIdMasked: `${number.slice(0, 4)}**********${number.slice(-4)}`,
      phoneMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
      version: 1,
      registeredRegion: { code: village.code },
      currentRegion: { code: village.code },
      household: null,
    });
    const [stored] = await t.ownerSql<{ resident_id: string; phone: string; hmac_ok: boolean }>(
      'select resident_id, phone, resident_id_hmac = $2 as hmac_ok from person where id = $1',
      [person.id, residentIdHmac(HMAC_KEY, number)],
    );
    expect(stored).toEqual({ resident_id: number, phone: mobile, hmac_ok: true });
    expect(await auditRows('person.register', village.clerk)).toContainEqual(
      expect.objectContaining({ entity: 'person', entity_id: person.id }),
    );

    // Found by its whole number (through the HMAC), never by a part of it.
    const byNumber = await t.graphql<{ persons: { totalCount: number; edges: { node: PersonNode }[] } }>(
      PERSONS,
      { filter: { search: number } },
      clerkA1,
    );
    expect(byNumber.data?.persons.edges.map((edge) => edge.node.id)).toEqual([person.id]);
    const byPart = await t.graphql<{ persons: { totalCount: number } }>(
      PERSONS,
      { filter: { search: number.slice(0, 10) } },
      clerkA1,
    );
    expect(byPart.data?.persons.totalCount).toBe(0);

    const full = await t.graphql<{ personResidentId: string }>(RESIDENT_ID, { id: person.id }, clerkA1);
    expect(full.data?.personResidentId).toBe(number);
    expect(await auditRows('person.readResidentId', village.clerk)).toEqual([
      expect.objectContaining({ entity_id: person.id, before_sha256: null, after_sha256: null }),
    ]);
    const forAuditor = await t.graphql(RESIDENT_ID, { id: person.id }, auditor);
    expect(forAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forOtherVillage = await t.graphql(RESIDENT_ID, { id: person.id }, clerkA2);
    expect(forOtherVillage.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a number already registered in the caller’s own scope with a conflict that may say where', async () => {
    const village = townshipA.villages[0]!;
    const number = id('1990-11-30', 'FEMALE');
    await registerPerson(t, clerkA1, {
      name: '王丽',
      residentId: number,
      registeredRegionCode: village.code,
    });
    const again = await t.graphql(
      REGISTER_PERSON,
      { input: { name: '王丽', residentId: number, registeredRegionCode: village.code } },
      clerkA1,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.residentId' });
    expect(again.errors?.[0]?.message).toContain('已登记');
    expect(again.errors?.[0]?.message).toContain(village.name);
    expect(JSON.stringify(again)).not.toContain(number);
  });

  it('refuses a number registered in another village generically, records the refusal and limits it per admin', async () => {
    const home = townshipA.villages[0]!;
    const number = id('1968-07-08', 'MALE');
    await registerPerson(t, clerkA1, { name: '陈国强', residentId: number, registeredRegionCode: home.code });

    // A clerk of its own for this test: once limited, they cannot register anyone for an hour.
    const stranger = townshipB.villages[1]!;
    const clerk = await t.signIn(stranger.clerk);
    const refused = await t.graphql(
      REGISTER_PERSON,
      { input: { name: '陈国强', residentId: number, registeredRegionCode: stranger.code } },
      clerk,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.residentId',
      messageZh: '该身份证号已在其他辖区登记',
      messageEn: 'This ID number is already registered in another jurisdiction',
    });
    const text = JSON.stringify(refused);
    for (const secret of [number, home.name, home.code, '陈国强']) expect(text).not.toContain(secret);

    const prefix = residentIdHmac(HMAC_KEY, number).subarray(0, 4).toString('hex');
    expect(await auditRows('PERSON_REGISTERED_ELSEWHERE', stranger.clerk)).toEqual([
      { entity: 'person', entity_id: prefix, before_sha256: null, after_sha256: null },
    ]);
    const warning = t.logLines.find((line) => line.includes('PERSON_REGISTERED_ELSEWHERE'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, hmacPrefix: prefix });

    // Nine more numbers from elsewhere in the county (demo persons of other villages) make ten in
    // the hour; the eleventh attempt is refused before anything is looked up, even a new number.
    const others = await t.ownerSql<{ resident_id: string }>(
      `select resident_id from person where not region_path <@ $1::ltree order by id limit 10`,
      [stranger.path],
    );
    for (const other of others.slice(0, 9)) {
      submitted.push(other.resident_id);
      const result = await t.graphql(
        REGISTER_PERSON,
        { input: { name: '测试', residentId: other.resident_id, registeredRegionCode: stranger.code } },
        clerk,
      );
      expect(result.errors?.[0]?.extensions?.messageEn).toBe(
        'This ID number is already registered in another jurisdiction',
      );
    }
    expect(await auditRows('PERSON_REGISTERED_ELSEWHERE', stranger.clerk)).toHaveLength(10);
    for (const residentId of [others[9]!.resident_id, id('2001-01-01', 'FEMALE')]) {
      const limited = await t.graphql(
        REGISTER_PERSON,
        { input: { name: '测试', residentId, registeredRegionCode: stranger.code } },
        clerk,
      );
      expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0]?.message).toMatch(BILINGUAL_MESSAGE);
    }
    expect(await auditRows('PERSON_REGISTERED_ELSEWHERE', stranger.clerk)).toHaveLength(10);
    // Another admin is not affected.
    await registerPerson(t, clerkB1, {
      name: '赵敏',
      residentId: id('1999-09-09', 'FEMALE'),
      registeredRegionCode: townshipB.villages[0]!.code,
    });
  });

  it('refuses a region outside the caller’s scope or above village level', async () => {
    const outside = await t.graphql(
      REGISTER_PERSON,
      {
        input: {
          name: '李明',
          residentId: id('1985-01-01', 'MALE'),
          registeredRegionCode: townshipB.villages[0]!.code,
        },
      },
      clerkA1,
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.registeredRegionCode',
    });
    const township = await t.graphql(
      REGISTER_PERSON,
      { input: { name: '李明', residentId: id('1985-01-02', 'MALE'), registeredRegionCode: townshipA.code } },
      county,
    );
    expect(township.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      field: 'input.registeredRegionCode',
    });
    const asAuditor = await t.graphql(
      REGISTER_PERSON,
      {
        input: {
          name: '李明',
          residentId: id('1985-01-03', 'MALE'),
          registeredRegionCode: townshipA.villages[0]!.code,
        },
      },
      auditor,
    );
    expect(asAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('changing a person', () => {
  it('checks the version, lets only a county admin correct the ID number, and keeps sex and birth date with it', async () => {
    const village = townshipA.villages[0]!;
    const person = await registerPerson(t, clerkA1, {
      name: '吴芳',
      residentId: id('1988-03-04', 'FEMALE'),
      registeredRegionCode: village.code,
    });
    const base = { name: '吴芳芳', registeredRegionCode: village.code, phone: phone() };
    const renamed = await t.graphql<{ updatePerson: PersonNode }>(
      UPDATE_PERSON,
      { id: person.id, v: 1, input: base },
      clerkA1,
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updatePerson).toMatchObject({ name: '吴芳芳', version: 2 });
    const stale = await t.graphql(UPDATE_PERSON, { id: person.id, v: 1, input: base }, clerkA1);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });

    const corrected = id('1988-04-03', 'MALE');
    const byClerk = await t.graphql(
      UPDATE_PERSON,
      { id: person.id, v: 2, input: { ...base, residentId: corrected } },
      clerkA1,
    );
    expect(byClerk.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.residentId' });
    const mismatch = await t.graphql(
      UPDATE_PERSON,
      { id: person.id, v: 2, input: { ...base, residentId: corrected, sex: 'FEMALE' } },
      county,
    );
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'input.sex' });
    const byCounty = await t.graphql<{ updatePerson: PersonNode }>(
      UPDATE_PERSON,
      { id: person.id, v: 2, input: { ...base, residentId: corrected } },
      county,
    );
    expect(byCounty.errors).toBeUndefined();
    expect(byCounty.data?.updatePerson).toMatchObject({ sex: 'MALE', birthDate: '1988-04-03', version: 3 });
    const [stored] = await t.ownerSql<{ hmac_ok: boolean }>(
      'select resident_id_hmac = $2 as hmac_ok from person where id = $1',
      [person.id, residentIdHmac(HMAC_KEY, corrected)],
    );
    expect(stored?.hmac_ok).toBe(true);
    expect(await auditRows('person.correctResidentId', 'county.admin')).toHaveLength(1);
  });

  it('records moving away and death with checked dates, and filters on them', async () => {
    const village = townshipA.villages[1]!;
    const person = await registerPerson(t, clerkA2, {
      name: '郑海波',
      residentId: id('1950-06-01', 'MALE'),
      registeredRegionCode: village.code,
    });
    const early = await t.graphql(MOVED_AWAY, { id: person.id, v: 1, on: '1949-12-31' }, clerkA2);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'movedAwayOn' });
    const future = await t.graphql(DEATH, { id: person.id, v: 1, on: '2999-01-01' }, clerkA2);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'deceasedOn' });
    const moved = await t.graphql<{ recordMovedAway: PersonNode }>(
      MOVED_AWAY,
      { id: person.id, v: 1, on: '2015-03-01' },
      clerkA2,
    );
    expect(moved.data?.recordMovedAway).toMatchObject({ movedAwayOn: '2015-03-01', version: 2 });
    const died = await t.graphql<{ recordDeath: PersonNode }>(
      DEATH,
      { id: person.id, v: 2, on: '2020-08-08' },
      clerkA2,
    );
    expect(died.data?.recordDeath).toMatchObject({ deceasedOn: '2020-08-08', version: 3 });

    const list = await t.graphql<{ persons: { edges: { node: PersonNode }[] } }>(
      PERSONS,
      { filter: { movedAway: true, deceased: true, regionCode: village.code } },
      clerkA2,
    );
    expect(list.data?.persons.edges.map((edge) => edge.node.id)).toEqual([person.id]);
    const alive = await t.graphql<{ persons: { edges: { node: PersonNode }[] } }>(
      PERSONS,
      { first: 100, filter: { deceased: false, search: '郑海波' } },
      clerkA2,
    );
    expect(alive.data?.persons.edges.map((edge) => edge.node.id)).not.toContain(person.id);
  });

  it('pages by keyset cursor in the chosen order, within the caller’s scope only', async () => {
    const village = townshipA.villages[0]!;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const result: {
        data?: {
          persons: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: PersonNode }[];
          };
        } | null;
      } = await t.graphql(
        PERSONS,
        { first: 40, after, orderBy: { field: 'BIRTH_DATE', direction: 'DESC' } },
        clerkA1,
      );
      const connection = result.data!.persons;
      total = connection.totalCount;
      for (const edge of connection.edges) {
        expect(edge.node.registeredRegion.code).toBe(village.code);
        seen.push(edge.node.birthDate);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort().reverse()).toEqual(seen);
    const [row] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from person where region_path <@ $1::ltree',
      [village.path],
    );
    expect(total).toBe(row!.n);
  });
});

describe('near-duplicates', () => {
  it('flags the same name and birth date under different numbers, for the county to see and resolve', async () => {
    const a = await registerPerson(t, clerkA1, {
      name: '欧阳思琪',
      residentId: id('1993-12-12', 'FEMALE'),
      registeredRegionCode: townshipA.villages[0]!.code,
    });
    const b = await registerPerson(t, clerkB1, {
      name: '欧阳思琪',
      residentId: id('1993-12-12', 'FEMALE'),
      registeredRegionCode: townshipB.villages[0]!.code,
    });
    const flags = await t.graphql<{
      duplicateFlags: {
        totalCount: number;
        edges: { node: { id: string; status: string; personA: { id: string }; personB: { id: string } } }[];
      };
    }>(DUPLICATE_FLAGS, { status: 'OPEN' }, county);
    const flag = flags.data?.duplicateFlags.edges.find(
      (edge) => [edge.node.personA.id, edge.node.personB.id].sort().join() === [a.id, b.id].sort().join(),
    )?.node;
    expect(flag).toMatchObject({ status: 'OPEN' });

    for (const cookie of [clerkA1, clerkB1, await t.signIn(townshipA.admin)]) {
      const hidden = await t.graphql<{ duplicateFlags: { totalCount: number } }>(DUPLICATE_FLAGS, {}, cookie);
      expect(hidden.data?.duplicateFlags.totalCount).toBe(0);
    }
    expect(await t.sqlAs(townshipA.villages[0]!.clerk, 'select id from person_duplicate_flag')).toEqual([]);
    expect(await t.sqlAs(townshipA.admin, 'select id from person_duplicate_flag')).toEqual([]);

    const byAuditor = await t.graphql(RESOLVE, { id: flag!.id, status: 'DISTINCT_PERSONS' }, auditor);
    expect(byAuditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resolved = await t.graphql<{ resolveDuplicateFlag: { status: string; resolutionNote: string } }>(
      RESOLVE,
      { id: flag!.id, status: 'DISTINCT_PERSONS', note: '经电话核实为两人' },
      county,
    );
    expect(resolved.data?.resolveDuplicateFlag).toMatchObject({
      status: 'DISTINCT_PERSONS',
      resolutionNote: '经电话核实为两人',
    });
    const again = await t.graphql(RESOLVE, { id: flag!.id, status: 'SAME_PERSON' }, county);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');

    // Renaming someone into a near-duplicate flags the new pair too.
    const c = await registerPerson(t, clerkA1, {
      name: '欧阳思齐',
      residentId: id('1993-12-12', 'FEMALE'),
      registeredRegionCode: townshipA.villages[0]!.code,
    });
    await t.graphql(
      UPDATE_PERSON,
      { id: c.id, v: 1, input: { name: '欧阳思琪', registeredRegionCode: townshipA.villages[0]!.code } },
      clerkA1,
    );
    const [raised] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from person_duplicate_flag
        where status = 'OPEN' and $1::uuid in (person_a_id, person_b_id)`,
      [c.id],
    );
    expect(raised?.n).toBe(2);
  });
});

describe('logs', () => {
  it('never contain an ID number or a phone submitted in this file', () => {
    const log = t.logLines.join('\n');
    expect(submitted.length).toBeGreaterThan(10);
    for (const secret of submitted) expect(log).not.toContain(secret);
  });
});
