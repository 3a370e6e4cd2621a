/* "Waar sta ik nu": the employee's own journey. */
import { api } from '../api/client';
import type { CaseDetail, Role, Timeline as TimelineData } from '../api/types';
import { CaseSections, Participants } from '../components/case';
import { NextSteps, Timeline } from '../components/timeline';
import { Alert, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { href } from '../lib/router';
import { useSession } from '../lib/session';
import { CaseSickness } from './CaseSickness';
import { SelfReport } from './SelfReport';
import { useAsync } from '../lib/useAsync';
import { InfoNow } from './Info';

async function loadOwnCase(): Promise<{ c: CaseDetail; tl: TimelineData; placed: boolean } | null> {
  const list = await api.cases({ perPage: 20 });
  const mine = list.items.filter((x) => x.my_role === 'werknemer' || x.my_role === null);
  const pick = mine.find((x) => x.status === 'open') ?? mine[0] ?? list.items[0];
  if (!pick) return null;
  const [c, tl, placements] = await Promise.all([api.case(pick.id), api.deadlines(pick.id), api.placements(pick.id).catch(() => null)]);
  return { c, tl, placed: (placements?.items.length ?? 0) > 0 };
}

export function EmployeeHome({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  const state = useAsync(loadOwnCase, []);
  const { state: session } = useSession();
  const personId = session.status === 'auth' ? session.user.person_id : null;
  return (
    <>
      <PageHeading title={t.employee.title}>{t.employee.title}</PageHeading>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && !state.data && (personId ? <SelfReport personId={personId} /> : <Alert type="info">{t.employee.noCase}</Alert>)}
      {state.status === 'ok' && state.data?.placed && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'monitoring', id: state.data.c.id })}>
            {t.employee.monitoringLink}
          </a>
        </p>
      )}
      {state.status === 'ok' && state.data && <Journey c={state.data.c} tl={state.data.tl} roles={roles} />}
    </>
  );
}

/** The employee's view of their case, also used for /dossiers/:id when the viewer is the employee. */
export function Journey({ c, tl, roles }: { c: CaseDetail; tl: TimelineData; roles: readonly Role[] }) {
  const { t, lang } = useI18n();
  const viewer: Role[] = c.my_role ? [c.my_role] : [...roles];
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {c.status === 'gesloten' ? t.employee.closedCase : t.employee.intro(formatDate(tl.case_start || c.first_sick_day, lang), tl.week)}
      </p>
      {c.status !== 'gesloten' && <NextSteps data={tl} viewerRoles={viewer} own />}
      {c.status !== 'gesloten' && <InfoNow caseId={c.id} own />}
      <CaseSickness c={c} />
      <CaseSections caseId={c.id} ownCase heading={t.employee.sectionsHeading} />
      {viewer.includes('werknemer') && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'zoekprofiel', id: c.id })}>
            {t.zoekprofiel.link}
          </a>
        </p>
      )}
      <Participants c={c} viewerRoles={viewer} heading={t.employee.participantsHeading} />
      <Timeline data={tl} viewerRoles={viewer} own />
    </>
  );
}
