import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type pg from 'pg';
import type { OracleAdmin, OracleRow, OracleTarget } from './oracle-fixture.ts';
import { DELETABLE, INSERTABLE, type Triple } from './oracle-rules.ts';

export type Outcome = 'allowed' | 'refused' | { invalid: string };

/** A seeded generator (mulberry32), so a failing triple can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateTriples(
  world: { admins: OracleAdmin[]; rows: OracleRow[]; targets: OracleTarget[] },
  count: number,
  seed: number,
): Triple[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const deletable = world.rows.filter(
    (row) => !(row.table === 'member_group' && !row.spare) && (DELETABLE.has(row.table) || random() < 0.3),
  );
  const triples: Triple[] = [];
  for (let i = 0; i < count; i++) {
    const admin = pick(world.admins);
    const roll = random();
    if (roll < 0.35) triples.push({ admin, operation: 'read', row: pick(world.rows) });
    else if (roll < 0.6) triples.push({ admin, operation: 'update', row: pick(world.rows) });
    else if (roll < 0.75) triples.push({ admin, operation: 'delete', row: pick(deletable) });
    else triples.push({ admin, operation: 'insert', table: pick(INSERTABLE), target: pick(world.targets) });
  }
  return triples;
}

function where(key: Record<string, string>, offset = 0): { sql: string; params: string[] } {
  const columns = Object.keys(key);
  return {
    sql: columns.map((column, i) => `${column} = $${i + 1 + offset}`).join(' and '),
    params: columns.map((column) => key[column] as string),
  };
}

const UPDATE_SET: Record<string, string> = {
  person_duplicate_flag: `status = 'DISTINCT_PERSONS', resolved_by = app_user_id(), resolved_at = now()`,
  import_job: 'rows_parsed = rows_parsed',
  household_sensitive_status: 'since = since',
  member_group: 'name = name',
  contact_household: 'since = since',
  region: 'name = name',
  evaluation: 'score = score',
};

const FRESH_ID = generateResidentId({
  regionCode: '330199',
  birthDate: '1966-06-06',
  sex: 'FEMALE',
  sequence: 498,
});

function insertStatement(table: string, target: OracleTarget): { sql: string; params: unknown[] } {
  const { villageId: region, associationId: association } = target;
  switch (table) {
    case 'association':
      return {
        sql: `insert into association (region_id, code, name, level, kind) values ($1, $2, '新企业协会', 'VILLAGE', 'ENTERPRISE')`,
        params: [region, `${target.villageCode}-QNEW`],
      };
    case 'member_group':
      return {
        sql: `insert into member_group (association_id, region_id, name) values ($1, $2, '新小组')`,
        params: [association, region],
      };
    case 'person':
      return {
        sql: `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date)
              values ($1, $1, '新登记', $2, sha256(convert_to($2, 'UTF8')), 'FEMALE', '1966-06-06')`,
        params: [region, FRESH_ID],
      };
    case 'household':
      return {
        sql: `insert into household (region_id, code) values ($1, $2)`,
        params: [region, `${target.villageCode}-7777`],
      };
    case 'household_sensitive_status':
      return {
        sql: `insert into household_sensitive_status (household_id, region_id, status) values ($1, $2, 'ONLY_CHILD_DISABLED')`,
        params: [target.spareHouseholdId, region],
      };
    case 'member':
      return {
        sql: `insert into member (association_id, region_id, person_id, card_number) values ($1, $2, $3, 'ORC-NEW')`,
        params: [association, region, target.sparePersonId],
      };
    case 'contact_household':
      return {
        sql: `insert into contact_household (member_id, household_id, region_id) values ($1, $2, $3)`,
        params: [target.memberId, target.spareHouseholdId, region],
      };
    case 'activity':
      return {
        sql: `insert into activity (association_id, region_id, kind, held_on, title) values ($1, $2, 'TRAINING', '2026-06-01', '培训')`,
        params: [association, region],
      };
    case 'project':
      return {
        sql: `insert into project (association_id, region_id, kind, name, start_on, budget_fen)
              values ($1, $2, 'YOUTH_HEALTH', '青春健康', '2026-01-01', 0)`,
        params: [association, region],
      };
    case 'evaluation':
      return {
        sql: `insert into evaluation (association_id, region_id, evaluated_on, items, evaluated_by)
              values ($1, $2, '2026-06-01', '[{"code":"VENUE","passed":true}]', app_user_id())`,
        params: [association, region],
      };
    case 'import_job':
      return {
        sql: `insert into import_job (region_id, kind, file_name, file_sha256, file_bytes, format, created_by)
              values ($1, 'MEMBERS', 'm.csv', repeat('b', 64), 1, 'CSV', app_user_id())`,
        params: [region],
      };
    case 'person_duplicate_flag':
      return {
        sql: `insert into person_duplicate_flag (person_a_id, person_b_id, region_id, reason)
              values ($1, $1, $2, 'SAME_NAME_AND_BIRTH_DATE')`,
        params: [target.sparePersonId, region],
      };
    default:
      throw new Error(`no insert for ${table}`);
  }
}

export function statementFor(triple: Triple): { sql: string; params: unknown[] } {
  if (triple.operation === 'insert') return insertStatement(triple.table, triple.target);
  const { table, key } = triple.row;
  const condition = where(key);
  switch (triple.operation) {
    case 'read':
      return { sql: `select 1 from ${table} where ${condition.sql}`, params: condition.params };
    case 'update':
      return {
        sql: `update ${table} set ${UPDATE_SET[table] ?? 'version = version'} where ${condition.sql}`,
        params: condition.params,
      };
    case 'delete':
      return { sql: `delete from ${table} where ${condition.sql}`, params: condition.params };
  }
}

/**
 * Runs one triple inside a savepoint of the caller's transaction and undoes it, so every triple
 * meets the same world. A refusal is: no row matched, a privilege or row-level security error, or
 * the region-path trigger finding no region the caller may see. Anything else is a broken triple.
 */
export async function runTriple(client: pg.ClientBase, triple: Triple): Promise<Outcome> {
  const { sql, params } = statementFor(triple);
  await client.query('savepoint oracle');
  try {
    const result = await client.query(sql, params);
    return result.rowCount === 1 ? 'allowed' : 'refused';
  } catch (error) {
    const { code, message, column } = error as { code?: string; message: string; column?: string };
    if (code === '42501') return 'refused';
    if (code === '23502' && column === 'region_path') return 'refused';
    return { invalid: `${code}: ${message}` };
  } finally {
    await client.query('rollback to savepoint oracle');
  }
}

/** Sets the transaction-local scope exactly as the API does (scoped-transaction.ts). */
export async function actAs(client: pg.ClientBase, admin: OracleAdmin): Promise<void> {
  await client.query(
    `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
            set_config('app.scope_path', $3, true)`,
    [admin.id, admin.role, admin.scope],
  );
}

export function describeTriple(triple: Triple): string {
  const who = `${triple.admin.username} (${triple.admin.role} @ ${triple.admin.scope})`;
  return triple.operation === 'insert'
    ? `${who} insert ${triple.table} into ${triple.target.villagePath}`
    : `${who} ${triple.operation} ${triple.row.table} @ ${triple.row.regionPath}`;
}
