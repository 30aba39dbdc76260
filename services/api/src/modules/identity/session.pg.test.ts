import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi('demo');
});
afterAll(async () => t?.close());

const VIEWER = '{ viewer { username } }';

async function lastSeenSecondsAgo(): Promise<number> {
  const rows = await t.ownerSql<{ ago: number }>(
    `select extract(epoch from now() - s.last_seen_at)::float as ago
       from user_session s join app_user u on u.id = s.user_id where u.username = 'county.auditor'`,
  );
  return rows[0]?.ago ?? Number.NaN;
}

async function setLastSeen(interval: string): Promise<void> {
  await t.ownerSql(
    `update user_session s set last_seen_at = now() - $1::interval
       from app_user u where u.id = s.user_id and u.username = 'county.auditor'`,
    [interval],
  );
}

describe('a session', () => {
  it('stays alive while used, its last-seen time written at most once a minute', async () => {
    const cookie = await t.signIn('county.auditor');
    await setLastSeen('30 seconds');
    expect((await t.graphql(VIEWER, {}, cookie)).data).toEqual({ viewer: { username: 'county.auditor' } });
    // Within the minute: no write, the time stays where it was.
    expect(await lastSeenSecondsAgo()).toBeGreaterThanOrEqual(30);

    await setLastSeen('5 minutes');
    expect((await t.graphql(VIEWER, {}, cookie)).data).toEqual({ viewer: { username: 'county.auditor' } });
    expect(await lastSeenSecondsAgo()).toBeLessThan(5);
  });

  it('ends after the idle timeout (an hour by default)', async () => {
    const cookie = await t.signIn('county.auditor');
    await setLastSeen('61 minutes');
    expect((await t.graphql(VIEWER, {}, cookie)).data).toEqual({ viewer: null });
    // A session past its maximum age (12 hours by default) ends too, however recently used.
    await setLastSeen('0 minutes');
    await t.ownerSql(`update user_session set expires_at = now() - interval '1 second'`);
    expect((await t.graphql(VIEWER, {}, cookie)).data).toEqual({ viewer: null });
  });
});
