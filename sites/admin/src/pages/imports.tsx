import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { useDateTime } from '../dates.ts';
import { inLanguage } from '../errors.ts';
import type { ImportKind, ImportStatus } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useSession } from '../session.tsx';

const KINDS: ImportKind[] = ['PERSONS', 'MEMBERS', 'ACTIVITIES'];
/** While the API works on a job in the background, the screen asks again this often. */
const POLL_MS = 1000;
const WORKING: ImportStatus[] = ['UPLOADED', 'VALIDATING', 'COMMITTING'];

const ImportJobsDocument = graphql(`
  query ImportJobs($after: String) {
    importJobs(first: 30, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          fileName
          status
          rowsParsed
          errorCount
          rowsCommitted
          createdAt
        }
      }
    }
  }
`);

const ImportJobDocument = graphql(`
  query ImportJob($id: ID!, $offset: Int!) {
    importJob(id: $id) {
      id
      kind
      fileName
      fileBytes
      fileSha256
      status
      failureCode
      rowsParsed
      rowsValidated
      rowsCommitted
      rowsChanged
      errorCount
      errorReportUrl
      createdAt
      finishedAt
      errors(first: 100, offset: $offset) {
        totalCount
        storedCount
        nodes {
          row
          column
          code
          messageZh
          messageEn
        }
      }
    }
  }
`);

const CommitImportDocument = graphql(`
  mutation CommitImport($id: ID!) {
    commitImport(id: $id) {
      id
      status
      rowsCommitted
    }
  }
`);

export function ImportsPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('PERSONS');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: ImportJobsDocument, variables: { after } });
  const dateTime = useDateTime();

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      // Files go outside GraphQL, as the raw body; the header is the API's CSRF guard for uploads.
      const response = await fetch(`/imports?kind=${kind}&fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'x-sunshine-upload': '1' },
      });
      const body = (await response.json()) as { id?: string; errors?: { message: string }[] };
      if (response.ok && body.id) {
        navigate(`/imports/${body.id}`);
        return;
      }
      setUploadError(inLanguage(body.errors?.[0]?.message ?? `HTTP ${response.status}`, language));
    } catch {
      setUploadError(t('common.networkError'));
    } finally {
      setUploading(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('imports.title')}</h1>
      {viewer.role === 'AUDITOR' ? null : (
        <form className="panel" onSubmit={upload}>
          <h2>{t('imports.upload')}</h2>
          <p className="muted">{t('imports.uploadHelp')}</p>
          <div className="filters">
            <label>
              {t('imports.kind')}
              <select value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`importKind.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${id}-file`}>
              {t('imports.file')}
              <input
                id={`${id}-file`}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </label>
            <button type="submit" className="primary" disabled={uploading || !file}>
              {uploading ? t('imports.uploading') : t('imports.uploadButton')}
            </button>
          </div>
          <p>
            {t('imports.templates')}{' '}
            <a href={`/imports/templates/${kind.toLowerCase()}.xlsx`} download>
              Excel (.xlsx)
            </a>{' '}
            ·{' '}
            <a href={`/imports/templates/${kind.toLowerCase()}.csv`} download>
              CSV
            </a>
          </p>
          {uploadError ? (
            <p className="error" role="alert">
              {uploadError}
            </p>
          ) : null}
        </form>
      )}
      <h2>{t('imports.history')}</h2>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('imports.file')}</th>
                <th scope="col">{t('imports.kind')}</th>
                <th scope="col">{t('imports.status')}</th>
                <th scope="col" className="number">
                  {t('imports.rows')}
                </th>
                <th scope="col" className="number">
                  {t('imports.errors')}
                </th>
                <th scope="col">{t('imports.uploadedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.importJobs.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/imports/${node.id}`}>{node.fileName}</Link>
                  </td>
                  <td>{t(`importKind.${node.kind}` as MessageKey)}</td>
                  <td>{t(`importStatus.${node.status}` as MessageKey)}</td>
                  <td className="number">{node.rowsParsed.toLocaleString()}</td>
                  <td className="number">{node.errorCount.toLocaleString()}</td>
                  <td>{dateTime.format(new Date(node.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.importJobs.pageInfo.hasNextPage ? (
            <button type="button" onClick={() => setAfter(data.importJobs.pageInfo.endCursor ?? null)}>
              {t('common.nextPage')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** One import: its progress while the API checks or writes it, its errors by row, and the commit. */
export function ImportJobPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const [offset, setOffset] = useState(0);
  const [{ data, error }, refetch] = useQuery({
    query: ImportJobDocument,
    variables: { id, offset },
    requestPolicy: 'network-only',
  });
  const [committing, commit] = useMutation(CommitImportDocument);
  const job = data?.importJob;
  const working = job ? WORKING.includes(job.status) : false;
  useEffect(() => {
    if (!working) return;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [working, refetch]);
  if (!job) {
    return <NotLoaded title="imports.title" error={error} />;
  }
  const done = job.status === 'COMMITTING' ? job.rowsCommitted : job.rowsValidated;
  return (
    <>
      <p>
        <Link to="/imports">{t('imports.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{job.fileName}</h1>
      <p className="muted">
        {t(`importKind.${job.kind}` as MessageKey)} · {(job.fileBytes / 1024).toFixed(1)} KB · SHA-256{' '}
        <span className="mono">{job.fileSha256.slice(0, 12)}</span>
      </p>
      <p role="status" data-testid="import-status" className={job.status === 'INVALID' ? 'error' : undefined}>
        <strong>{t(`importStatus.${job.status}` as MessageKey)}</strong>
        {job.status === 'INVALID' ? ` · ${t('imports.invalidHelp', { count: job.errorCount })}` : ''}
        {job.status === 'VALID'
          ? ` · ${t('imports.validHelp', { rows: job.rowsParsed, changed: job.rowsChanged })}`
          : ''}
        {job.status === 'COMMITTED' ? ` · ${t('imports.committedHelp', { rows: job.rowsCommitted })}` : ''}
      </p>
      {working ? (
        <p>
          <label>
            {t('imports.progress', { done, total: job.rowsParsed })}{' '}
            <progress max={Math.max(job.rowsParsed, 1)} value={done} />
          </label>
        </p>
      ) : null}
      {job.status === 'VALID' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={committing.fetching}
            onClick={async () => {
              await commit({ id: job.id });
              refetch({ requestPolicy: 'network-only' });
            }}
          >
            {t('imports.commit', { rows: job.rowsParsed })}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={committing.error} />
      {job.errorCount > 0 ? (
        <section aria-labelledby="errors-title">
          <h2 id="errors-title">{t('imports.errorsTitle', { count: job.errorCount })}</h2>
          <p>
            <a href={job.errorReportUrl} download>
              {t('imports.downloadErrors')}
            </a>
          </p>
          <table data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('imports.row')}
                </th>
                <th scope="col">{t('imports.column')}</th>
                <th scope="col">{t('imports.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.nodes.map((e, i) => (
                // Errors come sorted by row; one row can have several.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={`${e.row}-${e.column}-${i}`}>
                  <td className="number">{e.row ?? t('imports.wholeFile')}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{language === 'zh' ? e.messageZh : e.messageEn}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {offset + 100 < job.errors.storedCount ? (
            <button type="button" onClick={() => setOffset(offset + 100)}>
              {t('common.nextPage')}
            </button>
          ) : null}
          {offset > 0 ? (
            <button type="button" onClick={() => setOffset(0)}>
              {t('common.firstPage')}
            </button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
