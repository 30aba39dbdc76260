import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { containsPattern } from '../../db/contains-pattern.ts';
import { executeOrConflict } from '../../db/execute-or-conflict.ts';
import { keysetPage, textSort } from '../../db/keyset-page.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid, requireText } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import {
  ASSOCIATION_COLUMNS,
  type AssociationKind,
  type AssociationLevel,
  type AssociationRow,
  type AssociationStanding,
  type AssociationType,
  type MemberGroupRow,
  type MemberGroupType,
  toAssociationType,
  toMemberGroupType,
} from './association.type.ts';
import {
  type AssociationFields,
  checkKindFitsLevel,
  type NewAssociationFields,
  validateAssociationFields,
  validateNewAssociation,
} from './association.validation.ts';

export const ASSOCIATION = { zh: '协会', en: 'Association' };
export const MEMBER_GROUP = { zh: '会员小组', en: 'Member group' };

export type AssociationSortField = 'NAME' | 'CODE' | 'FOUNDED_ON';
export interface AssociationFilter {
  /** The region and everything below it. */
  regionCode?: string | null;
  kind?: AssociationKind | null;
  standing?: AssociationStanding | null;
  level?: AssociationLevel | null;
  /** Words in the name or code. */
  search?: string | null;
}
export interface AssociationOrder {
  field: AssociationSortField;
  direction: 'ASC' | 'DESC';
}

const SORT_COLUMNS: Record<AssociationSortField, string> = {
  NAME: 'a.name',
  CODE: 'a.code',
  // Undated associations sort before (ascending) or after (descending) every dated one.
  FOUNDED_ON: "coalesce(a.founded_on::text, '')",
};

const SELECT_ASSOCIATION = `select ${ASSOCIATION_COLUMNS} from association a join region r on r.id = a.region_id`;

const CODE_TAKEN = {
  association_code_key: {
    field: 'input.code',
    messageZh: '该协会代码已被使用',
    messageEn: 'This association code is already in use',
  },
};
const GROUP_NAME_TAKEN = {
  member_group_association_id_name_key: {
    field: 'name',
    messageZh: '该协会已有同名的会员小组',
    messageEn: 'This association already has a member group of that name',
  },
};

const REGION_LEVEL_TO_ASSOCIATION: Record<string, AssociationLevel | undefined> = {
  COUNTY: 'COUNTY',
  TOWNSHIP: 'TOWNSHIP',
  VILLAGE: 'VILLAGE',
};

/** Associations (计生协会) and their member groups, within the caller's scope. */
export class AssociationService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<AssociationType> {
    return withScope(this.orm, actor.user, (em) => loadAssociation(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: AssociationFilter = {},
    order: AssociationOrder = { field: 'NAME', direction: 'ASC' },
  ): Promise<Page<AssociationType>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.regionCode) {
        const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
        where.push('a.region_path <@ ?::ltree');
        params.push(region.path);
      }
      for (const key of ['kind', 'standing', 'level'] as const) {
        const value = filter[key];
        if (value) {
          where.push(`a.${key} = ?`);
          params.push(value);
        }
      }
      if (filter.search?.trim()) {
        const pattern = containsPattern(filter.search.trim());
        where.push('(a.name ilike ? or a.code ilike ?)');
        params.push(pattern, pattern);
      }
      return keysetPage(em, {
        from: 'from association a join region r on r.id = a.region_id',
        countFrom: 'from association a',
        columns: ASSOCIATION_COLUMNS,
        where,
        params,
        sort: textSort(SORT_COLUMNS[order.field]),
        idColumn: 'a.id',
        direction: order.direction === 'ASC' ? 'asc' : 'desc',
        size,
        after: page.after,
        mapRow: (row: AssociationRow) => toAssociationType(row),
      });
    });
  }

  /** Batch: the associations with these ids (null where unseen), in the order asked. */
  async byIds(actor: Actor, ids: readonly string[]): Promise<(AssociationType | null)[]> {
    const rows = await scopedRead<AssociationRow>(
      this.orm,
      actor.user,
      `${SELECT_ASSOCIATION} where a.id = any(?::uuid[])`,
      [sqlArray(ids.filter(isUuid))],
    );
    const byId = new Map(rows.map((row) => [row.id, toAssociationType(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Batch: the associations filed directly at each region, by name. */
  async byRegionIds(actor: Actor, regionIds: readonly string[]): Promise<AssociationType[][]> {
    const rows = await scopedRead<AssociationRow>(
      this.orm,
      actor.user,
      `${SELECT_ASSOCIATION} where a.region_id = any(?::uuid[]) order by a.name, a.id`,
      [sqlArray(regionIds)],
    );
    return groupByKey(regionIds, rows, (row) => row.region_id).map((group) => group.map(toAssociationType));
  }

  /** Batch: each association's member groups, by name. */
  async groupsOf(actor: Actor, associationIds: readonly string[]): Promise<MemberGroupType[][]> {
    const rows = await scopedRead<MemberGroupRow>(
      this.orm,
      actor.user,
      `select g.id, g.association_id, g.name from member_group g
            where g.association_id = any(?::uuid[]) order by g.name, g.id`,
      [sqlArray(associationIds)],
    );
    return groupByKey(associationIds, rows, (row) => row.association_id).map((group) =>
      group.map(toMemberGroupType),
    );
  }

  /** Batch: the member groups with these ids (null where unseen). */
  async groupsByIds(actor: Actor, ids: readonly string[]): Promise<(MemberGroupType | null)[]> {
    const rows = await scopedRead<MemberGroupRow>(
      this.orm,
      actor.user,
      'select g.id, g.association_id, g.name from member_group g where g.id = any(?::uuid[])',
      [sqlArray(ids.filter(isUuid))],
    );
    const byId = new Map(rows.map((row) => [row.id, toMemberGroupType(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async create(actor: Actor, input: NewAssociationFields): Promise<AssociationType> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateNewAssociation(input);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionRowInScope(em, actor, fields.regionCode, 'input.regionCode');
      const level = REGION_LEVEL_TO_ASSOCIATION[region.level];
      if (!level) {
        throw badInput(
          'input.regionCode',
          '协会只能设在县、乡镇（街道）或村（社区）',
          'An association sits at a county, township or village',
        );
      }
      checkKindFitsLevel(fields.kind, level);
      const [row] = (await executeOrConflict(
        em.execute(
          `insert into association (region_id, code, name, level, kind, standing, member_home_facilities,
                                    founded_on, created_by, updated_by)
           values (?, ?, ?, ?, ?, ?, ?::text[], ?::date, ?, ?) returning id`,
          [
            region.id,
            fields.code,
            fields.name,
            level,
            fields.kind,
            fields.standing,
            sqlArray(fields.memberHomeFacilities),
            fields.foundedOn,
            actor.user.id,
            actor.user.id,
          ],
        ),
        CODE_TAKEN,
      )) as { id: string }[];
      const after = await loadAssociation(em, (row as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'association.create',
        entity: 'association',
        entityId: after.id,
        regionPath: region.path,
        after,
      });
      return after;
    });
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    patch: Partial<AssociationFields>,
  ): Promise<AssociationType> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await lockAssociation(em, id, expectedVersion);
      const before = await loadAssociation(em, id);
      const fields = validateAssociationFields({
        name: patch.name ?? before.name,
        kind: patch.kind ?? before.kind,
        standing: patch.standing ?? before.standing,
        memberHomeFacilities: patch.memberHomeFacilities ?? before.memberHomeFacilities,
        foundedOn: patch.foundedOn === undefined ? before.foundedOn : patch.foundedOn,
      });
      checkKindFitsLevel(fields.kind, locked.level);
      await em.execute(
        `update association
            set name = ?, kind = ?, standing = ?, member_home_facilities = ?::text[], founded_on = ?::date,
                updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [
          fields.name,
          fields.kind,
          fields.standing,
          sqlArray(fields.memberHomeFacilities),
          fields.foundedOn,
          actor.user.id,
          id,
        ],
      );
      const after = await loadAssociation(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'association.update',
        entity: 'association',
        entityId: id,
        regionPath: locked.region_path,
        before,
        after,
      });
      return after;
    });
  }

  async createGroup(actor: Actor, associationId: string, name: string): Promise<MemberGroupType> {
    requireRole(actor, WRITER_ROLES);
    const groupName = requireText('name', name, 1, 50, { zh: '小组名称', en: 'Group name' });
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(associationId)) throw notFound(ASSOCIATION, 'associationId');
      const [association] = (await em.execute(
        'select id, region_id, region_path::text as region_path from association where id = ?',
        [associationId],
      )) as { id: string; region_id: string; region_path: string }[];
      if (!association) throw notFound(ASSOCIATION, 'associationId');
      const [row] = (await executeOrConflict(
        em.execute(
          `insert into member_group (association_id, region_id, name) values (?, ?, ?)
           returning id, association_id, name`,
          [association.id, association.region_id, groupName],
        ),
        GROUP_NAME_TAKEN,
      )) as MemberGroupRow[];
      const group = toMemberGroupType(row as MemberGroupRow);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'memberGroup.create',
        entity: 'member_group',
        entityId: group.id,
        regionPath: association.region_path,
        after: group,
      });
      return group;
    });
  }

  async renameGroup(actor: Actor, id: string, name: string): Promise<MemberGroupType> {
    requireRole(actor, WRITER_ROLES);
    const groupName = requireText('name', name, 1, 50, { zh: '小组名称', en: 'Group name' });
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(id)) throw notFound(MEMBER_GROUP, 'id');
      const [current] = (await em.execute(
        `select g.id, g.association_id, g.name, g.region_path::text as region_path
           from member_group g where g.id = ? for update`,
        [id],
      )) as (MemberGroupRow & { region_path: string })[];
      if (!current) throw notFound(MEMBER_GROUP, 'id');
      const [row] = (await executeOrConflict(
        em.execute('update member_group set name = ? where id = ? returning id, association_id, name', [
          groupName,
          id,
        ]),
        GROUP_NAME_TAKEN,
      )) as MemberGroupRow[];
      const group = toMemberGroupType(row as MemberGroupRow);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'memberGroup.rename',
        entity: 'member_group',
        entityId: id,
        regionPath: current.region_path,
        before: toMemberGroupType(current),
        after: group,
      });
      return group;
    });
  }
}

export async function loadAssociation(
  em: EntityManager,
  id: string,
  field?: string,
): Promise<AssociationType> {
  if (!isUuid(id)) throw notFound(ASSOCIATION, field);
  const [row] = (await em.execute(`${SELECT_ASSOCIATION} where a.id = ?`, [id])) as AssociationRow[];
  if (!row) throw notFound(ASSOCIATION, field);
  return toAssociationType(row);
}

async function lockAssociation(
  em: EntityManager,
  id: string,
  expectedVersion: number,
): Promise<{ level: AssociationLevel; region_path: string }> {
  if (!isUuid(id)) throw notFound(ASSOCIATION, 'id');
  const [row] = (await em.execute(
    'select version, level, region_path::text as region_path from association where id = ? for update',
    [id],
  )) as { version: number; level: AssociationLevel; region_path: string }[];
  if (!row) throw notFound(ASSOCIATION, 'id');
  if (row.version !== expectedVersion) {
    throw new DomainError({
      code: 'CONFLICT',
      field: 'expectedVersion',
      messageZh: '该协会已被他人修改，请刷新后重试',
      messageEn: 'Someone else changed this association; reload and try again',
    });
  }
  return row;
}
