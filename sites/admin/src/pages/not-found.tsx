import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </>
  );
}
