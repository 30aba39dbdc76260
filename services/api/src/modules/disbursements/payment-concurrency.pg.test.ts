import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  type ConfirmedRoll,
  confirmedRoll,
  type MoneyUser,
  moneyUser,
} from '../../../test/money-fixtures.ts';
import { sessionUser, startTestApi, type TestApi } from '../../../test/test-api.ts';
import { SET_SCOPE_SQL, scopeParams } from '../../db/scoped-transaction.ts';
import type { Actor } from '../identity/actor.ts';
import type { SessionUser } from '../identity/session-user.ts';

/**
 * One live payment per beneficiary, program and period, under contention: the partial unique index
 * decides, whatever the path. 100 runs, each 30 to 100 attempts at once on separate connections as
 * the app role, spread over the three regular batches that may hold the person (county, township,
 * village), so that they race on the index rather than queue on one batch's lock.
 */

const RUNS = 100;
const SET_SCOPE = (() => {
  let index = 0;
  return SET_SCOPE_SQL.replace(/\?/g, () => `$${++index}`);
})();

let t: TestApi;
let clients: pg.Client[] = [];

beforeAll(async () => {
  t = await startTestApi();
  clients = await Promise.all(
    Array.from({ length: 100 }, async () => {
      const client = new pg.Client({ connectionString: t.db.appUrl });
      await client.connect();
      return client;
    }),
  );
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await t?.close();
});

describe('at most one live payment per beneficiary, program and period', () => {
  let roll: ConfirmedRoll;
  let county: MoneyUser;
  let batches: string[];

  beforeAll(async () => {
    roll = await confirmedRoll(t, { persons: RUNS });
    county = await moneyUser(t, 'county.admin');
    batches = await asUser(t, county, async (client) => {
      const ids: string[] = [];
      for (const code of [roll.countyCode, roll.townshipCode, roll.villageCode]) {
        const { rows } = await client.query<{ id: string }>(
          `insert into disbursement_batch (program_id, period, region_id, region_path, created_by)
           select $1, $2, r.id, r.path, $3 from region r where r.code = $4 returning id`,
          [roll.programId, roll.period, county.id, code],
        );
        ids.push((rows[0] as { id: string }).id);
      }
      return ids;
    });
  });

  it(`holds over ${RUNS} runs of 30–100 simultaneous attempts on separate connections`, async () => {
    const started = Date.now();
    const sizes = fc.sample(fc.integer({ min: 30, max: 100 }), { numRuns: RUNS, seed: 4 });
    let lineNumber = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const person = roll.persons[run] as ConfirmedRoll['persons'][number];
      const size = sizes[run] as number;
      const outcomes = await Promise.allSettled(
        clients.slice(0, size).map(async (client, attempt) => {
          lineNumber += 1;
          const line = lineNumber;
          await client.query('begin');
          try {
            await client.query(
              SET_SCOPE,
              scopeParams({ id: county.id, role: 'COUNTY_ADMIN', regionPath: county.regionPath }),
            );
            await client.query(
              `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                                    region_id, region_path, payee_person_id, bank, account_number, amount_fen, entry,
                                    created_by)
               select $1, $2, $3, $4, x.id, $6, s.id, x.region_id, x.region_path, x.id, a.bank, a.account_number,
                      s.amount_fen, 'PAYMENT', $7
                 from person x join person_account a on a.person_id = x.id
                 join program_standard s on s.program_id = $3 and s.effective_until is null
                where x.id = $5`,
              [
                batches[attempt % 3],
                line,
                roll.programId,
                roll.period,
                person.id,
                person.enrollmentId,
                county.id,
              ],
            );
            await client.query('commit');
          } catch (error) {
            await client.query('rollback');
            throw error;
          }
        }),
      );
      const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
      const refusals = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [(outcome.reason as { code?: string }).code] : [],
      );
      expect(succeeded, `run ${run}`).toBe(1);
      // Every other attempt was refused by the unique index, not by anything else.
      expect(new Set(refusals)).toEqual(new Set(['23505']));
      const [live] = await t.ownerSql<{ n: number }>(
        `select count(*)::int as n from payment where person_id = $1 and program_id = $2 and period = $3
            and entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID')`,
        [person.id, roll.programId, roll.period],
      );
      expect(live?.n, `run ${run}`).toBe(1);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('holds when admins at three levels make batches for the same roll at the same moment', async () => {
    const countyAdmin = await sessionUser(t, 'county.admin');
    const countyApprover = await sessionUser(t, 'county.approver');
    const actor = (user: SessionUser): Actor => ({ user });
    for (let run = 0; run < 5; run += 1) {
      const fresh = await confirmedRoll(t, { persons: 20, villageOffset: 1 });
      const township = await sessionUser(t, fresh.users.township);
      const outcomes = await Promise.allSettled(
        (
          [
            [township, fresh.villageCode],
            [countyAdmin, fresh.townshipCode],
            [countyApprover, fresh.countyCode],
          ] as const
        ).map(([user, regionCode]) =>
          t.api.services.disbursements.createBatch(
            actor(user),
            { programId: fresh.programId, period: fresh.period, regionCode },
            `race-${run}-${regionCode}`,
          ),
        ),
      );
      const made = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      expect(made.length).toBeGreaterThanOrEqual(1);
      // A batch that found nobody left to pay, or lost a race, says so; none fails otherwise.
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected')
          expect((outcome.reason as { code?: string }).code).toMatch(/INVALID_STATE|CONFLICT/);
      }
      const [counts] = await t.ownerSql<{ lines: number; persons: number; max_live: number }>(
        `select count(*)::int as lines, count(distinct person_id)::int as persons,
                coalesce(max(n), 0)::int as max_live
           from (select person_id, count(*) over (partition by person_id) as n from payment
                  where program_id = $1 and entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID')) p`,
        [fresh.programId],
      );
      expect(counts).toEqual({ lines: 20, persons: 20, max_live: 1 });
      // Each batch numbers its lines densely from 1.
      const gaps = await t.ownerSql<{ batch_id: string }>(
        `select batch_id from payment where program_id = $1 group by batch_id
          having max(line_number) <> count(*) or min(line_number) <> 1`,
        [fresh.programId],
      );
      expect(gaps).toEqual([]);
      expect(made.reduce((sum, batch) => sum + batch.lineCount, 0)).toBe(20);
    }
  });
});
