import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../test/test-api.ts';
import { DEMO_PASSWORD } from '../modules/demo-data/demo-county.ts';

let t: TestApi;
let admin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('county.admin');
});
afterAll(async () => t?.close());

function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('request limits', () => {
  it('answers a body over 100 kB with 413 and a clear message', async () => {
    const query = `{ viewer { id } } # ${'x'.repeat(110 * 1024)}`;
    const response = await postJson({ query }, { cookie: admin });
    expect(response.status).toBe(413);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0]?.message).toMatch(/请求体.*100kb.*Request body exceeds 100kb/);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    let selection = 'name';
    for (let i = 0; i < 12; i++) selection = `ofType { ${selection} }`;
    const response = await postJson(
      { query: `{ __type(name: "Policy") { fields { type { ${selection} } } } }` },
      { cookie: admin },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/depth limit of 10/i);
    // Fragments do not hide depth.
    const spreads = Array.from({ length: 11 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(
      '\n',
    );
    const viaFragments = await postJson(
      { query: `{ ...F0 }\n${spreads}\nfragment F11 on Query { __typename }` },
      { cookie: admin },
    );
    const fragmentErrors = ((await viaFragments.json()) as Body).errors ?? [];
    expect(fragmentErrors.map((error) => error.message)).toContainEqual(
      expect.stringMatching(/depth limit/i),
    );
    // Within the limit, the same kind of query is answered.
    const shallow = await postJson(
      { query: '{ __type(name: "Policy") { fields { type { ofType { name } } } } }' },
      { cookie: admin },
    );
    expect(((await shallow.json()) as Body).errors).toBeUndefined();
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const response = await postJson({ query: `{ ${aliases} }` }, { cookie: admin });
    const body = (await response.json()) as Body;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/aliases limit of 15/i);
    const few = await postJson({ query: '{ a: viewer { id } b: viewer { id } }' }, { cookie: admin });
    expect(((await few.json()) as Body).errors).toBeUndefined();
  });

  it('answers a malformed query with what is wrong with it, not as an internal error', async () => {
    const before = t.logLines.length;
    const typo = await postJson({ query: '{ polices { totalCount } }' }, { cookie: admin });
    expect(typo.status).toBe(400);
    const typoBody = (await typo.json()) as Body;
    expect(typoBody.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typoBody.errors?.[0]?.message).toContain('polices');
    // No field suggestions: they would let anonymous callers map the schema.
    expect(typoBody.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const syntax = await postJson({ query: '{ viewer { id }' }, { cookie: admin });
    expect(((await syntax.json()) as Body).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    // A variable of the wrong type: refused without quoting the value back.
    const variable = await postJson(
      { query: 'query($f: Int) { policies(first: $f) { totalCount } }', variables: { f: 'ZQXVARIABLE' } },
      { cookie: admin },
    );
    const variableText = await variable.text();
    expect(JSON.parse(variableText).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$f' });
    expect(variableText).not.toContain('ZQXVARIABLE');
    // The client's mistakes are not logged as internal errors.
    expect(t.logLines.slice(before).filter((line) => line.includes('internal error'))).toEqual([]);
  });

  it('refuses batched requests', async () => {
    const response = await postJson([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }], {
      cookie: admin,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });
});

describe('introspection', () => {
  const INTROSPECTION = '{ __schema { types { name } } }';
  it('is refused to anonymous callers', async () => {
    const response = await postJson({ query: INTROSPECTION });
    const body = (await response.json()) as Body;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(body)).not.toContain('Policy');
    const typename = await postJson({ query: '{ __type(name: "Policy") { fields { name } } }' });
    expect(((await typename.json()) as Body).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is allowed when signed in', async () => {
    const response = await postJson({ query: INTROSPECTION }, { cookie: admin });
    const body = (await response.json()) as { data: { __schema: { types: { name: string }[] } } };
    expect(body.data.__schema.types.map((type) => type.name)).toContain('Policy');
  });
});

describe('CSRF and CORS', () => {
  it('refuses a GET query without a preflight header, and answers it with one', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ viewer { id } }')}`;
    const simple = await t.fetch(url, { headers: { cookie: admin } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    const preflighted = await t.fetch(url, {
      headers: { cookie: admin, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('refuses a POST with content-type text/plain', async () => {
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: admin },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(response.status).toBe(400);
    // The session survived: the forged sign-out did not run.
    const viewer = await t.graphql<{ viewer: { id: string } | null }>('{ viewer { id } }', {}, admin);
    expect(viewer.data?.viewer).not.toBeNull();
  });

  it('gives a preflight from an unlisted origin no allow-origin header, and a listed one its origin', async () => {
    const preflight = (origin: string) =>
      t.fetch('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    expect(evil.status).toBeGreaterThanOrEqual(400);
    const listed = await preflight('http://localhost:4321');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    // An actual request from an unlisted origin is not readable by that origin either.
    const crossSite = await postJson({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('sessions', () => {
  const SIGN_IN =
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role } }';

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await postJson({
      query: SIGN_IN,
      variables: { u: 'county.approver', p: DEMO_PASSWORD },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sunshine_session=[A-Za-z0-9_-]{20,}/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const body = (await response.json()) as { data: { signIn: { username: string; role: string } } };
    expect(body.data.signIn).toEqual({ username: 'county.approver', role: 'COUNTY_ADMIN' });
  });

  it('ends the session on signOut: the old cookie no longer works', async () => {
    const cookie = await t.signIn('county.approver');
    const [{ n: before = 0 } = {}] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from user_session',
    );
    const out = await postJson({ query: 'mutation { signOut }' }, { cookie });
    expect(((await out.json()) as Body).data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/sunshine_session=;.*Expires=Thu, 01 Jan 1970/i);
    const [{ n: after = 0 } = {}] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from user_session',
    );
    expect(after).toBe(before - 1);
    const viewer = await t.graphql<{ viewer: unknown }>('{ viewer { id } }', {}, cookie);
    expect(viewer.data?.viewer).toBeNull();
    const list = await t.graphql(POLICIES, { first: 1 }, cookie);
    expect(list.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password, then rate-limits after 5 failures, even with the right one', async () => {
    const user = 'township.103';
    for (let i = 0; i < 5; i++) {
      const response = await postJson({ query: SIGN_IN, variables: { u: user, p: `wrong-password-${i}` } });
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const limited = await postJson({ query: SIGN_IN, variables: { u: user, p: DEMO_PASSWORD } });
    expect(((await limited.json()) as Body).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('set-cookie')).toBeNull();
    // An unknown user gets the same answer as a wrong password: no hint which usernames exist.
    const unknown = await postJson({ query: SIGN_IN, variables: { u: 'no.such.user', p: 'x' } });
    const unknownBody = (await unknown.json()) as Body;
    expect(unknownBody.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('plain HTTP endpoints', () => {
  it('GET /healthz answers 200 {status: ok}', async () => {
    const response = await t.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /console is 401 unsigned and the GraphiQL page when signed in', async () => {
    const anonymous = await t.fetch('/console');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('graphiql.js');
    const signedIn = await t.fetch('/console', { headers: { cookie: admin } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('content-type')).toMatch(/text\/html/);
    const html = await signedIn.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(signedIn.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
