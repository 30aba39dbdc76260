import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import { birthDateOf, check, commit, csv, importFixture, newResidentId, registryCounts } from './import-test-fixtures.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  for (const line of t.logLines) if (line.includes('"level":50')) console.log(line.slice(0, 1500));
  await t?.close();
});

it('smoke', async () => {
  const f = await importFixture(t);
  const cookie = await t.signIn(f.villageA.clerk);
  const a = newResidentId();
  const b = newResidentId();
  const body = csv([
    ['姓名', '身份证号', '出生日期', '户籍地区划代码', '户编号', '与户主关系', '计生户类型', '手机号'],
    ['张三', a, birthDateOf(a), f.villageA.code, `${f.villageA.code}-0001`, '户主', '独生子女户', '13900001111'],
    ['李四', b, '', f.villageA.code, `${f.villageA.code}-0001`, '配偶', '', ''],
  ]);
  const before = await registryCounts(t);
  const job = await check(t, cookie, 'PERSONS', body);
  console.log(JSON.stringify(job, null, 1));
  expect(job.status).toBe('VALID');
  const done = await commit(t, cookie, job.id);
  console.log(JSON.stringify(done, null, 1));
  console.log(before, await registryCounts(t));
  const again = await check(t, cookie, 'PERSONS', body);
  console.log(again.status, again.rowsChanged);
  console.log(t.logLines.filter((l) => l.includes('"level":50')).join('\n'));
});
