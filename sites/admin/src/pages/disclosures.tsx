import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { useDateTime } from '../dates.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

/** Rows of a preview shown on screen; the whole dataset is what the run publishes. */
const PREVIEW_ROWS = 50;

// Spread by name (`...DisclosureFields`) in the documents below; codegen includes it there.
export const DisclosureFieldsFragment = graphql(`
  fragment DisclosureFields on Disclosure {
    id
    slug
    name
    description
    pageKind
    document
    documentSha256
    approvedSha256
    approvedAt
    approvedRole
    approvedRegionName
    draftedAt
    draftedByViewer
    outputFields
    parameters
    runnable
    version
    policy {
      k
      sensitiveK
    }
    region {
      id
      code
      name
    }
  }
`);

const DisclosuresDocument = graphql(`
  query Disclosures {
    disclosures {
      ...DisclosureFields
    }
  }
`);

const DisclosureDocument = graphql(`
  query Disclosure($id: ID!) {
    disclosure(id: $id) {
      ...DisclosureFields
    }
    disclosureReleases(disclosureId: $id, limit: 20) {
      runId
      runAt
      rowCount
      datasetSha256
      documentSha256
      diff
    }
  }
`);

const PreviewDocument = graphql(`
  query PreviewDisclosure($id: ID!) {
    previewDisclosure(id: $id) {
      asOf
      rowCount
      refusal
      dataset
      diff
      isolationFindings {
        kind
        field
        key
      }
    }
  }
`);

const ApproveDocument = graphql(`
  mutation ApproveDisclosure($id: ID!, $documentSha256: String!) {
    approveDisclosure(id: $id, documentSha256: $documentSha256) {
      ...DisclosureFields
    }
  }
`);

const UpdateDocument = graphql(`
  mutation UpdateDisclosure($id: ID!, $expectedVersion: Int!, $input: DisclosureInput!) {
    updateDisclosure(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...DisclosureFields
    }
  }
`);

const RunDocument = graphql(`
  mutation RunPublication($regionCode: String) {
    runPublication(regionCode: $regionCode) {
      id
      runAt
      datasets {
        slug
        rowCount
        datasetSha256
      }
    }
  }
`);

interface DiffSummary {
  previous: { runAt: string } | null;
  summary: { added: number; removed: number; changed: number };
  reasons: { code: string; label: string; count: number }[];
  keysWithheld: boolean;
}

interface PreviewDataset {
  columns: { name: string; description: string; kind: string }[];
  rows: Record<string, unknown>[];
}

function valueAt(row: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = row;
  for (const part of dotted.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

function approvalState(d: {
  approvedSha256?: string | null;
  documentSha256: string;
  draftedByViewer: boolean;
}) {
  if (d.approvedSha256 === d.documentSha256) return 'approved' as const;
  return d.draftedByViewer ? ('awaitingOther' as const) : ('awaitingYou' as const);
}

export function DisclosuresPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const [{ data, error }] = useQuery({ query: DisclosuresDocument });
  return (
    <>
      <h1 tabIndex={-1}>{t('disclosures.title')}</h1>
      <p className="muted">{t('disclosures.intro')}</p>
      {viewer.role === 'COUNTY_ADMIN' ? (
        <RunPublication regionCode={region.code} regionName={region.name} />
      ) : null}
      <ErrorMessage error={error} />
      {data ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosures.name')}</th>
              <th scope="col">{t('disclosures.region')}</th>
              <th scope="col">{t('disclosures.approval')}</th>
            </tr>
          </thead>
          <tbody>
            {data.disclosures.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/disclosures/${d.id}`}>{d.name}</Link>{' '}
                  <span className="mono muted">{d.slug}</span>
                </td>
                <td>{d.region.name}</td>
                <td>{t(`disclosures.state.${approvalState(d)}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** Runs every approved disclosure and writes the publication the portal is built from. */
function RunPublication({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const { t } = useI18n();
  const [run, start] = useMutation(RunDocument);
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!run.fetching) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [run.fetching]);
  const result = run.data?.runPublication;
  return (
    <section className="panel" aria-labelledby="run-title">
      <h2 id="run-title">{t('disclosures.runTitle')}</h2>
      <p className="muted">{t('disclosures.runHelp', { region: regionName })}</p>
      <button
        type="button"
        className="primary"
        disabled={run.fetching}
        onClick={() => {
          setElapsed(0);
          void start({ regionCode });
        }}
      >
        {t('disclosures.run')}
      </button>
      {run.fetching ? (
        <p role="status">
          {t('disclosures.running', { seconds: elapsed })}{' '}
          <progress aria-label={t('disclosures.running', { seconds: elapsed })} />
        </p>
      ) : null}
      <ErrorMessage error={run.error} />
      {result ? (
        <div role="status" data-testid="run-result">
          <p className="notice">{t('disclosures.runDone', { count: result.datasets.length })}</p>
          <ul>
            {result.datasets.map((dataset) => (
              <li key={dataset.slug}>
                <span className="mono">{dataset.slug}</span> ·{' '}
                {t('disclosures.rows', { count: dataset.rowCount })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function DisclosurePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const dateTime = useDateTime();
  const [{ data, error }] = useQuery({ query: DisclosureDocument, variables: { id } });
  const [previewing, setPreviewing] = useState(false);
  const [preview] = useQuery({
    query: PreviewDocument,
    variables: { id },
    pause: !previewing,
    requestPolicy: 'network-only',
  });
  const [approved, approve] = useMutation(ApproveDocument);
  const [editing, setEditing] = useState(false);
  const disclosure = data?.disclosure;
  if (!disclosure) {
    return <NotLoaded title="disclosures.title" error={error} />;
  }
  const state = approvalState(disclosure);
  const result = preview.data?.previewDisclosure;
  const dataset = result?.dataset as PreviewDataset | undefined;
  const diff = result?.diff as DiffSummary | undefined;
  return (
    <>
      <p>
        <Link to="/disclosures">{t('disclosures.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{disclosure.name}</h1>
      <p>{disclosure.description}</p>
      <p data-testid="approval-state">
        <strong>{t(`disclosures.state.${state}` as MessageKey)}</strong>
        {state === 'approved' && disclosure.approvedAt
          ? ` · ${t('disclosures.approvedBy', {
              role: t(`role.${disclosure.approvedRole}` as MessageKey),
              region: disclosure.approvedRegionName ?? '',
              at: dateTime.format(new Date(disclosure.approvedAt)),
            })}`
          : ''}
      </p>
      <dl className="facts">
        <dt>{t('disclosures.region')}</dt>
        <dd>{disclosure.region.name}</dd>
        <dt>{t('disclosures.policy')}</dt>
        <dd>
          {t('disclosures.policyText', { k: disclosure.policy.k, sensitiveK: disclosure.policy.sensitiveK })}
        </dd>
        <dt>{t('disclosures.fields')}</dt>
        <dd className="mono">{disclosure.outputFields.join(', ')}</dd>
        <dt>{t('disclosures.sha')}</dt>
        <dd className="mono">{disclosure.documentSha256.slice(0, 16)}</dd>
      </dl>
      <h2>{t('disclosures.query')}</h2>
      <pre className="query" data-testid="disclosure-document">
        {disclosure.document}
      </pre>
      {viewer.role === 'COUNTY_ADMIN' && state === 'awaitingYou' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={approved.fetching}
            onClick={() => approve({ id: disclosure.id, documentSha256: disclosure.documentSha256 })}
          >
            {t('disclosures.approve')}
          </button>{' '}
          <span className="muted">{t('disclosures.approveHelp')}</span>
        </p>
      ) : null}
      <ErrorMessage error={approved.error} />
      {viewer.role !== 'AUDITOR' ? (
        editing ? (
          <DisclosureEditor disclosure={disclosure} onDone={() => setEditing(false)} />
        ) : (
          <p>
            <button type="button" onClick={() => setEditing(true)}>
              {t('disclosures.edit')}
            </button>
          </p>
        )
      ) : null}
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t('disclosures.preview')}</h2>
        <p className="muted">{t('disclosures.previewHelp')}</p>
        <button type="button" disabled={preview.fetching} onClick={() => setPreviewing(true)}>
          {preview.fetching ? t('common.loading') : t('disclosures.previewButton')}
        </button>
        <ErrorMessage error={preview.error} />
        {result ? (
          <div data-testid="disclosure-preview">
            {result.refusal ? (
              <p className="error" role="alert">
                {t('disclosures.refusal', { reason: result.refusal })}
              </p>
            ) : null}
            <p>{t('disclosures.previewRows', { count: result.rowCount, asOf: result.asOf })}</p>
            {diff ? <DiffView diff={diff} /> : null}
            {result.isolationFindings.length > 0 ? (
              <p className="error">
                {t('disclosures.isolation', { count: result.isolationFindings.length })}
              </p>
            ) : null}
            {dataset ? (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {dataset.columns.map((column) => (
                        <th scope="col" key={column.name} title={column.description}>
                          {column.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {dataset.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                      // Preview rows have no key of their own and are never reordered.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <tr key={i}>
                        {dataset.columns.map((column) => (
                          <td key={column.name}>{String(valueAt(row, column.name) ?? '—')}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                {dataset.rows.length > PREVIEW_ROWS ? (
                  <p className="muted">
                    {t('disclosures.firstRows', { shown: PREVIEW_ROWS, count: dataset.rows.length })}
                  </p>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="releases-title">
        <h2 id="releases-title">{t('disclosures.releases')}</h2>
        {data.disclosureReleases.length === 0 ? <p>{t('disclosures.noReleases')}</p> : null}
        <ul>
          {data.disclosureReleases.map((release) => {
            const releaseDiff = release.diff as DiffSummary | null | undefined;
            return (
              <li key={release.runId}>
                {dateTime.format(new Date(release.runAt))} ·{' '}
                {t('disclosures.rows', { count: release.rowCount })} ·{' '}
                <span className="mono">{release.datasetSha256.slice(0, 12)}</span>
                {releaseDiff?.previous ? (
                  <>
                    {' · '}
                    {t('disclosures.diffSummary', releaseDiff.summary)}
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function DiffView({ diff }: { diff: DiffSummary }) {
  const { t } = useI18n();
  if (!diff.previous) return <p>{t('disclosures.firstRelease')}</p>;
  return (
    <div data-testid="disclosure-diff">
      <p>{t('disclosures.diffAgainst', { ...diff.summary })}</p>
      {diff.reasons.length > 0 ? (
        <ul>
          {diff.reasons.map((reason) => (
            <li key={reason.code}>
              {reason.label}：{reason.count}
            </li>
          ))}
        </ul>
      ) : null}
      {diff.keysWithheld ? <p className="muted">{t('disclosures.keysWithheld')}</p> : null}
    </div>
  );
}

/** Edits the draft: any change to the text or policy withdraws the approval until someone else approves. */
function DisclosureEditor({
  disclosure,
  onDone,
}: {
  disclosure: {
    id: string;
    slug: string;
    name: string;
    description: string;
    document: string;
    outputFields: string[];
    pageKind: string;
    parameters: Record<string, unknown>;
    version: number;
    region: { code: string };
  };
  onDone(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(disclosure.name);
  const [description, setDescription] = useState(disclosure.description);
  const [document, setDocument] = useState(disclosure.document);
  const [fields, setFields] = useState(disclosure.outputFields.join('\n'));
  const [updated, update] = useMutation(UpdateDocument);
  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await update({
      id: disclosure.id,
      expectedVersion: disclosure.version,
      input: {
        slug: disclosure.slug,
        name,
        description,
        document,
        regionCode: disclosure.region.code,
        pageKind: disclosure.pageKind as never,
        parameters: disclosure.parameters,
        outputFields: fields
          .split(/[\n,]/)
          .map((f) => f.trim())
          .filter(Boolean),
      },
    });
    if (result.data) onDone();
  }
  return (
    <form className="panel" onSubmit={save}>
      <h2>{t('disclosures.edit')}</h2>
      <p className="muted">{t('disclosures.editHelp')}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('disclosures.name')}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('disclosures.description')}</label>
        <input
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-document`}>{t('disclosures.query')}</label>
        <textarea
          id={`${id}-document`}
          rows={12}
          required
          value={document}
          onChange={(e) => setDocument(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-fields`}>{t('disclosures.fieldsOnePerLine')}</label>
        <textarea id={`${id}-fields`} rows={5} value={fields} onChange={(e) => setFields(e.target.value)} />
      </div>
      <ErrorMessage error={updated.error} />
      <button type="submit" className="primary" disabled={updated.fetching}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
