import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole } from '../identity/actor.ts';
import { type EligibilityRules, programIsSensitive } from './eligibility.ts';
import { guarded } from './money-guards.ts';
import {
  type CheckedProgram,
  type CheckedStandard,
  type NoticeDayKind,
  objectionOffice,
  objectionPhone,
  type ProgramFields,
  type StandardFields,
  validateProgramFields,
  validateStandardFields,
} from './program.validation.ts';
import {
  type AmountUnit,
  type EnrollmentKind,
  type EvidenceKind,
  type FundingTier,
  type PaymentPeriod,
  PROGRAM_CATALOGUE,
  type ProgramKind,
} from './program-catalogue.ts';

export const PROGRAM = { zh: '扶助项目', en: 'Program' };

/** A stored program: the checked fields, and what the database adds. */
export interface ProgramView extends CheckedProgram {
  id: string;
  regionId: string;
  regionPath: string;
  sensitive: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface StandardView {
  id: string;
  programId: string;
  variant: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  amountFen: string;
  sourceDocument: string;
  createdAt: Date;
}

// Money and dates leave the database as text: no bigint through a float, no day through a time zone.
const PROGRAM_COLUMNS = `p.id, p.region_id, p.region_path::text as region_path, p.code, p.name, p.kind, p.funding_tier,
  p.amount_unit, p.payment_period, p.sensitive, p.variants,
  p.eligibility, p.required_evidence, p.notice_days, p.notice_day_kind, p.objection_office, p.objection_phone,
  p.min_amount_fen::text as min_amount_fen, p.max_amount_fen::text as max_amount_fen, p.source_document,
  p.created_at, p.updated_at, p.version`;

const standardColumns = (alias: string) => `${alias}.id, ${alias}.program_id, ${alias}.variant,
  ${alias}.effective_from::text as effective_from, ${alias}.effective_until::text as effective_until,
  ${alias}.amount_fen::text as amount_fen, ${alias}.source_document, ${alias}.created_at`;
const STANDARD_COLUMNS = standardColumns('s');

interface ProgramRow {
  id: string;
  region_id: string;
  region_path: string;
  code: string;
  name: string;
  kind: ProgramKind;
  funding_tier: FundingTier;
  amount_unit: AmountUnit;
  payment_period: PaymentPeriod;
  sensitive: boolean;
  variants: string[];
  eligibility: EligibilityRules;
  required_evidence: Partial<Record<EnrollmentKind, EvidenceKind[]>>;
  notice_days: number;
  notice_day_kind: NoticeDayKind;
  objection_office: string;
  objection_phone: string;
  min_amount_fen: string;
  max_amount_fen: string;
  source_document: string;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

interface StandardRow {
  id: string;
  program_id: string;
  variant: string;
  effective_from: string;
  effective_until: string | null;
  amount_fen: string;
  source_document: string;
  created_at: Date | string;
}

function toView(row: ProgramRow): ProgramView {
  return {
    id: row.id,
    regionId: row.region_id,
    regionPath: row.region_path,
    code: row.code,
    name: row.name,
    kind: row.kind,
    fundingTier: row.funding_tier,
    amountUnit: row.amount_unit,
    paymentPeriod: row.payment_period,
    sensitive: row.sensitive,
    variants: row.variants,
    eligibility: row.eligibility,
    requiredEvidence: row.required_evidence,
    noticeDays: row.notice_days,
    noticeDayKind: row.notice_day_kind,
    objectionOffice: row.objection_office,
    objectionPhone: row.objection_phone,
    minAmountFen: row.min_amount_fen,
    maxAmountFen: row.max_amount_fen,
    sourceDocument: row.source_document,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

function toStandardView(row: StandardRow): StandardView {
  return {
    id: row.id,
    programId: row.program_id,
    variant: row.variant,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    amountFen: row.amount_fen,
    sourceDocument: row.source_document,
    createdAt: new Date(row.created_at),
  };
}

/** The standard of `variant` in force on `date` (YYYY-MM-DD) among a program's standards, if any. */
export function standardInForce(
  standards: readonly StandardView[],
  variant: string,
  date: string,
): StandardView | null {
  return (
    standards.find(
      (standard) =>
        standard.variant === variant &&
        standard.effectiveFrom <= date &&
        (standard.effectiveUntil === null || date < standard.effectiveUntil),
    ) ?? null
  );
}

/** A program the caller can see (their county's, or above), in the caller's transaction. */
export async function findProgram(
  em: EntityManager,
  id: string,
  field: string,
  lock = false,
): Promise<ProgramView> {
  if (!isUuid(id)) throw notFound(PROGRAM, field);
  const [row] = (await em.execute(
    `select ${PROGRAM_COLUMNS} from program p where p.id = ?${lock ? ' for update' : ''}`,
    [id],
  )) as ProgramRow[];
  if (!row) throw notFound(PROGRAM, field);
  return toView(row);
}

/** The standards of a program, in the caller's transaction, oldest first. */
export async function programStandards(em: EntityManager, programId: string): Promise<StandardView[]> {
  const rows = (await em.execute(
    `select ${STANDARD_COLUMNS} from program_standard s where s.program_id = ? order by s.variant, s.effective_from`,
    [programId],
  )) as StandardRow[];
  return rows.map(toStandardView);
}

const COUNTY_ONLY = {
  code: 'FORBIDDEN' as const,
  messageZh: '扶助项目及其标准由县级管理员设置',
  messageEn: 'Programs and their standards are set by a county admin',
};
const DUPLICATE_CODE = {
  code: 'CONFLICT' as const,
  field: 'input.code',
  messageZh: '该项目编码已被使用',
  messageEn: 'This program code is already in use',
};

/** What one payment of a standard comes to: a monthly standard paid yearly is twelve months. */
export function monthsPerPayment(program: Pick<ProgramView, 'amountUnit' | 'paymentPeriod'>): bigint {
  return program.amountUnit === 'PER_PERSON_MONTH' && program.paymentPeriod === 'YEAR' ? 12n : 1n;
}

/**
 * Benefit programs (扶助项目) of a county and their standards over the years. Each payment links to
 * the standard in force on its period's first day; standards of one variant never overlap (the
 * database's exclusion constraint), so there is exactly one or none.
 */
export class ProgramService {
  constructor(private readonly orm: MikroORM) {}

  /** Every program the caller can see: their county's. */
  async list(actor: Actor): Promise<ProgramView[]> {
    const rows = await scopedRead<ProgramRow>(
      this.orm,
      actor.user,
      `select ${PROGRAM_COLUMNS} from program p order by p.code`,
    );
    return rows.map(toView);
  }

  async get(actor: Actor, id: string): Promise<ProgramView> {
    return withScope(this.orm, actor.user, (em) => findProgram(em, id, 'id'));
  }

  /** For batch loaders (ids the caller cannot see are simply missing). */
  async byIds(actor: Actor, ids: readonly string[]): Promise<ProgramView[]> {
    const rows = await scopedRead<ProgramRow>(
      this.orm,
      actor.user,
      `select ${PROGRAM_COLUMNS} from program p where p.id = any(?::uuid[])`,
      [sqlArray(ids)],
    );
    return rows.map(toView);
  }

  /** For batch loaders: the standards of these programs, by variant then date. */
  async standardsOf(actor: Actor, programIds: readonly string[]): Promise<StandardView[][]> {
    const rows = await scopedRead<StandardRow>(
      this.orm,
      actor.user,
      `select ${STANDARD_COLUMNS} from program_standard s where s.program_id = any(?::uuid[])
        order by s.variant, s.effective_from`,
      [sqlArray(programIds)],
    );
    return groupByKey(programIds, rows.map(toStandardView), (standard) => standard.programId);
  }

  async create(actor: Actor, input: ProgramFields): Promise<ProgramView> {
    this.requireCountyAdmin(actor);
    const fields = validateProgramFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const program = await this.insertProgram(em, actor, fields);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'program.create',
        entity: 'program',
        entityId: program.id,
        regionPath: program.regionPath,
        after: program,
      });
      return program;
    });
  }

  /**
   * Adds a standard. A new standard that starts after the one in force began supersedes it: the
   * open-ended standard ends on the new one's first day (standards change over the years). Any
   * other overlap is refused, and so is superseding a standard already paid for periods from that
   * day on (a correction of past payments is a reversal and reissue, never a new standard).
   */
  async addStandard(actor: Actor, input: StandardFields): Promise<ProgramView> {
    this.requireCountyAdmin(actor);
    const fields = validateStandardFields(input);
    return withScope(this.orm, actor.user, async (em) => {
      const program = await findProgram(em, fields.programId, 'input.programId', true);
      const superseded = await this.supersede(em, program, fields);
      const standard = await this.insertStandard(em, program, fields);
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'program.addStandard',
        entity: 'program_standard',
        entityId: standard.id,
        regionPath: program.regionPath,
        ...(superseded ? { before: superseded.before } : {}),
        after: superseded ? { standard, superseded: superseded.after } : standard,
      });
      return program;
    });
  }

  /** Ends the variant's open-ended standard on `fields.effectiveFrom`, when it began before that day. */
  private async supersede(
    em: EntityManager,
    program: ProgramView,
    fields: CheckedStandard,
  ): Promise<{ before: StandardView; after: StandardView } | null> {
    const [current] = (await em.execute(
      `select ${STANDARD_COLUMNS} from program_standard s
        where s.program_id = ? and s.variant = ? and s.effective_until is null and s.effective_from < ?::date
          for update`,
      [program.id, fields.variant, fields.effectiveFrom],
    )) as StandardRow[];
    if (!current) return null;
    const [paid] = (await em.execute(
      `select 1 as found from payment
        where standard_id = ? and to_date(rpad(period, 7, '-01') || '-01', 'YYYY-MM-DD') >= ?::date limit 1`,
      [current.id, fields.effectiveFrom],
    )) as { found: number }[];
    if (paid) {
      throw new DomainError({
        code: 'CONFLICT',
        field: 'input.effectiveFrom',
        messageZh: `现行标准（${current.effective_from} 起）已用于该日期之后期间的发放，不能从该日期起替换`,
        messageEn: `The standard in force (from ${current.effective_from}) has paid periods from that day on; it cannot be replaced from then`,
      });
    }
    const [ended] = await guarded(
      em.execute(
        `update program_standard set effective_until = ?::date where id = ?
         returning ${standardColumns('program_standard')}`,
        [fields.effectiveFrom, current.id],
      ) as Promise<StandardRow[]>,
      { forbidden: COUNTY_ONLY },
    );
    return { before: toStandardView(current), after: toStandardView(ended as StandardRow) };
  }

  /**
   * Loads the catalogue (program-catalogue.ts: the national programs and typical local ones, with
   * their standards since they began) into the caller's county. Programs whose code the county
   * already has are left as they are, so loading twice changes nothing. One audit row per program
   * created.
   */
  async loadCatalogue(
    actor: Actor,
    options: { objectionOffice?: string | null; objectionPhone?: string | null } = {},
  ): Promise<ProgramView[]> {
    this.requireCountyAdmin(actor);
    const office = objectionOffice(
      'input.objectionOffice',
      options.objectionOffice?.trim() || `${actor.user.regionName}卫生健康局`,
    );
    const phone = objectionPhone('input.objectionPhone', options.objectionPhone?.trim() || '12345');
    return withScope(this.orm, actor.user, async (em) => {
      const existing = (await em.execute('select code from program', [])) as { code: string }[];
      const have = new Set(existing.map((row) => row.code));
      for (const entry of PROGRAM_CATALOGUE) {
        if (have.has(entry.code)) continue;
        const program = await this.insertProgram(em, actor, {
          ...entry,
          eligibility: entry.eligibility,
          requiredEvidence: entry.requiredEvidence,
          objectionOffice: office,
          objectionPhone: phone,
          minAmountFen: String(entry.minAmountFen),
          maxAmountFen: String(entry.maxAmountFen),
        });
        const standards: StandardView[] = [];
        for (const standard of entry.standards) {
          standards.push(
            await this.insertStandard(em, program, {
              programId: program.id,
              variant: standard.variant,
              effectiveFrom: standard.effectiveFrom,
              effectiveUntil: standard.effectiveUntil,
              amountFen: String(standard.amountFen),
              sourceDocument: standard.sourceDocument,
            }),
          );
        }
        await recordAudit(em, actor.user, actor.requestId, {
          action: 'program.create',
          entity: 'program',
          entityId: program.id,
          regionPath: program.regionPath,
          after: { program, standards },
        });
      }
      const rows = (await em.execute(
        `select ${PROGRAM_COLUMNS} from program p where p.code = any(?::text[]) order by p.code`,
        [sqlArray(PROGRAM_CATALOGUE.map((entry) => entry.code))],
      )) as ProgramRow[];
      return rows.map(toView);
    });
  }

  private requireCountyAdmin(actor: Actor): void {
    requireRole(actor, ['COUNTY_ADMIN']);
    if (actor.user.regionLevel !== 'COUNTY') throw new DomainError(COUNTY_ONLY);
  }

  private async insertProgram(em: EntityManager, actor: Actor, fields: CheckedProgram): Promise<ProgramView> {
    const [inserted] = await guarded(
      em.execute(
        `insert into program (region_id, code, name, kind, funding_tier, amount_unit, payment_period, sensitive,
                              variants, eligibility, required_evidence, notice_days, notice_day_kind,
                              objection_office, objection_phone, min_amount_fen, max_amount_fen, source_document,
                              created_by, updated_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?::bigint, ?::bigint, ?, ?, ?)
         returning id`,
        [
          actor.user.regionId,
          fields.code,
          fields.name,
          fields.kind,
          fields.fundingTier,
          fields.amountUnit,
          fields.paymentPeriod,
          programIsSensitive(fields.kind, fields.eligibility),
          sqlArray(fields.variants),
          JSON.stringify(fields.eligibility),
          JSON.stringify(fields.requiredEvidence),
          fields.noticeDays,
          fields.noticeDayKind,
          fields.objectionOffice,
          fields.objectionPhone,
          fields.minAmountFen,
          fields.maxAmountFen,
          fields.sourceDocument,
          actor.user.id,
          actor.user.id,
        ],
      ) as Promise<{ id: string }[]>,
      { forbidden: COUNTY_ONLY, unique: { program_region_id_code_key: DUPLICATE_CODE } },
    );
    return findProgram(em, (inserted as { id: string }).id, 'id');
  }

  private async insertStandard(
    em: EntityManager,
    program: ProgramView,
    fields: CheckedStandard,
  ): Promise<StandardView> {
    if (!program.variants.includes(fields.variant)) {
      throw badInput(
        'input.variant',
        `档次应为该项目的档次之一：${program.variants.join('、')}`,
        `The variant must be one of the program's: ${program.variants.join(', ')}`,
      );
    }
    const months = monthsPerPayment(program);
    const payment = BigInt(fields.amountFen) * months;
    if (payment < BigInt(program.minAmountFen) || payment > BigInt(program.maxAmountFen)) {
      const perPayment = months === 1n ? '' : `（×${months} 个月）`;
      const perPaymentEn = months === 1n ? '' : ` (×${months} months)`;
      throw badInput(
        'input.amountFen',
        `按此标准的单笔发放额${perPayment}应在项目的 ${program.minAmountFen}–${program.maxAmountFen} 分之间`,
        `One payment at this standard${perPaymentEn} must be within the program's ${program.minAmountFen}–${program.maxAmountFen} fen`,
      );
    }
    const [overlap] = (await em.execute(
      `select s.effective_from::text as effective_from, s.effective_until::text as effective_until
         from program_standard s
        where s.program_id = ? and s.variant = ?
          and daterange(s.effective_from, s.effective_until, '[)') && daterange(?::date, ?::date, '[)')
        order by s.effective_from limit 1`,
      [program.id, fields.variant, fields.effectiveFrom, fields.effectiveUntil],
    )) as { effective_from: string; effective_until: string | null }[];
    const overlapping = (from: string, until: string | null) => ({
      code: 'CONFLICT' as const,
      field: 'input.effectiveFrom',
      messageZh: `该档次在此期间已有标准（${from} 起${until ? `，${until} 止` : '，现行'}），有效期不能重叠`,
      messageEn: `This variant already has a standard in that period (from ${from}${until ? ` until ${until}` : ', in force'}); periods cannot overlap`,
    });
    if (overlap) throw new DomainError(overlapping(overlap.effective_from, overlap.effective_until));
    const [inserted] = await guarded(
      em.execute(
        `insert into program_standard (program_id, variant, effective_from, effective_until, amount_fen,
                                       source_document, created_by)
         values (?, ?, ?::date, ?::date, ?::bigint, ?, app_user_id())
         returning ${standardColumns('program_standard')}`,
        [
          program.id,
          fields.variant,
          fields.effectiveFrom,
          fields.effectiveUntil,
          fields.amountFen,
          fields.sourceDocument,
        ],
      ) as Promise<StandardRow[]>,
      {
        forbidden: COUNTY_ONLY,
        exclusion: {
          code: 'CONFLICT',
          field: 'input.effectiveFrom',
          messageZh: '该档次在此期间已有标准，有效期不能重叠',
          messageEn: 'This variant already has a standard in that period; periods cannot overlap',
        },
        check: {
          code: 'BAD_INPUT',
          field: 'input.amountFen',
          messageZh: '标准不符合该项目的档次或金额范围',
          messageEn: "The standard does not fit the program's variants or amount bounds",
        },
      },
    );
    return toStandardView(inserted as StandardRow);
  }
}
