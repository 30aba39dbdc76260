import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { RegionLevel } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import { useI18n } from './i18n.tsx';
import { useSession } from './session.tsx';

export interface ScopeRegion {
  code: string;
  name: string;
  level: RegionLevel;
}

interface Scope {
  /** The regions from the admin's jurisdiction down to the one the screens show, jurisdiction first. */
  path: ScopeRegion[];
  region: ScopeRegion;
  choose(path: ScopeRegion[]): void;
}

const ScopeContext = createContext<Scope | null>(null);

export function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope outside ScopeProvider');
  return scope;
}

const storageKey = (userId: string) => `sunshine.admin.scope.${userId}`;

/**
 * Which part of their jurisdiction the admin is looking at. It starts at, and can never leave, the
 * admin's own region (the API enforces that anyway: this only narrows the lists).
 */
export function ScopeProvider({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const root = useMemo<ScopeRegion>(
    () => ({ code: viewer.region.code, name: viewer.region.name, level: viewer.region.level }),
    [viewer.region.code, viewer.region.name, viewer.region.level],
  );
  const [path, setPath] = useState<ScopeRegion[]>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey(viewer.id)) ?? 'null') as
        | ScopeRegion[]
        | null;
      if (saved && saved[0]?.code === root.code) return saved;
    } catch {
      // A damaged entry: start from the jurisdiction.
    }
    return [root];
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(viewer.id), JSON.stringify(path));
    } catch {
      // Storage refused: the choice lasts for this page.
    }
  }, [path, viewer.id]);
  const value = useMemo<Scope>(
    () => ({
      path,
      region: path.at(-1) ?? root,
      choose: (next) => setPath(next[0]?.code === root.code ? next : [root]),
    }),
    [path, root],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

const ChildRegionsDocument = graphql(`
  query ChildRegions($parentCode: String) {
    regions(parentCode: $parentCode) {
      id
      code
      name
      level
    }
  }
`);

/** Narrows the screens to a region of the admin's subtree: up along the path, down one level at a time. */
export function RegionPicker() {
  const { t } = useI18n();
  const { path, region, choose } = useScope();
  const [open, setOpen] = useState(false);
  const [{ data, fetching }] = useQuery({
    query: ChildRegionsDocument,
    variables: { parentCode: region.code },
    pause: !open || region.level === 'GROUP',
  });
  const children = (data?.regions ?? []).filter((child) => child.level !== 'GROUP');
  return (
    <div className="region-picker">
      <button
        type="button"
        className="scope-button"
        aria-expanded={open}
        aria-controls="region-picker-panel"
        onClick={() => setOpen(!open)}
      >
        <span className="muted">{t('scope.label')}</span> {path.map((r) => r.name).join(' › ')}
      </button>
      {open ? (
        <div id="region-picker-panel" className="region-picker-panel">
          <nav aria-label={t('scope.pathLabel')}>
            <ol className="breadcrumb">
              {path.map((r, i) => (
                <li key={r.code}>
                  {i === path.length - 1 ? (
                    <span aria-current="true">{r.name}</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => choose(path.slice(0, i + 1))}
                    >
                      {r.name}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </nav>
          {fetching && !data ? <p role="status">{t('common.loading')}</p> : null}
          {children.length > 0 ? (
            <ul className="region-list" aria-label={t('scope.childrenLabel', { name: region.name })}>
              {children.map((child) => (
                <li key={child.code}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      choose([...path, { code: child.code, name: child.name, level: child.level }])
                    }
                  >
                    {child.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" onClick={() => setOpen(false)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
