import { createHmac } from 'node:crypto';
import { generateResidentId } from '@sunshine/identifiers/resident-id';
import type pg from 'pg';

/**
 * Rows in every registry table, spread over villages of several townships and over the township and
 * county levels, written as the owner so the oracle starts from a known world. The oracle then asks,
 * as the app role with each admin's scope, to read, change, delete and insert them.
 */

export interface OracleAdmin {
  username: string;
  id: string;
  role: string;
  scope: string;
}

/** A stored row: its table, the columns that identify it, and where it belongs. */
export interface OracleRow {
  table: string;
  key: Record<string, string>;
  regionPath: string;
  /** import_job only: who created it (only they may update it). */
  createdBy?: string;
  /** member_group only: a group without members, so deleting it is a question of rights alone. */
  spare?: boolean;
}

/** Where a new row could be filed, with the rows an insert there refers to. */
export interface OracleTarget {
  villageId: string;
  villageCode: string;
  villagePath: string;
  associationId: string;
  /** A person who is not yet a member of the village association. */
  sparePersonId: string;
  memberId: string;
  /** A household the member does not contact yet and that has no sensitive status. */
  spareHouseholdId: string;
}

export interface OracleWorld {
  admins: OracleAdmin[];
  rows: OracleRow[];
  targets: OracleTarget[];
}

/** Villages in three townships (two in 102, two in 103, one in 104) so scopes overlap and differ. */
const TOWNSHIP_PICKS: readonly [string, number][] = [
  ['330199102000', 2],
  ['330199103000', 2],
  ['330199104000', 1],
];

export async function buildOracleWorld(owner: pg.ClientBase): Promise<OracleWorld> {
  const county = (await owner.query(`select id, code, path::text from region where level = 'COUNTY'`))
    .rows[0];
  const countyAdmin = (await owner.query(`select id from app_user where username = 'county.admin'`)).rows[0];
  const rows: OracleRow[] = [];
  const targets: OracleTarget[] = [];
  let sequence = 450;
  let personCount = 0;

  const insert = async (sql: string, params: unknown[]): Promise<Record<string, string>> =>
    (await owner.query(sql, params)).rows[0] as Record<string, string>;
  const newPerson = async (regionId: string): Promise<Record<string, string>> => {
    personCount += 1;
    const birthDate = `19${50 + (personCount % 40)}-0${1 + (personCount % 9)}-1${personCount % 10}`;
    const sex = personCount % 2 === 0 ? 'FEMALE' : 'MALE';
    const residentId = generateResidentId({ regionCode: '330199', birthDate, sex, sequence: sequence++ });
    const hmac = createHmac('sha256', 'oracle').update(residentId).digest();
    return insert(
      `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date)
       values ($1, $1, $2, $3, $4, $5, $6) returning id, region_path::text`,
      [regionId, `测试人员${personCount}`, residentId, hmac, sex, birthDate],
    );
  };

  const association = async (region: { id: string; code: string; level: string }, suffix: string) => {
    const level = region.level;
    const kind = level === 'VILLAGE' ? 'VILLAGE' : 'REGIONAL';
    const row = await insert(
      `insert into association (region_id, code, name, level, kind) values ($1, $2, $3, $4, $5)
       returning id, region_path::text`,
      [region.id, `${region.code}-${suffix}`, `测试协会${region.code}${suffix}`, level, kind],
    );
    rows.push({ table: 'association', key: { id: row.id as string }, regionPath: row.region_path as string });
    return row;
  };

  await association({ id: county.id, code: county.code, level: 'COUNTY' }, 'A');
  for (const [townshipCode, villageCount] of TOWNSHIP_PICKS) {
    const township = (await owner.query(`select id, code, level from region where code = $1`, [townshipCode]))
      .rows[0];
    await association(township, 'A');
    const villages = (
      await owner.query(
        `select id, code, level, path::text from region where parent_id = $1 and level = 'VILLAGE'
          order by code limit $2`,
        [township.id, villageCount],
      )
    ).rows;
    for (const village of villages) {
      const clerk = (
        await owner.query(`select id from app_user where region_id = $1 and role = 'VILLAGE_CLERK'`, [
          village.id,
        ])
      ).rows[0];
      const assoc = await association(village, 'A');
      const path = assoc.region_path as string;
      const push = (table: string, key: Record<string, string>, extra: Partial<OracleRow> = {}) =>
        rows.push({ table, key, regionPath: path, ...extra });

      const group = await insert(
        `insert into member_group (association_id, region_id, name) values ($1, $2, '第一小组') returning id`,
        [assoc.id, village.id],
      );
      push('member_group', { id: group.id as string });
      const spareGroup = await insert(
        `insert into member_group (association_id, region_id, name) values ($1, $2, '空小组') returning id`,
        [assoc.id, village.id],
      );
      push('member_group', { id: spareGroup.id as string }, { spare: true });

      const persons = [];
      for (let i = 0; i < 3; i++) persons.push(await newPerson(village.id));
      for (const person of persons) push('person', { id: person.id as string });
      const household = async (n: string) => {
        const row = await insert(
          `insert into household (region_id, code, planning_status) values ($1, $2, 'ONLY_CHILD') returning id`,
          [village.id, `${village.code}-${n}`],
        );
        push('household', { id: row.id as string });
        return row;
      };
      const contacted = await household('9001');
      const spareHousehold = await household('9002');
      const sensitive = await household('9003');
      await owner.query(
        `insert into household_sensitive_status (household_id, region_id, status) values ($1, $2, 'ONLY_CHILD_DIED')`,
        [sensitive.id, village.id],
      );
      push('household_sensitive_status', { household_id: sensitive.id as string });

      const member = await insert(
        `insert into member (association_id, region_id, person_id, group_id, card_number)
         values ($1, $2, $3, $4, $5) returning id`,
        [assoc.id, village.id, persons[0]?.id, group.id, `ORC-${village.code}`],
      );
      push('member', { id: member.id as string });
      await owner.query(
        `insert into contact_household (member_id, household_id, region_id) values ($1, $2, $3)`,
        [member.id, contacted.id, village.id],
      );
      push('contact_household', { member_id: member.id as string, household_id: contacted.id as string });

      const activity = await insert(
        `insert into activity (association_id, region_id, kind, held_on, title, participants)
         values ($1, $2, 'MEMBER_DAY', '2026-05-29', '会员活动日', 40) returning id`,
        [assoc.id, village.id],
      );
      push('activity', { id: activity.id as string });
      const project = await insert(
        `insert into project (association_id, region_id, kind, name, start_on, budget_fen)
         values ($1, $2, 'BIRTH_CARE', '生育关怀项目', '2025-01-01', 1000000) returning id`,
        [assoc.id, village.id],
      );
      push('project', { id: project.id as string });
      const evaluation = await insert(
        `insert into evaluation (association_id, region_id, evaluated_on, items, evaluated_by)
         values ($1, $2, '2026-03-01', '[{"code":"VENUE","passed":true}]', $3) returning id`,
        [assoc.id, village.id, countyAdmin.id],
      );
      push('evaluation', { id: evaluation.id as string });
      for (const creator of [clerk.id, countyAdmin.id]) {
        const job = await insert(
          `insert into import_job (region_id, kind, file_name, file_sha256, file_bytes, format, created_by)
           values ($1, 'PERSONS', 'roster.csv', repeat('a', 64), 10, 'CSV', $2) returning id`,
          [village.id, creator],
        );
        push('import_job', { id: job.id as string }, { createdBy: creator });
      }
      const [a, b] = [persons[1]?.id as string, persons[2]?.id as string].sort();
      const flag = await insert(
        `insert into person_duplicate_flag (person_a_id, person_b_id, region_id, reason)
         values ($1, $2, $3, 'SAME_NAME_AND_BIRTH_DATE') returning id, region_path::text`,
        [a, b, county.id],
      );
      rows.push({
        table: 'person_duplicate_flag',
        key: { id: flag.id as string },
        regionPath: flag.region_path as string,
      });

      targets.push({
        villageId: village.id,
        villageCode: village.code,
        villagePath: village.path,
        associationId: assoc.id as string,
        sparePersonId: persons[1]?.id as string,
        memberId: member.id as string,
        spareHouseholdId: spareHousehold.id as string,
      });
    }
  }

  // Regions themselves are read by everyone above and below them.
  const regionRows = await owner.query(
    `select id, path::text from region where level in ('COUNTY', 'TOWNSHIP') or id = any ($1)`,
    [targets.map((target) => target.villageId)],
  );
  for (const region of regionRows.rows)
    rows.push({ table: 'region', key: { id: region.id }, regionPath: region.path });

  const admins = (
    await owner.query(
      `select u.username, u.id, u.role, r.path::text as scope from app_user u join region r on r.id = u.region_id
        where u.username like 'county.%' or u.username in ('township.102', 'township.103', 'township.104')
           or u.region_id = any ($1)
        order by u.username`,
      [targets.map((target) => target.villageId)],
    )
  ).rows as OracleAdmin[];
  return { admins, rows, targets };
}
