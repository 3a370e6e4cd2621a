/*
 * Typeahead on the register (GET /api/v1/organisations/{id}/persons?q=), as a
 * WAI-ARIA 1.2 combobox with a listbox popup: arrow keys move the active
 * option (aria-activedescendant), Enter chooses, Escape closes; the number
 * of results is announced in a polite live region. Each option shows the
 * name, the personnel number and the department.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Person } from '../api/org';
import { useI18n } from '../i18n';

const MIN_CHARS = 2;
const DELAY_MS = 200;

interface Props {
  id: string;
  orgId: number;
  label: string;
  hint: string;
  error?: string;
  onChoose: (p: Person) => void;
}

export function PersonCombobox({ id, orgId, label, hint, error, onChoose }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [items, setItems] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (q.length < MIN_CHARS) {
      setItems([]);
      setOpen(false);
      setAnnounce(q.length > 0 ? t.org.search.minChars : '');
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setAnnounce(t.org.search.searching);
      api
        .persons(orgId, { q, perPage: 10 })
        .then((page) => {
          if (mine !== seq.current) return; // a later keystroke won
          setItems(page.items);
          setOpen(true);
          setActive(-1);
          setAnnounce(t.org.search.results(page.items.length));
        })
        .catch(() => {
          if (mine === seq.current) setAnnounce(t.errors.internal);
        });
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, orgId]);

  const choose = (p: Person) => {
    setOpen(false);
    setText(p.name);
    setActive(-1);
    onChoose(p);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && items.length) setOpen(true);
      setActive((a) => (items.length ? (a + 1) % items.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (items.length ? (a <= 0 ? items.length - 1 : a - 1) : -1));
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && items[active]) {
        e.preventDefault();
        choose(items[active]!);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  const listId = `${id}-listbox`;
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const expanded = open && items.length > 0;
  return (
    <div class={`utrecht-form-field utrecht-form-field--text sw-combobox${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id} id={`${id}-label`}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>
        {hint}
      </div>
      {error && (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message sw-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input sw-combobox__wrap">
        <input
          id={id}
          name={id}
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${items[active]!.id}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          aria-required="true"
          autoComplete="off"
          spellcheck={false}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-labelledby={`${id}-label`} class="sw-combobox__list" hidden={!expanded}>
          {items.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${p.id}`}
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              class={`sw-combobox__option${i === active ? ' sw-combobox__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(p)}
            >
              <span class="sw-combobox__name">{p.name}</span>{' '}
              <span class="sw-combobox__meta">
                {t.org.search.personnelNumber} {p.personnel_number}
                {p.department ? ` · ${p.department.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div class="sw-visually-hidden" role="status" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}
