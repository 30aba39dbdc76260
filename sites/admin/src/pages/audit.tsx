import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { Pager } from '../components/pager.tsx';
import { useDateTime } from '../dates.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { roleLabelKey } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $after: String) {
    auditEvents(first: 50, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          entity
          entityId
          userRole
          regionCode
          chainSeq
          rowSha256
          sensitive
        }
      }
    }
  }
`);

const VerifyChainDocument = graphql(`
  query VerifyAuditChain {
    auditChainVerification {
      intact
      checkedAt
      verifiedRows
      headSeq
      headSha256
      firstBrokenSeq
      firstBrokenEventId
      problem
    }
  }
`);

/** Who changed what and when, newest first, and a check that no one rewrote the log since. */
export function AuditPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState({ entity: '', action: '' });
  const [after, setAfter] = useState<string | null>(null);
  const [verify, setVerify] = useState(false);
  const [{ data, error, fetching }] = useQuery({
    query: AuditEventsDocument,
    variables: {
      filter: {
        regionCode: region.code,
        ...(filter.entity ? { entity: filter.entity } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      },
      after,
    },
  });
  const [verification] = useQuery({
    query: VerifyChainDocument,
    pause: !verify,
    requestPolicy: 'network-only',
  });
  const canVerify = viewer.role === 'COUNTY_ADMIN' || viewer.role === 'AUDITOR';
  const result = verification.data?.auditChainVerification;
  const dateTime = useDateTime({ seconds: true });
  return (
    <>
      <h1 tabIndex={-1}>{t('audit.title')}</h1>
      {canVerify ? (
        <section className="panel" aria-labelledby="chain-title">
          <h2 id="chain-title">{t('audit.chainTitle')}</h2>
          <p className="muted">{t('audit.chainHelp')}</p>
          <button type="button" disabled={verification.fetching} onClick={() => setVerify(true)}>
            {verification.fetching ? t('audit.verifying') : t('audit.verify')}
          </button>
          <ErrorMessage error={verification.error} />
          {result ? (
            <p className={result.intact ? 'notice' : 'error'} role="status" data-testid="chain-result">
              {result.intact
                ? t('audit.intact', { rows: result.verifiedRows, seq: result.headSeq })
                : t('audit.broken', {
                    rows: result.verifiedRows,
                    seq: result.firstBrokenSeq ?? '?',
                    problem: result.problem ?? '',
                  })}
            </p>
          ) : null}
        </section>
      ) : null}
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setAfter(null);
          setFilter({ entity: entity.trim(), action: action.trim() });
        }}
      >
        <label>
          {t('audit.entity')}
          <input value={entity} onChange={(e) => setEntity(e.target.value)} placeholder="policy" />
        </label>
        <label>
          {t('audit.action')}
          <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="publish" />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.role')}</th>
                <th scope="col">{t('audit.region')}</th>
                <th scope="col">{t('audit.seq')}</th>
              </tr>
            </thead>
            <tbody>
              {data.auditEvents.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{dateTime.format(new Date(node.at))}</td>
                  <td>{node.action}</td>
                  <td>
                    {node.entity} <span className="mono muted">{node.entityId.slice(0, 8)}</span>
                    {node.sensitive ? <span className="badge">{t('audit.sensitive')}</span> : null}
                  </td>
                  <td>{t(roleLabelKey(node.userRole) as MessageKey)}</td>
                  <td className="mono">{node.regionCode}</td>
                  <td className="mono">{node.chainSeq ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.auditEvents.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : fetching ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
    </>
  );
}
