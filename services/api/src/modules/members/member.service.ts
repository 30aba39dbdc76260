import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { containsPattern } from '../../db/contains-pattern.ts';
import { executeOrConflict } from '../../db/execute-or-conflict.ts';
import { afterCursor, keysetPage, textSort } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { encodeCursor, type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid, todayInChina } from '../../validation/field-checks.ts';
import { ASSOCIATION, MEMBER_GROUP } from '../associations/association.service.ts';
import { checkPastDate } from '../associations/association.validation.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { HOUSEHOLD_COLUMNS, type HouseholdRow, toHouseholdType } from '../households/household.type.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { PERSON_COLUMNS, type PersonRow, toPersonType } from '../persons/person.type.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import type { ContactHouseholdType, MemberRole, MemberRoleEnum, MemberType } from './member.type.ts';
import { type MemberFields, type NewMemberFields, validateMemberFields } from './member.validation.ts';

const MEMBER = { zh: '会员', en: 'Member' };
const PERSON = { zh: '人员', en: 'Person' };
const HOUSEHOLD = { zh: '户', en: 'Household' };
const CONTACT_LINK = { zh: '联系户关系', en: 'Contact household link' };

export type MemberSortField = 'NAME' | 'CARD_NUMBER' | 'JOINED_ON';
export interface MemberFilter {
  associationId?: string | null;
  /** Members of associations in this region and below. */
  regionCode?: string | null;
  role?: MemberRole | null;
  groupId?: string | null;
  /** Members whose dues for this year are not paid (paid up to an earlier year, or never). */
  duesUnpaidForYear?: number | null;
  /** true: still members; false: left. */
  active?: boolean | null;
  /** Words in the person's name or the card number. */
  search?: string | null;
}
export interface MemberOrder {
  field: MemberSortField;
  direction: 'ASC' | 'DESC';
}

// Nullable columns sort as '' so that a keyset cursor can compare them.
const SORT_COLUMNS: Record<MemberSortField, string> = {
  NAME: "coalesce(pp.name, '')",
  CARD_NUMBER: "coalesce(m.card_number, '')",
  JOINED_ON: "coalesce(m.joined_on::text, '')",
};
const DEFAULT_ORDER: MemberOrder = { field: 'NAME', direction: 'ASC' };

/** A member row with its person (null when row-level security hides them) as one JSON value. */
const MEMBER_COLUMNS = `m.id, m.association_id, m.role, m.card_number, m.dues_paid_year, m.group_id,
  m.joined_on::text as joined_on, m.left_on::text as left_on, m.version, to_json(pp) as person`;
const MEMBER_FROM = `member m
  left join lateral (select ${PERSON_COLUMNS} from person p where p.id = m.person_id) pp on true`;

interface MemberRow {
  id: string;
  association_id: string;
  role: MemberRole;
  card_number: string | null;
  dues_paid_year: number | null;
  group_id: string | null;
  joined_on: string | null;
  left_on: string | null;
  version: number;
  person: PersonRow | null;
}

function toMemberType(row: MemberRow): MemberType {
  return {
    id: row.id,
    role: row.role as MemberRoleEnum,
    cardNumber: row.card_number,
    duesPaidYear: row.dues_paid_year,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    active: row.left_on === null || row.left_on > todayInChina(),
    person: row.person ? toPersonType(row.person) : null,
    version: row.version,
    associationId: row.association_id,
    groupId: row.group_id,
  };
}

const MEMBER_CONFLICTS = {
  member_card_number_key: {
    field: 'input.cardNumber',
    messageZh: '该会员证号已被使用',
    messageEn: 'This card number is already in use',
  },
  member_association_id_person_id_key: {
    field: 'input.personId',
    messageZh: '此人已是该协会会员',
    messageEn: 'This person is already a member of the association',
  },
};
const ALREADY_LINKED = {
  contact_household_pkey: {
    field: 'householdId',
    messageZh: '该户已是此会员的联系户',
    messageEn: 'This household is already in contact with the member',
  },
};

/** Members (会员) and their contact households (联系户), within the caller's scope. */
export class MemberService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<MemberType> {
    return withScope(this.orm, actor.user, (em) => loadMember(em, id));
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: MemberFilter = {},
    order: MemberOrder = DEFAULT_ORDER,
  ): Promise<Page<MemberType>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.associationId) {
        if (!isUuid(filter.associationId)) throw notFound(ASSOCIATION, 'filter.associationId');
        where.push('m.association_id = ?');
        params.push(filter.associationId);
      }
      if (filter.regionCode) {
        const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
        where.push(inRegionSubtree('m'));
        params.push(region.path);
      }
      if (filter.role) {
        where.push('m.role = ?');
        params.push(filter.role);
      }
      if (filter.groupId) {
        if (!isUuid(filter.groupId)) throw notFound(MEMBER_GROUP, 'filter.groupId');
        where.push('m.group_id = ?');
        params.push(filter.groupId);
      }
      if (filter.duesUnpaidForYear != null) {
        where.push('(m.dues_paid_year is null or m.dues_paid_year < ?)');
        params.push(filter.duesUnpaidForYear);
      }
      if (filter.active != null) {
        where.push(`${filter.active ? '' : 'not '}(m.left_on is null or m.left_on > ?::date)`);
        params.push(todayInChina());
      }
      if (filter.search?.trim()) {
        const pattern = containsPattern(filter.search.trim());
        where.push('(pp.name ilike ? or m.card_number ilike ?)');
        params.push(pattern, pattern);
      }
      return keysetPage(em, {
        from: `from ${MEMBER_FROM}`,
        columns: MEMBER_COLUMNS,
        where,
        params,
        sort: textSort(SORT_COLUMNS[order.field]),
        idColumn: 'm.id',
        direction: order.direction === 'ASC' ? 'asc' : 'desc',
        size,
        after: page.after,
        mapRow: (row: MemberRow) => toMemberType(row),
      });
    });
  }

  /**
   * Batch: the first page of members of each association, in one statement whatever the number of
   * associations (a window numbers each association's members; the page is the first `first`).
   */
  async pagesOf(
    actor: Actor,
    associationIds: readonly string[],
    page: PageRequest,
    order: MemberOrder = DEFAULT_ORDER,
  ): Promise<Page<MemberType>[]> {
    const size = pageSize(page.first);
    const sortColumn = SORT_COLUMNS[order.field];
    const direction = order.direction === 'ASC' ? 'asc' : 'desc';
    const keyset = afterCursor(textSort(sortColumn), 'm.id', direction, page.after);
    // Rows before the cursor are numbered apart; the first of them stays only to carry the total.
    const rows = await scopedRead<
      MemberRow & { sort_value: string; total_count: number; after_cursor: boolean }
    >(
      this.orm,
      actor.user,
      `select * from (
             select y.*, row_number() over (partition by y.association_id, y.after_cursor
                                            order by y.sort_value ${direction}, y.id ${direction}) as row_number
               from (select ${sortColumn} as sort_value, ${MEMBER_COLUMNS},
                            count(*) over (partition by m.association_id)::int as total_count,
                            ${keyset?.sql ?? 'true'} as after_cursor
                       from ${MEMBER_FROM}
                      where m.association_id = any(?::uuid[])) y
           ) z
           where z.row_number <= ? and (z.after_cursor or z.row_number = 1)
           order by z.association_id, z.after_cursor, z.row_number`,
      [...(keyset?.params ?? []), sqlArray(associationIds), size + 1],
    );
    return groupByKey(associationIds, rows, (row) => row.association_id).map((group) => {
      const pageRows = group.filter((row) => row.after_cursor);
      return {
        nodes: pageRows.slice(0, size).map(toMemberType),
        cursors: pageRows.slice(0, size).map((row) => encodeCursor(row.sort_value, row.id)),
        hasNextPage: pageRows.length > size,
        // Every row carries its association's count of members, before the cursor as after it.
        totalCount: group[0]?.total_count ?? 0,
      };
    });
  }

  /** Batch: how many current members each association has. */
  async countsOf(actor: Actor, associationIds: readonly string[]): Promise<number[]> {
    const rows = await scopedRead<{ association_id: string; n: number }>(
      this.orm,
      actor.user,
      `select m.association_id, count(*)::int as n from member m
            where m.association_id = any(?::uuid[]) and (m.left_on is null or m.left_on > ?::date)
            group by m.association_id`,
      [sqlArray(associationIds), todayInChina()],
    );
    const counts = new Map(rows.map((row) => [row.association_id, row.n]));
    return associationIds.map((id) => counts.get(id) ?? 0);
  }

  /** Batch: each member's contact households, by household code. */
  async contactHouseholdsOf(actor: Actor, memberIds: readonly string[]): Promise<ContactHouseholdType[][]> {
    const rows = await scopedRead<{
      member_id: string;
      since: string | null;
      household: HouseholdRow | null;
    }>(
      this.orm,
      actor.user,
      `select ch.member_id, ch.since::text as since, to_json(hh) as household
             from contact_household ch
             left join lateral (select ${HOUSEHOLD_COLUMNS} from household h where h.id = ch.household_id) hh on true
            where ch.member_id = any(?::uuid[])
            order by ch.member_id, hh.code nulls last, ch.household_id`,
      [sqlArray(memberIds)],
    );
    return groupByKey(memberIds, rows, (row) => row.member_id).map((group) =>
      group.map((row) => ({
        household: row.household ? toHouseholdType(row.household) : null,
        since: row.since,
      })),
    );
  }

  async add(actor: Actor, input: NewMemberFields): Promise<MemberType> {
    requireRole(actor, WRITER_ROLES);
    const fields = validateMemberFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(input.associationId)) throw notFound(ASSOCIATION, 'input.associationId');
      const [association] = (await em.execute(
        'select id, region_id, region_path::text as region_path from association where id = ?',
        [input.associationId],
      )) as { id: string; region_id: string; region_path: string }[];
      if (!association) throw notFound(ASSOCIATION, 'input.associationId');
      await checkPerson(em, input.personId, association.region_path);
      await checkGroup(em, fields.groupId, association.id);
      const [row] = (await executeOrConflict(
        em.execute(
          `insert into member (association_id, region_id, person_id, role, card_number, dues_paid_year, group_id,
                               joined_on, created_by, updated_by)
           values (?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?) returning id`,
          [
            association.id,
            association.region_id,
            input.personId,
            fields.role,
            fields.cardNumber,
            fields.duesPaidYear,
            fields.groupId,
            fields.joinedOn,
            actor.user.id,
            actor.user.id,
          ],
        ),
        MEMBER_CONFLICTS,
      )) as { id: string }[];
      const after = await loadMember(em, (row as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'member.add',
        entity: 'member',
        entityId: after.id,
        regionPath: association.region_path,
        after: auditView(after),
      });
      return after;
    });
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    patch: Partial<MemberFields>,
  ): Promise<MemberType> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await lockMember(em, id, expectedVersion);
      const before = await loadMember(em, id);
      const fields = validateMemberFields({
        role: patch.role ?? before.role,
        cardNumber: patch.cardNumber === undefined ? before.cardNumber : patch.cardNumber,
        duesPaidYear: patch.duesPaidYear === undefined ? before.duesPaidYear : patch.duesPaidYear,
        groupId: patch.groupId === undefined ? before.groupId : patch.groupId,
        joinedOn: patch.joinedOn === undefined ? before.joinedOn : patch.joinedOn,
      });
      await checkGroup(em, fields.groupId, locked.association_id);
      if (fields.joinedOn && locked.left_on && fields.joinedOn > locked.left_on) {
        throw badInput(
          'input.joinedOn',
          '入会日期不能晚于退会日期',
          'The joining date cannot follow the leaving date',
        );
      }
      await executeOrConflict(
        em.execute(
          `update member
              set role = ?, card_number = ?, dues_paid_year = ?, group_id = ?, joined_on = ?::date,
                  updated_by = ?, updated_at = now(), version = version + 1
            where id = ?`,
          [
            fields.role,
            fields.cardNumber,
            fields.duesPaidYear,
            fields.groupId,
            fields.joinedOn,
            actor.user.id,
            id,
          ],
        ),
        MEMBER_CONFLICTS,
      );
      const after = await loadMember(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'member.update',
        entity: 'member',
        entityId: id,
        regionPath: locked.region_path,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async end(actor: Actor, id: string, expectedVersion: number, leftOn: string): Promise<MemberType> {
    requireRole(actor, WRITER_ROLES);
    const date = checkPastDate('leftOn', leftOn, { zh: '退会日期', en: 'Leaving date' });
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await lockMember(em, id, expectedVersion);
      if (locked.left_on) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '该会员已退会',
          messageEn: 'This membership has already ended',
        });
      }
      if (locked.joined_on && date < locked.joined_on) {
        throw badInput(
          'leftOn',
          '退会日期不能早于入会日期',
          'The leaving date cannot precede the joining date',
        );
      }
      const before = await loadMember(em, id);
      await em.execute(
        `update member set left_on = ?::date, updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [date, actor.user.id, id],
      );
      const after = await loadMember(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'member.end',
        entity: 'member',
        entityId: id,
        regionPath: locked.region_path,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async linkContactHousehold(
    actor: Actor,
    memberId: string,
    householdId: string,
    since: string | null,
  ): Promise<MemberType> {
    requireRole(actor, WRITER_ROLES);
    const sinceDate =
      since == null ? null : checkPastDate('since', since, { zh: '结对日期', en: 'Contact date' });
    return withScope(this.orm, actor.user, async (em) => {
      const member = await findMemberForLink(em, memberId);
      if (member.left_on) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '已退会的会员不能再结对联系户',
          messageEn: 'A member who has left cannot take on contact households',
        });
      }
      if (!isUuid(householdId)) throw notFound(HOUSEHOLD, 'householdId');
      const [household] = (await em.execute(
        'select h.id, h.region_path <@ ?::ltree as within from household h where h.id = ?',
        [member.region_path, householdId],
      )) as { id: string; within: boolean }[];
      if (!household) throw notFound(HOUSEHOLD, 'householdId');
      if (!household.within) {
        throw badInput(
          'householdId',
          '联系户应在该会员所属协会的区划内',
          "The household must be in the member's association's region",
        );
      }
      await executeOrConflict(
        em.execute(
          `insert into contact_household (member_id, household_id, region_id, since, created_by)
           values (?, ?, ?, ?::date, ?)`,
          [memberId, householdId, member.region_id, sinceDate, actor.user.id],
        ),
        ALREADY_LINKED,
      );
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'member.linkContactHousehold',
        entity: 'contact_household',
        entityId: `${memberId}/${householdId}`,
        regionPath: member.region_path,
        after: { memberId, householdId, since: sinceDate },
      });
      return loadMember(em, memberId);
    });
  }

  async unlinkContactHousehold(actor: Actor, memberId: string, householdId: string): Promise<MemberType> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const member = await findMemberForLink(em, memberId);
      if (!isUuid(householdId)) throw notFound(CONTACT_LINK, 'householdId');
      const [removed] = (await em.execute(
        `delete from contact_household where member_id = ? and household_id = ?
         returning since::text as since`,
        [memberId, householdId],
      )) as { since: string | null }[];
      if (!removed) throw notFound(CONTACT_LINK, 'householdId');
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'member.unlinkContactHousehold',
        entity: 'contact_household',
        entityId: `${memberId}/${householdId}`,
        regionPath: member.region_path,
        before: { memberId, householdId, since: removed.since },
      });
      return loadMember(em, memberId);
    });
  }
}

/** What the audit digest covers: the membership itself, not the person's details. */
function auditView(member: MemberType) {
  return { ...member, person: member.person?.id ?? null };
}

async function loadMember(em: EntityManager, id: string, field?: string): Promise<MemberType> {
  if (!isUuid(id)) throw notFound(MEMBER, field);
  const [row] = (await em.execute(`select ${MEMBER_COLUMNS} from ${MEMBER_FROM} where m.id = ?`, [
    id,
  ])) as MemberRow[];
  if (!row) throw notFound(MEMBER, field);
  return toMemberType(row);
}

interface LockedMember {
  association_id: string;
  region_path: string;
  joined_on: string | null;
  left_on: string | null;
}

async function lockMember(em: EntityManager, id: string, expectedVersion: number): Promise<LockedMember> {
  if (!isUuid(id)) throw notFound(MEMBER, 'id');
  const [row] = (await em.execute(
    `select version, association_id, region_path::text as region_path, joined_on::text as joined_on,
            left_on::text as left_on
       from member where id = ? for update`,
    [id],
  )) as (LockedMember & { version: number })[];
  if (!row) throw notFound(MEMBER, 'id');
  if (row.version !== expectedVersion) {
    throw new DomainError({
      code: 'CONFLICT',
      field: 'expectedVersion',
      messageZh: '该会员信息已被他人修改，请刷新后重试',
      messageEn: 'Someone else changed this member; reload and try again',
    });
  }
  return row;
}

async function findMemberForLink(
  em: EntityManager,
  memberId: string,
): Promise<{ region_id: string; region_path: string; left_on: string | null }> {
  if (!isUuid(memberId)) throw notFound(MEMBER, 'memberId');
  const [member] = (await em.execute(
    `select region_id, region_path::text as region_path, left_on::text as left_on
       from member where id = ? for update`,
    [memberId],
  )) as { region_id: string; region_path: string; left_on: string | null }[];
  if (!member) throw notFound(MEMBER, 'memberId');
  return member;
}

/**
 * The person must be visible to the caller and registered or living in the association's region:
 * a village association's members are that village's people.
 */
async function checkPerson(em: EntityManager, personId: string, associationPath: string): Promise<void> {
  if (!isUuid(personId)) throw notFound(PERSON, 'input.personId');
  const [person] = (await em.execute(
    `select p.deceased_on is not null as deceased,
            (p.region_path <@ ?::ltree
             or exists (select from region cr where cr.id = p.current_region_id and cr.path <@ ?::ltree)) as within
       from person p where p.id = ?`,
    [associationPath, associationPath, personId],
  )) as { deceased: boolean; within: boolean }[];
  if (!person) throw notFound(PERSON, 'input.personId');
  if (person.deceased) {
    throw badInput('input.personId', '已故人员不能登记为会员', 'A deceased person cannot become a member');
  }
  if (!person.within) {
    throw badInput(
      'input.personId',
      '该人员的户籍地或现居地不在该协会所在区划内',
      "The person is neither registered nor living in the association's region",
    );
  }
}

/** A member's group must be one of its own association's groups. */
async function checkGroup(em: EntityManager, groupId: string | null, associationId: string): Promise<void> {
  if (groupId === null) return;
  if (!isUuid(groupId)) throw notFound(MEMBER_GROUP, 'input.groupId');
  const [group] = (await em.execute('select association_id from member_group where id = ?', [groupId])) as {
    association_id: string;
  }[];
  if (!group) throw notFound(MEMBER_GROUP, 'input.groupId');
  if (group.association_id !== associationId) {
    throw badInput(
      'input.groupId',
      '会员小组不属于该会员所在的协会',
      "The member group belongs to another association than the member's",
    );
  }
}
