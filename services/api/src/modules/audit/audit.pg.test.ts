import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_POLICY, type PolicyNode, policyInput } from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { walkConnection } from '../../../test/walk-connection.ts';

const VERIFICATION = `query { auditChainVerification {
  intact verifiedRows headSeq headSha256 firstBrokenSeq firstBrokenEventId problem checkedAt } }`;
const EVENT_FIELDS = `id chainSeq prevSha256 rowSha256 at userId userRole regionPath regionCode action entity entityId
  beforeSha256 afterSha256 requestId sensitive`;
const EVENTS = `query($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${EVENT_FIELDS} } } } }`;

const OWN_VILLAGE = '330199102204';
const OTHER_VILLAGE = '330199102230';
const CLERK = 'clerk.102.204';
const OTHER_CLERK = 'clerk.102.230';

interface Verification {
  intact: boolean;
  verifiedRows: string;
  headSeq: string;
  headSha256: string;
  firstBrokenSeq: string | null;
  firstBrokenEventId: string | null;
  problem: string | null;
  checkedAt: string;
}

interface EventNode {
  id: string;
  chainSeq: string | null;
  prevSha256: string | null;
  rowSha256: string | null;
  at: string;
  userId: string;
  userRole: string;
  regionPath: string;
  regionCode: string;
  action: string;
  entity: string;
  entityId: string;
  beforeSha256: string | null;
  afterSha256: string | null;
  requestId: string | null;
  sensitive: boolean;
}

interface Events {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: EventNode }[];
  };
}

let t: TestApi;
const cookies: Record<string, string> = {};
let villagePolicy: PolicyNode;

async function as(username: string): Promise<string> {
  cookies[username] ??= await t.signIn(username);
  return cookies[username];
}

async function events(username: string, variables: Record<string, unknown>) {
  return t.graphql<Events>(EVENTS, variables, await as(username));
}

beforeAll(async () => {
  t = await startTestApi();
  const admin = await as('county.admin');
  for (const regionCode of [OWN_VILLAGE, OTHER_VILLAGE]) {
    const created = await t.graphql<{ createPolicy: PolicyNode }>(
      CREATE_POLICY,
      { input: policyInput({ regionCode, title: `审计测试村务通知${regionCode}` }) },
      admin,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    if (regionCode === OWN_VILLAGE) villagePolicy = created.data?.createPolicy as PolicyNode;
  }
});
afterAll(async () => t?.close());

describe('auditChainVerification', () => {
  it('tells county admins and auditors that the chain is intact, ending in the database’s head', async () => {
    const [head] = await t.ownerSql<{ seq: string; sha256: string }>(
      'select seq::text, sha256 from audit_chain_head()',
    );
    for (const username of ['county.admin', 'county.auditor']) {
      const res = await t.graphql<{ auditChainVerification: Verification }>(
        VERIFICATION,
        {},
        await as(username),
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data?.auditChainVerification).toEqual({
        intact: true,
        verifiedRows: head?.seq,
        headSeq: head?.seq,
        headSha256: head?.sha256,
        firstBrokenSeq: null,
        firstBrokenEventId: null,
        problem: null,
        checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    }
  });

  it('is refused to township admins and village clerks, and to anyone not signed in', async () => {
    for (const username of ['township.102', CLERK]) {
      const res = await t.graphql(VERIFICATION, {}, await as(username));
      expect(res.errors?.[0]?.extensions?.code, username).toBe('FORBIDDEN');
    }
    expect((await t.graphql(VERIFICATION, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reports the first broken row after the owner changed a digest, and intact again once it is put back', async () => {
    const [target] = await t.ownerSql<{ id: string; chain_seq: string; after_sha256: string | null }>(
      `select id::text, chain_seq::text, after_sha256 from audit_event
        where entity = 'policy' and entity_id = $1 order by id limit 1`,
      [villagePolicy.id],
    );
    const owner = new pg.Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    const setDigest = async (digest: string | null) => {
      await owner.query('begin');
      await owner.query('alter table audit_event disable trigger audit_event_append_only');
      await owner.query('update audit_event set after_sha256 = $2 where id = $1', [target?.id, digest]);
      await owner.query('alter table audit_event enable trigger audit_event_append_only');
      await owner.query('commit');
    };
    try {
      await setDigest('f'.repeat(64));
      const broken = await t.graphql<{ auditChainVerification: Verification }>(
        VERIFICATION,
        {},
        await as('county.auditor'),
      );
      expect(broken.data?.auditChainVerification).toMatchObject({
        intact: false,
        verifiedRows: String(Number(target?.chain_seq) - 1),
        firstBrokenSeq: target?.chain_seq,
        firstBrokenEventId: target?.id,
        problem: 'ROW_HASH',
      });
    } finally {
      await setDigest(target?.after_sha256 ?? null);
      await owner.end();
    }
    const repaired = await t.graphql<{ auditChainVerification: Verification }>(
      VERIFICATION,
      {},
      await as('county.auditor'),
    );
    expect(repaired.data?.auditChainVerification.intact).toBe(true);
  });
});

describe('auditEvents', () => {
  it('shows a record’s history with its chain links and digests, newest first, and no personal data', async () => {
    const res = await events('county.admin', { filter: { entity: 'policy', entityId: villagePolicy.id } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const nodes = res.data?.auditEvents.edges.map((edge) => edge.node) ?? [];
    expect(nodes.map((node) => node.action)).toEqual(['policy.create']);
    const [stored] = await t.ownerSql<{
      id: string;
      chain_seq: string;
      row_sha256: string;
      prev_sha256: string;
    }>(`select id::text, chain_seq::text, row_sha256, prev_sha256 from audit_event where entity_id = $1`, [
      villagePolicy.id,
    ]);
    expect(nodes[0]).toMatchObject({
      id: stored?.id,
      chainSeq: stored?.chain_seq,
      rowSha256: stored?.row_sha256,
      prevSha256: stored?.prev_sha256,
      userRole: 'COUNTY_ADMIN',
      regionCode: OWN_VILLAGE,
      regionPath: expect.stringMatching(new RegExp(`\\.${OWN_VILLAGE}$`)),
      entity: 'policy',
      entityId: villagePolicy.id,
      beforeSha256: null,
      afterSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      sensitive: false,
    });
    // Digests only: the policy's own words never appear in its audit trail.
    expect(JSON.stringify(nodes)).not.toContain('审计测试');

    const all = await events('county.admin', { first: 5 });
    const ids = all.data?.auditEvents.edges.map((edge) => BigInt(edge.node.id)) ?? [];
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });

  it('shows each admin only the rows of their own subtree', async () => {
    const mine = await events(CLERK, { first: 100 });
    expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
    const codes = new Set(mine.data?.auditEvents.edges.map((edge) => edge.node.regionCode));
    expect([...codes]).toEqual([OWN_VILLAGE]);
    const theirs = await events(OTHER_CLERK, { filter: { entityId: villagePolicy.id } });
    expect(theirs.data?.auditEvents).toMatchObject({ totalCount: 0, edges: [] });
    const township = await events('township.102', { filter: { regionCode: OWN_VILLAGE } });
    expect(township.data?.auditEvents.edges.map((edge) => edge.node.entityId)).toContain(villagePolicy.id);
    // A region outside the caller's subtree is not found, whether or not it has audit rows.
    const outside = await events(CLERK, { filter: { regionCode: OTHER_VILLAGE } });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.regionCode' });
  });

  it('hides rows about a sensitive fact from those who may not know it', async () => {
    const [clerk] = await t.ownerSql<{ id: string; path: string }>(
      `select u.id, r.path::text as path from app_user u join region r on r.code = $1 where u.username = $2`,
      [OWN_VILLAGE, CLERK],
    );
    await t.ownerSql(
      `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id, sensitive)
       values ($1, 'COUNTY_ADMIN', $2::ltree, 'household.setSensitiveStatus', 'household', 'audit-test-sensitive', true)`,
      [clerk?.id, clerk?.path],
    );
    const filter = { entityId: 'audit-test-sensitive' };
    expect((await events(CLERK, { filter })).data?.auditEvents.totalCount).toBe(0);
    expect((await events('county.auditor', { filter })).data?.auditEvents.edges[0]?.node).toMatchObject({
      sensitive: true,
      chainSeq: expect.stringMatching(/^\d+$/),
    });
  });

  it('pages through every row of a subtree once, and refuses a forged cursor', async () => {
    const walked = await walkConnection(
      t,
      { document: EVENTS, field: 'auditEvents', first: 3 },
      { filter: { regionCode: '330199102000' } },
      await as('township.102'),
    );
    expect(walked.ids.length).toBe(walked.totalCount);
    expect(walked.totalCount).toBeGreaterThanOrEqual(2);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    for (const after of ['not-a-cursor', Buffer.from('["audit_event","1 or 1=1"]').toString('base64url')]) {
      const res = await events('township.102', { after });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'after' });
    }
  });
});
