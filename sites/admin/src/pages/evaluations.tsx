import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { Pager } from '../components/pager.tsx';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const EvaluationsDocument = graphql(`
  query Evaluations($filter: EvaluationFilter, $after: String, $regionCode: String) {
    evaluations(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          associationName
          evaluatedOn
          passed
          score
          rectificationDeadline
          rectificationDue
          items {
            code
            labelZh
            labelEn
            passed
          }
        }
      }
    }
    evaluationChecklist {
      code
      labelZh
      labelEn
    }
    associations(first: 100, filter: { regionCode: $regionCode }) {
      edges {
        node {
          id
          name
          level
        }
      }
    }
  }
`);

const RecordEvaluationDocument = graphql(`
  mutation RecordEvaluation($input: EvaluationInput!) {
    recordEvaluation(input: $input) {
      id
      passed
    }
  }
`);

/** Evaluations of associations below the admin's level, against the standard checklist. */
export function EvaluationsPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const id = useId();
  const [dueOnly, setDueOnly] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: EvaluationsDocument,
    variables: {
      filter: { regionCode: region.code, ...(dueOnly ? { rectificationDue: true } : {}) },
      after,
      regionCode: region.code,
    },
  });
  const [recorded, record] = useMutation(RecordEvaluationDocument);
  const [associationId, setAssociationId] = useState('');
  const [evaluatedOn, setEvaluatedOn] = useState('');
  const [failed, setFailed] = useState<Set<string>>(new Set());
  const [deadline, setDeadline] = useState('');
  const canEvaluate = viewer.role === 'COUNTY_ADMIN' || viewer.role === 'TOWNSHIP_ADMIN';
  const checklist = data?.evaluationChecklist ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await record({
      input: {
        associationId,
        evaluatedOn,
        items: checklist.map((item) => ({ code: item.code, passed: !failed.has(item.code) })),
        ...(failed.size > 0 ? { rectificationDeadline: deadline } : {}),
      },
    });
    if (result.data) setFailed(new Set());
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('evaluations.title')}</h1>
      {canEvaluate && data ? (
        <form className="panel" onSubmit={submit}>
          <h2>{t('evaluations.record')}</h2>
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
                {data.associations.edges.map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {node.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-on`}>{t('evaluations.evaluatedOn')}</label>
              <input
                id={`${id}-on`}
                type="date"
                required
                value={evaluatedOn}
                onChange={(e) => setEvaluatedOn(e.target.value)}
              />
            </div>
          </div>
          <fieldset>
            <legend>{t('evaluations.checklist')}</legend>
            {checklist.map((item) => (
              <label key={item.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={!failed.has(item.code)}
                  onChange={(e) => {
                    const next = new Set(failed);
                    if (e.target.checked) next.delete(item.code);
                    else next.add(item.code);
                    setFailed(next);
                  }}
                />{' '}
                {language === 'zh' ? item.labelZh : item.labelEn}
              </label>
            ))}
          </fieldset>
          {failed.size > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-deadline`}>{t('evaluations.deadline')}</label>
              <input
                id={`${id}-deadline`}
                type="date"
                required
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </div>
          ) : null}
          <ErrorMessage error={recorded.error} />
          <button type="submit" className="primary" disabled={recorded.fetching}>
            {t('common.save')}
          </button>
        </form>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={dueOnly}
          onChange={(e) => {
            setAfter(null);
            setDueOnly(e.target.checked);
          }}
        />{' '}
        {t('evaluations.dueOnly')}
      </label>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('activities.association')}</th>
                <th scope="col">{t('evaluations.evaluatedOn')}</th>
                <th scope="col">{t('evaluations.result')}</th>
                <th scope="col">{t('evaluations.failedItems')}</th>
                <th scope="col">{t('evaluations.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {data.evaluations.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.associationName}</td>
                  <td>{node.evaluatedOn}</td>
                  <td>{node.passed ? t('evaluations.passed') : t('evaluations.failed')}</td>
                  <td>
                    {node.items
                      .filter((item) => !item.passed)
                      .map((item) => (language === 'zh' ? item.labelZh : item.labelEn))
                      .join('、') || '—'}
                  </td>
                  <td>
                    {node.rectificationDeadline ?? '—'}
                    {node.rectificationDue ? ` (${t('evaluations.due')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.evaluations.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : null}
    </>
  );
}
