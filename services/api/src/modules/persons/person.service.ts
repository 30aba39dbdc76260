import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { normalizeResidentId, type ResidentId } from '@sunshine/identifiers/resident-id';
import type { Logger } from 'pino';
import { containsPattern } from '../../db/contains-pattern.ts';
import { keysetPage, textSort } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { filterDate, isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole, WRITER_ROLES } from '../identity/actor.ts';
import { findRegionRowInScope, type RegionRow } from '../regions/region.service.ts';
import { PERSON_COLUMNS, type PersonRow } from './person.type.ts';
import {
  assertAgreesWithResidentId,
  mobilePhone,
  pastDate,
  personName,
  residentId,
} from './person.validation.ts';
import { residentIdHmac, residentIdHmacPrefix } from './resident-id-hmac.ts';

const PERSON = { zh: '人员', en: 'Person' };
const HOUSEHOLD = { zh: '户', en: 'Household' };

/** How many "registered in another jurisdiction" refusals one admin may collect in an hour. */
export const REGISTERED_ELSEWHERE_PER_HOUR = 10;
export const REGISTERED_ELSEWHERE_ACTION = 'PERSON_REGISTERED_ELSEWHERE';

export type Relation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'OTHER';

export interface RegisterPersonFields {
  name: string;
  residentId: string;
  phone?: string | null;
  registeredRegionCode: string;
  currentRegionCode?: string | null;
  householdId?: string | null;
  relation?: Relation | null;
  sex?: string | null;
  birthDate?: string | null;
}

export interface UpdatePersonFields {
  name: string;
  phone?: string | null;
  registeredRegionCode: string;
  currentRegionCode?: string | null;
  /** A correction of the ID number itself: county admins only. */
  residentId?: string | null;
  sex?: string | null;
  birthDate?: string | null;
}

export interface PersonFilter {
  regionCode?: string | null;
  currentRegionCode?: string | null;
  householdId?: string | null;
  search?: string | null;
  sex?: string | null;
  bornFrom?: string | null;
  bornTo?: string | null;
  movedAway?: boolean | null;
  deceased?: boolean | null;
}

export type PersonSortField = 'NAME' | 'BIRTH_DATE' | 'CREATED';
export interface PersonOrder {
  field: PersonSortField;
  direction: 'ASC' | 'DESC';
}

const SORT_COLUMNS: Record<PersonSortField, string> = {
  NAME: 'p.name',
  BIRTH_DATE: 'p.birth_date::text',
  CREATED: `to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

/** A person row with its registered region's path, for the audit trail of a change. */
type LockedPerson = PersonRow & { region_path: string };

/** Thrown inside the transaction, turned into the generic refusal (and logged) outside it. */
class RegisteredElsewhere extends Error {
  constructor(readonly hmac: Buffer) {
    super('registered in another jurisdiction');
  }
}

const REGISTERED_ELSEWHERE = {
  code: 'CONFLICT' as const,
  field: 'input.residentId',
  messageZh: '该身份证号已在其他辖区登记',
  messageEn: 'This ID number is already registered in another jurisdiction',
};

/**
 * Persons (人员): registered, corrected, moved away, deceased, placed in households, within the
 * caller's scope. A resident ID number is unique county-wide through its HMAC; a number registered
 * outside the caller's scope is refused with a message that names neither the person nor the place,
 * and such refusals are recorded and limited per admin, so that the form cannot be used to probe
 * which numbers the county holds.
 */
export class PersonService {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: { residentIdHmacKey: string },
    private readonly logger: Logger,
  ) {}

  async get(actor: Actor, id: string): Promise<PersonRow> {
    return withScope(this.orm, actor.user, async (em) => {
      const [row] = isUuid(id) ? await this.rowsWhere(em, 'p.id = ?', [id]) : [];
      if (!row) throw notFound(PERSON);
      return row;
    });
  }

  /** For batch loaders: persons by id (ids out of scope are simply missing). */
  async byIds(actor: Actor, ids: readonly string[]): Promise<PersonRow[]> {
    return withScope(this.orm, actor.user, (em) =>
      this.rowsWhere(em, 'p.id = any(?::uuid[])', [sqlArray(ids)]),
    );
  }

  /** For batch loaders: the members of these households, head first, then by age. */
  async byHouseholds(actor: Actor, householdIds: readonly string[]): Promise<PersonRow[]> {
    return withScope(this.orm, actor.user, (em) =>
      this.rowsWhere(
        em,
        'p.household_id = any(?::uuid[])',
        [sqlArray(householdIds)],
        `array_position(array['HEAD','SPOUSE','PARENT','CHILD','GRANDCHILD','OTHER'], p.relation),
         p.birth_date, p.id`,
      ),
    );
  }

  async list(
    actor: Actor,
    page: PageRequest,
    filter: PersonFilter = {},
    order: PersonOrder = { field: 'NAME', direction: 'ASC' },
  ): Promise<Page<PersonRow>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (filter.regionCode) {
        const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
        where.push(inRegionSubtree('p'));
        params.push(region.path);
      }
      if (filter.currentRegionCode) {
        const region = await findRegionRowInScope(
          em,
          actor,
          filter.currentRegionCode,
          'filter.currentRegionCode',
        );
        where.push('p.current_region_id in (select r.id from region r where r.path <@ ?::ltree)');
        params.push(region.path);
      }
      if (filter.householdId) {
        if (!isUuid(filter.householdId)) throw notFound(HOUSEHOLD, 'filter.householdId');
        where.push('p.household_id = ?');
        params.push(filter.householdId);
      }
      const search = filter.search?.trim();
      if (search) {
        const asResidentId = normalizeResidentId(search);
        if (/^[0-9]{17}[0-9X]$/.test(asResidentId)) {
          // A whole ID number is looked up by its keyed hash, exactly: never by text matching.
          where.push('p.resident_id_hmac = ?');
          params.push(residentIdHmac(this.config.residentIdHmacKey, asResidentId));
        } else {
          where.push('p.name ilike ?');
          params.push(containsPattern(search.normalize('NFC')));
        }
      }
      if (filter.sex) {
        where.push('p.sex = ?');
        params.push(filter.sex);
      }
      if (filter.bornFrom) {
        where.push('p.birth_date >= ?::date');
        params.push(filterDate('filter.bornFrom', filter.bornFrom));
      }
      if (filter.bornTo) {
        where.push('p.birth_date <= ?::date');
        params.push(filterDate('filter.bornTo', filter.bornTo));
      }
      if (filter.movedAway != null) {
        where.push(filter.movedAway ? 'p.moved_away_on is not null' : 'p.moved_away_on is null');
      }
      if (filter.deceased != null) {
        where.push(filter.deceased ? 'p.deceased_on is not null' : 'p.deceased_on is null');
      }
      return keysetPage(em, {
        from: 'from person p',
        columns: PERSON_COLUMNS,
        where,
        params,
        sort: textSort(SORT_COLUMNS[order.field]),
        idColumn: 'p.id',
        direction: order.direction === 'DESC' ? 'desc' : 'asc',
        size,
        after: page.after,
        mapRow: (row: PersonRow) => row,
      });
    });
  }

  /**
   * The full ID number of one person, for a writer in scope (to fill a form, to check a card).
   * Recorded in the audit log as a read of a sensitive field.
   */
  async residentId(actor: Actor, id: string): Promise<string> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const [row] = isUuid(id)
        ? ((await em.execute(
            'select p.resident_id, p.region_path::text as region_path from person p where p.id = ?',
            [id],
          )) as { resident_id: string; region_path: string }[])
        : [];
      if (!row) throw notFound(PERSON);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'person.readResidentId',
        entity: 'person',
        entityId: id,
        regionPath: row.region_path,
      });
      return row.resident_id;
    });
  }

  async register(actor: Actor, input: RegisterPersonFields): Promise<PersonRow> {
    requireRole(actor, WRITER_ROLES);
    const name = personName('input.name', input.name);
    const id = residentId('input.residentId', input.residentId);
    assertAgreesWithResidentId(id, input, { sex: 'input.sex', birthDate: 'input.birthDate' });
    const phone = mobilePhone('input.phone', input.phone);
    const membership = checkMembership(input.householdId ?? null, input.relation ?? null, 'input');
    const hmac = residentIdHmac(this.config.residentIdHmacKey, id.number);
    return this.refusingElsewhere(actor, () =>
      withScope(this.orm, actor.user, async (em) => {
        await this.assertNotRateLimited(em, actor);
        const registered = await personRegion(
          em,
          actor,
          input.registeredRegionCode,
          'input.registeredRegionCode',
        );
        const current = input.currentRegionCode
          ? await personRegion(em, actor, input.currentRegionCode, 'input.currentRegionCode')
          : registered;
        if (membership.householdId)
          await assertHouseholdVisible(em, membership.householdId, 'input.householdId');
        await this.assertNotRegistered(em, hmac, null);
        const [inserted] = (await this.guardUnique(
          hmac,
          em.execute(
            `insert into person (region_id, current_region_id, name, resident_id, resident_id_hmac, sex, birth_date,
                                 phone, household_id, relation, created_by, updated_by)
             values (?, ?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?, ?)
             returning id`,
            [
              registered.id,
              current.id,
              name,
              id.number,
              hmac,
              id.sex,
              id.birthDate,
              phone,
              membership.householdId,
              membership.relation,
              actor.user.id,
              actor.user.id,
            ],
          ),
        )) as { id: string }[];
        const personId = inserted!.id;
        await flagNearDuplicates(em, personId);
        const after = await this.lock(em, personId);
        await recordAudit(em, actor.user, actor.requestId, {
          action: 'person.register',
          entity: 'person',
          entityId: personId,
          regionPath: after.region_path,
          after,
        });
        return withoutPath(after);
      }),
    );
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: UpdatePersonFields,
  ): Promise<PersonRow> {
    requireRole(actor, WRITER_ROLES);
    const name = personName('input.name', input.name);
    const phone = mobilePhone('input.phone', input.phone);
    const corrected = input.residentId?.trim() ? residentId('input.residentId', input.residentId) : null;
    return this.refusingElsewhere(actor, () =>
      withScope(this.orm, actor.user, async (em) => {
        const before = await this.lockForChange(em, id, expectedVersion);
        let number: ResidentId = {
          number: before.resident_id,
          regionCode: before.resident_id.slice(0, 6),
          birthDate: before.birth_date,
          sex: before.sex as ResidentId['sex'],
        };
        let hmac: Buffer | null = null;
        if (corrected && corrected.number !== before.resident_id) {
          if (actor.user.role !== 'COUNTY_ADMIN') {
            throw new DomainError({
              code: 'FORBIDDEN',
              field: 'input.residentId',
              messageZh: '只有县级管理员可以更正身份证号',
              messageEn: 'Only a county admin may correct an ID number',
            });
          }
          await this.assertNotRateLimited(em, actor);
          hmac = residentIdHmac(this.config.residentIdHmacKey, corrected.number);
          await this.assertNotRegistered(em, hmac, id);
          number = corrected;
        }
        assertAgreesWithResidentId(number, input, { sex: 'input.sex', birthDate: 'input.birthDate' });
        const registered = await personRegion(
          em,
          actor,
          input.registeredRegionCode,
          'input.registeredRegionCode',
        );
        const current = input.currentRegionCode
          ? await personRegion(em, actor, input.currentRegionCode, 'input.currentRegionCode')
          : registered;
        if (
          number.birthDate > (before.deceased_on ?? number.birthDate) ||
          number.birthDate > (before.moved_away_on ?? number.birthDate)
        ) {
          throw badInput(
            'input.residentId',
            '出生日期晚于已登记的迁出或死亡日期',
            'The birth date would follow the recorded moved-away or death date',
          );
        }
        await this.guardUnique(
          hmac,
          em.execute(
            `update person set name = ?, phone = ?, region_id = ?, current_region_id = ?, resident_id = ?,
                    resident_id_hmac = coalesce(?, resident_id_hmac), sex = ?, birth_date = ?::date,
                    updated_by = ?, updated_at = now(), version = version + 1
              where id = ?`,
            [
              name,
              phone,
              registered.id,
              current.id,
              number.number,
              hmac,
              number.sex,
              number.birthDate,
              actor.user.id,
              id,
            ],
          ),
        );
        if (name !== before.name || number.birthDate !== before.birth_date) await flagNearDuplicates(em, id);
        const after = await this.lock(em, id);
        await recordAudit(em, actor.user, actor.requestId, {
          action: hmac ? 'person.correctResidentId' : 'person.update',
          entity: 'person',
          entityId: id,
          regionPath: after.region_path,
          before,
          after,
        });
        return withoutPath(after);
      }),
    );
  }

  async recordMovedAway(
    actor: Actor,
    id: string,
    expectedVersion: number,
    movedAwayOn: string | null,
  ): Promise<PersonRow> {
    const date =
      movedAwayOn === null ? null : pastDate('movedAwayOn', movedAwayOn, '迁出日期', 'Moved-away date');
    return this.changeDate(actor, id, expectedVersion, 'moved_away_on', date, 'person.recordMovedAway', {
      field: 'movedAwayOn',
      zh: '迁出日期不能早于出生日期',
      en: 'The moved-away date cannot precede the birth date',
    });
  }

  async recordDeath(
    actor: Actor,
    id: string,
    expectedVersion: number,
    deceasedOn: string | null,
  ): Promise<PersonRow> {
    const date = deceasedOn === null ? null : pastDate('deceasedOn', deceasedOn, '死亡日期', 'Date of death');
    return this.changeDate(actor, id, expectedVersion, 'deceased_on', date, 'person.recordDeath', {
      field: 'deceasedOn',
      zh: '死亡日期不能早于出生日期',
      en: 'The date of death cannot precede the birth date',
    });
  }

  /** Puts a person into a household (with their relation to its head), or takes them out (null). */
  async setHouseholdMembership(
    actor: Actor,
    personId: string,
    expectedVersion: number,
    householdId: string | null,
    relation: Relation | null,
  ): Promise<PersonRow> {
    requireRole(actor, WRITER_ROLES);
    const membership = checkMembership(householdId, householdId === null ? null : relation, '');
    return withScope(this.orm, actor.user, async (em) => {
      const before = await this.lockForChange(em, personId, expectedVersion);
      if (membership.householdId) await assertHouseholdVisible(em, membership.householdId, 'householdId');
      await em.execute(
        `update person set household_id = ?, relation = ?, updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [membership.householdId, membership.relation, actor.user.id, personId],
      );
      const after = await this.lock(em, personId);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'person.setHouseholdMembership',
        entity: 'person',
        entityId: personId,
        regionPath: after.region_path,
        before,
        after,
      });
      return withoutPath(after);
    });
  }

  private async changeDate(
    actor: Actor,
    id: string,
    expectedVersion: number,
    column: 'moved_away_on' | 'deceased_on',
    date: string | null,
    action: string,
    beforeBirth: { field: string; zh: string; en: string },
  ): Promise<PersonRow> {
    requireRole(actor, WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const before = await this.lockForChange(em, id, expectedVersion);
      if (date !== null && date < before.birth_date)
        throw badInput(beforeBirth.field, beforeBirth.zh, beforeBirth.en);
      await em.execute(
        `update person set ${column} = ?::date, updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [date, actor.user.id, id],
      );
      const after = await this.lock(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action,
        entity: 'person',
        entityId: id,
        regionPath: after.region_path,
        before,
        after,
      });
      return withoutPath(after);
    });
  }

  private async rowsWhere(
    em: EntityManager,
    condition: string,
    params: unknown[],
    orderBy = 'p.name, p.id',
  ): Promise<PersonRow[]> {
    return (await em.execute(
      `select ${PERSON_COLUMNS} from person p where ${condition} order by ${orderBy}`,
      params,
    )) as PersonRow[];
  }

  private async lock(em: EntityManager, id: string): Promise<LockedPerson> {
    const [row] = isUuid(id)
      ? ((await em.execute(
          `select ${PERSON_COLUMNS}, p.region_path::text as region_path from person p where p.id = ? for update`,
          [id],
        )) as LockedPerson[])
      : [];
    if (!row) throw notFound(PERSON);
    return row;
  }

  private async lockForChange(em: EntityManager, id: string, expectedVersion: number): Promise<LockedPerson> {
    const row = await this.lock(em, id);
    if (row.version !== expectedVersion) {
      throw new DomainError({
        code: 'CONFLICT',
        field: 'expectedVersion',
        messageZh: '该人员信息已被他人修改，请刷新后重试',
        messageEn: 'Someone else changed this person; reload and try again',
      });
    }
    return row;
  }

  /**
   * The same number in the caller's scope is a plain conflict (they may see that person, so the
   * message may say where); outside it, the caller learns only "registered elsewhere".
   */
  private async assertNotRegistered(em: EntityManager, hmac: Buffer, exceptId: string | null): Promise<void> {
    const [own] = (await em.execute(
      `select p.id, r.name as region_name from person p join region r on r.id = p.region_id
        where p.resident_id_hmac = ?`,
      [hmac],
    )) as { id: string; region_name: string }[];
    if (own && own.id !== exceptId) {
      throw new DomainError({
        code: 'CONFLICT',
        field: 'input.residentId',
        messageZh: `该身份证号已登记（${own.region_name}）`,
        messageEn: `This ID number is already registered (${own.region_name})`,
      });
    }
    const elsewhere = (await em.execute(
      'select 1 as hit from person_registered_elsewhere(array[?]::bytea[])',
      [hmac],
    )) as unknown[];
    if (elsewhere.length > 0) throw new RegisteredElsewhere(hmac);
  }

  /** The unique index is the last guard (two registrations racing): it answers like the check. */
  private async guardUnique<T>(hmac: Buffer | null, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      if (
        hmac &&
        error instanceof UniqueConstraintViolationException &&
        (error as { constraint?: string }).constraint === 'person_resident_id_hmac_key'
      ) {
        throw new RegisteredElsewhere(hmac);
      }
      throw error;
    }
  }

  private async assertNotRateLimited(em: EntityManager, actor: Actor): Promise<void> {
    const [row] = (await em.execute(
      `select count(*)::int as n from audit_event
        where user_id = ? and action = ? and at > now() - interval '1 hour'`,
      [actor.user.id, REGISTERED_ELSEWHERE_ACTION],
    )) as { n: number }[];
    if ((row?.n ?? 0) >= REGISTERED_ELSEWHERE_PER_HOUR) {
      this.logger.warn(
        { requestId: actor.requestId, userId: actor.user.id, event: 'PERSON_REGISTRATION_RATE_LIMITED' },
        'person registration refused: too many ID numbers registered elsewhere tried within an hour',
      );
      throw new DomainError({
        code: 'RATE_LIMITED',
        messageZh: '一小时内登记其他辖区身份证号的次数过多，请稍后再试',
        messageEn:
          'Too many ID numbers registered in other jurisdictions were tried within an hour; try again later',
      });
    }
  }

  /**
   * Runs a registration; a number registered in another jurisdiction is recorded (in a transaction
   * of its own, since the registration's rolled back), logged without the number, and refused with
   * a message naming neither the person nor the place.
   */
  private async refusingElsewhere<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RegisteredElsewhere)) throw error;
      const hmacPrefix = residentIdHmacPrefix(error.hmac);
      await withScope(this.orm, actor.user, (em) =>
        recordAudit(em, actor.user, actor.requestId, {
          action: REGISTERED_ELSEWHERE_ACTION,
          entity: 'person',
          entityId: hmacPrefix,
          regionPath: actor.user.regionPath,
        }),
      );
      this.logger.warn(
        { requestId: actor.requestId, userId: actor.user.id, event: REGISTERED_ELSEWHERE_ACTION, hmacPrefix },
        'person registration refused: the ID number is registered in another jurisdiction',
      );
      throw new DomainError(REGISTERED_ELSEWHERE);
    }
  }
}

function withoutPath({ region_path: _path, ...row }: LockedPerson): PersonRow {
  return row;
}

/** Persons are registered and live in a village or a villager group, inside the caller's scope. */
async function personRegion(
  em: EntityManager,
  actor: Actor,
  code: string,
  field: string,
): Promise<RegionRow> {
  const region = await findRegionRowInScope(em, actor, code, field);
  if (region.level !== 'VILLAGE' && region.level !== 'GROUP') {
    throw badInput(field, '应为村（社区）或村民小组', 'Must be a village (community) or a villager group');
  }
  return region;
}

async function assertHouseholdVisible(em: EntityManager, householdId: string, field: string): Promise<void> {
  const rows = isUuid(householdId)
    ? ((await em.execute('select h.id from household h where h.id = ?', [householdId])) as unknown[])
    : [];
  if (rows.length === 0) throw notFound(HOUSEHOLD, field);
}

/** A household and a relation go together: both or neither (the database says the same). */
function checkMembership(
  householdId: string | null,
  relation: Relation | null,
  prefix: string,
): { householdId: string | null; relation: Relation | null } {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (householdId && !relation) {
    throw badInput(field('relation'), '请填写与户主关系', 'Give the relation to the head of household');
  }
  if (!householdId && relation) {
    throw badInput(field('householdId'), '填写与户主关系时须指定户', 'A relation needs a household');
  }
  return { householdId: householdId || null, relation: relation || null };
}

async function flagNearDuplicates(em: EntityManager, personId: string): Promise<void> {
  await em.execute('select flag_near_duplicates(array[?]::uuid[])', [personId]);
}
