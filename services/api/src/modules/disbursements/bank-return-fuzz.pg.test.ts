import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedRoll } from '../../../test/money-fixtures.ts';
import { sessionUser, startTestApi, type TestApi } from '../../../test/test-api.ts';
import type { Actor } from '../identity/actor.ts';

/**
 * Bank return files as banks and spreadsheets really send them, and worse: random results,
 * duplicates, unknown and malformed ids, missing reasons, with and without a BOM, CRLF or LF, extra
 * columns, garbage bytes. Whatever arrives, the file is either applied whole or refused whole with
 * row errors and nothing changed; exported lines only ever move to paid, failed or returned; every
 * line stays in exactly one state with the events that led there.
 */

interface Line {
  id: string;
  batchId: string;
}

let t: TestApi;
let actor: Actor;
const lines: Line[] = [];
const batches: string[] = [];

beforeAll(async () => {
  t = await startTestApi();
  const county = { user: await sessionUser(t, 'county.admin') };
  const approver = { user: await sessionUser(t, 'county.approver') };
  actor = county;
  const service = t.api.services.disbursements;
  // Six exported batches of eight lines: files settle some lines, later files meet settled ones.
  for (let i = 0; i < 6; i += 1) {
    const roll = await confirmedRoll(t, { persons: 8, villageOffset: i });
    const batch = await service.createBatch(
      county,
      { programId: roll.programId, period: roll.period, regionCode: roll.villageCode },
      randomUUID(),
    );
    await service.approveBatch(approver, batch.id, randomUUID());
    await service.exportBatch(county, batch.id, randomUUID());
    batches.push(batch.id);
    const rows = await t.ownerSql<{ id: string }>(
      'select id from payment where batch_id = $1 order by line_number',
      [batch.id],
    );
    lines.push(...rows.map((row) => ({ id: row.id, batchId: batch.id })));
  }
});
afterAll(async () => t?.close());

const RESULT_WORDS = ['成功', '失败', '退回', 'SUCCESS', 'FAILED', 'RETURNED', 'success', 'returned'];
const BAD_RESULTS = ['', '好', 'OK', '1', '成 功', 'PAID?'];

interface RowSpec {
  id:
    | { kind: 'line'; index: number }
    | { kind: 'unknown' }
    | { kind: 'garbage'; text: string }
    | { kind: 'empty' };
  result: string;
  reference: string;
  reason: string;
  extraColumn: string | null;
}

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  id: fc.oneof(
    { weight: 8, arbitrary: fc.nat().map((index) => ({ kind: 'line' as const, index })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const }) },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 10 }).map((text) => ({ kind: 'garbage' as const, text })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  ),
  result: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...RESULT_WORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_RESULTS) },
  ),
  reference: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z0-9]{1,20}$/)),
  reason: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('账户已销户', '户名不符', '卡片挂失') },
    { weight: 1, arbitrary: fc.constant('') },
  ),
  extraColumn: fc.option(fc.constantFrom('', '备注', 'x'), { freq: 8 }),
});

const dirtyFile = fc.record({
  batch: fc.nat(),
  rows: fc.array(rowSpec, { minLength: 0, maxLength: 10 }),
  bom: fc.boolean(),
  newline: fc.constantFrom('\r\n', '\n'),
  header: fc.constantFrom(
    '付款编号,结果,银行流水号,原因',
    '付款编号,结果,银行流水号,原因,',
    'payment,result,ref,reason',
  ),
  garbage: fc.option(
    fc.record({
      at: fc.nat(),
      text: fc.oneof(
        fc.constantFrom('\u0000', '\uFFFD', '"', '\u0007', '\uD800'),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
    }),
    { freq: 4 },
  ),
  settledAsTheyAre: fc.constant(false),
});

// A file a bank would send: a few distinct lines of the batch, known results, reasons where due;
// lines already settled are given the result they have (a file sent twice).
const cleanFile = fc.record({
  batch: fc.nat(),
  rows: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 3 }).chain((indexes) =>
    fc.tuple(
      ...indexes.map((index) =>
        fc.record({
          id: fc.constant({ kind: 'line' as const, index }),
          result: fc.constantFrom(...RESULT_WORDS),
          reference: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z0-9]{1,20}$/)),
          reason: fc.constantFrom('账户已销户', '户名不符'),
          extraColumn: fc.constantFrom(null, ''),
        }),
      ),
    ),
  ),
  bom: fc.boolean(),
  newline: fc.constantFrom('\r\n', '\n'),
  header: fc.constant('付款编号,结果,银行流水号,原因'),
  garbage: fc.constant(null),
  settledAsTheyAre: fc.constant(true),
});

const fileSpec = fc.oneof(dirtyFile, cleanFile);

type FileSpec = typeof fileSpec extends fc.Arbitrary<infer V> ? V : never;

function render(spec: FileSpec, batchLines: Line[]): string {
  const body = spec.rows.map((row) => {
    const id =
      row.id.kind === 'line'
        ? (batchLines[row.id.index % batchLines.length] as Line).id
        : row.id.kind === 'unknown'
          ? randomUUID()
          : row.id.kind === 'garbage'
            ? row.id.text
            : '';
    const cells = [id, row.result, row.reference, row.reason];
    if (row.extraColumn !== null) cells.push(row.extraColumn);
    return cells.join(',');
  });
  let text = `${spec.bom ? '\uFEFF' : ''}${[spec.header, ...body].join(spec.newline)}${spec.newline}`;
  if (spec.garbage) {
    const at = spec.garbage.at % (text.length + 1);
    text = text.slice(0, at) + spec.garbage.text + text.slice(at);
  }
  return text;
}

const RESULT_STATUS: Record<string, string> = {
  成功: 'PAID',
  SUCCESS: 'PAID',
  失败: 'FAILED',
  FAILED: 'FAILED',
  退回: 'RETURNED',
  RETURNED: 'RETURNED',
};

const SETTLED_WORD: Record<string, string> = { PAID: '成功', FAILED: '失败', RETURNED: '退回' };

describe('fuzzed bank return files', () => {
  it('are applied whole or refused whole, and every line ends in exactly one legal state', async () => {
    const tally = { applied: 0, refused: 0, cleanApplied: 0 };
    await fc.assert(
      fc.asyncProperty(fileSpec, async (generated) => {
        const batchId = batches[generated.batch % batches.length] as string;
        const batchLines = lines.filter((line) => line.batchId === batchId);
        const before = await t.ownerSql<{ id: string; status: string; events: number }>(
          `select p.id, p.status, (select count(*)::int from payment_event e where e.payment_id = p.id) as events
             from payment p where p.batch_id = $1 order by p.id`,
          [batchId],
        );
        // A copy: the generated value stays as generated, for shrinking.
        const spec = { ...generated, rows: generated.rows.map((row) => ({ ...row })) };
        if (spec.settledAsTheyAre) {
          for (const row of spec.rows) {
            const id = row.id.kind === 'line' ? batchLines[row.id.index % batchLines.length]?.id : undefined;
            const status = before.find((line) => line.id === id)?.status;
            if (status && status !== 'EXPORTED') row.result = SETTLED_WORD[status] as string;
          }
        }
        const text = render(spec as FileSpec, batchLines);
        const result = await t.api.services.disbursements.recordBankReturn(
          actor,
          batchId,
          text,
          randomUUID(),
        );
        const after = await t.ownerSql<{
          id: string;
          status: string;
          events: number;
          failure_reason: string | null;
        }>(
          `select p.id, p.status, p.failure_reason,
                  (select count(*)::int from payment_event e where e.payment_id = p.id) as events
             from payment p where p.batch_id = $1 order by p.id`,
          [batchId],
        );
        const beforeOf = new Map(before.map((row) => [row.id, row]));

        // A clean file: right header, every row a line of this batch once, a known result, a reason
        // where one is due, nothing contradicting a settled line, no stray bytes.
        const ids = spec.rows.map((row) =>
          row.id.kind === 'line' ? (batchLines[row.id.index % batchLines.length] as Line).id : null,
        );
        const clean =
          spec.garbage === null &&
          spec.header.startsWith('付款编号') &&
          spec.rows.length > 0 &&
          ids.every((id) => id !== null) &&
          new Set(ids).size === ids.length &&
          spec.rows.every((row, index) => {
            const status = RESULT_STATUS[row.result.toUpperCase()] ?? RESULT_STATUS[row.result];
            const current = beforeOf.get(ids[index] as string)?.status;
            return (
              status !== undefined &&
              (status === 'PAID' || row.reason !== '') &&
              (row.extraColumn === null || row.extraColumn === '') &&
              (current === 'EXPORTED' || current === status)
            );
          });

        if (result.accepted) {
          tally.applied += 1;
          if (clean) tally.cleanApplied += 1;
          expect(result.rowErrors).toEqual([]);
        } else {
          tally.refused += 1;
          expect(clean, JSON.stringify({ text, errors: result.rowErrors })).toBe(false);
          expect(result.rowErrors.length).toBeGreaterThan(0);
          for (const error of result.rowErrors) {
            expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
            expect(error.messageEn).toMatch(/[A-Za-z]{3,}/);
          }
          // Nothing half-done.
          expect(after.map(({ id, status, events }) => ({ id, status, events }))).toEqual(before);
        }
        for (const row of after) {
          const was = beforeOf.get(row.id) as { status: string; events: number };
          if (was.status === row.status) {
            expect(row.events).toBe(was.events);
          } else {
            expect(was.status).toBe('EXPORTED');
            expect(['PAID', 'FAILED', 'RETURNED']).toContain(row.status);
            expect(row.events).toBe(was.events + 1);
            if (row.status !== 'PAID') expect(row.failure_reason).toBeTruthy();
          }
        }
        if (clean) {
          // A clean file is applied, each named line to the state it names.
          expect(result.accepted, JSON.stringify(result.rowErrors)).toBe(true);
          spec.rows.forEach((row, index) => {
            const status = RESULT_STATUS[row.result.toUpperCase()] ?? RESULT_STATUS[row.result];
            expect(after.find((line) => line.id === ids[index])?.status).toBe(status);
          });
        }
      }),
      { numRuns: 300 },
    );
    expect(tally.cleanApplied).toBeGreaterThan(5);
    expect(tally.refused).toBeGreaterThan(5);
  });
});
