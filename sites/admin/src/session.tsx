import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { createAdminClient } from './client.ts';
import type { ViewerQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import { useI18n } from './i18n.tsx';
import { SignInForm } from './pages/sign-in.tsx';

export type Viewer = NonNullable<ViewerQuery['viewer']>;

const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      username
      displayName
      role
      region {
        id
        code
        name
        level
      }
    }
  }
`);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

interface Session {
  viewer: Viewer;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in tree');
  return session;
}

/**
 * The client, the session and what happens when it ends. Each sign-in gets a new client, so nothing one
 * admin's cache holds is ever shown to the next; an expired session asks for the password over the
 * page the admin was on, and the page carries on when the same admin signs in again.
 */
export function SessionRoot({ children }: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const [expired, setExpired] = useState(false);
  const expiredRef = useRef(setExpired);
  const client = useMemo(() => {
    void generation;
    return createAdminClient(() => expiredRef.current(true));
  }, [generation]);
  const restart = useCallback(() => {
    setExpired(false);
    setGeneration((n) => n + 1);
  }, []);
  return (
    <Provider value={client}>
      <SessionGate expired={expired} onRenewed={() => setExpired(false)} onChangedUser={restart}>
        {children}
      </SessionGate>
    </Provider>
  );
}

function SessionGate({
  children,
  expired,
  onRenewed,
  onChangedUser,
}: {
  children: ReactNode;
  expired: boolean;
  onRenewed(): void;
  onChangedUser(): void;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ViewerDocument, requestPolicy: 'network-only' });
  const [, signOutMutation] = useMutation(SignOutDocument);
  const viewer = data?.viewer ?? null;
  const session = useMemo<Session | null>(
    () =>
      viewer
        ? {
            viewer,
            async signOut() {
              await signOutMutation({});
              onChangedUser();
            },
          }
        : null,
    [viewer, signOutMutation, onChangedUser],
  );
  if (fetching && !data) {
    return (
      <p className="page-status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!session) {
    return (
      <main id="main" className="sign-in-page">
        {error && !error.graphQLErrors.length ? (
          <p className="error" role="alert">
            {t('common.networkError')}
          </p>
        ) : null}
        <SignInForm onSignedIn={onChangedUser} />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      {children}
      {expired ? (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="expired-title">
            <h2 id="expired-title">{t('session.expiredTitle')}</h2>
            <p>{t('session.expiredText')}</p>
            <SignInForm
              username={session.viewer.username}
              onSignedIn={(username) =>
                username === session.viewer.username ? onRenewed() : onChangedUser()
              }
            />
          </div>
        </div>
      ) : null}
    </SessionContext.Provider>
  );
}
