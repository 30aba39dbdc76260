import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { fieldOf } from '../components/field-errors.ts';
import { Pager } from '../components/pager.tsx';
import { todayInChina } from '../dates.ts';
import type { PolicyCategory, PolicyInput, PolicyStatus } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const CATEGORIES: PolicyCategory[] = [
  'NOTICE',
  'ASSISTANCE',
  'ASSOCIATION_WORK',
  'HEALTH_SERVICE',
  'PUBLICITY',
];
const STATUSES: PolicyStatus[] = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'];

// Spread by name (`...PolicyFields`) in the documents below; codegen includes it there.
export const PolicyFieldsFragment = graphql(`
  fragment PolicyFields on Policy {
    id
    title
    documentNumber
    issuingBody
    category
    status
    issueDate
    effectiveDate
    expiryDate
    bodyMarkdown
    attachments {
      fileName
      mediaType
      byteSize
    }
    region {
      id
      code
      name
    }
    version
    publishedAt
    withdrawnAt
    withdrawalReason
    updatedAt
  }
`);

const PoliciesDocument = graphql(`
  query Policies($filter: PolicyFilter, $after: String) {
    policies(first: 50, after: $after, filter: $filter, orderBy: { field: ISSUE_DATE, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          documentNumber
          category
          status
          issueDate
          region {
            id
            name
          }
        }
      }
    }
  }
`);

const PolicyDocument = graphql(`
  query Policy($id: ID!) {
    policy(id: $id) {
      ...PolicyFields
    }
  }
`);

const PolicyPreviewDocument = graphql(`
  query PolicyPreview($bodyMarkdown: String!) {
    policyPreview(bodyMarkdown: $bodyMarkdown)
  }
`);

const CreatePolicyDocument = graphql(`
  mutation CreatePolicy($input: PolicyInput!) {
    createPolicy(input: $input) {
      ...PolicyFields
    }
  }
`);

const UpdatePolicyDocument = graphql(`
  mutation UpdatePolicy($id: ID!, $expectedVersion: Int!, $input: PolicyInput!) {
    updatePolicy(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...PolicyFields
    }
  }
`);

const PublishPolicyDocument = graphql(`
  mutation PublishPolicy($id: ID!, $expectedVersion: Int!) {
    publishPolicy(id: $id, expectedVersion: $expectedVersion) {
      ...PolicyFields
    }
  }
`);

const WithdrawPolicyDocument = graphql(`
  mutation WithdrawPolicy($id: ID!, $expectedVersion: Int!, $reason: String!) {
    withdrawPolicy(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      ...PolicyFields
    }
  }
`);

export function PoliciesPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [status, setStatus] = useState<PolicyStatus | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: PoliciesDocument,
    variables: {
      filter: {
        regionCode: region.code,
        ...(submitted ? { search: submitted } : {}),
        ...(status ? { status } : {}),
      },
      after,
    },
  });
  const page = data?.policies;
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('policies.title')}</h1>
        {viewer.role !== 'AUDITOR' ? (
          <Link className="button primary" to="/policies/new">
            {t('policies.new')}
          </Link>
        ) : null}
      </div>
      <search>
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setAfter(null);
            setSubmitted(search.trim());
          }}
        >
          <label>
            {t('policies.search')}
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <label>
            {t('policies.status')}
            <select
              value={status}
              onChange={(e) => {
                setAfter(null);
                setStatus(e.target.value as PolicyStatus | '');
              }}
            >
              <option value="">{t('common.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`policyStatus.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('common.search')}</button>
        </form>
      </search>
      <ErrorMessage error={error} />
      {page ? (
        <>
          <p className="muted" role="status">
            {t('common.totalCount', { count: page.totalCount })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('policies.titleField')}</th>
                <th scope="col">{t('policies.documentNumber')}</th>
                <th scope="col">{t('policies.category')}</th>
                <th scope="col">{t('policies.region')}</th>
                <th scope="col">{t('policies.issueDate')}</th>
                <th scope="col">{t('policies.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/policies/${node.id}`}>{node.title}</Link>
                  </td>
                  <td>{node.documentNumber}</td>
                  <td>{t(`policyCategory.${node.category}` as MessageKey)}</td>
                  <td>{node.region.name}</td>
                  <td>{node.issueDate}</td>
                  <td>
                    <span className={`status status-${node.status.toLowerCase()}`}>
                      {t(`policyStatus.${node.status}` as MessageKey)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={page.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : fetching ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
    </>
  );
}

type PolicyFields = NonNullable<ReturnType<typeof usePolicy>['policy']>;

function usePolicy(id: string) {
  const [{ data, error }] = useQuery({ query: PolicyDocument, variables: { id } });
  return { policy: data?.policy, error };
}

export function PolicyNewPage() {
  const { t } = useI18n();
  const { region } = useScope();
  const navigate = useNavigate();
  const [{ error, fetching }, create] = useMutation(CreatePolicyDocument);
  const blank: PolicyInput = {
    title: '',
    documentNumber: '',
    issuingBody: '',
    regionCode: region.code,
    category: 'NOTICE',
    issueDate: todayInChina(),
    effectiveDate: null,
    expiryDate: null,
    bodyMarkdown: '',
    attachments: [],
  };
  return (
    <>
      <p>
        <Link to="/policies">{t('policies.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('policies.new')}</h1>
      <PolicyForm
        initial={blank}
        error={error}
        saving={fetching}
        onSave={async (input) => {
          const result = await create({ input });
          if (result.data) navigate(`/policies/${result.data.createPolicy.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function PolicyEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const { policy, error } = usePolicy(id);
  const [updated, update] = useMutation(UpdatePolicyDocument);
  const [published, publish] = useMutation(PublishPolicyDocument);
  const [withdrawn, withdraw] = useMutation(WithdrawPolicyDocument);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  if (error && !policy) {
    return (
      <>
        <h1 tabIndex={-1}>{t('policies.title')}</h1>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!policy) return <p role="status">{t('common.loading')}</p>;
  const writable = viewer.role !== 'AUDITOR';
  const actionError = published.error ?? withdrawn.error;
  return (
    <>
      <p>
        <Link to="/policies">{t('policies.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{policy.title}</h1>
      <p className="muted">
        <span className={`status status-${policy.status.toLowerCase()}`}>
          {t(`policyStatus.${policy.status}` as MessageKey)}
        </span>{' '}
        {policy.documentNumber} · {policy.region.name} · {t('policies.version', { version: policy.version })}
      </p>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorMessage error={actionError} />
      {policy.status === 'WITHDRAWN' ? (
        <p>{t('policies.withdrawnBecause', { reason: policy.withdrawalReason ?? '' })}</p>
      ) : null}
      {writable && policy.status === 'DRAFT' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={published.fetching}
            onClick={async () => {
              const result = await publish({ id: policy.id, expectedVersion: policy.version });
              if (result.data) setNotice('policies.published');
            }}
          >
            {t('policies.publish')}
          </button>
        </p>
      ) : null}
      {writable && policy.status === 'PUBLISHED' ? (
        <form
          className="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await withdraw({ id: policy.id, expectedVersion: policy.version, reason });
            if (result.data) setNotice('policies.withdrawn');
          }}
        >
          <label htmlFor={reasonId}>{t('policies.withdrawReason')}</label>
          <input id={reasonId} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={withdrawn.fetching}>
            {t('policies.withdraw')}
          </button>
        </form>
      ) : null}
      <PolicyForm
        key={policy.version}
        initial={toInput(policy)}
        readOnly={!writable || policy.status !== 'DRAFT'}
        error={updated.error}
        saving={updated.fetching}
        onSave={async (input) => {
          const result = await update({ id: policy.id, expectedVersion: policy.version, input });
          if (result.data) setNotice('policies.saved');
        }}
      />
    </>
  );
}

function toInput(policy: PolicyFields): PolicyInput {
  return {
    title: policy.title,
    documentNumber: policy.documentNumber,
    issuingBody: policy.issuingBody,
    regionCode: policy.region.code,
    category: policy.category,
    issueDate: policy.issueDate,
    effectiveDate: policy.effectiveDate ?? null,
    expiryDate: policy.expiryDate ?? null,
    bodyMarkdown: policy.bodyMarkdown,
    attachments: policy.attachments.map(({ fileName, mediaType, byteSize }) => ({
      fileName,
      mediaType,
      byteSize,
    })),
  };
}

/** The policy's fields and its body in Markdown, with the preview the portal will show. */
function PolicyForm({
  initial,
  readOnly = false,
  error,
  saving,
  onSave,
}: {
  initial: PolicyInput;
  readOnly?: boolean;
  error: CombinedError | undefined;
  saving: boolean;
  onSave(input: PolicyInput): Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [input, setInput] = useState<PolicyInput>(initial);
  const [tab, setTab] = useState<'write' | 'preview'>(readOnly ? 'preview' : 'write');
  const failed = fieldOf(error);
  const set = (patch: Partial<PolicyInput>) => setInput((current) => ({ ...current, ...patch }));
  const field = (name: keyof PolicyInput, label: MessageKey, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        value={(input[name] as string | null | undefined) ?? ''}
        readOnly={readOnly}
        aria-invalid={failed === name || undefined}
        aria-describedby={failed === name ? `${id}-error` : undefined}
        onChange={(e) => set({ [name]: e.target.value || null })}
        {...props}
      />
    </div>
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    await onSave({ ...input, title: input.title ?? '', bodyMarkdown: input.bodyMarkdown ?? '' });
  }
  return (
    <form className="policy-form" onSubmit={submit}>
      <div className="grid">
        {field('title', 'policies.titleField', { required: true })}
        {field('documentNumber', 'policies.documentNumber', { required: true })}
        {field('issuingBody', 'policies.issuingBody', { required: true })}
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('policies.category')}</label>
          <select
            id={`${id}-category`}
            value={input.category}
            disabled={readOnly}
            onChange={(e) => set({ category: e.target.value as PolicyCategory })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`policyCategory.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {field('issueDate', 'policies.issueDate', { type: 'date', required: true })}
        {field('effectiveDate', 'policies.effectiveDate', { type: 'date' })}
        {field('expiryDate', 'policies.expiryDate', { type: 'date' })}
      </div>
      <fieldset className="markdown-editor">
        <legend>{t('policies.body')}</legend>
        <div className="tabs" role="tablist" aria-label={t('policies.body')}>
          <button
            type="button"
            role="tab"
            id={`${id}-tab-write`}
            aria-selected={tab === 'write'}
            aria-controls={`${id}-panel`}
            disabled={readOnly}
            onClick={() => setTab('write')}
          >
            {t('policies.write')}
          </button>
          <button
            type="button"
            role="tab"
            id={`${id}-tab-preview`}
            aria-selected={tab === 'preview'}
            aria-controls={`${id}-panel`}
            onClick={() => setTab('preview')}
          >
            {t('policies.preview')}
          </button>
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`}>
          {tab === 'write' ? (
            <>
              <label htmlFor={`${id}-body`} className="visually-hidden">
                {t('policies.bodyMarkdown')}
              </label>
              <textarea
                id={`${id}-body`}
                name="bodyMarkdown"
                rows={18}
                value={input.bodyMarkdown}
                aria-invalid={failed === 'bodyMarkdown' || undefined}
                aria-describedby={`${id}-body-help`}
                onChange={(e) => set({ bodyMarkdown: e.target.value })}
              />
              <p id={`${id}-body-help`} className="muted">
                {t('policies.markdownHelp')}
              </p>
            </>
          ) : (
            <MarkdownPreview markdown={input.bodyMarkdown} />
          )}
        </div>
      </fieldset>
      <div id={`${id}-error`}>
        <ErrorMessage error={error} />
      </div>
      {readOnly ? null : (
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
      )}
    </form>
  );
}

/** The body rendered by the API with the portal's own renderer: what residents will read. */
function MarkdownPreview({ markdown }: { markdown: string }) {
  const { t } = useI18n();
  const [debounced, setDebounced] = useState(markdown);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(markdown), 300);
    return () => clearTimeout(timer);
  }, [markdown]);
  const [{ data, error, fetching }] = useQuery({
    query: PolicyPreviewDocument,
    variables: { bodyMarkdown: debounced },
    pause: debounced.trim() === '',
    requestPolicy: 'cache-first',
  });
  if (debounced.trim() === '') return <p className="muted">{t('policies.emptyBody')}</p>;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p role="status">{fetching ? t('common.loading') : ''}</p>;
  return (
    <div
      className="markdown-preview"
      data-testid="policy-preview"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the API renders with the portal's renderer, which turns raw HTML into text and keeps only safe links
      dangerouslySetInnerHTML={{ __html: data.policyPreview }}
    />
  );
}
