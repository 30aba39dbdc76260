import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, type TestDatabase } from '../../test/test-api.ts';
import { createOrm } from './create-orm.ts';
import { scopedRead } from './scoped-read.ts';
import type { ScopeUser } from './scoped-transaction.ts';

const VILLAGE = '330199102204';
const CLERK = 'clerk.102.204';

let db: TestDatabase;
let owner: pg.Pool;
// One connection, so every read below runs on the connection the previous one used.
let orm: MikroORM;
let clerk: ScopeUser;

beforeAll(async () => {
  db = await cloneDatabase();
  owner = new pg.Pool({ connectionString: db.ownerUrl, max: 1 });
  orm = await createOrm(db.appUrl, { poolMax: 1 });
  const { rows } = await owner.query<ScopeUser>(
    `select u.id, u.role, r.path::text as "regionPath" from app_user u join region r on r.id = u.region_id
      where u.username = $1`,
    [CLERK],
  );
  clerk = rows[0] as ScopeUser;
});
afterAll(async () => {
  await orm?.close(true);
  await owner?.end();
  await db?.drop();
});

async function ownerCount(sql: string, params: unknown[]): Promise<number> {
  return (await owner.query<{ n: number }>(sql, params)).rows[0]?.n ?? -1;
}

describe('scopedRead', () => {
  it("reads with the user's row-level security scope", async () => {
    const [row] = await scopedRead<{ n: number }>(orm, clerk, 'select count(*)::int as n from person');
    const inVillage = await ownerCount(
      `select count(*)::int as n from person where region_path <@ (select path from region where code = $1)`,
      [VILLAGE],
    );
    expect(inVillage).toBeGreaterThan(0);
    expect(row?.n).toBe(inVillage);
  });

  it('leaves no scope on the pooled connection once the read is done', async () => {
    await scopedRead(orm, clerk, 'select 1');
    const [after] = (await orm.em.fork().execute(
      `select coalesce(current_setting('app.scope_path', true), '') as scope,
              (select count(*)::int from person) as persons`,
    )) as { scope: string; persons: number }[];
    expect(after).toEqual({ scope: '', persons: 0 });
  });

  it('keeps parameters as values, never as statements', async () => {
    const value = "张三'); select set_config('app.scope_path', '330199', true); --";
    const rows = await scopedRead<{ value: string; n: number }>(
      orm,
      clerk,
      'select ?::text as value, (select count(*)::int from person where name = ?) as n',
      [value, value],
    );
    expect(rows).toEqual([{ value, n: 0 }]);
  });

  it('answers a failing statement with an error and leaves the connection usable', async () => {
    await expect(scopedRead(orm, clerk, 'select 1 / 0')).rejects.toThrow(/division by zero/);
    const rows = await scopedRead<{ one: number }>(orm, clerk, 'select 1 as one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
