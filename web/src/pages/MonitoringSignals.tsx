/* Risk signals and development goals of one placement: record a signal and see the suggested route and follow-up
 * date, resolve it; development goals as goal / reached? / what was done and by whom / what to take forward. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { InterventionRoute, RiskKind } from '../api/types';
import { RISK_KINDS, ROUTES } from '../api/types';
import { ErrorSummary, Select, TextArea, TextField } from '../components/fields';
import { Alert, ErrorAlert, Loading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

type Props = { caseId: number; placementId: number; canWrite: boolean };

export function RiskSignals({ caseId, placementId, canWrite }: Props) {
  const { t, lang } = useI18n();
  const m = t.monitoringSignals;
  const state = useAsync(() => api.riskSignals(caseId, placementId), [caseId, placementId]);
  const [busy, setBusy] = useState(false);
  const resolve = async (sid: number) => {
    setBusy(true);
    try {
      await api.resolveRiskSignal(caseId, placementId, sid);
      state.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sw-section" aria-labelledby={`signals-${placementId}`}>
      <h3 class="utrecht-heading-3" id={`signals-${placementId}`}>
        {m.signalsTitle}
      </h3>
      <p class="utrecht-paragraph">{m.signalsIntro}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && (
        <>
          {state.data.items.length === 0 && <p class="utrecht-paragraph">{m.noSignals}</p>}
          <ul class="utrecht-unordered-list sw-signals">
            {state.data.items.map((s) => {
              const kind = m.kinds[s.kind] ?? s.kind;
              return (
                <li class="utrecht-unordered-list__item" key={s.id}>
                  <strong>{m.signalLine(kind, formatDate(s.noted_on, lang))}</strong>
                  {s.note && <> — {s.note}</>}
                  <br />
                  {m.advice(m.routes[s.suggested_route] ?? s.suggested_route, formatDate(s.follow_up, lang))}{' '}
                  {s.resolved_on ? (
                    m.resolvedOn(formatDate(s.resolved_on, lang))
                  ) : (
                    canWrite && (
                      <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={() => resolve(s.id)}>
                        {m.resolve(kind)}
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
          {state.data.derived.length > 0 && (
            <>
              <h4 class="utrecht-heading-4">{m.derivedTitle}</h4>
              <ul class="utrecht-unordered-list">
                {state.data.derived.map((d) => (
                  <li class="utrecht-unordered-list__item" key={d.kind}>
                    <strong>{m.kinds[d.kind] ?? d.kind}</strong>
                    <br />
                    {m.advice(m.routes[d.suggested_route] ?? d.suggested_route, formatDate(d.follow_up, lang))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {canWrite && <SignalForm caseId={caseId} placementId={placementId} onDone={state.reload} />}
    </section>
  );
}

function SignalForm({ caseId, placementId, onDone }: { caseId: number; placementId: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const m = t.monitoringSignals;
  const [kind, setKind] = useState<RiskKind>('gedragsverandering');
  const [noted, setNoted] = useState('');
  const [ends, setEnds] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const id = (f: string) => `signal-${placementId}-${f}`;
  const needsEnd = kind === 'contract_einde' || kind === 'subsidie_einde';

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(null);
    const missing: Record<string, string> = {};
    if (!noted) missing[id('noted')] = m.notedRequired;
    if (needsEnd && !ends) missing[id('ends')] = m.endsRequired;
    if (Object.keys(missing).length) return fail(missing);
    clear();
    setBusy(true);
    try {
      const s = await api.addRiskSignal(caseId, placementId, {
        kind,
        noted_on: noted,
        ...(needsEnd ? { ends_on: ends } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(m.recorded(m.routes[s.suggested_route] ?? s.suggested_route, formatDate(s.follow_up, lang)));
      setNoted('');
      setEnds('');
      setNote('');
      onDone();
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'noted_on' ? id('noted') : err instanceof ApiError && err.field === 'ends_on' ? id('ends') : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form" onSubmit={submit} noValidate>
      <h4 class="utrecht-heading-4">{m.newSignal}</h4>
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      <ErrorSummary errors={errors} order={['_form', id('noted'), id('ends')]} labels={{ [id('noted')]: m.notedOn, [id('ends')]: m.endsOn }} summaryRef={summaryRef} />
      <Select id={id('kind')} label={m.kind} value={kind} onChange={(v) => setKind(v as RiskKind)} options={RISK_KINDS.map((k) => ({ value: k, label: m.kinds[k] ?? k }))} required />
      <TextField id={id('noted')} label={m.notedOn} type="date" value={noted} onInput={setNoted} error={errors[id('noted')]} required />
      {needsEnd && <TextField id={id('ends')} label={m.endsOn} type="date" value={ends} onInput={setEnds} error={errors[id('ends')]} required />}
      <TextArea id={id('note')} label={m.note} hint={m.noteHint} value={note} onInput={setNote} required={false} maxLength={2000} />
      <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {m.record}
      </button>
    </form>
  );
}

export function Goals({ caseId, placementId, canWrite }: Props) {
  const { t } = useI18n();
  const m = t.monitoringSignals;
  const state = useAsync(() => api.goals(caseId, placementId), [caseId, placementId]);
  const reachedText = (r: boolean | null) => m.reached[r === null ? 'open' : r ? 'yes' : 'no'];
  return (
    <section class="sw-section" aria-labelledby={`goals-${placementId}`}>
      <h3 class="utrecht-heading-3" id={`goals-${placementId}`}>
        {m.goalsTitle}
      </h3>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && <p class="utrecht-paragraph">{m.noGoals}</p>}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table sw-table">
            <caption class="utrecht-table__caption">{m.goalsCaption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {[m.goalCol, m.routeCol, m.reachedCol, m.doneCol, m.forwardCol].map((h) => (
                  <th class="utrecht-table__header-cell" scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {state.data.items.map((g) => (
                <tr class="utrecht-table__row" key={g.id}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {g.goal}
                  </th>
                  <td class="utrecht-table__cell">{m.routes[g.route] ?? g.route}</td>
                  <td class="utrecht-table__cell">{reachedText(g.reached)}</td>
                  <td class="utrecht-table__cell">{[g.done_what, g.done_by].filter(Boolean).join(' — ') || '–'}</td>
                  <td class="utrecht-table__cell">{g.take_forward ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && <GoalForm caseId={caseId} placementId={placementId} onDone={state.reload} />}
    </section>
  );
}

function GoalForm({ caseId, placementId, onDone }: { caseId: number; placementId: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const m = t.monitoringSignals;
  const [route, setRoute] = useState<InterventionRoute>('ontwikkel');
  const [goal, setGoal] = useState('');
  const [reached, setReached] = useState('');
  const [doneWhat, setDoneWhat] = useState('');
  const [doneBy, setDoneBy] = useState('');
  const [forward, setForward] = useState('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const id = (f: string) => `goal-${placementId}-${f}`;
  /** Optional texts are left out when empty. */
  const opt = (key: 'done_what' | 'done_by' | 'take_forward', s: string) => (s.trim() ? { [key]: s.trim() } : {});

  const submit = async (e: Event) => {
    e.preventDefault();
    setAdded(false);
    if (!goal.trim()) return fail({ [id('goal')]: m.goalRequired });
    clear();
    setBusy(true);
    try {
      await api.addGoal(caseId, placementId, {
        route,
        goal: goal.trim(),
        reached: reached === '' ? null : reached === 'ja',
        ...opt('done_what', doneWhat),
        ...opt('done_by', doneBy),
        ...opt('take_forward', forward),
      });
      setGoal('');
      setReached('');
      setDoneWhat('');
      setDoneBy('');
      setForward('');
      setAdded(true);
      onDone();
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'goal' ? id('goal') : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form" onSubmit={submit} noValidate>
      <h4 class="utrecht-heading-4">{m.newGoal}</h4>
      {added && (
        <Alert type="ok" live>
          {m.goalAdded}
        </Alert>
      )}
      <ErrorSummary errors={errors} order={['_form', id('goal')]} labels={{ [id('goal')]: m.goal }} summaryRef={summaryRef} />
      <TextField id={id('goal')} label={m.goal} value={goal} onInput={setGoal} error={errors[id('goal')]} required maxLength={2000} />
      <Select id={id('route')} label={m.route} value={route} onChange={(v) => setRoute(v as InterventionRoute)} options={ROUTES.map((r) => ({ value: r, label: m.routes[r] ?? r }))} required />
      <Select
        id={id('reached')}
        label={m.reachedLabel}
        value={reached}
        onChange={setReached}
        options={[
          { value: '', label: m.reached.open! },
          { value: 'ja', label: m.reached.yes! },
          { value: 'nee', label: m.reached.no! },
        ]}
        required={false}
      />
      <TextArea id={id('done-what')} label={m.doneWhat} hint={m.noteHint} value={doneWhat} onInput={setDoneWhat} required={false} maxLength={2000} />
      <TextField id={id('done-by')} label={m.doneBy} value={doneBy} onInput={setDoneBy} required={false} maxLength={200} />
      <TextArea id={id('forward')} label={m.takeForward} value={forward} onInput={setForward} required={false} maxLength={2000} />
      <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {m.addGoal}
      </button>
    </form>
  );
}
