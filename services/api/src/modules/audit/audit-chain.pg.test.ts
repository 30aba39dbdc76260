import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_POLICY,
  type PolicyNode,
  PUBLISH_POLICY,
  policyInput,
} from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

/** What audit_chain_verify() answers, bigints as text. */
interface Verification {
  intact: boolean;
  verified_rows: string;
  head_seq: string;
  head_sha256: string;
  first_broken_seq: string | null;
  first_broken_event_id: string | null;
  problem: string | null;
}

const VERIFY = `select intact, verified_rows::text, head_seq::text, head_sha256, first_broken_seq::text,
  first_broken_event_id::text, problem from audit_chain_verify()`;

interface ChainRow {
  id: string;
  chain_seq: string;
}

let t: TestApi;
let scope: { id: string; role: string; path: string };

beforeAll(async () => {
  t = await startTestApi();
  const [admin] = await t.ownerSql<{ id: string; role: string; path: string }>(
    `select u.id, u.role, r.path::text as path from app_user u join region r on r.id = u.region_id
      where u.username = 'county.admin'`,
  );
  scope = admin as typeof scope;
  // A few API mutations, so the chain has rows of the real writers to check.
  const cookie = await t.signIn('county.admin');
  for (let i = 0; i < 3; i++) {
    const created = await t.graphql<{ createPolicy: PolicyNode }>(
      CREATE_POLICY,
      { input: policyInput() },
      cookie,
    );
    expect(created.errors).toBeUndefined();
    const published = await t.graphql(PUBLISH_POLICY, { id: created.data?.createPolicy.id, v: 1 }, cookie);
    expect(published.errors).toBeUndefined();
  }
});
afterAll(async () => t?.close());

async function verify(): Promise<Verification> {
  return (await t.ownerSql<Verification>(VERIFY))[0] as Verification;
}

/** Chained rows in chain order, as the owner sees them. */
async function chain(): Promise<ChainRow[]> {
  return t.ownerSql<ChainRow>(
    // The column is bigint but selected as text: order by the number, not by the text ('10' < '2').
    'select id::text, chain_seq::text from audit_event where chain_seq is not null order by audit_event.chain_seq',
  );
}

/**
 * Runs `tamper` as the owner with the append-only trigger switched off (what only the owner can
 * do, by DDL), verifies inside the same transaction and rolls everything back.
 */
async function verifyAfterTampering(tamper: (client: pg.Client) => Promise<void>): Promise<Verification> {
  const client = new pg.Client({ connectionString: t.db.ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('alter table audit_event disable trigger audit_event_append_only');
    await tamper(client);
    return (await client.query<Verification>(VERIFY)).rows[0] as Verification;
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

/** A client of the app role whose transactions carry the county admin's scope, as the API sets it. */
async function appTransaction<T>(client: pg.ClientBase, work: () => Promise<T>, end = 'commit'): Promise<T> {
  await client.query('begin');
  try {
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [scope.id, scope.role, scope.path],
    );
    const result = await work();
    await client.query(end);
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

const APPEND = `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id, after_sha256)
  values (app_user_id(), app_user_role(), app_scope(), 'test.append', 'test', $1, $2)`;

describe('the audit chain', () => {
  it('links every row written by the API, with no gap, and ends in the head', async () => {
    const rows = await chain();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((row) => row.chain_seq)).toEqual(rows.map((_, index) => String(index + 1)));
    const unchained = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from audit_event where chain_seq is null',
    );
    expect(unchained[0]?.n).toBe(0);
    const policyRows = await t.ownerSql<{ action: string; chain_seq: string | null }>(
      `select action, chain_seq::text from audit_event where entity = 'policy' order by id`,
    );
    expect(policyRows.filter((row) => row.action === 'policy.publish')).toHaveLength(3);
    expect(policyRows.every((row) => row.chain_seq !== null)).toBe(true);
    expect(await verify()).toEqual({
      intact: true,
      verified_rows: String(rows.length),
      head_seq: String(rows.length),
      head_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      first_broken_seq: null,
      first_broken_event_id: null,
      problem: null,
    });
  });

  // The canonical text is specified in ADR 0007; an auditor holding an export of the rows can
  // recompute every digest without PostgreSQL. This is that auditor, in JavaScript.
  it('can be recomputed outside the database from the rows alone', async () => {
    const rows = await t.ownerSql<{
      id: string;
      chain_seq: string;
      at_us: string;
      user_id: string;
      user_role: string;
      region_path: string;
      action: string;
      entity: string;
      entity_id: string;
      before_sha256: string | null;
      after_sha256: string | null;
      request_id: string | null;
      sensitive: boolean;
      prev_sha256: string;
      row_sha256: string;
    }>(
      `select id::text, chain_seq::text, (extract(epoch from at) * 1000000)::bigint::text as at_us, user_id,
              user_role, region_path::text, action, entity, entity_id, before_sha256, after_sha256, request_id,
              sensitive, prev_sha256, row_sha256
         from audit_event order by audit_event.chain_seq`,
    );
    let prev = '0'.repeat(64);
    for (const row of rows) {
      const micros = BigInt(row.at_us);
      const at = new Date(Number(micros / 1000n))
        .toISOString()
        .replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}${String(micros % 1000n).padStart(3, '0')}Z`);
      const canonical = JSON.stringify([
        row.chain_seq,
        row.id,
        at,
        row.user_id,
        row.user_role,
        row.region_path,
        row.action,
        row.entity,
        row.entity_id,
        row.before_sha256,
        row.after_sha256,
        row.request_id,
        String(row.sensitive),
      ]);
      const digest = createHash('sha256')
        .update(Buffer.from(prev, 'hex'))
        .update(canonical, 'utf8')
        .digest('hex');
      expect({ seq: row.chain_seq, prev: row.prev_sha256, digest }).toEqual({
        seq: row.chain_seq,
        prev,
        digest: row.row_sha256,
      });
      prev = digest;
    }
    expect((await verify()).head_sha256).toBe(prev);
  });
});

describe('tampering by the database owner', () => {
  it('cannot happen by plain SQL: update, delete and truncate are refused', async () => {
    await expect(t.ownerSql(`update audit_event set action = 'x' where chain_seq = 2`)).rejects.toMatchObject(
      {
        code: '42501',
      },
    );
    await expect(t.ownerSql('delete from audit_event where chain_seq = 2')).rejects.toMatchObject({
      code: '42501',
    });
    await expect(t.ownerSql('truncate audit_event')).rejects.toMatchObject({ code: '42501' });
    await expect(t.ownerSql('update audit_chain_head set seq = seq + 1')).rejects.toMatchObject({
      code: '42501',
    });
    await expect(t.ownerSql('delete from audit_chain_head')).rejects.toMatchObject({ code: '42501' });
    expect((await verify()).intact).toBe(true);
  });

  it('with the trigger off, a changed digest is reported at its row', async () => {
    const [row] = (await chain()).slice(2, 3);
    const found = await verifyAfterTampering(async (client) => {
      await client.query(`update audit_event set after_sha256 = repeat('a', 64) where id = $1`, [row?.id]);
    });
    expect(found).toMatchObject({
      intact: false,
      verified_rows: '2',
      first_broken_seq: '3',
      first_broken_event_id: row?.id,
      problem: 'ROW_HASH',
    });
  });

  it('a changed row whose own digest was recomputed breaks the link of the next row', async () => {
    const rows = await chain();
    // The forger's two steps: change the row, then give it the digest its new content has.
    const found = await verifyAfterTampering(async (client) => {
      await client.query(`update audit_event set action = 'policy.forged' where id = $1`, [rows[1]?.id]);
      await client.query(
        'update audit_event e set row_sha256 = audit_event_sha256(e.prev_sha256, e.chain_seq, e) where e.id = $1',
        [rows[1]?.id],
      );
    });
    expect(found).toMatchObject({
      intact: false,
      first_broken_seq: '3',
      first_broken_event_id: rows[2]?.id,
      problem: 'PREV_LINK',
    });
  });

  it('a deleted row is reported at the row after the gap', async () => {
    const rows = await chain();
    const found = await verifyAfterTampering(async (client) => {
      await client.query('delete from audit_event where id = $1', [rows[3]?.id]);
    });
    expect(found).toMatchObject({
      intact: false,
      verified_rows: '3',
      first_broken_seq: '5',
      first_broken_event_id: rows[4]?.id,
      problem: 'GAP',
    });
  });

  it('two rows swapped in the chain are reported at the first of them', async () => {
    const rows = await chain();
    const found = await verifyAfterTampering(async (client) => {
      // Three steps, since positions are unique: 2 → far away, 4 → 2, far away → 4.
      await client.query('update audit_event set chain_seq = 999999999 where id = $1', [rows[1]?.id]);
      await client.query('update audit_event set chain_seq = 2 where id = $1', [rows[3]?.id]);
      await client.query('update audit_event set chain_seq = 4 where id = $1', [rows[1]?.id]);
    });
    expect(found).toMatchObject({
      intact: false,
      verified_rows: '1',
      first_broken_seq: '2',
      first_broken_event_id: rows[3]?.id,
      problem: 'PREV_LINK',
    });
  });

  it('the last row deleted is reported against the head', async () => {
    const rows = await chain();
    const found = await verifyAfterTampering(async (client) => {
      await client.query('delete from audit_event where id = $1', [rows.at(-1)?.id]);
    });
    expect(found).toMatchObject({
      intact: false,
      verified_rows: String(rows.length - 1),
      head_seq: String(rows.length),
      first_broken_seq: String(rows.length),
      first_broken_event_id: null,
      problem: 'HEAD',
    });
  });

  it('a row written around the chain trigger is reported as unchained', async () => {
    const found = await verifyAfterTampering(async (client) => {
      await client.query('alter table audit_event disable trigger user');
      await client.query(
        `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id)
         values ($1, $2, $3::ltree, 'policy.forged', 'policy', 'forged')`,
        [scope.id, scope.role, scope.path],
      );
    });
    expect(found).toMatchObject({ intact: false, first_broken_seq: null, problem: 'UNCHAINED' });
    expect(found.first_broken_event_id).toMatch(/^\d+$/);
  });

  it('leaves the chain intact once the owner’s transaction is rolled back', async () => {
    expect((await verify()).intact).toBe(true);
  });
});

describe('the app role', () => {
  it('cannot update, delete or truncate audit rows, nor touch the head but through the functions', async () => {
    for (const sql of [
      `update audit_event set action = 'x'`,
      'delete from audit_event',
      'truncate audit_event',
      'select * from audit_chain_head',
      'update audit_chain_head set seq = 0',
      'delete from audit_chain_head',
      'alter table audit_event disable trigger audit_event_append_only',
      'set session_replication_role = replica',
    ]) {
      await expect(t.sqlAs('county.admin', sql), sql).rejects.toMatchObject({ code: '42501' });
    }
    const [head] = await t.sqlAs<{ seq: string }>('county.admin', 'select seq::text from audit_chain_head()');
    expect(head?.seq).toBe((await verify()).head_seq);
  });

  it('cannot choose the time or the chain position of a row it appends', async () => {
    for (const [column, value] of [
      ['at', `'2020-01-01'`],
      ['chain_seq', '1'],
      ['row_sha256', `repeat('0', 64)`],
      ['prev_sha256', `repeat('0', 64)`],
    ]) {
      await expect(
        t.sqlAs(
          'county.admin',
          `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id, ${column})
           values (app_user_id(), app_user_role(), app_scope(), 'test.forged', 'test', 'x', ${value})`,
        ),
        column,
      ).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('verifies the whole chain, rows outside its scope included', async () => {
    const asClerk = await t.sqlAs<Verification>('clerk.102.204', VERIFY);
    const all = await verify();
    expect(asClerk[0]).toEqual(all);
    expect(all.intact).toBe(true);
  });
});

describe('concurrent writers', () => {
  it('50 transactions on 10 connections append one unbroken chain, in commit order, with rolled-back ones leaving no gap', async () => {
    const before = BigInt((await verify()).head_seq);
    const pool = new pg.Pool({ connectionString: t.db.appUrl, max: 10 });
    const tasks = Array.from({ length: 50 }, (_, n) => n);
    const rolledBack = new Set(tasks.filter((n) => n % 7 === 3));
    try {
      await Promise.all(
        tasks.map(async (n) => {
          const client = await pool.connect();
          try {
            await appTransaction(
              client,
              async () => {
                // Each transaction appends two rows with a pause between, so transactions overlap.
                await client.query(APPEND, [
                  `concurrent-${n}`,
                  createHash('sha256').update(`a${n}`).digest('hex'),
                ]);
                await client.query('select pg_sleep($1)', [(n % 5) / 500]);
                await client.query(APPEND, [
                  `concurrent-${n}`,
                  createHash('sha256').update(`b${n}`).digest('hex'),
                ]);
              },
              rolledBack.has(n) ? 'rollback' : 'commit',
            );
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    const committed = tasks.length - rolledBack.size;
    const rows = await t.ownerSql<{ entity_id: string; chain_seq: string }>(
      `select entity_id, chain_seq::text from audit_event where action = 'test.append' and entity_id like 'concurrent-%'
        order by audit_event.chain_seq`,
    );
    expect(rows).toHaveLength(committed * 2);
    expect(new Set(rows.map((row) => row.chain_seq)).size).toBe(rows.length);
    // No gaps: the new rows fill positions before+1 … before+2·committed exactly.
    expect(rows.map((row) => BigInt(row.chain_seq))).toEqual(
      rows.map((_, index) => before + 1n + BigInt(index)),
    );
    // A transaction's rows sit together: the head lock is held from its first link to its commit.
    for (let i = 0; i < rows.length; i += 2) expect(rows[i]?.entity_id).toBe(rows[i + 1]?.entity_id);
    expect(await verify()).toMatchObject({
      intact: true,
      head_seq: String(before + BigInt(committed * 2)),
      problem: null,
    });
  });
});
