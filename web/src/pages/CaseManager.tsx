/*
 * The responsible casemanager of a case (issue 11): who it is and since when,
 * who had the case before (the ended werkgever participations), and for the
 * casemanager the handover to another casemanager of the organisation
 * (choose, confirm). A leidinggevende sees who it is but cannot hand over.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CaseOrgFields } from '../api/org';
import type { CaseDetail, Ref } from '../api/types';
import { ErrorSummary, Select, type FieldErrors } from '../components/fields';
import { Alert, apiErrorText } from '../components/ui';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { useFormErrors } from '../lib/useFormErrors';

type Case = CaseDetail & CaseOrgFields;

export function CaseManagerPanel({ c, onChange }: { c: Case; onChange: () => void }) {
  const { t, lang } = useI18n();
  const x = t.casemanager;
  const d = (iso: string | null) => formatDate(iso, lang, 'medium');
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Ref[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const cm = c.casemanager ?? null;
  const werkgever = c.participants.filter((p) => p.role === 'werkgever');
  const since = cm ? werkgever.filter((p) => p.user.id === cm.id && !p.until).sort((a, b) => a.from.localeCompare(b.from))[0]?.from : undefined;
  const earlier = werkgever.filter((p) => p.until).sort((a, b) => a.from.localeCompare(b.from));
  const mayHandOver = c.my_role === 'werkgever' && c.status === 'open';

  const start = async () => {
    setMessage(null);
    setOpen(true);
    clear();
    try {
      const r = await api.casemanagers(c.organisation.id);
      setChoices(r.items.filter((u) => u.id !== cm?.id));
    } catch (err) {
      setOpen(false);
      fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
  };
  const next = (ev: Event) => {
    ev.preventDefault();
    if (!chosen) return fail({ 'handover-user': x.chooseRequired } as FieldErrors);
    clear();
    setConfirming(true);
  };
  const target = choices?.find((u) => String(u.id) === chosen);
  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await api.handOver(c.id, target.id);
      setMessage(x.done(target.name));
      setOpen(false);
      setConfirming(false);
      setChosen('');
      onChange();
    } catch (err) {
      setConfirming(false);
      fail(err instanceof ApiError && err.field === 'user_id' ? { 'handover-user': apiErrorText(t, lang, err) } : { _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section sw-casemanager" aria-labelledby="casemanager-title">
      <h2 class="utrecht-heading-2" id="casemanager-title">
        {x.title}
      </h2>
      {message && (
        <Alert type="ok" live>
          {message}
        </Alert>
      )}
      <p class="utrecht-paragraph" id="casemanager-current">
        {!cm ? x.none : since ? x.current(cm.name, d(since)) : x.currentNoDate(cm.name)}
      </p>
      {earlier.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{x.historyTitle}</h3>
          <ul class="utrecht-unordered-list sw-casemanager-history">
            {earlier.map((p, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {x.historyItem(p.user.name, d(p.from), d(p.until))}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayHandOver && !open && (
        <>
          <ErrorSummary errors={errors} order={[]} summaryRef={summaryRef} />
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={start}>
            {x.handOver}
          </button>
        </>
      )}
      {mayHandOver && open && choices && (
        <form class="utrecht-form sw-form" onSubmit={next} noValidate method="post" aria-label={x.handOver}>
          <ErrorSummary errors={errors} order={['handover-user']} labels={{ 'handover-user': x.handOverLabel }} summaryRef={summaryRef} />
          {choices.length === 0 ? (
            <p class="utrecht-paragraph">{x.noOthers}</p>
          ) : (
            <Select
              id="handover-user"
              label={x.handOverLabel}
              hint={x.handOverHint}
              value={chosen}
              onChange={(v) => (setChosen(v), setConfirming(false))}
              options={[{ value: '', label: x.choose }, ...choices.map((u) => ({ value: String(u.id), label: u.name }))]}
              error={errors['handover-user']}
              required
            />
          )}
          {confirming && target ? (
            <div class="utrecht-alert utrecht-alert--warning sw-confirm" role="alertdialog" aria-labelledby="handover-confirm-text">
              <div class="utrecht-alert__content">
                <p class="utrecht-paragraph" id="handover-confirm-text">
                  {x.confirm(target.name)}
                </p>
                <div class="utrecht-button-group sw-actions">
                  <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={confirm} disabled={busy}>
                    {busy ? x.busy : x.confirmYes}
                  </button>
                  <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setConfirming(false)}>
                    {x.cancel}
                  </button>
                </div>
              </div>
            </div>
          ) : (
            <div class="utrecht-button-group sw-actions">
              {choices.length > 0 && (
                <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit">
                  {x.next}
                </button>
              )}
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => (setOpen(false), setConfirming(false), clear())}>
                {x.cancel}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
