/*
 * Shared decisions (gedeelde besluitvorming, issue 5 item 6): a party
 * proposes a question with options, pros and cons; the employee chooses an
 * option or asks to discuss it; the other parties agree or ask to discuss.
 * Every response stays visible. Everyone in the case, the employer too,
 * reads the texts: each free-text field carries the medical-data warning.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { CaseDetail, Decision, DecisionOption } from '../api/types';
import { ErrorSummary, MedicalWarning, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateTimeText, ErrorAlert, Loading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { formatDate } from '../lib/dates';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

const roleName = (t: Dict, role: string) => (t.roles as Record<string, string>)[role] ?? role;

export function DecisionsSection({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { state } = useSession();
  const userId = state.status === 'auth' ? state.user.id : 0;
  const list = useAsync(() => api.decisions(c.id), [c.id]);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
  };
  return (
    <>
      <p class="utrecht-paragraph">{t.decisions.intro}</p>
      {notice && (
        <Alert type="ok" live>
          {notice}
        </Alert>
      )}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.data.items.length === 0 && <p class="utrecht-paragraph">{t.decisions.empty}</p>}
      {list.status === 'ok' &&
        [...list.data.items].reverse().map((d) => <DecisionCard key={d.id} d={d} c={c} userId={userId} onChange={changed} />)}
      {c.my_role && <ProposeForm caseId={c.id} onDone={changed} />}
    </>
  );
}

function DecisionCard({ d, c, userId, onChange }: { d: Decision; c: CaseDetail; userId: number; onChange: (m: string) => void }) {
  const { t, lang } = useI18n();
  const [failed, setFailed] = useState<string | null>(null);
  const own = c.my_role === 'werknemer';
  const canRespond = !!c.my_role && d.status !== 'ingetrokken' && !(own && d.status === 'aanvaard');
  const canWithdraw = d.proposed_by.id === userId && (d.status === 'voorgesteld' || d.status === 'besproken');
  const chosen = d.chosen_option !== null ? d.options[d.chosen_option] : undefined;

  const withdraw = async () => {
    setFailed(null);
    try {
      await api.withdrawDecision(c.id, d.id);
      onChange(t.decisions.withdrawn);
    } catch (err) {
      setFailed(err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal);
    }
  };

  return (
    <article class="sw-section sw-decision" aria-labelledby={`decision-${d.id}-q`}>
      <h2 class="utrecht-heading-2" id={`decision-${d.id}-q`}>
        {d.question}
      </h2>
      <p class="utrecht-paragraph">
        <strong>
          {t.decisions.statusLabel}: {t.decisions.status[d.status]}
        </strong>
        <br />
        <span class="sw-muted">{t.decisions.proposedBy(d.proposed_by.name ?? '', roleName(t, d.proposed_by.role), formatDate(d.created_at.slice(0, 10), lang))}</span>
      </p>
      {chosen && d.decided_on && (
        <Alert type="ok">{t.decisions.chosenOn(chosen.label, formatDate(d.decided_on, lang))}</Alert>
      )}
      <h3 class="utrecht-heading-3">{t.decisions.optionsHeading}</h3>
      <ol class="sw-cards sw-options">
        {d.options.map((o, i) => (
          <li class={`sw-card${i === d.chosen_option ? ' sw-card--chosen' : ''}`} key={i}>
            <p class="utrecht-paragraph">
              <strong>{o.label}</strong>
              {i === d.chosen_option && <span class="sw-chosen"> ({t.decisions.chosen})</span>}
            </p>
            <dl class="sw-facts">
              {o.pros && (
                <div class="sw-facts__row">
                  <dt>{t.decisions.pros}</dt>
                  <dd>{o.pros}</dd>
                </div>
              )}
              {o.cons && (
                <div class="sw-facts__row">
                  <dt>{t.decisions.cons}</dt>
                  <dd>{o.cons}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ol>
      <h3 class="utrecht-heading-3">{t.decisions.responsesHeading}</h3>
      {d.responses.length === 0 ? (
        <p class="utrecht-paragraph">{t.decisions.noResponses}</p>
      ) : (
        <ul class="utrecht-unordered-list sw-responses">
          {d.responses.map((r) => (
            <li class="utrecht-unordered-list__item" key={r.id}>
              <strong>{t.decisions.responseBy(r.user.name ?? '', roleName(t, r.user.role))}</strong>: {t.decisions.answer[r.answer]}
              {r.option_index !== null && d.options[r.option_index] && ` ${t.decisions.withOption(d.options[r.option_index]!.label)}`}
              {', '}
              <DateTimeText iso={r.created_at} />
              {r.comment && <p class="utrecht-paragraph sw-response__comment">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      {failed && (
        <Alert type="error" live>
          {failed}
        </Alert>
      )}
      {canRespond && <RespondForm d={d} caseId={c.id} own={own} onDone={onChange} />}
      {canWithdraw && (
        <div class="utrecht-button-group sw-actions">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-label={t.decisions.withdrawLabel(d.question)} onClick={() => void withdraw()}>
            {t.decisions.withdraw}
          </button>
        </div>
      )}
    </article>
  );
}

function RespondForm({ d, caseId, own, onDone }: { d: Decision; caseId: number; own: boolean; onDone: (m: string) => void }) {
  const { t, lang } = useI18n();
  const [option, setOption] = useState<number | null>(d.status === 'aanvaard' ? d.chosen_option : null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<{ field: 'option' | 'comment' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `decision-${d.id}`;

  const send = async (answer: 'akkoord' | 'bespreken') => {
    if (answer === 'akkoord' && own && option === null) return setError({ field: 'option', text: t.decisions.optionRequired });
    if (answer === 'bespreken' && !comment.trim()) return setError({ field: 'comment', text: t.decisions.commentRequired });
    setError(null);
    setBusy(true);
    try {
      await api.respondDecision(caseId, d.id, {
        answer,
        option_index: answer === 'akkoord' ? option : null,
        comment: comment.trim() || null,
      });
      onDone(own && answer === 'akkoord' ? t.decisions.accepted : t.decisions.responded);
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'comment' ? 'comment' : err instanceof ApiError && err.field === 'option_index' ? 'option' : 'form';
      setError({ field, text: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  const optionError = error?.field === 'option' ? error.text : undefined;
  const commentError = error?.field === 'comment' ? error.text : undefined;
  return (
    <section class="sw-respond" aria-labelledby={`${base}-respond`}>
      <h3 class="utrecht-heading-3" id={`${base}-respond`}>
        {t.decisions.respondHeading}
      </h3>
      {error?.field === 'form' && (
        <Alert type="error" live>
          {error.text}
        </Alert>
      )}
      <form
        class="utrecht-form sw-form"
        noValidate
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          void send('akkoord');
        }}
      >
        <fieldset
          class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${optionError ? ' utrecht-form-fieldset--invalid' : ''}`}
          aria-describedby={optionError ? `${base}-option-error` : undefined}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{own ? t.decisions.chooseLegend : t.decisions.chooseLegendOther}</legend>
          {optionError && (
            <div class="utrecht-form-field__error-message utrecht-form-field-error-message sw-field-error" id={`${base}-option-error`} role="alert">
              {optionError}
            </div>
          )}
          {d.options.map((o, i) => (
            <div class="utrecht-form-field utrecht-form-field--radio" key={i}>
              <div class="utrecht-form-field__input">
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`${base}-option-${i}`}
                  name={`${base}-option`}
                  checked={option === i}
                  disabled={d.status === 'aanvaard' && i !== d.chosen_option}
                  onChange={() => setOption(i)}
                />
              </div>
              <div class="utrecht-form-field__label utrecht-form-field__label--radio">
                <label class="utrecht-form-label utrecht-form-label--radio" for={`${base}-option-${i}`}>
                  {o.label}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <TextArea
          id={`${base}-comment`}
          label={t.decisions.commentLabel}
          hint={t.decisions.commentHint}
          warning={<MedicalWarning />}
          value={comment}
          onInput={setComment}
          maxLength={2000}
          rows={3}
          error={commentError}
          required={false}
        />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {own ? t.decisions.accept : t.decisions.agree}
          </button>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={() => void send('bespreken')}>
            {t.decisions.discuss}
          </button>
        </div>
      </form>
    </section>
  );
}

const emptyOption = (): DecisionOption => ({ label: '', pros: '', cons: '' });

function ProposeForm({ caseId, onDone }: { caseId: number; onDone: (m: string) => void }) {
  const { t, lang } = useI18n();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<DecisionOption[]>([emptyOption(), emptyOption()]);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labelIds = options.map((_, i) => `option-${i}-label`);

  const set = (i: number, key: keyof DecisionOption, v: string) => setOptions(options.map((o, j) => (j === i ? { ...o, [key]: v } : o)));

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!question.trim()) errs['decision-question'] = t.decisions.questionRequired;
    const seen = new Set<string>();
    options.forEach((o, i) => {
      const label = o.label.trim();
      if (!label) errs[`option-${i}-label`] = t.decisions.optionLabelRequired;
      else if (seen.has(label)) errs[`option-${i}-label`] = t.decisions.optionsDistinct;
      seen.add(label);
    });
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      await api.proposeDecision(
        caseId,
        question.trim(),
        options.map((o) => ({ label: o.label.trim(), pros: o.pros?.trim() || null, cons: o.cons?.trim() || null })),
      );
      setQuestion('');
      setOptions([emptyOption(), emptyOption()]);
      onDone(t.decisions.proposed);
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'question' ? 'decision-question' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="propose-heading">
      <h2 class="utrecht-heading-2" id="propose-heading">
        {t.decisions.proposeHeading}
      </h2>
      <ErrorSummary errors={errors} order={['decision-question', ...labelIds]} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        <TextArea
          id="decision-question"
          label={t.decisions.questionLabel}
          hint={t.decisions.questionHint}
          warning={<MedicalWarning />}
          value={question}
          onInput={setQuestion}
          maxLength={2000}
          rows={2}
          error={errors['decision-question']}
          required
        />
        {options.map((o, i) => (
          <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-option-fieldset" key={i}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.decisions.optionHeading(i + 1)}</legend>
            <TextField id={`option-${i}-label`} label={t.decisions.optionLabel} value={o.label} onInput={(v) => set(i, 'label', v)} maxLength={200} error={errors[`option-${i}-label`]} required />
            <TextArea id={`option-${i}-pros`} label={t.decisions.pros} warning={<MedicalWarning />} value={o.pros ?? ''} onInput={(v) => set(i, 'pros', v)} maxLength={2000} rows={2} required={false} />
            <TextArea id={`option-${i}-cons`} label={t.decisions.cons} warning={<MedicalWarning />} value={o.cons ?? ''} onInput={(v) => set(i, 'cons', v)} maxLength={2000} rows={2} required={false} />
            {options.length > 2 && (
              <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                {t.decisions.removeOption(i + 1)}
              </button>
            )}
          </fieldset>
        ))}
        <div class="utrecht-button-group sw-actions">
          {options.length < 6 && (
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setOptions([...options, emptyOption()])}>
              {t.decisions.addOption}
            </button>
          )}
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {busy ? t.decisions.busy : t.decisions.propose}
          </button>
        </div>
      </form>
    </section>
  );
}
