import { APP_ROLE } from '@sunshine/devdb/database-urls';
import { generateResidentId } from '@sunshine/identifiers/resident-id';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { walkConnection } from '../../../test/walk-connection.ts';
import {
  auditCount,
  BILINGUAL,
  chinaDay,
  expectBadInput,
  rowCount,
  type WorkRecordWorld,
  workRecordWorld,
} from '../activities/work-record-test-fixtures.ts';

const ROUND_FIELDS = `id title year issuingBody documentNumber issuedOn recipientCount prizeTotalFen version
  region { code level }`;
const RECIPIENT_FIELDS = `id roundId category associationId associationCode personId recipientName citation prizeFen
  namePublicationConsent consentRecordedOn version region { code } person { name residentIdMasked phoneMasked }`;
const CREATE_ROUND = `mutation($input: CreateAwardRoundInput!) { createAwardRound(input: $input) { ${ROUND_FIELDS} } }`;
const UPDATE_ROUND = `mutation($id: ID!, $v: Int!, $input: AwardRoundInput!) {
  updateAwardRound(id: $id, expectedVersion: $v, input: $input) { ${ROUND_FIELDS} } }`;
const ADD = `mutation($input: AddAwardRecipientInput!) { addAwardRecipient(input: $input) { ${RECIPIENT_FIELDS} } }`;
const UPDATE_RECIPIENT = `mutation($id: ID!, $v: Int!, $input: AwardRecipientInput!) {
  updateAwardRecipient(id: $id, expectedVersion: $v, input: $input) { ${RECIPIENT_FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $v: Int!) { removeAwardRecipient(id: $id, expectedVersion: $v) { ${ROUND_FIELDS} } }`;
const ONE = `query($id: ID!) { awardRound(id: $id) { ${ROUND_FIELDS} recipients { ${RECIPIENT_FIELDS} } } }`;
const LIST = `query($first: Int, $after: String, $filter: AwardRoundFilter) {
  awardRounds(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

interface RoundNode {
  id: string;
  title: string;
  year: number;
  documentNumber: string;
  issuedOn: string;
  recipientCount: number;
  prizeTotalFen: string;
  version: number;
  region: { code: string; level: string };
}

interface RecipientNode {
  id: string;
  roundId: string;
  category: string;
  associationId: string | null;
  associationCode: string | null;
  personId: string | null;
  recipientName: string | null;
  citation: string;
  prizeFen: string | null;
  namePublicationConsent: boolean;
  consentRecordedOn: string | null;
  version: number;
  region: { code: string };
  person: { name: string; residentIdMasked: string; phoneMasked: string | null } | null;
}

let t: TestApi;
let world: WorkRecordWorld;
const cookies: Record<string, string> = {};
let serial = 100;
/** Persons registered in village A, in the other township, and village A's association. */
let villageAPersons: { id: string; name: string }[];
let otherTownshipPerson: string;
let associationA: string;
let associationOther: string;

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

/** A round's fields; each call a document number no demo round has. */
function roundInput(regionCode: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    regionCode,
    title: '关于表彰2025年度计生协工作先进集体和先进个人的决定',
    year: 2025,
    issuingBody: '青山县计划生育协会',
    documentNumber: `青计协发〔2026〕${serial}号`,
    issuedOn: '2026-03-02',
    ...overrides,
  };
}

function unit(roundId: string, associationId: string, overrides: Record<string, unknown> = {}) {
  return {
    roundId,
    associationId,
    category: 'ADVANCED_UNIT',
    citation: '会员之家“五有”齐全，全年开展会员活动 18 次，会员联系户覆盖 120 户。',
    prizeFen: '200000',
    ...overrides,
  };
}

function individual(roundId: string, personId: string, overrides: Record<string, unknown> = {}) {
  return {
    roundId,
    personId,
    category: 'ADVANCED_INDIVIDUAL',
    citation: '担任村计生协秘书长以来，认真履职，结对帮扶计生困难家庭 6 户。',
    prizeFen: '50000',
    namePublicationConsent: true,
    consentRecordedOn: '2026-02-20',
    ...overrides,
  };
}

async function createRound(username: string, input: Record<string, unknown>): Promise<RoundNode> {
  const res = await t.graphql<{ createAwardRound: RoundNode }>(CREATE_ROUND, { input }, await as(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.createAwardRound as RoundNode;
}

async function add(username: string, input: Record<string, unknown>): Promise<RecipientNode> {
  const res = await t.graphql<{ addAwardRecipient: RecipientNode }>(ADD, { input }, await as(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.addAwardRecipient as RecipientNode;
}

async function stored(id: string): Promise<boolean> {
  const rows = await t.ownerSql('select 1 from award_recipient where id = $1', [id]);
  return rows.length === 1;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.ownerSql<{ action: string }>(
    'select action from audit_event where entity_id = $1 order by id',
    [entityId],
  );
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  t = await startTestApi();
  world = await workRecordWorld(t);
  villageAPersons = await t.ownerSql<{ id: string; name: string }>(
    `select id, name from person where region_path <@ $1::ltree and deceased_on is null order by id limit 12`,
    [world.villageA.path],
  );
  const [other] = await t.ownerSql<{ id: string }>(
    'select id from person where region_path <@ $1::ltree order by id limit 1',
    [world.otherTownship.path],
  );
  otherTownshipPerson = (other as { id: string }).id;
  const associations = await t.ownerSql<{ id: string; code: string }>(
    'select id, code from association where code = any($1::text[])',
    [[`${world.villageA.code}-FPA`, `${world.otherVillage.code}-FPA`]],
  );
  associationA = associations.find((a) => a.code.startsWith(world.villageA.code))?.id as string;
  associationOther = associations.find((a) => a.code.startsWith(world.otherVillage.code))?.id as string;
  expect(villageAPersons.length).toBe(12);
  expect([associationA, associationOther].every(Boolean)).toBe(true);
});
afterAll(async () => t?.close());

describe('award rounds and recipients', () => {
  it('a county admin issues a round, commends associations and persons, and reads totals in fen', async () => {
    const audits = (await auditCount(t, 'award_round')) + (await auditCount(t, 'award_recipient'));
    const round = await createRound('county.admin', roundInput(world.county.code));
    expect(round).toMatchObject({
      year: 2025,
      issuedOn: '2026-03-02',
      recipientCount: 0,
      prizeTotalFen: '0',
      version: 1,
      region: { code: world.county.code, level: 'COUNTY' },
    });
    const [first, second] = villageAPersons as [{ id: string; name: string }, { id: string; name: string }];
    const association = await add('county.admin', unit(round.id, associationA));
    expect(association).toMatchObject({
      category: 'ADVANCED_UNIT',
      associationCode: `${world.villageA.code}-FPA`,
      personId: null,
      prizeFen: '200000',
      namePublicationConsent: false,
      consentRecordedOn: null,
      region: { code: world.villageA.code },
      person: null,
    });
    expect(association.recipientName).toMatch(/计划生育协会$/);
    const consenting = await add('county.admin', individual(round.id, first.id));
    // Admins see the name, as everywhere in the registry; the ID number and phone stay masked.
    expect(consenting).toMatchObject({
      recipientName: first.name,
      namePublicationConsent: true,
      consentRecordedOn: '2026-02-20',
      person: { name: first.name },
    });
    expect(consenting.person?.residentIdMasked).toMatch(/^\d{4}\*+[\dX]{4}$/);
    const unpaid = await add(
      'county.admin',
      individual(round.id, second.id, {
        category: 'EXCELLENT_MEMBER',
        prizeFen: null,
        namePublicationConsent: false,
        consentRecordedOn: null,
      }),
    );
    expect(unpaid).toMatchObject({ prizeFen: null, namePublicationConsent: false, consentRecordedOn: null });

    const read = await t.graphql<{ awardRound: RoundNode & { recipients: RecipientNode[] } }>(
      ONE,
      { id: round.id },
      await as('county.admin'),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.awardRound).toMatchObject({ recipientCount: 3, prizeTotalFen: '250000' });
    // Units first, then individuals as entered.
    expect(read.data?.awardRound.recipients.map((r) => r.id)).toEqual([
      association.id,
      consenting.id,
      unpaid.id,
    ]);
    const stored = await t.ownerSql<{ prize_fen: string | null }>(
      'select prize_fen::text from award_recipient where round_id = $1 order by created_at, id',
      [round.id],
    );
    expect(stored.map((row) => row.prize_fen)).toEqual(['200000', '50000', null]);
    expect(await auditActions(round.id)).toEqual(['award_round.create']);
    expect(await auditActions(consenting.id)).toEqual(['award_recipient.add']);
    expect((await auditCount(t, 'award_round')) + (await auditCount(t, 'award_recipient'))).toBe(audits + 4);
  });

  it('a township admin issues rounds for the township only, and commends only within it', async () => {
    const township = world.users.township;
    const round = await createRound(
      township,
      roundInput(world.township.code, {
        title: '关于表彰2025年度优秀会员和优秀志愿者的决定',
        issuingBody: '青山县某镇计划生育协会',
      }),
    );
    expect(round.region).toEqual({ code: world.township.code, level: 'TOWNSHIP' });
    const volunteer = await add(
      township,
      individual(round.id, (villageAPersons[2] as { id: string }).id, {
        category: 'EXCELLENT_VOLUNTEER',
        prizeFen: '20000',
      }),
    );
    expect(volunteer.region.code).toBe(world.villageA.code);

    // The county's rounds and the other township are out of sight.
    const county = await createRound('county.admin', roundInput(world.county.code));
    const seen = await t.graphql(ONE, { id: county.id }, await as(township));
    expect(seen.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const countyRound = await t.graphql(
      CREATE_ROUND,
      { input: roundInput(world.county.code) },
      await as(township),
    );
    expect(countyRound.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.regionCode',
    });
    const intoCounty = await t.graphql(ADD, { input: unit(county.id, associationA) }, await as(township));
    expect(intoCounty.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.roundId' });
    const outsider = await t.graphql(
      ADD,
      { input: individual(round.id, otherTownshipPerson) },
      await as(township),
    );
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.personId' });

    // A county admin sees both townships, but a township's round commends only its own.
    const before = await rowCount(t, 'award_recipient');
    const person = await t.graphql(
      ADD,
      { input: individual(round.id, otherTownshipPerson) },
      await as('county.admin'),
    );
    expectBadInput(person, 'input.personId');
    const association = await t.graphql(
      ADD,
      { input: unit(round.id, associationOther) },
      await as('county.admin'),
    );
    expectBadInput(association, 'input.associationId');
    expect(await rowCount(t, 'award_recipient')).toBe(before);

    // A village is no issuing level.
    expectBadInput(
      await t.graphql(CREATE_ROUND, { input: roundInput(world.villageA.code) }, await as('county.admin')),
      'input.regionCode',
    );
  });

  it('a village clerk cannot issue a round or touch its recipients; the auditor only reads', async () => {
    const round = await createRound('county.admin', roundInput(world.county.code));
    const recipient = await add('county.admin', unit(round.id, associationA));
    const clerk = world.users.clerkA;
    for (const input of [roundInput(world.county.code), roundInput(world.villageA.code)]) {
      const res = await t.graphql(CREATE_ROUND, { input }, await as(clerk));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.errors?.[0]?.message).toMatch(BILINGUAL);
    }
    const edit = await t.graphql(
      UPDATE_RECIPIENT,
      { id: recipient.id, v: 1, input: { category: 'ADVANCED_UNIT', citation: '越权修改的评语' } },
      await as(clerk),
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The database agrees, whatever the service: the clerk's village holds the recipient, but the
    // county round is out of the clerk's sight, so nothing can be changed or removed.
    await expect(
      t.sqlAs(
        clerk,
        `insert into award_round (region_id, title, year, issuing_body, document_number, issued_on, created_by, updated_by)
         select r.id, '越权表彰', 2025, '某村', '某村〔2026〕1号', '2026-01-05', app_user_id(), app_user_id()
           from region r where r.code = $1`,
        [world.county.code],
      ),
    ).rejects.toThrow(/row-level security|null value/);
    expect(
      await t.sqlAs(
        clerk,
        "update award_recipient set citation = '越权修改的评语' where id = $1 returning id",
        [recipient.id],
      ),
    ).toEqual([]);
    expect(
      await t.sqlAs(clerk, 'delete from award_recipient where id = $1 returning id', [recipient.id]),
    ).toEqual([]);

    const auditor = await as('county.auditor');
    const read = await t.graphql<{ awardRound: { recipients: { id: string }[] } }>(
      ONE,
      { id: round.id },
      auditor,
    );
    expect(read.data?.awardRound.recipients.map((r) => r.id)).toEqual([recipient.id]);
    const write = await t.graphql(CREATE_ROUND, { input: roundInput(world.county.code) }, auditor);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const remove = await t.graphql(REMOVE, { id: recipient.id, v: 1 }, auditor);
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored(recipient.id)).toBe(true);
  });

  it('refuses bad rounds and recipients, naming the field and writing nothing', async () => {
    const round = await createRound('county.admin', roundInput(world.county.code));
    const person = (villageAPersons[3] as { id: string }).id;
    const residentId = generateResidentId({
      regionCode: '330199',
      birthDate: '1980-05-06',
      sex: 'FEMALE',
      sequence: 7,
    });
    const rounds = await rowCount(t, 'award_round');
    const recipients = await rowCount(t, 'award_recipient');
    const audits = (await auditCount(t, 'award_round')) + (await auditCount(t, 'award_recipient'));

    const roundCases: [Record<string, unknown>, string][] = [
      [{ title: '表' }, 'input.title'],
      [{ year: 1979 }, 'input.year'],
      [{ issuedOn: '2026-02-30' }, 'input.issuedOn'],
      // Issued two years after the year it commends.
      [{ year: 2024, issuedOn: '2026-03-02' }, 'input.issuedOn'],
      [{ documentNumber: '第五号文件' }, 'input.documentNumber'],
      // The year in the number is not the year issued.
      [{ documentNumber: '青计协发〔2025〕7号' }, 'input.documentNumber'],
      [{ issuingBody: ' ' }, 'input.issuingBody'],
    ];
    for (const [overrides, field] of roundCases) {
      const res = await t.graphql(
        CREATE_ROUND,
        { input: roundInput(world.county.code, overrides) },
        await as('county.admin'),
      );
      expectBadInput(res, field);
    }

    const recipientCases: [Record<string, unknown>, string][] = [
      [individual(round.id, person, { prizeFen: '12.50' }), 'input.prizeFen'],
      [individual(round.id, person, { prizeFen: '-1' }), 'input.prizeFen'],
      [individual(round.id, person, { prizeFen: '10000001' }), 'input.prizeFen'],
      [individual(round.id, person, { prizeFen: '５００００' }), 'input.prizeFen'],
      // Citations are published: no ID numbers or phones, however they are written.
      [individual(round.id, person, { citation: `身份证号${residentId}，工作认真。` }), 'input.citation'],
      [
        individual(round.id, person, {
          citation: `联系人身份证 ${residentId.slice(0, 6)} ${residentId.slice(6)}`,
        }),
        'input.citation',
      ],
      [individual(round.id, person, { citation: '热心公益，联系电话13812345678。' }), 'input.citation'],
      [individual(round.id, person, { citation: '热心公益，联系电话 138-1234-5678。' }), 'input.citation'],
      [
        individual(round.id, person, { citation: '热心公益，联系电话１３８１２３４５６７８。' }),
        'input.citation',
      ],
      [individual(round.id, person, { citation: '好' }), 'input.citation'],
      [individual(round.id, person, { consentRecordedOn: null }), 'input.consentRecordedOn'],
      [individual(round.id, person, { consentRecordedOn: chinaDay(2) }), 'input.consentRecordedOn'],
      [
        individual(round.id, person, { namePublicationConsent: false, consentRecordedOn: '2026-02-20' }),
        'input.consentRecordedOn',
      ],
      [individual(round.id, person, { associationId: associationA }), 'input.personId'],
      [individual(round.id, person, { personId: null }), 'input.associationId'],
      [individual(round.id, person, { category: 'ADVANCED_UNIT' }), 'input.category'],
      [unit(round.id, associationA, { category: 'EXCELLENT_MEMBER' }), 'input.category'],
      [
        unit(round.id, associationA, { namePublicationConsent: true, consentRecordedOn: '2026-02-20' }),
        'input.namePublicationConsent',
      ],
    ];
    for (const [input, field] of recipientCases) {
      const res = await t.graphql(ADD, { input }, await as('county.admin'));
      expectBadInput(res, field);
      // The message says what is wrong without repeating what was typed.
      expect(res.errors?.[0]?.message).not.toContain(residentId);
      expect(res.errors?.[0]?.message).not.toContain('13812345678');
    }
    expect(await rowCount(t, 'award_round')).toBe(rounds);
    expect(await rowCount(t, 'award_recipient')).toBe(recipients);
    expect((await auditCount(t, 'award_round')) + (await auditCount(t, 'award_recipient'))).toBe(audits);
  });

  it('refuses the same document number, association or person twice', async () => {
    const input = roundInput(world.county.code);
    const round = await createRound('county.admin', input);
    const again = await t.graphql(CREATE_ROUND, { input }, await as('county.admin'));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.documentNumber' });
    // Written with other brackets, it is the same number.
    const brackets = await t.graphql(
      CREATE_ROUND,
      { input: { ...input, documentNumber: input.documentNumber.replace('〔', '[').replace('〕', ']') } },
      await as('county.admin'),
    );
    expect(brackets.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.documentNumber',
    });

    await add('county.admin', unit(round.id, associationA));
    const twice = await t.graphql(ADD, { input: unit(round.id, associationA) }, await as('county.admin'));
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.associationId' });
    const person = (villageAPersons[4] as { id: string }).id;
    await add('county.admin', individual(round.id, person));
    const personTwice = await t.graphql(
      ADD,
      { input: individual(round.id, person, { category: 'EXCELLENT_MEMBER' }) },
      await as('county.admin'),
    );
    expect(personTwice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.personId' });
  });

  it('edits with the version seen, refuses a stale one, removes a recipient, and audits each step', async () => {
    const round = await createRound('county.admin', roundInput(world.county.code));
    const edited = await t.graphql<{ updateAwardRound: RoundNode }>(
      UPDATE_ROUND,
      {
        id: round.id,
        v: 1,
        input: {
          title: '关于表彰2025年度先进集体的决定',
          year: 2025,
          issuingBody: '青山县计划生育协会',
          documentNumber: round.documentNumber,
          issuedOn: '2026-03-05',
        },
      },
      await as('county.approver'),
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.updateAwardRound).toMatchObject({
      title: '关于表彰2025年度先进集体的决定',
      issuedOn: '2026-03-05',
      version: 2,
    });
    const stale = await t.graphql(
      UPDATE_ROUND,
      { id: round.id, v: 1, input: { ...roundInput(world.county.code), regionCode: undefined } },
      await as('county.admin'),
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });

    const person = (villageAPersons[5] as { id: string }).id;
    const recipient = await add('county.admin', individual(round.id, person, { prizeFen: '100000' }));
    const changed = await t.graphql<{ updateAwardRecipient: RecipientNode }>(
      UPDATE_RECIPIENT,
      {
        id: recipient.id,
        v: 1,
        input: {
          category: 'EXCELLENT_MEMBER',
          citation: '积极参加会员活动，主动联系帮扶 3 户计生家庭。',
          prizeFen: '30000',
          namePublicationConsent: false,
        },
      },
      await as('county.admin'),
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateAwardRecipient).toMatchObject({
      category: 'EXCELLENT_MEMBER',
      prizeFen: '30000',
      namePublicationConsent: false,
      consentRecordedOn: null,
      version: 2,
      personId: person,
    });
    const staleRecipient = await t.graphql(REMOVE, { id: recipient.id, v: 1 }, await as('county.admin'));
    expect(staleRecipient.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'expectedVersion',
    });
    const other = await add('county.admin', unit(round.id, associationA));
    const removed = await t.graphql<{ removeAwardRecipient: RoundNode }>(
      REMOVE,
      { id: recipient.id, v: 2 },
      await as('county.admin'),
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeAwardRecipient).toMatchObject({
      id: round.id,
      recipientCount: 1,
      prizeTotalFen: '200000',
    });
    expect(await stored(recipient.id)).toBe(false);
    expect(await stored(other.id)).toBe(true);

    expect(await auditActions(round.id)).toEqual(['award_round.create', 'award_round.update']);
    expect(await auditActions(recipient.id)).toEqual([
      'award_recipient.add',
      'award_recipient.update',
      'award_recipient.remove',
    ]);
    const [removal] = await t.ownerSql<{
      user_id: string;
      region_path: string;
      before_sha256: string | null;
    }>(
      `select e.user_id, e.region_path::text, e.before_sha256 from audit_event e
        where e.entity_id = $1 and e.action = 'award_recipient.remove'`,
      [recipient.id],
    );
    expect(removal?.region_path).toBe(world.county.path);
    expect(removal?.before_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps its rules in the database too, whatever the caller sends', async () => {
    const round = await createRound('county.admin', roundInput(world.county.code));
    const townshipRound = await createRound(world.users.township, roundInput(world.township.code));
    const person = (villageAPersons[6] as { id: string }).id;
    const insert = (roundId: string, columns: string, values: string, params: unknown[]) =>
      t.sqlAs(
        'county.admin',
        `insert into award_recipient (round_id, category, citation, created_by, updated_by, region_id, ${columns})
         select $1, $2, '积极参加会员活动，表现突出。', app_user_id(), app_user_id(), r.id, ${values}
           from region r where nlevel(r.path) = 1 returning region_id`,
        [roundId, ...params],
      );
    // Both an association and a person.
    await expect(
      insert(round.id, 'association_id, person_id', '$3, $4', ['ADVANCED_UNIT', associationA, person]),
    ).rejects.toThrow(/award_recipient_one_recipient|violates/);
    // A person from the other township in this township's round.
    await expect(
      insert(townshipRound.id, 'person_id', '$3', ['EXCELLENT_MEMBER', otherTownshipPerson]),
    ).rejects.toThrow(/within the region of its round/);
    // Consent without a date; a phone number in the citation.
    await expect(
      insert(round.id, 'person_id, name_publication_consent', '$3, true', ['EXCELLENT_MEMBER', person]),
    ).rejects.toThrow(/award_recipient_consent_dated/);
    // The region given is replaced by the person's registered region.
    const [row] = await insert(round.id, 'person_id', '$3', ['EXCELLENT_MEMBER', person]);
    const [villageA] = await t.ownerSql<{ id: string }>('select region_id as id from person where id = $1', [
      person,
    ]);
    expect(row).toEqual({ region_id: villageA?.id });
    await expect(
      t.sqlAs('county.admin', 'update award_recipient set round_id = $1 where round_id = $2', [
        townshipRound.id,
        round.id,
      ]),
    ).rejects.toThrow(/never moves/);
    await expect(
      t.sqlAs(
        'county.admin',
        "update award_recipient set citation = '联系电话13812345678' where round_id = $1",
        [round.id],
      ),
    ).rejects.toThrow(/award_recipient_citation_check|violates check/);
    await expect(
      t.sqlAs(
        'county.admin',
        `update award_round set region_id = (select id from region where code = $1) where id = $2`,
        [world.township.code, round.id],
      ),
    ).rejects.toThrow(/never change/);
  });

  it('lists rounds as SQL does, by region and year, latest issued first', async () => {
    await createRound(
      'county.admin',
      roundInput(world.county.code, {
        year: 2024,
        issuedOn: '2025-01-20',
        documentNumber: `青计协发〔2025〕${++serial}号`,
      }),
    );
    await createRound(
      world.users.township,
      roundInput(world.township.code, { year: 2026, issuedOn: '2026-06-01' }),
    );
    const county = await as('county.admin');
    async function sqlIds(where: string, params: unknown[]) {
      const rows = await t.ownerSql<{ id: string }>(
        `select r.id from award_round r where ${where} order by r.issued_on desc, r.id desc`,
        params,
      );
      return rows.map((row) => row.id);
    }
    const cases: { filter: Record<string, unknown> | null; where: string; params: unknown[] }[] = [
      { filter: null, where: 'true', params: [] },
      { filter: { year: 2025 }, where: 'r.year = 2025', params: [] },
      {
        filter: { regionCode: world.township.code },
        where: 'r.region_path <@ $1::ltree',
        params: [world.township.path],
      },
      {
        filter: { regionCode: world.township.code, year: 2026 },
        where: 'r.region_path <@ $1::ltree and r.year = 2026',
        params: [world.township.path],
      },
    ];
    for (const { filter, where, params } of cases) {
      const expected = await sqlIds(where, params);
      expect(expected.length).toBeGreaterThan(0);
      const { ids, totalCount } = await walkConnection(
        t,
        { document: LIST, field: 'awardRounds', first: 2 },
        { filter },
        county,
      );
      expect({ filter, ids }).toEqual({ filter, ids: expected });
      expect(totalCount).toBe(expected.length);
    }
    // A township admin sees only the township's rounds.
    const township = await walkConnection(
      t,
      { document: LIST, field: 'awardRounds', first: 100 },
      { filter: null },
      await as(world.users.township),
    );
    expect(township.ids).toEqual(await sqlIds('r.region_path <@ $1::ltree', [world.township.path]));
    expectBadInput(await t.graphql(LIST, { filter: { year: 1800 } }, county), 'filter.year');
    const outside = await t.graphql(
      LIST,
      { filter: { regionCode: world.otherTownship.code } },
      await as(world.users.township),
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.regionCode' });
  });

  it('the demo county holds commendations: two county rounds of about twenty and one township round', async () => {
    const demo = await t.ownerSql<{
      id: string;
      level: string;
      n: number;
      prize: string;
      consented: number;
      persons: number;
    }>(
      `select r.id, g.level, count(x.id)::int as n, coalesce(sum(x.prize_fen), 0)::text as prize,
              count(*) filter (where x.name_publication_consent)::int as consented,
              count(x.person_id)::int as persons
         from award_round r join region g on g.id = r.region_id left join award_recipient x on x.round_id = r.id
        where r.document_number ~ '〔202[56]〕[1-9]号$' group by r.id, g.level order by g.level, r.issued_on`,
    );
    expect(demo.map((round) => round.level)).toEqual(['COUNTY', 'COUNTY', 'TOWNSHIP']);
    for (const round of demo) {
      expect(round.n).toBeGreaterThanOrEqual(round.level === 'COUNTY' ? 18 : 6);
      expect(round.persons).toBeGreaterThan(0);
      expect(round.persons).toBeLessThan(round.n);
      expect(round.consented).toBeGreaterThan(0);
      expect(round.consented).toBeLessThan(round.persons);
    }
    const [first] = demo;
    const res = await t.graphql<{ awardRound: RoundNode & { recipients: RecipientNode[] } }>(
      ONE,
      { id: first?.id },
      await as('county.admin'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.awardRound.prizeTotalFen).toBe(first?.prize);
    expect(res.data?.awardRound.recipients).toHaveLength(first?.n as number);
    expect(res.data?.awardRound.recipients.every((r) => r.recipientName)).toBe(true);
  });
});

describe('nested read of rounds and recipients', () => {
  const NESTED = `query($first: Int) { awardRounds(first: $first) { edges { node { id title region { code }
    recipients { id recipientName region { code } person { name } } } } } }`;
  const sent: string[] = [];
  let counting = false;
  const driverQuery = pg.Client.prototype.query;

  function countingQuery(this: pg.Client, ...args: unknown[]): unknown {
    if (counting && (this as pg.Client & { user?: string }).user === APP_ROLE) {
      const query = args[0];
      sent.push(typeof query === 'string' ? query : String((query as { text?: string } | null)?.text ?? ''));
    }
    return (driverQuery as (...a: unknown[]) => unknown).apply(this, args);
  }

  async function readsFor(first: number): Promise<{ rounds: number; reads: number }> {
    sent.length = 0;
    counting = true;
    try {
      const res = await t.graphql<{ awardRounds: { edges: { node: { recipients: unknown[] } }[] } }>(
        NESTED,
        { first },
        await as('county.admin'),
      );
      expect(res.errors).toBeUndefined();
      const reads = sent
        .map((sql) => sql.replace(/^\s*select set_config\([^;]*;\s*/i, ''))
        .filter(
          (sql) =>
            sql !== '' &&
            !/^\s*(begin|commit|rollback|start transaction|savepoint|release)\b/i.test(sql) &&
            !/set_config\(/.test(sql),
        );
      return { rounds: res.data?.awardRounds.edges.length ?? 0, reads: reads.length };
    } finally {
      counting = false;
    }
  }

  it('costs the same statements for one round and for many: one per nesting level', async () => {
    // The latest round commends a person and an association, so the first page reaches every level.
    const latest = await createRound(
      'county.admin',
      roundInput(world.county.code, {
        year: 2026,
        issuedOn: '2026-12-31',
        documentNumber: `青计协发〔2026〕${++serial}号`,
      }),
    );
    await add('county.admin', unit(latest.id, associationA));
    await add('county.admin', individual(latest.id, (villageAPersons[7] as { id: string }).id));
    pg.Client.prototype.query = countingQuery as typeof pg.Client.prototype.query;
    try {
      await readsFor(1);
      const one = await readsFor(1);
      const many = await readsFor(20);
      expect(one.rounds).toBe(1);
      expect(many.rounds).toBeGreaterThan(5);
      // The page and its total, the rounds' regions, the recipients, their regions, their persons.
      expect(one.reads).toBeGreaterThanOrEqual(5);
      expect(many.reads).toBe(one.reads);
    } finally {
      pg.Client.prototype.query = driverQuery;
    }
  });
});
