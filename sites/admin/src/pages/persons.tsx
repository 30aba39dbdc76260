import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CombinedError } from 'urql';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { Pager } from '../components/pager.tsx';
import { SearchForm } from '../components/search-form.tsx';
import type { SensitiveHouseholdStatus, Sex } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const PersonsDocument = graphql(`
  query Persons($filter: PersonFilter, $after: String) {
    persons(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sex
          birthDate
          residentIdMasked
          registeredRegion {
            id
            name
          }
          deceasedOn
          movedAwayOn
        }
      }
    }
  }
`);

const PersonDocument = graphql(`
  query Person($id: ID!) {
    person(id: $id) {
      id
      name
      sex
      birthDate
      residentIdMasked
      phoneMasked
      relation
      deceasedOn
      movedAwayOn
      version
      registeredRegion {
        id
        code
        name
      }
      currentRegion {
        id
        name
      }
      household {
        id
        code
        planningStatus
        inDifficulty
        sensitiveStatus
        sensitiveStatusSince
        sensitiveStatusVisible
        members {
          id
          name
          relation
        }
      }
    }
  }
`);

const UpdatePersonDocument = graphql(`
  mutation UpdatePerson($id: ID!, $expectedVersion: Int!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      name
      sex
      birthDate
      phoneMasked
      version
      registeredRegion {
        id
        code
        name
      }
    }
  }
`);

const RecordDeathDocument = graphql(`
  mutation RecordDeath($id: ID!, $expectedVersion: Int!, $deceasedOn: String) {
    recordDeath(id: $id, expectedVersion: $expectedVersion, deceasedOn: $deceasedOn) {
      id
      deceasedOn
      version
    }
  }
`);

const RecordMovedAwayDocument = graphql(`
  mutation RecordMovedAway($id: ID!, $expectedVersion: Int!, $movedAwayOn: String) {
    recordMovedAway(id: $id, expectedVersion: $expectedVersion, movedAwayOn: $movedAwayOn) {
      id
      movedAwayOn
      version
    }
  }
`);

const SetSensitiveStatusDocument = graphql(`
  mutation SetSensitiveStatus($householdId: ID!, $status: SensitiveHouseholdStatus, $since: String) {
    setSensitiveStatus(householdId: $householdId, status: $status, since: $since) {
      id
      sensitiveStatus
      sensitiveStatusSince
      sensitiveStatusVisible
      version
    }
  }
`);

const PersonResidentIdDocument = graphql(`
  query PersonResidentId($id: ID!) {
    personResidentId(id: $id)
  }
`);

/** The registry of persons in the region looked at: search by name or ID number, masked as the API masks. */
export function PersonsPage() {
  const { t } = useI18n();
  const { region } = useScope();
  const [submitted, setSubmitted] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: PersonsDocument,
    variables: { filter: { regionCode: region.code, ...(submitted ? { search: submitted } : {}) }, after },
  });
  const page = data?.persons;
  return (
    <>
      <h1 tabIndex={-1}>{t('persons.title')}</h1>
      <SearchForm
        label={t('persons.search')}
        onSearch={(text) => {
          setAfter(null);
          setSubmitted(text);
        }}
      />
      <ErrorMessage error={error} />
      {page ? (
        <>
          <p className="muted" role="status">
            {t('common.totalCount', { count: page.totalCount })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('persons.name')}</th>
                <th scope="col">{t('persons.sex')}</th>
                <th scope="col">{t('persons.birthDate')}</th>
                <th scope="col">{t('persons.residentId')}</th>
                <th scope="col">{t('persons.registeredRegion')}</th>
                <th scope="col">{t('persons.state')}</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/persons/${node.id}`}>{node.name}</Link>
                  </td>
                  <td>{t(`sex.${node.sex}` as MessageKey)}</td>
                  <td>{node.birthDate}</td>
                  <td className="mono">{node.residentIdMasked}</td>
                  <td>{node.registeredRegion.name}</td>
                  <td>
                    {node.deceasedOn
                      ? t('persons.deceasedOn', { date: node.deceasedOn })
                      : node.movedAwayOn
                        ? t('persons.movedAwayOn', { date: node.movedAwayOn })
                        : ''}
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

export function PersonPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const client = useClient();
  const [{ data, error }] = useQuery({ query: PersonDocument, variables: { id } });
  const [fullId, setFullId] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<CombinedError | undefined>();
  const person = data?.person;
  if (!person) {
    return <NotLoaded title="persons.title" error={error} />;
  }
  const household = person.household;
  return (
    <>
      <p>
        <Link to="/persons">{t('persons.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{person.name}</h1>
      <dl className="facts">
        <dt>{t('persons.sex')}</dt>
        <dd>{t(`sex.${person.sex}` as MessageKey)}</dd>
        <dt>{t('persons.birthDate')}</dt>
        <dd>{person.birthDate}</dd>
        <dt>{t('persons.residentId')}</dt>
        <dd>
          <span className="mono">{fullId ?? person.residentIdMasked}</span>{' '}
          {fullId === null && viewer.role !== 'AUDITOR' ? (
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                // Each read of a full number is written to the audit log by the API.
                const result = await client
                  .query(PersonResidentIdDocument, { id: person.id }, { requestPolicy: 'network-only' })
                  .toPromise();
                if (result.data) setFullId(result.data.personResidentId);
                setRevealError(result.error);
              }}
            >
              {t('persons.revealId')}
            </button>
          ) : null}
        </dd>
        <dt>{t('persons.phone')}</dt>
        <dd className="mono">{person.phoneMasked ?? '—'}</dd>
        <dt>{t('persons.registeredRegion')}</dt>
        <dd>{person.registeredRegion.name}</dd>
        <dt>{t('persons.currentRegion')}</dt>
        <dd>{person.currentRegion?.name ?? t('persons.outsideJurisdiction')}</dd>
        {person.deceasedOn ? (
          <>
            <dt>{t('persons.deceased')}</dt>
            <dd>{person.deceasedOn}</dd>
          </>
        ) : null}
        {person.movedAwayOn ? (
          <>
            <dt>{t('persons.movedAway')}</dt>
            <dd>{person.movedAwayOn}</dd>
          </>
        ) : null}
      </dl>
      <ErrorMessage error={revealError} />
      {fullId !== null ? <p className="muted">{t('persons.revealAudited')}</p> : null}
      {viewer.role !== 'AUDITOR' ? <PersonEditor person={person} /> : null}
      {household ? (
        <section aria-labelledby="household-title">
          <h2 id="household-title">{t('persons.household', { code: household.code })}</h2>
          <dl className="facts">
            <dt>{t('persons.sensitiveStatus')}</dt>
            <dd>
              {household.sensitiveStatusVisible
                ? household.sensitiveStatus
                  ? t(`sensitiveStatus.${household.sensitiveStatus}` as MessageKey)
                  : t('common.none')
                : t('persons.notVisibleToRole')}
            </dd>
            <dt>{t('persons.inDifficulty')}</dt>
            <dd>{household.inDifficulty ? t('common.yes') : t('common.no')}</dd>
          </dl>
          {household.sensitiveStatusVisible &&
          (viewer.role === 'COUNTY_ADMIN' || viewer.role === 'TOWNSHIP_ADMIN') ? (
            <SensitiveStatusEditor household={household} />
          ) : null}
          <ul>
            {household.members.map((member) => (
              <li key={member.id}>
                {member.id === person.id ? (
                  <strong>{member.name}</strong>
                ) : (
                  <Link to={`/persons/${member.id}`}>{member.name}</Link>
                )}
                {member.relation ? ` · ${t(`relation.${member.relation}` as MessageKey)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

interface EditablePerson {
  id: string;
  name: string;
  sex: Sex;
  birthDate: string;
  version: number;
  deceasedOn?: string | null;
  movedAwayOn?: string | null;
  registeredRegion: { code: string };
}

/** Corrections, a new mobile number, and the two events that end a person's entitlements. */
function PersonEditor({ person }: { person: EditablePerson }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(person.name);
  const [sex, setSex] = useState<Sex>(person.sex);
  const [phone, setPhone] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [updated, update] = useMutation(UpdatePersonDocument);
  const [died, recordDeath] = useMutation(RecordDeathDocument);
  const [moved, recordMovedAway] = useMutation(RecordMovedAwayDocument);
  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('persons.edit')}
        </button>
      </p>
    );
  }
  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await update({
      id: person.id,
      expectedVersion: person.version,
      input: {
        name,
        sex,
        registeredRegionCode: person.registeredRegion.code,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      },
    });
    if (result.data) {
      setPhone('');
      setOpen(false);
    }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('persons.edit')}</h2>
      <form onSubmit={save}>
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('persons.name')}</label>
            <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-sex`}>{t('persons.sex')}</label>
            <select id={`${id}-sex`} value={sex} onChange={(e) => setSex(e.target.value as Sex)}>
              <option value="FEMALE">{t('sex.FEMALE')}</option>
              <option value="MALE">{t('sex.MALE')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-phone`}>{t('persons.newPhone')}</label>
            <input
              id={`${id}-phone`}
              inputMode="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </div>
        </div>
        <ErrorMessage error={updated.error} />
        <button type="submit" className="primary" disabled={updated.fetching}>
          {t('common.save')}
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </form>
      <h3>{t('persons.events')}</h3>
      <div className="inline-form">
        <label htmlFor={`${id}-event`}>{t('persons.eventDate')}</label>
        <input
          id={`${id}-event`}
          type="date"
          value={eventDate}
          onChange={(e) => setEventDate(e.target.value)}
        />
        <button
          type="button"
          disabled={!eventDate || died.fetching}
          onClick={() =>
            recordDeath({ id: person.id, expectedVersion: person.version, deceasedOn: eventDate })
          }
        >
          {t('persons.recordDeath')}
        </button>
        <button
          type="button"
          disabled={!eventDate || moved.fetching}
          onClick={() =>
            recordMovedAway({ id: person.id, expectedVersion: person.version, movedAwayOn: eventDate })
          }
        >
          {t('persons.recordMovedAway')}
        </button>
      </div>
      <ErrorMessage error={died.error ?? moved.error} />
    </section>
  );
}

/** Only county and township admins record or clear a sensitive status, and the API says who may see it. */
function SensitiveStatusEditor({
  household,
}: {
  household: {
    id: string;
    sensitiveStatus?: SensitiveHouseholdStatus | null;
    sensitiveStatusSince?: string | null;
  };
}) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<SensitiveHouseholdStatus | ''>(household.sensitiveStatus ?? '');
  const [since, setSince] = useState(household.sensitiveStatusSince ?? '');
  const [saved, save] = useMutation(SetSensitiveStatusDocument);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save({ householdId: household.id, status: status || null, since: status ? since : null });
      }}
    >
      <label htmlFor={`${id}-status`}>{t('persons.sensitiveStatus')}</label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(e.target.value as SensitiveHouseholdStatus | '')}
      >
        <option value="">{t('common.none')}</option>
        <option value="ONLY_CHILD_DIED">{t('sensitiveStatus.ONLY_CHILD_DIED')}</option>
        <option value="ONLY_CHILD_DISABLED">{t('sensitiveStatus.ONLY_CHILD_DISABLED')}</option>
      </select>
      {status ? (
        <>
          <label htmlFor={`${id}-since`}>{t('persons.since')}</label>
          <input
            id={`${id}-since`}
            type="date"
            required
            value={since}
            onChange={(e) => setSince(e.target.value)}
          />
        </>
      ) : null}
      <button type="submit" disabled={saved.fetching}>
        {t('common.save')}
      </button>
      <ErrorMessage error={saved.error} />
    </form>
  );
}
