/*
 * The forms of the register (issue 11): a person's details (new or changed)
 * and an employment. Checked here first for the obvious; the server's 409 and
 * 422 come back next to the field they name, in Dutch words, since the
 * server's own messages are English developer texts.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { EmploymentInput, Person, PersonInput } from '../api/org';
import { ErrorSummary, Select, TextField, type FieldErrors } from '../components/fields';
import { PersonCombobox } from '../components/PersonCombobox';
import { useI18n, type Dict } from '../i18n';
import { parseIsoDate } from '../lib/dates';
import { useFormErrors } from '../lib/useFormErrors';
import { useAsync } from '../lib/useAsync';

/** Hours per week: above 0, at most 168, a decimal comma or point, two decimals at most. */
export function parseHours(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 168 ? n : null;
}

const hoursText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

/* The server names fields as its JSON does; the form's ids are the same, an employment's with a prefix. */
function serverError(t: Dict, err: unknown, labels: Record<string, string>, prefix = ''): FieldErrors {
  if (!(err instanceof ApiError)) return { _form: t.errors.internal };
  const raw = err.field.replace(/^employment\./, prefix);
  const field = labels[raw] ? raw : labels[prefix + raw] ? prefix + raw : '';
  if (err.status === 409 && labels.personnel_number && (field === 'personnel_number' || field === '')) return { personnel_number: t.register.personnelNumberTaken };
  if (field && (err.status === 422 || err.status === 400 || err.status === 409)) return { [field]: t.register.fieldInvalid(labels[field]!) };
  return { _form: t.errors[err.code] ?? t.errors.internal };
}

interface EmploymentFields {
  from: string;
  until: string;
  contract: string;
  norm: string;
  functie: string;
}

function checkEmployment(t: Dict, e: EmploymentFields, prefix: string, withUntil: boolean): FieldErrors {
  const errs: FieldErrors = {};
  if (!e.from) errs[`${prefix}from`] = t.register.required(t.register.from);
  else if (!parseIsoDate(e.from)) errs[`${prefix}from`] = t.register.dateInvalid;
  const c = parseHours(e.contract);
  const n = parseHours(e.norm);
  if (c === null) errs[`${prefix}contract_hours`] = t.register.hoursInvalid;
  if (n === null) errs[`${prefix}norm_hours`] = t.register.hoursInvalid;
  if (c !== null && n !== null && c > n) errs[`${prefix}contract_hours`] = t.register.hoursOrder;
  if (withUntil && e.until) {
    if (!parseIsoDate(e.until)) errs[`${prefix}until`] = t.register.dateInvalid;
    else if (e.from && e.until < e.from) errs[`${prefix}until`] = t.register.untilBefore;
  }
  return errs;
}

function employmentInput(e: EmploymentFields, withUntil: boolean): EmploymentInput {
  return {
    from: e.from,
    ...(withUntil && e.until ? { until: e.until } : {}),
    contract_hours: parseHours(e.contract)!,
    norm_hours: parseHours(e.norm)!,
    ...(e.functie.trim() ? { functie: e.functie.trim() } : {}),
  };
}

function EmploymentInputs({ prefix, e, set, errors, withUntil }: { prefix: string; e: EmploymentFields; set: (f: Partial<EmploymentFields>) => void; errors: FieldErrors; withUntil: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField id={`${prefix}from`} type="date" label={t.register.from} value={e.from} onInput={(v) => set({ from: v })} error={errors[`${prefix}from`]} size="short" required />
      {withUntil && (
        <TextField id={`${prefix}until`} type="date" label={t.register.until} hint={t.register.untilHint} value={e.until} onInput={(v) => set({ until: v })} error={errors[`${prefix}until`]} size="short" required={false} />
      )}
      <TextField id={`${prefix}contract_hours`} label={t.register.contractHours} value={e.contract} onInput={(v) => set({ contract: v })} inputMode="decimal" autoComplete="off" error={errors[`${prefix}contract_hours`]} size="short" required />
      <TextField id={`${prefix}norm_hours`} label={t.register.normHours} hint={t.register.normHoursHint} value={e.norm} onInput={(v) => set({ norm: v })} inputMode="decimal" autoComplete="off" error={errors[`${prefix}norm_hours`]} size="short" required />
      <TextField id={`${prefix}functie`} label={t.register.functie} value={e.functie} onInput={(v) => set({ functie: v })} autoComplete="off" error={errors[`${prefix}functie`]} required={false} />
    </>
  );
}

/** A person's details; without `person` a new one with an optional first employment. */
export function PersonForm({ orgId, person, onSaved }: { orgId: number; person?: Person; onSaved: (p: Person) => void }) {
  const { t } = useI18n();
  const departments = useAsync(() => api.departments(orgId), [orgId]);
  const [number, setNumber] = useState(person?.personnel_number ?? '');
  const [name, setName] = useState(person?.name ?? '');
  const [birth, setBirth] = useState(person?.birth_date ?? '');
  const [dept, setDept] = useState(person?.department ? String(person.department.id) : '');
  const [manager, setManager] = useState<{ id: number; name: string } | null>(person?.manager ?? null);
  const [email, setEmail] = useState(person?.email ?? '');
  const [emp, setEmp] = useState<EmploymentFields>({ from: '', until: '', contract: '', norm: '', functie: '' });
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const isNew = !person;
  const withEmployment = isNew && (emp.from !== '' || emp.contract !== '' || emp.norm !== '');

  const labels: Record<string, string> = {
    personnel_number: t.register.personnelNumber,
    name: t.register.name,
    birth_date: t.register.birthDate,
    department_id: t.register.department,
    manager_id: t.register.manager,
    email: t.register.email,
    'emp-from': t.register.from,
    'emp-contract_hours': t.register.contractHours,
    'emp-norm_hours': t.register.normHours,
    'emp-functie': t.register.functie,
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    let errs: FieldErrors = {};
    if (!number.trim()) errs.personnel_number = t.register.required(t.register.personnelNumber);
    if (!name.trim()) errs.name = t.register.required(t.register.name);
    if (birth && !parseIsoDate(birth)) errs.birth_date = t.register.dateInvalid;
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errs.email = t.register.emailInvalid;
    if (withEmployment) errs = { ...errs, ...checkEmployment(t, emp, 'emp-', false) };
    if (Object.keys(errs).length) return fail(errs);
    clear();
    const body: PersonInput = {
      personnel_number: number.trim(),
      name: name.trim(),
      birth_date: birth || null,
      department_id: dept ? Number(dept) : null,
      manager_id: manager?.id ?? null,
      email: email.trim() || null,
      ...(withEmployment ? { employment: employmentInput(emp, false) } : {}),
    };
    setBusy(true);
    try {
      const saved = person ? await api.changePerson(person.id, body) : await api.addPerson(orgId, body);
      setBusy(false);
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      fail(serverError(t, err, labels, 'emp-'));
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} order={Object.keys(labels)} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        <TextField id="personnel_number" label={t.register.personnelNumber} hint={t.register.personnelNumberHint} value={number} onInput={setNumber} autoComplete="off" size="short" error={errors.personnel_number} required />
        <TextField id="name" label={t.register.name} value={name} onInput={setName} autoComplete="off" error={errors.name} required />
        <TextField id="birth_date" type="date" label={t.register.birthDate} value={birth} onInput={setBirth} size="short" error={errors.birth_date} required={false} />
        <Select
          id="department_id"
          label={t.register.department}
          value={dept}
          onChange={setDept}
          error={errors.department_id}
          options={[{ value: '', label: t.register.departmentNone }, ...(departments.status === 'ok' ? departments.data.items.map((d) => ({ value: String(d.id), label: d.name })) : [])]}
        />
        <PersonCombobox id="manager_id" orgId={orgId} label={t.register.manager} hint={t.register.managerHint} error={errors.manager_id} onChoose={(p) => setManager({ id: p.id, name: p.name })} />
        {manager && (
          <p class="utrecht-paragraph">
            {t.register.managerNow(manager.name)}{' '}
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setManager(null)}>
              {t.register.managerClear}
            </button>
          </p>
        )}
        <TextField id="email" type="email" label={t.register.email} hint={t.register.emailHint} value={email} onInput={setEmail} autoComplete="off" error={errors.email} required={false} />
        {isNew && (
          <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.register.firstEmployment}</legend>
            <EmploymentInputs prefix="emp-" e={emp} set={(f) => setEmp((x) => ({ ...x, ...f }))} errors={errors} withUntil={false} />
          </fieldset>
        )}
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {busy ? t.register.saving : t.register.save}
          </button>
        </div>
      </form>
    </>
  );
}

/** A new employment of a person. */
export function EmploymentForm({ person, onSaved }: { person: Person; onSaved: () => void }) {
  const { t } = useI18n();
  const [emp, setEmp] = useState<EmploymentFields>({ from: '', until: '', contract: '', norm: hoursText(person.employments[0]?.norm_hours), functie: '' });
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labels: Record<string, string> = {
    'new-from': t.register.from,
    'new-until': t.register.until,
    'new-contract_hours': t.register.contractHours,
    'new-norm_hours': t.register.normHours,
    'new-functie': t.register.functie,
  };
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs = checkEmployment(t, emp, 'new-', true);
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      await api.addEmployment(person.id, employmentInput(emp, true));
      setBusy(false);
      setEmp({ from: '', until: '', contract: '', norm: emp.norm, functie: '' });
      onSaved();
    } catch (err) {
      setBusy(false);
      fail(serverError(t, err, labels, 'new-'));
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} order={Object.keys(labels)} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post" aria-labelledby="employment-form-title">
        <h3 class="utrecht-heading-3" id="employment-form-title">
          {t.register.addEmployment}
        </h3>
        <EmploymentInputs prefix="new-" e={emp} set={(f) => setEmp((x) => ({ ...x, ...f }))} errors={errors} withUntil />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            {busy ? t.register.saving : t.register.addEmployment}
          </button>
        </div>
      </form>
    </>
  );
}
