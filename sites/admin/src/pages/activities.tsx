import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { Pager } from '../components/pager.tsx';
import { todayInChina } from '../dates.ts';
import { enumLabel, enumValues } from '../enum-label.ts';
import type { ActivityKind } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const ActivitiesDocument = graphql(`
  query Activities($filter: ActivityFilter, $after: String) {
    activities(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          heldOn
          participants
          associationId
          associationName
          version
        }
      }
    }
  }
`);

const AssociationChoicesDocument = graphql(`
  query AssociationChoices($filter: AssociationFilter) {
    associations(first: 100, filter: $filter) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const RecordActivityDocument = graphql(`
  mutation RecordActivity($input: ActivityInput!) {
    recordActivity(input: $input) {
      id
    }
  }
`);

const DeleteActivityDocument = graphql(`
  mutation DeleteActivity($id: ID!, $expectedVersion: Int!) {
    deleteActivity(id: $id, expectedVersion: $expectedVersion)
  }
`);

export function ActivitiesPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: ActivitiesDocument,
    variables: { filter: { regionCode: region.code, ...(kind ? { kind } : {}) }, after },
  });
  const [deleted, remove] = useMutation(DeleteActivityDocument);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('activities.title')}</h1>
        {viewer.role !== 'AUDITOR' ? (
          <Link className="button primary" to="/activities/new">
            {t('activities.record')}
          </Link>
        ) : null}
      </div>
      <div className="filters">
        <label>
          {t('activities.kind')}
          <select
            value={kind}
            onChange={(e) => {
              setAfter(null);
              setKind(e.target.value as ActivityKind | '');
            }}
          >
            <option value="">{t('common.all')}</option>
            {enumValues('ActivityKind').map((k) => (
              <option key={k} value={k}>
                {enumLabel('ActivityKind', k, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={error ?? deleted.error} />
      {data ? (
        <>
          <p className="muted" role="status">
            {t('common.totalCount', { count: data.activities.totalCount })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('activities.heldOn')}</th>
                <th scope="col">{t('activities.titleField')}</th>
                <th scope="col">{t('activities.kind')}</th>
                <th scope="col">{t('activities.association')}</th>
                <th scope="col" className="number">
                  {t('activities.participants')}
                </th>
                <th scope="col">{t('disbursements.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.activities.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.heldOn}</td>
                  <td>{node.title}</td>
                  <td>{enumLabel('ActivityKind', node.kind, language)}</td>
                  <td>
                    <Link to={`/associations/${node.associationId}`}>{node.associationName}</Link>
                  </td>
                  <td className="number">{node.participants.toLocaleString()}</td>
                  <td>
                    {viewer.role !== 'AUDITOR' ? (
                      <button
                        type="button"
                        onClick={() => {
                          if (window.confirm(t('activities.confirmDelete', { title: node.title }))) {
                            void remove({ id: node.id, expectedVersion: node.version });
                          }
                        }}
                      >
                        {t('activities.delete')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.activities.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : null}
    </>
  );
}

export function ActivityNewPage() {
  const { t, language } = useI18n();
  const { region } = useScope();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const id = useId();
  const [{ data: choices }] = useQuery({
    query: AssociationChoicesDocument,
    variables: { filter: { regionCode: region.code } },
  });
  const [recorded, record] = useMutation(RecordActivityDocument);
  const [associationId, setAssociationId] = useState(params.get('association') ?? '');
  const [kind, setKind] = useState<ActivityKind>('MEMBER_DAY');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(todayInChina);
  const [counts, setCounts] = useState({ participants: 0, consultations: 0, leaflets: 0, peopleScreened: 0 });
  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await record({ input: { associationId, kind, title, heldOn, ...counts } });
    if (result.data) navigate('/activities');
  }
  const count = (name: keyof typeof counts, label: Parameters<typeof t>[0]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        min={0}
        value={counts[name]}
        onChange={(e) => setCounts({ ...counts, [name]: Number(e.target.value) })}
      />
    </div>
  );
  return (
    <>
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('activities.record')}</h1>
      <form onSubmit={save}>
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-association`}>{t('activities.association')}</label>
            <select
              id={`${id}-association`}
              required
              value={associationId}
              onChange={(e) => setAssociationId(e.target.value)}
            >
              <option value="">{t('activities.chooseAssociation')}</option>
              {(choices?.associations.edges ?? []).map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('activities.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
              {enumValues('ActivityKind').map((k) => (
                <option key={k} value={k}>
                  {enumLabel('ActivityKind', k, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('activities.titleField')}</label>
            <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-held`}>{t('activities.heldOn')}</label>
            <input
              id={`${id}-held`}
              type="date"
              required
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
            />
          </div>
          {count('participants', 'activities.participants')}
          {count('consultations', 'activities.consultations')}
          {count('leaflets', 'activities.leaflets')}
          {count('peopleScreened', 'activities.peopleScreened')}
        </div>
        <ErrorMessage error={recorded.error} />
        <button type="submit" className="primary" disabled={recorded.fetching}>
          {t('common.save')}
        </button>
      </form>
    </>
  );
}
