import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import type { Role } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const DashboardDocument = graphql(`
  query Dashboard($regionCode: String!, $county: Boolean!) {
    submitted: enrollments(first: 1, filter: { regionCode: $regionCode, status: SUBMITTED }) {
      totalCount
    }
    reviewed: enrollments(first: 1, filter: { regionCode: $regionCode, status: REVIEWED }) {
      totalCount
    }
    rejected: enrollments(first: 1, filter: { regionCode: $regionCode, status: REJECTED }) {
      totalCount
    }
    openNotices: notices(first: 100, filter: { regionCode: $regionCode, status: OPEN }) {
      totalCount
      edges {
        node {
          id
          openObjectionCount
        }
      }
    }
    draftBatches: disbursementBatches(first: 1, filter: { regionCode: $regionCode, status: DRAFT }) @include(if: $county) {
      totalCount
    }
    disclosures @include(if: $county) {
      id
      documentSha256
      approvedSha256
      draftedByViewer
    }
  }
`);

const DataQualityDocument = graphql(`
  query DashboardDataQuality($regionCode: String!) {
    dataQualityReport(regionCode: $regionCode) {
      quarter
      checks {
        check
        count
        visible
      }
    }
  }
`);

interface Item {
  key: string;
  /** The screen where the work is done. */
  to?: string;
  label: MessageKey;
  count: number;
  roles: Role[];
}

/** What needs this admin's action in the region they look at, most urgent first. */
export function DashboardPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const county = viewer.role === 'COUNTY_ADMIN';
  const [{ data, error }] = useQuery({
    query: DashboardDocument,
    variables: { regionCode: region.code, county },
  });
  const [{ data: quality, error: qualityError, fetching: qualityFetching }] = useQuery({
    query: DataQualityDocument,
    variables: { regionCode: region.code },
  });
  const all: Item[] = data
    ? [
        {
          key: 'submitted',
          to: '/enrollments?status=SUBMITTED',
          label: 'dashboard.toReview',
          count: data.submitted.totalCount,
          roles: ['TOWNSHIP_ADMIN', 'COUNTY_ADMIN'],
        },
        {
          key: 'reviewed',
          label: 'dashboard.toApprove',
          count: data.reviewed.totalCount,
          roles: ['COUNTY_ADMIN'],
        },
        {
          key: 'rejected',
          label: 'dashboard.returned',
          count: data.rejected.totalCount,
          roles: ['VILLAGE_CLERK'],
        },
        {
          key: 'objections',
          to: '/notices',
          label: 'dashboard.objections',
          count: data.openNotices.edges.reduce((sum, edge) => sum + edge.node.openObjectionCount, 0),
          roles: ['VILLAGE_CLERK', 'TOWNSHIP_ADMIN', 'COUNTY_ADMIN'],
        },
        {
          key: 'batches',
          to: '/disbursements',
          label: 'dashboard.batches',
          count: data.draftBatches?.totalCount ?? 0,
          roles: ['COUNTY_ADMIN'],
        },
        {
          key: 'disclosures',
          to: '/disclosures',
          label: 'dashboard.disclosures',
          count: (data.disclosures ?? []).filter(
            (d) => d.approvedSha256 !== d.documentSha256 && !d.draftedByViewer,
          ).length,
          roles: ['COUNTY_ADMIN'],
        },
      ]
    : [];
  const items = all.filter((item) => item.roles.includes(viewer.role));
  const findings = (quality?.dataQualityReport.checks ?? []).filter(
    (check) => check.visible && check.count > 0,
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.intro', { region: region.name })}</p>
      <ErrorMessage error={error} />
      {data ? (
        <ul className="cards" aria-label={t('dashboard.title')}>
          {items.map((item) => (
            <li
              key={item.key}
              className={item.count > 0 ? 'card card-attention' : 'card'}
              data-item={item.key}
            >
              <span className="card-count">{item.count.toLocaleString()}</span>
              {item.to ? (
                <Link className="card-label" to={item.to}>
                  {t(item.label)}
                </Link>
              ) : (
                <span className="card-label">{t(item.label)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <h2>{t('dashboard.dataQuality', { quarter: quality?.dataQualityReport.quarter ?? '' })}</h2>
      <ErrorMessage error={qualityError} />
      {qualityFetching && !quality ? <p role="status">{t('common.loading')}</p> : null}
      {quality && findings.length === 0 ? <p>{t('dashboard.noFindings')}</p> : null}
      {findings.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.check')}</th>
              <th scope="col" className="number">
                {t('dashboard.findings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {findings.map((finding) => (
              <tr key={finding.check}>
                <td>{t(`dataQuality.${finding.check}` as MessageKey)}</td>
                <td className="number">{finding.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
