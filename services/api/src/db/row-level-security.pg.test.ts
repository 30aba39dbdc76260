import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUNTY_CODE,
  CREATE_POLICY,
  POLICIES,
  POLICY,
  type PolicyNode,
  PUBLISH_POLICY,
  policyInput,
  UPDATE_POLICY,
  WITHDRAW_POLICY,
} from '../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../test/test-api.ts';

/** Two villages of one township, each with a clerk and residents. */
const OWN_VILLAGE = '330199102204';
const OTHER_VILLAGE = '330199102230';
const CLERK = 'clerk.102.204';
const TOWNSHIP = '330199102000';

let t: TestApi;
let otherVillagePolicy: PolicyNode;
let otherPath: string;
beforeAll(async () => {
  t = await startTestApi();
  const admin = await t.signIn('county.admin');
  const created = await t.graphql<{ createPolicy: PolicyNode }>(
    CREATE_POLICY,
    { input: policyInput({ regionCode: OTHER_VILLAGE, title: '邻村的村务通知' }) },
    admin,
  );
  otherVillagePolicy = created.data?.createPolicy as PolicyNode;
  const own = await t.graphql(
    CREATE_POLICY,
    { input: policyInput({ regionCode: OWN_VILLAGE, title: '本村的村务通知' }) },
    admin,
  );
  expect(own.errors).toBeUndefined();
  otherPath = (
    await t.ownerSql<{ path: string }>('select path::text from region where code = $1', [OTHER_VILLAGE])
  )[0]?.path as string;
});
afterAll(async () => t?.close());

async function ownerCount(sql: string, params: unknown[] = []): Promise<number> {
  return (await t.ownerSql<{ n: number }>(sql, params))[0]?.n ?? -1;
}
async function countAs(user: string, sql: string, params: unknown[] = []): Promise<number> {
  return (await t.sqlAs<{ n: number }>(user, sql, params))[0]?.n ?? -1;
}

describe('a village clerk', () => {
  it('sees nothing of another village through the API', async () => {
    const clerk = await t.signIn(CLERK);
    const list = await t.graphql<{
      policies: { totalCount: number; edges: { node: { region: { code: string } } }[] };
    }>(POLICIES, { first: 100 }, clerk);
    expect(list.errors).toBeUndefined();
    const codes = list.data?.policies.edges.map((edge) => edge.node.region.code);
    expect(codes).toContain(OWN_VILLAGE);
    expect(codes?.every((code) => code === OWN_VILLAGE)).toBe(true);

    const direct = await t.graphql(POLICY, { id: otherVillagePolicy.id }, clerk);
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const filtered = await t.graphql(POLICIES, { filter: { regionCode: OTHER_VILLAGE } }, clerk);
    expect(filtered.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const regions = await t.graphql(
      'query($p: String) { regions(parentCode: $p) { code } }',
      { p: OTHER_VILLAGE },
      clerk,
    );
    expect(regions.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ownGroups = await t.graphql<{ regions: { code: string }[] }>(
      'query($p: String) { regions(parentCode: $p) { code } }',
      { p: OWN_VILLAGE },
      clerk,
    );
    expect(ownGroups.errors).toBeUndefined();

    // Nor can they write there.
    const edit = await t.graphql(
      UPDATE_POLICY,
      {
        id: otherVillagePolicy.id,
        v: otherVillagePolicy.version,
        input: policyInput({ regionCode: OTHER_VILLAGE }),
      },
      clerk,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await t.graphql(
      CREATE_POLICY,
      { input: policyInput({ regionCode: OTHER_VILLAGE }) },
      clerk,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reads 0 policies, persons and regions of another village with raw SQL as the app role', async () => {
    // The rows exist...
    expect(
      await ownerCount('select count(*)::int as n from policy where region_path <@ $1::ltree', [otherPath]),
    ).toBe(1);
    expect(
      await ownerCount('select count(*)::int as n from person where region_path <@ $1::ltree', [otherPath]),
    ).toBeGreaterThan(0);
    expect(
      await ownerCount('select count(*)::int as n from region where path <@ $1::ltree', [otherPath]),
    ).toBeGreaterThan(0);
    // ...and the clerk's transaction cannot see them, however it asks.
    for (const sql of [
      'select count(*)::int as n from policy where region_path <@ $1::ltree',
      'select count(*)::int as n from person where region_path <@ $1::ltree',
      'select count(*)::int as n from region where path <@ $1::ltree',
    ]) {
      expect(await countAs(CLERK, sql, [otherPath])).toBe(0);
    }
    expect(await countAs(CLERK, 'select count(*)::int as n from person')).toBe(
      await ownerCount(
        'select count(*)::int as n from person p join region r on r.id = p.region_id where r.code = $1',
        [OWN_VILLAGE],
      ),
    );
    // Writes into the other village are refused by the database as well.
    await expect(
      t.sqlAs(CLERK, `update policy set title = '越权修改' where id = $1 returning id`, [
        otherVillagePolicy.id,
      ]),
    ).resolves.toEqual([]);
    await expect(
      t.sqlAs(CLERK, `update person set phone = null where region_path <@ $1::ltree returning id`, [
        otherPath,
      ]),
    ).resolves.toEqual([]);
  });
});

describe('a township admin', () => {
  it('sees exactly their township subtree', async () => {
    const [scope] = await t.ownerSql<{ path: string }>('select path::text from region where code = $1', [
      TOWNSHIP,
    ]);
    for (const table of ['policy', 'person', 'audit_event']) {
      const inScope = await ownerCount(
        `select count(*)::int as n from ${table} where region_path <@ $1::ltree`,
        [scope?.path],
      );
      expect(await countAs('township.102', `select count(*)::int as n from ${table}`)).toBe(inScope);
    }
    expect(
      await ownerCount('select count(*)::int as n from person where region_path <@ $1::ltree', [scope?.path]),
    ).toBeGreaterThan(0);
    // Regions: the subtree plus the chain above it (to name where they are), nothing beside it.
    const regions = await t.sqlAs<{ code: string; path: string }>(
      'township.102',
      'select code, path::text from region',
    );
    expect(regions.map((r) => r.code)).toContain(COUNTY_CODE);
    for (const region of regions) {
      expect(
        region.path === scope?.path ||
          region.path.startsWith(`${scope?.path}.`) ||
          scope?.path.startsWith(`${region.path}.`),
      ).toBe(true);
    }

    const township = await t.signIn('township.102');
    const villages = await t.graphql<{ regions: { code: string }[] }>(
      'query($p: String) { regions(parentCode: $p) { code } }',
      { p: TOWNSHIP },
      township,
    );
    expect(villages.data?.regions.length).toBeGreaterThan(0);
    expect(villages.data?.regions.every((r) => r.code.startsWith('330199102'))).toBe(true);
    const other = await t.graphql(
      'query($p: String) { regions(parentCode: $p) { code } }',
      { p: '330199101000' },
      township,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the auditor', () => {
  it('reads everything in the county but every mutation is refused', async () => {
    const auditor = await t.signIn('county.auditor');
    const list = await t.graphql<{ policies: { totalCount: number } }>(POLICIES, { first: 1 }, auditor);
    expect(list.data?.policies.totalCount).toBe(await ownerCount('select count(*)::int as n from policy'));
    const audit = await ownerCount('select count(*)::int as n from audit_event');
    const policies = await ownerCount('select count(*)::int as n from policy');
    const id = otherVillagePolicy.id;
    const [disclosure] = await t.ownerSql<{ id: string; document_sha256: string }>(
      'select id, document_sha256 from disclosure limit 1',
    );
    const mutations: [string, Record<string, unknown>][] = [
      [CREATE_POLICY, { input: policyInput() }],
      [UPDATE_POLICY, { id, v: 1, input: policyInput({ regionCode: OTHER_VILLAGE }) }],
      [PUBLISH_POLICY, { id, v: 1 }],
      [WITHDRAW_POLICY, { id, v: 1, reason: '审计员尝试撤回' }],
      [
        'mutation($id: ID!, $sha: String!) { approveDisclosure(id: $id, documentSha256: $sha) { id } }',
        { id: disclosure?.id, sha: disclosure?.document_sha256 },
      ],
      ['mutation { runPublication { id } }', {}],
    ];
    for (const [query, variables] of mutations) {
      const res = await t.graphql(query, variables, auditor);
      expect({ query, code: res.errors?.[0]?.extensions?.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
    expect(await ownerCount('select count(*)::int as n from audit_event')).toBe(audit);
    expect(await ownerCount('select count(*)::int as n from policy')).toBe(policies);
  });

  it('cannot write with raw SQL as the app role either', async () => {
    const [county] = await t.ownerSql<{ id: string }>('select id from region where code = $1', [COUNTY_CODE]);
    const [auditorUser] = await t.ownerSql<{ id: string }>(
      "select id from app_user where username = 'county.auditor'",
    );
    await expect(
      t.sqlAs(
        'county.auditor',
        `insert into policy (region_id, region_path, title, document_number, issuing_body, category, issue_date,
                             body_markdown, created_by, updated_by)
         values ($1, '', '审计员插入的文件', '审计〔2024〕1号', '青山县计划生育协会', 'NOTICE', '2024-01-01', '正文', $2, $2)`,
        [county?.id, auditorUser?.id],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      t.sqlAs('county.auditor', `update policy set title = '审计员修改' returning id`),
    ).resolves.toEqual([]);
    await expect(t.sqlAs('county.auditor', `update person set phone = null returning id`)).resolves.toEqual(
      [],
    );
    await expect(
      t.sqlAs('county.auditor', `update disclosure set name = '审计员修改' returning id`),
    ).resolves.toEqual([]);
    await expect(
      t.sqlAs(
        'county.auditor',
        `insert into publication_run (region_id, region_path, started_by) values ($1, '', $2)`,
        [county?.id, auditorUser?.id],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await ownerCount("select count(*)::int as n from policy where title like '审计员%'")).toBe(0);
  });
});

describe('the app role without a scope', () => {
  async function appClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: t.db.appUrl });
    await client.connect();
    return client;
  }

  it('sees 0 rows of every table it may read', async () => {
    const tables = (
      await t.ownerSql<{ table_name: string }>(
        `select distinct table_name from information_schema.role_table_grants
          where grantee = 'sunshine_app' and privilege_type = 'SELECT' order by 1`,
      )
    ).map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_event',
        'disclosure',
        'person',
        'policy',
        'publication',
        'publication_run',
        'region',
      ]),
    );
    // The demo never replays a money mutation, so it holds no idempotency key: store one to hide.
    await t.ownerSql(
      `insert into idempotency_key (user_id, key, operation, request_sha256, response)
       select id, 'rls-test-key-0001', 'test', repeat('0', 64), '{}' from app_user limit 1`,
    );
    const client = await appClient();
    try {
      for (const table of tables) {
        expect(await ownerCount(`select count(*)::int as n from ${table}`)).toBeGreaterThan(0);
        const { rows } = await client.query(`select count(*)::int as n from ${table}`);
        expect({ table, n: rows[0]?.n }).toEqual({ table, n: 0 });
      }
    } finally {
      await client.end();
    }
  });

  it('cannot read app_user or user_session at all, even with a scope', async () => {
    for (const table of ['app_user', 'user_session']) {
      await expect(t.sqlAs('county.admin', `select count(*) from ${table}`)).rejects.toMatchObject({
        code: '42501',
      });
      await expect(t.sqlAs('county.admin', `select * from ${table} limit 1`)).rejects.toMatchObject({
        code: '42501',
      });
    }
  });

  it('keeps scope settings inside the transaction that set them', async () => {
    const [admin] = await t.ownerSql<{ id: string; path: string }>(
      `select u.id, r.path::text from app_user u join region r on r.id = u.region_id where u.username = 'county.admin'`,
    );
    const client = await appClient();
    const count = async () => (await client.query('select count(*)::int as n from policy')).rows[0]?.n;
    const setScope = () =>
      client.query(
        `select set_config('app.user_id', $1, true), set_config('app.user_role', 'COUNTY_ADMIN', true),
                set_config('app.scope_path', $2, true)`,
        [admin?.id, admin?.path],
      );
    try {
      await client.query('begin');
      await setScope();
      expect(await count()).toBeGreaterThan(0);
      await client.query('commit');
      expect(await count()).toBe(0);
      await client.query('begin');
      await setScope();
      expect(await count()).toBeGreaterThan(0);
      await client.query('rollback');
      expect(await count()).toBe(0);
    } finally {
      await client.end();
    }
  });
});
