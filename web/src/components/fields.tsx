/*
 * Form fields in NL Design System markup. Every field has a <label>; hints,
 * warnings and the error message are tied to the control with
 * aria-describedby, and an invalid control gets aria-invalid.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useI18n } from '../i18n';

interface Common {
  id: string;
  label: string;
  hint?: string;
  /** Shown as a warning description, e.g. "Vul hier geen medische gegevens in". */
  warning?: ComponentChildren;
  error?: string;
  required?: boolean;
}

function describedBy(c: Common): string | undefined {
  const ids = [c.hint && `${c.id}-hint`, c.warning && `${c.id}-warning`, c.error && `${c.id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Descriptions(c: Common) {
  return (
    <>
      {c.hint && (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${c.id}-hint`}>
          {c.hint}
        </div>
      )}
      {c.warning && (
        <div
          class="utrecht-form-field__description utrecht-form-field-description utrecht-form-field-description--warning sw-field-warning"
          id={`${c.id}-warning`}
        >
          {c.warning}
        </div>
      )}
      {c.error && (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message sw-field-error" id={`${c.id}-error`}>
          {c.error}
        </div>
      )}
    </>
  );
}

function Label({ id, label, required }: Common) {
  const { t } = useI18n();
  return (
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={id}>
        {label}
        {required === false && <span class="sw-optional"> {t.app.optional}</span>}
      </label>
    </div>
  );
}

type InputProps = Common & {
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'number';
  autoComplete?: string;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  size?: 'tel' | 'short';
};

export function TextField(p: InputProps) {
  const cls = ['utrecht-textbox', 'utrecht-textbox--html-input', p.error && 'utrecht-textbox--invalid', p.size === 'tel' && 'utrecht-textbox--tel-size', p.size === 'short' && 'sw-textbox--short']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${p.error ? ' utrecht-form-field--invalid' : ''}`}>
      <Label {...p} />
      <Descriptions {...p} />
      <div class="utrecht-form-field__input">
        <input
          id={p.id}
          name={p.id}
          class={cls}
          type={p.type ?? 'text'}
          value={p.value}
          onInput={(e) => p.onInput(e.currentTarget.value)}
          required={p.required}
          aria-required={p.required ? 'true' : undefined}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p)}
          autoComplete={p.autoComplete}
          inputMode={p.inputMode}
          maxLength={p.maxLength}
        />
      </div>
    </div>
  );
}

type TextAreaProps = Common & { value: string; onInput: (v: string) => void; rows?: number; maxLength?: number };

export function TextArea(p: TextAreaProps) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--textarea${p.error ? ' utrecht-form-field--invalid' : ''}`}>
      <Label {...p} />
      <Descriptions {...p} />
      <div class="utrecht-form-field__input">
        <textarea
          id={p.id}
          name={p.id}
          class={`utrecht-textarea utrecht-textarea--html-textarea${p.error ? ' utrecht-textarea--invalid' : ''}`}
          value={p.value}
          rows={p.rows ?? 4}
          onInput={(e) => p.onInput(e.currentTarget.value)}
          required={p.required}
          aria-required={p.required ? 'true' : undefined}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p)}
          maxLength={p.maxLength}
        />
      </div>
    </div>
  );
}

type CheckboxProps = Omit<Common, 'required'> & { checked: boolean; onChange: (v: boolean) => void };

export function Checkbox(p: CheckboxProps) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${p.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={p.id}>
          {p.label}
        </label>
      </div>
      <Descriptions {...p} />
      <div class="utrecht-form-field__input">
        <input
          id={p.id}
          name={p.id}
          type="checkbox"
          class={`utrecht-checkbox utrecht-checkbox--html-input${p.error ? ' utrecht-checkbox--invalid' : ''}`}
          checked={p.checked}
          onChange={(e) => p.onChange(e.currentTarget.checked)}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p)}
        />
      </div>
    </div>
  );
}

type SelectProps = Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] };

export function Select(p: SelectProps) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--select${p.error ? ' utrecht-form-field--invalid' : ''}`}>
      <Label {...p} />
      <Descriptions {...p} />
      <div class="utrecht-form-field__input">
        <select
          id={p.id}
          name={p.id}
          class={`utrecht-select utrecht-select--html-select${p.error ? ' utrecht-select--invalid' : ''}`}
          value={p.value}
          onChange={(e) => p.onChange(e.currentTarget.value)}
          required={p.required}
          aria-required={p.required ? 'true' : undefined}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p)}
        >
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** "Vul hier geen medische gegevens in" on free-text fields the employer can read. */
export function MedicalWarning() {
  const { t } = useI18n();
  return (
    <>
      <strong>{t.form.medicalWarning}.</strong> {t.form.medicalWarningDetail}
    </>
  );
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * Error summary at the top of a form (focus moves here on a failed submit);
 * each entry links to its field.
 */
export function ErrorSummary({ errors, order, labels, summaryRef }: {
  errors: FieldErrors;
  order: string[];
  labels?: Partial<Record<string, string>>;
  summaryRef: { current: HTMLDivElement | null };
}) {
  const { t } = useI18n();
  const entries = order.filter((k) => errors[k]).map((k) => [k, errors[k]!] as const);
  const general = errors._form;
  if (!entries.length && !general) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error sw-error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <h2 class="utrecht-heading-2 sw-error-summary__title" id="error-summary-title">
            {t.form.errorSummaryTitle}
          </h2>
          {general && <p class="utrecht-paragraph">{general}</p>}
          {entries.length > 0 && (
            <>
              <p class="utrecht-paragraph">{t.form.errorSummaryIntro(entries.length)}</p>
              <ul class="utrecht-unordered-list">
                {entries.map(([field, msg]) => (
                  <li class="utrecht-unordered-list__item" key={field}>
                    <a
                      class="utrecht-link utrecht-link--html-a"
                      href={`#${field}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(field)?.focus();
                      }}
                    >
                      {labels?.[field] ? `${labels[field]}: ${msg}` : msg}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
