import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILINGUAL, CREATE_POLICY, policyInput, UPDATE_POLICY } from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

let t: TestApi;
let admin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('county.admin');
});
afterAll(async () => t?.close());

interface RawResponse {
  status: number;
  text: string;
  requestId: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The answer as bytes on the wire, so a test can say what it must never contain. */
async function post(query: string, variables: Record<string, unknown>, cookie: string): Promise<RawResponse> {
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    requestId: response.headers.get('x-request-id'),
    body: JSON.parse(text),
  };
}

async function counts(): Promise<{ policies: number; audit: number }> {
  const [row] = await t.ownerSql<{ policies: number; audit: number }>(
    'select (select count(*)::int from policy) as policies, (select count(*)::int from audit_event) as audit',
  );
  return row as { policies: number; audit: number };
}

async function storedContaining(marker: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(
    `select count(*)::int as n from policy
      where strpos(title || document_number || body_markdown || attachments::text || coalesce(expiry_date::text, ''), $1) > 0`,
    [marker],
  );
  return row?.n ?? -1;
}

describe('invalid policy input', () => {
  const cases: {
    name: string;
    user?: string;
    input: Record<string, unknown>;
    field: string;
    marker: string;
    code?: string;
  }[] = [
    {
      name: 'malformed 文号',
      input: { documentNumber: 'ZQXNUMBER-7' },
      field: 'input.documentNumber',
      marker: 'ZQXNUMBER',
    },
    {
      name: 'February 30',
      input: { issueDate: '2024-02-30', effectiveDate: null },
      field: 'input.issueDate',
      marker: '2024-02-30',
    },
    {
      name: 'expiry before effective date',
      input: { effectiveDate: '2024-07-01', expiryDate: '2024-06-20' },
      field: 'input.expiryDate',
      marker: '2024-06-20',
    },
    {
      name: '文号 year differs from the issue year',
      input: { documentNumber: '测计协〔2023〕9876号' },
      field: 'input.documentNumber',
      marker: '〔2023〕9876号',
    },
    {
      name: 'oversize title',
      input: { title: 'ZQXTITLE'.repeat(26) },
      field: 'input.title',
      marker: 'ZQXTITLE',
    },
    {
      name: 'control character in the title',
      input: { title: 'ZQXCTRL\u0007标题' },
      field: 'input.title',
      marker: 'ZQXCTRL',
    },
    {
      name: 'NUL in the body',
      input: { bodyMarkdown: '正文ZQXNUL\u0000内容' },
      field: 'input.bodyMarkdown',
      marker: 'ZQXNUL',
    },
    {
      name: 'attachment name with a path',
      input: {
        attachments: [{ fileName: '../ZQXPATH/secret.pdf', mediaType: 'application/pdf', byteSize: 10 }],
      },
      field: 'input.attachments[0].fileName',
      marker: 'ZQXPATH',
    },
    {
      name: 'region outside the township admin scope',
      user: 'township.101',
      input: { regionCode: '330199102007' },
      field: 'input.regionCode',
      marker: '330199102007',
      code: 'NOT_FOUND',
    },
    {
      name: 'region that does not exist',
      input: { regionCode: '339999999999' },
      field: 'input.regionCode',
      marker: '339999999999',
      code: 'NOT_FOUND',
    },
  ];

  for (const { name, user, input, field, marker, code = 'BAD_INPUT' } of cases) {
    it(`refuses ${name}: ${code} naming ${field}, without echoing the value or storing anything`, async () => {
      const cookie = user ? await t.signIn(user) : admin;
      const before = await counts();
      const res = await post(CREATE_POLICY, { input: policyInput(input) }, cookie);
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      const error = res.body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code, field });
      expect(error?.message).toMatch(BILINGUAL);
      expect(res.text).not.toContain(marker);
      expect(await counts()).toEqual(before);
      expect(await storedContaining(marker)).toBe(0);
    });
  }

  it('refuses the same invalid input on edit and leaves the stored policy as it was', async () => {
    const created = await t.graphql<{ createPolicy: { id: string; title: string } }>(
      CREATE_POLICY,
      { input: policyInput() },
      admin,
    );
    const id = created.data?.createPolicy.id as string;
    const before = await counts();
    const res = await post(
      UPDATE_POLICY,
      { id, v: 1, input: policyInput({ title: 'ZQXEDIT'.repeat(30) }) },
      admin,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', field: 'input.title' });
    expect(res.text).not.toContain('ZQXEDIT');
    expect(await counts()).toEqual(before);
    const [row] = await t.ownerSql<{ title: string; version: number }>(
      'select title, version from policy where id = $1',
      [id],
    );
    expect(row).toEqual({ title: created.data?.createPolicy.title, version: 1 });
  });
});

describe('errors that are not the caller’s fault', () => {
  it('answers a duplicate 文号 with CONFLICT on input.documentNumber and no constraint name', async () => {
    const [existing] = await t.ownerSql<{
      document_number: string;
      issuing_body: string;
      issue_date: string;
    }>(
      "select document_number, issuing_body, to_char(issue_date, 'YYYY-MM-DD') as issue_date from policy order by issue_date limit 1",
    );
    if (!existing) throw new Error('demo data has no policy');
    const before = await counts();
    // The other bracket shape is normalised to 〔〕, so it is the same number.
    const sameNumber = existing.document_number.replace('〔', '[').replace('〕', ']');
    const res = await post(
      CREATE_POLICY,
      {
        input: policyInput({
          documentNumber: sameNumber,
          issuingBody: existing.issuing_body,
          issueDate: existing.issue_date,
          effectiveDate: null,
        }),
      },
      admin,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.documentNumber',
    });
    expect(res.body.errors?.[0]?.message).toMatch(BILINGUAL);
    expect(res.text).not.toMatch(/_key|constraint|unique|23505|insert|policy_/i);
    expect(await counts()).toEqual(before);
  });

  it('answers an internal error with a request id found in the log, and no SQL, constraint or stack', async () => {
    await t.ownerSql(
      "alter table policy add constraint test_refuse_zqxboom check (strpos(title, 'ZQXBOOM') = 0) not valid",
    );
    try {
      const before = await counts();
      const res = await post(CREATE_POLICY, { input: policyInput({ title: '标题ZQXBOOM' }) }, admin);
      expect(res.body.data).toBeNull();
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const requestId = error?.extensions?.requestId as string;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestId).toBe(res.requestId);
      expect(error?.message).toContain(requestId);
      expect(error?.message).toMatch(BILINGUAL);
      expect(res.text).not.toMatch(
        /test_refuse_zqxboom|ZQXBOOM|constraint|insert into|"policy"|stacktrace|\.ts:\d+/i,
      );
      expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(['code', 'requestId']);
      // The log holds what an operator needs, under the same request id.
      const logged = t.logLines.filter((line) => line.includes(requestId));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join('\n')).toContain('test_refuse_zqxboom');
      expect(await counts()).toEqual(before);
    } finally {
      await t.ownerSql('alter table policy drop constraint test_refuse_zqxboom');
    }
  });
});
