/* One case: for the employee their journey, for the others facts, people and the timeline. */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { CaseFiles } from '../components/files';
import { CaseFacts, CaseSections, Participants } from '../components/case';
import { NextSteps, Timeline } from '../components/timeline';
import { Alert, ErrorAlert, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { takeFlash } from '../lib/flash';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { Journey } from './EmployeeHome';
import { InfoNow } from './Info';
import { ManageParticipants } from './CaseParticipants';
import { CaseManagerPanel } from './CaseManager';
import { CaseSickness } from './CaseSickness';
import { StepPanel } from './Step';
import { ZOEKPROFIEL_ROLES } from './Zoekprofiel';

export function CaseDetailPage({ id, step, roles }: { id: number; step?: string; roles: readonly Role[] }) {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  const state = useAsync(() => Promise.all([api.case(id), api.deadlines(id)]), [id]);

  if (state.status === 'loading')
    return (
      <>
        <PageHeading title={t.caseDetail.title('…')}>{t.app.loading}</PageHeading>
      </>
    );
  if (state.status === 'error') {
    const missing = state.error.code === 'not_found' || state.error.code === 'forbidden';
    return (
      <>
        <PageHeading title={t.app.errorTitle}>{t.app.errorTitle}</PageHeading>
        {missing ? <Alert type="error">{t.caseDetail.notFound}</Alert> : <ErrorAlert error={state.error} onRetry={state.reload} />}
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'home' })}>
            {t.caseDetail.back}
          </a>
        </p>
      </>
    );
  }
  const [c, tl] = state.data;
  const flashAlert = flash && (
    <Alert type="ok" live>
      {flash}
    </Alert>
  );
  if (c.my_role === 'werknemer') {
    return (
      <>
        <PageHeading title={t.employee.title}>{t.employee.title}</PageHeading>
        {flashAlert}
        {step && <StepPanel c={c} tl={tl} code={step} viewer={c.my_role ? [c.my_role] : [...roles]} />}
        <Journey c={c} tl={tl} roles={roles} />
        <CaseFiles caseId={c.id} viewer={['werknemer']} />
      </>
    );
  }
  const viewer: Role[] = c.my_role ? [c.my_role] : [...roles];
  const title = t.caseDetail.title(c.employee.name);
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'home' })}>
          {t.caseDetail.back}
        </a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {flashAlert}
      {step && <StepPanel c={c} tl={tl} code={step} viewer={viewer} />}
      {c.status !== 'gesloten' && <NextSteps data={tl} viewerRoles={viewer} own={false} employee={c.employee.name} />}
      {c.status !== 'gesloten' && <InfoNow caseId={c.id} own={false} />}
      <CaseFacts c={c} week={tl.week} />
      <CaseSickness c={c} onChange={state.reload} />
      <CaseManagerPanel c={c} onChange={state.reload} />
      {c.my_role === 'werkgever' ? (
        <ManageParticipants caseId={c.id} onChange={state.reload} />
      ) : (
        <Participants c={c} viewerRoles={viewer} heading={t.caseDetail.participants} />
      )}
      <CaseSections caseId={c.id} ownCase={false} heading={t.caseDetail.sections} />
      <CaseFiles caseId={c.id} viewer={viewer} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'network', id: c.id })}>
          {t.network.link}
        </a>
      </p>
      {viewer.some((r) => ZOEKPROFIEL_ROLES.includes(r)) && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'zoekprofiel', id: c.id })}>
            {t.zoekprofiel.link}
          </a>
        </p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'monitoring', id: c.id })}>
          {t.monitoring.link}
        </a>
      </p>
      <Timeline data={tl} viewerRoles={viewer} own={false} employee={c.employee.name} />
    </>
  );
}
