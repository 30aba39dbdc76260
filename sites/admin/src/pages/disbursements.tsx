import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { Pager } from '../components/pager.tsx';
import { ProgramSelect } from '../components/program-select.tsx';
import { useDateTime } from '../dates.ts';
import type { DisbursementBatchStatus, PaymentStatus } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { fenToYuan } from '../money.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const STATUSES: DisbursementBatchStatus[] = ['DRAFT', 'APPROVED', 'EXPORTED'];

const BatchesDocument = graphql(`
  query DisbursementBatches($filter: DisbursementBatchFilter, $after: String) {
    disbursementBatches(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          programName
          period
          purpose
          status
          lineCount
          totalFen
          region {
            id
            name
          }
          createdAt
        }
      }
    }
  }
`);

const BatchDocument = graphql(`
  query DisbursementBatch($id: ID!, $status: PaymentStatus, $after: String) {
    disbursementBatch(id: $id) {
      id
      programName
      programCode
      period
      purpose
      status
      version
      lineCount
      totalFen
      fileName
      fileSha256
      downloadPath
      approvedAt
      exportedAt
      createdById
      region {
        id
        name
      }
      payments(first: 100, after: $after, filter: { status: $status }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            lineNumber
            personName
            payeeName
            bank
            accountNumberMasked
            amountFen
            status
            entry
            failureReason
            bankReference
            region {
              id
              name
            }
          }
        }
      }
    }
    reconciliation(batchId: $id) {
      batchId
      total {
        ...ReconciliationFields
      }
      townships {
        ...ReconciliationFields
      }
    }
  }
`);

export const ReconciliationFieldsFragment = graphql(`
  fragment ReconciliationFields on Reconciliation {
    regionCode
    regionName
    balanced
    plannedCount
    plannedFen
    paidCount
    paidFen
    failedCount
    failedFen
    returnedCount
    returnedFen
    outstandingCount
    outstandingFen
    reversedCount
    reversedFen
  }
`);

const CreateBatchDocument = graphql(`
  mutation CreateDisbursementBatch($input: DisbursementBatchInput!, $idempotencyKey: String!) {
    createDisbursementBatch(input: $input, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);

const ApproveBatchDocument = graphql(`
  mutation ApproveDisbursementBatch($id: ID!, $expectedVersion: Int, $idempotencyKey: String!) {
    approveDisbursementBatch(id: $id, expectedVersion: $expectedVersion, idempotencyKey: $idempotencyKey) {
      id
      status
      version
      approvedAt
    }
  }
`);

const ExportBatchDocument = graphql(`
  mutation ExportDisbursementBatch($id: ID!, $idempotencyKey: String!) {
    exportDisbursementBatch(id: $id, idempotencyKey: $idempotencyKey) {
      id
      status
      version
      downloadPath
      fileName
      fileSha256
      exportedAt
    }
  }
`);

const BankReturnDocument = graphql(`
  mutation RecordBankReturn($batchId: ID!, $fileText: String!, $idempotencyKey: String!) {
    recordBankReturn(batchId: $batchId, fileText: $fileText, idempotencyKey: $idempotencyKey) {
      accepted
      paidCount
      failedCount
      returnedCount
      unchangedCount
      rowErrors {
        row
        column
        code
        messageZh
        messageEn
      }
    }
  }
`);

const ReissueDocument = graphql(`
  mutation ReissuePayment($paymentId: ID!, $idempotencyKey: String!) {
    reissuePayment(paymentId: $paymentId, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);

const ReverseDocument = graphql(`
  mutation ReversePayment($paymentId: ID!, $reason: String!, $idempotencyKey: String!) {
    reversePayment(paymentId: $paymentId, reason: $reason, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);

/**
 * One idempotency key per thing the admin means to do: a retry after a lost answer (double click,
 * dropped connection) replays the first result instead of paying twice. A new key only when the form
 * changes or the action succeeded.
 */
function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())];
}

export function DisbursementsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const navigate = useNavigate();
  const id = useId();
  const [status, setStatus] = useState<DisbursementBatchStatus | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: BatchesDocument,
    variables: { filter: { regionCode: region.code, ...(status ? { status } : {}) }, after },
  });
  const [created, create] = useMutation(CreateBatchDocument);
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [key, renewKey] = useIdempotencyKey();
  const canCreate = viewer.role === 'TOWNSHIP_ADMIN' || viewer.role === 'COUNTY_ADMIN';
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      input: { programId, period, regionCode: region.code },
      idempotencyKey: key,
    });
    if (result.data) {
      renewKey();
      navigate(`/disbursements/${result.data.createDisbursementBatch.id}`);
    }
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('disbursements.title')}</h1>
      {canCreate ? (
        <form className="panel" onSubmit={submit}>
          <h2>{t('disbursements.create')}</h2>
          <p className="muted">{t('disbursements.createHelp', { region: region.name })}</p>
          <div className="filters">
            <ProgramSelect
              id={`${id}-program`}
              value={programId}
              onChange={(next) => {
                setProgramId(next);
                renewKey();
              }}
            />
            <label>
              {t('disbursements.period')}
              <input
                required
                value={period}
                placeholder="2026 / 2026-03"
                onChange={(e) => {
                  setPeriod(e.target.value);
                  renewKey();
                }}
              />
            </label>
            <button type="submit" className="primary" disabled={created.fetching}>
              {t('disbursements.createButton')}
            </button>
          </div>
          <ErrorMessage error={created.error} />
        </form>
      ) : null}
      <div className="filters">
        <label>
          {t('disbursements.status')}
          <select
            value={status}
            onChange={(e) => {
              setAfter(null);
              setStatus(e.target.value as DisbursementBatchStatus | '');
            }}
          >
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`batchStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('enrollments.program')}</th>
                <th scope="col">{t('disbursements.period')}</th>
                <th scope="col">{t('disbursements.region')}</th>
                <th scope="col">{t('disbursements.status')}</th>
                <th scope="col" className="number">
                  {t('disbursements.lines')}
                </th>
                <th scope="col" className="number">
                  {t('disbursements.totalYuan')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.disbursementBatches.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/disbursements/${node.id}`}>
                      {node.programName}
                      {node.purpose === 'CORRECTION' ? ` · ${t('disbursements.correction')}` : ''}
                    </Link>
                  </td>
                  <td>{node.period}</td>
                  <td>{node.region?.name ?? '—'}</td>
                  <td>{t(`batchStatus.${node.status}` as MessageKey)}</td>
                  <td className="number">{node.lineCount.toLocaleString()}</td>
                  <td className="number">{fenToYuan(node.totalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.disbursementBatches.pageInfo.hasNextPage ? (
            <button
              type="button"
              onClick={() => setAfter(data.disbursementBatches.pageInfo.endCursor ?? null)}
            >
              {t('common.nextPage')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** One batch: approve it, export the bank's payment file, record the bank's return file, reconcile. */
export function DisbursementPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const dateTime = useDateTime();
  const [status, setStatus] = useState<PaymentStatus | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: BatchDocument,
    variables: { id, after, ...(status ? { status } : {}) },
  });
  const [approved, approve] = useMutation(ApproveBatchDocument);
  const [exported, exportBatch] = useMutation(ExportBatchDocument);
  const [returned, recordReturn] = useMutation(BankReturnDocument);
  const [reissued, reissue] = useMutation(ReissueDocument);
  const [reversed, reverse] = useMutation(ReverseDocument);
  const [approveKey] = useIdempotencyKey();
  const [exportKey] = useIdempotencyKey();
  const returnKey = useRef<{ text: string; key: string } | null>(null);
  const fileId = useId();
  const batch = data?.disbursementBatch;
  if (!batch) {
    return <NotLoaded title="disbursements.title" error={error} />;
  }
  const county = viewer.role === 'COUNTY_ADMIN';
  const writer = viewer.role !== 'AUDITOR';
  const result = returned.data?.recordBankReturn;
  return (
    <>
      <p>
        <Link to="/disbursements">{t('disbursements.back')}</Link>
      </p>
      <h1 tabIndex={-1}>
        {batch.programName} · {batch.period}
      </h1>
      <p data-testid="batch-status">
        <strong>{t(`batchStatus.${batch.status}` as MessageKey)}</strong> · {batch.region?.name ?? '—'} ·{' '}
        {t('disbursements.summary', { lines: batch.lineCount, yuan: fenToYuan(batch.totalFen) })}
      </p>
      <ErrorMessage error={approved.error ?? exported.error ?? reissued.error ?? reversed.error} />
      {county && batch.status === 'DRAFT' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={approved.fetching}
            onClick={() =>
              approve({ id: batch.id, expectedVersion: batch.version, idempotencyKey: approveKey })
            }
          >
            {t('disbursements.approve', { yuan: fenToYuan(batch.totalFen) })}
          </button>
        </p>
      ) : null}
      {writer && batch.status === 'APPROVED' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={exported.fetching}
            onClick={() => exportBatch({ id: batch.id, idempotencyKey: exportKey })}
          >
            {t('disbursements.export')}
          </button>
        </p>
      ) : null}
      {batch.downloadPath ? (
        <p>
          <a href={batch.downloadPath} download>
            {t('disbursements.download', { file: batch.fileName ?? '' })}
          </a>{' '}
          <span className="muted">
            SHA-256 <span className="mono">{batch.fileSha256?.slice(0, 10)}</span>
            {batch.exportedAt ? ` · ${dateTime.format(new Date(batch.exportedAt))}` : ''}
          </span>
        </p>
      ) : null}
      {writer && batch.status === 'EXPORTED' ? (
        <section className="panel" aria-labelledby={`${fileId}-title`}>
          <h2 id={`${fileId}-title`}>{t('disbursements.bankReturn')}</h2>
          <p className="muted">{t('disbursements.bankReturnHelp')}</p>
          <label htmlFor={fileId}>{t('disbursements.bankReturnFile')}</label>{' '}
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const text = await file.text();
              // The same file again (a retry) keeps its key; another file gets a new one.
              if (returnKey.current?.text !== text) returnKey.current = { text, key: crypto.randomUUID() };
              await recordReturn({
                batchId: batch.id,
                fileText: text,
                idempotencyKey: returnKey.current.key,
              });
              e.target.value = '';
            }}
          />
          <ErrorMessage error={returned.error} />
          {result ? (
            result.accepted ? (
              <p className="notice" role="status" data-testid="bank-return-result">
                {t('disbursements.bankReturnDone', {
                  paid: result.paidCount,
                  failed: result.failedCount,
                  returned: result.returnedCount,
                  unchanged: result.unchangedCount,
                })}
              </p>
            ) : (
              <div className="error" role="alert" data-testid="bank-return-result">
                <p>{t('disbursements.bankReturnRefused')}</p>
                <ul>
                  {result.rowErrors.map((e) => (
                    <li key={`${e.row}-${e.column}-${e.code}`}>
                      {e.row ? t('disbursements.rowColumn', { row: e.row, column: e.column ?? '' }) : ''}
                      {language === 'zh' ? e.messageZh : e.messageEn}
                    </li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
        </section>
      ) : null}
      {data.reconciliation ? (
        <section aria-labelledby="reconciliation-title">
          <h2 id="reconciliation-title">{t('disbursements.reconciliation')}</h2>
          <table data-testid="reconciliation">
            <thead>
              <tr>
                <th scope="col">{t('disbursements.region')}</th>
                <th scope="col" className="number">
                  {t('disbursements.planned')}
                </th>
                <th scope="col" className="number">
                  {t('disbursements.paid')}
                </th>
                <th scope="col" className="number">
                  {t('disbursements.failed')}
                </th>
                <th scope="col" className="number">
                  {t('disbursements.returned')}
                </th>
                <th scope="col" className="number">
                  {t('disbursements.outstanding')}
                </th>
                <th scope="col">{t('disbursements.balanced')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.reconciliation.townships, { ...data.reconciliation.total, regionName: null }].map(
                (r) => (
                  <tr key={r.regionCode ?? 'total'} className={r.regionCode ? undefined : 'total-row'}>
                    <th scope="row">{r.regionName ?? t('disbursements.wholeBatch')}</th>
                    <td className="number">
                      {r.plannedCount} · {fenToYuan(r.plannedFen)}
                    </td>
                    <td className="number">
                      {r.paidCount} · {fenToYuan(r.paidFen)}
                    </td>
                    <td className="number">
                      {r.failedCount} · {fenToYuan(r.failedFen)}
                    </td>
                    <td className="number">
                      {r.returnedCount} · {fenToYuan(r.returnedFen)}
                    </td>
                    <td className="number">
                      {r.outstandingCount} · {fenToYuan(r.outstandingFen)}
                    </td>
                    <td>{r.balanced ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      ) : null}
      <h2>{t('disbursements.payments', { count: batch.payments.totalCount })}</h2>
      <div className="filters">
        <label>
          {t('disbursements.status')}
          <select
            value={status}
            onChange={(e) => {
              setAfter(null);
              setStatus(e.target.value as PaymentStatus | '');
            }}
          >
            <option value="">{t('common.all')}</option>
            {(['PLANNED', 'EXPORTED', 'PAID', 'FAILED', 'RETURNED', 'REVERSED', 'BOOKED'] as const).map(
              (s) => (
                <option key={s} value={s}>
                  {t(`paymentStatus.${s}` as MessageKey)}
                </option>
              ),
            )}
          </select>
        </label>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t('disbursements.line')}
              </th>
              <th scope="col">{t('disbursements.beneficiary')}</th>
              <th scope="col">{t('disbursements.payee')}</th>
              <th scope="col">{t('disbursements.account')}</th>
              <th scope="col" className="number">
                {t('disbursements.amountYuan')}
              </th>
              <th scope="col">{t('disbursements.status')}</th>
              <th scope="col">{t('disbursements.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.payments.edges.map(({ node }) => (
              <tr key={node.id}>
                <td className="number">{node.lineNumber}</td>
                <td>
                  {node.personName ?? '—'} <span className="muted">{node.region?.name ?? ''}</span>
                </td>
                <td>{node.payeeName ?? '—'}</td>
                <td className="mono">
                  {node.bank} {node.accountNumberMasked}
                </td>
                <td className="number">{fenToYuan(node.amountFen)}</td>
                <td>
                  {t(`paymentStatus.${node.status}` as MessageKey)}
                  {node.failureReason ? <span className="muted"> · {node.failureReason}</span> : null}
                </td>
                <td>
                  {county &&
                  (node.status === 'FAILED' || node.status === 'RETURNED') &&
                  node.entry !== 'REVERSAL' ? (
                    <button
                      type="button"
                      onClick={() => reissue({ paymentId: node.id, idempotencyKey: `reissue-${node.id}` })}
                    >
                      {t('disbursements.reissue')}
                    </button>
                  ) : null}
                  {county && node.status === 'PAID' && node.entry !== 'REVERSAL' ? (
                    <ReverseButton
                      onReverse={(reason) =>
                        reverse({ paymentId: node.id, reason, idempotencyKey: `reverse-${node.id}` }).then(
                          () => undefined,
                        )
                      }
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager pageInfo={batch.payments.pageInfo} after={after} onPage={setAfter} />
    </>
  );
}

function ReverseButton({ onReverse }: { onReverse(reason: string): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('disbursements.reverse')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onReverse(reason).then(() => setOpen(false));
      }}
    >
      <label htmlFor={id}>{t('disbursements.reverseReason')}</label>
      <input id={id} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit">{t('disbursements.reverse')}</button>
    </form>
  );
}
