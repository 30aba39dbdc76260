import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type KeysetSort, keysetPage } from '../../db/keyset-page.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { isUuid } from '../../validation/field-checks.ts';
import {
  type AssociationInScope,
  dateSort,
  executeOrConflict,
  findAssociationInScope,
  timestampSort,
} from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole } from '../identity/actor.ts';
import type { Role } from '../identity/session-user.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import {
  type EvaluationFields,
  type EvaluationItemAnswer,
  validateEvaluationFields,
} from './evaluation.validation.ts';

const EVALUATION = { zh: '评估记录', en: 'Evaluation' };
/** Evaluations are made by the level above: county and township admins (the database agrees). */
const EVALUATOR_ROLES: readonly Role[] = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN'];
const ALREADY_RE_EVALUATED = {
  field: 'evaluationId',
  messageZh: '该评估已有复评记录，请对复评结果再行复评',
  messageEn: 'This evaluation was already re-evaluated; re-evaluate the later one instead',
};

export interface EvaluationView {
  id: string;
  associationId: string;
  associationCode: string;
  associationName: string;
  regionId: string;
  evaluatedOn: string;
  items: EvaluationItemAnswer[];
  passed: boolean;
  score: number | null;
  rectificationDeadline: string | null;
  /** Failed and not yet re-evaluated. */
  rectificationDue: boolean;
  reEvaluationOfId: string | null;
  reEvaluationId: string | null;
  evaluatedById: string;
  createdAt: Date;
}

export interface Evaluator {
  displayName: string;
  role: Role;
  region: { id: string; code: string; name: string; level: string };
}

export type EvaluationSortField = 'EVALUATED_ON' | 'CREATED';
export interface EvaluationFilter {
  associationId?: string | null;
  regionCode?: string | null;
  passed?: boolean | null;
  rectificationDue?: boolean | null;
  year?: number | null;
}
export interface EvaluationOrder {
  field: EvaluationSortField;
  direction: 'ASC' | 'DESC';
}

const SORTS: Record<EvaluationSortField, KeysetSort> = {
  EVALUATED_ON: dateSort('e.evaluated_on'),
  CREATED: timestampSort('e.created_at'),
};

// `later` is the re-evaluation of `e`, if any: at most one per evaluation (a unique index).
const EVALUATION_COLUMNS = `e.id, e.association_id, s.code as association_code, s.name as association_name,
  e.region_id, e.evaluated_on::text as evaluated_on, e.items, e.passed, e.score,
  e.rectification_deadline::text as rectification_deadline, e.re_evaluation_of, later.id as re_evaluation_id,
  (not e.passed and later.id is null) as rectification_due, e.evaluated_by, e.created_at`;
const EVALUATION_FROM = `from evaluation e join association s on s.id = e.association_id
  left join evaluation later on later.re_evaluation_of = e.id`;

interface EvaluationRow {
  id: string;
  association_id: string;
  association_code: string;
  association_name: string;
  region_id: string;
  evaluated_on: string;
  items: { code: string; passed: boolean; note?: string | null }[];
  passed: boolean;
  score: number | null;
  rectification_deadline: string | null;
  re_evaluation_of: string | null;
  re_evaluation_id: string | null;
  rectification_due: boolean;
  evaluated_by: string;
  created_at: Date | string;
}

function toView(row: EvaluationRow): EvaluationView {
  return {
    id: row.id,
    associationId: row.association_id,
    associationCode: row.association_code,
    associationName: row.association_name,
    regionId: row.region_id,
    evaluatedOn: row.evaluated_on,
    items: row.items.map((item) => ({
      code: item.code,
      passed: item.passed === true,
      note: item.note ?? null,
    })),
    passed: row.passed,
    score: row.score,
    rectificationDeadline: row.rectification_deadline,
    rectificationDue: row.rectification_due,
    reEvaluationOfId: row.re_evaluation_of,
    reEvaluationId: row.re_evaluation_id,
    evaluatedById: row.evaluated_by,
    createdAt: new Date(row.created_at),
  };
}

/**
 * Evaluations (评估认定) of associations against the checklist, made by the level above and kept as
 * an insert-only history: a failed evaluation carries a rectification deadline and is answered by
 * one re-evaluation, which may fail in turn and be re-evaluated again.
 */
export class EvaluationService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<EvaluationView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: EvaluationFilter = {},
    order: EvaluationOrder = { field: 'EVALUATED_ON', direction: 'DESC' },
  ): Promise<Page<EvaluationView>> {
    const size = pageSize(page.first);
    const sort = SORTS[order.field];
    const direction = order.direction === 'ASC' ? 'asc' : 'desc';
    const year = filter.year ?? null;
    if (year !== null && (!Number.isInteger(year) || year < 1980 || year > 2200)) {
      throw badInput('filter.year', '年份应在 1980–2200 之间', 'Year must be between 1980 and 2200');
    }
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
        where.push('e.association_id = ?');
        params.push(association.id);
      }
      if (filter.regionCode) {
        where.push('e.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      if (filter.passed != null) {
        where.push(filter.passed ? 'e.passed' : 'not e.passed');
      }
      if (filter.rectificationDue != null) {
        where.push(
          filter.rectificationDue
            ? '(not e.passed and later.id is null)'
            : '(e.passed or later.id is not null)',
        );
      }
      if (year !== null) {
        where.push('e.evaluated_on >= make_date(?, 1, 1) and e.evaluated_on < make_date(?, 1, 1)');
        params.push(year, year + 1);
      }
      return keysetPage(em, {
        from: EVALUATION_FROM,
        columns: EVALUATION_COLUMNS,
        where,
        params,
        sort,
        idColumn: 'e.id',
        direction,
        size,
        after: page.after,
        mapRow: (row: EvaluationRow) => toView(row),
      });
    });
  }

  /** Evaluations by id, for the `reEvaluationOf` / `reEvaluation` loaders (null where not visible). */
  async byIds(actor: Actor, ids: readonly string[]): Promise<(EvaluationView | null)[]> {
    const rows = await scopedRead<EvaluationRow>(
      this.orm,
      actor.user,
      `select ${EVALUATION_COLUMNS} ${EVALUATION_FROM} where e.id = any (?::uuid[])`,
      [sqlArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toView(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Name, role and region of the admins who evaluated, for the `evaluatedBy` loader. The app role
   * cannot read the user table; `evaluator_names` answers for county and township admins only.
   */
  async evaluators(actor: Actor, userIds: readonly string[]): Promise<(Evaluator | null)[]> {
    const rows = await scopedRead<{
      user_id: string;
      display_name: string;
      role: Role;
      region_id: string;
      region_code: string;
      region_name: string;
      region_level: string;
    }>(
      this.orm,
      actor.user,
      `select e.user_id, e.display_name, e.role, r.id as region_id, r.code as region_code,
              r.name as region_name, r.level as region_level
         from evaluator_names(?::uuid[]) e
         join region r on r.id = e.region_id`,
      [sqlArray(userIds)],
    );
    const byId = new Map(
      rows.map((row) => [
        row.user_id,
        {
          displayName: row.display_name,
          role: row.role,
          region: {
            id: row.region_id,
            code: row.region_code,
            name: row.region_name,
            level: row.region_level,
          },
        },
      ]),
    );
    return userIds.map((id) => byId.get(id) ?? null);
  }

  async record(actor: Actor, associationId: string, input: EvaluationFields): Promise<EvaluationView> {
    requireRole(actor, EVALUATOR_ROLES);
    const fields = validateEvaluationFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const association = await findAssociationInScope(em, actor, associationId, 'input.associationId');
      assertEvaluatedFromAbove(actor, association, 'input.associationId');
      const view = await this.insert(em, actor, association, fields, null);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'evaluation.record',
        entity: 'evaluation',
        entityId: view.id,
        regionPath: association.regionPath,
        after: view,
      });
      return view;
    });
  }

  /** The re-assessment after rectification: only of a failed evaluation, later than it, once. */
  async recordReEvaluation(
    actor: Actor,
    evaluationId: string,
    input: EvaluationFields,
  ): Promise<EvaluationView> {
    requireRole(actor, EVALUATOR_ROLES);
    const fields = validateEvaluationFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const original = await this.load(em, evaluationId, 'evaluationId');
      const association = await findAssociationInScope(em, actor, original.associationId, 'evaluationId');
      assertEvaluatedFromAbove(actor, association, 'evaluationId');
      if (original.passed) {
        throw new DomainError({
          code: 'INVALID_STATE',
          field: 'evaluationId',
          messageZh: '该评估已通过，无需复评',
          messageEn: 'This evaluation passed; only a failed one is re-evaluated',
        });
      }
      if (original.reEvaluationId) throw new DomainError({ code: 'CONFLICT', ...ALREADY_RE_EVALUATED });
      if (fields.evaluatedOn <= original.evaluatedOn) {
        throw badInput(
          'input.evaluatedOn',
          '复评日期应晚于原评估日期',
          'A re-evaluation must be dated after the evaluation it follows',
        );
      }
      const view = await this.insert(em, actor, association, fields, original.id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'evaluation.re_evaluate',
        entity: 'evaluation',
        entityId: view.id,
        regionPath: association.regionPath,
        before: original,
        after: view,
      });
      return view;
    });
  }

  private async insert(
    em: EntityManager,
    actor: Actor,
    association: AssociationInScope,
    fields: EvaluationFields,
    reEvaluationOf: string | null,
  ): Promise<EvaluationView> {
    // The database derives `passed` from the items itself (a generated column): no caller can set it.
    const [inserted] = await executeOrConflict<{ id: string }>(
      em,
      `insert into evaluation (association_id, region_id, evaluated_on, items, score, rectification_deadline,
                               re_evaluation_of, evaluated_by)
       values (?, ?, ?::date, ?::jsonb, ?::int, ?::date, ?::uuid, ?)
       returning id`,
      [
        association.id,
        association.regionId,
        fields.evaluatedOn,
        JSON.stringify(fields.items),
        fields.score,
        fields.rectificationDeadline,
        reEvaluationOf,
        actor.user.id,
      ],
      ALREADY_RE_EVALUATED,
    );
    return this.load(em, (inserted as { id: string }).id);
  }

  private async load(em: EntityManager, id: string, field = 'id'): Promise<EvaluationView> {
    if (!isUuid(id)) throw notFound(EVALUATION, field);
    const [row] = (await em.execute(`select ${EVALUATION_COLUMNS} ${EVALUATION_FROM} where e.id = ?`, [
      id,
    ])) as EvaluationRow[];
    if (!row) throw notFound(EVALUATION, field);
    return toView(row);
  }
}

/**
 * An association is assessed by the level above it: a township admin assesses its villages' (and
 * enterprises') associations, the county its townships' and villages'. No admin assesses the
 * association of their own region.
 */
function assertEvaluatedFromAbove(actor: Actor, association: AssociationInScope, field: string): void {
  if (association.regionPath === actor.user.regionPath) {
    throw new DomainError({
      code: 'FORBIDDEN',
      field,
      messageZh: '不能评估本级协会，评估由上一级协会进行',
      messageEn: 'An association is evaluated by the level above; you cannot evaluate one at your own level',
    });
  }
}
