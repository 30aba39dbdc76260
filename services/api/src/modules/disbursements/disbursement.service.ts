import { createHash } from 'node:crypto';
import {
  DeadlockException,
  type EntityManager,
  type MikroORM,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import { afterCursor, type KeysetSort, keysetPage } from '../../db/keyset-page.ts';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { sqlArray } from '../../db/sql-array.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { encodeCursor, type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { groupByKey } from '../../graphql/request-loaders.ts';
import { isUuid, requireText } from '../../validation/field-checks.ts';
import { staleVersion, timestampSort } from '../activities/work-record-sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withIdempotency } from '../idempotency/with-idempotency.ts';
import { type Actor, APPROVER_ROLES, requireRole } from '../identity/actor.ts';
import { pathWithin, type SessionUser } from '../identity/session-user.ts';
import { maskAccountNumber } from '../payees/account-number.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import {
  type BankResult,
  type BankReturnRowError,
  MAX_ROW_ERRORS,
  parseBankReturnFile,
  RESULT_LABELS,
} from './bank-return-file.ts';
import {
  BATCH,
  BankFileRefused,
  batchAboveYou,
  invalidState,
  PAYMENT,
  PROGRAM,
  sensitiveProgram,
} from './disbursement.errors.ts';
import { buildPaymentFile } from './payment-file.ts';

export type BatchPurpose = 'REGULAR' | 'CORRECTION';
export type BatchStatus = 'DRAFT' | 'APPROVED' | 'EXPORTED';
export type PaymentEntry = 'PAYMENT' | 'REISSUE' | 'REVERSAL';
export type PaymentStatus = 'PLANNED' | 'EXPORTED' | 'PAID' | 'FAILED' | 'RETURNED' | 'REVERSED' | 'BOOKED';

export interface BatchView {
  id: string;
  programId: string;
  programCode: string;
  programName: string;
  period: string;
  regionId: string;
  purpose: BatchPurpose;
  status: BatchStatus;
  /** Lines that pay (payments and reissues); reversals are booked in a batch but pay nothing. */
  lineCount: number;
  /** Fen, as a string of digits: the sum of the lines that pay. */
  totalFen: string;
  createdById: string;
  createdAt: Date;
  approvedById: string | null;
  approvedAt: Date | null;
  exportedById: string | null;
  exportedAt: Date | null;
  fileName: string | null;
  fileSha256: string | null;
  /** Where the exported payment file is downloaded; null before export. */
  downloadPath: string | null;
  version: number;
}

export interface PaymentView {
  id: string;
  batchId: string;
  lineNumber: number;
  programId: string;
  period: string;
  personId: string;
  personName: string | null;
  enrollmentId: string;
  regionId: string;
  payeePersonId: string;
  payeeName: string | null;
  proxyId: string | null;
  bank: string;
  accountNumberMasked: string;
  amountFen: string;
  entry: PaymentEntry;
  correctsId: string | null;
  status: PaymentStatus;
  bankReference: string | null;
  failureReason: string | null;
  /** Why a reversal was booked. */
  correctionReason: string | null;
  settledAt: Date | null;
  createdById: string;
  createdAt: Date;
}

/** Counts and fen (digit strings) of a batch's lines, or of its lines in one township. */
export interface ReconciliationView {
  /** The township's code; null for the whole batch. */
  regionCode: string | null;
  regionName: string | null;
  plannedCount: number;
  plannedFen: string;
  /** Paid, including paid lines reversed later (the money went out). */
  paidCount: number;
  paidFen: string;
  failedCount: number;
  failedFen: string;
  returnedCount: number;
  returnedFen: string;
  /** Not settled yet: planned or exported. */
  outstandingCount: number;
  outstandingFen: string;
  /** Paid lines reversed since (a subset of paid). */
  reversedCount: number;
  reversedFen: string;
  /** Reversal entries booked in this batch (negative fen). */
  reversalCount: number;
  reversalFen: string;
  /** planned = paid + failed + returned, to the fen, and nothing outstanding. */
  balanced: boolean;
}

export interface BatchReconciliationView {
  batchId: string;
  total: ReconciliationView;
  townships: ReconciliationView[];
}

export interface BankReturnResultView {
  accepted: boolean;
  rowErrors: BankReturnRowError[];
  paidCount: number;
  failedCount: number;
  returnedCount: number;
  /** Rows naming a line already in that state (a file sent twice changes nothing). */
  unchangedCount: number;
  batch: BatchView | null;
}

export interface BatchInput {
  programId: string;
  period: string;
  regionCode: string;
}

export interface BatchFilter {
  programId?: string | null;
  period?: string | null;
  regionCode?: string | null;
  status?: BatchStatus | null;
  purpose?: BatchPurpose | null;
}

export interface PaymentFilter {
  status?: PaymentStatus | null;
  entry?: PaymentEntry | null;
}

export interface PaymentFileDownload {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

const BATCH_COLUMNS = `b.id, b.program_id, g.code as program_code, g.name as program_name, b.period, b.region_id,
  b.purpose, b.status, b.line_count, b.total_fen::text as total_fen, b.created_by, b.created_at, b.approved_by,
  b.approved_at, b.exported_by, b.exported_at, b.file_name, b.file_sha256, b.version`;
const BATCH_FROM = 'from disbursement_batch b join program g on g.id = b.program_id';

interface BatchRow {
  id: string;
  program_id: string;
  program_code: string;
  program_name: string;
  period: string;
  region_id: string;
  purpose: BatchPurpose;
  status: BatchStatus;
  line_count: number;
  total_fen: string;
  created_by: string;
  created_at: Date | string;
  approved_by: string | null;
  approved_at: Date | string | null;
  exported_by: string | null;
  exported_at: Date | string | null;
  file_name: string | null;
  file_sha256: string | null;
  version: number;
}

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

function toBatchView(row: BatchRow): BatchView {
  return {
    id: row.id,
    programId: row.program_id,
    programCode: row.program_code,
    programName: row.program_name,
    period: row.period,
    regionId: row.region_id,
    purpose: row.purpose,
    status: row.status,
    lineCount: row.line_count,
    totalFen: row.total_fen,
    createdById: row.created_by,
    createdAt: new Date(row.created_at),
    approvedById: row.approved_by,
    approvedAt: dateOrNull(row.approved_at),
    exportedById: row.exported_by,
    exportedAt: dateOrNull(row.exported_at),
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    downloadPath: row.status === 'EXPORTED' ? `/disbursements/${row.id}/payment-file` : null,
    version: row.version,
  };
}

// Names may be outside the caller's sight (a proxy in another township): then they stay null.
const PAYMENT_COLUMNS = `p.id, p.batch_id, p.line_number, p.program_id, p.period, p.person_id, x.name as person_name,
  p.enrollment_id, p.region_id, p.payee_person_id, q.name as payee_name, p.proxy_id, p.bank, p.account_number,
  p.amount_fen::text as amount_fen, p.entry, p.corrects_id, p.status, p.bank_reference, p.failure_reason,
  p.correction_reason, p.settled_at, p.created_by, p.created_at`;
const PAYMENT_FROM = `from payment p left join person x on x.id = p.person_id
  left join person q on q.id = p.payee_person_id`;

interface PaymentRow {
  id: string;
  batch_id: string;
  line_number: number;
  program_id: string;
  period: string;
  person_id: string;
  person_name: string | null;
  enrollment_id: string;
  region_id: string;
  payee_person_id: string;
  payee_name: string | null;
  proxy_id: string | null;
  bank: string;
  account_number: string;
  amount_fen: string;
  entry: PaymentEntry;
  corrects_id: string | null;
  status: PaymentStatus;
  bank_reference: string | null;
  failure_reason: string | null;
  correction_reason: string | null;
  settled_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
}

function toPaymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    batchId: row.batch_id,
    lineNumber: row.line_number,
    programId: row.program_id,
    period: row.period,
    personId: row.person_id,
    personName: row.person_name,
    enrollmentId: row.enrollment_id,
    regionId: row.region_id,
    payeePersonId: row.payee_person_id,
    payeeName: row.payee_name,
    proxyId: row.proxy_id,
    bank: row.bank,
    accountNumberMasked: maskAccountNumber(row.account_number),
    amountFen: row.amount_fen,
    entry: row.entry,
    correctsId: row.corrects_id,
    status: row.status,
    bankReference: row.bank_reference,
    failureReason: row.failure_reason,
    correctionReason: row.correction_reason,
    settledAt: dateOrNull(row.settled_at),
    createdById: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

const RECONCILIATION_COLUMNS = `
  count(*) filter (where p.entry <> 'REVERSAL')::int as planned_count,
  coalesce(sum(p.amount_fen) filter (where p.entry <> 'REVERSAL'), 0)::text as planned_fen,
  count(*) filter (where p.status in ('PAID', 'REVERSED'))::int as paid_count,
  coalesce(sum(p.amount_fen) filter (where p.status in ('PAID', 'REVERSED')), 0)::text as paid_fen,
  count(*) filter (where p.status = 'FAILED')::int as failed_count,
  coalesce(sum(p.amount_fen) filter (where p.status = 'FAILED'), 0)::text as failed_fen,
  count(*) filter (where p.status = 'RETURNED')::int as returned_count,
  coalesce(sum(p.amount_fen) filter (where p.status = 'RETURNED'), 0)::text as returned_fen,
  count(*) filter (where p.status in ('PLANNED', 'EXPORTED'))::int as outstanding_count,
  coalesce(sum(p.amount_fen) filter (where p.status in ('PLANNED', 'EXPORTED')), 0)::text as outstanding_fen,
  count(*) filter (where p.status = 'REVERSED')::int as reversed_count,
  coalesce(sum(p.amount_fen) filter (where p.status = 'REVERSED'), 0)::text as reversed_fen,
  count(*) filter (where p.entry = 'REVERSAL')::int as reversal_count,
  coalesce(sum(p.amount_fen) filter (where p.entry = 'REVERSAL'), 0)::text as reversal_fen`;

interface ReconciliationRow {
  region_code: string | null;
  region_name: string | null;
  planned_count: number;
  planned_fen: string;
  paid_count: number;
  paid_fen: string;
  failed_count: number;
  failed_fen: string;
  returned_count: number;
  returned_fen: string;
  outstanding_count: number;
  outstanding_fen: string;
  reversed_count: number;
  reversed_fen: string;
  reversal_count: number;
  reversal_fen: string;
}

function toReconciliationView(row: ReconciliationRow): ReconciliationView {
  return {
    regionCode: row.region_code,
    regionName: row.region_name,
    plannedCount: row.planned_count,
    plannedFen: row.planned_fen,
    paidCount: row.paid_count,
    paidFen: row.paid_fen,
    failedCount: row.failed_count,
    failedFen: row.failed_fen,
    returnedCount: row.returned_count,
    returnedFen: row.returned_fen,
    outstandingCount: row.outstanding_count,
    outstandingFen: row.outstanding_fen,
    reversedCount: row.reversed_count,
    reversedFen: row.reversed_fen,
    reversalCount: row.reversal_count,
    reversalFen: row.reversal_fen,
    balanced:
      BigInt(row.planned_fen) === BigInt(row.paid_fen) + BigInt(row.failed_fen) + BigInt(row.returned_fen) &&
      row.planned_count === row.paid_count + row.failed_count + row.returned_count &&
      row.outstanding_count === 0,
  };
}

const EMPTY_RECONCILIATION: ReconciliationRow = {
  region_code: null,
  region_name: null,
  planned_count: 0,
  planned_fen: '0',
  paid_count: 0,
  paid_fen: '0',
  failed_count: 0,
  failed_fen: '0',
  returned_count: 0,
  returned_fen: '0',
  outstanding_count: 0,
  outstanding_fen: '0',
  reversed_count: 0,
  reversed_fen: '0',
  reversal_count: 0,
  reversal_fen: '0',
};

const BATCH_SORT: KeysetSort = timestampSort('b.created_at');
const LINE_SORT: KeysetSort = {
  column: 'p.line_number',
  cursorText: 'p.line_number::text',
  fromCursor: '?::integer',
  accepts: (text) => /^[1-9][0-9]{0,8}$/.test(text),
};

const LIVE_PAYMENT_CONFLICT = `on conflict (person_id, program_id, period)
  where entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID') do nothing`;

interface ProgramRow {
  id: string;
  code: string;
  name: string;
  amount_unit: 'PER_PERSON_YEAR' | 'PER_PERSON_MONTH' | 'PER_EVENT';
  payment_period: 'YEAR' | 'MONTH';
  sensitive: boolean;
}

interface LockedBatch {
  id: string;
  program_id: string;
  period: string;
  region_id: string;
  region_path: string;
  purpose: BatchPurpose;
  status: BatchStatus;
  created_by: string;
  line_count: number;
  sensitive: boolean;
  version: number;
}

interface LockedPayment {
  id: string;
  batch_id: string;
  program_id: string;
  period: string;
  person_id: string;
  enrollment_id: string;
  standard_id: string;
  region_id: string;
  region_path: string;
  payee_person_id: string;
  proxy_id: string | null;
  bank: string;
  account_number: string;
  amount_fen: string;
  entry: PaymentEntry;
  status: PaymentStatus;
  sensitive: boolean;
  batch_region_id: string;
  batch_region_path: string;
}

/** Who may write a sensitive program's rows: the same rule as app_writes_sensitive(). */
function mayWriteSensitive(user: SessionUser): boolean {
  return (
    (user.role === 'COUNTY_ADMIN' && user.regionLevel === 'COUNTY') ||
    (user.role === 'TOWNSHIP_ADMIN' && user.regionLevel === 'TOWNSHIP')
  );
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Disbursements (发放): a batch per program, period and region built from the confirmed roll,
 * approved by a second admin, exported once to a payment file for the bank, settled line by line
 * from the bank's return file, and corrected only by new ledger entries (reversal, reissue).
 *
 * The database enforces every rule (migration 0005: the batch and payment guards, the partial
 * unique index of one live payment per beneficiary, program and period); this service adds the
 * clear error a form needs and makes every money mutation idempotent by key. Each mutation is one
 * scoped transaction with one audit row.
 */
export class DisbursementService {
  constructor(private readonly orm: MikroORM) {}

  // ---- reads ----------------------------------------------------------------------------------

  async get(actor: Actor, id: string): Promise<BatchView> {
    return withScope(this.orm, actor.user, (em) => this.loadBatch(em, id));
  }

  async list(actor: Actor, page: PageRequest, filter: BatchFilter = {}): Promise<Page<BatchView>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.programId) {
        if (!isUuid(filter.programId)) throw notFound(PROGRAM, 'filter.programId');
        where.push('b.program_id = ?');
        params.push(filter.programId);
      }
      if (filter.period) {
        where.push('b.period = ?');
        params.push(filter.period);
      }
      if (filter.regionCode) {
        where.push('b.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      if (filter.status) {
        where.push('b.status = ?');
        params.push(filter.status);
      }
      if (filter.purpose) {
        where.push('b.purpose = ?');
        params.push(filter.purpose);
      }
      return keysetPage(em, {
        from: BATCH_FROM,
        countFrom: 'from disbursement_batch b',
        columns: BATCH_COLUMNS,
        where,
        params,
        sort: BATCH_SORT,
        idColumn: 'b.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: (row: BatchRow) => toBatchView(row),
      });
    });
  }

  async payment(actor: Actor, id: string): Promise<PaymentView> {
    return withScope(this.orm, actor.user, (em) => this.loadPayment(em, id));
  }

  /**
   * One page of lines for each batch, in line order, in one statement whatever the number of
   * batches (a batch list with its lines costs one statement for all of them). The caller sees the
   * lines in their subtree only.
   */
  async paymentPages(
    actor: Actor,
    batchIds: readonly string[],
    page: PageRequest,
    filter: PaymentFilter = {},
  ): Promise<Page<PaymentView>[]> {
    const size = pageSize(page.first);
    const where: string[] = ['p.batch_id = k.batch_id'];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('p.status = ?');
      params.push(filter.status);
    }
    if (filter.entry) {
      where.push('p.entry = ?');
      params.push(filter.entry);
    }
    const keyset = afterCursor(LINE_SORT, 'p.id', 'asc', page.after);
    const pageWhere = keyset ? [...where, keyset.sql] : where;
    const rows = await scopedRead<
      PaymentRow & { page_batch_id: string; total: number; sort_value: string | null }
    >(
      this.orm,
      actor.user,
      `select k.batch_id as page_batch_id, c.total, l.*
         from unnest(?::uuid[]) as k (batch_id)
         cross join lateral (select count(*)::int as total from payment p where ${where.join(' and ')}) c
         left join lateral (
           select ${PAYMENT_COLUMNS}, ${LINE_SORT.cursorText} as sort_value ${PAYMENT_FROM}
            where ${pageWhere.join(' and ')}
            order by p.line_number, p.id limit ?) l on true`,
      [sqlArray(batchIds), ...params, ...params, ...(keyset?.params ?? []), size + 1],
    );
    return groupByKey(batchIds, rows, (row) => row.page_batch_id).map((group) => {
      const lines = group.filter((row) => row.id !== null);
      const pageRows = lines.slice(0, size);
      return {
        nodes: pageRows.map((row) => toPaymentView(row)),
        cursors: pageRows.map((row) => encodeCursor(row.sort_value ?? '', row.id)),
        hasNextPage: lines.length > size,
        totalCount: group[0]?.total ?? 0,
      };
    });
  }

  /** Whole-batch reconciliation of each batch, in one statement (for the batch list's field). */
  async batchReconciliations(actor: Actor, batchIds: readonly string[]): Promise<ReconciliationView[]> {
    const rows = await scopedRead<ReconciliationRow & { batch_id: string }>(
      this.orm,
      actor.user,
      `select p.batch_id, ${RECONCILIATION_COLUMNS} from payment p
        where p.batch_id = any(?::uuid[]) group by p.batch_id`,
      [sqlArray(batchIds)],
    );
    const byBatch = new Map(rows.map((row) => [row.batch_id, row]));
    return batchIds.map((id) => toReconciliationView({ ...(byBatch.get(id) ?? EMPTY_RECONCILIATION) }));
  }

  /**
   * A batch's reconciliation, whole and per township (the lines the caller may see: a township
   * admin looking at a county batch sees their own township).
   */
  async reconciliation(actor: Actor, batchId: string): Promise<BatchReconciliationView> {
    return withScope(this.orm, actor.user, async (em) => {
      const batch = await this.loadBatch(em, batchId, 'batchId');
      const rows = (await em.execute(
        `select t.*, r.name as region_name from (
           select path_code(p.region_path, 2) as region_code, ${RECONCILIATION_COLUMNS}
             from payment p where p.batch_id = ? group by 1) t
           left join region r on r.code = t.region_code
          order by t.region_code`,
        [batch.id],
      )) as ReconciliationRow[];
      const [total] = (await em.execute(
        `select null as region_code, null as region_name, ${RECONCILIATION_COLUMNS} from payment p where p.batch_id = ?`,
        [batch.id],
      )) as ReconciliationRow[];
      return {
        batchId: batch.id,
        total: toReconciliationView(total ?? EMPTY_RECONCILIATION),
        townships: rows.map(toReconciliationView),
      };
    });
  }

  /** The stored payment file of an exported batch, for township and county admins over its region. */
  async paymentFile(actor: Actor, batchId: string): Promise<PaymentFileDownload> {
    requireRole(actor, APPROVER_ROLES);
    return withScope(this.orm, actor.user, async (em) => {
      if (!isUuid(batchId)) throw notFound(BATCH, 'id');
      const [row] = (await em.execute(
        `select id, status, region_path::text as region_path, file_name, file_sha256,
                encode(file_bytes, 'base64') as file_base64
           from disbursement_batch where id = ?`,
        [batchId],
      )) as {
        id: string;
        status: BatchStatus;
        region_path: string;
        file_name: string | null;
        file_sha256: string | null;
        file_base64: string | null;
      }[];
      if (!row) throw notFound(BATCH, 'id');
      if (!pathWithin(row.region_path, actor.user.regionPath)) throw batchAboveYou('id');
      if (row.status !== 'EXPORTED' || !row.file_base64 || !row.file_name || !row.file_sha256) {
        throw new DomainError({
          code: 'NOT_FOUND',
          field: 'id',
          messageZh: '该批次尚未导出付款文件',
          messageEn: 'This batch has no payment file yet: it is not exported',
        });
      }
      // The file holds full account numbers: who took it, and when, is on the record.
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'disbursementBatch.downloadPaymentFile',
        entity: 'disbursement_batch',
        entityId: row.id,
        regionPath: row.region_path,
        after: { fileSha256: row.file_sha256 },
      });
      return {
        fileName: row.file_name,
        bytes: Buffer.from(row.file_base64, 'base64'),
        sha256: row.file_sha256,
      };
    });
  }

  // ---- mutations ------------------------------------------------------------------------------

  /**
   * A regular batch for a program, period and region, from the confirmed roll: one line per
   * confirmed new or continuing enrollment whose beneficiary holds no live payment for the period
   * (the partial unique index decides, not a check), paid to the approved proxy if there is one,
   * else to the beneficiary, at the standard in force on the period's first day.
   */
  async createBatch(actor: Actor, input: BatchInput, idempotencyKey: string): Promise<BatchView> {
    requireRole(actor, APPROVER_ROLES);
    try {
      return await withScope(this.orm, actor.user, (em) =>
        withIdempotency(
          em,
          actor,
          { key: idempotencyKey, operation: 'createDisbursementBatch', request: input },
          () => this.buildBatch(em, actor, input),
        ),
      );
    } catch (error) {
      if (error instanceof DeadlockException) throw tryAgain('input.regionCode');
      throw error;
    }
  }

  async approveBatch(
    actor: Actor,
    id: string,
    idempotencyKey: string,
    expectedVersion?: number | null,
  ): Promise<BatchView> {
    requireRole(actor, APPROVER_ROLES);
    return withScope(this.orm, actor.user, (em) =>
      withIdempotency(
        em,
        actor,
        { key: idempotencyKey, operation: 'approveDisbursementBatch', request: { id, expectedVersion } },
        async () => {
          const batch = await this.lockBatch(em, actor, id, 'id');
          if (expectedVersion != null && batch.version !== expectedVersion) throw staleVersion(BATCH);
          if (batch.status !== 'DRAFT') {
            throw invalidState('id', '该批次已审批，不能再次审批', 'This batch is already approved');
          }
          if (batch.created_by === actor.user.id) throw fourEyes();
          const [mine] = (await em.execute(
            'select exists (select from payment where batch_id = ? and created_by = ?) as made',
            [batch.id, actor.user.id],
          )) as { made: boolean }[];
          if (mine?.made) throw fourEyes();
          if (batch.line_count === 0) {
            throw invalidState(
              'id',
              '该批次没有需要付款的明细（冲正记录不付款），无需审批',
              'This batch has no line to pay (reversals pay nothing): there is nothing to approve',
            );
          }
          const before = await this.loadBatch(em, batch.id);
          await em.execute(
            `update disbursement_batch set status = 'APPROVED', approved_by = ?, version = version + 1 where id = ?`,
            [actor.user.id, batch.id],
          );
          const after = await this.loadBatch(em, batch.id);
          await this.audit(em, actor, 'disbursementBatch.approve', batch, before, after);
          return after;
        },
      ),
    );
  }

  /**
   * Writes the payment file once: its bytes and sha256 are stored with the batch and its lines move
   * to EXPORTED, in one transaction. Exporting again hands back the stored file unchanged.
   */
  async exportBatch(actor: Actor, id: string, idempotencyKey: string): Promise<BatchView> {
    requireRole(actor, APPROVER_ROLES);
    return withScope(this.orm, actor.user, (em) =>
      withIdempotency(
        em,
        actor,
        { key: idempotencyKey, operation: 'exportDisbursementBatch', request: { id } },
        async () => {
          const batch = await this.lockBatch(em, actor, id, 'id');
          if (batch.status === 'EXPORTED') {
            // Exported once: the stored file stands, and asking again is on the record too.
            const stored = await this.loadBatch(em, batch.id);
            await this.audit(em, actor, 'disbursementBatch.exportRepeated', batch, stored, stored);
            return stored;
          }
          if (batch.status !== 'APPROVED') {
            throw invalidState(
              'id',
              '批次须先经他人审批才能导出',
              'A batch is exported only once approved by another admin',
            );
          }
          const before = await this.loadBatch(em, batch.id);
          const lines = (await em.execute(
            `select p.id, p.line_number, p.entry, p.bank, p.account_number, p.amount_fen::text as amount_fen,
                    q.name as payee_name
               from payment p left join person q on q.id = p.payee_person_id
              where p.batch_id = ? and p.entry <> 'REVERSAL' order by p.line_number`,
            [batch.id],
          )) as {
            id: string;
            line_number: number;
            entry: 'PAYMENT' | 'REISSUE';
            bank: string;
            account_number: string;
            amount_fen: string;
            payee_name: string | null;
          }[];
          if (lines.length !== batch.line_count || lines.some((line) => line.payee_name === null)) {
            throw invalidState(
              'id',
              '该批次有您无权查看的收款人，请由上级管理员导出',
              'Some payees of this batch are outside your jurisdiction: an admin above you must export it',
            );
          }
          const file = buildPaymentFile(
            { programName: before.programName, period: before.period },
            lines.map((line) => ({
              lineNumber: line.line_number,
              paymentId: line.id,
              payeeName: line.payee_name as string,
              accountNumber: line.account_number,
              bank: line.bank,
              amountFen: line.amount_fen,
              entry: line.entry,
            })),
          );
          const fileName = `payment-${before.programCode}-${before.period}-${batch.id.slice(0, 8)}.csv`;
          await em.execute(
            `update disbursement_batch
                set status = 'EXPORTED', exported_by = ?, file_bytes = decode(?, 'base64'), file_sha256 = ?,
                    file_name = ?, version = version + 1
              where id = ?`,
            [actor.user.id, file.bytes.toString('base64'), file.sha256, fileName, batch.id],
          );
          await em.execute(
            `update payment set status = 'EXPORTED' where batch_id = ? and status = 'PLANNED'`,
            [batch.id],
          );
          const after = await this.loadBatch(em, batch.id);
          await this.audit(em, actor, 'disbursementBatch.export', batch, before, after);
          return after;
        },
      ),
    );
  }

  /**
   * Applies a bank return file to an exported batch: every row checked first (and the whole file
   * refused, with row errors, if any is wrong), then every move in one transaction, each logged in
   * payment_event with the file's sha256. A line already in the state the file gives is left alone,
   * so the same file sent twice changes nothing; lines the file does not name stay EXPORTED.
   */
  async recordBankReturn(
    actor: Actor,
    batchId: string,
    fileText: string,
    idempotencyKey: string,
  ): Promise<BankReturnResultView> {
    requireRole(actor, APPROVER_ROLES);
    if (fileText.length > 10 * 1024 * 1024) {
      throw badInput('fileText', '回盘文件超过 10 MB', 'The bank return file is larger than 10 MB');
    }
    const fileSha256 = sha256Hex(fileText);
    const parsed = parseBankReturnFile(fileText);
    try {
      return await withScope(this.orm, actor.user, (em) =>
        withIdempotency(
          em,
          actor,
          { key: idempotencyKey, operation: 'recordBankReturn', request: { batchId, fileSha256 } },
          async () => {
            const batch = await this.lockBatch(em, actor, batchId, 'batchId');
            if (batch.status !== 'EXPORTED') {
              throw invalidState(
                'batchId',
                '批次导出后才能登记银行回盘',
                'A bank return is recorded for an exported batch only',
              );
            }
            const lines = (await em.execute(
              'select id, status, entry from payment where batch_id = ? for update',
              [batch.id],
            )) as { id: string; status: PaymentStatus; entry: PaymentEntry }[];
            const byId = new Map(
              lines.filter((line) => line.entry !== 'REVERSAL').map((line) => [line.id, line]),
            );
            const errors: BankReturnRowError[] = [];
            const moves: {
              id: string;
              status: BankResult;
              reference: string | null;
              reason: string | null;
            }[] = [];
            let unchanged = 0;
            for (const row of parsed.rows) {
              const line = byId.get(row.paymentId);
              if (!line) {
                errors.push({
                  row: row.row,
                  column: '付款编号',
                  code: 'UNKNOWN_PAYMENT',
                  messageZh: `第 ${row.row} 行的付款编号不是本批次的付款`,
                  messageEn: `Row ${row.row}: the payment id is not a payment of this batch`,
                });
              } else if (line.status === 'EXPORTED') {
                moves.push({
                  id: line.id,
                  status: row.result,
                  reference: row.bankReference,
                  reason: row.reason,
                });
              } else if (
                line.status === row.result ||
                (line.status === 'REVERSED' && row.result === 'PAID')
              ) {
                unchanged += 1;
              } else {
                const settled =
                  line.status in RESULT_LABELS ? RESULT_LABELS[line.status as BankResult] : null;
                errors.push({
                  row: row.row,
                  column: '结果',
                  code: 'CONFLICTING_RESULT',
                  messageZh: `第 ${row.row} 行：该付款已登记为“${settled?.zh ?? '已冲正'}”，回盘文件不能改变已登记的结果（请用冲正或补发）`,
                  messageEn: `Row ${row.row}: this payment is already recorded as ${settled?.en ?? 'reversed'}; a bank file cannot change a settled result (use a reversal or a reissue)`,
                });
              }
              if (errors.length >= MAX_ROW_ERRORS) break;
            }
            if (parsed.errors.length > 0 || errors.length > 0) {
              // Every problem at once, in file order, so the file is fixed in one go.
              const all = [...parsed.errors, ...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
              throw new BankFileRefused(all.slice(0, MAX_ROW_ERRORS));
            }
            const before = await this.loadBatch(em, batch.id);
            if (moves.length > 0) {
              await em.execute(`select set_config('app.bank_file_sha256', ?, true)`, [fileSha256]);
              const updated = (await em.execute(
                `update payment p
                    set status = v.status, bank_reference = v.reference, failure_reason = v.reason
                   from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as v (id, status, reference, reason)
                  where p.id = v.id and p.batch_id = ? and p.status = 'EXPORTED'
                 returning p.id`,
                [
                  sqlArray(moves.map((move) => move.id)),
                  sqlArray(moves.map((move) => move.status)),
                  nullableArray(moves.map((move) => move.reference)),
                  nullableArray(moves.map((move) => move.reason)),
                  batch.id,
                ],
              )) as { id: string }[];
              if (updated.length !== moves.length)
                throw new Error('bank return: locked lines moved underneath');
            }
            const count = (status: BankResult) => moves.filter((move) => move.status === status).length;
            const result: BankReturnResultView = {
              accepted: true,
              rowErrors: [],
              paidCount: count('PAID'),
              failedCount: count('FAILED'),
              returnedCount: count('RETURNED'),
              unchangedCount: unchanged,
              batch: await this.loadBatch(em, batch.id),
            };
            await recordAudit(em, actor.user, actor.requestId, {
              action: 'disbursementBatch.bankReturn',
              entity: 'disbursement_batch',
              entityId: batch.id,
              regionPath: batch.region_path,
              sensitive: batch.sensitive,
              before,
              after: {
                fileSha256,
                paid: result.paidCount,
                failed: result.failedCount,
                returned: result.returnedCount,
              },
            });
            return result;
          },
        ),
      );
    } catch (error) {
      if (error instanceof BankFileRefused) {
        return {
          accepted: false,
          rowErrors: error.rowErrors,
          paidCount: 0,
          failedCount: 0,
          returnedCount: 0,
          unchangedCount: 0,
          batch: null,
        };
      }
      throw error;
    }
  }

  /**
   * Undoes a paid payment (money recovered, e.g. paid after a death): a REVERSAL entry of the
   * negative amount, booked in the caller's reversal journal for the program, period and region
   * (a correction batch that holds only reversals: it pays nothing, so it is never approved or
   * exported), and the original moves PAID → REVERSED. Nothing of the original is edited.
   */
  async reversePayment(
    actor: Actor,
    paymentId: string,
    reason: string,
    idempotencyKey: string,
  ): Promise<PaymentView> {
    requireRole(actor, APPROVER_ROLES);
    const why = requireText('reason', reason, 2, 200, { zh: '冲正原因', en: 'Reason' });
    return withScope(this.orm, actor.user, (em) =>
      withIdempotency(
        em,
        actor,
        { key: idempotencyKey, operation: 'reversePayment', request: { paymentId, reason: why } },
        async () => {
          const original = await this.lockPayment(em, actor, paymentId);
          if (original.entry === 'REVERSAL' || original.status !== 'PAID') {
            throw invalidState(
              'paymentId',
              '只有已支付的付款可以冲正',
              'Only a paid payment can be reversed',
            );
          }
          // Undone to whoever was paid, even through a proxy since revoked: the reversal books what happened.
          const journal = await this.openCorrectionBatch(em, actor, original, 'REVERSAL');
          const [reversal] = (await em.execute(
            `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                                  region_id, region_path, payee_person_id, proxy_id, bank, account_number,
                                  amount_fen, entry, corrects_id, correction_reason, created_by)
             select ?, (select coalesce(max(line_number), 0) + 1 from payment where batch_id = ?), o.program_id,
                    o.period, o.person_id, o.enrollment_id, o.standard_id, o.region_id, o.region_path,
                    o.payee_person_id, o.proxy_id, o.bank, o.account_number, -o.amount_fen, 'REVERSAL', o.id, ?, ?
               from payment o where o.id = ?
             returning id`,
            [journal.id, journal.id, why, actor.user.id, original.id],
          )) as { id: string }[];
          await em.execute(`update payment set status = 'REVERSED' where id = ?`, [original.id]);
          const view = await this.loadPayment(em, (reversal as { id: string }).id);
          await recordAudit(em, actor.user, actor.requestId, {
            action: 'payment.reverse',
            entity: 'payment',
            entityId: original.id,
            regionPath: original.region_path,
            sensitive: original.sensitive,
            before: { id: original.id, status: original.status },
            after: { id: original.id, status: 'REVERSED', reversal: view, reason: why },
          });
          return view;
        },
      ),
    );
  }

  /**
   * Pays again what failed, came back or was reversed: a REISSUE line for the same amount in the
   * caller's open correction batch for the program, period and region (created on demand), to the
   * payee and account recorded now (the usual fix is a corrected account). The batch is approved by
   * another admin and exported like any batch.
   */
  async reissuePayment(actor: Actor, paymentId: string, idempotencyKey: string): Promise<PaymentView> {
    requireRole(actor, APPROVER_ROLES);
    return withScope(this.orm, actor.user, (em) =>
      withIdempotency(
        em,
        actor,
        { key: idempotencyKey, operation: 'reissuePayment', request: { paymentId } },
        async () => {
          const original = await this.lockPayment(em, actor, paymentId);
          if (
            original.entry === 'REVERSAL' ||
            !['FAILED', 'RETURNED', 'REVERSED'].includes(original.status)
          ) {
            throw invalidState(
              'paymentId',
              '只有失败、退回或已冲正的付款可以补发',
              'Only a failed, returned or reversed payment can be reissued',
            );
          }
          const [already] = (await em.execute(
            `select id from payment where corrects_id = ? and entry = 'REISSUE'`,
            [original.id],
          )) as { id: string }[];
          if (already) {
            throw new DomainError({
              code: 'CONFLICT',
              field: 'paymentId',
              messageZh: '该付款已补发过',
              messageEn: 'This payment has already been reissued',
            });
          }
          const [payee] = (await em.execute(
            `select coalesce(px.proxy_person_id, ?::uuid) as payee_person_id, px.id as proxy_id, a.bank, a.account_number
               from (select 1) one
               left join payee_proxy px on px.person_id = ? and px.status = 'APPROVED'
               left join person_account a on a.person_id = coalesce(px.proxy_person_id, ?::uuid)`,
            [original.person_id, original.person_id, original.person_id],
          )) as {
            payee_person_id: string;
            proxy_id: string | null;
            bank: string | null;
            account_number: string | null;
          }[];
          if (!payee?.bank || !payee.account_number) {
            throw invalidState(
              'paymentId',
              '收款人尚未登记收款账户，请先登记后再补发',
              'The payee has no person account: record it before reissuing',
            );
          }
          const batch = await this.openCorrectionBatch(em, actor, original, 'REISSUE');
          let inserted: { id: string }[];
          try {
            inserted = (await em.execute(
              `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                                    region_id, region_path, payee_person_id, proxy_id, bank, account_number,
                                    amount_fen, entry, corrects_id, created_by)
               select ?, (select coalesce(max(line_number), 0) + 1 from payment where batch_id = ?), o.program_id,
                      o.period, o.person_id, o.enrollment_id, o.standard_id, o.region_id, o.region_path, ?, ?, ?, ?,
                      o.amount_fen, 'REISSUE', o.id, ?
                 from payment o where o.id = ?
               returning id`,
              [
                batch.id,
                batch.id,
                payee.payee_person_id,
                payee.proxy_id,
                payee.bank,
                payee.account_number,
                actor.user.id,
                original.id,
              ],
            )) as { id: string }[];
          } catch (error) {
            if (error instanceof UniqueConstraintViolationException) {
              throw new DomainError({
                code: 'CONFLICT',
                field: 'paymentId',
                messageZh: '该受益人本期已有一笔有效付款（或已补发），不能再补发',
                messageEn:
                  'This beneficiary already holds a live payment for the period (or it was reissued)',
              });
            }
            throw error;
          }
          const beforeBatch = await this.loadBatch(em, batch.id);
          await this.refreshTotals(em, batch.id);
          const afterBatch = await this.loadBatch(em, batch.id);
          const view = await this.loadPayment(em, (inserted[0] as { id: string }).id);
          await recordAudit(em, actor.user, actor.requestId, {
            action: 'payment.reissue',
            entity: 'payment',
            entityId: view.id,
            regionPath: original.region_path,
            sensitive: original.sensitive,
            before: { corrects: original.id, batch: beforeBatch },
            after: { payment: view, batch: afterBatch },
          });
          return view;
        },
      ),
    );
  }

  // ---- steps ----------------------------------------------------------------------------------

  private async buildBatch(em: EntityManager, actor: Actor, input: BatchInput): Promise<BatchView> {
    if (!isUuid(input.programId)) throw notFound(PROGRAM, 'input.programId');
    const [program] = (await em.execute(
      'select id, code, name, amount_unit, payment_period, sensitive from program where id = ?',
      [input.programId],
    )) as ProgramRow[];
    if (!program) throw notFound(PROGRAM, 'input.programId');
    if (program.sensitive && !mayWriteSensitive(actor.user)) throw sensitiveProgram('input.programId');
    const { period, firstDay, year } = parsePeriod(input.period, program.payment_period);
    const region = await findRegionRowInScope(em, actor, input.regionCode, 'input.regionCode');
    if (region.level === 'GROUP') {
      throw badInput(
        'input.regionCode',
        '发放批次按县、乡镇或村生成，不按村民小组',
        'A batch is made for a county, township or village, not a villager group',
      );
    }
    const months = program.amount_unit === 'PER_PERSON_MONTH' && program.payment_period === 'YEAR' ? 12 : 1;

    let batchId: string;
    try {
      const [batch] = (await em.execute(
        `insert into disbursement_batch (program_id, period, region_id, region_path, purpose, created_by)
         values (?, ?, ?, ?::ltree, 'REGULAR', ?) returning id`,
        [program.id, period, region.id, region.path, actor.user.id],
      )) as { id: string }[];
      batchId = (batch as { id: string }).id;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new DomainError({
          code: 'CONFLICT',
          field: 'input.regionCode',
          messageZh: '该项目在此区划本期已有发放批次',
          messageEn: 'This program already has a batch for this region and period',
        });
      }
      throw error;
    }

    // The roll, and what each line needs: an account for its payee and a standard for its variant.
    // `exists` rather than a left join to person_account: under row-level security the planner
    // guesses 1% of rows pass the policy and would scan the accounts once per enrollment (24 s for a
    // county year instead of 0.1 s, bench/README.md).
    const roll = (await em.execute(
      `select e.id as enrollment_id, e.person_id,
              exists (select from person_account a where a.person_id = coalesce(px.proxy_person_id, e.person_id))
                as has_account,
              s.id is not null as has_standard
         from enrollment e
         join person x on x.id = e.person_id
         left join payee_proxy px on px.person_id = e.person_id and px.status = 'APPROVED'
         left join lateral (
           select s.id from program_standard s
            where s.program_id = e.program_id and s.variant = e.variant and s.effective_from <= ?::date
              and (s.effective_until is null or s.effective_until > ?::date)) s on true
        where e.program_id = ? and e.year = ? and e.status = 'CONFIRMED' and e.kind in ('NEW', 'CONTINUING')
          and x.region_path <@ ?::ltree
        order by e.id`,
      [firstDay, firstDay, program.id, year, region.path],
    )) as { enrollment_id: string; person_id: string; has_account: boolean; has_standard: boolean }[];
    const noAccount = roll.filter((line) => !line.has_account);
    if (noAccount.length > 0) {
      const ids = noAccount.slice(0, 5).map((line) => line.enrollment_id);
      throw badInput(
        'input.regionCode',
        `有 ${noAccount.length} 名确认对象的收款人尚未登记收款账户（如对象登记 ${ids.join('、')}），请先登记后再生成批次`,
        `${noAccount.length} confirmed enrollments have no person account for their payee (e.g. enrollments ${ids.join(', ')}); record the accounts first`,
      );
    }
    const noStandard = roll.filter((line) => !line.has_standard);
    if (noStandard.length > 0) {
      const ids = noStandard.slice(0, 5).map((line) => line.enrollment_id);
      throw badInput(
        'input.period',
        `有 ${noStandard.length} 名确认对象的类别在 ${firstDay} 没有适用的发放标准（如对象登记 ${ids.join('、')}）`,
        `${noStandard.length} confirmed enrollments have no standard in force on ${firstDay} for their variant (e.g. enrollments ${ids.join(', ')})`,
      );
    }

    // Lines numbered densely from 1 by township, village, name and id. Whoever already holds a live
    // payment is skipped by the unique index (ON CONFLICT); a skip leaves a gap in the numbering,
    // so the lines are then written again without those persons.
    const skipped = new Set<string>();
    for (let attempt = 1; ; attempt += 1) {
      await em.execute('savepoint batch_lines');
      const inserted = (await em.execute(
        `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                              region_id, region_path, payee_person_id, proxy_id, bank, account_number, amount_fen,
                              entry, created_by)
         select ?, row_number() over w, e.program_id, ?, e.person_id, e.id, s.id, x.region_id, x.region_path,
                coalesce(px.proxy_person_id, e.person_id), px.id, a.bank, a.account_number, s.amount_fen * ?,
                'PAYMENT', ?
           from enrollment e
           join person x on x.id = e.person_id
           left join payee_proxy px on px.person_id = e.person_id and px.status = 'APPROVED'
           join person_account a on a.person_id = coalesce(px.proxy_person_id, e.person_id)
           join lateral (
             select s.id, s.amount_fen from program_standard s
              where s.program_id = e.program_id and s.variant = e.variant and s.effective_from <= ?::date
                and (s.effective_until is null or s.effective_until > ?::date)) s on true
          where e.program_id = ? and e.year = ? and e.status = 'CONFIRMED' and e.kind in ('NEW', 'CONTINUING')
            and x.region_path <@ ?::ltree and e.person_id <> all (?::uuid[])
         window w as (order by path_code(x.region_path, 2), path_code(x.region_path, 3), x.name, x.id)
         order by path_code(x.region_path, 2), path_code(x.region_path, 3), x.name, x.id
         ${LIVE_PAYMENT_CONFLICT}
         returning person_id`,
        [
          batchId,
          period,
          months,
          actor.user.id,
          firstDay,
          firstDay,
          program.id,
          year,
          region.path,
          sqlArray([...skipped]),
        ],
      )) as { person_id: string }[];
      if (inserted.length + skipped.size === roll.length) {
        await em.execute('release savepoint batch_lines');
        break;
      }
      await em.execute('rollback to savepoint batch_lines');
      const paid = new Set(inserted.map((row) => row.person_id));
      for (const line of roll) if (!paid.has(line.person_id)) skipped.add(line.person_id);
      if (attempt >= 5) throw tryAgain('input.regionCode');
    }
    if (skipped.size === roll.length) {
      throw invalidState(
        'input.regionCode',
        roll.length === 0
          ? '该区划本期没有已确认的享受对象'
          : '该区划本期的确认对象都已有有效付款，无需再生成批次',
        roll.length === 0
          ? 'No confirmed enrollment of this program and year in this region'
          : 'Every confirmed enrollment here already holds a live payment for the period',
      );
    }
    await this.refreshTotals(em, batchId);
    const view = await this.loadBatch(em, batchId);
    await recordAudit(em, actor.user, actor.requestId, {
      action: 'disbursementBatch.create',
      entity: 'disbursement_batch',
      entityId: view.id,
      regionPath: region.path,
      sensitive: program.sensitive,
      after: view,
    });
    return view;
  }

  /**
   * The caller's open (draft) correction batch for the original's program and period, in the
   * deeper of the original batch's region and the caller's own (both contain the beneficiary):
   * one that books reversals, or one that pays reissues. The two are kept apart because a batch's
   * totals are its lines' totals (disbursement_batch_guard) and never negative: a batch holding a
   * reversal could never be approved, and a reversal pays nothing anyway.
   */
  private async openCorrectionBatch(
    em: EntityManager,
    actor: Actor,
    original: LockedPayment,
    entry: 'REVERSAL' | 'REISSUE',
  ): Promise<{ id: string }> {
    const regionId = pathWithin(original.batch_region_path, actor.user.regionPath)
      ? original.batch_region_id
      : actor.user.regionId;
    // One open correction batch per maker, program, period, region and kind, even when two
    // corrections arrive at once.
    await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
      `correction:${original.program_id}:${original.period}:${regionId}:${actor.user.id}:${entry}`,
    ]);
    const [open] = (await em.execute(
      `select b.id from disbursement_batch b
        where b.purpose = 'CORRECTION' and b.status = 'DRAFT' and b.program_id = ? and b.period = ?
          and b.region_id = ? and b.created_by = ?
          and ${entry === 'REVERSAL' ? '' : 'not '}exists (
            select from payment r where r.batch_id = b.id and r.entry = 'REVERSAL')
        order by b.created_at, b.id limit 1
        for update`,
      [original.program_id, original.period, regionId, actor.user.id],
    )) as { id: string }[];
    if (open) return open;
    const [created] = (await em.execute(
      `insert into disbursement_batch (program_id, period, region_id, region_path, purpose, created_by)
       select ?, ?, r.id, r.path, 'CORRECTION', ? from region r where r.id = ?
       returning id`,
      [original.program_id, original.period, actor.user.id, regionId],
    )) as { id: string }[];
    if (!created) throw new Error('correction batch: region not visible');
    return created;
  }

  private async refreshTotals(em: EntityManager, batchId: string): Promise<void> {
    await em.execute(
      `update disbursement_batch b set line_count = t.lines, total_fen = t.fen, version = b.version + 1
         from (select count(*)::int as lines, coalesce(sum(amount_fen), 0) as fen
                 from payment where batch_id = ? and entry <> 'REVERSAL') t
        where b.id = ?`,
      [batchId, batchId],
    );
  }

  private async lockBatch(em: EntityManager, actor: Actor, id: string, field: string): Promise<LockedBatch> {
    if (!isUuid(id)) throw notFound(BATCH, field);
    const [row] = (await em.execute(
      `select id, program_id, period, region_id, region_path::text as region_path, purpose, status, created_by,
              line_count, sensitive, version
         from disbursement_batch where id = ? for update`,
      [id],
    )) as LockedBatch[];
    if (!row) {
      // Row-level security lets everyone see the batches above them, but lock only their own.
      const [visible] = (await em.execute('select 1 from disbursement_batch where id = ?', [
        id,
      ])) as unknown[];
      throw visible ? batchAboveYou(field) : notFound(BATCH, field);
    }
    if (!pathWithin(row.region_path, actor.user.regionPath)) throw batchAboveYou(field);
    if (row.sensitive && !mayWriteSensitive(actor.user)) throw sensitiveProgram(field);
    return row;
  }

  private async lockPayment(em: EntityManager, actor: Actor, id: string): Promise<LockedPayment> {
    if (!isUuid(id)) throw notFound(PAYMENT, 'paymentId');
    const [row] = (await em.execute(
      `select p.id, p.batch_id, p.program_id, p.period, p.person_id, p.enrollment_id, p.standard_id, p.region_id,
              p.region_path::text as region_path, p.payee_person_id, p.proxy_id, p.bank, p.account_number,
              p.amount_fen::text as amount_fen, p.entry, p.status, p.sensitive, b.region_id as batch_region_id,
              b.region_path::text as batch_region_path
         from payment p join disbursement_batch b on b.id = p.batch_id
        where p.id = ? for update of p`,
      [id],
    )) as LockedPayment[];
    if (!row || !pathWithin(row.region_path, actor.user.regionPath)) throw notFound(PAYMENT, 'paymentId');
    if (row.sensitive && !mayWriteSensitive(actor.user)) throw sensitiveProgram('paymentId');
    return row;
  }

  private async loadBatch(em: EntityManager, id: string, field = 'id'): Promise<BatchView> {
    if (!isUuid(id)) throw notFound(BATCH, field);
    const [row] = (await em.execute(`select ${BATCH_COLUMNS} ${BATCH_FROM} where b.id = ?`, [
      id,
    ])) as BatchRow[];
    if (!row) throw notFound(BATCH, field);
    return toBatchView(row);
  }

  private async loadPayment(em: EntityManager, id: string): Promise<PaymentView> {
    if (!isUuid(id)) throw notFound(PAYMENT, 'id');
    const [row] = (await em.execute(`select ${PAYMENT_COLUMNS} ${PAYMENT_FROM} where p.id = ?`, [
      id,
    ])) as PaymentRow[];
    if (!row) throw notFound(PAYMENT, 'id');
    return toPaymentView(row);
  }

  private async audit(
    em: EntityManager,
    actor: Actor,
    action: string,
    batch: LockedBatch,
    before: BatchView,
    after: BatchView,
  ): Promise<void> {
    await recordAudit(em, actor.user, actor.requestId, {
      action,
      entity: 'disbursement_batch',
      entityId: batch.id,
      regionPath: batch.region_path,
      sensitive: batch.sensitive,
      before,
      after,
    });
  }
}

/** The period a batch pays for: a year ('2026') or a month ('2026-03'), as the program pays. */
export function parsePeriod(
  value: string,
  paymentPeriod: 'YEAR' | 'MONTH',
): { period: string; firstDay: string; year: number } {
  const pattern = paymentPeriod === 'YEAR' ? /^(\d{4})$/ : /^(\d{4})-(0[1-9]|1[0-2])$/;
  const match = pattern.exec(value);
  const year = match ? Number(match[1]) : Number.NaN;
  if (!match || year < 2000 || year > 2200) {
    throw badInput(
      'input.period',
      paymentPeriod === 'YEAR' ? '发放期间应为年份，如 2026' : '发放期间应为年月，如 2026-03',
      paymentPeriod === 'YEAR'
        ? 'The period must be a year, e.g. 2026'
        : 'The period must be a month, e.g. 2026-03',
    );
  }
  return { period: value, firstDay: paymentPeriod === 'YEAR' ? `${value}-01-01` : `${value}-01`, year };
}

function fourEyes(): DomainError {
  return new DomainError({
    code: 'FOUR_EYES',
    field: 'id',
    messageZh: '发放批次须由制单人以外的管理员审批',
    messageEn: 'A batch is approved by an admin other than the one who made it or any of its lines',
  });
}

function tryAgain(field: string): DomainError {
  return new DomainError({
    code: 'CONFLICT',
    field,
    messageZh: '有人正在同时为这些对象生成付款，请稍后重试',
    messageEn: 'Someone is making payments for these persons at the same moment; try again shortly',
  });
}

/** A text[] literal whose empty entries are NULL. */
function nullableArray(values: readonly (string | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}
