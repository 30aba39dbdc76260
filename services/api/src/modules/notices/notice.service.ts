import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { keysetPage } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, type DomainErrorDetails, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid, requireDate, requireText, todayInChina } from '../../validation/field-checks.ts';
import { dateSort, staleVersion } from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import {
  adminsOnly,
  programVisibleTo,
  type RollListFilter,
  requireTownshipOrCountyAdmin,
  rollListTerms,
} from '../enrollments/enrollment.service.ts';
import { checkYear } from '../enrollments/enrollment.validation.ts';
import { mayWriteSensitive } from '../households/household.service.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';
import { guarded } from '../programs/money-guards.ts';
import { findProgram } from '../programs/program.service.ts';
import { objectionOffice, objectionPhone } from '../programs/program.validation.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import {
  type NoticeStatus,
  OBJECTION_CHANNELS,
  type ObjectionChannel,
  type ObjectionOutcome,
  type ObjectionStatus,
} from './notice.type.ts';
import { publicObjectionToken, storedObjectionToken } from './objection-token.ts';

const NOTICE = { zh: '公示', en: 'Notice' };
const OBJECTION = { zh: '异议', en: 'Objection' };
/** How far from today a notice may start: a notice already on the board is recorded late, not much later. */
const START_WINDOW_DAYS = 30;

export interface NoticeView {
  id: string;
  programId: string;
  year: number;
  regionId: string;
  regionPath: string;
  startsOn: string;
  endsOn: string;
  objectionOffice: string;
  objectionPhone: string;
  status: NoticeStatus;
  daysLeft: number;
  openedBy: string;
  openedAt: Date;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  sensitive: boolean;
  version: number;
}

export interface ObjectionView {
  id: string;
  noticeId: string;
  enrollmentId: string;
  objectionToken: string;
  receivedOn: string;
  channel: ObjectionChannel;
  summary: string;
  status: ObjectionStatus;
  resolution: string | null;
  recordedBy: string;
  recordedAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  version: number;
}

export interface NoticeFilter extends RollListFilter {
  status?: NoticeStatus | null;
}

export interface OpenNoticeFields {
  programId: string;
  year: number;
  regionCode: string;
  startsOn: string;
  objectionOffice?: string | null;
  objectionPhone?: string | null;
}

export interface ObjectionFields {
  token: string;
  receivedOn: string;
  channel: string;
  summary: string;
}

// The stored status is OPEN or CONFIRMED; CLOSED is an open notice whose last day has passed (in China).
const STATUS_SQL = `case when n.status = 'CONFIRMED' then 'CONFIRMED' when china_today() > n.ends_on then 'CLOSED'
  else 'OPEN' end`;
const NOTICE_COLUMNS = `n.id, n.program_id, n.year, n.region_id, n.region_path::text as region_path,
  n.starts_on::text as starts_on, n.ends_on::text as ends_on, n.objection_office, n.objection_phone,
  ${STATUS_SQL} as status,
  case when n.status = 'CONFIRMED' or china_today() > n.ends_on then 0
       else n.ends_on - greatest(china_today(), n.starts_on) + 1 end as days_left,
  n.opened_by, n.opened_at, n.confirmed_by, n.confirmed_at, n.sensitive, n.version`;
const NOTICE_FROM = 'from notice n join program p on p.id = n.program_id';

interface NoticeRow {
  id: string;
  program_id: string;
  year: number;
  region_id: string;
  region_path: string;
  starts_on: string;
  ends_on: string;
  objection_office: string;
  objection_phone: string;
  status: NoticeStatus;
  days_left: number;
  opened_by: string;
  opened_at: Date | string;
  confirmed_by: string | null;
  confirmed_at: Date | string | null;
  sensitive: boolean;
  version: number;
}

const OBJECTION_COLUMNS = `o.id, o.notice_id, o.enrollment_id, e.objection_token, o.received_on::text as received_on,
  o.channel, o.summary, o.status, o.resolution, o.recorded_by, o.recorded_at, o.resolved_by, o.resolved_at, o.version`;
const OBJECTION_FROM = `from objection o join enrollment e on e.id = o.enrollment_id
  join program p on p.id = e.program_id`;

interface ObjectionRow {
  id: string;
  notice_id: string;
  enrollment_id: string;
  objection_token: string;
  received_on: string;
  channel: ObjectionChannel;
  summary: string;
  status: ObjectionStatus;
  resolution: string | null;
  recorded_by: string;
  recorded_at: Date | string;
  resolved_by: string | null;
  resolved_at: Date | string | null;
  version: number;
}

function toNoticeView(row: NoticeRow): NoticeView {
  return {
    id: row.id,
    programId: row.program_id,
    year: row.year,
    regionId: row.region_id,
    regionPath: row.region_path,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    objectionOffice: row.objection_office,
    objectionPhone: row.objection_phone,
    status: row.status,
    daysLeft: row.days_left,
    openedBy: row.opened_by,
    openedAt: new Date(row.opened_at),
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at === null ? null : new Date(row.confirmed_at),
    sensitive: row.sensitive,
    version: row.version,
  };
}

function toObjectionView(row: ObjectionRow): ObjectionView {
  return {
    id: row.id,
    noticeId: row.notice_id,
    enrollmentId: row.enrollment_id,
    objectionToken: publicObjectionToken(row.objection_token),
    receivedOn: row.received_on,
    channel: row.channel,
    summary: row.summary,
    status: row.status,
    resolution: row.resolution,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    version: row.version,
  };
}

const OPEN_ROLE = adminsOnly({ zh: '发起公示', en: 'open a notice' });
const RESOLVE_ROLE = adminsOnly({ zh: '处理异议', en: 'resolve an objection' });
const CONFIRM_ROLE = adminsOnly({ zh: '确认公示名单', en: 'confirm a roll' });
const AUDITOR_READS: DomainErrorDetails = {
  code: 'FORBIDDEN',
  messageZh: '审计监督员只能查阅，不能登记异议',
  messageEn: 'Auditors read only; they do not record objections',
};
const SENSITIVE_NOTICE: DomainErrorDetails = {
  code: 'FORBIDDEN',
  field: 'input.programId',
  messageZh: '该项目涉及计生特殊家庭，须由乡镇或县级管理员公示',
  messageEn:
    'This program concerns families whose only child died or is disabled; the township or county posts it',
};
// The same answer whether the token is unknown, elsewhere, or on a notice already confirmed: the
// token is all the public has, and the answer must not tell them more.
const TOKEN_NOT_FOUND: DomainErrorDetails = {
  code: 'NOT_FOUND',
  field: 'input.token',
  messageZh: '您管辖范围内正在公示的名单上没有这个异议编号',
  messageEn: 'No one on an open notice in your jurisdiction has this objection token',
};
const TOKEN = /^[0-9a-f]{32}$/;

/**
 * Public notices (公示) of the approved roll, the objections raised while they run, and their
 * confirmation: only after the last day, only with every objection resolved; an upheld objection
 * strikes its person off, everyone else is confirmed.
 */
export class NoticeService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<NoticeView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, actor, id));
  }

  async list(actor: Actor, page: PageRequest, filter: NoticeFilter = {}): Promise<Page<NoticeView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const { where, params } = await rollListTerms(em, actor, 'n', filter);
      if (filter.status) {
        where.push(`${STATUS_SQL} = ?`);
        params.push(filter.status);
      }
      return keysetPage(em, {
        from: NOTICE_FROM,
        columns: NOTICE_COLUMNS,
        where,
        params,
        sort: dateSort('n.starts_on'),
        idColumn: 'n.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: toNoticeView,
      });
    });
  }

  /** For batch loaders: the objections of these notices, oldest first. */
  async objectionsOf(actor: Actor, noticeIds: readonly string[]): Promise<ObjectionView[][]> {
    const rows = await scopedRead<ObjectionRow>(
      this.orm,
      actor.user,
      `select ${OBJECTION_COLUMNS} ${OBJECTION_FROM}
        where o.notice_id = any(?::uuid[]) and ${programVisibleTo(actor.user)}
        order by o.received_on, o.recorded_at, o.id`,
      [sqlArray(noticeIds)],
    );
    return groupByKey(noticeIds, rows.map(toObjectionView), (view) => view.noticeId);
  }

  async open(actor: Actor, input: OpenNoticeFields): Promise<NoticeView> {
    requireTownshipOrCountyAdmin(actor, OPEN_ROLE);
    const year = checkYear('input.year', input.year);
    const startsOn = requireDate('input.startsOn', input.startsOn, { zh: '公示开始日期', en: 'Start date' });
    const today = todayInChina();
    const earliest = shiftDays(today, -START_WINDOW_DAYS);
    const latest = shiftDays(today, START_WINDOW_DAYS);
    if (startsOn < earliest || startsOn > latest) {
      throw badInput(
        'input.startsOn',
        `公示开始日期应在今天前后 ${START_WINDOW_DAYS} 天内（${earliest} 至 ${latest}）`,
        `The start date must be within ${START_WINDOW_DAYS} days of today (${earliest} to ${latest})`,
      );
    }
    const office = input.objectionOffice?.trim()
      ? objectionOffice('input.objectionOffice', input.objectionOffice)
      : null;
    const phone = input.objectionPhone?.trim()
      ? objectionPhone('input.objectionPhone', input.objectionPhone)
      : null;
    return withScope(this.orm, actor.user, async (em) => {
      const program = await findProgram(em, input.programId, 'input.programId');
      if (program.sensitive && !mayWriteSensitive(actor.user)) throw new DomainError(SENSITIVE_NOTICE);
      const region = await findRegionRowInScope(em, actor, input.regionCode, 'input.regionCode');
      if (region.level !== 'TOWNSHIP' && region.level !== 'COUNTY') {
        throw badInput(
          'input.regionCode',
          '公示范围应为乡镇或县',
          'A notice is posted for a township or the county',
        );
      }
      const approved = (await em.execute(
        `select e.id from enrollment e
          where e.program_id = ? and e.year = ? and e.status = 'APPROVED' and ${inRegionSubtree('e')}
          order by e.id for update`,
        [program.id, year, region.path],
      )) as { id: string }[];
      if (approved.length === 0) {
        throw new DomainError({
          code: 'INVALID_STATE',
          field: 'input.regionCode',
          messageZh: '该范围内没有该项目该年度已审批、待公示的对象',
          messageEn: 'No approved enrollment of this program and year awaits a notice in that region',
        });
      }
      const [inserted] = await guarded(
        em.execute(
          `insert into notice (program_id, year, region_id, starts_on, ends_on, objection_office, objection_phone,
                               opened_by)
           select p.id, ?, ?, ?::date, notice_end(?::date, p.notice_days, p.notice_day_kind), ?, ?, ?
             from program p where p.id = ?
           returning id`,
          [
            year,
            region.id,
            startsOn,
            startsOn,
            office ?? program.objectionOffice,
            phone ?? program.objectionPhone,
            actor.user.id,
            program.id,
          ],
        ) as Promise<{ id: string }[]>,
        { forbidden: OPEN_ROLE },
      );
      const noticeId = (inserted as { id: string }).id;
      const enrollmentIds = approved.map((row) => row.id);
      await guarded(
        em.execute(
          `update enrollment set status = 'IN_NOTICE', notice_id = ?, version = version + 1
            where id = any(?::uuid[])`,
          [noticeId, sqlArray(enrollmentIds)],
        ),
        { forbidden: OPEN_ROLE },
      );
      const view = await this.load(em, actor, noticeId);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'notice.open',
        entity: 'notice',
        entityId: noticeId,
        regionPath: view.regionPath,
        after: { notice: view, enrollmentIds },
        sensitive: program.sensitive,
      });
      return view;
    });
  }

  /**
   * Records an objection against the person a token names. The token is all the public has; a
   * token not on an open notice in the caller's jurisdiction is NOT_FOUND, whatever else it is.
   */
  async recordObjection(actor: Actor, input: ObjectionFields): Promise<ObjectionView> {
    if (actor.user.role === 'AUDITOR') throw new DomainError(AUDITOR_READS);
    const token = storedObjectionToken(input.token);
    if (!TOKEN.test(token)) throw new DomainError(TOKEN_NOT_FOUND);
    const receivedOn = requireDate(
      'input.receivedOn',
      input.receivedOn,
      { zh: '收到日期', en: 'Date received' },
      { notInFuture: true },
    );
    if (!(OBJECTION_CHANNELS as readonly string[]).includes(input.channel)) {
      throw badInput('input.channel', '异议提出方式无效', 'Unknown channel');
    }
    const summary = requireText('input.summary', input.summary, 2, 1000, { zh: '异议内容', en: 'Summary' });
    return withScope(this.orm, actor.user, async (em) => {
      const [target] = (await em.execute(
        `select e.id as enrollment_id, e.region_id, e.region_path::text as region_path, n.id as notice_id,
                n.starts_on::text as starts_on, n.ends_on::text as ends_on,
                p.sensitive
           from enrollment e join notice n on n.id = e.notice_id join program p on p.id = e.program_id
          where e.objection_token = ? and e.status = 'IN_NOTICE' and n.status = 'OPEN'
            and ${programVisibleTo(actor.user)}`,
        [token],
      )) as {
        enrollment_id: string;
        region_id: string;
        region_path: string;
        notice_id: string;
        starts_on: string;
        ends_on: string;
        sensitive: boolean;
      }[];
      if (!target) throw new DomainError(TOKEN_NOT_FOUND);
      if (receivedOn < target.starts_on || receivedOn > target.ends_on) {
        throw badInput(
          'input.receivedOn',
          `异议须在公示期内收到（${target.starts_on} 至 ${target.ends_on}）`,
          `An objection is received while the notice runs (${target.starts_on} to ${target.ends_on})`,
        );
      }
      const [inserted] = await guarded(
        em.execute(
          `insert into objection (notice_id, enrollment_id, region_id, received_on, channel, summary, recorded_by)
           values (?, ?, ?, ?::date, ?, ?, ?)
           returning id`,
          [
            target.notice_id,
            target.enrollment_id,
            target.region_id,
            receivedOn,
            input.channel,
            summary,
            actor.user.id,
          ],
        ) as Promise<{ id: string }[]>,
        {
          forbidden: {
            code: 'FORBIDDEN',
            messageZh: '您无权登记此异议',
            messageEn: 'You may not record this objection',
          },
          check: {
            code: 'BAD_INPUT',
            field: 'input.receivedOn',
            messageZh: '异议须在公示期内收到',
            messageEn: 'An objection is received while the notice runs',
          },
        },
      );
      const view = await this.loadObjection(em, actor, (inserted as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'objection.record',
        entity: 'objection',
        entityId: view.id,
        regionPath: target.region_path,
        after: view,
        sensitive: target.sensitive,
      });
      return view;
    });
  }

  async resolveObjection(
    actor: Actor,
    id: string,
    expectedVersion: number,
    outcome: ObjectionOutcome,
    resolution: string,
  ): Promise<ObjectionView> {
    requireTownshipOrCountyAdmin(actor, RESOLVE_ROLE);
    if (outcome !== 'UPHELD' && outcome !== 'DISMISSED') {
      throw badInput('outcome', '处理结论应为成立或不成立', 'The outcome is upheld or dismissed');
    }
    const text = requireText('resolution', resolution, 2, 1000, { zh: '处理意见', en: 'Resolution' });
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(id)) throw notFound(OBJECTION, 'id');
      const [locked] = (await em.execute(
        `select o.status, o.version, e.region_path::text as region_path, p.sensitive
           ${OBJECTION_FROM}
          where o.id = ? and ${programVisibleTo(actor.user)}
          for update of o`,
        [id],
      )) as { status: ObjectionStatus; version: number; region_path: string; sensitive: boolean }[];
      if (!locked) throw notFound(OBJECTION, 'id');
      if (locked.version !== expectedVersion) throw staleVersion(OBJECTION);
      if (locked.status !== 'OPEN') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '该异议已处理，不能再次处理',
          messageEn: 'This objection is already resolved',
        });
      }
      const before = await this.loadObjection(em, actor, id);
      await guarded(
        em.execute(
          `update objection set status = ?, resolution = ?, resolved_by = ?, version = version + 1 where id = ?`,
          [outcome, text, actor.user.id, id],
        ),
        { forbidden: RESOLVE_ROLE },
      );
      const after = await this.loadObjection(em, actor, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'objection.resolve',
        entity: 'objection',
        entityId: id,
        regionPath: locked.region_path,
        before,
        after,
        sensitive: locked.sensitive,
      });
      return after;
    });
  }

  /**
   * Confirms the roll of a notice, in one transaction: the notice becomes CONFIRMED, then those
   * with an upheld objection are struck off (REJECTED, with the resolution as the reason) and
   * everyone else on it is CONFIRMED.
   */
  async confirm(actor: Actor, id: string, expectedVersion: number): Promise<NoticeView> {
    requireTownshipOrCountyAdmin(actor, CONFIRM_ROLE);
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(id)) throw notFound(NOTICE, 'id');
      const [locked] = (await em.execute(
        `select n.status, n.version, n.region_path::text as region_path, n.ends_on::text as ends_on,
                china_today() > n.ends_on as ended, p.sensitive,
                (select count(*)::int from objection o where o.notice_id = n.id and o.status = 'OPEN') as open_objections
           ${NOTICE_FROM}
          where n.id = ? and ${programVisibleTo(actor.user)}
          for update of n`,
        [id],
      )) as {
        status: 'OPEN' | 'CONFIRMED';
        version: number;
        region_path: string;
        ends_on: string;
        ended: boolean;
        sensitive: boolean;
        open_objections: number;
      }[];
      if (!locked) throw notFound(NOTICE, 'id');
      if (!pathWithin(locked.region_path, actor.user.regionPath)) {
        throw new DomainError({
          code: 'FORBIDDEN',
          messageZh: '该公示由上级发起，须由发起公示的层级确认',
          messageEn: 'A higher level opened this notice; that level confirms it',
        });
      }
      if (locked.version !== expectedVersion) throw staleVersion(NOTICE);
      if (locked.status === 'CONFIRMED') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '该公示名单已确认',
          messageEn: 'This roll is already confirmed',
        });
      }
      if (!locked.ended) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: `公示期至 ${locked.ends_on} 结束，结束后方可确认名单`,
          messageEn: `The notice runs until ${locked.ends_on}; the roll is confirmed after it ends`,
        });
      }
      if (locked.open_objections > 0) {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: `尚有 ${locked.open_objections} 条异议未处理，全部处理后方可确认名单`,
          messageEn: `${locked.open_objections} objection(s) are still open; resolve every one before confirming the roll`,
        });
      }
      const before = await this.load(em, actor, id);
      const refusal = {
        forbidden: CONFIRM_ROLE,
        check: {
          code: 'INVALID_STATE' as const,
          messageZh: '公示期未结束或仍有未处理的异议，不能确认',
          messageEn: 'The notice has not ended or objections are still open; it cannot be confirmed',
        },
      };
      await guarded(
        em.execute(
          `update notice set status = 'CONFIRMED', confirmed_by = ?, version = version + 1 where id = ?`,
          [actor.user.id, id],
        ),
        refusal,
      );
      const struckOff = (await guarded(
        em.execute(
          `update enrollment e
              set status = 'REJECTED', rejected_by = ?, version = e.version + 1,
                  rejection_reason = left('异议成立：' || (
                    select o.resolution from objection o
                     where o.enrollment_id = e.id and o.notice_id = e.notice_id and o.status = 'UPHELD'
                     order by o.resolved_at, o.id limit 1), 500)
            where e.notice_id = ? and e.status = 'IN_NOTICE'
              and exists (select from objection o
                           where o.enrollment_id = e.id and o.notice_id = e.notice_id and o.status = 'UPHELD')
            returning e.id`,
          [actor.user.id, id],
        ),
        refusal,
      )) as { id: string }[];
      const confirmed = (await guarded(
        em.execute(
          `update enrollment set status = 'CONFIRMED', version = version + 1
            where notice_id = ? and status = 'IN_NOTICE'
            returning id`,
          [id],
        ),
        refusal,
      )) as { id: string }[];
      const after = await this.load(em, actor, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'notice.confirm',
        entity: 'notice',
        entityId: id,
        regionPath: locked.region_path,
        before,
        after: {
          notice: after,
          confirmed: confirmed.map((row) => row.id).sort(),
          struckOff: struckOff.map((row) => row.id).sort(),
        },
        sensitive: locked.sensitive,
      });
      return after;
    });
  }

  private async load(em: EntityManager, actor: Actor, id: string): Promise<NoticeView> {
    if (!isUuid(id)) throw notFound(NOTICE, 'id');
    const [row] = (await em.execute(
      `select ${NOTICE_COLUMNS} ${NOTICE_FROM} where n.id = ? and ${programVisibleTo(actor.user)}`,
      [id],
    )) as NoticeRow[];
    if (!row) throw notFound(NOTICE, 'id');
    return toNoticeView(row);
  }

  private async loadObjection(em: EntityManager, actor: Actor, id: string): Promise<ObjectionView> {
    const [row] = (await em.execute(
      `select ${OBJECTION_COLUMNS} ${OBJECTION_FROM} where o.id = ? and ${programVisibleTo(actor.user)}`,
      [id],
    )) as ObjectionRow[];
    if (!row) throw notFound(OBJECTION, 'id');
    return toObjectionView(row);
  }
}

/** A YYYY-MM-DD day moved by whole days. */
function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
