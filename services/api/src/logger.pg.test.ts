import { afterAll, beforeAll, expect, it } from 'vitest';
import { CREATE_POLICY, policyInput } from '../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../test/test-api.ts';
import { DEMO_PASSWORD } from './modules/demo-data/demo-county.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.close());

it('never logs a session token, a password, or a resident ID or phone from the person table', async () => {
  const persons = await t.ownerSql<{ resident_id: string; phone: string | null }>(
    'select resident_id, phone from person order by resident_id',
  );
  const sample = persons.filter((person) => person.phone !== null).slice(0, 3) as {
    resident_id: string;
    phone: string;
  }[];
  expect(sample).toHaveLength(3);

  // Sign-in: a wrong password first, then the right one.
  const wrongPassword = 'ZQX-wrong-password-7781';
  const wrong = await t.graphql(
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }',
    { u: 'county.admin', p: wrongPassword },
  );
  expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const cookie = await t.signIn('county.admin');
  const token = cookie.split('=')[1] as string;
  expect(token.length).toBeGreaterThan(20);

  // A mutation whose text carries personal data (a clerk pasting a roster line into a notice).
  const [a, b, c] = sample as [(typeof sample)[0], (typeof sample)[0], (typeof sample)[0]];
  const created = await t.graphql(
    CREATE_POLICY,
    { input: policyInput({ bodyMarkdown: `联系人身份证 ${a.resident_id}，电话 ${a.phone}。` }) },
    cookie,
  );
  expect(created.errors).toBeUndefined();

  // An internal error raised by the database while storing personal data (PostgreSQL's error
  // detail quotes the failing row, values and all).
  await t.ownerSql(
    "alter table policy add constraint test_refuse_zqxlog check (strpos(title, 'ZQXLOG') = 0) not valid",
  );
  let requestId: string;
  try {
    const failed = await t.graphql(
      CREATE_POLICY,
      {
        input: policyInput({
          title: `ZQXLOG 身份证${b.resident_id}电话${b.phone}`,
          bodyMarkdown: `身份证:${c.resident_id} 手机:${c.phone}`,
        }),
      },
      cookie,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    requestId = failed.errors?.[0]?.extensions?.requestId as string;
  } finally {
    await t.ownerSql('alter table policy drop constraint test_refuse_zqxlog');
  }
  await t.graphql('mutation { signOut }', {}, cookie);

  const log = t.logLines.join('\n');
  // The log did record the failure (so the checks below look at real content)...
  const failureLines = t.logLines.filter((line) => line.includes(requestId));
  expect(failureLines.length).toBeGreaterThan(0);
  expect(failureLines.join('\n')).toContain('test_refuse_zqxlog');
  // ...and masked what it must.
  expect(log).not.toContain(token);
  expect(log).not.toContain(DEMO_PASSWORD);
  expect(log).not.toContain(wrongPassword);
  const leaked = persons.filter(
    (person) => log.includes(person.resident_id) || (person.phone !== null && log.includes(person.phone)),
  );
  expect(leaked).toEqual([]);
  for (const line of t.logLines) expect(() => JSON.parse(line)).not.toThrow();
});
