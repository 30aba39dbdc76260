import { type FormEvent, useId, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../components/error-message.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';

const SignInDocument = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      id
      username
    }
  }
`);

export function SignInForm({
  username: knownUsername,
  onSignedIn,
}: {
  username?: string;
  onSignedIn(username: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState(knownUsername ?? '');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, signIn] = useMutation(SignInDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await signIn({ username: username.trim(), password });
    if (result.data?.signIn) onSignedIn(result.data.signIn.username);
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby={knownUsername ? undefined : `${id}-title`}>
      {knownUsername ? null : (
        <>
          <div className="sign-in-brand">
            <h1 id={`${id}-title`}>{t('app.title')}</h1>
            <LanguageSwitch />
          </div>
          <p className="muted">{t('signIn.intro')}</p>
        </>
      )}
      <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
      <input
        id={`${id}-username`}
        name="username"
        autoComplete="username"
        required
        value={username}
        readOnly={Boolean(knownUsername)}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        // biome-ignore lint/a11y/noAutofocus: the one thing to do on this form is type the password
        autoFocus={Boolean(knownUsername)}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={fetching}>
        {fetching ? t('signIn.signingIn') : t('signIn.submit')}
      </button>
    </form>
  );
}
