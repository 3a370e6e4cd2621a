/* The app shell: skip link, header with language switch, menu, main landmark, footer, routes. */
import { useEffect } from 'preact/hooks';
import type { User } from './api/types';
import { ErrorAlert, Loading, PageHeading } from './components/ui';
import { I18nProvider, useI18n, type Dict } from './i18n';
import type { OrgAccess } from './lib/orgRoles';
import { href, navigate, useRoute, type Route } from './lib/router';
import { SessionProvider, personaOf, primaryRole, useSession } from './lib/session';
import { mainOrgRole, orgAccess, readsStatistics, reportsSickness } from './lib/orgRoles';
import { OrgAdminHome } from './pages/OrgAdminHome';
import { RegisterPage } from './pages/Register';
import { RegisterImportPage } from './pages/RegisterImport';
import { NewPersonPage, PersonPage } from './pages/RegisterPerson';
import { AcceptInvitationPage } from './pages/AdminAcceptInvitation';
import { AdminInvitationsPage } from './pages/AdminInvitations';
import { AdminOrganisationsPage } from './pages/AdminOrganisations';
import { AdminUsersPage } from './pages/AdminUsers';
import { CaseDetailPage } from './pages/CaseDetail';
import { CasesHome } from './pages/CasesHome';
import { DocumentPage } from './pages/Dossier';
import { EmployeeHome } from './pages/EmployeeHome';
import { InfoLibrary } from './pages/Info';
import { LoginPage } from './pages/Login';
import { NetworkCasePage } from './pages/NetworkCase';
import { NetworkOffersPage } from './pages/NetworkOffers';
import { MonitoringPage } from './pages/Monitoring';
import { SectionPage } from './pages/Sections';
import { StartHome } from './pages/StartHome';
import { StatisticsPage } from './pages/Statistics';
import { OutcomesPage } from './pages/StatisticsOutcomes';
import { ZiekmeldingPage } from './pages/ZiekmeldingSearch';
import { ZoekprofielPage } from './pages/Zoekprofiel';
import { installStackedTables } from './lib/stackedTables';

// Tables become labelled lists at phone width (styles.css).
if (typeof document !== 'undefined' && document.body) installStackedTables();

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { state } = useSession();
  const user = state.status === 'auth' ? state.user : null;
  return (
    <div class="sw-page">
      <SkipLink />
      <Header user={user} />
      {user && <MainNav user={user} route={route} />}
      <main id="main" class="sw-main" tabIndex={-1}>
        <div class="sw-container">
          <Content route={route} />
        </div>
      </main>
      <Footer />
    </div>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      class="utrecht-skip-link utrecht-skip-link--visible-on-focus sw-skip-link"
      href="#main"
      onClick={(e) => {
        // The hash is the router's; move focus without touching it.
        e.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t.app.skipLink}
    </a>
  );
}

function LanguageSwitch() {
  const { t, setLang } = useI18n();
  const target = t.app.switchLanguage;
  return (
    <button
      type="button"
      class="utrecht-button utrecht-button--subtle sw-lang-switch"
      lang={target.lang}
      title={target.hint}
      onClick={() => setLang(target.lang === 'en' ? 'en' : 'nl')}
    >
      {target.label}
    </button>
  );
}

function Header({ user }: { user: User | null }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const role = user ? primaryRole(user.roles) : undefined;
  const orgRole = user ? mainOrgRole(orgAccess(user)) : undefined;
  const roleLabel = orgRole ? t.org.roles[orgRole] : role ? t.roles[role] : undefined;
  return (
    <header class="utrecht-page-header sw-header">
      <div class="utrecht-page-header__content sw-container sw-header__content">
        <div class="sw-brand">
          <a class="sw-brand__name" href={href({ name: 'home' })}>
            {t.app.name}
          </a>
          <span class="sw-brand__tagline">{t.app.tagline}</span>
        </div>
        <div class="sw-header__tools">
          {user && (
            <>
              <span class="sw-header__user">{roleLabel ? t.app.loggedInAs(user.name, roleLabel) : t.app.loggedInAsName(user.name)}</span>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action sw-logout"
                onClick={() => {
                  void logout().then(() => navigate({ name: 'login' }));
                }}
              >
                {t.app.logout}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}

function MainNav({ user, route }: { user: User; route: Route }) {
  const { t } = useI18n();
  const persona = personaOf(user.roles);
  const org = orgAccess(user);
  const items: { label: string; route: Route }[] = org.any
    ? orgMenu(t, org)
    : persona === 'werkgever'
      ? [{ label: t.nav.cases, route: { name: 'home' } }]
      : persona === 'professional'
        ? [{ label: t.nav.myCases, route: { name: 'home' } }]
        : persona === 'werknemer'
          ? [{ label: t.nav.journey, route: { name: 'home' } }]
          : user.is_beheerder
            ? []
            : [{ label: t.nav.home, route: { name: 'home' } }];
  if (user.is_beheerder)
    items.push(
      { label: t.admin.navOrganisations, route: { name: 'admin', tab: 'organisaties' } },
      { label: t.admin.navUsers, route: { name: 'admin', tab: 'gebruikers' } },
      { label: t.admin.navInvitations, route: { name: 'admin', tab: 'uitnodigingen' } },
    );
  if (user.roles.includes('netwerkwerkgever') && persona !== 'other') items.push({ label: t.network.nav, route: { name: 'offers' } });
  items.push({ label: t.nav.library, route: { name: 'library' } });
  return (
    <nav class="utrecht-nav-bar sw-nav" aria-label={t.app.mainNav}>
      <div class="utrecht-nav-bar__content sw-container">
        <ul class="utrecht-nav-list sw-nav__list">
          {items.map((it) => {
            const current = href(it.route) === href(route);
            // Case pages live under the home overview: highlighted, but not "the current page".
            const within = !current && it.route.name === 'home' && (route.name === 'case' || route.name === 'section' || route.name === 'network' || route.name === 'monitoring' || route.name === 'zoekprofiel' || route.name === 'document');
            return (
              <li class="utrecht-nav-list__item" key={href(it.route)}>
                <a
                  class={`utrecht-nav-list__link sw-nav__link${current || within ? ' sw-nav__link--current' : ''}`}
                  href={href(it.route)}
                  aria-current={current ? 'page' : undefined}
                >
                  {it.label}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/* The menu of an organisation role: only what the server lets this person do. */
function orgMenu(t: Dict, org: OrgAccess): { label: string; route: Route }[] {
  const items: { label: string; route: Route }[] = [];
  if (org.casemanager) items.push({ label: t.org.nav.cases, route: { name: 'home' } });
  else if (org.leidinggevende) items.push({ label: t.org.nav.team, route: { name: 'home' } });
  if (reportsSickness(org)) items.push({ label: t.nav.ziekmelding, route: { name: 'ziekmelding' } });
  if (org.casemanager || org.leidinggevende) items.push({ label: t.org.nav.register, route: { name: 'register' } });
  if (readsStatistics(org)) items.push({ label: t.statistics.nav, route: { name: 'statistics' } });
  if (org.beheerder && !org.casemanager && !org.leidinggevende && !org.hrAnalist) items.push({ label: t.org.nav.accounts, route: { name: 'home' } });
  return items;
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer class="utrecht-page-footer sw-footer">
      <div class="utrecht-page-footer__content sw-container">
        <p class="utrecht-paragraph">{t.app.footer}</p>
      </div>
    </footer>
  );
}

function Content({ route }: { route: Route }) {
  const { t } = useI18n();
  const { state, reload } = useSession();

  useEffect(() => {
    if (state.status === 'auth' && route.name === 'login') navigate({ name: 'home' }, { replace: true });
  }, [state.status, route.name]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <>
        <PageHeading title={t.app.errorTitle}>{t.app.errorTitle}</PageHeading>
        <ErrorAlert error={state.error} onRetry={reload} />
      </>
    );
  // The invitation link works without a session: it makes one.
  if (route.name === 'invite') return <AcceptInvitationPage key={route.token} token={route.token} loggedIn={state.status === 'auth'} />;
  if (state.status === 'anon') return <LoginPage reason={state.reason} />;

  const user = state.user;
  const persona = personaOf(user.roles);
  const org = orgAccess(user);
  switch (route.name) {
    case 'login':
      return <Loading />;
    case 'home':
      if (org.casemanager) return <CasesHome user={user} kind="werkgever" />;
      if (org.leidinggevende) return <CasesHome user={user} kind="team" />;
      if (org.hrAnalist) return <StatisticsPage user={user} />;
      if (org.beheerder) return <OrgAdminHome user={user} />;
      if (persona === 'werkgever') return <CasesHome user={user} kind="werkgever" />;
      if (persona === 'professional') return <CasesHome user={user} kind="professional" />;
      if (persona === 'werknemer') return <EmployeeHome roles={user.roles} />;
      if (persona === 'unknown') return <StartHome user={user} />;
      if (user.roles.includes('netwerkwerkgever')) return <NetworkOffersPage />;
      if (user.is_beheerder) return <AdminOrganisationsPage />;
      return <OtherRoleHome />;
    case 'ziekmelding':
      return reportsSickness(org) ? <ZiekmeldingPage team={!org.casemanager} orgId={org.orgId!} /> : <NotFound />;
    case 'register':
      return org.casemanager || org.leidinggevende ? <RegisterPage orgId={org.orgId!} canWrite={org.casemanager} canImport={org.casemanager && org.departmentIds.length === 0} /> : <NotFound />;
    case 'person':
      return org.casemanager || org.leidinggevende ? <PersonPage key={route.id} id={route.id} orgId={org.orgId!} canWrite={org.casemanager} canReport={reportsSickness(org)} /> : <NotFound />;
    case 'newPerson':
      return org.casemanager ? <NewPersonPage orgId={org.orgId!} /> : <NotFound />;
    case 'registerImport':
      return org.casemanager && org.departmentIds.length === 0 ? <RegisterImportPage orgId={org.orgId!} /> : <NotFound />;
    case 'case':
      return <CaseDetailPage key={`${route.id}-${route.step ?? ''}`} id={route.id} step={route.step} roles={user.roles} />;
    case 'section':
      return <SectionPage key={`${route.id}-${route.section}`} id={route.id} section={route.section} />;
    case 'network':
      return <NetworkCasePage key={route.id} id={route.id} />;
    case 'offers':
      return <NetworkOffersPage />;
    case 'monitoring':
      return <MonitoringPage key={route.id} id={route.id} />;
    case 'zoekprofiel':
      return <ZoekprofielPage key={route.id} id={route.id} />;
    case 'statistics':
      return readsStatistics(org) ? <StatisticsPage user={user} /> : <NotFound />;
    case 'outcomes':
      return readsStatistics(org) ? <OutcomesPage user={user} /> : <NotFound />;
    case 'library':
      return <InfoLibrary />;
    case 'document':
      return <DocumentPage key={`${route.id}-${route.did}`} id={route.id} did={route.did} />;
    case 'admin':
      if (!user.is_beheerder) return <NotFound />;
      if (route.tab === 'gebruikers') return <AdminUsersPage />;
      if (route.tab === 'uitnodigingen') return <AdminInvitationsPage />;
      return <AdminOrganisationsPage />;
    case 'notfound':
      return <NotFound />;
  }
}

function OtherRoleHome() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.other.title}>{t.other.title}</PageHeading>
      <p class="utrecht-paragraph">{t.other.notYet}</p>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.app.notFoundTitle}>{t.app.notFoundTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.app.notFoundText}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'home' })}>
          {t.app.toHome}
        </a>
      </p>
    </>
  );
}
