import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './components/language-switch.tsx';
import { useI18n } from './i18n.tsx';
import type { MessageKey } from './messages.ts';
import { RegionPicker } from './scope.tsx';
import { useSession } from './session.tsx';

const NAV: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/', label: 'nav.dashboard', end: true },
  { to: '/associations', label: 'nav.associations' },
  { to: '/persons', label: 'nav.persons' },
  { to: '/activities', label: 'nav.activities' },
  { to: '/projects', label: 'nav.projects' },
  { to: '/evaluations', label: 'nav.evaluations' },
  { to: '/imports', label: 'nav.imports' },
  { to: '/enrollments', label: 'nav.enrollments' },
  { to: '/notices', label: 'nav.notices' },
  { to: '/disbursements', label: 'nav.disbursements' },
  { to: '/awards', label: 'nav.awards' },
  { to: '/policies', label: 'nav.policies' },
  { to: '/disclosures', label: 'nav.disclosures' },
  { to: '/audit', label: 'nav.audit' },
];

const ROLE_LABEL = {
  COUNTY_ADMIN: 'role.COUNTY_ADMIN',
  TOWNSHIP_ADMIN: 'role.TOWNSHIP_ADMIN',
  VILLAGE_CLERK: 'role.VILLAGE_CLERK',
  AUDITOR: 'role.AUDITOR',
} as const satisfies Record<string, MessageKey>;

export function roleLabelKey(role: keyof typeof ROLE_LABEL): MessageKey {
  return ROLE_LABEL[role];
}

/** Every signed-in screen: who is signed in, with what role over which region, always in view. */
export function Layout() {
  const { t } = useI18n();
  const { viewer, signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new screen: keyboard and screen-reader users start at its heading, as after a page load. Not on
  // the first screen, which is a page load: there the skip link must stay the first thing Tab reaches.
  const navigated = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    if (navigated.current) main.current?.querySelector('h1')?.focus();
    navigated.current = true;
  }, [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <p className="who" data-testid="who">
          <span>{viewer.displayName}</span>
          <span className="badge">{t(roleLabelKey(viewer.role))}</span>
          <span>
            {t('scope.jurisdiction')} {viewer.region.name}
          </span>
        </p>
        <RegionPicker />
        <div className="topbar-actions">
          <LanguageSwitch />
          <button type="button" onClick={() => void signOut()}>
            {t('signIn.signOut')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end ?? false}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
          <li>
            <a href="/console">{t('nav.console')}</a>
          </li>
        </ul>
      </nav>
      <main id="main" ref={main} className="content">
        <Outlet />
      </main>
    </div>
  );
}
