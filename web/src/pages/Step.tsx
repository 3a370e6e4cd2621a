/*
 * One step of a case, opened with one click from a case list (#/dossiers/4?stap=probleemanalyse):
 * what is due when, who acts, why, and the actions at hand.
 */
import type { CaseDetail, Deadline, Role, Timeline as TimelineData } from '../api/types';
import { roleStep, whoText } from '../components/timeline';
import { MeldingUwvLink } from '../components/files';
import { DateText, DeadlineStatusBadge } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../lib/router';

/** The step to take for code: overdue first, then the earliest open or planned one, else the last done. */
function pick(deadlines: Deadline[], code: string): Deadline | undefined {
  const mine = deadlines.filter((d) => d.code === code).sort((a, b) => a.due_effective.localeCompare(b.due_effective));
  return mine.find((d) => d.status === 'te laat') ?? mine.find((d) => d.status === 'open' || d.status === 'gepland') ?? mine[mine.length - 1];
}

export function StepPanel({ c, tl, code, viewer }: { c: CaseDetail; tl: TimelineData; code: string; viewer: readonly Role[] }) {
  const { t, lang } = useI18n();
  const d = pick(tl.deadlines, code);
  if (!d)
    return (
      <div class="utrecht-alert utrecht-alert--info sw-alert">
        <div class="utrecht-alert__content">
          <p class="utrecht-paragraph utrecht-alert__message">{t.step.unknown}</p>
        </div>
      </div>
    );
  const txt = roleStep(t, lang, d, viewer, c.employee.name);
  const title = txt.name;
  const explain = txt.hint;
  const link = (section: 'berichten' | 'beslissingen' | 'documenten', label: string) => (
    <li class="utrecht-link-list__item">
      <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={href({ name: 'section', id: c.id, section })}>
        {label}
      </a>
    </li>
  );
  return (
    <section class="sw-section sw-step" aria-labelledby="step-heading">
      <h2 class="utrecht-heading-2" id="step-heading">
        {t.step.heading(title)}
      </h2>
      {txt.title !== txt.name && <p class="utrecht-paragraph sw-step__action"><strong>{txt.title}</strong></p>}
      <dl class="sw-facts">
        <div class="sw-facts__row">
          <dt>{t.step.due}</dt>
          <dd>
            <DateText iso={d.agreed_due ?? d.due_effective} /> ({t.step.week(d.week)})
          </dd>
        </div>
        <div class="sw-facts__row">
          <dt>{t.step.status}</dt>
          <dd>
            <DeadlineStatusBadge status={d.status} />
          </dd>
        </div>
        <div class="sw-facts__row">
          <dt>{t.step.who}</dt>
          <dd>{whoText(t, d.responsible, viewer)}</dd>
        </div>
        <div class="sw-facts__row">
          <dt>{t.step.source}</dt>
          <dd>{d.source}</dd>
        </div>
      </dl>
      {explain && <p class="utrecht-paragraph">{explain}</p>}
      {d.code === 'melding_uwv' && <MeldingUwvLink caseId={c.id} viewer={viewer} />}
      <h3 class="utrecht-heading-3">{t.step.actions}</h3>
      <ul class="utrecht-link-list utrecht-link-list--html-ul sw-link-list">
        {link('berichten', t.step.message)}
        {link('beslissingen', t.step.decision)}
        {link('documenten', t.step.documents)}
      </ul>
    </section>
  );
}
