/*
 * The journey from week 1 to 104 as an ordered list: every step with its
 * week, last allowed date, status (as text), who is to act and a short
 * explanation; "today" is a list item of its own, marked with text and
 * aria-current, not only with colour.
 */
import type { Deadline, DeadlineCode, Role, Timeline as TimelineData } from '../api/types';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { daysBetween, formatDate, type Lang } from '../lib/dates';
import { audienceOf, firstName, stepText, type StepText } from '../lib/roleText';
import { DateText, DeadlineStatusBadge } from './ui';

/* The employer side is the default reader where no viewer is known (the case lists). */
const EMPLOYER: readonly Role[] = ['werkgever'];

/** The step's short name as this viewer reads it ("kopie voor jou" only for the werknemer). */
export function stepTitle(t: Dict, d: Pick<Deadline, 'code' | 'title' | 'seq'>, viewerRoles: readonly Role[] = EMPLOYER): string {
  const base = stepText(t.roleSteps, d.code, audienceOf(viewerRoles), { name: '', due: '' })?.name ?? t.steps[d.code as DeadlineCode]?.title ?? d.title;
  return d.seq ? t.timeline.seqTitle(base, d.seq) : base;
}

/**
 * Name, sentence and hint of a step for this viewer (lib/roleText.ts): the
 * sentence names the employee by first name and the due date.
 */
export function roleStep(t: Dict, lang: Lang, d: Deadline, viewerRoles: readonly Role[], employee: string): StepText {
  const due = formatDate(d.agreed_due ?? d.due_effective, lang, 'medium');
  const name = employee ? firstName(employee) : t.roles.werknemer;
  const txt = stepText(t.roleSteps, d.code, audienceOf(viewerRoles), { name, due });
  if (txt) return { ...txt, name: stepTitle(t, d, viewerRoles) };
  const base = stepTitle(t, d, viewerRoles);
  return { name: base, title: base, hint: t.steps[d.code as DeadlineCode]?.explain ?? '' };
}

export function whoText(t: Dict, roles: readonly Role[], viewerRoles: readonly Role[]): string {
  return t.list(roles.map((r) => (viewerRoles.includes(r) ? t.you(t.roles[r] ?? r) : (t.roles[r] ?? r))));
}

function sorted(deadlines: Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => a.due_effective.localeCompare(b.due_effective) || a.week - b.week);
}

const isOpen = (d: Deadline): boolean => d.status === 'open' || d.status === 'gepland' || d.status === 'te laat';

export function Timeline({ data, viewerRoles, own, employee = '' }: { data: TimelineData; viewerRoles: readonly Role[]; own: boolean; employee?: string }) {
  const { t, lang } = useI18n();
  const items = sorted(data.deadlines);
  const nowIndex = data.ended ? -1 : (() => {
    const i = items.findIndex((d) => d.due_effective >= data.today);
    return i === -1 ? items.length : i;
  })();
  const nowItem = (
    <li class="sw-timeline__item sw-timeline__now" aria-current="step" key="now">
      <p class="sw-timeline__now-label">
        <strong>{own ? t.timeline.nowOwn(data.week) : t.timeline.now(data.week)}</strong>
      </p>
      <p class="utrecht-paragraph">{t.timeline.today(formatDate(data.today, lang))}</p>
    </li>
  );
  return (
    <section class="sw-section" aria-labelledby="timeline-heading">
      <h2 class="utrecht-heading-2" id="timeline-heading">
        {own ? t.timeline.headingOwn : t.timeline.heading}
      </h2>
      <p class="utrecht-paragraph">{t.timeline.intro}</p>
      {data.ended && <p class="utrecht-paragraph"><strong>{t.timeline.ended}</strong></p>}
      {data.recovered && (
        <p class="utrecht-paragraph">{t.timeline.recovered(formatDate(data.recovered, lang))}</p>
      )}
      {data.extension_weeks > 0 && <p class="utrecht-paragraph">{t.timeline.extension(data.extension_weeks)}</p>}
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t.timeline.empty}</p>
      ) : (
        <ol class="sw-timeline">
          {items.map((d, i) => [
            i === nowIndex ? nowItem : null,
            <TimelineItem key={`${d.code}-${d.seq ?? 0}`} d={d} viewerRoles={viewerRoles} employee={employee} />,
          ])}
          {nowIndex === items.length ? nowItem : null}
        </ol>
      )}
    </section>
  );
}

function TimelineItem({ d, viewerRoles, employee }: { d: Deadline; viewerRoles: readonly Role[]; employee: string }) {
  const { t, lang } = useI18n();
  const txt = roleStep(t, lang, d, viewerRoles, employee);
  const slug = d.status.replace(' ', '-');
  const mine = d.responsible.some((r) => viewerRoles.includes(r)) && isOpen(d);
  return (
    <li class={`sw-timeline__item sw-timeline__item--${slug}${mine ? ' sw-timeline__item--mine' : ''}`}>
      <h3 class="utrecht-heading-3 sw-timeline__title">
        <span class="sw-timeline__week">{t.timeline.week(d.week)}</span> {txt.name}
      </h3>
      {isOpen(d) && txt.title !== txt.name && <p class="utrecht-paragraph sw-timeline__action">{txt.title}</p>}
      <dl class="sw-facts">
        <div class="sw-facts__row">
          <dt>{t.timeline.due}</dt>
          <dd>
            <DateText iso={d.due_effective} />
            {d.moved_for && d.due !== d.due_effective && (
              <span class="sw-timeline__moved"> {t.timeline.moved(formatDate(d.due, lang), d.moved_for)}</span>
            )}
          </dd>
        </div>
        {d.agreed_due && (
          <div class="sw-facts__row">
            <dt>{t.timeline.agreedDue}</dt>
            <dd>
              <DateText iso={d.agreed_due} />
            </dd>
          </div>
        )}
        <div class="sw-facts__row">
          <dt>{t.timeline.status}</dt>
          <dd>
            <DeadlineStatusBadge status={d.status} />
          </dd>
        </div>
        {d.done && (
          <div class="sw-facts__row">
            <dt>{t.timeline.done}</dt>
            <dd>
              <DateText iso={d.done} />
            </dd>
          </div>
        )}
        <div class="sw-facts__row">
          <dt>{t.timeline.who}</dt>
          <dd>{whoText(t, d.responsible, viewerRoles)}</dd>
        </div>
      </dl>
      {txt.hint && <p class="utrecht-paragraph sw-timeline__explain">{txt.hint}</p>}
    </li>
  );
}

/** "Wat komt hierna": overdue steps first, then the next open steps. */
export function NextSteps({ data, viewerRoles, own, limit = 3, employee = '' }: { data: TimelineData; viewerRoles: readonly Role[]; own: boolean; limit?: number; employee?: string }) {
  const { t, lang } = useI18n();
  const items = sorted(data.deadlines);
  const overdue = items.filter((d) => d.status === 'te laat');
  const upcoming = items.filter((d) => d.status === 'open' || d.status === 'gepland').slice(0, limit);
  const line = (d: Deadline) => (
    <li class="utrecht-unordered-list__item" key={`${d.code}-${d.seq ?? 0}`}>
      <strong>{roleStep(t, lang, d, viewerRoles, employee).title}</strong> ({t.next.inDays(daysBetween(data.today, d.agreed_due ?? d.due_effective))}).{' '}
      {t.next.who(whoText(t, d.responsible, viewerRoles))}
    </li>
  );
  return (
    <section class="sw-section sw-next" aria-labelledby="next-heading">
      <h2 class="utrecht-heading-2" id="next-heading">
        {t.next.heading}
      </h2>
      {overdue.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning sw-alert">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <h3 class="utrecht-heading-3">{t.next.overdue(overdue.length)}</h3>
              <ul class="utrecht-unordered-list">{overdue.map(line)}</ul>
              {own && <p class="utrecht-paragraph">{t.next.overdueOwnHint}</p>}
            </div>
          </div>
        </div>
      )}
      {upcoming.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">{t.next.upcoming}</h3>
          <ul class="utrecht-unordered-list">{upcoming.map(line)}</ul>
        </>
      ) : (
        overdue.length === 0 && <p class="utrecht-paragraph">{t.next.none}</p>
      )}
    </section>
  );
}
