/**
 * Registry import benchmark (issue 3, benchmark b): 100,000 generated persons imported into the
 * demo county's real, constrained tables through `importPersons` (read, validate, write, commit, as
 * `county.admin` under row-level security), against a raw `COPY` of the same rows (region ids and
 * HMACs computed beforehand) into the same tables as the owner. Each side runs on a fresh copy of
 * the same database, alternating, several times; the import in a child process of its own, whose
 * peak memory is reported. Prints rows/s, the import/COPY ratio (target >= 0.75) and, beside it,
 * the nested-read ratio from the latest `registry-read` results file. See bench/README.md.
 *
 * Run from the repository root: `node bench/registry-import.ts [--rows N] [--runs N] [--households]`
 * (or `npm run bench:registry-import`).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SessionUser } from '../services/api/src/modules/identity/session-user.ts';
import {
  BENCH_DIR,
  findUser,
  freshCopies,
  HMAC_KEY,
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
import type { ImportJob, ImportReport } from './registry-import-worker.ts';

const { generateResidentId } = await load<typeof import('../packages/identifiers/src/resident-id.ts')>(
  '../packages/identifiers/src/resident-id.ts',
);
const { residentIdHmac } = await load<
  typeof import('../services/api/src/modules/persons/resident-id-hmac.ts')
>('../services/api/src/modules/persons/resident-id-hmac.ts');
const { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } = await load<
  typeof import('../packages/devdb/src/database-urls.ts')
>('../packages/devdb/src/database-urls.ts');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    households: { type: 'boolean', default: false },
  },
});
const ROWS = positiveInt(args.rows, '--rows');
const RUNS = positiveInt(args.runs, '--runs');
const HOUSEHOLDS = args.households ?? false;
const ADMIN = 'county.admin';
/** The demo county's code: generated IDs are issued in it, like the demo's own. */
const COUNTY_CODE = '330199';
const TARGET_RATIO = 0.75;
/** Households are numbered from here, above the demo county's own. */
const FIRST_HOUSEHOLD = 5001;

interface Person {
  name: string;
  residentId: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  phone: string;
  villageCode: string;
  householdCode: string | null;
  relation: '户主' | '子女' | null;
}

function hash(i: number, salt: number): number {
  return Math.imul(i + salt * 0x9e3779b9, 0x85ebca6b) >>> 7;
}

/**
 * The generated persons: birth days from 1901-01-01 on, `days` of them (an even number, all
 * before the demo county's oldest person), alternating sex, so each (day, sex) pair recurs every
 * `days` rows with the next order code: every ID is valid and new.
 */
function* people(villages: string[], days: number): Generator<Person> {
  const surnames = [...'王李张刘陈杨黄吴周徐孙朱胡郑何叶'];
  const given = [...'伟强军建国明华志勇杰丽芳娟敏静燕玲红霞梅'];
  for (let i = 0; i < ROWS; i++) {
    const birthDate = new Date(Date.UTC(1901, 0, 1) + (i % days) * 86_400_000).toISOString().slice(0, 10);
    const sex = i % 2 === 0 ? 'MALE' : 'FEMALE';
    const residentId = generateResidentId({
      regionCode: COUNTY_CODE,
      birthDate,
      sex,
      sequence: Math.floor(i / days),
    });
    const villageCode = villages[i % villages.length]!;
    const household = HOUSEHOLDS ? Math.floor(i / (3 * villages.length)) + FIRST_HOUSEHOLD : 0;
    yield {
      // Names spread independently of birth dates, so near-duplicates stay as rare as in life.
      name:
        surnames[hash(i, 1) % surnames.length]! +
        given[hash(i, 2) % given.length]! +
        given[hash(i, 3) % given.length]!,
      residentId,
      sex,
      birthDate,
      phone: `139${String(i).padStart(8, '0')}`,
      villageCode,
      householdCode: HOUSEHOLDS ? `${villageCode}-${String(household).padStart(4, '0')}` : null,
      relation: HOUSEHOLDS ? (Math.floor(i / villages.length) % 3 === 0 ? '户主' : '子女') : null,
    };
  }
}

/** The file an administrator would upload: the template's Chinese headers, UTF-8 CSV. */
async function writeCsv(file: string, rows: Iterable<Person>): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    HOUSEHOLDS
      ? '姓名,身份证号,手机号,户籍地区划代码,户编号,与户主关系\n'
      : '姓名,身份证号,手机号,户籍地区划代码\n',
  );
  for (const p of rows) {
    const line = HOUSEHOLDS
      ? `${p.name},${p.residentId},${p.phone},${p.villageCode},${p.householdCode},${p.relation}\n`
      : `${p.name},${p.residentId},${p.phone},${p.villageCode}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

/**
 * COPY's input, prepared before the clock starts: region ids resolved, HMACs computed, household
 * ids chosen. Fresh copies of the template keep the template's region ids, so one payload serves
 * every run.
 */
interface CopyPayload {
  households: string;
  persons: string;
  hmacs: Buffer[];
}

function copyPayload(rows: Iterable<Person>, villages: Map<string, string>, admin: SessionUser): CopyPayload {
  const households = new Map<string, string>();
  const householdLines: string[] = [];
  const personLines: string[] = [];
  const hmacs: Buffer[] = [];
  for (const p of rows) {
    const region = villages.get(p.villageCode)!;
    let household: string | undefined;
    if (p.householdCode) {
      household = households.get(p.householdCode);
      if (!household) {
        household = crypto.randomUUID();
        households.set(p.householdCode, household);
        householdLines.push(`${household}\t${region}\t${p.householdCode}\t${admin.id}\t${admin.id}\n`);
      }
    }
    const relation = p.relation ? (p.relation === '户主' ? 'HEAD' : 'CHILD') : null;
    const hmac = residentIdHmac(HMAC_KEY, p.residentId);
    hmacs.push(hmac);
    personLines.push(
      `${region}\t${region}\t${p.name}\t${p.residentId}\t\\\\x${hmac.toString('hex')}\t${p.sex}\t${p.birthDate}\t` +
        `${p.phone}\t${household ?? '\\N'}\t${relation ?? '\\N'}\t${admin.id}\t${admin.id}\n`,
    );
  }
  return { households: householdLines.join(''), persons: personLines.join(''), hmacs };
}

async function copyText(client: pg.Client, sql: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(sql));
  const chunk = 256 * 1024;
  for (let at = 0; at < text.length; at += chunk) {
    if (!stream.write(text.slice(at, at + chunk))) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}

/**
 * The baseline: the prepared rows COPYed into the real tables in one transaction. COPY FROM
 * refuses tables under row-level security for the app role, so this runs as the owner: the same
 * triggers, constraints and indexes as the import, but no policy checks. Timed from `begin` to
 * the end of `commit`.
 */
function rawCopy(url: string, admin: SessionUser, payload: CopyPayload): Promise<number> {
  return withOwner(url, async (client) => {
    const started = performance.now();
    await client.query('begin');
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [admin.id, admin.role, admin.regionPath],
    );
    if (payload.households) {
      await copyText(
        client,
        'copy household (id, region_id, code, created_by, updated_by) from stdin',
        payload.households,
      );
    }
    await copyText(
      client,
      `copy person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date, phone,
                    household_id, relation, created_by, updated_by) from stdin`,
      payload.persons,
    );
    await client.query('commit');
    return performance.now() - started;
  });
}

/** The import, in a child process that loads nothing but the importer. */
async function importInWorker(job: ImportJob): Promise<ImportReport> {
  const child = fork(path.join(BENCH_DIR, 'registry-import-worker.ts'), [JSON.stringify(job)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const report = await Promise.race([
    once(child, 'message').then(([message]) => message as ImportReport),
    exited.then(([code]) => {
      throw new Error(`import worker exited with ${code} before reporting`);
    }),
  ]);
  await exited;
  return report;
}

/** Counts the generated persons in a database, so that both sides are known to have written every row. */
function countNew(url: string, hmacs: Buffer[]): Promise<number> {
  return withOwner(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from person where resident_id_hmac = any($1::bytea[])',
      [hmacs],
    );
    return rows[0]?.n ?? 0;
  });
}

interface SideRun {
  run: number;
  side: 'import' | 'COPY';
  ms: number;
  rowsPerSecond: number;
}

/** The nested-read ratio of benchmark (a), from its latest results file, if there is one. */
async function latestReadRatios(): Promise<{ file: string; pages: { page: string; p50: number }[] } | null> {
  const dir = path.join(BENCH_DIR, 'results');
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.startsWith('registry-read-') && f.endsWith('.json'))
    .sort();
  const latest = files.at(-1);
  if (!latest) return null;
  try {
    const result = JSON.parse(await readFile(path.join(dir, latest), 'utf8')) as {
      pages?: { page?: string; ratios?: { p50?: number } }[];
    };
    const pages = (result.pages ?? [])
      .filter((p) => typeof p.ratios?.p50 === 'number')
      .map((p) => ({ page: String(p.page), p50: p.ratios!.p50! }));
    return { file: path.join('bench/results', latest), pages };
  } catch {
    return null;
  }
}

await runBenchmark(main);

async function main(): Promise<void> {
  const db = await startBenchDatabase('sunshine_bench_import');
  const admin = await findUser(db.ownerUrl, ADMIN);
  const { villages, oldest } = await withOwner(db.ownerUrl, async (client) => {
    const regions = await client.query<{ code: string; id: string }>(
      `select code, id from region where level = 'VILLAGE' order by code`,
    );
    const { rows } = await client.query<{ oldest: string | null }>(
      `select min(birth_date)::text as oldest from person`,
    );
    return { villages: new Map(regions.rows.map((r) => [r.code, r.id])), oldest: rows[0]?.oldest ?? null };
  });
  // Birth days strictly before the demo's oldest person, an even number of them (see people()).
  const available = Math.floor(
    ((oldest ? Date.parse(oldest) : Date.UTC(1930, 0, 1)) - Date.UTC(1901, 0, 1)) / 86_400_000,
  );
  const days = Math.min(10_900, available - (available % 2));
  if (days < 2 || Math.ceil(ROWS / days) > 500)
    throw new Error(`${ROWS} rows need more birth days than ${days}`);
  log(
    `demo county: ${db.demo.persons} persons (oldest born ${oldest}), ${villages.size} villages; ${db.serverVersion}`,
  );

  const villageCodes = [...villages.keys()];
  const file = path.join(db.scratch, 'persons.csv');
  await writeCsv(file, people(villageCodes, days));
  const payload = copyPayload(people(villageCodes, days), villages, admin);
  const fileBytes = (await stat(file)).size;
  const clash = await countNew(db.ownerUrl, payload.hmacs);
  if (clash > 0) throw new Error(`${clash} generated IDs already exist in the demo county`);
  log(
    `generated ${ROWS} persons${HOUSEHOLDS ? ' in households of three' : ''}: CSV ${round(fileBytes / 2 ** 20, 1)} MiB, ` +
      `IDs in ${COUNTY_CODE} born ${days} days from 1901-01-01, none in the demo county`,
  );

  const runs: SideRun[] = [];
  const imports: ImportReport[] = [];

  const onFreshCopy = freshCopies(db, 'sunshine_bench_import_run');

  const sides = {
    COPY: (run: number) =>
      onFreshCopy(async (url) => {
        const ms = await rawCopy(url, admin, payload);
        const written = await countNew(url, payload.hmacs);
        if (written !== ROWS) throw new Error(`COPY wrote ${written} persons, not ${ROWS}`);
        runs.push({ run, side: 'COPY', ms, rowsPerSecond: ROWS / (ms / 1000) });
        log(`run ${run}: COPY   ${round(ms / 1000, 2)} s, ${Math.round(ROWS / (ms / 1000))} rows/s`);
      }),
    import: (run: number) =>
      onFreshCopy(async (url) => {
        const report = await importInWorker({
          url: withCredentials(url, APP_ROLE, DEFAULT_APP_PASSWORD),
          user: {
            id: admin.id,
            role: 'COUNTY_ADMIN',
            regionId: admin.regionId,
            regionPath: admin.regionPath,
          },
          filePath: file,
          hmacKey: HMAC_KEY,
        });
        if (report.status !== 'COMMITTED') {
          throw new Error(
            `import ${report.status}: ${report.errorCount} errors, first ${JSON.stringify(report.firstErrors)}`,
          );
        }
        const written = await countNew(url, payload.hmacs);
        if (written !== ROWS) throw new Error(`the import wrote ${written} persons, not ${ROWS}`);
        imports.push(report);
        runs.push({ run, side: 'import', ms: report.ms, rowsPerSecond: ROWS / (report.ms / 1000) });
        log(
          `run ${run}: import ${round(report.ms / 1000, 2)} s, ${Math.round(ROWS / (report.ms / 1000))} rows/s ` +
            `(parse ${Math.round(report.timings.parseMs)} ms, check ${Math.round(report.timings.checkMs)} ms, ` +
            `write ${Math.round(report.timings.writeMs)} ms), peak RSS ${report.peakRssMiB} MiB`,
        );
      }),
  };

  for (let run = 1; run <= RUNS; run++) {
    // COPY first on odd runs, the import first on even ones: drift lands on both sides alike.
    const order = run % 2 === 1 ? (['COPY', 'import'] as const) : (['import', 'COPY'] as const);
    for (const side of order) await sides[side](run);
  }

  const of = (side: SideRun['side']) => runs.filter((r) => r.side === side);
  const summary = (['import', 'COPY'] as const).map((side) => {
    const rates = of(side).map((r) => r.rowsPerSecond);
    return {
      side,
      runs: rates.length,
      medianSeconds: round(median(of(side).map((r) => r.ms)) / 1000, 2),
      medianRowsPerSecond: Math.round(median(rates)),
      minRowsPerSecond: Math.round(Math.min(...rates)),
      maxRowsPerSecond: Math.round(Math.max(...rates)),
    };
  });
  const [imp, copy] = summary as [(typeof summary)[0], (typeof summary)[0]];
  const ratio = round(imp.medianRowsPerSecond / copy.medianRowsPerSecond, 3);
  const peakRss = Math.max(...imports.map((r) => r.peakRssMiB));
  const peakHeap = Math.max(...imports.map((r) => r.peakHeapUsedMiB));
  const rssBefore = Math.max(...imports.map((r) => r.rssBeforeMiB));

  printTable(
    ['side', 'runs', 'median s', 'median rows/s', 'min rows/s', 'max rows/s', 'peak RSS MiB'],
    [
      ...summary.map((s) => [
        s.side === 'import' ? 'import (importPersons)' : 'raw COPY (owner)',
        String(s.runs),
        s.medianSeconds.toFixed(2),
        String(s.medianRowsPerSecond),
        String(s.minRowsPerSecond),
        String(s.maxRowsPerSecond),
        s.side === 'import' ? String(peakRss) : '',
      ]),
      ['import/COPY', '', '', `${ratio.toFixed(2)}x`, '', '', ''],
    ],
  );
  log(
    `import/COPY rows/s ratio: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
  );
  log(
    `import process peak RSS ${peakRss} MiB (${rssBefore} MiB before the import began; peak V8 heap ${peakHeap} MiB)`,
  );
  const read = await latestReadRatios();
  if (read && read.pages.length > 0) {
    log(
      `nested-read ratio (benchmark a, GraphQL/SQL p50, from ${read.file}): ` +
        read.pages.map((p) => `${p.page} ${p.p50.toFixed(2)}x`).join(', '),
    );
  } else {
    log('nested-read ratio (benchmark a): no results yet; run `npm run bench:registry-read`');
  }

  const written = await writeResults('registry-import', db.serverVersion, {
    setup: {
      rows: ROWS,
      runsPerSide: RUNS,
      households: HOUSEHOLDS,
      fileBytes,
      signedInAs: ADMIN,
      order:
        'alternating: COPY then import on odd runs, import then COPY on even runs; each on a fresh copy of the demo database',
      copySide: 'owner, one transaction, COPY of prepared rows (region ids, HMACs computed before timing)',
      importSide:
        'importPersons as county.admin (app role, row-level security) in a child process, job + parse + check + write + commit',
    },
    summary,
    ratio,
    targetRatio: TARGET_RATIO,
    importMemory: { peakRssMiB: peakRss, rssBeforeImportMiB: rssBefore, peakHeapUsedMiB: peakHeap },
    runs: runs.map((r) => ({ ...r, ms: round(r.ms, 1), rowsPerSecond: Math.round(r.rowsPerSecond) })),
    imports: imports.map((r) => ({
      ms: round(r.ms, 1),
      timings: r.timings,
      changes: r.changes,
      peakRssMiB: r.peakRssMiB,
      peakHeapUsedMiB: r.peakHeapUsedMiB,
    })),
    nestedRead: read,
  });
  log(`results written to ${written}`);
}
