import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { ProgramSelect } from '../components/program-select.tsx';
import { todayInChina } from '../dates.ts';
import type { ObjectionChannel, ObjectionOutcome } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const CHANNELS: ObjectionChannel[] = ['VISIT', 'PHONE', 'LETTER', 'ONLINE'];

const NoticesDocument = graphql(`
  query Notices($filter: NoticeFilter, $after: String) {
    notices(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          year
          status
          startsOn
          endsOn
          daysLeft
          openObjectionCount
          objectionCount
          program {
            id
            name
          }
          region {
            id
            name
          }
        }
      }
    }
  }
`);

const NoticeDocument = graphql(`
  query Notice($id: ID!) {
    notice(id: $id) {
      id
      year
      status
      version
      startsOn
      endsOn
      daysLeft
      objectionOffice
      objectionPhone
      openObjectionCount
      program {
        id
        name
      }
      region {
        id
        name
      }
      enrollments {
        id
        personName
        objectionToken
        status
        kind
      }
      objections {
        id
        objectionToken
        channel
        receivedOn
        summary
        status
        resolution
        version
      }
    }
  }
`);

const OpenNoticeDocument = graphql(`
  mutation OpenNotice($input: OpenNoticeInput!) {
    openNotice(input: $input) {
      id
    }
  }
`);

const RecordObjectionDocument = graphql(`
  mutation RecordObjection($input: RecordObjectionInput!) {
    recordObjection(input: $input) {
      id
      status
    }
  }
`);

const ResolveObjectionDocument = graphql(`
  mutation ResolveObjection($id: ID!, $expectedVersion: Int!, $outcome: ObjectionOutcome!, $resolution: String!) {
    resolveObjection(id: $id, expectedVersion: $expectedVersion, outcome: $outcome, resolution: $resolution) {
      id
      status
      resolution
      version
    }
  }
`);

const ConfirmNoticeDocument = graphql(`
  mutation ConfirmNotice($id: ID!, $expectedVersion: Int!) {
    confirmNotice(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

export function NoticesPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const navigate = useNavigate();
  const id = useId();
  const [{ data, error }] = useQuery({
    query: NoticesDocument,
    variables: { filter: { regionCode: region.code } },
  });
  const [opened, open] = useMutation(OpenNoticeDocument);
  const [programId, setProgramId] = useState('');
  const [startsOn, setStartsOn] = useState(todayInChina());
  const [year, setYear] = useState(new Date().getFullYear());
  const canOpen = viewer.role === 'TOWNSHIP_ADMIN' || viewer.role === 'COUNTY_ADMIN';
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await open({ input: { programId, regionCode: region.code, startsOn, year } });
    if (result.data) navigate(`/notices/${result.data.openNotice.id}`);
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('notices.title')}</h1>
      {canOpen ? (
        <form className="panel" onSubmit={submit}>
          <h2>{t('notices.open')}</h2>
          <p className="muted">{t('notices.openHelp', { region: region.name })}</p>
          <div className="filters">
            <ProgramSelect id={`${id}-program`} value={programId} onChange={setProgramId} />
            <label>
              {t('enrollments.year')}
              <input type="number" required value={year} onChange={(e) => setYear(Number(e.target.value))} />
            </label>
            <label>
              {t('notices.startsOn')}
              <input type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
            </label>
            <button type="submit" className="primary" disabled={opened.fetching}>
              {t('notices.openButton')}
            </button>
          </div>
          <ErrorMessage error={opened.error} />
        </form>
      ) : null}
      <ErrorMessage error={error} />
      {data ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enrollments.program')}</th>
              <th scope="col">{t('enrollments.region')}</th>
              <th scope="col">{t('enrollments.year')}</th>
              <th scope="col">{t('notices.period')}</th>
              <th scope="col">{t('notices.status')}</th>
              <th scope="col" className="number">
                {t('notices.openObjections')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.notices.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link to={`/notices/${node.id}`}>{node.program?.name ?? '—'}</Link>
                </td>
                <td>{node.region?.name ?? '—'}</td>
                <td>{node.year}</td>
                <td>
                  {node.startsOn} – {node.endsOn}
                </td>
                <td>{t(`noticeStatus.${node.status}` as MessageKey)}</td>
                <td className="number">{node.openObjectionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** One public notice: who is on it, the objections received, and the confirmation once it has ended. */
export function NoticePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const formId = useId();
  const [{ data, error }] = useQuery({ query: NoticeDocument, variables: { id } });
  const [recorded, record] = useMutation(RecordObjectionDocument);
  const [resolved, resolve] = useMutation(ResolveObjectionDocument);
  const [confirmed, confirm] = useMutation(ConfirmNoticeDocument);
  const [token, setToken] = useState('');
  const [channel, setChannel] = useState<ObjectionChannel>('VISIT');
  const [receivedOn, setReceivedOn] = useState(todayInChina());
  const [summary, setSummary] = useState('');
  const notice = data?.notice;
  if (!notice) {
    return <NotLoaded title="notices.title" error={error} />;
  }
  const writer = viewer.role !== 'AUDITOR';
  const decider = viewer.role === 'TOWNSHIP_ADMIN' || viewer.role === 'COUNTY_ADMIN';
  return (
    <>
      <p>
        <Link to="/notices">{t('notices.back')}</Link>
      </p>
      <h1 tabIndex={-1}>
        {notice.program?.name} · {notice.region?.name} · {notice.year}
      </h1>
      <p data-testid="notice-status">
        <strong>{t(`noticeStatus.${notice.status}` as MessageKey)}</strong> · {notice.startsOn} –{' '}
        {notice.endsOn}
        {notice.status === 'OPEN' ? ` · ${t('notices.daysLeft', { days: notice.daysLeft })}` : ''}
      </p>
      <p className="muted">
        {t('notices.objectionsTo', { office: notice.objectionOffice, phone: notice.objectionPhone })}
      </p>
      <h2>{t('notices.roll', { count: notice.enrollments.length })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('enrollments.person')}</th>
            <th scope="col">{t('enrollments.token')}</th>
            <th scope="col">{t('enrollments.kind')}</th>
            <th scope="col">{t('enrollments.status')}</th>
          </tr>
        </thead>
        <tbody>
          {notice.enrollments.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/enrollments/${e.id}`}>{e.personName}</Link>
              </td>
              <td className="mono">{e.objectionToken}</td>
              <td>{t(`enrollmentKind.${e.kind}` as MessageKey)}</td>
              <td>{t(`enrollmentStatus.${e.status}` as MessageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('notices.objections', { count: notice.objections.length })}</h2>
      <ErrorMessage error={resolved.error} />
      {notice.objections.length > 0 ? (
        <ul className="objections">
          {notice.objections.map((o) => (
            <li key={o.id} className="panel">
              <p>
                <span className="mono">{o.objectionToken}</span> ·{' '}
                {t(`objectionChannel.${o.channel}` as MessageKey)} · {o.receivedOn} ·{' '}
                <strong>{t(`objectionStatus.${o.status}` as MessageKey)}</strong>
              </p>
              <p>{o.summary}</p>
              {o.resolution ? (
                <p className="muted">{t('notices.resolution', { text: o.resolution })}</p>
              ) : null}
              {o.status === 'OPEN' && decider ? (
                <ResolveForm
                  onResolve={(outcome, resolution) =>
                    resolve({ id: o.id, expectedVersion: o.version, outcome, resolution }).then(
                      () => undefined,
                    )
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {writer && notice.status === 'OPEN' ? (
        <form
          className="panel"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await record({ input: { token: token.trim(), channel, receivedOn, summary } });
            if (result.data) {
              setToken('');
              setSummary('');
            }
          }}
        >
          <h3>{t('notices.recordObjection')}</h3>
          <div className="grid">
            <div className="field">
              <label htmlFor={`${formId}-token`}>{t('enrollments.token')}</label>
              <input
                id={`${formId}-token`}
                required
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${formId}-channel`}>{t('notices.channel')}</label>
              <select
                id={`${formId}-channel`}
                value={channel}
                onChange={(e) => setChannel(e.target.value as ObjectionChannel)}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`objectionChannel.${c}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${formId}-received`}>{t('notices.receivedOn')}</label>
              <input
                id={`${formId}-received`}
                type="date"
                required
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-summary`}>{t('notices.summary')}</label>
            <textarea
              id={`${formId}-summary`}
              rows={3}
              required
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <ErrorMessage error={recorded.error} />
          <button type="submit" disabled={recorded.fetching}>
            {t('notices.recordButton')}
          </button>
        </form>
      ) : null}
      {decider && notice.status === 'CLOSED' ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={confirmed.fetching}
            onClick={() => confirm({ id: notice.id, expectedVersion: notice.version })}
          >
            {t('notices.confirm')}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={confirmed.error} />
    </>
  );
}

function ResolveForm({
  onResolve,
}: {
  onResolve(outcome: ObjectionOutcome, resolution: string): Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<ObjectionOutcome>('DISMISSED');
  const [resolution, setResolution] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onResolve(outcome, resolution);
      }}
    >
      <label htmlFor={`${id}-outcome`}>{t('notices.outcome')}</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as ObjectionOutcome)}
      >
        <option value="DISMISSED">{t('objectionStatus.DISMISSED')}</option>
        <option value="UPHELD">{t('objectionStatus.UPHELD')}</option>
      </select>
      <label htmlFor={`${id}-resolution`}>{t('notices.resolutionLabel')}</label>
      <input
        id={`${id}-resolution`}
        required
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      <button type="submit">{t('notices.resolve')}</button>
    </form>
  );
}
