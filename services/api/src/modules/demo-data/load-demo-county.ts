import { randomUUID } from 'node:crypto';
import { PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import pg from 'pg';
import type { ApiConfig } from '../../config.ts';
import { createOrm } from '../../db/create-orm.ts';
import { buildPublicSchema } from '../../public-schema/build-public-schema.ts';
import { createServices } from '../../services.ts';
import { hashPassword } from '../identity/password.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import { copyRows } from './copy-rows.ts';
import { loadDemoAwards } from './demo-awards.ts';
import { DEMO_PASSWORD, type DemoCountyPart, type DemoScale, generateDemoCounty } from './demo-county.ts';
import type { DemoRegistry } from './demo-registry.ts';
import { loadDemoMoney } from './load-demo-money.ts';

export interface LoadDemoOptions {
  ownerDatabaseUrl: string;
  appDatabaseUrl: string;
  seed: number;
  scale: DemoScale;
  config: Pick<ApiConfig, 'residentIdHmacKey' | 'publicationsDir' | 'sessionIdleMinutes' | 'sessionMaxHours'>;
  log?: (line: string) => void;
}

/** Rows loaded per table (all zero when the database already held data). */
export interface LoadDemoCounts {
  regions: number;
  users: number;
  policies: number;
  households: number;
  sensitiveHouseholds: number;
  persons: number;
  associations: number;
  memberGroups: number;
  members: number;
  contactHouseholds: number;
  activities: number;
  projects: number;
  evaluations: number;
  importJobs: number;
  /** Near-duplicate pairs (same name and birth date, different ID numbers) flagged for county review. */
  duplicateFlags: number;
  awardRounds: number;
  awardRecipients: number;
  programs: number;
  enrollments: number;
  payments: number;
}

export interface LoadDemoResult extends LoadDemoCounts {
  loaded: boolean;
}

const BATCH = 2000;

/** ltree labels allow letters, digits and underscores; our codes are digits and at most a hyphen. */
export function pathLabel(code: string): string {
  return code.replace(/[^A-Za-z0-9_]/g, '_');
}

function emptyCounts(): LoadDemoCounts {
  return {
    regions: 0,
    users: 0,
    policies: 0,
    households: 0,
    sensitiveHouseholds: 0,
    persons: 0,
    associations: 0,
    memberGroups: 0,
    members: 0,
    contactHouseholds: 0,
    activities: 0,
    projects: 0,
    evaluations: 0,
    importJobs: 0,
    duplicateFlags: 0,
    awardRounds: 0,
    awardRecipients: 0,
    programs: 0,
    enrollments: 0,
    payments: 0,
  };
}

/**
 * Loads the demo county into an empty database (it refuses a database that has regions), then,
 * through the real services, drafts every public disclosure as one county admin, approves each
 * as the other, and runs the first publication. Everything is loaded in one transaction as the
 * owner, county by county: a county is generated, streamed in with COPY and dropped before the
 * next, so province scale (100 counties, 14 million persons) holds one county at a time.
 */
export async function loadDemoCounty(options: LoadDemoOptions): Promise<LoadDemoResult> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo county has published passwords: it is never loaded in production.');
  }
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.ownerDatabaseUrl });
  await client.connect();
  const counts = emptyCounts();
  const demo = generateDemoCounty({ seed: options.seed, scale: options.scale });
  try {
    const existing = await client.query<{ n: number }>('select count(*)::int as n from region');
    if ((existing.rows[0]?.n ?? 0) > 0) return { loaded: false, ...counts };
    await client.query('begin');
    // One hash for the one published demo password: argon2id per account would take minutes.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const many = demo.counties.length > 1;
    let n = 0;
    for (const part of demo.parts()) {
      n++;
      const started = performance.now();
      await loadCounty(client, part, passwordHash, options.config.residentIdHmacKey, counts);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (many)
        log(`county ${n}/${demo.counties.length} ${part.spec.name} (${part.spec.code6}): ${seconds} s`);
      else log(`${part.spec.name} (${part.spec.code6}) in ${seconds} s`);
    }
    log(
      Object.entries(counts)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', '),
    );
    await client.query('commit');
    // Fresh statistics, so that the first queries (and databases cloned from this one) plan well.
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }

  await publishFirstRelease(
    options,
    demo.counties.map((county) => `${county.code6}000000`),
  );
  return { loaded: true, ...counts };
}

interface Placed {
  id: string;
  regionId: string;
}

/** One county: its regions, users and policies, then its registry. Every map here dies with the call. */
async function loadCounty(
  client: pg.Client,
  part: DemoCountyPart,
  passwordHash: string,
  hmacKey: string,
  counts: LoadDemoCounts,
): Promise<void> {
  const regions = new Map<string, { id: string; path: string }>();
  counts.regions += await copyRows(
    client,
    'region',
    ['id', 'code', 'name', 'level', 'kind', 'parent_id', 'path'],
    (function* () {
      for (const region of part.regions) {
        const parent = region.parentCode ? mustGet(regions, region.parentCode) : undefined;
        const id = randomUUID();
        const path = parent ? `${parent.path}.${pathLabel(region.code)}` : pathLabel(region.code);
        regions.set(region.code, { id, path });
        yield [
          id,
          region.code,
          region.name,
          region.level,
          region.kind ?? region.level,
          parent?.id ?? null,
          path,
        ];
      }
    })(),
  );
  const regionId = (code: string): string => mustGet(regions, code).id;

  const userIds = new Map<string, string>();
  for (const chunk of chunks(part.users, BATCH)) {
    const rows = chunk.map((user) => {
      const id = randomUUID();
      userIds.set(user.username, id);
      return [id, user.username, user.displayName, passwordHash, user.role, regionId(user.regionCode)];
    });
    await client.query(
      `insert into app_user (id, username, display_name, password_hash, role, region_id)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[])`,
      columns(rows, 6),
    );
    counts.users += rows.length;
  }

  for (const chunk of chunks(part.policies, BATCH)) {
    const rows = chunk.map((policy) => {
      const author = mustGet(userIds, policy.authorUsername);
      const publishedAt = policy.status === 'DRAFT' ? null : `${policy.issueDate}T09:00:00+08:00`;
      const withdrawn = policy.status === 'WITHDRAWN';
      return [
        randomUUID(),
        regionId(policy.regionCode),
        policy.title,
        policy.documentNumber,
        policy.issuingBody,
        policy.category,
        policy.issueDate,
        policy.effectiveDate,
        policy.expiryDate,
        policy.bodyMarkdown,
        JSON.stringify(policy.attachments),
        policy.status,
        withdrawn ? '已被新修订的文件替代' : null,
        author,
        publishedAt,
        withdrawn ? `${policy.issueDate}T09:00:00+08:00` : null,
      ];
    });
    await client.query(
      `insert into policy (id, region_id, title, document_number, issuing_body, category, issue_date,
                           effective_date, expiry_date, body_markdown, attachments, status, withdrawal_reason,
                           created_by, updated_by, published_at, withdrawn_at, created_at, updated_at)
       select id, region_id, title, num, body_org, category, issue_date, effective_date, expiry_date, body,
              attachments, status, reason, author, author, published_at,
              case when withdrawn_at is null then null else withdrawn_at + interval '400 days' end,
              coalesce(published_at, now()), coalesce(published_at, now())
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[],
                     $8::date[], $9::date[], $10::text[], $11::jsonb[], $12::text[], $13::text[], $14::uuid[],
                     $15::timestamptz[], $16::timestamptz[])
              as t(id, region_id, title, num, body_org, category, issue_date, effective_date, expiry_date, body,
                   attachments, status, reason, author, published_at, withdrawn_at)`,
      columns(rows, 16),
    );
    counts.policies += rows.length;
  }

  const registry = part.registry();
  const persons = await loadRegistry(client, registry, regionId, userIds, hmacKey, counts);

  // Same name and birth date under different ID numbers: flagged for county review, as the import
  // does. The function pairs persons within one county, so each county is flagged on its own.
  const flagged = await client.query<{ n: number | null }>(
    `select flag_near_duplicates(array_agg(id)) as n from person where region_path <@ $1::ltree`,
    [mustGet(regions, `${part.spec.code6}000000`).path],
  );
  counts.duplicateFlags += flagged.rows[0]?.n ?? 0;

  // Money to families: programs, four yearly rolls, three years of payments (load-demo-money.ts).
  const money = await loadDemoMoney(client, `${part.spec.code6}000000`, part.money(registry), {
    personId: (residentId) => mustGet(persons, residentId),
    userId: (username) => mustGet(userIds, username),
  });
  counts.programs += money.programs;
  counts.enrollments += money.enrollments;
  counts.payments += money.payments;
}

async function loadRegistry(
  client: pg.Client,
  registry: DemoRegistry,
  regionId: (code: string) => string,
  userIds: ReadonlyMap<string, string>,
  hmacKey: string,
  counts: LoadDemoCounts,
): Promise<ReadonlyMap<string, string>> {
  const households = new Map<string, Placed>();
  counts.households += await copyRows(
    client,
    'household',
    ['id', 'region_id', 'code', 'planning_status', 'in_difficulty'],
    (function* () {
      for (const h of registry.households) {
        const placed = { id: randomUUID(), regionId: regionId(h.regionCode) };
        households.set(h.code, placed);
        yield [placed.id, placed.regionId, h.code, h.planningStatus, h.inDifficulty];
      }
    })(),
  );
  const recordedBy = mustGet(userIds, registry.recordedByUsername);
  counts.sensitiveHouseholds += await copyRows(
    client,
    'household_sensitive_status',
    ['household_id', 'region_id', 'status', 'since', 'recorded_by'],
    (function* () {
      for (const h of registry.households) {
        if (h.sensitive === null) continue;
        const placed = mustGet(households, h.code);
        yield [placed.id, placed.regionId, h.sensitive.status, h.sensitive.since, recordedBy];
      }
    })(),
  );

  const persons = new Map<string, string>();
  counts.persons += await copyRows(
    client,
    'person',
    [
      'id',
      'region_id',
      'current_region_id',
      'name',
      'resident_id',
      'resident_id_hmac',
      'sex',
      'birth_date',
      'phone',
      'household_id',
      'relation',
      'moved_away_on',
      'deceased_on',
    ],
    (function* () {
      for (const p of registry.persons) {
        const id = randomUUID();
        persons.set(p.residentId, id);
        yield [
          id,
          regionId(p.registeredRegionCode),
          regionId(p.currentRegionCode),
          p.name,
          p.residentId,
          residentIdHmac(hmacKey, p.residentId),
          p.sex,
          p.birthDate,
          p.phone,
          mustGet(households, p.householdCode).id,
          p.relation,
          p.movedAwayOn,
          p.deceasedOn,
        ];
      }
    })(),
  );

  const associations = new Map<string, Placed>();
  const groups = new Map<string, string>();
  counts.associations += await copyRows(
    client,
    'association',
    ['id', 'region_id', 'code', 'name', 'level', 'kind', 'standing', 'member_home_facilities', 'founded_on'],
    (function* () {
      for (const a of registry.associations) {
        const placed = { id: randomUUID(), regionId: regionId(a.regionCode) };
        associations.set(a.code, placed);
        yield [
          placed.id,
          placed.regionId,
          a.code,
          a.name,
          a.level,
          a.kind,
          a.standing,
          a.facilities,
          a.foundedOn,
        ];
      }
    })(),
  );
  counts.memberGroups += await copyRows(
    client,
    'member_group',
    ['id', 'association_id', 'region_id', 'name'],
    (function* () {
      for (const a of registry.associations) {
        const placed = mustGet(associations, a.code);
        for (const name of a.groups) {
          const id = randomUUID();
          groups.set(`${a.code}|${name}`, id);
          yield [id, placed.id, placed.regionId, name];
        }
      }
    })(),
  );

  const memberIds: string[] = [];
  counts.members += await copyRows(
    client,
    'member',
    [
      'id',
      'association_id',
      'region_id',
      'person_id',
      'role',
      'card_number',
      'dues_paid_year',
      'group_id',
      'joined_on',
      'left_on',
    ],
    (function* () {
      for (const m of registry.members) {
        const id = randomUUID();
        memberIds.push(id);
        const placed = mustGet(associations, m.associationCode);
        yield [
          id,
          placed.id,
          placed.regionId,
          mustGet(persons, m.residentId),
          m.role,
          m.cardNumber,
          m.duesPaidYear,
          m.groupName === null ? null : mustGet(groups, `${m.associationCode}|${m.groupName}`),
          m.joinedOn,
          m.leftOn,
        ];
      }
    })(),
  );
  counts.contactHouseholds += await copyRows(
    client,
    'contact_household',
    ['member_id', 'household_id', 'region_id', 'since'],
    (function* () {
      for (const [i, m] of registry.members.entries()) {
        const memberRegion = mustGet(associations, m.associationCode).regionId;
        for (const c of m.contacts) {
          yield [memberIds[i]!, mustGet(households, c.householdCode).id, memberRegion, c.since];
        }
      }
    })(),
  );

  counts.activities += await copyRows(
    client,
    'activity',
    [
      'association_id',
      'region_id',
      'kind',
      'held_on',
      'title',
      'participants',
      'leaflets',
      'consultations',
      'people_screened',
    ],
    (function* () {
      for (const x of registry.activities) {
        const placed = mustGet(associations, x.associationCode);
        yield [
          placed.id,
          placed.regionId,
          x.kind,
          x.heldOn,
          x.title,
          x.participants,
          x.leaflets,
          x.consultations,
          x.peopleScreened,
        ];
      }
    })(),
  );
  counts.projects += await copyRows(
    client,
    'project',
    [
      'association_id',
      'region_id',
      'kind',
      'name',
      'start_on',
      'end_on',
      'budget_fen',
      'households_helped',
      'income_change_fen',
    ],
    (function* () {
      for (const p of registry.projects) {
        const placed = mustGet(associations, p.associationCode);
        yield [
          placed.id,
          placed.regionId,
          p.kind,
          p.name,
          p.startOn,
          p.endOn,
          p.budgetFen,
          p.householdsHelped,
          p.incomeChangeFen,
        ];
      }
    })(),
  );
  const evaluations = new Map<string, string>();
  counts.evaluations += await copyRows(
    client,
    'evaluation',
    [
      'id',
      'association_id',
      'region_id',
      'evaluated_on',
      'items',
      'score',
      'rectification_deadline',
      're_evaluation_of',
      'evaluated_by',
    ],
    (function* () {
      for (const e of registry.evaluations) {
        const id = randomUUID();
        evaluations.set(e.key, id);
        const placed = mustGet(associations, e.associationCode);
        yield [
          id,
          placed.id,
          placed.regionId,
          e.evaluatedOn,
          JSON.stringify(e.items),
          e.score,
          e.rectificationDeadline,
          e.reEvaluationOf === null ? null : mustGet(evaluations, e.reEvaluationOf),
          mustGet(userIds, e.evaluatedByUsername),
        ];
      }
    })(),
  );
  counts.importJobs += await copyRows(
    client,
    'import_job',
    [
      'region_id',
      'kind',
      'file_name',
      'file_sha256',
      'file_bytes',
      'format',
      'status',
      'rows_parsed',
      'rows_validated',
      'rows_committed',
      'rows_changed',
      'error_count',
      'errors',
      'created_by',
      'created_at',
      'finished_at',
    ],
    registry.importJobs.map((job) => [
      regionId(job.regionCode),
      job.kind,
      job.fileName,
      job.fileSha256,
      job.fileBytes,
      job.format,
      job.status,
      job.rowsParsed,
      job.rowsValidated,
      job.rowsCommitted,
      job.rowsCommitted,
      job.errors.length,
      JSON.stringify(job.errors),
      mustGet(userIds, job.createdByUsername),
      job.createdAt,
      job.finishedAt,
    ]),
  );
  const awards = await loadDemoAwards(client, registry.awards, {
    regionId,
    associationId: (code) => mustGet(associations, code).id,
    personId: (residentId) => mustGet(persons, residentId),
    userId: (username) => mustGet(userIds, username),
  });
  counts.awardRounds += awards.rounds;
  counts.awardRecipients += awards.recipients;
  return persons;
}

/** The four-eyes path, as an operator would walk it: draft, approve by someone else, run. */
async function publishFirstRelease(options: LoadDemoOptions, countyCodes: string[]): Promise<void> {
  const orm = await createOrm(options.appDatabaseUrl, { poolMax: 2 });
  try {
    const services = createServices(orm, await buildPublicSchema(), options.config);
    for (const countyCode of countyCodes) {
      const prefix = countyCodes.length > 1 ? `${countyCode.slice(0, 6)}.` : '';
      const drafter = await services.identity.signIn(`${prefix}county.admin`, DEMO_PASSWORD, 'demo-loader');
      const approver = await services.identity.signIn(
        `${prefix}county.approver`,
        DEMO_PASSWORD,
        'demo-loader',
      );
      // Every public dataset, drafted by one county admin and approved by the other before the
      // first run; with several counties each slug carries its county code.
      for (const definition of PUBLIC_DISCLOSURES) {
        const draft = await services.disclosures.create(
          { user: drafter.user },
          {
            slug: countyCodes.length > 1 ? `${definition.slug}-${countyCode.slice(0, 6)}` : definition.slug,
            name: definition.name,
            description: definition.description,
            pageKind: definition.pageKind,
            document: definition.document,
            outputFields: [...definition.outputFields],
            regionCode: countyCode,
            parameters: { regionCode: countyCode },
          },
        );
        await services.disclosures.approve({ user: approver.user }, draft.id, draft.documentSha256);
      }
      await services.publications.run({ user: approver.user });
      await services.identity.signOut(drafter.token);
      await services.identity.signOut(approver.token);
    }
  } finally {
    await orm.close(true);
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Row-major batch to the column arrays that `unnest` takes. */
function columns(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) out[i]?.push(row[i]);
  return out;
}

function mustGet<V>(map: ReadonlyMap<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to an unknown key: ${key}`);
  return value;
}
