import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BILINGUAL,
  COUNTY_CODE,
  CREATE_POLICY,
  POLICIES,
  POLICY,
  type PolicyNode,
  PUBLISH_POLICY,
  policyInput,
  UPDATE_POLICY,
  WITHDRAW_POLICY,
} from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { walkConnection } from '../../../test/walk-connection.ts';

let t: TestApi;
let admin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('county.admin');
});
afterAll(async () => t?.close());

async function auditCount(entityId?: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(
    'select count(*)::int as n from audit_event where $1::text is null or entity_id = $1',
    [entityId ?? null],
  );
  return row?.n ?? -1;
}

async function stored(id: string) {
  const [row] = await t.ownerSql<{
    title: string;
    status: string;
    version: number;
    withdrawal_reason: string | null;
  }>('select title, status, version, withdrawal_reason from policy where id = $1', [id]);
  return row;
}

describe('policy lifecycle', () => {
  it('create → edit → publish → withdraw, refusing a stale version and recording one audit row per change', async () => {
    const total = await auditCount();
    const [adminUser] = await t.ownerSql<{ id: string }>(
      "select id from app_user where username = 'county.admin'",
    );

    const created = await t.graphql<{ createPolicy: PolicyNode }>(
      CREATE_POLICY,
      { input: policyInput() },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const policy = created.data?.createPolicy as PolicyNode;
    expect(policy).toMatchObject({
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      region: { code: COUNTY_CODE },
    });
    expect(await auditCount()).toBe(total + 1);

    const edit = policyInput({
      title: '关于开展测试政策文件的通知（修订）',
      documentNumber: policy.documentNumber,
    });
    const updated = await t.graphql<{ updatePolicy: PolicyNode }>(
      UPDATE_POLICY,
      { id: policy.id, v: 1, input: edit },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updatePolicy).toMatchObject({
      title: '关于开展测试政策文件的通知（修订）',
      version: 2,
    });
    expect(await auditCount()).toBe(total + 2);

    // Someone else's edit is not overwritten: version 1 is stale now.
    const stale = await t.graphql(
      UPDATE_POLICY,
      { id: policy.id, v: 1, input: { ...edit, title: '过期版本覆盖的标题' } },
      admin,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(stale.errors?.[0]?.message).toMatch(BILINGUAL);
    expect(await stored(policy.id)).toMatchObject({
      title: '关于开展测试政策文件的通知（修订）',
      version: 2,
    });
    expect(await auditCount()).toBe(total + 2);

    const published = await t.graphql<{ publishPolicy: PolicyNode }>(
      PUBLISH_POLICY,
      { id: policy.id, v: 2 },
      admin,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishPolicy.status).toBe('PUBLISHED');
    expect(published.data?.publishPolicy.publishedAt).not.toBeNull();
    expect(await auditCount()).toBe(total + 3);

    const again = await t.graphql(PUBLISH_POLICY, { id: policy.id, v: 3 }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await auditCount()).toBe(total + 3);

    for (const reason of ['', '   ', '撤', '原因\u0000含控制字符']) {
      const noReason = await t.graphql(WITHDRAW_POLICY, { id: policy.id, v: 3, reason }, admin);
      expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'reason' });
    }
    expect(await stored(policy.id)).toMatchObject({ status: 'PUBLISHED', version: 3 });
    expect(await auditCount()).toBe(total + 3);

    const withdrawn = await t.graphql<{ withdrawPolicy: PolicyNode }>(
      WITHDRAW_POLICY,
      { id: policy.id, v: 3, reason: '已被新文件替代' },
      admin,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawPolicy).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: '已被新文件替代',
      version: 4,
    });
    expect(await auditCount()).toBe(total + 4);

    const editWithdrawn = await t.graphql(UPDATE_POLICY, { id: policy.id, v: 4, input: edit }, admin);
    expect(editWithdrawn.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    expect(await auditCount()).toBe(total + 4);

    const events = await t.ownerSql<{ action: string; user_id: string; request_id: string | null }>(
      'select action, user_id, request_id from audit_event where entity_id = $1 order by id',
      [policy.id],
    );
    expect(events.map((e) => e.action)).toEqual([
      'policy.create',
      'policy.update',
      'policy.publish',
      'policy.withdraw',
    ]);
    for (const event of events) {
      expect(event.user_id).toBe(adminUser?.id);
      expect(event.request_id).toMatch(/^[0-9a-f-]{36}$/);
    }

    const read = await t.graphql<{ policy: PolicyNode }>(POLICY, { id: policy.id }, admin);
    expect(read.data?.policy).toMatchObject({ status: 'WITHDRAWN', version: 4 });
  });

  it('writes each audit row in the transaction of the change it records', async () => {
    const created = await t.graphql<{ createPolicy: PolicyNode }>(
      CREATE_POLICY,
      { input: policyInput() },
      admin,
    );
    const id = created.data?.createPolicy.id as string;
    const sameTransaction = async () => {
      const [row] = await t.ownerSql<{ same: boolean }>(
        `select (select xmin::text from policy where id = $1::uuid) =
                (select xmin::text from audit_event where entity_id = $2 order by id desc limit 1) as same`,
        [id, id],
      );
      return row?.same;
    };
    expect(await sameTransaction()).toBe(true);
    const published = await t.graphql(PUBLISH_POLICY, { id, v: 1 }, admin);
    expect(published.errors).toBeUndefined();
    expect(await sameTransaction()).toBe(true);

    // If the audit row cannot be written, the change it would record does not happen either.
    await t.ownerSql(
      `alter table audit_event add constraint test_refuse_this_policy check (entity_id <> '${id}') not valid`,
    );
    try {
      const refused = await t.graphql(WITHDRAW_POLICY, { id, v: 2, reason: '测试审计失败时回滚' }, admin);
      expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await stored(id)).toMatchObject({ status: 'PUBLISHED', version: 2, withdrawal_reason: null });
    } finally {
      await t.ownerSql('alter table audit_event drop constraint test_refuse_this_policy');
    }
  });
});

describe('policies connection', () => {
  interface Page {
    policies: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string } }[];
    };
  }

  async function walk(
    cookie: string,
    filter: Record<string, unknown> | null,
    orderBy: Record<string, unknown> | null,
    first = 7,
  ): Promise<{ ids: string[]; totalCount: number }> {
    return walkConnection(t, { document: POLICIES, field: 'policies', first }, { filter, orderBy }, cookie);
  }

  async function sqlIds(where: string, params: unknown[], order: string): Promise<string[]> {
    const rows = await t.ownerSql<{ id: string }>(
      `select p.id from policy p where ${where} order by ${order}`,
      params,
    );
    return rows.map((row) => row.id);
  }

  it('refuses a page larger than 100 and accepts 100', async () => {
    const tooBig = await t.graphql(POLICIES, { first: 101 }, admin);
    expect(tooBig.data).toBeNull();
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'first' });
    for (const first of [0, -1]) {
      const bad = await t.graphql(POLICIES, { first }, admin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'first' });
    }
    const max = await t.graphql<Page>(POLICIES, { first: 100 }, admin);
    expect(max.errors).toBeUndefined();
    const [count] = await t.ownerSql<{ n: number }>('select count(*)::int as n from policy');
    expect(max.data?.policies.edges).toHaveLength(Math.min(100, count?.n ?? 0));
  });

  it('walks every row exactly once in the order SQL gives, for each sort', async () => {
    const columns = { ISSUE_DATE: 'p.issue_date', TITLE: 'p.title', UPDATED_AT: 'p.updated_at' } as const;
    const all = await sqlIds('true', [], 'p.id');
    expect(all.length).toBeGreaterThan(20);
    for (const [field, column] of Object.entries(columns)) {
      for (const direction of ['ASC', 'DESC']) {
        const { ids, totalCount } = await walk(admin, null, { field, direction });
        expect(totalCount).toBe(all.length);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(await sqlIds('true', [], `${column} ${direction}, p.id ${direction}`));
      }
    }
    // The default order is newest issue date first.
    const byDefault = await walk(admin, null, null, 100);
    expect(byDefault.ids).toEqual(await sqlIds('true', [], 'p.issue_date desc, p.id desc'));
  });

  it('filters by status, category, region subtree, search words and issue dates as SQL does', async () => {
    const townshipPath = (
      await t.ownerSql<{ path: string }>("select path::text from region where code = '330199102000'")
    )[0]?.path;
    const cases: { filter: Record<string, unknown>; where: string; params: unknown[] }[] = [
      { filter: { status: 'PUBLISHED' }, where: "p.status = 'PUBLISHED'", params: [] },
      { filter: { status: 'DRAFT' }, where: "p.status = 'DRAFT'", params: [] },
      { filter: { category: 'ASSISTANCE' }, where: "p.category = 'ASSISTANCE'", params: [] },
      { filter: { regionCode: '330199102000' }, where: 'p.region_path <@ $1::ltree', params: [townshipPath] },
      {
        filter: { search: '卫生健康' },
        where: '(p.title like $1 or p.document_number like $1 or p.issuing_body like $1)',
        params: ['%卫生健康%'],
      },
      { filter: { search: '〔2021〕' }, where: 'p.document_number like $1', params: ['%〔2021〕%'] },
      // LIKE wildcards in the search are literal characters, not patterns.
      {
        filter: { search: '%' },
        where: "strpos(p.title || p.document_number || p.issuing_body, '%') > 0",
        params: [],
      },
      {
        filter: { search: '_' },
        where: "strpos(p.title || p.document_number || p.issuing_body, '_') > 0",
        params: [],
      },
      {
        filter: { issuedFrom: '2021-01-01', issuedTo: '2022-12-31' },
        where: "p.issue_date between '2021-01-01' and '2022-12-31'",
        params: [],
      },
      {
        filter: { status: 'PUBLISHED', category: 'ASSOCIATION_WORK', issuedFrom: '2020-01-01' },
        where: "p.status = 'PUBLISHED' and p.category = 'ASSOCIATION_WORK' and p.issue_date >= '2020-01-01'",
        params: [],
      },
    ];
    let nonEmpty = 0;
    for (const { filter, where, params } of cases) {
      const expected = await sqlIds(where, params, 'p.title asc, p.id asc');
      const { ids, totalCount } = await walk(admin, filter, { field: 'TITLE', direction: 'ASC' }, 3);
      expect({ filter, ids }).toEqual({ filter, ids: expected });
      expect(totalCount).toBe(expected.length);
      if (expected.length > 0) nonEmpty += 1;
    }
    // The cases are only meaningful if most of them select something.
    expect(nonEmpty).toBeGreaterThanOrEqual(7);
  });

  it('refuses malformed filter dates and forged cursors as bad input', async () => {
    for (const [key, value] of [
      ['issuedFrom', '2024-02-30'],
      ['issuedTo', '2024/01/01'],
    ] as const) {
      const res = await t.graphql(POLICIES, { filter: { [key]: value } }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: `filter.${key}` });
    }
    const forged = [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['2024-01-01', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify([1, 2])).toString('base64url'),
    ];
    for (const after of forged) {
      const res = await t.graphql(POLICIES, { first: 5, after }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'after' });
    }
  });

  it('limits a township admin to their subtree, including through the region filter', async () => {
    const township = await t.signIn('township.102');
    const [scope] = await t.ownerSql<{ path: string }>(
      "select path::text from region where code = '330199102000'",
    );
    const expected = await sqlIds(
      'p.region_path <@ $1::ltree',
      [scope?.path],
      'p.issue_date desc, p.id desc',
    );
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totalCount } = await walk(township, null, null, 1);
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);

    const foreign = await t.graphql(POLICIES, { filter: { regionCode: '330199101000' } }, township);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.regionCode' });
    const county = await t.graphql(POLICIES, { filter: { regionCode: COUNTY_CODE } }, township);
    expect(county.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('policy body preview', () => {
  const PREVIEW = 'query($md: String!) { policyPreview(bodyMarkdown: $md) }';

  it('renders as the portal does: headings and tables kept, raw HTML shown as text, unsafe links dropped', async () => {
    const markdown = [
      '## 一、对象',
      '',
      '| 项目 | 标准 |',
      '| --- | --- |',
      '| 奖励扶助 | 每人每月 80 元 |',
      '',
      '<script>alert(1)</script>',
      '',
      '[详情](javascript:alert(1)) 与 [县协会](https://example.cn/)',
    ].join('\n');
    const result = await t.graphql<{ policyPreview: string }>(PREVIEW, { md: markdown }, admin);
    expect(result.errors).toBeUndefined();
    const html = result.data!.policyPreview;
    expect(html).toContain('<h2>一、对象</h2>');
    expect(html).toContain('<td>每人每月 80 元</td>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.cn/">县协会</a>');
  });

  it('refuses a blank body and anyone not signed in, with bilingual messages', async () => {
    const blank = await t.graphql(PREVIEW, { md: '   ' }, admin);
    expect(blank.errors?.[0]?.message).toBe('正文不能为空 / Body cannot be empty');
    const anonymous = await t.graphql(PREVIEW, { md: '正文' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
