/*
 * "Verzuimverloop" on the case page (issue 11): the current state, the
 * periods derived from the mutations, the list of mutations with who recorded
 * them (corrections and withdrawals shown as such), every earlier state
 * (as_of), and for the casemanager and the leidinggevende the actions on an
 * open case. The werknemer reads the same history, phrased for them. A
 * closed case offers no actions but the relapse note.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CaseOrgFields, Mutation, Sickness } from '../api/org';
import type { CaseDetail } from '../api/types';
import { Alert, ErrorAlert, Loading } from '../components/ui';
import { useI18n, type Dict } from '../i18n';
import { formatDate, formatDateTime, type Lang } from '../lib/dates';
import { setFlash } from '../lib/flash';
import { formatPercent } from '../lib/percent';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { CorrectionForm, HerstelForm, WijzigingForm, WithdrawalForm, kindLabel, type Done } from './SicknessForms';

type Case = CaseDetail & CaseOrgFields;
type Action = { kind: 'herstel' } | { kind: 'wijziging' } | { kind: 'correct'; id: number } | { kind: 'withdraw'; id: number };

/** The server's "2026-03-02 09:00:00+00" as a Date.parse-able ISO timestamp. */
function isoTimestamp(s: string): string {
  return s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
}

interface Row {
  m: Mutation;
  /** For an original: the values in force (its latest correction folded in). */
  current: Mutation;
  corrected: boolean;
  withdrawn: boolean;
  ref: Mutation | null;
}

/* Each mutation with what happened to it later: corrections replace the
 * values of the original they refer to, an intrekking undoes it. */
function rows(ms: Mutation[]): Row[] {
  const byId = new Map(ms.map((m) => [m.id, m]));
  return ms.map((m) => {
    const later = ms.filter((x) => x.ref_id === m.id && x.id > m.id);
    const correction = later.filter((x) => x.action === 'correctie').pop();
    return {
      m,
      current: correction ? { ...correction, id: m.id, kind: m.kind } : m,
      corrected: !!correction,
      withdrawn: later.some((x) => x.action === 'intrekking'),
      ref: m.ref_id ? (byId.get(m.ref_id) ?? null) : null,
    };
  });
}

function StateText({ s, own, lang, t }: { s: Sickness; own: boolean; lang: Lang; t: Dict }) {
  const x = t.sickness;
  const st = s.state;
  const d = (iso: string | null) => formatDate(iso, lang, 'medium');
  const since = s.segments.at(-1)?.from ?? st.first_sick_day;
  const lines: string[] = [];
  if (st.withdrawn) lines.push(own ? x.ownWithdrawn : x.withdrawn);
  else if (st.sick && st.percent !== null) {
    const pct = formatPercent(st.percent, lang);
    lines.push(own ? x.ownSick(d(since), pct) : st.percent >= 100 ? x.sickFull(d(since)) : x.sickPartial(pct, d(since)));
    if (st.first_sick_day && st.first_sick_day !== since) lines.push(own ? x.ownFirstSickDay(d(st.first_sick_day)) : x.firstSickDay(d(st.first_sick_day)));
    if (st.expected_recovery) lines.push(own ? x.ownExpected(d(st.expected_recovery)) : x.expected(d(st.expected_recovery)));
  } else if (st.hersteldatum) {
    lines.push(own ? x.ownRecovered(d(st.hersteldatum)) : x.recovered(d(st.hersteldatum), x.endReasons[st.end_reason ?? 'hersteld']));
    if (st.first_sick_day) lines.push(own ? x.ownFirstSickDay(d(st.first_sick_day)) : x.firstSickDay(d(st.first_sick_day)));
  }
  return (
    <div class="sw-sickness-state" id="sickness-state">
      {lines.map((l, i) => (
        <p class={`utrecht-paragraph${i === 0 ? ' sw-sickness-state__main' : ''}`} key={i}>
          {l}
        </p>
      ))}
    </div>
  );
}

/** onChange: the case changed (status, casemanager); absent where nothing can change it (the werknemer). */
export function CaseSickness({ c, onChange }: { c: Case; onChange?: () => void }) {
  const { t, lang } = useI18n();
  const x = t.sickness;
  const own = c.my_role === 'werknemer';
  const canEdit = (c.my_role === 'werkgever' || (c.my_role as string) === 'leidinggevende') && c.status === 'open';
  const [asOf, setAsOf] = useState<number | null>(null);
  // The answer of the last mutation: the current state at once, without a second request.
  const [fresh, setFresh] = useState<Sickness | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const state = useAsync(() => api.sickness(c.id, asOf ?? undefined), [c.id, asOf]);

  const names = new Map<number, string>(c.participants.map((p) => [p.user.id, p.user.name]));
  if (c.casemanager) names.set(c.casemanager.id, c.casemanager.name);
  const who = (m: Mutation): string => {
    if (own && m.recorded_by === c.employee.id) return x.ownRecordedBySelf;
    const name = m.recorded_by_name ?? names.get(m.recorded_by);
    const role = x.recordedByRole[m.recorded_role];
    return name ? (role && !own ? `${name} (${role.replace(/^(de|een|the|an) /, '')})` : name) : (role ?? '—');
  };

  const done: Done = (s, msg) => {
    setAction(null);
    if (s.state.withdrawn) {
      // The case left every list: say so there.
      setFlash(x.caseWithdrawnFlash(c.employee.name));
      navigate({ name: 'home' });
      return;
    }
    setMessage(msg);
    setFresh(s);
    onChange?.();
  };

  const heading = (
    <h2 class="utrecht-heading-2" id="sickness-title">
      {own ? x.ownTitle : x.title}
    </h2>
  );
  if (state.status !== 'ok' && !(asOf === null && fresh))
    return (
      <section class="sw-section sw-sickness" aria-labelledby="sickness-title">
        {heading}
        {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={state.reload} /> : <Loading />}
      </section>
    );
  const s = asOf === null && fresh ? fresh : state.data!;
  const all = rows(s.mutations);
  const first = s.mutations.find((m) => m.kind === 'ziekmelding' && m.action === 'nieuw');
  const asOfMutation = asOf ? s.mutations.find((m) => m.id === asOf) : undefined;
  const editable = canEdit && asOf === null && !s.state.withdrawn;
  const d = (iso: string | null) => formatDate(iso, lang, 'medium');
  const cancel = () => setAction(null);

  return (
    <section class="sw-section sw-sickness" aria-labelledby="sickness-title">
      {heading}
      {message && (
        <Alert type="ok" live>
          {message}
        </Alert>
      )}
      {own && <p class="utrecht-paragraph">{x.ownIntro}</p>}
      {asOf !== null && (
        <Alert type="info" live>
          <p class="utrecht-paragraph">{x.asOfNotice(asOfMutation ? d(asOfMutation.date) : '')}</p>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setAsOf(null)}>
            {x.asOfBack}
          </button>
        </Alert>
      )}
      <StateText s={s} own={own} lang={lang} t={t} />
      {c.status === 'gesloten' && asOf === null && s.state.hersteldatum && (
        <p class="utrecht-paragraph sw-sickness-relapse">{own ? x.ownRelapse(d(s.state.hersteldatum)) : x.relapse(c.employee.name, d(s.state.hersteldatum))}</p>
      )}

      {editable && (
        <>
          <h3 class="utrecht-heading-3">{x.actionsTitle}</h3>
          {action?.kind === 'herstel' ? (
            <HerstelForm caseId={c.id} onDone={done} onCancel={cancel} />
          ) : action?.kind === 'wijziging' ? (
            <WijzigingForm caseId={c.id} onDone={done} onCancel={cancel} />
          ) : (
            <div class="utrecht-button-group sw-actions">
              <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => (setMessage(null), setAction({ kind: 'herstel' }))}>
                {x.actionHerstel}
              </button>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => (setMessage(null), setAction({ kind: 'wijziging' }))}>
                {x.actionWijziging}
              </button>
            </div>
          )}
        </>
      )}

      {s.segments.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{x.periodsTitle}</h3>
          <ul class="utrecht-unordered-list sw-sickness-periods">
            {s.segments.map((g, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {x.period(d(g.from), g.to ? d(g.to) : null, formatPercent(g.percent, lang))}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 class="utrecht-heading-3">{own ? x.ownHistoryTitle : x.historyTitle}</h3>
      <ol class="sw-mutations">
        {all.map(({ m, current, corrected, withdrawn, ref }) => {
          const original = m.action === 'nieuw';
          const title =
            m.action === 'correctie' && ref
              ? x.correctionOf(kindLabel(t, ref), d(ref.date))
              : m.action === 'intrekking' && ref
                ? x.withdrawalOf(kindLabel(t, ref), d(ref.date))
                : kindLabel(t, m);
          const facts: string[] = [];
          if (m.action !== 'intrekking') {
            facts.push(d(m.date));
            if (m.kind === 'herstel' && m.percent) facts.push(x.stillSick(formatPercent(m.percent, lang)));
            else if (m.kind !== 'herstel' && m.percent !== null) facts.push(x.mutationPercent(formatPercent(m.percent, lang)));
            if (m.kind === 'herstel' && !m.percent && m.end_reason) facts.push(x.endReason(x.endReasons[m.end_reason]));
          }
          const act = action && (action.kind === 'correct' || action.kind === 'withdraw') && action.id === m.id ? action.kind : null;
          return (
            <li class={`sw-mutation${withdrawn ? ' sw-mutation--withdrawn' : ''}`} key={m.id} id={`mutation-${m.id}`}>
              <p class="utrecht-paragraph sw-mutation__title">
                <strong>{title}</strong>
                {corrected && <span class="sw-mutation__badge"> ({x.corrected})</span>}
                {withdrawn && <span class="sw-mutation__badge"> ({x.withdrawnBadge})</span>}
              </p>
              {facts.length > 0 && <p class="utrecht-paragraph">{facts.join(', ')}</p>}
              {m.reason && <p class="utrecht-paragraph">{x.reason(m.reason)}</p>}
              <p class="utrecht-paragraph sw-muted">{x.recordedBy(who(m), formatDateTime(isoTimestamp(m.created_at), lang))}</p>
              <div class="utrecht-button-group sw-actions">
                {asOf !== m.id && (
                  <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => (setAction(null), setAsOf(m.id))} aria-describedby={`mutation-${m.id}-t`}>
                    {x.showAsOf}
                  </button>
                )}
                {editable && original && !withdrawn && !act && (
                  <>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => (setMessage(null), setAction({ kind: 'correct', id: m.id }))}>
                      {x.actionCorrect}
                      <span class="sw-visually-hidden">
                        {': '}
                        {kindLabel(t, m)} {d(current.date)}
                      </span>
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => (setMessage(null), setAction({ kind: 'withdraw', id: m.id }))}>
                      {x.actionWithdraw}
                      <span class="sw-visually-hidden">
                        {': '}
                        {kindLabel(t, m)} {d(current.date)}
                      </span>
                    </button>
                  </>
                )}
              </div>
              <span hidden id={`mutation-${m.id}-t`}>
                {title} {d(m.date)}
              </span>
              {act === 'correct' && <CorrectionForm caseId={c.id} m={current} onDone={done} onCancel={cancel} />}
              {act === 'withdraw' && (
                <WithdrawalForm caseId={c.id} m={current} opensCase={first?.id === m.id} employee={c.employee.name} onDone={done} onCancel={cancel} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
