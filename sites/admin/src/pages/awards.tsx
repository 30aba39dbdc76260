import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { Pager } from '../components/pager.tsx';
import { todayInChina } from '../dates.ts';
import { enumLabel, enumValues } from '../enum-label.ts';
import type { AwardCategory } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { fenToYuan, yuanToFen } from '../money.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const AwardRoundsDocument = graphql(`
  query AwardRounds($filter: AwardRoundFilter, $after: String) {
    awardRounds(first: 50, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          documentNumber
          year
          issuedOn
          recipientCount
          prizeTotalFen
          region {
            id
            name
          }
        }
      }
    }
  }
`);

const AwardRoundDocument = graphql(`
  query AwardRound($id: ID!) {
    awardRound(id: $id) {
      id
      title
      documentNumber
      issuingBody
      issuedOn
      year
      version
      recipientCount
      prizeTotalFen
      region {
        id
        name
      }
      recipients {
        id
        category
        recipientName
        citation
        prizeFen
        namePublicationConsent
        consentRecordedOn
        version
        region {
          id
          name
        }
      }
    }
  }
`);

const CreateRoundDocument = graphql(`
  mutation CreateAwardRound($input: CreateAwardRoundInput!) {
    createAwardRound(input: $input) {
      id
    }
  }
`);

const AddRecipientDocument = graphql(`
  mutation AddAwardRecipient($input: AddAwardRecipientInput!) {
    addAwardRecipient(input: $input) {
      id
    }
  }
`);

const RemoveRecipientDocument = graphql(`
  mutation RemoveAwardRecipient($id: ID!, $expectedVersion: Int!) {
    removeAwardRecipient(id: $id, expectedVersion: $expectedVersion) {
      id
      recipientCount
      prizeTotalFen
    }
  }
`);

const RecipientChoicesDocument = graphql(`
  query RecipientChoices($persons: PersonFilter, $associations: AssociationFilter, $wantPersons: Boolean!) {
    persons(first: 10, filter: $persons) @include(if: $wantPersons) {
      edges {
        node {
          id
          name
          birthDate
          registeredRegion {
            id
            name
          }
        }
      }
    }
    associations(first: 10, filter: $associations) @skip(if: $wantPersons) {
      edges {
        node {
          id
          name
          region {
            id
            name
          }
        }
      }
    }
  }
`);

export function AwardsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { region } = useScope();
  const navigate = useNavigate();
  const id = useId();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: AwardRoundsDocument,
    variables: { filter: { regionCode: region.code }, after },
  });
  const [created, create] = useMutation(CreateRoundDocument);
  const thisYear = new Date().getFullYear();
  const [input, setInput] = useState({
    title: '',
    documentNumber: '',
    issuingBody: '',
    issuedOn: todayInChina(),
    year: thisYear,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { ...input, regionCode: region.code } });
    if (result.data) navigate(`/awards/${result.data.createAwardRound.id}`);
  }
  const field = (name: 'title' | 'documentNumber' | 'issuingBody', label: Parameters<typeof t>[0]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <input
        id={`${id}-${name}`}
        required
        value={input[name]}
        onChange={(e) => setInput({ ...input, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('awards.title')}</h1>
      {viewer.role === 'COUNTY_ADMIN' || viewer.role === 'TOWNSHIP_ADMIN' ? (
        <form className="panel" onSubmit={submit}>
          <h2>{t('awards.create')}</h2>
          <div className="grid">
            {field('title', 'awards.titleField')}
            {field('documentNumber', 'policies.documentNumber')}
            {field('issuingBody', 'policies.issuingBody')}
            <div className="field">
              <label htmlFor={`${id}-issued`}>{t('policies.issueDate')}</label>
              <input
                id={`${id}-issued`}
                type="date"
                required
                value={input.issuedOn}
                onChange={(e) => setInput({ ...input, issuedOn: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-year`}>{t('awards.year')}</label>
              <input
                id={`${id}-year`}
                type="number"
                required
                value={input.year}
                onChange={(e) => setInput({ ...input, year: Number(e.target.value) })}
              />
            </div>
          </div>
          <ErrorMessage error={created.error} />
          <button type="submit" className="primary" disabled={created.fetching}>
            {t('awards.createButton')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
      {data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('awards.titleField')}</th>
                <th scope="col">{t('policies.documentNumber')}</th>
                <th scope="col">{t('awards.year')}</th>
                <th scope="col">{t('policies.region')}</th>
                <th scope="col" className="number">
                  {t('awards.recipients')}
                </th>
                <th scope="col" className="number">
                  {t('awards.prizeYuan')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.awardRounds.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/awards/${node.id}`}>{node.title}</Link>
                  </td>
                  <td>{node.documentNumber}</td>
                  <td>{node.year}</td>
                  <td>{node.region?.name ?? '—'}</td>
                  <td className="number">{node.recipientCount}</td>
                  <td className="number">{fenToYuan(node.prizeTotalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.awardRounds.pageInfo} after={after} onPage={setAfter} />
        </>
      ) : null}
    </>
  );
}

/** A commendation round: who is commended, why, the prize, and whether they agreed to their full name. */
export function AwardRoundPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const [{ data, error }] = useQuery({ query: AwardRoundDocument, variables: { id } });
  const [removed, remove] = useMutation(RemoveRecipientDocument);
  const round = data?.awardRound;
  if (!round) {
    return <NotLoaded title="awards.title" error={error} />;
  }
  const writer = viewer.role === 'COUNTY_ADMIN' || viewer.role === 'TOWNSHIP_ADMIN';
  return (
    <>
      <p>
        <Link to="/awards">{t('awards.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{round.title}</h1>
      <p className="muted">
        {round.documentNumber} · {round.issuingBody} · {round.issuedOn} ·{' '}
        {t('awards.totals', { count: round.recipientCount, yuan: fenToYuan(round.prizeTotalFen) })}
      </p>
      <ErrorMessage error={removed.error} />
      <table data-testid="award-recipients">
        <thead>
          <tr>
            <th scope="col">{t('awards.recipient')}</th>
            <th scope="col">{t('awards.category')}</th>
            <th scope="col">{t('awards.citation')}</th>
            <th scope="col" className="number">
              {t('awards.prizeYuan')}
            </th>
            <th scope="col">{t('awards.consent')}</th>
            <th scope="col">{t('disbursements.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {round.recipients.map((r) => (
            <tr key={r.id}>
              <td>
                {r.recipientName ?? t('persons.outsideJurisdiction')}{' '}
                <span className="muted">{r.region?.name ?? ''}</span>
              </td>
              <td>{enumLabel('AwardCategory', r.category, language)}</td>
              <td>{r.citation}</td>
              <td className="number">{r.prizeFen ? fenToYuan(r.prizeFen) : '—'}</td>
              <td>
                {r.category === 'ADVANCED_UNIT'
                  ? '—'
                  : r.namePublicationConsent
                    ? t('awards.consented', { date: r.consentRecordedOn ?? '' })
                    : t('awards.maskedOnPortal')}
              </td>
              <td>
                {writer ? (
                  <button type="button" onClick={() => remove({ id: r.id, expectedVersion: r.version })}>
                    {t('awards.remove')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {writer ? <AddRecipient roundId={round.id} /> : null}
    </>
  );
}

function AddRecipient({ roundId }: { roundId: string }) {
  const { t, language } = useI18n();
  const { region } = useScope();
  const id = useId();
  const [category, setCategory] = useState<AwardCategory>('ADVANCED_INDIVIDUAL');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [citation, setCitation] = useState('');
  const [prizeYuan, setPrizeYuan] = useState('');
  const [consent, setConsent] = useState(false);
  const [consentOn, setConsentOn] = useState('');
  const [added, add] = useMutation(AddRecipientDocument);
  const unit = category === 'ADVANCED_UNIT';
  const [{ data: found }] = useQuery({
    query: RecipientChoicesDocument,
    variables: {
      wantPersons: !unit,
      persons: { regionCode: region.code, search: query },
      associations: { regionCode: region.code, search: query },
    },
    pause: query === '',
  });
  const choices = unit
    ? (found?.associations?.edges ?? []).map(({ node }) => ({
        id: node.id,
        name: node.name,
        where: node.region.name,
      }))
    : (found?.persons?.edges ?? []).map(({ node }) => ({
        id: node.id,
        name: node.name,
        where: `${node.birthDate} · ${node.registeredRegion.name}`,
      }));
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const prize = prizeYuan.trim() === '' ? null : yuanToFen(prizeYuan);
    const result = await add({
      input: {
        roundId,
        category,
        citation,
        ...(unit ? { associationId: chosen.id } : { personId: chosen.id, namePublicationConsent: consent }),
        ...(consent && !unit ? { consentRecordedOn: consentOn } : {}),
        ...(prize !== null ? { prizeFen: prize } : {}),
      },
    });
    if (result.data) {
      setChosen(null);
      setCitation('');
      setPrizeYuan('');
      setConsent(false);
    }
  }
  return (
    <form className="panel" onSubmit={save}>
      <h2>{t('awards.add')}</h2>
      <div className="filters">
        <label>
          {t('awards.category')}
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as AwardCategory);
              setChosen(null);
            }}
          >
            {enumValues('AwardCategory').map((c) => (
              <option key={c} value={c}>
                {enumLabel('AwardCategory', c, language)}
              </option>
            ))}
          </select>
        </label>
        {chosen ? (
          <p>
            <strong>{chosen.name}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setChosen(null)}>
              {t('enrollments.changePerson')}
            </button>
          </p>
        ) : (
          <>
            <label>
              {unit ? t('associations.search') : t('persons.search')}
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <button type="button" onClick={() => setQuery(search.trim())}>
              {t('common.search')}
            </button>
          </>
        )}
      </div>
      {!chosen && query ? (
        <ul className="choices" aria-label={t('enrollments.searchResults')}>
          {choices.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => setChosen({ id: c.id, name: c.name })}
              >
                {c.name}
              </button>{' '}
              <span className="muted">{c.where}</span>
            </li>
          ))}
          {choices.length === 0 ? <li>{t('enrollments.noPerson')}</li> : null}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-citation`}>{t('awards.citationHelp')}</label>
        <textarea
          id={`${id}-citation`}
          rows={2}
          required
          value={citation}
          onChange={(e) => setCitation(e.target.value)}
        />
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor={`${id}-prize`}>{t('awards.prizeYuan')}</label>
          <input
            id={`${id}-prize`}
            inputMode="decimal"
            pattern={'\\d+(\\.\\d{1,2})?'}
            value={prizeYuan}
            onChange={(e) => setPrizeYuan(e.target.value)}
          />
        </div>
        {unit ? null : (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
              {t('awards.consentLabel')}
            </label>
            {consent ? (
              <div className="field">
                <label htmlFor={`${id}-consent-on`}>{t('awards.consentOn')}</label>
                <input
                  id={`${id}-consent-on`}
                  type="date"
                  required
                  value={consentOn}
                  onChange={(e) => setConsentOn(e.target.value)}
                />
              </div>
            ) : null}
          </>
        )}
      </div>
      <ErrorMessage error={added.error} />
      <button type="submit" className="primary" disabled={!chosen || added.fetching}>
        {t('awards.addButton')}
      </button>
    </form>
  );
}
