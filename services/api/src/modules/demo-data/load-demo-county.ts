import { randomUUID } from 'node:crypto';
import { POLICY_NOTICES_DISCLOSURE } from '@sunshine/disclosure/policy-notices-disclosure';
import pg from 'pg';
import type { ApiConfig } from '../../config.ts';
import { createOrm } from '../../db/create-orm.ts';
import { buildPublicSchema } from '../../public-schema/build-public-schema.ts';
import { createServices } from '../../services.ts';
import { hashPassword } from '../identity/password.ts';
import { residentIdHmac } from '../persons/resident-id-hmac.ts';
import { DEMO_PASSWORD, type DemoScale, generateDemoCounty } from './demo-county.ts';

// Moved to persons/resident-id-hmac.ts; re-exported here until every caller imports it from there.
export { residentIdHmac };

export interface LoadDemoOptions {
  ownerDatabaseUrl: string;
  appDatabaseUrl: string;
  seed: number;
  scale: DemoScale;
  config: Pick<ApiConfig, 'residentIdHmacKey' | 'publicationsDir' | 'sessionIdleMinutes' | 'sessionMaxHours'>;
  log?: (line: string) => void;
}

export interface LoadDemoResult {
  loaded: boolean;
  regions: number;
  users: number;
  policies: number;
  persons: number;
}

const BATCH = 2000;

/** ltree labels allow letters, digits and underscores; our codes are digits and at most a hyphen. */
export function pathLabel(code: string): string {
  return code.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Loads the demo county into an empty database (it refuses a database that has regions), then,
 * through the real services, drafts the policy-notices disclosure as one county admin, approves
 * it as the other, and runs the first publication. Rows stream in batches: province scale holds
 * one batch at a time.
 */
export async function loadDemoCounty(options: LoadDemoOptions): Promise<LoadDemoResult> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo county has published passwords: it is never loaded in production.');
  }
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.ownerDatabaseUrl });
  await client.connect();
  const counts = { regions: 0, users: 0, policies: 0, persons: 0 };
  const demo = generateDemoCounty({ seed: options.seed, scale: options.scale });
  try {
    const existing = await client.query<{ n: number }>('select count(*)::int as n from region');
    if ((existing.rows[0]?.n ?? 0) > 0) return { loaded: false, ...counts };
    await client.query('begin');

    const regions = new Map<string, { id: string; path: string }>();
    let batch: unknown[][] = [];
    const flushRegions = async () => {
      if (batch.length === 0) return;
      await client.query(
        `insert into region (id, code, name, level, kind, parent_id, path)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::ltree[])`,
        columns(batch, 7),
      );
      counts.regions += batch.length;
      batch = [];
    };
    for (const region of demo.regions) {
      const parent = region.parentCode ? regions.get(region.parentCode) : undefined;
      const id = randomUUID();
      const path = parent ? `${parent.path}.${pathLabel(region.code)}` : pathLabel(region.code);
      regions.set(region.code, { id, path });
      batch.push([
        id,
        region.code,
        region.name,
        region.level,
        region.kind ?? region.level,
        parent?.id ?? null,
        path,
      ]);
      if (batch.length >= BATCH) await flushRegions();
    }
    await flushRegions();
    log(`regions: ${counts.regions}`);

    // One hash for the one published demo password: argon2id per account would take minutes.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userIds = new Map<string, string>();
    for (const chunk of chunks(demo.users, BATCH)) {
      const rows = chunk.map((user) => {
        const id = randomUUID();
        userIds.set(user.username, id);
        return [
          id,
          user.username,
          user.displayName,
          passwordHash,
          user.role,
          mustGet(regions, user.regionCode).id,
        ];
      });
      await client.query(
        `insert into app_user (id, username, display_name, password_hash, role, region_id)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[])`,
        columns(rows, 6),
      );
      counts.users += rows.length;
    }
    log(`users: ${counts.users}`);

    for (const chunk of chunks(demo.policies, BATCH)) {
      const rows = chunk.map((policy) => {
        const author = mustGet(userIds, policy.authorUsername);
        const publishedAt = policy.status === 'DRAFT' ? null : `${policy.issueDate}T09:00:00+08:00`;
        const withdrawn = policy.status === 'WITHDRAWN';
        return [
          randomUUID(),
          mustGet(regions, policy.regionCode).id,
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
    log(`policies: ${counts.policies}`);

    let people: unknown[][] = [];
    const flushPeople = async () => {
      if (people.length === 0) return;
      await client.query(
        `insert into person (id, region_id, current_region_id, name, resident_id, resident_id_hmac, sex,
                             birth_date, phone)
         select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bytea[],
                              $7::text[], $8::date[], $9::text[])`,
        columns(people, 9),
      );
      counts.persons += people.length;
      people = [];
    };
    for (const person of demo.persons()) {
      people.push([
        randomUUID(),
        mustGet(regions, person.registeredRegionCode).id,
        mustGet(regions, person.currentRegionCode).id,
        person.name,
        person.residentId,
        residentIdHmac(options.config.residentIdHmacKey, person.residentId),
        person.sex,
        person.birthDate,
        person.phone,
      ]);
      if (people.length >= BATCH) await flushPeople();
    }
    await flushPeople();
    log(`persons: ${counts.persons}`);
    await client.query('commit');
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
      const draft = await services.disclosures.create(
        { user: drafter.user },
        {
          ...POLICY_NOTICES_DISCLOSURE,
          slug:
            countyCodes.length > 1
              ? `${POLICY_NOTICES_DISCLOSURE.slug}-${countyCode.slice(0, 6)}`
              : POLICY_NOTICES_DISCLOSURE.slug,
          outputFields: [...POLICY_NOTICES_DISCLOSURE.outputFields],
          regionCode: countyCode,
          parameters: { regionCode: countyCode },
        },
      );
      await services.disclosures.approve({ user: approver.user }, draft.id, draft.documentSha256);
      await services.publications.run({ user: approver.user });
      await services.identity.signOut(drafter.token);
      await services.identity.signOut(approver.token);
    }
  } finally {
    await orm.close(true);
  }
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Row-major batch to the column arrays that `unnest` takes. */
function columns(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) out[i]?.push(row[i]);
  return out;
}

function mustGet<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to an unknown key: ${key}`);
  return value;
}
