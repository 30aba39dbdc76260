import { useI18n } from '../i18n.tsx';

/** Next page / back to the first, for a connection read forward with `after`. */
export function Pager({
  pageInfo,
  after,
  onPage,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
  after: string | null;
  onPage(after: string | null): void;
}) {
  const { t } = useI18n();
  return (
    <p className="pager">
      {pageInfo.hasNextPage ? (
        <button type="button" onClick={() => onPage(pageInfo.endCursor ?? null)}>
          {t('common.nextPage')}
        </button>
      ) : null}{' '}
      {after ? (
        <button type="button" onClick={() => onPage(null)}>
          {t('common.firstPage')}
        </button>
      ) : null}
    </p>
  );
}
