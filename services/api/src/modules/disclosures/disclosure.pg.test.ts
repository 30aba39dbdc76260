import { createHash } from 'node:crypto';
import { POLICY_NOTICES_DISCLOSURE } from '@sunshine/disclosure/policy-notices-disclosure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPROVE_DISCLOSURE as APPROVE,
  BILINGUAL,
  CREATE_DISCLOSURE as CREATE,
  type DisclosureNode as Disclosure,
  disclosureInput,
  UPDATE_DISCLOSURE as UPDATE,
} from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let t: TestApi;
let admin: string;
let approver: string;
beforeAll(async () => {
  t = await startTestApi();
  [admin, approver] = await Promise.all([t.signIn('county.admin'), t.signIn('county.approver')]);
});
afterAll(async () => t?.close());

async function auditCount(): Promise<number> {
  return (await t.ownerSql<{ n: number }>('select count(*)::int as n from audit_event'))[0]?.n ?? -1;
}
async function approvalOf(id: string) {
  return (
    await t.ownerSql<{ approved_by: string | null; approved_sha256: string | null; drafted_by: string }>(
      'select approved_by, approved_sha256, drafted_by from disclosure where id = $1',
      [id],
    )
  )[0];
}

describe('four-eyes approval', () => {
  let draft: Disclosure;

  it('drafts the policy-notices disclosure under a new slug, not yet runnable', async () => {
    const before = await auditCount();
    const res = await t.graphql<{ createDisclosure: Disclosure }>(
      CREATE,
      { input: disclosureInput('policy-notices-four-eyes') },
      admin,
    );
    expect(res.errors).toBeUndefined();
    draft = res.data?.createDisclosure as Disclosure;
    expect(draft).toMatchObject({
      draftedByViewer: true,
      runnable: false,
      approvedSha256: null,
      approvedRole: null,
    });
    expect(draft.documentSha256).toBe(sha256(POLICY_NOTICES_DISCLOSURE.document));
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses approval by the drafter', async () => {
    const before = await auditCount();
    const res = await t.graphql(APPROVE, { id: draft.id, sha: draft.documentSha256 }, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('FOUR_EYES');
    expect(res.errors?.[0]?.message).toMatch(BILINGUAL);
    expect((await approvalOf(draft.id))?.approved_by).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('refuses self-approval written as raw SQL by the database itself', async () => {
    // As the drafter: the row's own check refuses approved_by = drafted_by.
    await expect(
      t.sqlAs(
        'county.admin',
        `update disclosure set approved_by = drafted_by, approved_role = 'COUNTY_ADMIN',
                approved_sha256 = document_sha256, approved_at = now() where id = $1`,
        [draft.id],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'disclosure_four_eyes' });
    // As someone else: approving in another user's name is refused by the guard trigger.
    await expect(
      t.sqlAs(
        'county.approver',
        `update disclosure set approved_by = drafted_by, approved_role = 'COUNTY_ADMIN',
                approved_sha256 = document_sha256, approved_at = now() where id = $1`,
        [draft.id],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // And an approval cannot pin a hash other than the text's own.
    await expect(
      t.sqlAs(
        'county.approver',
        `update disclosure set approved_by = app_user_id(), approved_role = 'COUNTY_ADMIN',
                approved_sha256 = repeat('0', 64), approved_at = now() where id = $1`,
        [draft.id],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'disclosure_approval_pins_text' });
    expect((await approvalOf(draft.id))?.approved_by).toBeNull();
  });

  it('refuses an approval of text other than the one stored', async () => {
    const res = await t.graphql(APPROVE, { id: draft.id, sha: sha256(`${draft.document} `) }, approver);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'documentSha256' });
    expect((await approvalOf(draft.id))?.approved_by).toBeNull();
  });

  it('refuses approval by a township admin, who has no authority over the county', async () => {
    const township = await t.signIn('township.101');
    const res = await t.graphql(APPROVE, { id: draft.id, sha: draft.documentSha256 }, township);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await approvalOf(draft.id))?.approved_by).toBeNull();
  });

  it('accepts approval by a second county admin with the right hash', async () => {
    const before = await auditCount();
    const res = await t.graphql<{ approveDisclosure: Disclosure }>(
      APPROVE,
      { id: draft.id, sha: draft.documentSha256 },
      approver,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.approveDisclosure).toMatchObject({
      runnable: true,
      approvedRole: 'COUNTY_ADMIN',
      approvedSha256: draft.documentSha256,
      draftedByViewer: false,
    });
    expect(await auditCount()).toBe(before + 1);
    draft = res.data?.approveDisclosure as Disclosure;
  });

  it('keeps the approval when only the name changes', async () => {
    const res = await t.graphql<{ updateDisclosure: Disclosure }>(
      UPDATE,
      {
        id: draft.id,
        v: draft.version,
        input: disclosureInput(draft.slug, { name: '政策文件公开（更名）' }),
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateDisclosure).toMatchObject({
      runnable: true,
      approvedSha256: draft.documentSha256,
    });
    draft = res.data?.updateDisclosure as Disclosure;
  });

  it('drops the approval when the query changes, and makes the editor the drafter who cannot approve it', async () => {
    const document = POLICY_NOTICES_DISCLOSURE.document.replace('    publishedAt\n', '');
    const outputFields = POLICY_NOTICES_DISCLOSURE.outputFields.filter((field) => field !== 'publishedAt');
    const res = await t.graphql<{ updateDisclosure: Disclosure }>(
      UPDATE,
      { id: draft.id, v: draft.version, input: disclosureInput(draft.slug, { document, outputFields }) },
      approver,
    );
    expect(res.errors).toBeUndefined();
    const edited = res.data?.updateDisclosure as Disclosure;
    expect(edited).toMatchObject({
      runnable: false,
      approvedSha256: null,
      approvedRole: null,
      draftedByViewer: true,
    });
    expect(edited.documentSha256).toBe(sha256(document));
    const [approverUser] = await t.ownerSql<{ id: string }>(
      "select id from app_user where username = 'county.approver'",
    );
    expect(await approvalOf(draft.id)).toMatchObject({ approved_by: null, drafted_by: approverUser?.id });

    const selfApproval = await t.graphql(APPROVE, { id: draft.id, sha: edited.documentSha256 }, approver);
    expect(selfApproval.errors?.[0]?.extensions?.code).toBe('FOUR_EYES');
    // The original drafter is now the second pair of eyes.
    const approved = await t.graphql<{ approveDisclosure: Disclosure }>(
      APPROVE,
      { id: draft.id, sha: edited.documentSha256 },
      admin,
    );
    expect(approved.data?.approveDisclosure.runnable).toBe(true);
  });

  it('refuses a stale version on edit', async () => {
    const res = await t.graphql(UPDATE, { id: draft.id, v: 1, input: disclosureInput(draft.slug) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
  });
});

describe('who may draft and what may be drafted', () => {
  it('refuses disclosures from a village clerk and the auditor', async () => {
    for (const user of ['clerk.102.204', 'county.auditor']) {
      const cookie = await t.signIn(user);
      const res = await t.graphql(
        CREATE,
        { input: disclosureInput(`by-${user.replace(/\./g, '-')}`) },
        cookie,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const [row] = await t.ownerSql<{ n: number }>(
      "select count(*)::int as n from disclosure where slug like 'by-%'",
    );
    expect(row?.n).toBe(0);
  });

  it('refuses control characters in the name and description without echoing them', async () => {
    for (const [key, value, field] of [
      ['name', '公开ZQXNAME\u0000事项', 'input.name'],
      ['description', '说明ZQXDESC\u0007内容', 'input.description'],
    ] as const) {
      const res = await t.graphql(
        CREATE,
        { input: disclosureInput(`control-${key}`, { [key]: value }) },
        admin,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field });
      expect(JSON.stringify(res)).not.toMatch(/ZQXNAME|ZQXDESC/);
    }
    const [row] = await t.ownerSql<{ n: number }>(
      "select count(*)::int as n from disclosure where slug like 'control-%'",
    );
    expect(row?.n).toBe(0);
  });

  const q = (selection: string) => `query PolicyNotices($regionCode: String!) {
  policies(regionCode: $regionCode) { ${selection} }
}`;
  const refused: { name: string; document: string; outputFields: string[]; field: string }[] = [
    {
      name: 'a field outside outputFields',
      document: q('title bodyMarkdown'),
      outputFields: ['title'],
      field: 'input.outputFields',
    },
    {
      name: 'an output field the query does not select',
      document: q('title'),
      outputFields: ['title', 'issueDate'],
      field: 'input.outputFields',
    },
    {
      name: 'a mutation',
      document: 'mutation { createPolicy(input: {}) { id } }',
      outputFields: ['id'],
      field: 'input.document',
    },
    {
      name: 'an alias',
      document: q('title name: issuingBody'),
      outputFields: ['title', 'name'],
      field: 'input.document',
    },
    {
      name: 'a root alias',
      document: 'query($regionCode: String!) { rows: policies(regionCode: $regionCode) { title } }',
      outputFields: ['title'],
      field: 'input.document',
    },
    {
      name: 'a fragment',
      document: `${q('...F')}\nfragment F on PublicPolicy { title }`,
      outputFields: ['title'],
      field: 'input.document',
    },
    {
      name: 'an inline fragment',
      document: q('... on PublicPolicy { title }'),
      outputFields: ['title'],
      field: 'input.document',
    },
    {
      name: 'introspection inside a row',
      document: q('title __typename'),
      outputFields: ['title', '__typename'],
      field: 'input.document',
    },
    {
      name: 'schema introspection',
      document: '{ __schema { types { name } } }',
      outputFields: ['name'],
      field: 'input.document',
    },
    {
      name: 'two operations',
      document: `${q('title')}\nquery Other { __typename }`,
      outputFields: ['title'],
      field: 'input.document',
    },
    {
      name: 'an admin-only field',
      document: q('title status'),
      outputFields: ['title', 'status'],
      field: 'input.document',
    },
  ];
  for (const { name, document, outputFields, field } of refused) {
    it(`refuses a document with ${name}`, async () => {
      const slug = `refused-${name.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`;
      const res = await t.graphql(
        CREATE,
        { input: disclosureInput(slug, { document, outputFields }) },
        admin,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field });
      expect(res.errors?.[0]?.message).toMatch(BILINGUAL);
      const [row] = await t.ownerSql<{ n: number }>(
        'select count(*)::int as n from disclosure where slug = $1',
        [slug],
      );
      expect(row?.n).toBe(0);
    });
  }
});

describe('the de-identification policy, approved with the text', () => {
  const FIELDS =
    'id slug documentSha256 runnable version approvedSha256 draftedByViewer policy { k sensitiveK }';
  const CREATE_WITH_POLICY = `mutation($input: DisclosureInput!) { createDisclosure(input: $input) { ${FIELDS} } }`;
  const UPDATE_WITH_POLICY = `mutation($id: ID!, $v: Int!, $input: DisclosureInput!) {
    updateDisclosure(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
  const APPROVE_WITH_POLICY = `mutation($id: ID!, $sha: String!) {
    approveDisclosure(id: $id, documentSha256: $sha) { ${FIELDS} } }`;
  type WithPolicy = Disclosure & { policy: { k: number; sensitiveK: number } };

  async function approved(slug: string, policy?: { k: number; sensitiveK: number }): Promise<WithPolicy> {
    const created = await t.graphql<{ createDisclosure: WithPolicy }>(
      CREATE_WITH_POLICY,
      { input: disclosureInput(slug, policy ? { policy } : {}) },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const draft = created.data?.createDisclosure as WithPolicy;
    const res = await t.graphql<{ approveDisclosure: WithPolicy }>(
      APPROVE_WITH_POLICY,
      { id: draft.id, sha: draft.documentSha256 },
      approver,
    );
    expect(res.data?.approveDisclosure.runnable).toBe(true);
    return res.data?.approveDisclosure as WithPolicy;
  }

  it('defaults to the platform floors, k 5 and 10 for sensitive programs', async () => {
    expect((await approved('policy-default')).policy).toEqual({ k: 5, sensitiveK: 10 });
    expect((await approved('policy-raised', { k: 7, sensitiveK: 15 })).policy).toEqual({
      k: 7,
      sensitiveK: 15,
    });
  });

  for (const [name, policy, field] of [
    ['k below 5', { k: 4, sensitiveK: 10 }, 'input.policy.k'],
    ['k not a whole number', { k: 5.5, sensitiveK: 10 }, 'input.policy.k'],
    ['sensitiveK below 10', { k: 5, sensitiveK: 9 }, 'input.policy.sensitiveK'],
    ['sensitiveK below k', { k: 12, sensitiveK: 11 }, 'input.policy.sensitiveK'],
  ] as const) {
    it(`refuses a policy with ${name}, naming ${field}`, async () => {
      const slug = `policy-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      const res = await t.graphql(CREATE_WITH_POLICY, { input: disclosureInput(slug, { policy }) }, admin);
      const error = res.errors?.[0];
      // A fractional k is refused by GraphQL's Int before the service sees it.
      if (Number.isInteger(policy.k)) {
        expect(error?.extensions).toMatchObject({ code: 'BAD_INPUT', field });
        expect(error?.message).toMatch(BILINGUAL);
      } else {
        expect(error).toBeDefined();
      }
      const [row] = await t.ownerSql<{ n: number }>(
        'select count(*)::int as n from disclosure where slug = $1',
        [slug],
      );
      expect(row?.n).toBe(0);
    });
  }

  it('drops the approval when only the policy changes, and keeps the policy when an edit leaves it out', async () => {
    const disclosure = await approved('policy-edited', { k: 6, sensitiveK: 12 });
    const renamed = await t.graphql<{ updateDisclosure: WithPolicy }>(
      UPDATE_WITH_POLICY,
      {
        id: disclosure.id,
        v: disclosure.version,
        input: disclosureInput(disclosure.slug, { name: '政策文件（更名）' }),
      },
      admin,
    );
    expect(renamed.data?.updateDisclosure).toMatchObject({
      runnable: true,
      policy: { k: 6, sensitiveK: 12 },
    });
    const lowered = await t.graphql<{ updateDisclosure: WithPolicy }>(
      UPDATE_WITH_POLICY,
      {
        id: disclosure.id,
        v: renamed.data?.updateDisclosure.version,
        input: disclosureInput(disclosure.slug, { policy: { k: 5, sensitiveK: 10 } }),
      },
      approver,
    );
    expect(lowered.errors).toBeUndefined();
    expect(lowered.data?.updateDisclosure).toMatchObject({
      runnable: false,
      approvedSha256: null,
      draftedByViewer: true,
      policy: { k: 5, sensitiveK: 10 },
    });
    // The editor is now the drafter: the same person cannot approve the lowered policy.
    const self = await t.graphql(
      APPROVE_WITH_POLICY,
      { id: disclosure.id, sha: disclosure.documentSha256 },
      approver,
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('FOUR_EYES');
  });

  it('drops the approval on a policy edit written as raw SQL, and refuses a policy below the floors', async () => {
    const disclosure = await approved('policy-raw-sql');
    await t.sqlAs(
      'county.admin',
      `update disclosure set policy = '{"k": 6, "sensitiveK": 10}' where id = $1`,
      [disclosure.id],
    );
    expect(await approvalOf(disclosure.id)).toMatchObject({ approved_by: null, approved_sha256: null });
    for (const policy of [
      '{"k": 4, "sensitiveK": 10}',
      '{"k": 5, "sensitiveK": 9}',
      '{"k": 11, "sensitiveK": 10}',
      '{"k": 5}',
      '{"k": 5, "sensitiveK": 10, "l": 2}',
      '{"k": "5", "sensitiveK": 10}',
      '{"k": 5.5, "sensitiveK": 10}',
    ]) {
      await expect(
        t.sqlAs('county.admin', 'update disclosure set policy = $2::jsonb where id = $1', [
          disclosure.id,
          policy,
        ]),
        policy,
      ).rejects.toMatchObject({ code: '23514', constraint: 'disclosure_policy_floors' });
    }
  });
});
