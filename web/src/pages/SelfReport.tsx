/*
 * The werknemer reports themselves sick (issue 11): "Ik ben ziek" on their
 * home when no case is open, with the first sick day and optionally the
 * expected recovery date; afterwards the page says, in their words, what
 * happens now. The server tells the responsible casemanager.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { ErrorSummary, TextField, type FieldErrors } from '../components/fields';
import { apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { formatDate, parseIsoDate, todayInAmsterdam } from '../lib/dates';
import { href } from '../lib/router';
import { useFormErrors } from '../lib/useFormErrors';

const FIELDS = ['first_sick_day', 'expected_recovery'];

export function SelfReport({ personId }: { personId: number }) {
  const { t, lang } = useI18n();
  const s = t.org.self;
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(todayInAmsterdam());
  const [expected, setExpected] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: number; first: string } | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  if (done)
    return (
      <section aria-labelledby="self-done" class="sw-self-report">
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <div class="utrecht-alert__content">
            <h2 class="utrecht-heading-2" id="self-done">
              {s.doneTitle}
            </h2>
            <p class="utrecht-paragraph">{s.doneText(formatDate(done.first, lang))}</p>
          </div>
        </div>
        <h3 class="utrecht-heading-3">{s.whatNow}</h3>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">{s.whatNow1}</li>
          <li class="utrecht-unordered-list__item">{s.whatNow2}</li>
          <li class="utrecht-unordered-list__item">{s.whatNow3}</li>
        </ul>
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id: done.id })}>
            {s.toCase}
          </a>
        </p>
      </section>
    );

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!first) e.first_sick_day = t.ziekmelding.dateRequired;
    else if (!parseIsoDate(first)) e.first_sick_day = t.ziekmelding.dateInvalid;
    else if (first > todayInAmsterdam()) e.first_sick_day = t.ziekmelding.dateFuture;
    if (expected && (!parseIsoDate(expected) || expected <= first)) e.expected_recovery = t.org.report.expectedRecoveryBefore;
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs = validate();
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const c = await api.reportSick({ person_id: personId, first_sick_day: first, expected_recovery: expected || null });
      setDone({ id: c.id, first });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409 && err.caseId) fail({ _form: s.openAlready });
      else if (err instanceof ApiError) fail({ [err.field && FIELDS.includes(err.field) ? err.field : '_form']: apiErrorText(t, lang, err) });
      else fail({ _form: t.errors.internal });
    }
  };

  return (
    <section aria-labelledby="self-title" class="sw-self-report">
      <h2 class="utrecht-heading-2" id="self-title">
        {s.title}
      </h2>
      <p class="utrecht-paragraph">{s.intro}</p>
      {!open ? (
        <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => setOpen(true)}>
          {s.button}
        </button>
      ) : (
        <>
          <ErrorSummary errors={errors} order={FIELDS} labels={{ first_sick_day: s.firstSickDay, expected_recovery: s.expected }} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
            <TextField id="first_sick_day" type="date" label={s.firstSickDay} hint={s.firstSickDayHint} value={first} onInput={setFirst} error={errors.first_sick_day} size="short" required />
            <TextField id="expected_recovery" type="date" label={s.expected} hint={s.expectedHint} value={expected} onInput={setExpected} error={errors.expected_recovery} size="short" required={false} />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
                {busy ? s.busy : s.submit}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
