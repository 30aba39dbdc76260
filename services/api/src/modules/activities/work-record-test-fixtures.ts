import { expect } from 'vitest';
import type { TestApi } from '../../../test/test-api.ts';

/**
 * Fixtures for the work-record tests (activities, projects, evaluations): two townships of the
 * demo county, three of their villages, their admins and clerks, and associations created for
 * the test (codes end in a test-specific suffix so they never collide with demo associations).
 */
export interface Place {
  code: string;
  path: string;
}

export interface WorkRecordWorld {
  county: Place;
  township: Place;
  villageA: Place;
  villageB: Place;
  otherTownship: Place;
  otherVillage: Place;
  users: {
    township: string;
    clerkA: string;
    clerkB: string;
    otherTownship: string;
    otherClerk: string;
  };
}

function townshipUser(code: string): string {
  return `township.${code.slice(6, 9)}`;
}

function clerk(code: string): string {
  return `clerk.${code.slice(6, 9)}.${code.slice(9, 12)}`;
}

export async function workRecordWorld(t: TestApi): Promise<WorkRecordWorld> {
  const rows = await t.ownerSql<{ code: string; path: string; villages: { code: string; path: string }[] }>(
    `select tw.code, tw.path::text as path,
            json_agg(json_build_object('code', v.code, 'path', v.path::text) order by v.code) as villages
       from region tw join region v on v.parent_id = tw.id and v.level = 'VILLAGE'
      where tw.level = 'TOWNSHIP'
      group by tw.code, tw.path
     having count(*) >= 2
      order by tw.code
      limit 2`,
  );
  const [first, second] = rows;
  if (!first || !second) throw new Error('the demo county needs two townships with two villages each');
  const [county] = await t.ownerSql<Place>(
    "select code, path::text as path from region where level = 'COUNTY'",
  );
  const [villageA, villageB] = first.villages as [Place, Place];
  const otherVillage = second.villages[0] as Place;
  return {
    county: county as Place,
    township: { code: first.code, path: first.path },
    villageA,
    villageB,
    otherTownship: { code: second.code, path: second.path },
    otherVillage,
    users: {
      township: townshipUser(first.code),
      clerkA: clerk(villageA.code),
      clerkB: clerk(villageB.code),
      otherTownship: townshipUser(second.code),
      otherClerk: clerk(otherVillage.code),
    },
  };
}

/** Creates an association in a region (as the database owner, as the demo loader would). */
export async function createAssociation(t: TestApi, regionCode: string, suffix: string): Promise<string> {
  const [row] = await t.ownerSql<{ id: string }>(
    `insert into association (region_id, code, name, level, kind)
     select id, code || '-' || $2, name || '计划生育协会', level,
            case level when 'VILLAGE' then 'VILLAGE' else 'REGIONAL' end
       from region where code = $1
     returning id`,
    [regionCode, suffix],
  );
  if (!row) throw new Error(`no region ${regionCode}`);
  return row.id;
}

/** How many rows `table` really holds (as the owner: no row-level security). */
export async function rowCount(t: TestApi, table: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

export async function auditCount(t: TestApi, entity: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(
    'select count(*)::int as n from audit_event where entity = $1',
    [entity],
  );
  return row?.n ?? -1;
}

export const BILINGUAL = /[\u4e00-\u9fff].* \/ .*[A-Za-z]{3,}/s;

/** The answer is a BAD_INPUT naming `field`, with a Chinese and an English message. */
export function expectBadInput(
  response: { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  field: string,
): void {
  const error = response.errors?.[0];
  expect(error?.extensions, JSON.stringify(response.errors)).toMatchObject({ code: 'BAD_INPUT', field });
  expect(error?.message).toMatch(BILINGUAL);
  expect(String(error?.extensions?.messageZh)).toMatch(/[\u4e00-\u9fff]/);
  expect(String(error?.extensions?.messageEn)).toMatch(/[A-Za-z]{3,}/);
}

/** Today in China, and a day relative to it, as YYYY-MM-DD. */
export function chinaDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
