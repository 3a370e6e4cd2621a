/* Pieces of a case page: facts, participants, links to the case's sections. */
import type { CaseDetail, Role } from '../api/types';
import { useI18n } from '../i18n';
import { formatDate, todayInAmsterdam } from '../lib/dates';
import { href, type Section } from '../lib/router';
import { CaseStatusText, DateText } from './ui';

export function sectionsFor(ownCase: boolean): Section[] {
  // The access log is the employee's (policy: access_log is theirs alone).
  return ownCase
    ? ['informatie', 'beslissingen', 'documenten', 'berichten', 'toestemmingen', 'inzage']
    : ['informatie', 'beslissingen', 'documenten', 'berichten', 'toestemmingen'];
}

export function CaseSections({ caseId, ownCase, headingId = 'sections-heading', heading }: { caseId: number; ownCase: boolean; headingId?: string; heading: string }) {
  const { t } = useI18n();
  const label: Record<Section, string> = {
    informatie: ownCase ? t.sections.info : t.sections.infoOther,
    beslissingen: t.sections.decisions,
    documenten: t.sections.documents,
    berichten: t.sections.messages,
    toestemmingen: t.sections.consents,
    inzage: ownCase ? t.sections.accessLog : t.sections.accessLogOther,
  };
  return (
    <nav class="sw-section" aria-labelledby={headingId}>
      <h2 class="utrecht-heading-2" id={headingId}>
        {heading}
      </h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul sw-link-list">
        {sectionsFor(ownCase).map((s) => (
          <li class="utrecht-link-list__item" key={s}>
            <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={href({ name: 'section', id: caseId, section: s })}>
              {label[s]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Participants({ c, viewerRoles, heading }: { c: CaseDetail; viewerRoles: readonly Role[]; heading: string }) {
  const { t, lang } = useI18n();
  const current = c.participants.filter((p) => !p.until || p.until >= todayInAmsterdam());
  return (
    <section class="sw-section" aria-labelledby="participants-heading">
      <h2 class="utrecht-heading-2" id="participants-heading">
        {heading}
      </h2>
      <ul class="utrecht-unordered-list sw-participants">
        {current.map((p) => (
          <li class="utrecht-unordered-list__item" key={`${p.user.id}-${p.role}`}>
            <strong>{viewerRoles.includes(p.role) && p.role === c.my_role ? t.you(t.roles[p.role]) : t.roles[p.role] ?? p.role}</strong>:{' '}
            {p.user.name} <span class="sw-muted">({t.caseDetail.since(formatDate(p.from, lang, 'medium'))}{p.until ? `, ${t.caseDetail.until(formatDate(p.until, lang, 'medium'))}` : ''})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CaseFacts({ c, week }: { c: CaseDetail; week: number | null }) {
  const { t } = useI18n();
  const yesNo = (b: boolean) => (b ? t.app.yes : t.app.no);
  const rows: [string, preact.ComponentChildren][] = [
    [t.caseDetail.organisation, c.organisation.name],
    [t.caseDetail.firstSickDay, <DateText iso={c.first_sick_day} />],
    ...(week !== null ? ([[t.caseDetail.week, String(week)]] as [string, string][]) : []),
    [t.caseDetail.status, <CaseStatusText status={c.status} />],
    ...(c.my_role ? ([[t.caseDetail.myRole, t.roles[c.my_role] ?? c.my_role]] as [string, string][]) : []),
    ...(c.verwachte_duur ? ([[t.caseDetail.verwachteDuur, c.verwachte_duur]] as [string, string][]) : []),
    ...(c.lopende_afspraken ? ([[t.caseDetail.lopendeAfspraken, c.lopende_afspraken]] as [string, string][]) : []),
    ...(c.contact_phone ? ([[t.caseDetail.contactTelefoon, c.contact_phone]] as [string, string][]) : []),
    [t.caseDetail.vangnet, yesNo(c.vangnet)],
    [t.caseDetail.arbeidsongeval, yesNo(c.arbeidsongeval)],
    [t.caseDetail.aansprakelijkeDerde, yesNo(c.derde_aansprakelijk)],
  ];
  return (
    <section class="sw-section" aria-labelledby="facts-heading">
      <h2 class="utrecht-heading-2" id="facts-heading">
        {t.caseDetail.facts}
      </h2>
      <dl class="utrecht-data-list utrecht-data-list--rows sw-data-list">
        {rows.map(([k, v]) => (
          <div class="utrecht-data-list__item" key={k}>
            <dt class="utrecht-data-list__item-key">{k}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
