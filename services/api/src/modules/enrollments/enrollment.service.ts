import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { keysetPage } from '../../db/keyset-page.ts';
import { inRegionSubtree } from '../../db/region-subtree.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, type DomainErrorDetails, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid } from '../../validation/field-checks.ts';
import { staleVersion, timestampSort } from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mayReadSensitive, mayWriteSensitive } from '../households/household.service.ts';
import { type Actor, APPROVER_ROLES } from '../identity/actor.ts';
import type { SessionUser } from '../identity/session-user.ts';
import { publicObjectionToken } from '../notices/objection-token.ts';
import {
  checkEligibility,
  type EligibilityFacts,
  eligibilityRuleText,
  variantFor,
} from '../programs/eligibility.ts';
import { ENROLLMENT_KIND_LABELS, evidenceList } from '../programs/evidence-labels.ts';
import { guarded } from '../programs/money-guards.ts';
import { findProgram, type ProgramView } from '../programs/program.service.ts';
import type { EnrollmentKind } from '../programs/program-catalogue.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import type { EnrollmentStatus, ExitReason } from './enrollment.type.ts';
import {
  type CheckedEnrollment,
  checkYear,
  type EnrollmentFields,
  type EvidenceItem,
  requireReason,
  validateEnrollmentFields,
} from './enrollment.validation.ts';

export const ENROLLMENT = { zh: '对象申报', en: 'Enrollment' };
const PERSON = { zh: '人员', en: 'Person' };

export const STATUS_LABELS: Record<EnrollmentStatus, { zh: string; en: string }> = {
  SUBMITTED: { zh: '待审核', en: 'submitted' },
  REVIEWED: { zh: '已审核待审批', en: 'reviewed' },
  APPROVED: { zh: '已审批待公示', en: 'approved' },
  IN_NOTICE: { zh: '公示中', en: 'on notice' },
  CONFIRMED: { zh: '已确认', en: 'confirmed' },
  REJECTED: { zh: '已退回', en: 'sent back' },
};

export interface EnrollmentView {
  id: string;
  programId: string;
  personId: string;
  personName: string;
  year: number;
  regionId: string;
  regionPath: string;
  kind: EnrollmentKind;
  exitReason: ExitReason | null;
  variant: string;
  evidence: EvidenceItem[];
  status: EnrollmentStatus;
  submittedBy: string;
  submittedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
  rejectionReason: string | null;
  noticeId: string | null;
  objectionToken: string;
  sensitive: boolean;
  version: number;
}

export interface EnrollmentFilter extends RollListFilter {
  status?: EnrollmentStatus | null;
  kind?: EnrollmentKind | null;
  noticeId?: string | null;
}

export const ENROLLMENT_COLUMNS = `e.id, e.program_id, e.person_id, x.name as person_name, e.year, e.region_id,
  e.region_path::text as region_path, e.kind, e.exit_reason, e.variant, e.evidence, e.status, e.submitted_by,
  e.submitted_at, e.reviewed_by, e.reviewed_at, e.approved_by, e.approved_at, e.rejected_by, e.rejected_at,
  e.rejection_reason, e.notice_id, e.objection_token, e.sensitive, e.version`;
export const ENROLLMENT_FROM =
  'from enrollment e join person x on x.id = e.person_id join program p on p.id = e.program_id';

export interface EnrollmentRow {
  id: string;
  program_id: string;
  person_id: string;
  person_name: string;
  year: number;
  region_id: string;
  region_path: string;
  kind: EnrollmentKind;
  exit_reason: ExitReason | null;
  variant: string;
  evidence: EvidenceItem[];
  status: EnrollmentStatus;
  submitted_by: string;
  submitted_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  approved_by: string | null;
  approved_at: Date | string | null;
  rejected_by: string | null;
  rejected_at: Date | string | null;
  rejection_reason: string | null;
  notice_id: string | null;
  objection_token: string;
  sensitive: boolean;
  version: number;
}

const at = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function toEnrollmentView(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    programId: row.program_id,
    personId: row.person_id,
    personName: row.person_name,
    year: row.year,
    regionId: row.region_id,
    regionPath: row.region_path,
    kind: row.kind,
    exitReason: row.exit_reason,
    variant: row.variant,
    evidence: row.evidence,
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: new Date(row.submitted_at),
    reviewedBy: row.reviewed_by,
    reviewedAt: at(row.reviewed_at),
    approvedBy: row.approved_by,
    approvedAt: at(row.approved_at),
    rejectedBy: row.rejected_by,
    rejectedAt: at(row.rejected_at),
    rejectionReason: row.rejection_reason,
    noticeId: row.notice_id,
    objectionToken: publicObjectionToken(row.objection_token),
    sensitive: row.sensitive,
    version: row.version,
  };
}

/**
 * SQL: the programs (alias `p`) whose rows this caller may see: not the sensitive ones (special
 * assistance, care payments to the same families) unless they may read the sensitive statuses.
 */
export function programVisibleTo(user: Pick<SessionUser, 'role' | 'regionPath'>): string {
  return mayReadSensitive(user) ? 'true' : `not p.sensitive`;
}

/** The filters the roll's lists (enrollments, notices) share. */
export interface RollListFilter {
  programId?: string | null;
  year?: number | null;
  regionCode?: string | null;
}

/**
 * WHERE terms and their parameters for a list of rows of the roll (`alias`, joined to its program
 * as `p`): what the caller may see, then the program, year and region (subtree) filters.
 */
export async function rollListTerms(
  em: EntityManager,
  actor: Actor,
  alias: string,
  filter: RollListFilter,
): Promise<{ where: string[]; params: unknown[] }> {
  const where: string[] = [programVisibleTo(actor.user)];
  const params: unknown[] = [];
  if (filter.programId) {
    if (!isUuid(filter.programId)) throw notFound({ zh: '扶助项目', en: 'Program' }, 'filter.programId');
    where.push(`${alias}.program_id = ?`);
    params.push(filter.programId);
  }
  if (filter.year != null) {
    where.push(`${alias}.year = ?`);
    params.push(checkYear('filter.year', filter.year));
  }
  if (filter.regionCode) {
    const region = await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode');
    where.push(inRegionSubtree(alias));
    params.push(region.path);
  }
  return { where, params };
}

/** The facts about a person that eligibility rules are checked against, with where they are filed. */
interface PersonFacts extends EligibilityFacts {
  id: string;
  regionId: string;
  regionPath: string;
}

interface LockedEnrollment {
  id: string;
  status: EnrollmentStatus;
  submitted_by: string;
  reviewed_by: string | null;
  program_id: string;
  person_id: string;
  year: number;
  region_path: string;
  sensitive: boolean;
  version: number;
}

/** The refusal for anyone but a township or county admin trying `what`. */
export function adminsOnly(what: { zh: string; en: string }): DomainErrorDetails {
  return {
    code: 'FORBIDDEN',
    messageZh: `只有乡镇或县级管理员可以${what.zh}`,
    messageEn: `Only a township or county admin may ${what.en}`,
  };
}

/** Township and county admins only (they review, send back and post the roll); anyone else gets `refusal`. */
export function requireTownshipOrCountyAdmin(actor: Actor, refusal: DomainErrorDetails): void {
  if (!APPROVER_ROLES.includes(actor.user.role)) throw new DomainError(refusal);
}

const WRITERS_ONLY: DomainErrorDetails = {
  code: 'FORBIDDEN',
  messageZh: '审计监督员只能查阅，不能申报或审批',
  messageEn: 'Auditors read only; they do not submit or approve',
};
const SENSITIVE_SUBMITTER: DomainErrorDetails = {
  code: 'FORBIDDEN',
  field: 'input.programId',
  messageZh: '该项目涉及计生特殊家庭，须由乡镇或县级管理员申报',
  messageEn:
    'This program concerns families whose only child died or is disabled; the township or county submits it',
};
const REVIEWER_ROLE = adminsOnly({ zh: '审核申报', en: 'review a submission' });
const APPROVER_ROLE: DomainErrorDetails = {
  code: 'FORBIDDEN',
  messageZh: '只有县级管理员可以审批',
  messageEn: 'Only a county admin may approve',
};
const REJECTER_ROLE = adminsOnly({ zh: '退回申报', en: 'send a submission back' });
const OWN_REVIEW: DomainErrorDetails = {
  code: 'FOUR_EYES',
  messageZh: '审核须由不同人员进行：申报人不能审核自己的申报',
  messageEn: 'The review must be by a different person: the submitter cannot review their own submission',
};
const OWN_APPROVAL: DomainErrorDetails = {
  code: 'FOUR_EYES',
  messageZh: '审批须由不同人员进行：申报人和审核人都不能审批',
  messageEn: 'Approval must be by a different person: neither the submitter nor the reviewer may approve',
};
const OWN_REJECTION: DomainErrorDetails = {
  code: 'FOUR_EYES',
  messageZh: '退回须由不同人员进行：申报人不能退回自己的申报',
  messageEn:
    'Sending back must be by a different person: the submitter cannot send back their own submission',
};
const SUBMIT_REFUSED: DomainErrorDetails = {
  code: 'FORBIDDEN',
  messageZh: '您无权为该人员申报此项目',
  messageEn: 'You may not submit this person for this program',
};
const DUPLICATE: DomainErrorDetails = {
  code: 'CONFLICT',
  field: 'input.personId',
  messageZh: '该人员本年度已有此项目的申报，不能重复申报',
  messageEn: 'This person already has an enrollment in this program for that year',
};
const INCONSISTENT: DomainErrorDetails = {
  code: 'BAD_INPUT',
  field: 'input.evidence',
  messageZh: '申报不符合该项目的材料或档次要求',
  messageEn: "The submission does not meet the program's evidence or variant requirements",
};

function wrongState(action: { zh: string; en: string }, status: EnrollmentStatus): DomainError {
  return new DomainError({
    code: 'INVALID_STATE',
    messageZh: `当前状态为“${STATUS_LABELS[status].zh}”，不能${action.zh}`,
    messageEn: `The enrollment is ${STATUS_LABELS[status].en}; it cannot be ${action.en}`,
  });
}

/**
 * The yearly roll (对象确认): a village submits a person for a program and year with the evidence
 * the program requires; the township reviews; the county approves; each step by a different person
 * with authority over the region. The service checks each rule first, so that the refusal says which
 * one; the database's `enrollment_guard` enforces them all again.
 */
export class EnrollmentService {
  constructor(private readonly orm: MikroORM) {}

  async get(actor: Actor, id: string): Promise<EnrollmentView> {
    return withScope(this.orm, actor.user, (em) => this.load(em, actor, id));
  }

  /** For batch loaders: the enrollments on these notices, by place then name. */
  async byNotices(actor: Actor, noticeIds: readonly string[]): Promise<EnrollmentView[][]> {
    const rows = await scopedRead<EnrollmentRow>(
      this.orm,
      actor.user,
      `select ${ENROLLMENT_COLUMNS} ${ENROLLMENT_FROM}
        where e.notice_id = any(?::uuid[]) and ${programVisibleTo(actor.user)}
        order by e.region_path, x.name, e.id`,
      [sqlArray(noticeIds)],
    );
    return groupByKey(noticeIds, rows.map(toEnrollmentView), (view) => view.noticeId ?? '');
  }

  async list(actor: Actor, page: PageRequest, filter: EnrollmentFilter = {}): Promise<Page<EnrollmentView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const { where, params } = await rollListTerms(em, actor, 'e', filter);
      if (filter.status) {
        where.push('e.status = ?');
        params.push(filter.status);
      }
      if (filter.kind) {
        where.push('e.kind = ?');
        params.push(filter.kind);
      }
      if (filter.noticeId) {
        if (!isUuid(filter.noticeId)) throw notFound({ zh: '公示', en: 'Notice' }, 'filter.noticeId');
        where.push('e.notice_id = ?');
        params.push(filter.noticeId);
      }
      return keysetPage(em, {
        from: ENROLLMENT_FROM,
        countFrom: 'from enrollment e join program p on p.id = e.program_id',
        columns: ENROLLMENT_COLUMNS,
        where,
        params,
        sort: timestampSort('e.submitted_at'),
        idColumn: 'e.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: toEnrollmentView,
      });
    });
  }

  async submit(actor: Actor, input: EnrollmentFields): Promise<EnrollmentView> {
    this.requireWriter(actor);
    const fields = validateEnrollmentFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const program = await findProgram(em, fields.programId, 'input.programId');
      if (program.sensitive && !mayWriteSensitive(actor.user)) throw new DomainError(SENSITIVE_SUBMITTER);
      const person = await this.personFacts(em, actor, fields.personId);
      const [existing] = (await em.execute(
        'select status from enrollment where program_id = ? and person_id = ? and year = ?',
        [program.id, person.id, fields.year],
      )) as { status: EnrollmentStatus }[];
      if (existing) {
        throw new DomainError({
          ...DUPLICATE,
          messageZh: `${DUPLICATE.messageZh}（现状态：${STATUS_LABELS[existing.status].zh}）`,
          messageEn: `${DUPLICATE.messageEn} (now ${STATUS_LABELS[existing.status].en})`,
        });
      }
      const variant = await this.checkSubmission(em, program, person, fields);
      const [inserted] = await guarded(
        em.execute(
          `insert into enrollment (program_id, person_id, year, region_id, kind, exit_reason, variant, evidence,
                                   submitted_by)
           values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
           returning id`,
          [
            program.id,
            person.id,
            fields.year,
            person.regionId,
            fields.kind,
            fields.exitReason,
            variant,
            JSON.stringify(fields.evidence),
            actor.user.id,
          ],
        ) as Promise<{ id: string }[]>,
        {
          forbidden: SUBMIT_REFUSED,
          check: INCONSISTENT,
          unique: { enrollment_program_id_person_id_year_key: DUPLICATE },
        },
      );
      const view = await this.load(em, actor, (inserted as { id: string }).id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'enrollment.submit',
        entity: 'enrollment',
        entityId: view.id,
        regionPath: view.regionPath,
        after: view,
        sensitive: program.sensitive,
      });
      return view;
    });
  }

  /** A sent-back submission, corrected and submitted again (same person, program and year). */
  async resubmit(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: EnrollmentFields,
  ): Promise<EnrollmentView> {
    this.requireWriter(actor);
    const fields = validateEnrollmentFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await this.lock(em, actor, id, expectedVersion);
      if (locked.status !== 'REJECTED')
        throw wrongState({ zh: '重新申报', en: 'resubmitted' }, locked.status);
      if (
        fields.programId !== locked.program_id ||
        fields.personId !== locked.person_id ||
        fields.year !== locked.year
      ) {
        throw badInput(
          'input.personId',
          '重新申报须为原申报的同一人员、项目和年度',
          'A resubmission concerns the same person, program and year as the original',
        );
      }
      const program = await findProgram(em, fields.programId, 'input.programId');
      if (program.sensitive && !mayWriteSensitive(actor.user)) throw new DomainError(SENSITIVE_SUBMITTER);
      const person = await this.personFacts(em, actor, fields.personId);
      const variant = await this.checkSubmission(em, program, person, fields);
      const before = await this.load(em, actor, id);
      await guarded(
        em.execute(
          `update enrollment
              set status = 'SUBMITTED', submitted_by = ?, kind = ?, exit_reason = ?, variant = ?, evidence = ?::jsonb,
                  version = version + 1
            where id = ?`,
          [actor.user.id, fields.kind, fields.exitReason, variant, JSON.stringify(fields.evidence), id],
        ),
        { forbidden: SUBMIT_REFUSED, check: INCONSISTENT },
      );
      const after = await this.load(em, actor, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'enrollment.resubmit',
        entity: 'enrollment',
        entityId: id,
        regionPath: after.regionPath,
        before,
        after,
        sensitive: program.sensitive,
      });
      return after;
    });
  }

  async review(actor: Actor, id: string, expectedVersion: number): Promise<EnrollmentView> {
    requireTownshipOrCountyAdmin(actor, REVIEWER_ROLE);
    return this.transition(actor, id, expectedVersion, 'enrollment.review', (locked) => {
      if (locked.status !== 'SUBMITTED') throw wrongState({ zh: '审核', en: 'reviewed' }, locked.status);
      if (locked.submitted_by === actor.user.id) throw new DomainError(OWN_REVIEW);
      return {
        sql: `update enrollment set status = 'REVIEWED', reviewed_by = ?, version = version + 1 where id = ?`,
        params: [actor.user.id, id],
        refusal: OWN_REVIEW,
      };
    });
  }

  async approve(actor: Actor, id: string, expectedVersion: number): Promise<EnrollmentView> {
    if (actor.user.role !== 'COUNTY_ADMIN') throw new DomainError(APPROVER_ROLE);
    return this.transition(actor, id, expectedVersion, 'enrollment.approve', (locked) => {
      if (locked.status !== 'REVIEWED') throw wrongState({ zh: '审批', en: 'approved' }, locked.status);
      if (locked.submitted_by === actor.user.id || locked.reviewed_by === actor.user.id) {
        throw new DomainError(OWN_APPROVAL);
      }
      return {
        sql: `update enrollment set status = 'APPROVED', approved_by = ?, version = version + 1 where id = ?`,
        params: [actor.user.id, id],
        refusal: OWN_APPROVAL,
      };
    });
  }

  /** Sends a submission back to the village, with the reason; it may then be resubmitted. */
  async reject(actor: Actor, id: string, expectedVersion: number, reason: string): Promise<EnrollmentView> {
    requireTownshipOrCountyAdmin(actor, REJECTER_ROLE);
    const text = requireReason('reason', reason, { zh: '退回原因', en: 'Reason' });
    return this.transition(actor, id, expectedVersion, 'enrollment.reject', (locked) => {
      if (!['SUBMITTED', 'REVIEWED', 'APPROVED'].includes(locked.status)) {
        throw wrongState({ zh: '退回', en: 'sent back' }, locked.status);
      }
      if (locked.submitted_by === actor.user.id) throw new DomainError(OWN_REJECTION);
      return {
        sql: `update enrollment set status = 'REJECTED', rejected_by = ?, rejection_reason = ?, version = version + 1
               where id = ?`,
        params: [actor.user.id, text, id],
        refusal: OWN_REJECTION,
      };
    });
  }

  private requireWriter(actor: Actor): void {
    if (actor.user.role === 'AUDITOR') throw new DomainError(WRITERS_ONLY);
  }

  private async transition(
    actor: Actor,
    id: string,
    expectedVersion: number,
    action: string,
    decide: (locked: LockedEnrollment) => { sql: string; params: unknown[]; refusal: DomainErrorDetails },
  ): Promise<EnrollmentView> {
    return withScope(this.orm, actor.user, async (em) => {
      const locked = await this.lock(em, actor, id, expectedVersion);
      const { sql, params, refusal } = decide(locked);
      const before = await this.load(em, actor, id);
      await guarded(em.execute(sql, params), { forbidden: refusal });
      const after = await this.load(em, actor, id);
      await recordAudit(em, actor.user, actor.requestId, {
        action,
        entity: 'enrollment',
        entityId: id,
        regionPath: after.regionPath,
        before,
        after,
        sensitive: locked.sensitive,
      });
      return after;
    });
  }

  private async lock(
    em: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number,
  ): Promise<LockedEnrollment> {
    if (!isUuid(id)) throw notFound(ENROLLMENT, 'id');
    const [locked] = (await em.execute(
      `select e.id, e.status, e.submitted_by, e.reviewed_by, e.program_id, e.person_id, e.year,
              e.region_path::text as region_path, p.sensitive, e.version
         from enrollment e join program p on p.id = e.program_id
        where e.id = ? and ${programVisibleTo(actor.user)}
          for update of e`,
      [id],
    )) as LockedEnrollment[];
    if (!locked) throw notFound(ENROLLMENT, 'id');
    if (locked.version !== expectedVersion) throw staleVersion(ENROLLMENT);
    return locked;
  }

  private async load(em: EntityManager, actor: Actor, id: string): Promise<EnrollmentView> {
    if (!isUuid(id)) throw notFound(ENROLLMENT, 'id');
    const [row] = (await em.execute(
      `select ${ENROLLMENT_COLUMNS} ${ENROLLMENT_FROM} where e.id = ? and ${programVisibleTo(actor.user)}`,
      [id],
    )) as EnrollmentRow[];
    if (!row) throw notFound(ENROLLMENT, 'id');
    return toEnrollmentView(row);
  }

  /** The person (in the caller's scope) and the facts the rules are checked against. */
  private async personFacts(em: EntityManager, actor: Actor, personId: string): Promise<PersonFacts> {
    if (!isUuid(personId)) throw notFound(PERSON, 'input.personId');
    // The sensitive statuses are read only by those who may read them; for anyone else the table
    // is not touched at all (and such programs are refused before this).
    const sensitiveStatus = mayReadSensitive(actor.user)
      ? '(select s.status from household_sensitive_status s where s.household_id = h.id)'
      : 'null::text';
    const [row] = (await em.execute(
      `select x.id, x.region_id, x.region_path::text as region_path, x.birth_date::text as birth_date,
              x.deceased_on::text as deceased_on, x.moved_away_on::text as moved_away_on,
              h.planning_status, h.in_difficulty, ${sensitiveStatus} as sensitive_status,
              (select r.kind from region r
                where nlevel(x.region_path) >= 3 and r.path = subpath(x.region_path, 0, 3)) as village_kind
         from person x left join household h on h.id = x.household_id
        where x.id = ?`,
      [personId],
    )) as {
      id: string;
      region_id: string;
      region_path: string;
      birth_date: string;
      deceased_on: string | null;
      moved_away_on: string | null;
      planning_status: string | null;
      in_difficulty: boolean | null;
      sensitive_status: string | null;
      village_kind: string | null;
    }[];
    if (!row) throw notFound(PERSON, 'input.personId');
    return {
      id: row.id,
      regionId: row.region_id,
      regionPath: row.region_path,
      birthDate: row.birth_date,
      deceasedOn: row.deceased_on,
      movedAwayOn: row.moved_away_on,
      householdPlanningStatus: row.planning_status,
      householdSensitiveStatus: row.sensitive_status,
      householdInDifficulty: row.in_difficulty,
      regionKind: row.village_kind ?? '',
    };
  }

  /**
   * The program's requirements: every piece of evidence it asks for this kind of submission, the
   * eligibility rules (for new and continuing entrants), and a standard in force that year for the
   * person's variant. Returns the variant.
   */
  private async checkSubmission(
    em: EntityManager,
    program: ProgramView,
    person: PersonFacts,
    fields: CheckedEnrollment,
  ): Promise<string> {
    const required = program.requiredEvidence[fields.kind] ?? [];
    const given = new Set(fields.evidence.map((item) => item.kind));
    const missing = required.filter((kind) => !given.has(kind));
    if (missing.length > 0) {
      const names = evidenceList(missing);
      const kind = ENROLLMENT_KIND_LABELS[fields.kind];
      throw badInput(
        'input.evidence',
        `材料不全，缺少该项目${kind.zh}申报所需的：${names.zh}`,
        `Incomplete: a ${kind.en} submission for this program also needs: ${names.en}`,
      );
    }
    const variant = variantFor(program.eligibility, person);
    if (fields.kind === 'EXITED') return variant;

    const failures = checkEligibility(program.eligibility, person, fields.year);
    if (failures.length > 0) {
      const texts = failures.map((failure) => eligibilityRuleText(failure, program.eligibility));
      throw badInput(
        'input.personId',
        `该人员不符合“${program.name}”的条件：${texts.map((text) => text.zh).join('；')}`,
        `This person does not meet the program's rules: ${texts.map((text) => text.en).join('; ')}`,
      );
    }
    const [standard] = (await em.execute(
      `select 1 as found from program_standard
        where program_id = ? and variant = ?
          and daterange(effective_from, effective_until, '[)') && daterange(make_date(?, 1, 1), make_date(?, 1, 1), '[)')
        limit 1`,
      [program.id, variant, fields.year, fields.year + 1],
    )) as { found: number }[];
    if (!standard) {
      throw new DomainError({
        code: 'INVALID_STATE',
        field: 'input.year',
        messageZh: '该项目在该年度没有适用于此人员档次的补助标准，请先由县级设置标准',
        messageEn:
          "The program has no standard for this person's variant in that year; the county sets one first",
      });
    }
    return variant;
  }
}
