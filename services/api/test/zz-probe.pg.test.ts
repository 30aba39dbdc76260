import { it } from 'vitest';
import { startTestApi } from './test-api.ts';
it('probe', async () => {
  const t = await startTestApi();
  const c = await t.signIn('county.admin');
  for (const [q, v] of [
    ['{ nosuchfield }', {}],
    ['{', {}],
    ['{ policies(first: "ZQXLIT") { totalCount } }', {}],
    ['query($f: Int) { policies(first: $f) { totalCount } }', { f: 'ZQXVAR' }],
    ['query($i: PolicyInput!) { __typename }', { i: { title: 'ZQXVAR2' } }],
    ['{ a: viewer { id } b: viewer { id } c: viewer { id } d: viewer { id } e: viewer { id } f: viewer { id } g: viewer { id } h: viewer { id } i: viewer { id } j: viewer { id } k: viewer { id } l: viewer { id } m: viewer { id } n: viewer { id } o: viewer { id } p: viewer { id } }', {}],
  ] as const) {
    const r = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie: c }, body: JSON.stringify({ query: q, variables: v }) });
    console.log(r.status, await r.text());
  }
  await t.close();
});
