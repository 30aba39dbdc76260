import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { Pager } from '../components/pager.tsx';
import { enumLabel, enumValues } from '../enum-label.ts';
import type { ProjectKind } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { fenToYuan, yuanToFen } from '../money.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const ProjectsDocument = graphql(`
  query Projects($filter: ProjectFilter, $after: String, $regionCode: String) {
    projects(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          startOn
          endOn
          budgetFen
          householdsHelped
          incomeChangeFen
          associationName
        }
      }
    }
    associations(first: 100, filter: { regionCode: $regionCode }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const CreateProjectDocument = graphql(`
  mutation CreateProject($input: ProjectInput!) {
    createProject(input: $input) {
      id
    }
  }
`);

/** Projects run by associations (e.g. 幸福工程 help for households), with budget and outcome. */
export function ProjectsPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const id = useId();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: ProjectsDocument,
    variables: { filter: { regionCode: region.code }, after, regionCode: region.code },
  });
  const [created, create] = useMutation(CreateProjectDocument);
  const [input, setInput] = useState({
    associationId: '',
    name: '',
    kind: enumValues('ProjectKind')[0] as ProjectKind,
    startOn: '',
    budgetYuan: '',
    householdsHelped: 0,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      input: {
        associationId: input.associationId,
        name: input.name,
        kind: input.kind,
        startOn: input.startOn,
        budgetFen: yuanToFen(input.budgetYuan),
        householdsHelped: input.householdsHelped,
      },
    });
    if (result.data) setInput({ ...input, name: '', budgetYuan: '', householdsHelped: 0 });
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('projects.title')}</h1>
      {viewer.role !== 'AUDITOR' ? (
        <form className="panel" onSubmit={submit}>
          <h2>{t('projects.create')}</h2>
          <div className="grid">
            <div className="field">
              <label htmlFor={`${id}-association`}>{t('activities.association')}</label>
              <select
                id={`${id}-association`}
                required
                value={input.associationId}
                onChange={(e) => setInput({ ...input, associationId: e.target.value })}
              >
                <option value="">{t('activities.chooseAssociation')}</option>
                {(data?.associations.edges ?? []).map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {node.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('projects.name')}</label>
              <input
                id={`${id}-name`}
                required
                value={input.name}
                onChange={(e) => setInput({ ...input, name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('projects.kind')}</label>
              <select
                id={`${id}-kind`}
                value={input.kind}
                onChange={(e) => setInput({ ...input, kind: e.target.value as ProjectKind })}
              >
                {enumValues('ProjectKind').map((k) => (
                  <option key={k} value={k}>
                    {enumLabel('ProjectKind', k, language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-start`}>{t('projects.startOn')}</label>
              <input
                id={`${id}-start`}
                type="date"
                required
                value={input.startOn}
                onChange={(e) => setInput({ ...input, startOn: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-budget`}>{t('projects.budgetYuan')}</label>
              <input
                id={`${id}-budget`}
                required
                inputMode="decimal"
                value={input.budgetYuan}
                onChange={(e) => setInput({ ...input, budgetYuan: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-households`}>{t('projects.householdsHelped')}</label>
              <input
                id={`${id}-households`}
                type="number"
                min={0}
                value={input.householdsHelped}
                onChange={(e) => setInput({ ...input, householdsHelped: Number(e.target.value) })}
              />
            </div>
          </div>
          <ErrorMessage error={created.error} />
          <button type="submit" className="primary" disabled={created.fetching}>
            {t('common.save')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('projects.name')}</th>
                <th scope="col">{t('projects.kind')}</th>
                <th scope="col">{t('activities.association')}</th>
                <th scope="col">{t('projects.period')}</th>
                <th scope="col" className="number">
                  {t('projects.budgetYuan')}
                </th>
                <th scope="col" className="number">
                  {t('projects.householdsHelped')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.projects.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.name}</td>
                  <td>{enumLabel('ProjectKind', node.kind, language)}</td>
                  <td>{node.associationName}</td>
                  <td>
                    {node.startOn} – {node.endOn ?? ''}
                  </td>
                  <td className="number">{fenToYuan(node.budgetFen)}</td>
                  <td className="number">{node.householdsHelped}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.projects.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : null}
    </>
  );
}
