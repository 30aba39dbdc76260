import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { containsPattern } from '../../db/contains-pattern.ts';
import { executeOrConflict } from '../../db/execute-or-conflict.ts';
import { keysetPage, textSort } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import type { SessionUser } from '../identity/session-user.ts';
import { pastDate } from '../persons/person.validation.ts';
import { findRegionRowInScope, type RegionRow } from '../regions/region.service.ts';
import { HOUSEHOLD_COLUMNS, type HouseholdRow } from './household.type.ts';

const HOUSEHOLD = { zh: '户', en: 'Household' };
const HOUSEHOLD_CODE = /^([0-9]{12})-[0-9]{4}$/;
const PLANNING_STATUSES = ['NONE', 'ONLY_CHILD', 'TWO_DAUGHTERS'] as const;

export type PlanningStatus = (typeof PLANNING_STATUSES)[number];
export type SensitiveStatus = 'ONLY_CHILD_DIED' | 'ONLY_CHILD_DISABLED';

export interface HouseholdFields {
  /** The village or villager group the household is filed under. */
  regionCode: string;
  /** `<12-digit village code>-<4 digits>`. */
  code: string;
  planningStatus?: PlanningStatus | null;
  inDifficulty?: boolean | null;
}

interface CheckedHouseholdFields {
  regionCode: string;
  code: string;
  planningStatus: PlanningStatus;
  inDifficulty: boolean;
}

export interface HouseholdFilter {
  regionCode?: string | null;
  planningStatus?: PlanningStatus | null;
  inDifficulty?: boolean | null;
  /** Part of the household number. */
  search?: string | null;
}

export type HouseholdSortField = 'CODE' | 'CREATED';
export interface HouseholdOrder {
  field: HouseholdSortField;
  direction: 'ASC' | 'DESC';
}

export interface SensitiveStatusRow {
  household_id: string;
  status: SensitiveStatus;
  since: string | null;
}

const SORT_COLUMNS: Record<HouseholdSortField, string> = {
  CODE: 'h.code',
  CREATED: `to_char(h.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

const DUPLICATE_CODE = {
  household_code_key: {
    field: 'input.code',
    messageZh: '该户编号已存在',
    messageEn: 'This household number already exists',
  },
};

function depth(path: string): number {
  return path.split('.').length;
}

/**
 * Who may read the sensitive statuses (only child died / disabled): county admins and auditors with
 * a county-wide scope, and township admins (for their own township's households). The same rule as
 * the database's `app_reads_sensitive()`; the service applies it first so that for anyone else the
 * table is never even queried.
 */
export function mayReadSensitive(user: Pick<SessionUser, 'role' | 'regionPath'>): boolean {
  const level = depth(user.regionPath);
  return (
    ((user.role === 'COUNTY_ADMIN' || user.role === 'AUDITOR') && level === 1) ||
    (user.role === 'TOWNSHIP_ADMIN' && level === 2)
  );
}

/** Who may record them: county admins and township admins (`app_writes_sensitive()`). */
export function mayWriteSensitive(user: Pick<SessionUser, 'role' | 'regionPath'>): boolean {
  const level = depth(user.regionPath);
  return (user.role === 'COUNTY_ADMIN' && level === 1) || (user.role === 'TOWNSHIP_ADMIN' && level === 2);
}

type LockedHousehold = HouseholdRow & { region_path: string };

/** Households (户) and their family-planning status, within the caller's scope. */
export class HouseholdService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<HouseholdRow> {
    return withScope(this.orm, actor.user, async (em) => {
      const [row] = isUuid(id) ? await rowsWhere(em, 'h.id = ?', [id]) : [];
      if (!row) throw notFound(HOUSEHOLD);
      return row;
    });
  }

  /** For batch loaders (ids out of scope are simply missing). */
  async byIds(actor: Actor, ids: readonly string[]): Promise<HouseholdRow[]> {
    return withScope(this.orm, actor.user, (em) => rowsWhere(em, 'h.id = any(?::uuid[])', [sqlArray(ids)]));
  }

  /**
   * For batch loaders: the sensitive statuses of these households. For a caller who may not read
   * them this returns nothing without touching the table (the database would refuse them anyway).
   */
  async sensitiveStatuses(actor: Actor, householdIds: readonly string[]): Promise<SensitiveStatusRow[]> {
    if (!mayReadSensitive(actor.user)) return [];
    return withScope(
      this.orm,
      actor.user,
      async (em) =>
        (await em.execute(
          `select s.household_id, s.status, s.since::text as since from household_sensitive_status s
            where s.household_id = any(?::uuid[])`,
          [sqlArray(householdIds)],
        )) as SensitiveStatusRow[],
    );
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: HouseholdFilter = {},
    order: HouseholdOrder = { field: 'CODE', direction: 'ASC' },
  ): Promise<Page<HouseholdRow>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.regionCode) {
        const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
        where.push(inRegionSubtree('h'));
        params.push(region.path);
      }
      if (filter.planningStatus) {
        where.push('h.planning_status = ?');
        params.push(filter.planningStatus);
      }
      if (filter.inDifficulty != null) {
        where.push('h.in_difficulty = ?');
        params.push(filter.inDifficulty);
      }
      const search = filter.search?.trim();
      if (search) {
        where.push('h.code like ?');
        params.push(containsPattern(search));
      }
      return keysetPage(em, {
        from: 'from household h',
        columns: HOUSEHOLD_COLUMNS,
        where,
        params,
        sort: textSort(SORT_COLUMNS[order.field]),
        idColumn: 'h.id',
        direction: order.direction === 'DESC' ? 'desc' : 'asc',
        size,
        after: page.after,
        mapRow: (row: HouseholdRow) => row,
      });
    });
  }

  async create(actor: Actor, input: HouseholdFields): Promise<HouseholdRow> {
    requireRole(actor, WRITER_ROLES);
    const fields = checkFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await householdRegion(em, actor, fields);
      const [inserted] = (await executeOrConflict(
        em.execute(
          `insert into household (region_id, code, planning_status, in_difficulty, created_by, updated_by)
           values (?, ?, ?, ?, ?, ?) returning id`,
          [region.id, fields.code, fields.planningStatus, fields.inDifficulty, actor.user.id, actor.user.id],
        ),
        DUPLICATE_CODE,
      )) as { id: string }[];
      const after = await lock(em, inserted!.id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'household.create',
        entity: 'household',
        entityId: after.id,
        regionPath: after.region_path,
        after,
      });
      return withoutPath(after);
    });
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: HouseholdFields,
  ): Promise<HouseholdRow> {
    requireRole(actor, WRITER_ROLES);
    const fields = checkFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const before = await lock(em, id);
      if (before.version !== expectedVersion) {
        throw new DomainError({
          code: 'CONFLICT',
          field: 'expectedVersion',
          messageZh: '该户信息已被他人修改，请刷新后重试',
          messageEn: 'Someone else changed this household; reload and try again',
        });
      }
      const region = await householdRegion(em, actor, fields);
      await executeOrConflict(
        em.execute(
          `update household set region_id = ?, code = ?, planning_status = ?, in_difficulty = ?, updated_by = ?,
                  updated_at = now(), version = version + 1
            where id = ?`,
          [region.id, fields.code, fields.planningStatus, fields.inDifficulty, actor.user.id, id],
        ),
        DUPLICATE_CODE,
      );
      const after = await lock(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'household.update',
        entity: 'household',
        entityId: id,
        regionPath: after.region_path,
        before,
        after,
      });
      return withoutPath(after);
    });
  }

  /**
   * Records (or, with null, clears) that a household's only child died or is disabled. County and
   * township admins only, like the database's write policy on the separate table.
   */
  async setSensitiveStatus(
    actor: Actor,
    householdId: string,
    status: SensitiveStatus | null,
    since: string | null,
  ): Promise<HouseholdRow> {
    if (!mayWriteSensitive(actor.user)) {
      throw new DomainError({
        code: 'FORBIDDEN',
        messageZh: '只有县级和乡镇管理员可以登记敏感家庭状况',
        messageEn: 'Only county and township admins may record a sensitive household status',
      });
    }
    const sinceDate = since === null ? null : pastDate('since', since, '起始日期', 'Since');
    return withScope(this.orm, actor.user, async (em) => {
      const household = await lock(em, householdId);
      if (status === null) {
        await em.execute('delete from household_sensitive_status where household_id = ?', [householdId]);
      } else {
        await em.execute(
          `insert into household_sensitive_status (household_id, region_id, status, since, recorded_by)
           values (?, ?, ?, ?::date, ?)
           on conflict (household_id) do update
             set status = excluded.status, since = excluded.since, recorded_by = excluded.recorded_by,
                 recorded_at = now()`,
          [householdId, household.region_id, status, sinceDate, actor.user.id],
        );
      }
      // No before/after digests: with two possible values a digest is as good as the value itself.
      // The row sits at the township and is marked sensitive, so that neither village clerks nor a
      // township auditor can learn that such a status was recorded for a household of theirs.
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'household.setSensitiveStatus',
        entity: 'household',
        entityId: householdId,
        regionPath: household.region_path.split('.').slice(0, 2).join('.'),
        sensitive: true,
      });
      return withoutPath(household);
    });
  }
}

async function rowsWhere(em: EntityManager, condition: string, params: unknown[]): Promise<HouseholdRow[]> {
  return (await em.execute(
    `select ${HOUSEHOLD_COLUMNS} from household h where ${condition} order by h.code`,
    params,
  )) as HouseholdRow[];
}

async function lock(em: EntityManager, id: string): Promise<LockedHousehold> {
  const [row] = isUuid(id)
    ? ((await em.execute(
        `select ${HOUSEHOLD_COLUMNS}, h.region_path::text as region_path from household h where h.id = ? for update`,
        [id],
      )) as LockedHousehold[])
    : [];
  if (!row) throw notFound(HOUSEHOLD);
  return row;
}

function withoutPath({ region_path: _path, ...row }: LockedHousehold): HouseholdRow {
  return row;
}

function checkFields(input: HouseholdFields): CheckedHouseholdFields {
  const code = input.code.trim();
  if (!HOUSEHOLD_CODE.test(code)) {
    throw badInput(
      'input.code',
      '户编号格式应为“12 位村代码-4 位序号”，例如 330199101201-0001',
      'The household number must be the 12-digit village code, a hyphen and 4 digits',
    );
  }
  const planningStatus = input.planningStatus ?? 'NONE';
  if (!PLANNING_STATUSES.includes(planningStatus)) {
    throw badInput('input.planningStatus', '计生户类型无效', 'Unknown family-planning status');
  }
  return { regionCode: input.regionCode, code, planningStatus, inDifficulty: input.inDifficulty ?? false };
}

/** A household is filed under a village or one of its groups, and numbered after that village. */
async function householdRegion(
  em: EntityManager,
  actor: Actor,
  fields: CheckedHouseholdFields,
): Promise<RegionRow> {
  const region = await findRegionRowInScope(em, actor, fields.regionCode, 'input.regionCode');
  if (region.level !== 'VILLAGE' && region.level !== 'GROUP') {
    throw badInput(
      'input.regionCode',
      '户应登记在村（社区）或村民小组',
      'A household belongs to a village or a group',
    );
  }
  if (HOUSEHOLD_CODE.exec(fields.code)?.[1] !== region.code.slice(0, 12)) {
    throw badInput(
      'input.code',
      '户编号应以所在村的 12 位代码开头',
      "The household number must start with its village's code",
    );
  }
  return region;
}
