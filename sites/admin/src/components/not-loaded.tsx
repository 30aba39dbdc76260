import type { CombinedError } from 'urql';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { ErrorMessage } from './error-message.tsx';

/** A record's screen before its record arrives: the screen's title, then the error or "loading". */
export function NotLoaded({ title, error }: { title: MessageKey; error: CombinedError | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t(title)}</h1>
      {error ? <ErrorMessage error={error} /> : <p role="status">{t('common.loading')}</p>}
    </>
  );
}
