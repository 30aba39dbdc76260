import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { fieldOf } from '../components/field-errors.ts';
import { NotLoaded } from '../components/not-loaded.tsx';
import { Pager } from '../components/pager.tsx';
import { ProgramSelect, ProgramsDocument } from '../components/program-select.tsx';
import { SearchForm } from '../components/search-form.tsx';
import { errorLines } from '../errors.ts';
import type { EnrollmentKind, EnrollmentStatus, EvidenceInput, EvidenceKind } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const STATUSES: EnrollmentStatus[] = [
  'SUBMITTED',
  'REVIEWED',
  'APPROVED',
  'IN_NOTICE',
  'CONFIRMED',
  'REJECTED',
];
const KINDS: EnrollmentKind[] = ['NEW', 'CONTINUING', 'EXITED'];

const EnrollmentsDocument = graphql(`
  query Enrollments($filter: EnrollmentFilter, $after: String) {
    enrollments(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          personName
          kind
          status
          year
          version
          objectionToken
          program {
            id
            name
          }
          region {
            id
            name
          }
          submittedAt
        }
      }
    }
  }
`);

const EnrollmentDocument = graphql(`
  query Enrollment($id: ID!) {
    enrollment(id: $id) {
      id
      personId
      personName
      kind
      status
      year
      version
      variant
      exitReason
      objectionToken
      noticeId
      rejectionReason
      submittedAt
      reviewedAt
      approvedAt
      rejectedAt
      program {
        id
        name
      }
      region {
        id
        name
      }
      person {
        id
        residentIdMasked
      }
      evidence {
        kind
        labelZh
        labelEn
        documentNumber
        issuedOn
      }
    }
  }
`);

const ReviewDocument = graphql(`
  mutation ReviewEnrollment($id: ID!, $expectedVersion: Int!) {
    reviewEnrollment(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
      reviewedAt
    }
  }
`);

const ApproveDocument = graphql(`
  mutation ApproveEnrollment($id: ID!, $expectedVersion: Int!) {
    approveEnrollment(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
      approvedAt
    }
  }
`);

const RejectDocument = graphql(`
  mutation RejectEnrollment($id: ID!, $expectedVersion: Int!, $reason: String!) {
    rejectEnrollment(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      id
      status
      version
      rejectionReason
      rejectedAt
    }
  }
`);

const SubmitDocument = graphql(`
  mutation SubmitEnrollment($input: EnrollmentInput!) {
    submitEnrollment(input: $input) {
      id
    }
  }
`);

const PersonSearchDocument = graphql(`
  query PersonSearch($filter: PersonFilter) {
    persons(first: 10, filter: $filter) {
      edges {
        node {
          id
          name
          birthDate
          residentIdMasked
          registeredRegion {
            id
            name
          }
        }
      }
    }
  }
`);

type Action = 'review' | 'approve';

/** What the signed-in role may do next with an enrollment in this status. */
function actionFor(role: string, status: EnrollmentStatus): Action | null {
  if (status === 'SUBMITTED' && (role === 'TOWNSHIP_ADMIN' || role === 'COUNTY_ADMIN')) return 'review';
  if (status === 'REVIEWED' && role === 'COUNTY_ADMIN') return 'approve';
  return null;
}

export function EnrollmentsPage() {
  const { t, language } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as EnrollmentStatus | '';
  const programId = params.get('program') ?? '';
  const [after, setAfter] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ done: number; failed: string[] } | null>(null);
  const [working, setWorking] = useState(false);
  const [{ data, error, fetching }] = useQuery({
    query: EnrollmentsDocument,
    variables: {
      filter: { regionCode: region.code, ...(status ? { status } : {}), ...(programId ? { programId } : {}) },
      after,
    },
  });
  const [, review] = useMutation(ReviewDocument);
  const [, approve] = useMutation(ApproveDocument);
  const nodes = data?.enrollments.edges.map((edge) => edge.node) ?? [];
  const actionable = nodes.filter((node) => actionFor(viewer.role, node.status) !== null);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setAfter(null);
    setSelected(new Set());
  };

  /** Reviews or approves each selected enrollment in turn; one refusal does not stop the others. */
  async function actOnSelected() {
    setWorking(true);
    const failed: string[] = [];
    let done = 0;
    for (const node of actionable.filter((n) => selected.has(n.id))) {
      const action = actionFor(viewer.role, node.status);
      const result =
        action === 'review'
          ? await review({ id: node.id, expectedVersion: node.version })
          : await approve({ id: node.id, expectedVersion: node.version });
      if (result.error) {
        failed.push(`${node.personName}：${errorLines(result.error, language)[0]?.message ?? ''}`);
      } else {
        done += 1;
      }
    }
    setOutcome({ done, failed });
    setSelected(new Set());
    setWorking(false);
  }

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('enrollments.title')}</h1>
        {viewer.role !== 'AUDITOR' ? (
          <Link className="button primary" to="/enrollments/new">
            {t('enrollments.submit')}
          </Link>
        ) : null}
      </div>
      <div className="filters">
        <ProgramSelect
          id="enrollments-program"
          value={programId}
          onChange={(next) => setFilter('program', next)}
          allLabel={t('common.all')}
        />
        <label>
          {t('enrollments.status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`enrollmentStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={error} />
      {outcome ? (
        <div className={outcome.failed.length ? 'error' : 'notice'} role="status">
          <p>{t('enrollments.bulkDone', { done: outcome.done })}</p>
          {outcome.failed.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      {data ? (
        <>
          <p className="muted" role="status">
            {t('common.totalCount', { count: data.enrollments.totalCount })}
          </p>
          {actionable.length > 0 ? (
            <p>
              <button
                type="button"
                className="primary"
                disabled={working || selected.size === 0}
                onClick={actOnSelected}
              >
                {working
                  ? t('common.saving')
                  : t(
                      viewer.role === 'COUNTY_ADMIN' && status === 'REVIEWED'
                        ? 'enrollments.approveSelected'
                        : 'enrollments.actSelected',
                      {
                        count: selected.size,
                      },
                    )}
              </button>
            </p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">
                  {actionable.length > 0 ? (
                    <input
                      type="checkbox"
                      aria-label={t('enrollments.selectAll')}
                      checked={selected.size > 0 && selected.size === actionable.length}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(actionable.map((n) => n.id)) : new Set())
                      }
                    />
                  ) : (
                    <span className="visually-hidden">{t('enrollments.select')}</span>
                  )}
                </th>
                <th scope="col">{t('enrollments.person')}</th>
                <th scope="col">{t('enrollments.program')}</th>
                <th scope="col">{t('enrollments.kind')}</th>
                <th scope="col">{t('enrollments.year')}</th>
                <th scope="col">{t('enrollments.region')}</th>
                <th scope="col">{t('enrollments.status')}</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => {
                const action = actionFor(viewer.role, node.status);
                return (
                  <tr key={node.id}>
                    <td>
                      {action ? (
                        <input
                          type="checkbox"
                          aria-label={t('enrollments.selectOne', { name: node.personName })}
                          checked={selected.has(node.id)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(node.id);
                            else next.delete(node.id);
                            setSelected(next);
                          }}
                        />
                      ) : null}
                    </td>
                    <td>
                      <Link to={`/enrollments/${node.id}`}>{node.personName}</Link>
                    </td>
                    <td>{node.program?.name ?? '—'}</td>
                    <td>{t(`enrollmentKind.${node.kind}` as MessageKey)}</td>
                    <td>{node.year}</td>
                    <td>{node.region?.name ?? '—'}</td>
                    <td>{t(`enrollmentStatus.${node.status}` as MessageKey)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager pageInfo={data.enrollments.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : fetching ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
    </>
  );
}

export function EnrollmentPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const [{ data, error }] = useQuery({ query: EnrollmentDocument, variables: { id } });
  const [reviewed, review] = useMutation(ReviewDocument);
  const [approved, approve] = useMutation(ApproveDocument);
  const [rejected, reject] = useMutation(RejectDocument);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const enrollment = data?.enrollment;
  if (!enrollment) {
    return <NotLoaded title="enrollments.title" error={error} />;
  }
  const action = actionFor(viewer.role, enrollment.status);
  const canReject =
    (enrollment.status === 'SUBMITTED' || enrollment.status === 'REVIEWED') && action !== null;
  return (
    <>
      <p>
        <Link to="/enrollments">{t('enrollments.back')}</Link>
      </p>
      <h1 tabIndex={-1}>
        {enrollment.personName} · {enrollment.program?.name}
      </h1>
      <p data-testid="enrollment-status">
        <strong>{t(`enrollmentStatus.${enrollment.status}` as MessageKey)}</strong>
        {enrollment.rejectionReason
          ? ` · ${t('enrollments.rejectedBecause', { reason: enrollment.rejectionReason })}`
          : ''}
      </p>
      <dl className="facts">
        <dt>{t('enrollments.kind')}</dt>
        <dd>{t(`enrollmentKind.${enrollment.kind}` as MessageKey)}</dd>
        <dt>{t('enrollments.year')}</dt>
        <dd>{enrollment.year}</dd>
        <dt>{t('persons.residentId')}</dt>
        <dd className="mono">{enrollment.person?.residentIdMasked ?? '—'}</dd>
        <dt>{t('enrollments.region')}</dt>
        <dd>{enrollment.region?.name ?? '—'}</dd>
        <dt>{t('enrollments.token')}</dt>
        <dd className="mono">{enrollment.objectionToken}</dd>
      </dl>
      <h2>{t('enrollments.evidence')}</h2>
      <ul>
        {enrollment.evidence.map((item) => (
          <li key={`${item.kind}-${item.documentNumber}`}>
            {language === 'zh' ? item.labelZh : item.labelEn} · {item.documentNumber} · {item.issuedOn}
          </li>
        ))}
      </ul>
      <ErrorMessage error={reviewed.error ?? approved.error ?? rejected.error} />
      {action === 'review' ? (
        <button
          type="button"
          className="primary"
          disabled={reviewed.fetching}
          onClick={() => review({ id: enrollment.id, expectedVersion: enrollment.version })}
        >
          {t('enrollments.review')}
        </button>
      ) : null}
      {action === 'approve' ? (
        <button
          type="button"
          className="primary"
          disabled={approved.fetching}
          onClick={() => approve({ id: enrollment.id, expectedVersion: enrollment.version })}
        >
          {t('enrollments.approve')}
        </button>
      ) : null}
      {canReject ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void reject({ id: enrollment.id, expectedVersion: enrollment.version, reason });
          }}
        >
          <label htmlFor={reasonId}>{t('enrollments.rejectReason')}</label>
          <input
            id={reasonId}
            required
            minLength={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={rejected.fetching}>
            {t('enrollments.reject')}
          </button>
        </form>
      ) : null}
    </>
  );
}

/** The evidence a program requires for a kind of enrollment (none before a program is chosen). */
function requiredEvidence(
  program:
    | { requiredEvidence: { new: EvidenceKind[]; continuing: EvidenceKind[]; exited: EvidenceKind[] } }
    | undefined,
  kind: EnrollmentKind,
): EvidenceKind[] {
  if (!program) return [];
  if (kind === 'NEW') return program.requiredEvidence.new;
  return kind === 'CONTINUING' ? program.requiredEvidence.continuing : program.requiredEvidence.exited;
}

/** Submits a person for a program, with the evidence the program asks for, each named by document number. */
export function EnrollmentNewPage() {
  const { t, language } = useI18n();
  const { region } = useScope();
  const navigate = useNavigate();
  const id = useId();
  const [{ data: programs }] = useQuery({ query: ProgramsDocument });
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [programId, setProgramId] = useState('');
  const [kind, setKind] = useState<EnrollmentKind>('NEW');
  const [year, setYear] = useState(new Date().getFullYear());
  const [evidence, setEvidence] = useState<EvidenceInput[]>([]);
  const [{ data: found, fetching: searching }] = useQuery({
    query: PersonSearchDocument,
    variables: { filter: { regionCode: region.code, search: query } },
    pause: query.length < 1,
  });
  const [submitted, submit] = useMutation(SubmitDocument);
  const program = programs?.programs.find((p) => p.id === programId);
  const required = requiredEvidence(program, kind);
  const chooseProgram = (nextProgramId: string, nextKind: EnrollmentKind) => {
    setProgramId(nextProgramId);
    setKind(nextKind);
    const next = programs?.programs.find((p) => p.id === nextProgramId);
    setEvidence(requiredEvidence(next, nextKind).map((k) => ({ kind: k, documentNumber: '', issuedOn: '' })));
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!person || !program) return;
    const result = await submit({
      input: { personId: person.id, programId: program.id, kind, year, evidence },
    });
    if (result.data) navigate(`/enrollments/${result.data.submitEnrollment.id}`);
  }
  const failed = fieldOf(submitted.error);
  return (
    <>
      <p>
        <Link to="/enrollments">{t('enrollments.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('enrollments.submit')}</h1>
      <section className="panel" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`}>{t('enrollments.whoTitle')}</h2>
        {person ? (
          <p data-testid="chosen-person">
            <strong>{person.name}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setPerson(null)}>
              {t('enrollments.changePerson')}
            </button>
          </p>
        ) : (
          <>
            <SearchForm label={t('persons.search')} onSearch={setQuery} />
            {searching ? <p role="status">{t('common.loading')}</p> : null}
            {found ? (
              <ul className="choices" aria-label={t('enrollments.searchResults')}>
                {found.persons.edges.map(({ node }) => (
                  <li key={node.id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setPerson({ id: node.id, name: node.name })}
                    >
                      {node.name}
                    </button>{' '}
                    <span className="muted">
                      {node.birthDate} · <span className="mono">{node.residentIdMasked}</span> ·{' '}
                      {node.registeredRegion.name}
                    </span>
                  </li>
                ))}
                {found.persons.edges.length === 0 ? <li>{t('enrollments.noPerson')}</li> : null}
              </ul>
            ) : null}
          </>
        )}
      </section>
      <form onSubmit={save}>
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-program`}>{t('enrollments.program')}</label>
            <select
              id={`${id}-program`}
              required
              value={programId}
              onChange={(e) => chooseProgram(e.target.value, kind)}
            >
              <option value="">{t('enrollments.chooseProgram')}</option>
              {(programs?.programs ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('enrollments.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => chooseProgram(programId, e.target.value as EnrollmentKind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`enrollmentKind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('enrollments.year')}</label>
            <input
              id={`${id}-year`}
              type="number"
              required
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
            />
          </div>
        </div>
        {program ? (
          <fieldset className="panel">
            <legend>{t('enrollments.evidence')}</legend>
            <p className="muted">{t('enrollments.evidenceHelp')}</p>
            {evidence.map((item, i) => (
              <div className="grid" key={item.kind}>
                <p>
                  <strong>{evidenceLabel(item.kind, language)}</strong>
                  {required.includes(item.kind) ? ` (${t('enrollments.required')})` : ''}
                </p>
                <div className="field">
                  <label htmlFor={`${id}-doc-${i}`}>{t('enrollments.documentNumber')}</label>
                  <input
                    id={`${id}-doc-${i}`}
                    required
                    value={item.documentNumber}
                    aria-invalid={failed?.startsWith(`evidence`) || undefined}
                    onChange={(e) =>
                      setEvidence(
                        evidence.map((x, j) => (j === i ? { ...x, documentNumber: e.target.value } : x)),
                      )
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-issued-${i}`}>{t('enrollments.issuedOn')}</label>
                  <input
                    id={`${id}-issued-${i}`}
                    type="date"
                    required
                    value={item.issuedOn}
                    onChange={(e) =>
                      setEvidence(evidence.map((x, j) => (j === i ? { ...x, issuedOn: e.target.value } : x)))
                    }
                  />
                </div>
              </div>
            ))}
          </fieldset>
        ) : null}
        <ErrorMessage error={submitted.error} />
        <button type="submit" className="primary" disabled={!person || !program || submitted.fetching}>
          {t('enrollments.submitButton')}
        </button>
      </form>
    </>
  );
}

const EVIDENCE_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  ANNUAL_CONFIRMATION: { zh: '年度资格确认表', en: 'Annual eligibility confirmation' },
  BIRTH_RECORD: { zh: '生育情况证明', en: 'Record of births' },
  DEATH_CERTIFICATE: { zh: '死亡证明', en: 'Death certificate' },
  DISABILITY_CERTIFICATE: { zh: '残疾人证（三级以上）', en: 'Disability certificate (grade 3 or above)' },
  HARDSHIP_CERTIFICATION: { zh: '困难情况证明', en: 'Certification of hardship' },
  HOUSEHOLD_REGISTER: { zh: '户口簿', en: 'Household register' },
  MARRIAGE_CERTIFICATE: { zh: '结婚证', en: 'Marriage certificate' },
  ONLY_CHILD_CERTIFICATE: { zh: '独生子女父母光荣证', en: "Only-child parents' certificate" },
  RESIDENT_ID_CARD: { zh: '居民身份证', en: 'Resident ID card' },
  SCHOOL_ENROLLMENT: { zh: '入学通知书或在读证明', en: 'Admission letter or proof of study' },
  VILLAGE_CERTIFICATION: { zh: '村（居）委会证明', en: "Village committee's certification" },
};

export function evidenceLabel(kind: EvidenceKind, language: 'zh' | 'en'): string {
  return EVIDENCE_LABELS[kind][language];
}
