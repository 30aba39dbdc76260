import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { keysetPage } from '../../db/keyset-page.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid } from '../../validation/field-checks.ts';
import {
  dateSort,
  executeOrConflict,
  findAssociationInScope,
  staleVersion,
} from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole } from '../identity/actor.ts';
import { pathWithin, type Role } from '../identity/session-user.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import { AWARD_CATEGORIES, type AwardCategory } from './award.type.ts';
import {
  type AwardRecipientFields,
  type AwardRoundFields,
  type RecipientKind,
  recipientKindOf,
  validateAwardRecipientFields,
  validateAwardRoundFields,
} from './award.validation.ts';

const ROUND = { zh: '表彰', en: 'Award round' };
const RECIPIENT = { zh: '获表彰对象', en: 'Award recipient' };
const PERSON = { zh: '人员', en: 'Person' };

/**
 * Commendations are decided by the county and township associations (the domain's "county approves
 * awards"): clerks and auditors read them. The database's write policies admit any writing role in
 * scope, and a round's region is a county or township, so a clerk's village scope never reaches one.
 */
const AWARD_WRITER_ROLES: readonly Role[] = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN'];

const DUPLICATE_DOCUMENT = {
  field: 'input.documentNumber',
  messageZh: '该区划在该年度已有相同文号的表彰',
  messageEn: 'This region already has a round with that document number for that year',
};

export interface AwardRoundView {
  id: string;
  regionId: string;
  regionPath: string;
  title: string;
  year: number;
  issuingBody: string;
  documentNumber: string;
  issuedOn: string;
  recipientCount: number;
  /** Fen as a string of digits. */
  prizeTotalFen: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface AwardRecipientView {
  id: string;
  roundId: string;
  regionId: string;
  category: AwardCategory;
  associationId: string | null;
  associationCode: string | null;
  personId: string | null;
  recipientName: string | null;
  citation: string;
  prizeFen: string | null;
  namePublicationConsent: boolean;
  consentRecordedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface AwardRoundFilter {
  regionCode?: string | null;
  year?: number | null;
}

export interface NewAwardRound extends AwardRoundFields {
  regionCode: string;
}

export interface NewAwardRecipient extends AwardRecipientFields {
  roundId: string;
  associationId: string | null;
  personId: string | null;
}

// Totals per round in the same statement: one lateral aggregate over the round's recipients.
const ROUND_COLUMNS = `r.id, r.region_id, r.region_path::text as region_path, r.title, r.year, r.issuing_body,
  r.document_number, r.issued_on::text as issued_on, coalesce(t.n, 0)::int as recipient_count,
  coalesce(t.prize, 0)::text as prize_total_fen, r.created_at, r.updated_at, r.version`;
const ROUND_FROM = `from award_round r
  left join lateral (select count(*) as n, sum(x.prize_fen) as prize from award_recipient x
                      where x.round_id = r.id) t on true`;

interface RoundRow {
  id: string;
  region_id: string;
  region_path: string;
  title: string;
  year: number;
  issuing_body: string;
  document_number: string;
  issued_on: string;
  recipient_count: number;
  prize_total_fen: string;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

function toRoundView(row: RoundRow): AwardRoundView {
  return {
    id: row.id,
    regionId: row.region_id,
    regionPath: row.region_path,
    title: row.title,
    year: row.year,
    issuingBody: row.issuing_body,
    documentNumber: row.document_number,
    issuedOn: row.issued_on,
    recipientCount: row.recipient_count,
    prizeTotalFen: row.prize_total_fen,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

// Names come from the association or the person, as the caller may see them (row-level security).
const RECIPIENT_COLUMNS = `x.id, x.round_id, x.region_id, x.category, x.association_id, a.code as association_code,
  x.person_id, coalesce(a.name, p.name) as recipient_name, x.citation, x.prize_fen::text as prize_fen,
  x.name_publication_consent, x.consent_recorded_on::text as consent_recorded_on, x.created_at, x.updated_at,
  x.version`;
const RECIPIENT_FROM = `from award_recipient x
  left join association a on a.id = x.association_id
  left join person p on p.id = x.person_id`;
// Units first, then individuals, in the order the categories are listed; within one, as entered.
const RECIPIENT_ORDER = `array_position(array[${AWARD_CATEGORIES.map((c) => `'${c}'`).join(', ')}], x.category),
  x.created_at, x.id`;

interface RecipientRow {
  id: string;
  round_id: string;
  region_id: string;
  category: AwardCategory;
  association_id: string | null;
  association_code: string | null;
  person_id: string | null;
  recipient_name: string | null;
  citation: string;
  prize_fen: string | null;
  name_publication_consent: boolean;
  consent_recorded_on: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

function toRecipientView(row: RecipientRow): AwardRecipientView {
  return {
    id: row.id,
    roundId: row.round_id,
    regionId: row.region_id,
    category: row.category,
    associationId: row.association_id,
    associationCode: row.association_code,
    personId: row.person_id,
    recipientName: row.recipient_name,
    citation: row.citation,
    prizeFen: row.prize_fen,
    namePublicationConsent: row.name_publication_consent,
    consentRecordedOn: row.consent_recorded_on,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

/**
 * Commendation rounds (表彰) and their recipients: associations (先进集体) and persons (先进个人,
 * 优秀会员, 优秀志愿者), each with a citation, an optional prize in fen and, for a person, whether they
 * consented to their full name being published.
 */
export class AwardService {
  constructor(private readonly orm: MikroORM) {}

  async getRound(actor: Actor, id: string): Promise<AwardRoundView> {
    return withScope(this.orm, actor.user, (em) => this.loadRound(em, id, 'id'));
  }

  /** Rounds in the caller's scope, latest issued first. */
  async listRounds(
    actor: Actor,
    page: PageRequest,
    filter: AwardRoundFilter = {},
  ): Promise<Page<AwardRoundView>> {
    const size = pageSize(page.first);
    if (filter.year != null && (!Number.isInteger(filter.year) || filter.year < 1980 || filter.year > 2200)) {
      throw badInput(
        'filter.year',
        '表彰年度应为 1980–2200 之间的年份',
        'The year must be between 1980 and 2200',
      );
    }
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.regionCode) {
        where.push('r.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      if (filter.year != null) {
        where.push('r.year = ?');
        params.push(filter.year);
      }
      return keysetPage(em, {
        from: ROUND_FROM,
        countFrom: 'from award_round r',
        columns: ROUND_COLUMNS,
        where,
        params,
        sort: dateSort('r.issued_on'),
        idColumn: 'r.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: (row: RoundRow) => toRoundView(row),
      });
    });
  }

  /** For batch loaders: the recipients of each round, in one statement for all of them. */
  async recipientsOf(actor: Actor, roundIds: readonly string[]): Promise<AwardRecipientView[][]> {
    const rows = await scopedRead<RecipientRow>(
      this.orm,
      actor.user,
      `select ${RECIPIENT_COLUMNS} ${RECIPIENT_FROM} where x.round_id = any(?::uuid[]) order by ${RECIPIENT_ORDER}`,
      [sqlArray(roundIds)],
    );
    return groupByKey(roundIds, rows.map(toRecipientView), (row) => row.roundId);
  }

  async createRound(actor: Actor, input: NewAwardRound): Promise<AwardRoundView> {
    requireRole(actor, AWARD_WRITER_ROLES);
    const fields = validateAwardRoundFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const region = await findRegionRowInScope(em, actor, input.regionCode, 'input.regionCode');
      if (region.level !== 'COUNTY' && region.level !== 'TOWNSHIP') {
        throw badInput(
          'input.regionCode',
          '表彰由县级或乡镇级发起，请选择县或乡镇',
          'A round is issued by a county or a township; choose one of those',
        );
      }
      const [inserted] = await executeOrConflict<{ id: string }>(
        em,
        `insert into award_round (region_id, title, year, issuing_body, document_number, issued_on,
                                  created_by, updated_by)
         values (?, ?, ?, ?, ?, ?::date, ?, ?)
         returning id`,
        [
          region.id,
          fields.title,
          fields.year,
          fields.issuingBody,
          fields.documentNumber,
          fields.issuedOn,
          actor.user.id,
          actor.user.id,
        ],
        DUPLICATE_DOCUMENT,
      );
      const view = await this.loadRound(em, (inserted as { id: string }).id, 'id');
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'award_round.create',
        entity: 'award_round',
        entityId: view.id,
        regionPath: view.regionPath,
        after: view,
      });
      return view;
    });
  }

  async updateRound(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: AwardRoundFields,
  ): Promise<AwardRoundView> {
    requireRole(actor, AWARD_WRITER_ROLES);
    const fields = validateAwardRoundFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      await this.lockVersion(em, 'award_round', ROUND, id, expectedVersion);
      const before = await this.loadRound(em, id, 'id');
      await executeOrConflict(
        em,
        `update award_round
            set title = ?, year = ?, issuing_body = ?, document_number = ?, issued_on = ?::date,
                updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [
          fields.title,
          fields.year,
          fields.issuingBody,
          fields.documentNumber,
          fields.issuedOn,
          actor.user.id,
          id,
        ],
        DUPLICATE_DOCUMENT,
      );
      const after = await this.loadRound(em, id, 'id');
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'award_round.update',
        entity: 'award_round',
        entityId: id,
        regionPath: after.regionPath,
        before,
        after,
      });
      return after;
    });
  }

  async addRecipient(actor: Actor, input: NewAwardRecipient): Promise<AwardRecipientView> {
    requireRole(actor, AWARD_WRITER_ROLES);
    const associationId = input.associationId || null;
    const personId = input.personId || null;
    const kind = recipientKindOf(associationId, personId);
    const fields = validateAwardRecipientFields(input, kind);
    return withScope(this.orm, actor.user, async (em) => {
      const round = await this.loadRound(em, input.roundId, 'input.roundId');
      const recipient =
        kind === 'ASSOCIATION'
          ? await findAssociationInScope(em, actor, associationId as string, 'input.associationId')
          : await findPersonInScope(em, actor, personId as string);
      if (!pathWithin(recipient.regionPath, round.regionPath)) throw outsideRound(kind);
      const [inserted] = await executeOrConflict<{ id: string }>(
        em,
        `insert into award_recipient (round_id, region_id, association_id, person_id, category, citation,
                                      prize_fen, name_publication_consent, consent_recorded_on,
                                      created_by, updated_by)
         values (?, ?, ?, ?, ?, ?, ?::bigint, ?, ?::date, ?, ?)
         returning id`,
        [
          round.id,
          recipient.regionId,
          associationId,
          personId,
          fields.category,
          fields.citation,
          fields.prizeFen,
          fields.namePublicationConsent,
          fields.consentRecordedOn,
          actor.user.id,
          actor.user.id,
        ],
        kind === 'ASSOCIATION'
          ? {
              field: 'input.associationId',
              messageZh: '该协会已在本次表彰名单中',
              messageEn: 'This association is already a recipient in this round',
            }
          : {
              field: 'input.personId',
              messageZh: '该人员已在本次表彰名单中',
              messageEn: 'This person is already a recipient in this round',
            },
      );
      const view = await this.loadRecipient(em, (inserted as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'award_recipient.add',
        entity: 'award_recipient',
        entityId: view.id,
        regionPath: round.regionPath,
        after: view,
      });
      return view;
    });
  }

  async updateRecipient(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: AwardRecipientFields,
  ): Promise<AwardRecipientView> {
    requireRole(actor, AWARD_WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await this.lockVersion(em, 'award_recipient', RECIPIENT, id, expectedVersion);
      const before = await this.loadRecipient(em, id);
      const kind: RecipientKind = before.associationId ? 'ASSOCIATION' : 'PERSON';
      const fields = validateAwardRecipientFields(input, kind);
      await em.execute(
        `update award_recipient
            set category = ?, citation = ?, prize_fen = ?::bigint, name_publication_consent = ?,
                consent_recorded_on = ?::date, updated_by = ?, updated_at = now(), version = version + 1
          where id = ?`,
        [
          fields.category,
          fields.citation,
          fields.prizeFen,
          fields.namePublicationConsent,
          fields.consentRecordedOn,
          actor.user.id,
          id,
        ],
      );
      const after = await this.loadRecipient(em, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'award_recipient.update',
        entity: 'award_recipient',
        entityId: id,
        regionPath: locked.roundPath,
        before,
        after,
      });
      return after;
    });
  }

  /** Takes a recipient off a round (audited); answers the round with its new totals. */
  async removeRecipient(actor: Actor, id: string, expectedVersion: number): Promise<AwardRoundView> {
    requireRole(actor, AWARD_WRITER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await this.lockVersion(em, 'award_recipient', RECIPIENT, id, expectedVersion);
      const before = await this.loadRecipient(em, id);
      await em.execute('delete from award_recipient where id = ?', [id]);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'award_recipient.remove',
        entity: 'award_recipient',
        entityId: id,
        regionPath: locked.roundPath,
        before,
      });
      return this.loadRound(em, before.roundId, 'id');
    });
  }

  /**
   * Locks a row for the rest of the transaction and checks the version the caller saw. A recipient
   * is found only with its round in sight (the write policies' rule), so a clerk who can read a
   * recipient in their village still gets NOT_FOUND for a county round's. Answers the round's path.
   */
  private async lockVersion(
    em: EntityManager,
    table: 'award_round' | 'award_recipient',
    what: { zh: string; en: string },
    id: string,
    expectedVersion: number,
  ): Promise<{ roundPath: string }> {
    if (!isUuid(id)) throw notFound(what, 'id');
    const sql =
      table === 'award_round'
        ? 'select r.version, r.region_path::text as round_path from award_round r where r.id = ? for update'
        : `select x.version, r.region_path::text as round_path
             from award_recipient x join award_round r on r.id = x.round_id where x.id = ? for update of x`;
    const [row] = (await em.execute(sql, [id])) as { version: number; round_path: string }[];
    if (!row) throw notFound(what, 'id');
    if (row.version !== expectedVersion) throw staleVersion(what);
    return { roundPath: row.round_path };
  }

  private async loadRound(em: EntityManager, id: string, field: string): Promise<AwardRoundView> {
    if (!isUuid(id)) throw notFound(ROUND, field);
    const [row] = (await em.execute(`select ${ROUND_COLUMNS} ${ROUND_FROM} where r.id = ?`, [
      id,
    ])) as RoundRow[];
    if (!row) throw notFound(ROUND, field);
    return toRoundView(row);
  }

  private async loadRecipient(em: EntityManager, id: string): Promise<AwardRecipientView> {
    const [row] = (await em.execute(`select ${RECIPIENT_COLUMNS} ${RECIPIENT_FROM} where x.id = ?`, [
      id,
    ])) as RecipientRow[];
    if (!row) throw notFound(RECIPIENT, 'id');
    return toRecipientView(row);
  }
}

/** The person commended, by registered region; NOT_FOUND outside the caller's subtree. */
async function findPersonInScope(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<{ regionId: string; regionPath: string }> {
  if (!isUuid(id)) throw notFound(PERSON, 'input.personId');
  const [row] = (await em.execute(
    'select p.region_id, p.region_path::text as region_path from person p where p.id = ?',
    [id],
  )) as { region_id: string; region_path: string }[];
  if (!row || !pathWithin(row.region_path, actor.user.regionPath)) throw notFound(PERSON, 'input.personId');
  return { regionId: row.region_id, regionPath: row.region_path };
}

function outsideRound(kind: RecipientKind) {
  return kind === 'ASSOCIATION'
    ? badInput(
        'input.associationId',
        '该协会不在本次表彰的发起区划内',
        "This association is outside the round's issuing region",
      )
    : badInput(
        'input.personId',
        '该人员的户籍不在本次表彰的发起区划内',
        "This person is not registered within the round's issuing region",
      );
}
