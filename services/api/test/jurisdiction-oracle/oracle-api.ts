import { createHmac } from 'node:crypto';
import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type pg from 'pg';
import { EVALUATION_CHECKLIST } from '../../src/modules/evaluations/evaluation-checklist.ts';
import type { GraphQLResponse, TestApi } from '../test-api.ts';
import type { OracleAdmin, OracleRow, OracleTarget, OracleWorld } from './oracle-fixture.ts';
import {
  mayCommitImport,
  mayDelete,
  mayEvaluate,
  mayInsert,
  mayInsertAt,
  mayJoin,
  mayListRegion,
  mayRead,
  mayReadResidentId,
  mayUpdate,
  mayUseRegion,
  seesSensitiveStatuses,
} from './oracle-rules.ts';
import { type Outcome, seededRandom } from './oracle-sql.ts';

/**
 * The jurisdiction oracle through the GraphQL API: every registry query and mutation, tried by each
 * admin of the oracle world on rows in and out of their region, over HTTP with their session.
 * Unlike the SQL oracle, nothing can be rolled back between calls, so each operation first puts the
 * row in the state it needs (as the owner, right before the call: a fresh version, an open duplicate
 * flag, a draft policy, an activity to delete) and the generator makes every value unique.
 */

/** The world of the SQL oracle plus what the API needs to address its rows. */
export interface ApiWorld extends OracleWorld {
  /** Policies at the county, the three townships and the villages, written as the owner. */
  policies: OracleRow[];
  /** Facts that stay put during the run (codes, search keys, parents), by row id. */
  facts: Map<string, RowFacts>;
  /** The county admin's id: the evaluator of rows the owner writes. */
  countyAdminId: string;
}

export interface RowFacts {
  code?: string;
  name?: string;
  associationId?: string;
  householdId?: string;
  cardNumber?: string;
  documentNumber?: string;
  level?: string;
}

export type Subject = { row: OracleRow } | { target: OracleTarget };

export interface ApiTriple {
  admin: OracleAdmin;
  operation: ApiOperation;
  subject: Subject;
  /** Unique per triple: names, codes and numbers made from it never collide. */
  serial: number;
}

export interface RunContext {
  api: TestApi;
  owner: pg.ClientBase;
  world: ApiWorld;
  /** 1, 2, 3… per key: numbers with few digits (household codes, document numbers) that never repeat. */
  next(key: string): number;
}

/** A run context with its own counters. */
export function runContext(api: TestApi, owner: pg.ClientBase, world: ApiWorld): RunContext {
  const counters = new Map<string, number>();
  return {
    api,
    owner,
    world,
    next(key) {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };
}

/** One request, ready to send, and how to read its answer. */
interface Call {
  query: string;
  variables: Record<string, unknown>;
  /** For an answer without errors: did the caller get the row? (Default: allowed.) */
  seen?: (data: Record<string, unknown>) => 'allowed' | 'refused';
  /** Checks after the answer: that a refusal changed nothing and a success did what it says. */
  verify?: (allowed: boolean, data: Record<string, unknown> | null | undefined) => Promise<string | null>;
}

export interface ApiOperation {
  /** The root field it exercises, e.g. `updateMember`; `household.sensitiveStatus` for a nested one. */
  name: string;
  /** Root fields of the admin schema this operation calls. */
  fields: string[];
  /** How often it is drawn relative to the others (default 1): the costly reports less often. */
  weight?: number;
  /**
   * What the call and its checks touch besides its own row (default: the row, or the target's
   * village): two triples sharing a key never run at the same time.
   */
  keys?(subject: Subject): string[];
  subjects(world: ApiWorld): Subject[];
  rule(admin: OracleAdmin, subject: Subject): boolean;
  prepare(ctx: RunContext, triple: ApiTriple): Promise<Call>;
}

// ---- the world --------------------------------------------------------------------------------

const regionCodeOf = (path: string): string => path.split('.').at(-1) as string;
const idOf = (row: OracleRow): string => Object.values(row.key).join('/');
const rowOf = (subject: Subject): OracleRow => (subject as { row: OracleRow }).row;
const targetOf = (subject: Subject): OracleTarget => (subject as { target: OracleTarget }).target;

/** Adds policies to the oracle world and reads the facts the API's arguments need. */
export async function extendWorldForApi(owner: pg.ClientBase, world: OracleWorld): Promise<ApiWorld> {
  const countyAdminId = world.admins.find((admin) => admin.username === 'county.admin')?.id as string;
  const facts = new Map<string, RowFacts>();
  const idsIn = (table: string) => world.rows.filter((row) => row.table === table).map((row) => row.key.id);
  const load = async (sql: string, table: string, map: (row: Record<string, string>) => RowFacts) => {
    for (const row of (await owner.query(sql, [idsIn(table)])).rows) facts.set(row.id, map(row));
  };
  await load('select id, code from association where id = any ($1)', 'association', (r) => ({
    code: r.code,
  }));
  await load('select id, association_id from member_group where id = any ($1)', 'member_group', (r) => ({
    associationId: r.association_id,
  }));
  await load('select id, association_id, card_number from member where id = any ($1)', 'member', (r) => ({
    associationId: r.association_id,
    cardNumber: r.card_number,
  }));
  for (const table of ['activity', 'project', 'evaluation']) {
    await load(`select id, association_id from ${table} where id = any ($1)`, table, (r) => ({
      associationId: r.association_id,
    }));
  }
  await load('select id, code from household where id = any ($1)', 'household', (r) => ({ code: r.code }));
  // A person's village household (the one the member contacts), to move them in and out of it.
  await load(
    `select p.id, p.name, h.id as household_id from person p
       join household h on h.region_id = p.region_id and h.code like '%-9001' where p.id = any ($1)`,
    'person',
    (r) => ({ name: r.name, householdId: r.household_id }),
  );
  await load('select id, code, level from region where id = any ($1)', 'region', (r) => ({
    code: r.code,
    level: r.level,
  }));

  const policies: OracleRow[] = [];
  const regions = world.rows.filter(
    (row) =>
      row.table === 'region' &&
      (row.regionPath.split('.').length === 1 ||
        world.admins.some((admin) => admin.scope === row.regionPath) ||
        world.targets.some((target) => target.villagePath === row.regionPath)),
  );
  for (const [n, region] of regions.entries()) {
    const documentNumber = `测协〔2026〕${9000 + n}号`;
    const policy = (
      await owner.query(
        `insert into policy (region_id, title, document_number, issuing_body, category, issue_date, body_markdown,
                             created_by, updated_by)
         values ($1, '测试政策文件', $2, '测试发文机关', 'NOTICE', '2026-01-05', '正文', $3, $3)
         returning id, region_path::text`,
        [region.key.id, documentNumber, countyAdminId],
      )
    ).rows[0];
    policies.push({ table: 'policy', key: { id: policy.id }, regionPath: policy.region_path });
    facts.set(policy.id, { documentNumber, code: regionCodeOf(policy.region_path) });
  }
  return { ...world, policies, facts, countyAdminId };
}

// ---- helpers for operations --------------------------------------------------------------------

const rowsOf =
  (...tables: string[]) =>
  (world: ApiWorld): Subject[] =>
    [...world.rows, ...world.policies].filter((row) => tables.includes(row.table)).map((row) => ({ row }));
const allTargets = (world: ApiWorld): Subject[] => world.targets.map((target) => ({ target }));
function facts(ctx: RunContext, row: OracleRow): RowFacts {
  const found = ctx.world.facts.get(idOf(row));
  if (!found) throw new Error(`no facts for ${row.table} ${idOf(row)}`);
  return found;
}

async function one<T extends Record<string, unknown>>(
  owner: pg.ClientBase,
  sql: string,
  params: unknown[],
): Promise<T> {
  const row = (await owner.query(sql, params)).rows[0];
  if (!row) throw new Error(`owner query found nothing: ${sql}`);
  return row as T;
}

const ids = (items: unknown): string[] =>
  Array.isArray(items)
    ? items.map(
        (item) => (item as { id?: string; node?: { id: string } }).node?.id ?? (item as { id: string }).id,
      )
    : [];
const edgesOf = (data: Record<string, unknown>, field: string): string[] =>
  ids((data[field] as { edges?: unknown[] } | null)?.edges);

/** A read by id: allowed when the row comes back. */
function readById(
  name: string,
  table: string,
  document: string,
  extra?: (ctx: RunContext, triple: ApiTriple, data: Record<string, unknown>) => string | null,
): ApiOperation {
  return {
    name,
    fields: [name],
    subjects: rowsOf(table),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = idOf(rowOf(triple.subject));
      return {
        query: document,
        variables: { id },
        seen: (data) => ((data[name] as { id?: string } | null)?.id === id ? 'allowed' : 'refused'),
        verify: extra
          ? async (allowed, data) => (allowed && data ? extra(ctx, triple, data) : null)
          : undefined,
      };
    },
  };
}

/** A list filtered to the row's region (and narrowed so the row is on the first page): allowed when listed. */
function listed(
  name: string,
  table: string,
  document: string,
  filter: (ctx: RunContext, row: OracleRow) => Record<string, unknown>,
): ApiOperation {
  return {
    name,
    fields: [name],
    subjects: rowsOf(table),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      return {
        query: document,
        variables: filter(ctx, row),
        seen: (data) => (edgesOf(data, name).includes(idOf(row)) ? 'allowed' : 'refused'),
      };
    },
  };
}

/** The row's version now, as the owner sees it. */
async function versionOf(ctx: RunContext, table: string, id: string): Promise<number> {
  return (await one<{ version: number }>(ctx.owner, `select version from ${table} where id = $1`, [id]))
    .version;
}

/** After an update: a success bumped the version once, a refusal left it alone. */
function versionChecked(ctx: RunContext, table: string, id: string, before: number) {
  return async (allowed: boolean): Promise<string | null> => {
    const after = await versionOf(ctx, table, id);
    const wanted = allowed ? before + 1 : before;
    return after === wanted ? null : `${table} version ${before} → ${after}, expected ${wanted}`;
  };
}

/**
 * After an insert (`ifAllowed` 1) or a delete (0): a success left that many rows matching, a
 * refusal the other number.
 */
function storedChecked(ctx: RunContext, from: string, params: unknown[], ifAllowed: 0 | 1) {
  return async (allowed: boolean): Promise<string | null> => {
    const { n } = await one<{ n: number }>(ctx.owner, `select count(*)::int as n from ${from}`, params);
    const wanted = allowed ? ifAllowed : 1 - ifAllowed;
    return n === wanted ? null : `${n} rows where ${wanted} expected (${from})`;
  };
}

/** A fresh person in a village below `path`, written as the owner, for `addMember`. */
async function freshPerson(ctx: RunContext, path: string, serial: number): Promise<string> {
  const villages = ctx.world.targets.filter((target) => mayJoin(target.villagePath, path));
  const village = villages[serial % villages.length] as OracleTarget;
  const residentId = freshResidentId('110109', serial);
  const person = await one<{ id: string }>(
    ctx.owner,
    `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date)
     values ($1, $1, $2, $3, $4, 'FEMALE', $5) returning id`,
    [
      village.villageId,
      `入会人员${serial}`,
      residentId,
      createHmac('sha256', 'api-oracle').update(residentId).digest(),
      birthDateOf(serial),
    ],
  );
  return person.id;
}

function birthDateOf(serial: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(serial / 500) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A valid ID number of a woman born on `birthDateOf(serial)`; no two serials share one. */
function freshResidentId(regionCode: string, serial: number): string {
  return generateResidentId({
    regionCode,
    birthDate: birthDateOf(serial),
    sex: 'FEMALE',
    sequence: serial % 500,
  });
}

/** Every checklist item answered and passed. */
const ALL_PASSED = EVALUATION_CHECKLIST.map((item) => ({ code: item.code, passed: true }));

const pickOf = <T>(items: readonly T[], serial: number): T => items[serial % items.length] as T;

// ---- the operations ---------------------------------------------------------------------------

const OLDEST_FIRST = { field: 'CREATED', direction: 'ASC' };

export const API_OPERATIONS: ApiOperation[] = [
  // Reads by id.
  readById('association', 'association', 'query($id: ID!) { association(id: $id) { id } }'),
  readById('member', 'member', 'query($id: ID!) { member(id: $id) { id } }'),
  readById('person', 'person', 'query($id: ID!) { person(id: $id) { id } }'),
  readById(
    'household',
    'household',
    'query($id: ID!) { household(id: $id) { id sensitiveStatusVisible } }',
    (_ctx, triple, data) => {
      const visible = (data.household as { sensitiveStatusVisible: boolean }).sensitiveStatusVisible;
      return visible === seesSensitiveStatuses(triple.admin)
        ? null
        : `sensitiveStatusVisible is ${visible} for ${triple.admin.role} @ ${triple.admin.scope}`;
    },
  ),
  readById('activity', 'activity', 'query($id: ID!) { activity(id: $id) { id } }'),
  readById('project', 'project', 'query($id: ID!) { project(id: $id) { id } }'),
  readById('evaluation', 'evaluation', 'query($id: ID!) { evaluation(id: $id) { id } }'),
  readById('importJob', 'import_job', 'query($id: ID!) { importJob(id: $id) { id } }'),
  readById('policy', 'policy', 'query($id: ID!) { policy(id: $id) { id } }'),
  {
    name: 'region',
    fields: ['region'],
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayUseRegion(admin, rowOf(subject).regionPath),
    async prepare(_ctx, triple) {
      const row = rowOf(triple.subject);
      return {
        query: 'query($code: String!) { region(code: $code) { id } }',
        variables: { code: regionCodeOf(row.regionPath) },
        seen: (data) => ((data.region as { id: string } | null)?.id === row.key.id ? 'allowed' : 'refused'),
      };
    },
  },
  {
    name: 'personResidentId',
    fields: ['personResidentId'],
    subjects: rowsOf('person'),
    rule: (admin, subject) => mayReadResidentId(admin, rowOf(subject)),
    async prepare(_ctx, triple) {
      return {
        query: 'query($id: ID!) { personResidentId(id: $id) }',
        variables: { id: rowOf(triple.subject).key.id },
        seen: (data) => (/^\d{17}[\dX]$/.test(String(data.personResidentId)) ? 'allowed' : 'refused'),
      };
    },
  },
  {
    name: 'association.memberGroups',
    fields: ['association'],
    subjects: rowsOf('member_group'),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      return {
        query: 'query($id: ID!) { association(id: $id) { memberGroups { id } } }',
        variables: { id: facts(ctx, row).associationId },
        seen: (data) =>
          ids((data.association as { memberGroups: unknown[] } | null)?.memberGroups).includes(idOf(row))
            ? 'allowed'
            : 'refused',
      };
    },
  },
  {
    name: 'member.contactHouseholds',
    fields: ['member'],
    keys: (subject) => [idOf(rowOf(subject)), rowOf(subject).key.member_id as string],
    subjects: rowsOf('contact_household'),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const { member_id: memberId, household_id: householdId } = rowOf(triple.subject).key;
      await ensureContact(ctx, memberId as string, householdId as string);
      return {
        query: 'query($id: ID!) { member(id: $id) { contactHouseholds { household { id } } } }',
        variables: { id: memberId },
        seen: (data) => {
          const links = (data.member as { contactHouseholds: { household: { id: string } | null }[] } | null)
            ?.contactHouseholds;
          return links?.some((link) => link.household?.id === householdId) ? 'allowed' : 'refused';
        },
      };
    },
  },
  {
    name: 'household.sensitiveStatus',
    fields: ['household'],
    // The household's own id: the same key as `setSensitiveStatus` on that household.
    subjects: rowsOf('household_sensitive_status'),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const householdId = rowOf(triple.subject).key.household_id as string;
      await ctx.owner.query(
        `insert into household_sensitive_status (household_id, region_id, status)
         select id, region_id, 'ONLY_CHILD_DIED' from household where id = $1 on conflict (household_id) do nothing`,
        [householdId],
      );
      return {
        query: 'query($id: ID!) { household(id: $id) { sensitiveStatus sensitiveStatusVisible } }',
        variables: { id: householdId },
        seen: (data) =>
          (data.household as { sensitiveStatus: string | null } | null)?.sensitiveStatus
            ? 'allowed'
            : 'refused',
        async verify(_allowed, data) {
          const household = data?.household as { sensitiveStatusVisible: boolean } | null | undefined;
          if (!household) return null;
          return household.sensitiveStatusVisible === seesSensitiveStatuses(triple.admin)
            ? null
            : `sensitiveStatusVisible is ${household.sensitiveStatusVisible}`;
        },
      };
    },
  },

  // Lists filtered to the row's region.
  listed(
    'associations',
    'association',
    'query($f: AssociationFilter) { associations(first: 100, filter: $f) { edges { node { id } } } }',
    (ctx, row) => ({ f: { regionCode: regionCodeOf(row.regionPath), search: facts(ctx, row).code } }),
  ),
  listed(
    'members',
    'member',
    'query($f: MemberFilter) { members(first: 100, filter: $f) { edges { node { id } } } }',
    (ctx, row) => ({ f: { regionCode: regionCodeOf(row.regionPath), search: facts(ctx, row).cardNumber } }),
  ),
  listed(
    'persons',
    'person',
    'query($f: PersonFilter) { persons(first: 100, filter: $f) { edges { node { id } } } }',
    (ctx, row) => ({ f: { regionCode: regionCodeOf(row.regionPath), search: facts(ctx, row).name } }),
  ),
  {
    // The list path reads sensitive statuses through its own loader: listed with one, a household
    // shows it exactly to those who read sensitive statuses.
    name: 'households',
    fields: ['households'],
    subjects: rowsOf('household'),
    rule: (admin, subject) => mayRead(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      const id = row.key.id as string;
      await ctx.owner.query(
        `insert into household_sensitive_status (household_id, region_id, status)
         select id, region_id, 'ONLY_CHILD_DISABLED' from household where id = $1 on conflict (household_id) do nothing`,
        [id],
      );
      const nodeOf = (data: Record<string, unknown> | null | undefined) =>
        (
          data?.households as
            | { edges: { node: { id: string; sensitiveStatus: string | null } }[] }
            | undefined
        )?.edges.find((edge) => edge.node.id === id)?.node;
      return {
        query: `query($f: HouseholdFilter) {
          households(first: 100, filter: $f) { edges { node { id sensitiveStatus } } } }`,
        variables: { f: { regionCode: regionCodeOf(row.regionPath), search: facts(ctx, row).code } },
        seen: (data) => (nodeOf(data) ? 'allowed' : 'refused'),
        async verify(allowed, data) {
          const shown = nodeOf(data)?.sensitiveStatus ?? null;
          return !allowed || (shown !== null) === seesSensitiveStatuses(triple.admin)
            ? null
            : `the listed household shows sensitive status ${shown}`;
        },
      };
    },
  },
  ...(['activities', 'projects', 'evaluations'] as const).map((name) => {
    const [table, type] = (
      {
        activities: ['activity', 'Activity'],
        projects: ['project', 'Project'],
        evaluations: ['evaluation', 'Evaluation'],
      } as const
    )[name];
    return listed(
      name,
      table,
      `query($f: ${type}Filter, $o: ${type}Order) { ${name}(first: 100, filter: $f, orderBy: $o) { edges { node { id } } } }`,
      // The oracle's rows are the association's first: later inserts cannot push them off the page.
      (ctx, row) => ({
        f: { regionCode: regionCodeOf(row.regionPath), associationId: facts(ctx, row).associationId },
        o: OLDEST_FIRST,
      }),
    );
  }),
  listed(
    'policies',
    'policy',
    'query($f: PolicyFilter) { policies(first: 100, filter: $f) { edges { node { id } } } }',
    (ctx, row) => ({
      f: { regionCode: regionCodeOf(row.regionPath), search: facts(ctx, row).documentNumber },
    }),
  ),
  // No region filter: the oracle's jobs and flags are the newest, so they are on the first page.
  listed('importJobs', 'import_job', '{ importJobs(first: 100) { edges { node { id } } } }', () => ({})),
  listed(
    'duplicateFlags',
    'person_duplicate_flag',
    '{ duplicateFlags(first: 100) { edges { node { id } } } }',
    () => ({}),
  ),
  {
    name: 'regions',
    fields: ['regions'],
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayListRegion(admin, rowOf(subject).regionPath),
    async prepare(_ctx, triple) {
      const row = rowOf(triple.subject);
      const parent = row.regionPath.split('.').at(-2);
      return {
        query: 'query($parent: String) { regions(parentCode: $parent) { id } }',
        variables: { parent: parent ?? null },
        seen: (data) => (ids(data.regions).includes(row.key.id as string) ? 'allowed' : 'refused'),
      };
    },
  },
  {
    name: 'activityTotals',
    fields: ['activityTotals'],
    keys: () => ['activities'],
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayUseRegion(admin, rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      return {
        query: 'query($code: String) { activityTotals(regionCode: $code) { kind activities } }',
        variables: { code: regionCodeOf(row.regionPath) },
        async verify(allowed, data) {
          if (!allowed || !data) return null;
          const counted = (data.activityTotals as { activities: number }[]).reduce(
            (n, k) => n + k.activities,
            0,
          );
          const { n } = await one<{ n: number }>(
            ctx.owner,
            'select count(*)::int as n from activity where region_path <@ $1::ltree',
            [row.regionPath],
          );
          return counted === n ? null : `activityTotals counts ${counted} activities, the region holds ${n}`;
        },
      };
    },
  },
  {
    name: 'dataQualityReport',
    fields: ['dataQualityReport'],
    weight: 0.05,
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayUseRegion(admin, rowOf(subject).regionPath),
    async prepare(_ctx, triple) {
      const row = rowOf(triple.subject);
      const code = regionCodeOf(row.regionPath);
      return {
        query: 'query($code: String) { dataQualityReport(regionCode: $code) { region { code } } }',
        variables: { code },
        seen: (data) =>
          (data.dataQualityReport as { region: { code: string } }).region.code === code
            ? 'allowed'
            : 'refused',
      };
    },
  },

  // Updates, each with the version read as the owner right before the call.
  {
    name: 'updateAssociation',
    fields: ['updateAssociation'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const version = await versionOf(ctx, 'association', id);
      return {
        query: `mutation($id: ID!, $v: Int!, $input: AssociationUpdateInput!) {
          updateAssociation(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: version,
          input: { standing: pickOf(['MODEL', 'ADVANCED', 'ORDINARY', 'NOMINAL'], triple.serial) },
        },
        verify: versionChecked(ctx, 'association', id, version),
      };
    },
  },
  {
    name: 'renameMemberGroup',
    fields: ['renameMemberGroup'],
    subjects: rowsOf('member_group'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const name = `第${triple.serial}组`;
      return {
        query: 'mutation($id: ID!, $name: String!) { renameMemberGroup(id: $id, name: $name) { id } }',
        variables: { id, name },
        verify: storedChecked(ctx, 'member_group where id = $1 and name = $2', [id, name], 1),
      };
    },
  },
  {
    name: 'updateMember',
    fields: ['updateMember'],
    subjects: rowsOf('member'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const version = await versionOf(ctx, 'member', id);
      return {
        query: `mutation($id: ID!, $v: Int!, $input: MemberUpdateInput!) {
          updateMember(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: version,
          input: {
            duesPaidYear: 2020 + (triple.serial % 7),
            role: pickOf(['MEMBER', 'DIRECTOR'], triple.serial),
          },
        },
        verify: versionChecked(ctx, 'member', id, version),
      };
    },
  },
  {
    name: 'endMembership',
    fields: ['endMembership'],
    subjects: rowsOf('member'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const { version } = await one<{ version: number }>(
        ctx.owner,
        'update member set left_on = null where id = $1 returning version',
        [id],
      );
      return {
        query:
          'mutation($id: ID!, $v: Int!) { endMembership(id: $id, expectedVersion: $v, leftOn: "2026-06-01") { id } }',
        variables: { id, v: version },
        verify: versionChecked(ctx, 'member', id, version),
      };
    },
  },
  {
    name: 'updatePerson',
    fields: ['updatePerson'],
    subjects: rowsOf('person'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const person = await one<{ version: number; name: string; registered: string; current: string }>(
        ctx.owner,
        `select p.version, p.name, r.code as registered, c.code as current from person p
           join region r on r.id = p.region_id join region c on c.id = p.current_region_id where p.id = $1`,
        [id],
      );
      return {
        query: `mutation($id: ID!, $v: Int!, $input: UpdatePersonInput!) {
          updatePerson(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: person.version,
          input: {
            name: person.name,
            registeredRegionCode: person.registered,
            currentRegionCode: person.current,
            phone: `139${String(triple.serial).padStart(8, '0')}`,
          },
        },
        verify: versionChecked(ctx, 'person', id, person.version),
      };
    },
  },
  ...(['recordMovedAway', 'recordDeath'] as const).map(
    (name): ApiOperation => ({
      name,
      fields: [name],
      subjects: rowsOf('person'),
      rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
      async prepare(ctx, triple) {
        const id = rowOf(triple.subject).key.id as string;
        const version = await versionOf(ctx, 'person', id);
        const argument = name === 'recordDeath' ? 'deceasedOn' : 'movedAwayOn';
        return {
          query: `mutation($id: ID!, $v: Int!, $on: String) { ${name}(id: $id, expectedVersion: $v, ${argument}: $on) { id } }`,
          variables: {
            id,
            v: version,
            on: triple.serial % 3 === 0 ? null : `2025-0${1 + (triple.serial % 9)}-15`,
          },
          verify: versionChecked(ctx, 'person', id, version),
        };
      },
    }),
  ),
  {
    name: 'setHouseholdMembership',
    fields: ['setHouseholdMembership'],
    subjects: rowsOf('person'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      const id = row.key.id as string;
      const person = await one<{ version: number; household_id: string | null }>(
        ctx.owner,
        'select version, household_id from person where id = $1',
        [id],
      );
      const moveIn = person.household_id === null;
      return {
        query: `mutation($id: ID!, $v: Int!, $household: ID, $relation: HouseholdRelation) {
          setHouseholdMembership(personId: $id, expectedVersion: $v, householdId: $household, relation: $relation) { id } }`,
        variables: {
          id,
          v: person.version,
          household: moveIn ? facts(ctx, row).householdId : null,
          relation: moveIn ? 'OTHER' : null,
        },
        verify: versionChecked(ctx, 'person', id, person.version),
      };
    },
  },
  {
    name: 'updateHousehold',
    fields: ['updateHousehold'],
    subjects: rowsOf('household'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      const id = row.key.id as string;
      const version = await versionOf(ctx, 'household', id);
      return {
        query: `mutation($id: ID!, $v: Int!, $input: HouseholdInput!) {
          updateHousehold(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: version,
          input: {
            code: facts(ctx, row).code,
            regionCode: regionCodeOf(row.regionPath),
            planningStatus: pickOf(['NONE', 'ONLY_CHILD', 'TWO_DAUGHTERS'], triple.serial),
            inDifficulty: triple.serial % 2 === 0,
          },
        },
        verify: versionChecked(ctx, 'household', id, version),
      };
    },
  },
  {
    name: 'setSensitiveStatus',
    fields: ['setSensitiveStatus'],
    subjects: rowsOf('household'),
    // Recording, changing and clearing are one rule: the sensitive-status writers, in scope.
    rule: (admin, subject) => mayInsertAt(admin, 'household_sensitive_status', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const status = pickOf(['ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED', null], triple.serial);
      const since = triple.serial % 2 === 0 ? '2024-03-01' : null;
      const before = await sensitiveStatusOf(ctx, id);
      return {
        query: `mutation($id: ID!, $status: SensitiveHouseholdStatus, $since: String) {
          setSensitiveStatus(householdId: $id, status: $status, since: $since) { id } }`,
        variables: { id, status, since },
        async verify(allowed) {
          const after = await sensitiveStatusOf(ctx, id);
          const wanted = allowed ? status : before;
          return after === wanted ? null : `sensitive status ${before} → ${after}, expected ${wanted}`;
        },
      };
    },
  },
  {
    name: 'updateActivity',
    fields: ['updateActivity'],
    subjects: rowsOf('activity'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const activity = await one<{ version: number; association_id: string; kind: string; held_on: string }>(
        ctx.owner,
        'select version, association_id, kind, held_on::text as held_on from activity where id = $1',
        [id],
      );
      return {
        query: `mutation($id: ID!, $v: Int!, $input: ActivityInput!) {
          updateActivity(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: activity.version,
          input: {
            associationId: activity.association_id,
            kind: activity.kind,
            heldOn: activity.held_on,
            title: `更正活动${triple.serial}`,
            participants: triple.serial % 100,
          },
        },
        verify: versionChecked(ctx, 'activity', id, activity.version),
      };
    },
  },
  {
    name: 'updateProject',
    fields: ['updateProject'],
    subjects: rowsOf('project'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      const project = await one<{ version: number; association_id: string; kind: string; start_on: string }>(
        ctx.owner,
        'select version, association_id, kind, start_on::text as start_on from project where id = $1',
        [id],
      );
      return {
        query: `mutation($id: ID!, $v: Int!, $input: ProjectInput!) {
          updateProject(id: $id, expectedVersion: $v, input: $input) { id } }`,
        variables: {
          id,
          v: project.version,
          input: {
            associationId: project.association_id,
            kind: project.kind,
            name: `更正项目${triple.serial}`,
            startOn: project.start_on,
            budgetFen: String(1_000_000 + triple.serial),
          },
        },
        verify: versionChecked(ctx, 'project', id, project.version),
      };
    },
  },
  {
    name: 'resolveDuplicateFlag',
    fields: ['resolveDuplicateFlag'],
    subjects: rowsOf('person_duplicate_flag'),
    rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      await ctx.owner.query(
        `update person_duplicate_flag set status = 'OPEN', resolved_by = null, resolved_at = null,
                resolution_note = null where id = $1`,
        [id],
      );
      return {
        query: `mutation($id: ID!, $status: DuplicateResolution!) {
          resolveDuplicateFlag(id: $id, status: $status, note: "核查") { id } }`,
        variables: { id, status: pickOf(['DISTINCT_PERSONS', 'SAME_PERSON'], triple.serial) },
        verify: storedChecked(ctx, `person_duplicate_flag where id = $1 and status <> 'OPEN'`, [id], 1),
      };
    },
  },
  {
    name: 'commitImport',
    fields: ['commitImport'],
    keys: () => ['imports'],
    subjects: rowsOf('import_job'),
    rule: (admin, subject) => mayCommitImport(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id as string;
      // A commit that was let through carries on in the background (and fails: the oracle's
      // jobs have no stored file); it must be over before the job is made committable again.
      await ctx.api.api.services.imports.whenIdle();
      await ctx.owner.query(`update import_job set status = 'VALID' where id = $1`, [id]);
      return {
        query: 'mutation($id: ID!) { commitImport(id: $id) { id } }',
        variables: { id },
        verify: storedChecked(ctx, `import_job where id = $1 and status <> 'VALID'`, [id], 1),
      };
    },
  },
  ...(['updatePolicy', 'publishPolicy', 'withdrawPolicy'] as const).map(
    (name): ApiOperation => ({
      name,
      fields: [name],
      subjects: rowsOf('policy'),
      rule: (admin, subject) => mayUpdate(admin, rowOf(subject)),
      async prepare(ctx, triple) {
        const row = rowOf(triple.subject);
        const id = row.key.id as string;
        const { version } = await one<{ version: number }>(
          ctx.owner,
          name === 'withdrawPolicy'
            ? `update policy set status = 'PUBLISHED', published_at = now(), withdrawn_at = null,
                      withdrawal_reason = null where id = $1 returning version`
            : `update policy set status = 'DRAFT', published_at = null, withdrawn_at = null,
                      withdrawal_reason = null where id = $1 returning version`,
          [id],
        );
        const document = {
          updatePolicy: `mutation($id: ID!, $v: Int!, $input: PolicyInput!) {
            updatePolicy(id: $id, expectedVersion: $v, input: $input) { id } }`,
          publishPolicy:
            'mutation($id: ID!, $v: Int!) { publishPolicy(id: $id, expectedVersion: $v) { id } }',
          withdrawPolicy:
            'mutation($id: ID!, $v: Int!) { withdrawPolicy(id: $id, expectedVersion: $v, reason: "测试撤回") { id } }',
        }[name];
        const { code, documentNumber } = facts(ctx, row);
        return {
          query: document,
          variables: {
            id,
            v: version,
            ...(name === 'updatePolicy'
              ? {
                  input: {
                    title: `政策修订${triple.serial}`,
                    documentNumber,
                    issuingBody: '测试发文机关',
                    category: 'NOTICE',
                    issueDate: '2026-01-05',
                    bodyMarkdown: '正文',
                    regionCode: code,
                  },
                }
              : {}),
          },
          verify: versionChecked(ctx, 'policy', id, version),
        };
      },
    }),
  ),

  // Deletes, each of a row made for it right before the call.
  {
    name: 'deleteActivity',
    fields: ['deleteActivity'],
    keys: (subject) => [idOf(rowOf(subject)), 'activities'],
    subjects: rowsOf('activity'),
    rule: (admin, subject) => mayDelete(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const fresh = await one<{ id: string; version: number }>(
        ctx.owner,
        `insert into activity (association_id, region_id, kind, held_on, title)
         select association_id, region_id, 'OTHER', '2026-02-01', $2 from activity where id = $1
         returning id, version`,
        [rowOf(triple.subject).key.id, `误录活动${triple.serial}`],
      );
      return {
        query: 'mutation($id: ID!, $v: Int!) { deleteActivity(id: $id, expectedVersion: $v) }',
        variables: { id: fresh.id, v: fresh.version },
        verify: storedChecked(ctx, 'activity where id = $1', [fresh.id], 0),
      };
    },
  },
  {
    name: 'unlinkContactHousehold',
    fields: ['unlinkContactHousehold'],
    keys: (subject) => [idOf(rowOf(subject)), rowOf(subject).key.member_id as string],
    subjects: rowsOf('contact_household'),
    rule: (admin, subject) => mayDelete(admin, rowOf(subject)),
    async prepare(ctx, triple) {
      const { member_id: memberId, household_id: householdId } = rowOf(triple.subject).key;
      await ensureContact(ctx, memberId as string, householdId as string);
      return {
        query: `mutation($m: ID!, $h: ID!) { unlinkContactHousehold(memberId: $m, householdId: $h) { id } }`,
        variables: { m: memberId, h: householdId },
        verify: storedChecked(
          ctx,
          'contact_household where member_id = $1 and household_id = $2',
          [memberId, householdId],
          0,
        ),
      };
    },
  },

  // Inserts, with values no earlier triple used.
  {
    name: 'createAssociation',
    fields: ['createAssociation'],
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayInsertAt(admin, 'association', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      const regionCode = regionCodeOf(row.regionPath);
      const code = `${regionCode}-Q${triple.serial.toString(36).toUpperCase()}`;
      return {
        query: 'mutation($input: AssociationInput!) { createAssociation(input: $input) { id } }',
        variables: {
          input: {
            regionCode,
            code,
            name: `新设协会${triple.serial}`,
            kind: facts(ctx, row).level === 'VILLAGE' ? 'ENTERPRISE' : 'REGIONAL',
          },
        },
        verify: storedChecked(ctx, 'association where code = $1', [code], 1),
      };
    },
  },
  {
    name: 'createMemberGroup',
    fields: ['createMemberGroup'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayInsertAt(admin, 'member_group', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id;
      const name = `新小组${triple.serial}`;
      return {
        query:
          'mutation($id: ID!, $name: String!) { createMemberGroup(associationId: $id, name: $name) { id } }',
        variables: { id, name },
        verify: storedChecked(ctx, 'member_group where association_id = $1 and name = $2', [id, name], 1),
      };
    },
  },
  {
    name: 'addMember',
    fields: ['addMember'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayInsertAt(admin, 'member', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const row = rowOf(triple.subject);
      const personId = await freshPerson(ctx, row.regionPath, triple.serial);
      return {
        query: 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }',
        variables: { input: { associationId: row.key.id, personId, role: 'MEMBER' } },
        verify: storedChecked(ctx, 'member where person_id = $1', [personId], 1),
      };
    },
  },
  {
    name: 'registerPerson',
    fields: ['registerPerson'],
    subjects: allTargets,
    rule: (admin, subject) => mayInsert(admin, 'person', targetOf(subject)),
    async prepare(ctx, triple) {
      const target = targetOf(triple.subject);
      const name = `登记人员${triple.serial}`;
      return {
        query: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
        variables: {
          input: {
            name,
            residentId: freshResidentId('110108', triple.serial),
            registeredRegionCode: target.villageCode,
          },
        },
        verify: storedChecked(ctx, 'person where name = $1', [name], 1),
      };
    },
  },
  {
    name: 'createHousehold',
    fields: ['createHousehold'],
    subjects: allTargets,
    rule: (admin, subject) => mayInsert(admin, 'household', targetOf(subject)),
    async prepare(ctx, triple) {
      const target = targetOf(triple.subject);
      const code = `${target.villageCode}-${1000 + ctx.next('household')}`;
      return {
        query: 'mutation($input: HouseholdInput!) { createHousehold(input: $input) { id } }',
        variables: { input: { code, regionCode: target.villageCode } },
        verify: storedChecked(ctx, 'household where code = $1', [code], 1),
      };
    },
  },
  {
    name: 'linkContactHousehold',
    fields: ['linkContactHousehold'],
    keys: (subject) => [targetOf(subject).memberId],
    subjects: allTargets,
    rule: (admin, subject) => mayInsert(admin, 'contact_household', targetOf(subject)),
    async prepare(ctx, triple) {
      const { memberId, spareHouseholdId } = targetOf(triple.subject);
      await ctx.owner.query('delete from contact_household where member_id = $1 and household_id = $2', [
        memberId,
        spareHouseholdId,
      ]);
      await ctx.owner.query('update member set left_on = null where id = $1', [memberId]);
      return {
        query: `mutation($m: ID!, $h: ID!) { linkContactHousehold(memberId: $m, householdId: $h, since: "2026-01-01") { id } }`,
        variables: { m: memberId, h: spareHouseholdId },
        verify: storedChecked(
          ctx,
          'contact_household where member_id = $1 and household_id = $2',
          [memberId, spareHouseholdId],
          1,
        ),
      };
    },
  },
  {
    name: 'recordActivity',
    fields: ['recordActivity'],
    keys: (subject) => [idOf(rowOf(subject)), 'activities'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayInsertAt(admin, 'activity', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const title = `培训${triple.serial}`;
      return {
        query: 'mutation($input: ActivityInput!) { recordActivity(input: $input) { id } }',
        variables: {
          input: {
            associationId: rowOf(triple.subject).key.id,
            kind: 'TRAINING',
            heldOn: '2026-06-01',
            title,
            participants: 12,
          },
        },
        verify: storedChecked(ctx, 'activity where title = $1', [title], 1),
      };
    },
  },
  {
    name: 'createProject',
    fields: ['createProject'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayInsertAt(admin, 'project', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const name = `青春健康${triple.serial}`;
      return {
        query: 'mutation($input: ProjectInput!) { createProject(input: $input) { id } }',
        variables: {
          input: {
            associationId: rowOf(triple.subject).key.id,
            kind: 'YOUTH_HEALTH',
            name,
            startOn: '2026-01-01',
            budgetFen: '0',
          },
        },
        verify: storedChecked(ctx, 'project where name = $1', [name], 1),
      };
    },
  },
  {
    name: 'recordEvaluation',
    fields: ['recordEvaluation'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayEvaluate(admin, rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const id = rowOf(triple.subject).key.id;
      const score = triple.serial % 101;
      const before = await evaluationCount(ctx, id as string);
      return {
        query: 'mutation($input: EvaluationInput!) { recordEvaluation(input: $input) { id } }',
        variables: { input: { associationId: id, evaluatedOn: '2026-05-01', items: ALL_PASSED, score } },
        async verify(allowed) {
          const after = await evaluationCount(ctx, id as string);
          return after === before + (allowed ? 1 : 0) ? null : `evaluations ${before} → ${after}`;
        },
      };
    },
  },
  {
    name: 'recordReEvaluation',
    fields: ['recordReEvaluation'],
    subjects: rowsOf('association'),
    rule: (admin, subject) => mayEvaluate(admin, rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const failed = await one<{ id: string }>(
        ctx.owner,
        `insert into evaluation (association_id, region_id, evaluated_on, items, rectification_deadline, evaluated_by)
         select id, region_id, '2026-01-15', '[{"code":"LEADERSHIP","passed":false}]', '2026-04-01', $2
           from association where id = $1 returning id`,
        [rowOf(triple.subject).key.id, ctx.world.countyAdminId],
      );
      return {
        query: `mutation($id: ID!, $input: ReEvaluationInput!) {
          recordReEvaluation(evaluationId: $id, input: $input) { id } }`,
        variables: { id: failed.id, input: { evaluatedOn: '2026-05-02', items: ALL_PASSED } },
        verify: storedChecked(ctx, 'evaluation where re_evaluation_of = $1', [failed.id], 1),
      };
    },
  },
  {
    name: 'createPolicy',
    fields: ['createPolicy'],
    subjects: rowsOf('region'),
    rule: (admin, subject) => mayInsertAt(admin, 'policy', rowOf(subject).regionPath),
    async prepare(ctx, triple) {
      const documentNumber = `新〔2026〕${ctx.next('policy')}号`;
      return {
        query: 'mutation($input: PolicyInput!) { createPolicy(input: $input) { id } }',
        variables: {
          input: {
            title: '新起草的通知',
            documentNumber,
            issuingBody: '测试发文机关',
            category: 'NOTICE',
            issueDate: '2026-02-01',
            bodyMarkdown: '正文',
            regionCode: regionCodeOf(rowOf(triple.subject).regionPath),
          },
        },
        verify: storedChecked(ctx, 'policy where document_number = $1', [documentNumber], 1),
      };
    },
  },
];

async function ensureContact(ctx: RunContext, memberId: string, householdId: string): Promise<void> {
  await ctx.owner.query(
    `insert into contact_household (member_id, household_id, region_id)
     select id, $2, region_id from member where id = $1 on conflict do nothing`,
    [memberId, householdId],
  );
}

async function sensitiveStatusOf(ctx: RunContext, householdId: string): Promise<string | null> {
  const rows = (
    await ctx.owner.query('select status from household_sensitive_status where household_id = $1', [
      householdId,
    ])
  ).rows;
  return (rows[0]?.status as string | undefined) ?? null;
}

async function evaluationCount(ctx: RunContext, associationId: string): Promise<number> {
  return (
    await one<{ n: number }>(
      ctx.owner,
      'select count(*)::int as n from evaluation where association_id = $1',
      [associationId],
    )
  ).n;
}

// ---- generating and running --------------------------------------------------------------------

/** `count` triples: an operation, an admin and a subject, each drawn evenly. */
export function generateApiTriples(world: ApiWorld, count: number, seed: number): ApiTriple[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pools = new Map(API_OPERATIONS.map((operation) => [operation, operation.subjects(world)]));
  const totalWeight = API_OPERATIONS.reduce((sum, operation) => sum + (operation.weight ?? 1), 0);
  const pickOperation = (): ApiOperation => {
    let roll = random() * totalWeight;
    for (const operation of API_OPERATIONS) {
      roll -= operation.weight ?? 1;
      if (roll < 0) return operation;
    }
    return API_OPERATIONS.at(-1) as ApiOperation;
  };
  const triples: ApiTriple[] = [];
  for (let serial = 0; serial < count; serial++) {
    const operation = pickOperation();
    const subjects = pools.get(operation) as Subject[];
    if (subjects.length === 0) throw new Error(`no subjects for ${operation.name}`);
    triples.push({ admin: pick(world.admins), operation, subject: pick(subjects), serial });
  }
  return triples;
}

function keysOf(triple: ApiTriple): string[] {
  const { operation, subject } = triple;
  if (operation.keys) return operation.keys(subject);
  return 'row' in subject ? [idOf(subject.row)] : [subject.target.villageId];
}

/**
 * Runs the triples with `workers` calls in flight, in order except that a triple waits while
 * another holding one of its keys runs (so each still meets the state its preparation made).
 */
export async function runApiTriples(
  ctx: RunContext,
  triples: readonly ApiTriple[],
  cookieOf: (admin: OracleAdmin) => string,
  workers: number,
  onResult: (triple: ApiTriple, result: ApiResult) => void,
): Promise<void> {
  const busy = new Map<string, Promise<void>>();
  let next = 0;
  const work = async () => {
    while (next < triples.length) {
      const triple = triples[next++] as ApiTriple;
      const keys = keysOf(triple);
      for (;;) {
        const running = keys.flatMap((key) => busy.get(key) ?? []);
        if (running.length === 0) break;
        await Promise.all(running);
      }
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      for (const key of keys) busy.set(key, promise);
      try {
        onResult(triple, await runApiTriple(ctx, triple, cookieOf(triple.admin)));
      } finally {
        for (const key of keys) busy.delete(key);
        resolve();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
}

export function expectedOf(triple: ApiTriple): boolean {
  return triple.operation.rule(triple.admin, triple.subject);
}

export interface ApiResult {
  outcome: Outcome;
  /** Error messages the caller saw (to check they leak nothing). */
  messages: string[];
  /** Something the answer got wrong besides allowed/refused. */
  problem: string | null;
}

const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN']);

/** Sends one triple as its admin and classifies the answer. */
export async function runApiTriple(ctx: RunContext, triple: ApiTriple, cookie: string): Promise<ApiResult> {
  const call = await triple.operation.prepare(ctx, triple);
  const response: GraphQLResponse = await ctx.api.graphql(call.query, call.variables, cookie);
  const messages = (response.errors ?? []).map((error) => error.message);
  let outcome: Outcome;
  if (response.errors?.length) {
    const codes = response.errors.map((error) => String(error.extensions?.code));
    outcome = codes.every((code) => REFUSALS.has(code))
      ? 'refused'
      : { invalid: `HTTP ${response.status} ${codes.join(',')}: ${messages.join(' | ')}` };
  } else if (!response.data) {
    outcome = { invalid: `HTTP ${response.status} without data or errors` };
  } else {
    outcome = call.seen ? call.seen(response.data) : 'allowed';
  }
  const problem =
    typeof outcome === 'string' && call.verify
      ? await call.verify(outcome === 'allowed', response.data)
      : null;
  return { outcome, messages, problem };
}

export function describeApiTriple(triple: ApiTriple): string {
  const who = `${triple.admin.username} (${triple.admin.role} @ ${triple.admin.scope})`;
  const subject =
    'row' in triple.subject
      ? `${triple.subject.row.table} @ ${triple.subject.row.regionPath}`
      : `target ${triple.subject.target.villagePath}`;
  return `#${triple.serial} ${who} ${triple.operation.name} on ${subject}`;
}
