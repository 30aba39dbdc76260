import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfirmedRoll, confirmedRoll } from '../../../test/money-fixtures.ts';
import { sessionUser, startTestApi, type TestApi } from '../../../test/test-api.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Actor } from '../identity/actor.ts';
import type { DisbursementService } from './disbursement.service.ts';

/**
 * A model of the ledger, run against the real one: random sequences of create / approve / export /
 * bank return (paid, failed, returned) / reverse / reissue by three admins. After every step the
 * service must have done exactly what the model allows (or refused with the model's reason), and the
 * database must keep the invariants: at most one live payment per beneficiary, program and period;
 * a batch's totals are its paying lines; every paid line was approved by someone other than its
 * maker; every status change on record is a legal move; the stored states are the model's.
 */

type Who = 'township' | 'county' | 'approver';
type Kind = 'REGULAR' | 'JOURNAL' | 'REISSUE';

interface MBatch {
  id: string;
  kind: Kind;
  status: 'DRAFT' | 'APPROVED' | 'EXPORTED';
  maker: Who;
  regionCode: string;
}

interface MLine {
  id: string;
  batchId: string;
  entry: 'PAYMENT' | 'REISSUE' | 'REVERSAL';
  status: string;
  personId: string;
  reissued: boolean;
}

interface Model {
  batches: MBatch[];
  lines: MLine[];
}

interface Real {
  t: TestApi;
  roll: ConfirmedRoll;
  actors: Record<Who, Actor>;
  service: DisbursementService;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: string };

async function outcome<T>(call: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code };
    throw error;
  }
}

/** How often each step succeeded or was refused, over the whole run: the sequences must reach deep states. */
const coverage = new Map<string, number>();

function expectOutcome(actual: Outcome<unknown>, expected: string | null, step: string): void {
  expect(actual.ok ? 'ok' : actual.code, step).toBe(expected ?? 'ok');
  const name = `${step.slice(0, step.indexOf('('))}:${actual.ok ? 'ok' : actual.code}`;
  coverage.set(name, (coverage.get(name) ?? 0) + 1);
}

const LIVE = ['PLANNED', 'EXPORTED', 'PAID'];
const isLive = (line: MLine) => line.entry !== 'REVERSAL' && LIVE.includes(line.status);
const paying = (m: Model, batchId: string) =>
  m.lines.filter((l) => l.batchId === batchId && l.entry !== 'REVERSAL');
/**
 * What a step acts on: three times in four one where it can make progress (a draft to approve, a
 * paid line to reverse), else any, so that refusals are tried too.
 */
function prefer<T>(items: readonly T[], pick: number, good: (item: T) => boolean): T {
  const candidates = items.filter(good);
  const pool = pick % 4 !== 0 && candidates.length > 0 ? candidates : items;
  return pool[Math.floor(pick / 4) % pool.length] as T;
}

const batchOf = (m: Model, line: MLine) => m.batches.find((b) => b.id === line.batchId) as MBatch;

/**
 * A correction booked for `line` by `who` goes to their open draft of that kind in the line's region,
 * when there is one (the service must have used it), else to the new batch the service made.
 */
function bookCorrection(m: Model, line: MLine, kind: 'JOURNAL' | 'REISSUE', who: Who, batchId: string): void {
  const regionCode = batchOf(m, line).regionCode;
  const open = m.batches.find(
    (b) => b.kind === kind && b.maker === who && b.status === 'DRAFT' && b.regionCode === regionCode,
  );
  if (open) expect(batchId).toBe(open.id);
  else m.batches.push({ id: batchId, kind, status: 'DRAFT', maker: who, regionCode });
}

/** A step of the model; after each, the invariants are read back from the database. */
abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract check: (m: Readonly<Model>) => boolean;
  abstract step(m: Model, r: Real): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    await this.step(m, r);
    await checkInvariants(m, r);
  }
}

/** A step by `who` on the item `pick` chooses (see `prefer`). */
abstract class PickedStep extends Step {
  constructor(
    readonly pick: number,
    readonly who: Who,
  ) {
    super();
  }
}

class CreateRegular extends Step {
  constructor(
    readonly level: 'VILLAGE' | 'TOWNSHIP',
    readonly who: Who,
  ) {
    super();
  }
  override check = () => true;

  override async step(m: Model, r: Real): Promise<void> {
    const regionCode = this.level === 'VILLAGE' ? r.roll.villageCode : r.roll.townshipCode;
    const unpaid = r.roll.persons.filter((p) => !m.lines.some((l) => l.personId === p.id && isLive(l)));
    const expected = m.batches.some((b) => b.kind === 'REGULAR' && b.regionCode === regionCode)
      ? 'CONFLICT'
      : unpaid.length === 0
        ? 'INVALID_STATE'
        : null;
    const result = await outcome(
      r.service.createBatch(
        r.actors[this.who],
        { programId: r.roll.programId, period: r.roll.period, regionCode },
        randomUUID(),
      ),
    );
    expectOutcome(result, expected, this.toString());
    if (!result.ok) return;
    m.batches.push({ id: result.value.id, kind: 'REGULAR', status: 'DRAFT', maker: this.who, regionCode });
    const rows = await r.t.ownerSql<{
      id: string;
      person_id: string;
      line_number: number;
      amount_fen: string;
    }>(
      'select id, person_id, line_number, amount_fen::text from payment where batch_id = $1 order by line_number',
      [result.value.id],
    );
    expect(rows.map((row) => row.line_number)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((row) => row.person_id))).toEqual(new Set(unpaid.map((p) => p.id)));
    for (const row of rows) {
      expect(row.amount_fen).toBe(r.roll.amountFen);
      m.lines.push({
        id: row.id,
        batchId: result.value.id,
        entry: 'PAYMENT',
        status: 'PLANNED',
        personId: row.person_id,
        reissued: false,
      });
    }
  }
  override toString = () => `create(${this.level}, ${this.who})`;
}

class Approve extends PickedStep {
  override check = (m: Readonly<Model>) => m.batches.length > 0;
  override async step(m: Model, r: Real): Promise<void> {
    const batch = prefer(m.batches, this.pick, (b) => b.status === 'DRAFT');
    const expected =
      batch.status !== 'DRAFT'
        ? 'INVALID_STATE'
        : batch.maker === this.who
          ? 'FOUR_EYES'
          : paying(m, batch.id).length === 0
            ? 'INVALID_STATE'
            : null;
    const result = await outcome(r.service.approveBatch(r.actors[this.who], batch.id, randomUUID()));
    expectOutcome(result, expected, this.toString());
    if (result.ok) batch.status = 'APPROVED';
  }
  override toString = () => `approve(#${this.pick}, ${this.who})`;
}

class Export extends PickedStep {
  override check = (m: Readonly<Model>) => m.batches.length > 0;
  override async step(m: Model, r: Real): Promise<void> {
    const batch = prefer(m.batches, this.pick, (b) => b.status === 'APPROVED');
    const result = await outcome(r.service.exportBatch(r.actors[this.who], batch.id, randomUUID()));
    expectOutcome(result, batch.status === 'DRAFT' ? 'INVALID_STATE' : null, this.toString());
    if (result.ok && batch.status === 'APPROVED') {
      batch.status = 'EXPORTED';
      for (const line of paying(m, batch.id)) line.status = 'EXPORTED';
    }
  }
  override toString = () => `export(#${this.pick}, ${this.who})`;
}

const RESULT_TEXT: Record<string, string> = {
  PAID: '成功',
  FAILED: '失败',
  RETURNED: '退回',
  REVERSED: '成功',
};
const RESULTS = ['PAID', 'FAILED', 'RETURNED'] as const;

class BankReturn extends Step {
  constructor(
    readonly pick: number,
    readonly choices: number[],
    readonly conflict: number | null,
  ) {
    super();
  }
  override check = (m: Readonly<Model>) => m.batches.length > 0;
  override async step(m: Model, r: Real): Promise<void> {
    const batch = prefer(m.batches, this.pick, (b) => b.status === 'EXPORTED');
    const lines = paying(m, batch.id);
    const rows = new Map<string, { result: string; line: MLine }>();
    lines.forEach((line, index) => {
      const choice = this.choices[index % this.choices.length] as number;
      if (choice === 0) return;
      const result = line.status === 'EXPORTED' ? (RESULTS[choice - 1] as string) : line.status;
      rows.set(line.id, { result, line });
    });
    const settled = lines.filter((line) => ['PAID', 'FAILED', 'RETURNED', 'REVERSED'].includes(line.status));
    let conflicting = false;
    if (this.conflict !== null && settled.length > 0) {
      const line = settled[this.conflict % settled.length] as MLine;
      const other = RESULTS.find((result) => RESULT_TEXT[result] !== RESULT_TEXT[line.status]) as string;
      rows.set(line.id, { result: other, line });
      conflicting = true;
    }
    const text = [
      '付款编号,结果,银行流水号,原因',
      ...[...rows.entries()].map(
        ([id, { result }]) =>
          `${id},${RESULT_TEXT[result]},B${id.slice(0, 6)},${result === 'PAID' || result === 'REVERSED' ? '' : '账户异常'}`,
      ),
    ].join('\r\n');
    const expectedAccepted = batch.status === 'EXPORTED' && rows.size > 0 && !conflicting;
    const result = await outcome(r.service.recordBankReturn(r.actors.township, batch.id, text, randomUUID()));
    if (batch.status !== 'EXPORTED') {
      expectOutcome(result, 'INVALID_STATE', this.toString());
      return;
    }
    expectOutcome(result, null, this.toString());
    if (!result.ok) return;
    expect(result.value.accepted, `${this.toString()} ${JSON.stringify(result.value.rowErrors)}`).toBe(
      expectedAccepted,
    );
    if (!result.value.accepted) {
      expect(result.value.rowErrors.length).toBeGreaterThan(0);
      return;
    }
    let moved = 0;
    for (const { result: status, line } of rows.values()) {
      if (line.status === 'EXPORTED') {
        line.status = status;
        moved += 1;
      }
    }
    expect(result.value.paidCount + result.value.failedCount + result.value.returnedCount).toBe(moved);
    expect(result.value.unchangedCount).toBe(rows.size - moved);
  }
  override toString = () => `bank(#${this.pick}, [${this.choices}], conflict ${this.conflict})`;
}

class Reverse extends PickedStep {
  override check = (m: Readonly<Model>) => m.lines.length > 0;
  override async step(m: Model, r: Real): Promise<void> {
    const line = prefer(m.lines, this.pick, (l) => l.status === 'PAID');
    const ok = line.entry !== 'REVERSAL' && line.status === 'PAID';
    const result = await outcome(
      r.service.reversePayment(r.actors[this.who], line.id, '款项已追回，冲正原付款', randomUUID()),
    );
    expectOutcome(result, ok ? null : 'INVALID_STATE', this.toString());
    if (!result.ok) return;
    bookCorrection(m, line, 'JOURNAL', this.who, result.value.batchId);
    expect(result.value).toMatchObject({
      entry: 'REVERSAL',
      status: 'BOOKED',
      amountFen: `-${r.roll.amountFen}`,
    });
    line.status = 'REVERSED';
    m.lines.push({
      id: result.value.id,
      batchId: result.value.batchId,
      entry: 'REVERSAL',
      status: 'BOOKED',
      personId: line.personId,
      reissued: false,
    });
  }
  override toString = () => `reverse(#${this.pick}, ${this.who})`;
}

class Reissue extends PickedStep {
  override check = (m: Readonly<Model>) => m.lines.length > 0;
  override async step(m: Model, r: Real): Promise<void> {
    const line = prefer(m.lines, this.pick, (l) => ['FAILED', 'RETURNED', 'REVERSED'].includes(l.status));
    const expected =
      line.entry === 'REVERSAL' || !['FAILED', 'RETURNED', 'REVERSED'].includes(line.status)
        ? 'INVALID_STATE'
        : line.reissued || m.lines.some((l) => l.personId === line.personId && isLive(l))
          ? 'CONFLICT'
          : null;
    const result = await outcome(r.service.reissuePayment(r.actors[this.who], line.id, randomUUID()));
    expectOutcome(result, expected, this.toString());
    if (!result.ok) return;
    bookCorrection(m, line, 'REISSUE', this.who, result.value.batchId);
    expect(result.value).toMatchObject({ entry: 'REISSUE', status: 'PLANNED', amountFen: r.roll.amountFen });
    line.reissued = true;
    m.lines.push({
      id: result.value.id,
      batchId: result.value.batchId,
      entry: 'REISSUE',
      status: 'PLANNED',
      personId: line.personId,
      reissued: false,
    });
  }
  override toString = () => `reissue(#${this.pick}, ${this.who})`;
}

const ALLOWED_MOVES = new Set([
  '->PLANNED',
  '->BOOKED',
  'PLANNED->EXPORTED',
  'EXPORTED->PAID',
  'EXPORTED->FAILED',
  'EXPORTED->RETURNED',
  'PAID->REVERSED',
]);

/** The invariants, read from the database as stored (as the owner: no row-level security). */
async function checkInvariants(m: Model, r: Real): Promise<void> {
  const { t, roll } = r;
  const lines = await t.ownerSql<{ id: string; status: string; batch_id: string }>(
    'select id, status, batch_id from payment where program_id = $1',
    [roll.programId],
  );
  expect(Object.fromEntries(lines.map((l) => [l.id, l.status]))).toEqual(
    Object.fromEntries(m.lines.map((l) => [l.id, l.status])),
  );
  const batches = await t.ownerSql<{ id: string; status: string }>(
    'select id, status from disbursement_batch where program_id = $1',
    [roll.programId],
  );
  expect(Object.fromEntries(batches.map((b) => [b.id, b.status]))).toEqual(
    Object.fromEntries(m.batches.map((b) => [b.id, b.status])),
  );
  const [violations] = await t.ownerSql<{ live: number; totals: number; fourEyes: number }>(
    `select
       (select count(*)::int from (select person_id from payment
          where program_id = $1 and entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID')
          group by person_id having count(*) > 1) x) as live,
       (select count(*)::int from disbursement_batch b
         where b.program_id = $1 and (b.line_count, b.total_fen::numeric) is distinct from
           (select (count(*)::int, coalesce(sum(amount_fen), 0)) from payment p
             where p.batch_id = b.id and p.entry <> 'REVERSAL')) as totals,
       (select count(*)::int from payment p join disbursement_batch b on b.id = p.batch_id
         where p.program_id = $1 and p.status in ('PAID', 'REVERSED')
           and (b.approved_by is null or b.approved_by = b.created_by or b.approved_by = p.created_by)) as "fourEyes"`,
    [roll.programId],
  );
  expect(violations).toEqual({ live: 0, totals: 0, fourEyes: 0 });
  const events = await t.ownerSql<{ payment_id: string; moves: string[] }>(
    `select e.payment_id, array_agg(coalesce(e.from_status, '') || '->' || e.to_status order by e.id) as moves
       from payment_event e join payment p on p.id = e.payment_id where p.program_id = $1 group by e.payment_id`,
    [roll.programId],
  );
  expect(events).toHaveLength(m.lines.length);
  for (const { payment_id: id, moves } of events) {
    let at = '';
    for (const move of moves) {
      expect(ALLOWED_MOVES.has(move), `${id}: ${moves.join(' ')}`).toBe(true);
      expect(move.split('->')[0], `${id}: ${moves.join(' ')}`).toBe(at);
      at = move.split('->')[1] as string;
    }
    expect(at).toBe(m.lines.find((line) => line.id === id)?.status);
  }
}

let t: TestApi;
let serial = 0;

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.close());

describe('the ledger against its model', () => {
  it('keeps every invariant over random sequences of money operations', async () => {
    const who = fc.constantFrom<Who>('township', 'county', 'approver');
    const commands = fc.oneof(
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom<'VILLAGE' | 'TOWNSHIP'>('VILLAGE', 'TOWNSHIP'), who)
          .map(([level, w]) => new CreateRegular(level, w)),
      },
      { weight: 3, arbitrary: fc.tuple(fc.nat(), who).map(([p, w]) => new Approve(p, w)) },
      { weight: 3, arbitrary: fc.tuple(fc.nat(), who).map(([p, w]) => new Export(p, w)) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            fc.nat(),
            fc.array(fc.constantFrom(0, 1, 1, 1, 2, 3), { minLength: 1, maxLength: 5 }),
            fc.option(fc.nat(), { freq: 5 }),
          )
          .map(([p, choices, conflict]) => new BankReturn(p, choices, conflict)),
      },
      { weight: 3, arbitrary: fc.tuple(fc.nat(), who).map(([p, w]) => new Reverse(p, w)) },
      { weight: 3, arbitrary: fc.tuple(fc.nat(), who).map(([p, w]) => new Reissue(p, w)) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(commands, { minLength: 20, maxLength: 40 }), async (cmds) => {
        serial += 1;
        const roll = await confirmedRoll(t, { persons: 4, villageOffset: serial % 5 });
        const actors = {
          township: { user: await sessionUser(t, roll.users.township) },
          county: { user: await sessionUser(t, 'county.admin') },
          approver: { user: await sessionUser(t, 'county.approver') },
        };
        const real: Real = { t, roll, actors, service: t.api.services.disbursements };
        await fc.asyncModelRun(() => ({ model: { batches: [], lines: [] }, real }), cmds);
      }),
      { numRuns: 16, endOnFailure: true },
    );
    console.log(Object.fromEntries([...coverage.entries()].sort()));
    for (const step of [
      'create:ok',
      'approve:ok',
      'approve:FOUR_EYES',
      'export:ok',
      'bank:ok',
      'reverse:ok',
      'reissue:ok',
    ]) {
      expect(coverage.get(step) ?? 0, step).toBeGreaterThan(0);
    }
  });
});
