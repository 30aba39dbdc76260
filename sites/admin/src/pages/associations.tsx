import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { NotLoaded } from '../components/not-loaded.tsx';
import { Pager } from '../components/pager.tsx';
import { SearchForm } from '../components/search-form.tsx';
import { enumLabel, enumValues } from '../enum-label.ts';
import type { AssociationStanding, MemberHomeFacility, MemberRole } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';
import { useScope } from '../scope.tsx';
import { useSession } from '../session.tsx';

const AssociationsDocument = graphql(`
  query Associations($filter: AssociationFilter, $after: String) {
    associations(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          kind
          level
          standing
          memberCount
          hasMemberHome
          region {
            id
            name
          }
        }
      }
    }
  }
`);

const AssociationDocument = graphql(`
  query Association($id: ID!, $after: String) {
    association(id: $id) {
      id
      code
      name
      kind
      level
      standing
      foundedOn
      memberCount
      hasMemberHome
      memberHomeFacilities
      version
      region {
        id
        code
        name
      }
      members(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            role
            cardNumber
            active
            joinedOn
            leftOn
            version
            person {
              id
              name
            }
          }
        }
      }
    }
    activities(first: 10, filter: { associationId: $id }) {
      edges {
        node {
          id
          title
          kind
          heldOn
          participants
        }
      }
    }
  }
`);

const AddMemberDocument = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      id
    }
  }
`);

const EndMembershipDocument = graphql(`
  mutation EndMembership($id: ID!, $expectedVersion: Int!, $leftOn: String!) {
    endMembership(id: $id, expectedVersion: $expectedVersion, leftOn: $leftOn) {
      id
      active
      leftOn
      version
    }
  }
`);

const MemberCandidatesDocument = graphql(`
  query MemberCandidates($filter: PersonFilter) {
    persons(first: 10, filter: $filter) {
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
  }
`);

const UpdateAssociationDocument = graphql(`
  mutation UpdateAssociation($id: ID!, $expectedVersion: Int!, $input: AssociationUpdateInput!) {
    updateAssociation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      name
      standing
      memberHomeFacilities
      hasMemberHome
      foundedOn
      version
    }
  }
`);

export function AssociationsPage() {
  const { t, language } = useI18n();
  const { region } = useScope();
  const [submitted, setSubmitted] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: AssociationsDocument,
    variables: { filter: { regionCode: region.code, ...(submitted ? { search: submitted } : {}) }, after },
  });
  const page = data?.associations;
  return (
    <>
      <h1 tabIndex={-1}>{t('associations.title')}</h1>
      <SearchForm
        label={t('associations.search')}
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
                <th scope="col">{t('associations.name')}</th>
                <th scope="col">{t('associations.kind')}</th>
                <th scope="col">{t('associations.standing')}</th>
                <th scope="col">{t('associations.region')}</th>
                <th scope="col" className="number">
                  {t('associations.members')}
                </th>
                <th scope="col">{t('associations.memberHome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/associations/${node.id}`}>{node.name}</Link>
                  </td>
                  <td>{enumLabel('AssociationKind', node.kind, language)}</td>
                  <td>{enumLabel('AssociationStanding', node.standing, language)}</td>
                  <td>{node.region.name}</td>
                  <td className="number">{node.memberCount.toLocaleString()}</td>
                  <td>{node.hasMemberHome ? t('common.yes') : t('common.no')}</td>
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

export function AssociationPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: AssociationDocument, variables: { id, after } });
  const [editing, setEditing] = useState(false);
  const association = data?.association;
  if (!association) {
    return <NotLoaded title="associations.title" error={error} />;
  }
  return (
    <>
      <p>
        <Link to="/associations">{t('associations.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{association.name}</h1>
      <dl className="facts">
        <dt>{t('associations.code')}</dt>
        <dd className="mono">{association.code}</dd>
        <dt>{t('associations.kind')}</dt>
        <dd>{enumLabel('AssociationKind', association.kind, language)}</dd>
        <dt>{t('associations.standing')}</dt>
        <dd data-testid="association-standing">
          {enumLabel('AssociationStanding', association.standing, language)}
        </dd>
        <dt>{t('associations.region')}</dt>
        <dd>{association.region.name}</dd>
        <dt>{t('associations.foundedOn')}</dt>
        <dd>{association.foundedOn ?? '—'}</dd>
        <dt>{t('associations.memberHome')}</dt>
        <dd>
          {association.memberHomeFacilities.length === 0
            ? t('common.none')
            : association.memberHomeFacilities
                .map((f) => enumLabel('MemberHomeFacility', f, language))
                .join('、')}
          {association.hasMemberHome ? ` (${t('associations.fiveHaves')})` : ''}
        </dd>
      </dl>
      {viewer.role !== 'AUDITOR' ? (
        editing ? (
          <AssociationEditor association={association} onDone={() => setEditing(false)} />
        ) : (
          <p>
            <button type="button" onClick={() => setEditing(true)}>
              {t('associations.edit')}
            </button>
          </p>
        )
      ) : null}
      <h2>{t('associations.memberList', { count: association.memberCount })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('persons.name')}</th>
            <th scope="col">{t('associations.role')}</th>
            <th scope="col">{t('associations.card')}</th>
            <th scope="col">{t('associations.joinedOn')}</th>
            <th scope="col">{t('disbursements.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {association.members.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>{node.person ? <Link to={`/persons/${node.person.id}`}>{node.person.name}</Link> : '—'}</td>
              <td>{enumLabel('MemberRole', node.role, language)}</td>
              <td className="mono">{node.cardNumber ?? '—'}</td>
              <td>{node.joinedOn ?? '—'}</td>
              <td>
                {!node.active ? (
                  t('associations.leftOn', { date: node.leftOn ?? '' })
                ) : viewer.role !== 'AUDITOR' ? (
                  <EndMembership memberId={node.id} version={node.version} name={node.person?.name ?? ''} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pageInfo={association.members.pageInfo} after={after} onPage={setAfter} />
      {viewer.role !== 'AUDITOR' ? (
        <AddMember associationId={association.id} regionCode={association.region.code} />
      ) : null}
      <h2>{t('associations.recentActivities')}</h2>
      <ul>
        {data.activities.edges.map(({ node }) => (
          <li key={node.id}>
            {node.heldOn} · {enumLabel('ActivityKind', node.kind, language)} · {node.title} ·{' '}
            {t('activities.participantsCount', { count: node.participants })}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/activities/new?association=${association.id}`}>{t('activities.record')}</Link>
      </p>
    </>
  );
}

function AssociationEditor({
  association,
  onDone,
}: {
  association: {
    id: string;
    name: string;
    standing: AssociationStanding;
    foundedOn?: string | null;
    memberHomeFacilities: MemberHomeFacility[];
    version: number;
  };
  onDone(): void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const [name, setName] = useState(association.name);
  const [standing, setStanding] = useState<AssociationStanding>(association.standing);
  const [foundedOn, setFoundedOn] = useState(association.foundedOn ?? '');
  const [facilities, setFacilities] = useState<Set<MemberHomeFacility>>(
    new Set(association.memberHomeFacilities),
  );
  const [updated, update] = useMutation(UpdateAssociationDocument);
  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await update({
      id: association.id,
      expectedVersion: association.version,
      input: {
        name,
        standing,
        foundedOn: foundedOn || null,
        memberHomeFacilities: enumValues('MemberHomeFacility').filter((f) => facilities.has(f)),
      },
    });
    if (result.data) onDone();
  }
  return (
    <form className="panel" onSubmit={save}>
      <div className="grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('associations.name')}</label>
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-standing`}>{t('associations.standing')}</label>
          <select
            id={`${id}-standing`}
            value={standing}
            onChange={(e) => setStanding(e.target.value as AssociationStanding)}
          >
            {enumValues('AssociationStanding').map((s) => (
              <option key={s} value={s}>
                {enumLabel('AssociationStanding', s, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-founded`}>{t('associations.foundedOn')}</label>
          <input
            id={`${id}-founded`}
            type="date"
            value={foundedOn}
            onChange={(e) => setFoundedOn(e.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('associations.memberHome')}</legend>
        {enumValues('MemberHomeFacility').map((facility) => (
          <label key={facility} className="checkbox">
            <input
              type="checkbox"
              checked={facilities.has(facility)}
              onChange={(e) => {
                const next = new Set(facilities);
                if (e.target.checked) next.add(facility);
                else next.delete(facility);
                setFacilities(next);
              }}
            />{' '}
            {enumLabel('MemberHomeFacility', facility, language)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={updated.error} />
      <button type="submit" className="primary" disabled={updated.fetching}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** Adds a registered person as a member: found by name or ID number within the association's region. */
function AddMember({ associationId, regionCode }: { associationId: string; regionCode: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [cardNumber, setCardNumber] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const [{ data }] = useQuery({
    query: MemberCandidatesDocument,
    variables: { filter: { regionCode, search: query } },
    pause: query === '',
  });
  const [added, add] = useMutation(AddMemberDocument);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!person) return;
    const result = await add({
      input: {
        associationId,
        personId: person.id,
        role,
        ...(cardNumber.trim() ? { cardNumber: cardNumber.trim() } : {}),
        ...(joinedOn ? { joinedOn } : {}),
      },
    });
    if (result.data) {
      setPerson(null);
      setCardNumber('');
    }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('associations.addMember')}</h2>
      {person ? (
        <p>
          <strong>{person.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setPerson(null)}>
            {t('enrollments.changePerson')}
          </button>
        </p>
      ) : (
        <>
          <SearchForm label={t('persons.search')} onSearch={setQuery} />
          {data ? (
            <ul className="choices" aria-label={t('enrollments.searchResults')}>
              {data.persons.edges.map(({ node }) => (
                <li key={node.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setPerson({ id: node.id, name: node.name })}
                  >
                    {node.name}
                  </button>{' '}
                  <span className="muted">
                    {node.birthDate} · {node.registeredRegion.name}
                  </span>
                </li>
              ))}
              {data.persons.edges.length === 0 ? <li>{t('enrollments.noPerson')}</li> : null}
            </ul>
          ) : null}
        </>
      )}
      <form onSubmit={save}>
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('associations.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              {enumValues('MemberRole').map((r) => (
                <option key={r} value={r}>
                  {enumLabel('MemberRole', r, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-card`}>{t('associations.card')}</label>
            <input id={`${id}-card`} value={cardNumber} onChange={(e) => setCardNumber(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-joined`}>{t('associations.joinedOn')}</label>
            <input
              id={`${id}-joined`}
              type="date"
              value={joinedOn}
              onChange={(e) => setJoinedOn(e.target.value)}
            />
          </div>
        </div>
        <ErrorMessage error={added.error} />
        <button type="submit" className="primary" disabled={!person || added.fetching}>
          {t('associations.addMemberButton')}
        </button>
      </form>
    </section>
  );
}

function EndMembership({ memberId, version, name }: { memberId: string; version: number; name: string }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [leftOn, setLeftOn] = useState('');
  const [ended, end] = useMutation(EndMembershipDocument);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('associations.endFor', { name })}>
        {t('associations.end')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void end({ id: memberId, expectedVersion: version, leftOn });
      }}
    >
      <label htmlFor={id}>{t('associations.leftOnLabel')}</label>
      <input id={id} type="date" required value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />
      <button type="submit" disabled={ended.fetching}>
        {t('associations.end')}
      </button>
      <ErrorMessage error={ended.error} />
    </form>
  );
}
