import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { containsPattern } from '../../db/contains-pattern.ts';
import { type KeysetSort, keysetPage } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { filterDate, isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import { ACTIVITY_KINDS, type ActivityKind } from './activity.type.ts';
import { type ActivityFields, validateActivityFields } from './activity.validation.ts';
import {
  dateSort,
  executeOrConflict,
  findAssociationInScope,
  staleVersion,
  timestampSort,
} from './work-record-sql.ts';

const ACTIVITY = { zh: '活动记录', en: 'Activity' };
const DUPLICATE_ACTIVITY = {
  field: 'input.title',
  messageZh: '该协会当天已记录同类同名的活动',
  messageEn: 'This association already recorded an activity of that kind and title on that day',
};

export interface ActivityView {
  id: string;
  associationId: string;
  associationCode: string;
  associationName: string;
  regionId: string;
  kind: ActivityKind;
  heldOn: string;
  title: string;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type ActivitySortField = 'HELD_ON' | 'CREATED';
export interface ActivityFilter {
  associationId?: string | null;
  /** The region and everything below it. */
  regionCode?: string | null;
  kind?: ActivityKind | null;
  from?: string | null;
  to?: string | null;
  /** Words in the title. */
  search?: string | null;
}
export interface ActivityOrder {
  field: ActivitySortField;
  direction: 'ASC' | 'DESC';
}

export interface ActivityKindTotals {
  kind: ActivityKind;
  activities: number;
  participants: number;
  leaflets: number;
  consultations: number;
  peopleScreened: number;
}

const SORTS: Record<ActivitySortField, KeysetSort> = {
  HELD_ON: dateSort('a.held_on'),
  CREATED: timestampSort('a.created_at'),
};

const ACTIVITY_COLUMNS = `a.id, a.association_id, s.code as association_code, s.name as association_name,
  a.region_id, a.kind, a.held_on::text as held_on, a.title, a.participants, a.leaflets, a.consultations,
  a.people_screened, a.created_at, a.updated_at, a.version`;
const ACTIVITY_FROM = 'from activity a join association s on s.id = a.association_id';

interface ActivityRow {
  id: string;
  association_id: string;
  association_code: string;
  association_name: string;
  region_id: string;
  kind: ActivityKind;
  held_on: string;
  title: string;
  participants: number;
  leaflets: number;
  consultations: number;
  people_screened: number;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

function toView(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    associationId: row.association_id,
    associationCode: row.association_code,
    associationName: row.association_name,
    regionId: row.region_id,
    kind: row.kind,
    heldOn: row.held_on,
    title: row.title,
    participants: row.participants,
    leaflets: row.leaflets,
    consultations: row.consultations,
    peopleScreened: row.people_screened,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

/**
 * Activities (活动) of associations: recorded by the admins of the association's region or above
 * (a village clerk for their own village's associations), corrected or deleted with the version
 * they saw, and summed per kind.
 */
export class ActivityService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<ActivityView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: ActivityFilter = {},
    order: ActivityOrder = { field: 'HELD_ON', direction: 'DESC' },
  ): Promise<Page<ActivityView>> {
    const size = pageSize(page.first);
    const sort = SORTS[order.field];
    const direction = order.direction === 'ASC' ? 'asc' : 'desc';
    const from = filterDate('filter.from', filter.from);
    const to = filterDate('filter.to', filter.to);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.associationId) {
        const association = await findAssociationInScope(
          em,
          actor,
          filter.associationId,
          'filter.associationId',
        );
        where.push('a.association_id = ?');
        params.push(association.id);
      }
      if (filter.regionCode) {
        where.push(inRegionSubtree('a'));
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      if (filter.kind) {
        where.push('a.kind = ?');
        params.push(filter.kind);
      }
      if (from) {
        where.push('a.held_on >= ?::date');
        params.push(from);
      }
      if (to) {
        where.push('a.held_on <= ?::date');
        params.push(to);
      }
      if (filter.search?.trim()) {
        where.push('a.title ilike ?');
        params.push(containsPattern(filter.search.trim()));
      }
      return keysetPage(em, {
        from: ACTIVITY_FROM,
        countFrom: 'from activity a',
        columns: ACTIVITY_COLUMNS,
        where,
        params,
        sort,
        idColumn: 'a.id',
        direction,
        size,
        after: page.after,
        mapRow: (row: ActivityRow) => toView(row),
      });
    });
  }

  /**
   * Per kind: how many activities and the sums of their four figures, within a region subtree
   * (default: the caller's) and a date range. Every kind is listed, with zeros when none was held.
   */
  async totals(
    actor: Actor,
    regionCode: string | null | undefined,
    fromInput: string | null | undefined,
    toInput: string | null | undefined,
  ): Promise<ActivityKindTotals[]> {
    const from = filterDate('from', fromInput);
    const to = filterDate('to', toInput);
    if (from && to && from > to) {
      throw badInput('to', '结束日期不能早于开始日期', 'The end date cannot precede the start date');
    }
    return withScope(this.orm, actor.user, async (em) => {
      const path = regionCode
        ? (await findRegionRowInScope(em, actor, regionCode, 'regionCode')).path
        : actor.user.regionPath;
      const rows = (await em.execute(
        `select k.kind, count(a.id)::int as activities,
                coalesce(sum(a.participants), 0)::text as participants,
                coalesce(sum(a.leaflets), 0)::text as leaflets,
                coalesce(sum(a.consultations), 0)::text as consultations,
                coalesce(sum(a.people_screened), 0)::text as people_screened
           from unnest(?::text[]) with ordinality as k (kind, position)
           left join activity a on a.kind = k.kind and a.region_path <@ ?::ltree
                and (?::date is null or a.held_on >= ?::date) and (?::date is null or a.held_on <= ?::date)
          group by k.kind, k.position
          order by k.position`,
        [sqlArray(ACTIVITY_KINDS), path, from, from, to, to],
      )) as {
        kind: ActivityKind;
        activities: number;
        participants: string;
        leaflets: string;
        consultations: string;
        people_screened: string;
      }[];
      return rows.map((row) => ({
        kind: row.kind,
        activities: row.activities,
        participants: Number(row.participants),
        leaflets: Number(row.leaflets),
        consultations: Number(row.consultations),
        peopleScreened: Number(row.people_screened),
      }));
    });
  }

  async record(actor: Actor, input: ActivityFields): Promise<ActivityView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateActivityFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const association = await findAssociationInScope(
        em,
        actor,
        fields.associationId,
        'input.associationId',
      );
      const [inserted] = await executeOrConflict<{ id: string }>(
        em,
        `insert into activity (association_id, region_id, kind, held_on, title, participants, leaflets,
                               consultations, people_screened, created_by, updated_by)
         values (?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?)
         returning id`,
        [
          association.id,
          association.regionId,
          fields.kind,
          fields.heldOn,
          fields.title,
          fields.participants,
          fields.leaflets,
          fields.consultations,
          fields.peopleScreened,
          actor.user.id,
          actor.user.id,
        ],
        DUPLICATE_ACTIVITY,
      );
      const view = await this.load(em, (inserted as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'activity.record',
        entity: 'activity',
        entityId: view.id,
        regionPath: association.regionPath,
        after: view,
      });
      return view;
    });
  }

  /** A correction: every field may change, the association too (within the caller's subtree). */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: ActivityFields,
  ): Promise<ActivityView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateActivityFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const before = await this.lockForChange(em, id, expectedVersion);
      const association = await findAssociationInScope(
        em,
        actor,
        fields.associationId,
        'input.associationId',
      );
      await executeOrConflict(
        em,
        `update activity
            set association_id = ?, region_id = ?, kind = ?, held_on = ?::date, title = ?, participants = ?,
                leaflets = ?, consultations = ?, people_screened = ?, updated_by = ?, updated_at = now(),
                version = version + 1
          where id = ?`,
        [
          association.id,
          association.regionId,
          fields.kind,
          fields.heldOn,
          fields.title,
          fields.participants,
          fields.leaflets,
          fields.consultations,
          fields.peopleScreened,
          actor.user.id,
          id,
        ],
        DUPLICATE_ACTIVITY,
      );
      const after = await this.load(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'activity.update',
        entity: 'activity',
        entityId: id,
        regionPath: association.regionPath,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes an activity recorded by mistake; the audit log keeps the digest of what it was. */
  async delete(actor: Actor, id: string, expectedVersion: number): Promise<string> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const before = await this.lockForChange(em, id, expectedVersion);
      const [{ region_path: regionPath } = { region_path: '' }] = (await em.execute(
        'delete from activity where id = ? returning region_path::text as region_path',
        [id],
      )) as { region_path: string }[];
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'activity.delete',
        entity: 'activity',
        entityId: id,
        regionPath,
        before,
      });
      return id;
    });
  }

  /** The activity as it stands, locked; NOT_FOUND outside the caller's reach, CONFLICT when stale. */
  private async lockForChange(em: EntityManager, id: string, expectedVersion: number): Promise<ActivityView> {
    if (!isUuid(id)) throw notFound(ACTIVITY, 'id');
    const [locked] = (await em.execute('select version from activity where id = ? for update', [id])) as {
      version: number;
    }[];
    if (!locked) throw notFound(ACTIVITY, 'id');
    if (locked.version !== expectedVersion) throw staleVersion(ACTIVITY);
    return this.load(em, id);
  }

  private async load(em: EntityManager, id: string): Promise<ActivityView> {
    if (!isUuid(id)) throw notFound(ACTIVITY, 'id');
    const [row] = (await em.execute(`select ${ACTIVITY_COLUMNS} ${ACTIVITY_FROM} where a.id = ?`, [
      id,
    ])) as ActivityRow[];
    if (!row) throw notFound(ACTIVITY, 'id');
    return toView(row);
  }
}
