/*
 * The forms of the sickness history (issue 11) for the casemanager and the
 * leidinggevende: hersteldmelding (full with an end reason, or partial with
 * the percentage still sick), change of percentage from a date, correction
 * of a mutation with a reason, withdrawal with a reason and a confirmation.
 * Each sends one call; the server's 422 appears next to the field it names.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { END_REASONS, type EndReason, type Mutation, type Sickness } from '../api/org';
import { ErrorSummary, MedicalWarning, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, apiErrorText } from '../components/ui';
import { useI18n, type Dict } from '../i18n';
import { formatDate, parseIsoDate, todayInAmsterdam, type Lang } from '../lib/dates';
import { formatPercent, parsePercent } from '../lib/percent';
import { useFormErrors } from '../lib/useFormErrors';

/** What a finished form hands back: the new sickness and the sentence to announce. */
export type Done = (s: Sickness, message: string) => void;

const F = { date: 'sick-date', percent: 'sick-percent', end_reason: 'sick-end-reason', expected_recovery: 'sick-expected', reason: 'sick-reason' } as const;
const ORDER = Object.values(F) as string[];

/** The name of a mutation's kind, as the list shows it ("Gedeeltelijk hersteld"). */
export function kindLabel(t: Dict, m: Pick<Mutation, 'kind' | 'percent'>): string {
  const s = t.sickness;
  if (m.kind === 'ziekmelding') return s.kindZiekmelding;
  if (m.kind === 'wijziging') return s.kindWijziging;
  return m.percent ? s.kindHerstelPartial : s.kindHerstelFull;
}

/** The percentage as it is typed in Dutch: 50.5 -> "50,5". */
function percentInput(n: number | null, lang: Lang): string {
  return n === null ? '' : formatPercent(n, lang).replace('%', '');
}

function dateError(t: Dict, v: string): string | undefined {
  if (!v) return t.sickness.dateRequired;
  if (!parseIsoDate(v)) return t.sickness.dateInvalid;
  return undefined;
}

/** A refusal of the server next to its field; anything else above the form. */
function serverErrors(t: Dict, lang: Lang, err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return { _form: t.errors.internal };
  const s = t.sickness;
  if (err.status === 422 || err.status === 400) {
    if (err.field === 'date') return { [F.date]: s.serverDate };
    if (err.field === 'percent') return { [F.percent]: s.serverPercent };
    if (err.field === 'end_reason') return { [F.end_reason]: s.serverEndReason };
    if (err.field === 'reason') return { [F.reason]: s.reasonRequired };
    if (err.field === 'expected_recovery') return { [F.expected_recovery]: s.serverDate };
  }
  return { _form: apiErrorText(t, lang, err) };
}

function useSubmit(onDone: Done) {
  const { t, lang } = useI18n();
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const run = async (errs: FieldErrors, call: () => Promise<Sickness>, message: (s: Sickness) => string) => {
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    setBusy(true);
    try {
      const s = await call();
      onDone(s, message(s));
    } catch (err) {
      setBusy(false);
      form.fail(serverErrors(t, lang, err));
    }
  };
  return { ...form, busy, run };
}

function Buttons({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="utrecht-button-group sw-actions">
      <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
        {busy ? t.sickness.busy : submit}
      </button>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
        {t.sickness.cancel}
      </button>
    </div>
  );
}

function EndReasonSelect({ value, onChange, error }: { value: EndReason; onChange: (v: EndReason) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <Select
      id={F.end_reason}
      label={t.sickness.endReasonLabel}
      value={value}
      onChange={(v) => onChange(v as EndReason)}
      options={END_REASONS.map((r) => ({ value: r, label: t.sickness.endReasons[r] }))}
      error={error}
      required
    />
  );
}

export function HerstelForm({ caseId, onDone, onCancel }: { caseId: number; onDone: Done; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const s = t.sickness;
  const [full, setFull] = useState(true);
  const [date, setDate] = useState(todayInAmsterdam());
  const [percent, setPercent] = useState('');
  const [reason, setReason] = useState<EndReason>('hersteld');
  const f = useSubmit(onDone);
  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    const de = dateError(t, date);
    if (de) errs[F.date] = de;
    const pct = full ? 0 : parsePercent(percent);
    if (pct === null || (!full && pct >= 100)) errs[F.percent] = s.stillSickInvalid;
    void f.run(
      errs,
      () => api.addMutation(caseId, full ? { kind: 'herstel', date, percent: 0, end_reason: reason } : { kind: 'herstel', date, percent: pct! }),
      (r) => (r.state.sick ? s.herstelDone(formatDate(date, lang, 'medium')) : s.closedDone(formatDate(date, lang, 'medium'))),
    );
  };
  return (
    <form class="utrecht-form sw-form sw-sickness-form" onSubmit={submit} noValidate method="post" aria-labelledby="herstel-title">
      <h3 class="utrecht-heading-3" id="herstel-title">
        {s.herstelTitle}
      </h3>
      <ErrorSummary errors={f.errors} order={ORDER} labels={{ [F.date]: s.herstelDate, [F.percent]: s.stillSickPercent, [F.end_reason]: s.endReasonLabel }} summaryRef={f.summaryRef} />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{s.herstelLegend}</legend>
        {([true, false] as const).map((v) => (
          <div class="utrecht-form-field utrecht-form-field--radio" key={String(v)}>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={`herstel-${v ? 'full' : 'partial'}`}
                name="herstel-kind"
                checked={full === v}
                onChange={() => setFull(v)}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--radio">
              <label class="utrecht-form-label utrecht-form-label--radio" for={`herstel-${v ? 'full' : 'partial'}`}>
                {v ? s.herstelFull : s.herstelPartial}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <TextField id={F.date} type="date" label={s.herstelDate} hint={s.herstelDateHint} value={date} onInput={setDate} error={f.errors[F.date]} size="short" required />
      {full ? (
        <EndReasonSelect value={reason} onChange={setReason} error={f.errors[F.end_reason]} />
      ) : (
        <TextField id={F.percent} label={s.stillSickPercent} hint={s.stillSickPercentHint} value={percent} onInput={setPercent} error={f.errors[F.percent]} inputMode="decimal" size="short" required />
      )}
      <Buttons submit={s.herstelSubmit} busy={f.busy} onCancel={onCancel} />
    </form>
  );
}

export function WijzigingForm({ caseId, onDone, onCancel }: { caseId: number; onDone: Done; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const s = t.sickness;
  const [date, setDate] = useState(todayInAmsterdam());
  const [percent, setPercent] = useState('');
  const [expected, setExpected] = useState('');
  const f = useSubmit(onDone);
  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    const de = dateError(t, date);
    if (de) errs[F.date] = de;
    const pct = parsePercent(percent);
    if (pct === null) errs[F.percent] = s.percentInvalid;
    if (expected && !parseIsoDate(expected)) errs[F.expected_recovery] = s.dateInvalid;
    void f.run(
      errs,
      () => api.addMutation(caseId, { kind: 'wijziging', date, percent: pct!, expected_recovery: expected || null }),
      () => s.wijzigingDone(formatPercent(pct!, lang), formatDate(date, lang, 'medium')),
    );
  };
  return (
    <form class="utrecht-form sw-form sw-sickness-form" onSubmit={submit} noValidate method="post" aria-labelledby="wijziging-title">
      <h3 class="utrecht-heading-3" id="wijziging-title">
        {s.wijzigingTitle}
      </h3>
      <ErrorSummary errors={f.errors} order={ORDER} labels={{ [F.date]: s.wijzigingDate, [F.percent]: s.newPercent, [F.expected_recovery]: s.expectedRecovery }} summaryRef={f.summaryRef} />
      <TextField id={F.date} type="date" label={s.wijzigingDate} hint={s.wijzigingDateHint} value={date} onInput={setDate} error={f.errors[F.date]} size="short" required />
      <TextField id={F.percent} label={s.newPercent} hint={s.percentHint} value={percent} onInput={setPercent} error={f.errors[F.percent]} inputMode="decimal" size="short" required />
      <TextField id={F.expected_recovery} type="date" label={s.expectedRecovery} hint={s.expectedRecoveryHint} value={expected} onInput={setExpected} error={f.errors[F.expected_recovery]} size="short" required={false} />
      <Buttons submit={s.wijzigingSubmit} busy={f.busy} onCancel={onCancel} />
    </form>
  );
}

/** m carries the values in force (the latest correction folded in); id is the original mutation's. */
export function CorrectionForm({ caseId, m, onDone, onCancel }: { caseId: number; m: Mutation; onDone: Done; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const s = t.sickness;
  const fullHerstel = m.kind === 'herstel' && !m.percent;
  const [date, setDate] = useState(m.date);
  const [percent, setPercent] = useState(percentInput(m.percent, lang));
  const [endReason, setEndReason] = useState<EndReason>(m.end_reason ?? 'hersteld');
  const [reason, setReason] = useState('');
  const f = useSubmit(onDone);
  const what = kindLabel(t, m);
  const dateLabel = m.kind === 'ziekmelding' ? s.correctFirstDay : s.correctDate;
  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    const de = dateError(t, date);
    if (de) errs[F.date] = de;
    const pct = fullHerstel ? null : parsePercent(percent);
    if (!fullHerstel && pct === null) errs[F.percent] = s.percentInvalid;
    if (!reason.trim()) errs[F.reason] = s.reasonRequired;
    const body: { date?: string; percent?: number; end_reason?: EndReason; reason: string } = { reason: reason.trim() };
    if (date !== m.date) body.date = date;
    if (pct !== null && pct !== m.percent) body.percent = pct;
    if (fullHerstel && endReason !== m.end_reason) body.end_reason = endReason;
    if (!Object.keys(errs).length && Object.keys(body).length === 1) errs._form = s.correctNothing;
    void f.run(errs, () => api.correctMutation(caseId, m.id, body), () => s.correctDone);
  };
  const title = s.correctTitle(what, formatDate(m.date, lang, 'medium'));
  return (
    <form class="utrecht-form sw-form sw-sickness-form" onSubmit={submit} noValidate method="post" aria-label={title}>
      <h4 class="utrecht-heading-4">{title}</h4>
      <ErrorSummary errors={f.errors} order={ORDER} labels={{ [F.date]: dateLabel, [F.percent]: s.correctPercent, [F.end_reason]: s.endReasonLabel, [F.reason]: s.correctReason }} summaryRef={f.summaryRef} />
      <TextField id={F.date} type="date" label={dateLabel} value={date} onInput={setDate} error={f.errors[F.date]} size="short" required />
      {fullHerstel ? (
        <EndReasonSelect value={endReason} onChange={setEndReason} error={f.errors[F.end_reason]} />
      ) : (
        <TextField id={F.percent} label={m.kind === 'herstel' ? s.stillSickPercent : s.correctPercent} hint={s.percentHint} value={percent} onInput={setPercent} error={f.errors[F.percent]} inputMode="decimal" size="short" required />
      )}
      <TextArea id={F.reason} label={s.correctReason} hint={s.correctReasonHint} warning={<MedicalWarning />} value={reason} onInput={setReason} error={f.errors[F.reason]} rows={2} maxLength={4000} required />
      <Buttons submit={s.correctSubmit} busy={f.busy} onCancel={onCancel} />
    </form>
  );
}

/** Withdrawal in two steps: the reason, then a confirmation that says what follows. */
export function WithdrawalForm({ caseId, m, opensCase, employee, onDone, onCancel }: {
  caseId: number;
  m: Mutation;
  opensCase: boolean;
  employee: string;
  onDone: Done;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const s = t.sickness;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const f = useSubmit(onDone);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  const what = kindLabel(t, m);
  const when = formatDate(m.date, lang, 'medium');
  const next = (ev: Event) => {
    ev.preventDefault();
    if (!reason.trim()) return f.fail({ [F.reason]: s.reasonRequired });
    f.clear();
    setConfirming(true);
  };
  const confirm = () => {
    setConfirming(false);
    void f.run({}, () => api.withdrawMutation(caseId, m.id, reason.trim()), () => s.withdrawDone);
  };
  const title = s.withdrawTitle(what, when);
  return (
    <form class="utrecht-form sw-form sw-sickness-form" onSubmit={next} noValidate method="post" aria-label={title}>
      <h4 class="utrecht-heading-4">{title}</h4>
      <ErrorSummary errors={f.errors} order={ORDER} labels={{ [F.reason]: s.withdrawReason }} summaryRef={f.summaryRef} />
      <p class="utrecht-paragraph">{s.withdrawIntro}</p>
      {opensCase && <Alert type="warning">{s.withdrawCaseWarning}</Alert>}
      <TextArea id={F.reason} label={s.withdrawReason} hint={s.withdrawReasonHint} warning={<MedicalWarning />} value={reason} onInput={setReason} error={f.errors[F.reason]} rows={2} maxLength={4000} required />
      {confirming ? (
        <div class="utrecht-alert utrecht-alert--warning sw-confirm" role="alertdialog" aria-labelledby="withdraw-confirm-title" aria-describedby="withdraw-confirm-text">
          <div class="utrecht-alert__content">
            <h5 class="utrecht-heading-5" id="withdraw-confirm-title">
              {s.confirmTitle}
            </h5>
            <p class="utrecht-paragraph" id="withdraw-confirm-text">
              {opensCase ? s.confirmCase(employee) : s.confirmMutation(what, when)}
            </p>
            <div class="utrecht-button-group sw-actions">
              <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={confirm} ref={yes}>
                {s.confirmYes}
              </button>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setConfirming(false)}>
                {s.cancel}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <Buttons submit={f.busy ? s.busy : s.withdrawNext} busy={f.busy} onCancel={onCancel} />
      )}
    </form>
  );
}
