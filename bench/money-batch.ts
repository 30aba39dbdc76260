/**
 * Disbursement benchmark (issue 4): building and exporting a county-year batch. The demo county
 * leaves its 2026 roll of rural reward assistance (REWARD-NATIONAL) confirmed and not yet paid;
 * one side pays it through the ledger, `DisbursementService.createBatch` then `exportBatch` (as
 * `county.admin`, under row-level security; `county.approver` approves in between, untimed), the
 * other writes the same lines with one plain `INSERT … SELECT` as the owner and builds the same
 * CSV with one `select string_agg(…)`. Each side runs on a fresh copy of the same database,
 * alternating, several times; medians and their ratio are printed side by side and written to
 * bench/results/. No timed assertions. See bench/README.md.
 *
 * Run from the repository root: `node bench/money-batch.ts [--runs N]` (or `npm run bench:money-batch`).
 */
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { Actor } from '../services/api/src/modules/identity/actor.ts';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import {
  findUser,
  freshCopies,
  load,
  log,
  median,
  positiveInt,
  printTable,
  round,
  runBenchmark,
  startBenchDatabase,
  withOwner,
  writeResults,
} from './bench-kit.ts';

const { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } = await load<
  typeof import('../packages/devdb/src/database-urls.ts')
>('../packages/devdb/src/database-urls.ts');
const { createOrm } = await load<typeof import('../services/api/src/db/create-orm.ts')>(
  '../services/api/src/db/create-orm.ts',
);
const { DisbursementService } = await load<
  typeof import('../services/api/src/modules/disbursements/disbursement.service.ts')
>('../services/api/src/modules/disbursements/disbursement.service.ts');
const { PAYMENT_FILE_HEADER } = await load<
  typeof import('../services/api/src/modules/disbursements/payment-file.ts')
>('../services/api/src/modules/disbursements/payment-file.ts');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    program: { type: 'string', default: 'REWARD-NATIONAL' },
    period: { type: 'string', default: '2026' },
  },
});
const RUNS = positiveInt(args.runs, '--runs');
const PROGRAM = args.program ?? 'REWARD-NATIONAL';
const PERIOD = args.period ?? '2026';
const MAKER = 'county.admin';
const CHECKER = 'county.approver';
const COUNTY_CODE = '330199000000';

/**
 * The baseline's lines: the ledger's own INSERT … SELECT (disbursement.service.ts, buildBatch),
 * same columns and values (the standard in force on the period's first day, × 12 for monthly
 * standards; the approved proxy or the beneficiary as payee, and the payee's account), same line
 * order, without what the service wraps around it: no ON CONFLICT against the one-live-payment
 * index, no savepoint, no check of the roll first.
 */
const LINES_SQL = `
  insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                       region_id, region_path, payee_person_id, proxy_id, bank, account_number, amount_fen,
                       entry, created_by)
  select $1, row_number() over w, e.program_id, $2, e.person_id, e.id, s.id, x.region_id, x.region_path,
         coalesce(px.proxy_person_id, e.person_id), px.id, a.bank, a.account_number, s.amount_fen * $3,
         'PAYMENT', $4
    from enrollment e
    join person x on x.id = e.person_id
    left join payee_proxy px on px.person_id = e.person_id and px.status = 'APPROVED'
    join person_account a on a.person_id = coalesce(px.proxy_person_id, e.person_id)
    join lateral (
      select s.id, s.amount_fen from program_standard s
       where s.program_id = e.program_id and s.variant = e.variant and s.effective_from <= $5::date
         and (s.effective_until is null or s.effective_until > $5::date)) s on true
   where e.program_id = $6 and e.year = $7 and e.status = 'CONFIRMED' and e.kind in ('NEW', 'CONTINUING')
     and x.region_path <@ $8::ltree
  window w as (order by path_code(x.region_path, 2), path_code(x.region_path, 3), x.name, x.id)
  order by path_code(x.region_path, 2), path_code(x.region_path, 3), x.name, x.id`;

/**
 * The payment file in one statement, byte for byte as payment-file.ts writes it: a byte-order mark,
 * the Chinese header, CRLF line ends, yuan with two decimals from integer fen, a leading quote on
 * formula-like cells, CSV quoting where a cell needs it (csv-stringify's rule: a comma, a quote or a
 * line end). `string_agg` rather than `COPY … TO STDOUT (FORMAT csv)`: COPY quotes by rules of its
 * own and can write neither the byte-order mark nor this header, so it could not give the same bytes.
 */
const FILE_SQL = `
  with cell as (
    select p.line_number,
           concat_ws(',', p.line_number, p.id, pg_temp.q(pg_temp.f(x.name)), p.account_number,
                     pg_temp.q(pg_temp.f(p.bank)),
                     (p.amount_fen / 100)::text || '.' || lpad((p.amount_fen % 100)::text, 2, '0'),
                     pg_temp.q(pg_temp.f($2 || ' ' || p.period))) as line
      from payment p join person x on x.id = p.payee_person_id
     where p.batch_id = $1 and p.entry <> 'REVERSAL')
  select convert_to(chr(65279) || $3 || E'\\r\\n' || string_agg(line, E'\\r\\n' order by line_number) || E'\\r\\n', 'UTF8')
           as bytes
    from cell`;
// Formula escape and CSV quoting, as the file's builder does them, as SQL functions local to the session.
const FILE_FUNCTIONS = [
  `create function pg_temp.f(t text) returns text language sql immutable as
     $$ select case when t ~ '^[=+\\-@\\t\\r]' then '''' || t else t end $$`,
  `create function pg_temp.q(t text) returns text language sql immutable as
     $$ select case when t ~ '[",\\r\\n]' then '"' || replace(t, '"', '""') || '"' else t end $$`,
];

interface SideRun {
  run: number;
  side: 'service' | 'SQL';
  ms: number;
  /** service: createBatch, exportBatch (and approveBatch, untimed); SQL: the lines, then the file. */
  steps: Record<string, number>;
  lines: number;
  fileBytes: number;
}

interface Roll {
  programId: string;
  programName: string;
  months: number;
  countyPath: string;
  lines: number;
}

async function rollOf(url: string): Promise<Roll> {
  return withOwner(url, async (client) => {
    const { rows } = await client.query<{
      id: string;
      name: string;
      months: number;
      path: string;
      lines: number;
      batches: number;
    }>(
      `select p.id, p.name,
              case when p.amount_unit = 'PER_PERSON_MONTH' and p.payment_period = 'YEAR' then 12 else 1 end as months,
              (select path::text from region where code = $3) as path,
              (select count(*)::int from enrollment e where e.program_id = p.id and e.year = $4
                  and e.status = 'CONFIRMED' and e.kind in ('NEW', 'CONTINUING')) as lines,
              (select count(*)::int from disbursement_batch b where b.program_id = p.id and b.period = $2) as batches
         from program p where p.code = $1`,
      [PROGRAM, PERIOD, COUNTY_CODE, Number(PERIOD.slice(0, 4))],
    );
    const row = rows[0];
    if (!row) throw new Error(`the demo county has no program ${PROGRAM}`);
    if (row.batches > 0) throw new Error(`${PROGRAM} ${PERIOD} is already paid in the demo county`);
    if (row.lines === 0) throw new Error(`${PROGRAM} ${PERIOD} has no confirmed roll in the demo county`);
    return {
      programId: row.id,
      programName: row.name,
      months: row.months,
      countyPath: row.path,
      lines: row.lines,
    };
  });
}

/** The service side: the ledger's use cases, timed one by one; approval by the second admin untimed. */
async function serviceSide(
  url: string,
  roll: Roll,
  maker: SessionUser,
  checker: SessionUser,
  run: number,
): Promise<{ ms: number; steps: Record<string, number>; file: Buffer; batchId: string }> {
  const orm = await createOrm(withCredentials(url, APP_ROLE, DEFAULT_APP_PASSWORD), { poolMax: 4 });
  try {
    const ledger = new DisbursementService(orm);
    const made: Actor = { user: maker, requestId: `bench-${run}` };
    const checked: Actor = { user: checker, requestId: `bench-${run}` };
    // One round trip first, so that neither timed step pays for opening the pool's connection.
    await orm.em.getConnection().execute('select 1');
    let started = performance.now();
    const batch = await ledger.createBatch(
      made,
      { programId: roll.programId, period: PERIOD, regionCode: COUNTY_CODE },
      `bench-create-${run}`,
    );
    const createMs = performance.now() - started;
    started = performance.now();
    await ledger.approveBatch(checked, batch.id, `bench-approve-${run}`);
    const approveMs = performance.now() - started;
    started = performance.now();
    await ledger.exportBatch(made, batch.id, `bench-export-${run}`);
    const exportMs = performance.now() - started;
    const file = await withOwner(url, async (client) => {
      const { rows } = await client.query<{ bytes: Buffer }>(
        'select file_bytes as bytes from disbursement_batch where id = $1',
        [batch.id],
      );
      return rows[0]!.bytes;
    });
    return {
      ms: createMs + exportMs,
      steps: { createBatch: createMs, approveBatch: approveMs, exportBatch: exportMs },
      file,
      batchId: batch.id,
    };
  } finally {
    await orm.close(true);
  }
}

/**
 * The baseline, as the owner, in one transaction (begin … commit timed): the batch row, the lines
 * by one INSERT … SELECT, the file by one SELECT. The acting user is set as the triggers require
 * (they refuse a session that names no one), so both sides pay for the same triggers, constraints
 * and indexes; the owner skips row-level security, the idempotency key, the audit rows, the totals,
 * the approval and the export's moves of every line (and their payment_event rows).
 */
async function sqlSide(
  url: string,
  roll: Roll,
  maker: SessionUser,
): Promise<{ ms: number; steps: Record<string, number>; file: Buffer; batchId: string }> {
  return withOwner(url, async (client: pg.Client) => {
    for (const sql of FILE_FUNCTIONS) await client.query(sql);
    await client.query('select 1');
    const started = performance.now();
    await client.query('begin');
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [maker.id, maker.role, maker.regionPath],
    );
    const { rows: made } = await client.query<{ id: string }>(
      `insert into disbursement_batch (program_id, period, region_id, region_path, purpose, created_by)
       select $1, $2, r.id, r.path, 'REGULAR', $3 from region r where r.code = $4 returning id`,
      [roll.programId, PERIOD, maker.id, COUNTY_CODE],
    );
    const batchId = made[0]!.id;
    const inserted = await client.query(LINES_SQL, [
      batchId,
      PERIOD,
      roll.months,
      maker.id,
      `${PERIOD.slice(0, 4)}-01-01`,
      roll.programId,
      Number(PERIOD.slice(0, 4)),
      roll.countyPath,
    ]);
    const linesMs = performance.now() - started;
    const { rows } = await client.query<{ bytes: Buffer }>(FILE_SQL, [
      batchId,
      roll.programName,
      PAYMENT_FILE_HEADER.join(','),
    ]);
    await client.query('commit');
    const ms = performance.now() - started;
    if (inserted.rowCount !== roll.lines)
      throw new Error(`SQL wrote ${inserted.rowCount} lines, not ${roll.lines}`);
    return { ms, steps: { lines: linesMs, file: ms - linesMs }, file: rows[0]!.bytes, batchId };
  });
}

/** The file without its payment-id column (ids are drawn afresh on each side): what must be equal. */
function withoutIds(file: Buffer): string {
  return file
    .toString('utf8')
    .split('\r\n')
    .map((line) => line.split(',').toSpliced(1, 1).join(','))
    .join('\r\n');
}

await runBenchmark(main);

async function main(): Promise<void> {
  const db = await startBenchDatabase('sunshine_bench_money');
  const maker = await findUser(db.ownerUrl, MAKER);
  const checker = await findUser(db.ownerUrl, CHECKER);
  const roll = await rollOf(db.ownerUrl);
  log(
    `${PROGRAM} ${PERIOD}, county ${COUNTY_CODE}: ${roll.lines} confirmed enrollments to pay; ${db.serverVersion}`,
  );

  const onFreshCopy = freshCopies(db, 'sunshine_bench_money_run');

  const runs: SideRun[] = [];
  const files: Partial<Record<SideRun['side'], Buffer>> = {};
  const record = (
    run: number,
    side: SideRun['side'],
    outcome: { ms: number; steps: Record<string, number>; file: Buffer },
  ) => {
    files[side] ??= outcome.file;
    runs.push({
      run,
      side,
      ms: outcome.ms,
      steps: Object.fromEntries(Object.entries(outcome.steps).map(([k, v]) => [k, round(v, 1)])),
      lines: roll.lines,
      fileBytes: outcome.file.length,
    });
    const steps = Object.entries(outcome.steps)
      .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
      .join(', ');
    log(
      `run ${run}: ${side.padEnd(7)} ${round(outcome.ms / 1000, 2)} s (${steps}), file ${outcome.file.length} bytes`,
    );
  };
  const sides = {
    service: (run: number) =>
      onFreshCopy(async (url) => {
        const outcome = await serviceSide(url, roll, maker, checker, run);
        const lines = await withOwner(url, async (client) => {
          const { rows } = await client.query<{ n: number; planned: number }>(
            `select count(*)::int as n, count(*) filter (where status = 'EXPORTED')::int as planned
               from payment where batch_id = $1`,
            [outcome.batchId],
          );
          return rows[0]!;
        });
        if (lines.n !== roll.lines || lines.planned !== roll.lines) {
          throw new Error(
            `the service wrote ${lines.n} lines (${lines.planned} exported), not ${roll.lines}`,
          );
        }
        record(run, 'service', outcome);
      }),
    SQL: (run: number) => onFreshCopy(async (url) => record(run, 'SQL', await sqlSide(url, roll, maker))),
  };

  for (let run = 1; run <= RUNS; run++) {
    // The service first on odd runs, SQL first on even ones: drift lands on both sides alike.
    const order = run % 2 === 1 ? (['service', 'SQL'] as const) : (['SQL', 'service'] as const);
    for (const side of order) await sides[side](run);
  }

  // Same lines, same file: byte for byte once the freshly drawn payment ids are set aside.
  const sameFile = withoutIds(files.service!) === withoutIds(files.SQL!);
  if (!sameFile) throw new Error('the SQL file differs from the exported one (payment ids aside)');
  log(`the SQL side's file equals the exported one, payment ids aside (${files.service!.length} bytes)`);

  const of = (side: SideRun['side']) => runs.filter((r) => r.side === side);
  const summary = (['service', 'SQL'] as const).map((side) => {
    const ms = of(side).map((r) => r.ms);
    const steps = Object.keys(of(side)[0]!.steps);
    return {
      side,
      runs: ms.length,
      medianSeconds: round(median(ms) / 1000, 3),
      minSeconds: round(Math.min(...ms) / 1000, 3),
      maxSeconds: round(Math.max(...ms) / 1000, 3),
      medianLinesPerSecond: Math.round(roll.lines / (median(ms) / 1000)),
      medianStepMs: Object.fromEntries(
        steps.map((step) => [step, round(median(of(side).map((r) => r.steps[step]!)), 1)]),
      ),
    };
  });
  const [service, sql] = summary as [(typeof summary)[0], (typeof summary)[0]];
  const ratio = round(service.medianSeconds / sql.medianSeconds, 2);

  printTable(
    ['side', 'runs', 'median s', 'min s', 'max s', 'lines', 'lines/s', 'median steps'],
    [
      ...summary.map((s) => [
        s.side === 'service' ? 'service (createBatch + exportBatch)' : 'SQL (INSERT … SELECT + string_agg)',
        String(s.runs),
        s.medianSeconds.toFixed(3),
        s.minSeconds.toFixed(3),
        s.maxSeconds.toFixed(3),
        String(roll.lines),
        String(s.medianLinesPerSecond),
        Object.entries(s.medianStepMs)
          .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
          .join(', '),
      ]),
      ['service/SQL', '', `${ratio.toFixed(2)}x`, '', '', '', '', ''],
    ],
  );
  log(`service/SQL time ratio (medians): ${ratio.toFixed(2)}x over ${roll.lines} lines`);

  const written = await writeResults('money-batch', db.serverVersion, {
    setup: {
      program: PROGRAM,
      period: PERIOD,
      region: COUNTY_CODE,
      lines: roll.lines,
      runsPerSide: RUNS,
      order:
        'alternating: service then SQL on odd runs, SQL then service on even runs; each on a fresh copy of the demo database',
      serviceSide: `DisbursementService.createBatch + exportBatch as ${MAKER} (app role, row-level security); approveBatch by ${CHECKER} in between, untimed`,
      sqlSide:
        'owner, one transaction: the batch row, one INSERT … SELECT of the same lines (same triggers), one SELECT string_agg building the same file',
      fileBytes: files.service!.length,
      sameFileWithoutIds: sameFile,
    },
    summary,
    ratio,
    runs: runs.map((r) => ({ ...r, ms: round(r.ms, 1) })),
  });
  log(`results: ${written}`);
}
