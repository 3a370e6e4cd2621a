/*
 * The home page when the session does not say which roles the user has (the
 * server's session answer has no roles yet): the roles come from the cases the
 * user is involved in (my_role), and the matching home is shown. While the
 * server has no case list (404), a friendly "nog niet beschikbaar" page.
 */
import { api } from '../api/client';
import type { Role, User } from '../api/types';
import { Alert, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { personaOf } from '../lib/session';
import { useAsync } from '../lib/useAsync';
import { CasesHome } from './CasesHome';
import { EmployeeHome } from './EmployeeHome';
import { SelfReport } from './SelfReport';

async function rolesFromCases(): Promise<Role[]> {
  const list = await api.cases({ perPage: 50 });
  const roles = new Set<Role>();
  for (const c of list.items) if (c.my_role) roles.add(c.my_role);
  return [...roles];
}

export function StartHome({ user }: { user: User }) {
  const state = useAsync(rolesFromCases, []);
  if (state.status === 'ok' && state.data.length > 0) {
    const persona = personaOf(state.data);
    const u = { ...user, roles: state.data };
    if (persona === 'werkgever') return <CasesHome user={u} kind="werkgever" />;
    if (persona === 'professional') return <CasesHome user={u} kind="professional" />;
    if (persona === 'werknemer') return <EmployeeHome roles={state.data} />;
  }
  return <StartPage user={user} state={state} />;
}

function StartPage({ user, state }: { user: User; state: ReturnType<typeof useAsync<Role[]>> }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.other.start}>{t.other.start}</PageHeading>
      <p class="utrecht-paragraph">{t.other.startIntro(user.name, user.organisation?.name ?? '')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && !user.person_id && (
        <Alert type="info">
          <p class="utrecht-paragraph">{t.other.noCases}</p>
        </Alert>
      )}
      {/* An employee in the register without a case reports themselves sick here. */}
      {state.status === 'ok' && user.person_id && <SelfReport personId={user.person_id} />}
    </>
  );
}
