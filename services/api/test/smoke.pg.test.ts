import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test-api.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.close());

it('signs in and lists policies', async () => {
  const cookie = await t.signIn('county.admin');
  const res = await t.graphql<{ policies: { totalCount: number } }>(
    '{ policies(first: 5) { totalCount edges { node { title region { name } } } } }',
    {},
    cookie,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.policies.totalCount).toBeGreaterThan(20);
});
