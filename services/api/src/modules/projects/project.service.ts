import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type KeysetSort, keysetPage, textSort } from '../../db/keyset-page.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { filterDate, isUuid } from '../../validation/field-checks.ts';
import {
  dateSort,
  executeOrConflict,
  findAssociationInScope,
  staleVersion,
  timestampSort,
} from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';

import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import type { ProjectKind } from './project.type.ts';
import { type ProjectFields, validateProjectFields } from './project.validation.ts';

const PROJECT = { zh: '项目', en: 'Project' };
const DUPLICATE_NAME = {
  field: 'input.name',
  messageZh: '该协会已有同名项目',
  messageEn: 'This association already has a project with that name',
};

export interface ProjectView {
  id: string;
  associationId: string;
  associationCode: string;
  associationName: string;
  regionId: string;
  kind: ProjectKind;
  name: string;
  startOn: string;
  endOn: string | null;
  budgetFen: string;
  householdsHelped: number;
  incomeChangeFen: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type ProjectSortField = 'START_ON' | 'NAME' | 'CREATED';
export interface ProjectFilter {
  associationId?: string | null;
  regionCode?: string | null;
  kind?: ProjectKind | null;
  /** Running on that day: started on or before it and not ended before it. */
  activeOn?: string | null;
}
export interface ProjectOrder {
  field: ProjectSortField;
  direction: 'ASC' | 'DESC';
}

const SORTS: Record<ProjectSortField, KeysetSort> = {
  START_ON: dateSort('p.start_on'),
  NAME: textSort('p.name'),
  CREATED: timestampSort('p.created_at'),
};

// Money leaves the database as text: a bigint never passes through a floating-point number.
const PROJECT_COLUMNS = `p.id, p.association_id, s.code as association_code, s.name as association_name,
  p.region_id, p.kind, p.name, p.start_on::text as start_on, p.end_on::text as end_on,
  p.budget_fen::text as budget_fen, p.households_helped, p.income_change_fen::text as income_change_fen,
  p.created_at, p.updated_at, p.version`;
const PROJECT_FROM = 'from project p join association s on s.id = p.association_id';

interface ProjectRow {
  id: string;
  association_id: string;
  association_code: string;
  association_name: string;
  region_id: string;
  kind: ProjectKind;
  name: string;
  start_on: string;
  end_on: string | null;
  budget_fen: string;
  households_helped: number;
  income_change_fen: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

function toView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    associationId: row.association_id,
    associationCode: row.association_code,
    associationName: row.association_name,
    regionId: row.region_id,
    kind: row.kind,
    name: row.name,
    startOn: row.start_on,
    endOn: row.end_on,
    budgetFen: row.budget_fen,
    householdsHelped: row.households_helped,
    incomeChangeFen: row.income_change_fen,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

/**
 * Projects (项目) of associations: 少生快富, 计生三结合, 生育关怀, 幸福工程, 青春健康, with their budget,
 * the households helped and the change in those households' income.
 */
export class ProjectService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<ProjectView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: ProjectFilter = {},
    order: ProjectOrder = { field: 'START_ON', direction: 'DESC' },
  ): Promise<Page<ProjectView>> {
    const size = pageSize(page.first);
    const sort = SORTS[order.field];
    const direction = order.direction === 'ASC' ? 'asc' : 'desc';
    const activeOn = filterDate('filter.activeOn', filter.activeOn);
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
        where.push('p.association_id = ?');
        params.push(association.id);
      }
      if (filter.regionCode) {
        where.push('p.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      if (filter.kind) {
        where.push('p.kind = ?');
        params.push(filter.kind);
      }
      if (activeOn) {
        where.push('p.start_on <= ?::date and (p.end_on is null or p.end_on >= ?::date)');
        params.push(activeOn, activeOn);
      }
      return keysetPage(em, {
        from: PROJECT_FROM,
        countFrom: 'from project p',
        columns: PROJECT_COLUMNS,
        where,
        params,
        sort,
        idColumn: 'p.id',
        direction,
        size,
        after: page.after,
        mapRow: (row: ProjectRow) => toView(row),
      });
    });
  }

  async create(actor: Actor, input: ProjectFields): Promise<ProjectView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateProjectFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const association = await findAssociationInScope(
        em,
        actor,
        fields.associationId,
        'input.associationId',
      );
      const [inserted] = await executeOrConflict<{ id: string }>(
        em,
        `insert into project (association_id, region_id, kind, name, start_on, end_on, budget_fen,
                              households_helped, income_change_fen, created_by, updated_by)
         values (?, ?, ?, ?, ?::date, ?::date, ?::bigint, ?, ?::bigint, ?, ?)
         returning id`,
        [
          association.id,
          association.regionId,
          fields.kind,
          fields.name,
          fields.startOn,
          fields.endOn,
          fields.budgetFen,
          fields.householdsHelped,
          fields.incomeChangeFen,
          actor.user.id,
          actor.user.id,
        ],
        DUPLICATE_NAME,
      );
      const view = await this.load(em, (inserted as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'project.create',
        entity: 'project',
        entityId: view.id,
        regionPath: association.regionPath,
        after: view,
      });
      return view;
    });
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: ProjectFields,
  ): Promise<ProjectView> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateProjectFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(id)) throw notFound(PROJECT, 'id');
      const [locked] = (await em.execute('select version from project where id = ? for update', [id])) as {
        version: number;
      }[];
      if (!locked) throw notFound(PROJECT, 'id');
      if (locked.version !== expectedVersion) throw staleVersion(PROJECT);
      const before = await this.load(em, id);
      const association = await findAssociationInScope(
        em,
        actor,
        fields.associationId,
        'input.associationId',
      );
      await executeOrConflict(
        em,
        `update project
            set association_id = ?, region_id = ?, kind = ?, name = ?, start_on = ?::date, end_on = ?::date,
                budget_fen = ?::bigint, households_helped = ?, income_change_fen = ?::bigint, updated_by = ?,
                updated_at = now(), version = version + 1
          where id = ?`,
        [
          association.id,
          association.regionId,
          fields.kind,
          fields.name,
          fields.startOn,
          fields.endOn,
          fields.budgetFen,
          fields.householdsHelped,
          fields.incomeChangeFen,
          actor.user.id,
          id,
        ],
        DUPLICATE_NAME,
      );
      const after = await this.load(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'project.update',
        entity: 'project',
        entityId: id,
        regionPath: association.regionPath,
        before,
        after,
      });
      return after;
    });
  }

  private async load(em: EntityManager, id: string): Promise<ProjectView> {
    if (!isUuid(id)) throw notFound(PROJECT, 'id');
    const [row] = (await em.execute(`select ${PROJECT_COLUMNS} ${PROJECT_FROM} where p.id = ?`, [
      id,
    ])) as ProjectRow[];
    if (!row) throw notFound(PROJECT, 'id');
    return toView(row);
  }
}
