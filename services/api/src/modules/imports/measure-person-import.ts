/**
 * How fast and how lean is a persons import? Imports N generated persons (default 100,000) into the
 * demo county as the county admin with `importPersons`, and COPYs the same rows straight into the
 * same tables as the baseline, each on a fresh copy of the same database, alternating, and prints
 * rows/s, the ratio and the process's peak memory during the import.
 *
 *   cd services/api && npx tsx src/modules/imports/measure-person-import.ts [--rows 100000] [--runs 2]
 *   [--households]   (also file persons in households of three)
 *
 * A quick measurement for development; the benchmark proper lives in bench/.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_ROLE, DEFAULT_APP_PASSWORD, withCredentials } from '@sunshine/devdb/database-urls';
import { createDatabase, dropDatabase, startTestCluster } from '@sunshine/devdb/test-cluster';
import { generateResidentId } from '@sunshine/identifiers/resident-id';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { provisionDatabase } from '../../db/provision-database.ts';
import { loadDemoCounty } from '../demo-data/load-demo-county.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import { importPersons } from './import-file.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '2' },
    households: { type: 'boolean', default: false },
    worker: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const HMAC_KEY = 'measure-hmac-key';

interface Person {
  name: string;
  residentId: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
  phone: string;
  villageCode: string;
  householdCode: string | null;
  relation: string | null;
}

function hash(i: number, salt: number): number {
  return Math.imul(i + salt * 0x9e3779b9, 0x85ebca6b) >>> 7;
}

function* people(villages: string[]): Generator<Person> {
  const surnames = [...'王李张刘陈杨黄吴周徐孙朱胡郑何叶'];
  const given = [...'伟强军建国明华志勇杰丽芳娟敏静燕玲红霞梅'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(1901, 0, 1) + (i % 10_900) * 86_400_000).toISOString().slice(0, 10);
    const sex = i % 2 === 0 ? 'MALE' : 'FEMALE';
    const residentId = generateResidentId({
      regionCode: '330199',
      birthDate: day,
      sex,
      sequence: Math.floor(i / 10_900),
    });
    const village = villages[i % villages.length]!;
    // Numbered from 5001, above the demo county's own households.
    const household = args.households ? Math.floor(i / (3 * villages.length)) + 5001 : 0;
    yield {
      // Names spread independently of birth dates, so near-duplicates stay as rare as in life.
      name:
        surnames[hash(i, 1) % surnames.length]! +
        given[hash(i, 2) % given.length]! +
        given[hash(i, 3) % given.length]!,
      residentId,
      sex,
      birthDate: day,
      phone: `139${String(i).padStart(8, '0')}`,
      villageCode: village,
      householdCode: args.households ? `${village}-${String(household).padStart(4, '0')}` : null,
      relation: args.households ? (Math.floor(i / villages.length) % 3 === 0 ? '户主' : '子女') : null,
    };
  }
}

async function writeCsv(file: string, villages: string[]): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    args.households
      ? '姓名,身份证号,手机号,户籍地区划代码,户编号,与户主关系\n'
      : '姓名,身份证号,手机号,户籍地区划代码\n',
  );
  for (const p of people(villages)) {
    const line = args.households
      ? `${p.name},${p.residentId},${p.phone},${p.villageCode},${p.householdCode},${p.relation}\n`
      : `${p.name},${p.residentId},${p.phone},${p.villageCode}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

interface Admin {
  id: string;
  role: 'COUNTY_ADMIN';
  regionId: string;
  regionPath: string;
}

async function countyAdmin(ownerUrl: string): Promise<{ admin: Admin; villages: Map<string, string> }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select u.id, u.role, r.id as region_id, r.path::text as path from app_user u join region r on r.id = u.region_id
        where u.username = 'county.admin'`,
    );
    const villages = await client.query(`select code, id from region where level = 'VILLAGE' order by code`);
    return {
      admin: { id: rows[0].id, role: 'COUNTY_ADMIN', regionId: rows[0].region_id, regionPath: rows[0].path },
      villages: new Map(villages.rows.map((v) => [v.code as string, v.id as string])),
    };
  } finally {
    await client.end();
  }
}

/**
 * The baseline: the same rows, already resolved (region ids, HMACs), COPYed into the real tables. COPY
 * FROM refuses tables under row-level security, so it runs as the owner: triggers, constraints and
 * indexes as for the import, but no policy checks.
 */
async function rawCopy(ownerUrl: string, admin: Admin, villages: Map<string, string>): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const villageCodes = [...villages.keys()];
  try {
    const started = performance.now();
    await client.query('begin');
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.user_role', $2, true),
              set_config('app.scope_path', $3, true)`,
      [admin.id, admin.role, admin.regionPath],
    );
    const households = new Map<string, string>();
    if (args.households) {
      const stream = client.query(
        copyFrom('copy household (id, region_id, code, created_by, updated_by) from stdin'),
      );
      let buffer = '';
      for (const p of people(villageCodes)) {
        if (!p.householdCode || households.has(p.householdCode)) continue;
        const id = crypto.randomUUID();
        households.set(p.householdCode, id);
        buffer += `${id}\t${villages.get(p.villageCode)}\t${p.householdCode}\t${admin.id}\t${admin.id}\n`;
        if (buffer.length > 256 * 1024) {
          if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
          buffer = '';
        }
      }
      stream.end(buffer);
      await finished(stream);
    }
    const stream = client.query(
      copyFrom(
        `copy person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date, phone,
                      household_id, relation, created_by, updated_by) from stdin`,
      ),
    );
    let buffer = '';
    for (const p of people(villageCodes)) {
      const region = villages.get(p.villageCode);
      const household = p.householdCode ? households.get(p.householdCode) : null;
      const relation = p.relation ? (p.relation === '户主' ? 'HEAD' : 'CHILD') : null;
      buffer += `${region}\t${region}\t${p.name}\t${p.residentId}\t\\\\x${residentIdHmac(HMAC_KEY, p.residentId).toString('hex')}\t${p.sex}\t${p.birthDate}\t${p.phone}\t${household ?? '\\N'}\t${relation ?? '\\N'}\t${admin.id}\t${admin.id}\n`;
      if (buffer.length > 256 * 1024) {
        if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
        buffer = '';
      }
    }
    stream.end(buffer);
    await finished(stream);
    await client.query('commit');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/**
 * The import runs in a child process of its own, so that its peak resident memory (maxRSS) is the
 * import's alone, not the demo loader's that prepared the database.
 */
async function importInWorker(job: { url: string; admin: Admin; file: string }) {
  const child = fork(fileURLToPath(import.meta.url), ['--worker', JSON.stringify(job)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [result] = (await once(child, 'message')) as [Record<string, unknown>];
  await once(child, 'exit');
  return result;
}

if (args.worker) {
  const job = JSON.parse(args.worker) as { url: string; admin: Admin; file: string };
  const pool = new pg.Pool({ connectionString: job.url, max: 2 });
  const started = performance.now();
  const outcome = await importPersons({ pool, user: job.admin, filePath: job.file, hmacKey: HMAC_KEY });
  const ms = performance.now() - started;
  await pool.end();
  process.send?.({
    ms,
    status: outcome.status,
    errors: outcome.errors.slice(0, 3),
    timings: outcome.timings,
    changes: outcome.changes,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  process.exit(0);
}

const cluster = await startTestCluster();
const dir = await mkdtemp(path.join(tmpdir(), 'sunshine-measure-'));
try {
  const templateUrl = await createDatabase(cluster.adminUrl, { prefix: 'sunshine_measure_template' });
  const { appDatabaseUrl } = await provisionDatabase(templateUrl, {});
  await loadDemoCounty({
    ownerDatabaseUrl: templateUrl,
    appDatabaseUrl,
    seed: 2026,
    scale: 'county',
    config: {
      residentIdHmacKey: HMAC_KEY,
      publicationsDir: dir,
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
    },
  });
  const { admin, villages } = await countyAdmin(templateUrl);
  const template = templateUrl.split('/').pop()!.split('?')[0]!;
  const file = path.join(dir, 'persons.csv');
  await writeCsv(file, [...villages.keys()]);

  for (let run = 1; run <= RUNS; run++) {
    const baseUrl = await createDatabase(cluster.adminUrl, { template });
    const copyMs = await rawCopy(baseUrl, admin, villages);
    await dropDatabase(cluster.adminUrl, baseUrl);

    const importUrl = await createDatabase(cluster.adminUrl, { template });
    const result = await importInWorker({
      url: withCredentials(importUrl, APP_ROLE, DEFAULT_APP_PASSWORD),
      admin,
      file,
    });
    await dropDatabase(cluster.adminUrl, importUrl);
    if (result.status !== 'COMMITTED')
      throw new Error(`import ${result.status}: ${JSON.stringify(result.errors)}`);
    const importMs = result.ms as number;
    console.log(
      JSON.stringify({
        run,
        rows: ROWS,
        households: args.households,
        rawCopyRowsPerSecond: Math.round(ROWS / (copyMs / 1000)),
        importRowsPerSecond: Math.round(ROWS / (importMs / 1000)),
        ratio: Number((copyMs / importMs).toFixed(3)),
        importTimings: result.timings,
        changes: result.changes,
        importProcessPeakRssMiB: result.maxRssMiB,
      }),
    );
  }
  await dropDatabase(cluster.adminUrl, templateUrl);
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}
