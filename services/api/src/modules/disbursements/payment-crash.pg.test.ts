import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, spawnApi } from '../../../test/api-process.ts';
import { seededRandom } from '../../../test/jurisdiction-oracle/oracle-sql.ts';
import { type ConfirmedRoll, confirmedRoll } from '../../../test/money-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  APPROVE_BATCH,
  type BatchNode,
  CREATE_BATCH,
  cookieJar,
  data,
  EXPORT_BATCH,
} from './disbursement-test-helpers.ts';

/**
 * The API killed with SIGKILL at random points while a batch is approved and exported, then
 * started again and the same request retried with the same idempotency key, as a clerk's browser
 * would after the server went away. Whatever instant the kill hits (before the transaction, inside
 * it, between its commit and the answer), the retried request must end the job exactly once:
 * one approval, one export whose file never changes afterwards, every line exported exactly once
 * and none lost.
 */

const RUNS = 2;
const KILLS_PER_STEP = 3;
/** Kills land from the instant the request leaves up to this many ms later. */
const MAX_DELAY_MS = 120;

let t: TestApi;
let child: ApiProcess | null = null;
const as = cookieJar(() => t);
const random = seededRandom(20261123);

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await child?.kill();
  await t?.close();
});

async function post(url: string, query: string, variables: Record<string, unknown>, cookie: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

/**
 * Sends the request to a fresh API process and kills the process after a random delay; whether the
 * answer arrived first does not matter. Then, on another fresh process, the same request with the
 * same key, which must answer.
 */
async function crashThenRetry(
  query: string,
  variables: Record<string, unknown>,
  cookie: string,
  field: string,
): Promise<BatchNode> {
  const delays: number[] = [];
  for (let kill = 0; kill < KILLS_PER_STEP; kill++) {
    child = await spawnApi(t.db, t.publicationsDir);
    const delay = Math.floor(random() * MAX_DELAY_MS);
    delays.push(delay);
    const request = post(child.url, query, variables, cookie).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, delay));
    await child.kill();
    child = null;
    await request;
  }
  child = await spawnApi(t.db, t.publicationsDir);
  const answer = await post(child.url, query, variables, cookie);
  await child.kill();
  child = null;
  expect({ delays, errors: answer.errors }).toEqual({ delays, errors: undefined });
  return (answer.data as Record<string, BatchNode>)[field] as BatchNode;
}

async function stored(batchId: string) {
  const [batch] = await t.ownerSql<{
    status: string;
    approved_by: string | null;
    file_sha256: string | null;
    file_bytes: Buffer | null;
    line_count: number;
  }>(
    `select status, approved_by, file_sha256, file_bytes, line_count from disbursement_batch where id = $1`,
    [batchId],
  );
  const lines = await t.ownerSql<{ id: string; status: string; exported_events: number }>(
    `select p.id, p.status,
            (select count(*)::int from payment_event e where e.payment_id = p.id and e.to_status = 'EXPORTED')
              as exported_events
       from payment p where p.batch_id = $1`,
    [batchId],
  );
  const [audits] = await t.ownerSql<{ approvals: number; exports: number }>(
    `select count(*) filter (where action = 'disbursementBatch.approve')::int as approvals,
            count(*) filter (where action = 'disbursementBatch.export')::int as exports
       from audit_event where entity_id = $1`,
    [batchId],
  );
  return { batch, lines, audits };
}

describe('killing the API during approval and export, then retrying', () => {
  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: one approval, one export, no line exported twice or lost`, async () => {
      const roll: ConfirmedRoll = await confirmedRoll(t, { persons: 25, villageOffset: run * 3 });
      const maker = await as(roll.users.township);
      const checker = await as(roll.users.county);
      const batch = await data<BatchNode>(
        t.graphql(
          CREATE_BATCH,
          {
            input: { programId: roll.programId, period: roll.period, regionCode: roll.villageCode },
            key: randomUUID(),
          },
          maker,
        ),
        'createDisbursementBatch',
      );
      expect(batch.lineCount).toBe(25);

      const approved = await crashThenRetry(
        APPROVE_BATCH,
        { id: batch.id, key: randomUUID() },
        checker,
        'approveDisbursementBatch',
      );
      expect(approved.status).toBe('APPROVED');

      const exported = await crashThenRetry(
        EXPORT_BATCH,
        { id: batch.id, key: randomUUID() },
        checker,
        'exportDisbursementBatch',
      );
      expect(exported.status).toBe('EXPORTED');

      const { batch: row, lines, audits } = await stored(batch.id);
      expect(row?.status).toBe('EXPORTED');
      expect(row?.approved_by).not.toBeNull();
      // The file the bank gets is the file whose hash is stored, and the answer named that hash.
      expect(
        createHash('sha256')
          .update(row?.file_bytes as Buffer)
          .digest('hex'),
      ).toBe(row?.file_sha256);
      expect(exported.fileSha256).toBe(row?.file_sha256);
      // 0 lines lost, 0 exported twice.
      expect(lines).toHaveLength(25);
      expect(row?.line_count).toBe(25);
      expect(lines.filter((line) => line.status !== 'EXPORTED')).toEqual([]);
      expect(lines.filter((line) => line.exported_events !== 1)).toEqual([]);
      expect(audits).toEqual({ approvals: 1, exports: 1 });

      // Exporting again, after all that, gives the same file.
      const again = await data<BatchNode>(
        t.graphql(EXPORT_BATCH, { id: batch.id, key: randomUUID() }, checker),
        'exportDisbursementBatch',
      );
      expect(again.fileSha256).toBe(row?.file_sha256);
    }, 180_000);
  }
});
