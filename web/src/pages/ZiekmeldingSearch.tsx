/*
 * Ziekmelding by search (issue 11): the casemanager or leidinggevende finds
 * the employee in the register, then gives the employment (when there are
 * several), the first sick day, the percentage, the expected recovery date
 * and only the fields the Autoriteit Persoonsgegevens allows an employer to
 * record (DOMAIN.md section 3), with the no-medical warning on free text.
 * A second report for an employee with an open case is a 409 naming that
 * case: the page offers to open it.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Person } from '../api/org';
import { Checkbox, ErrorSummary, MedicalWarning, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { PersonCombobox } from '../components/PersonCombobox';
import { PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { formatDate, parseIsoDate, todayInAmsterdam } from '../lib/dates';
import { setFlash } from '../lib/flash';
import { parsePercent } from '../lib/percent';
import { href, navigate } from '../lib/router';
import { useFormErrors } from '../lib/useFormErrors';

const FIELDS = ['person_id', 'employment_id', 'first_sick_day', 'percent', 'expected_recovery', 'verwachte_duur', 'lopende_afspraken', 'contact_phone', 'vangnet', 'arbeidsongeval', 'derde_aansprakelijk'];
const MAX_TEXT = 500;

interface OpenCase {
  id: number;
  name: string;
  since: string | null;
}

export function ZiekmeldingPage({ orgId, team }: { orgId: number; team: boolean }) {
  const { t, lang } = useI18n();
  const [person, setPerson] = useState<Person | null>(null);
  const [employmentId, setEmploymentId] = useState('');
  const [firstSickDay, setFirstSickDay] = useState(todayInAmsterdam());
  const [percent, setPercent] = useState('100');
  const [expected, setExpected] = useState('');
  const [duur, setDuur] = useState('');
  const [afspraken, setAfspraken] = useState('');
  const [telefoon, setTelefoon] = useState('');
  const [vangnet, setVangnet] = useState(false);
  const [ongeval, setOngeval] = useState(false);
  const [derde, setDerde] = useState(false);
  const [busy, setBusy] = useState(false);
  const [openCase, setOpenCase] = useState<OpenCase | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const today = todayInAmsterdam();
  // Employments in force on the first sick day: a choice only when there are several.
  const inForce = (person?.employments ?? []).filter((e) => e.from <= firstSickDay && (e.until === null || firstSickDay <= e.until));
  const chooseEmployment = inForce.length > 1;

  const labels: Record<string, string> = {
    person_id: t.org.search.label,
    employment_id: t.org.report.employment,
    first_sick_day: t.ziekmelding.firstSickDay,
    percent: t.org.report.percent,
    expected_recovery: t.org.report.expectedRecovery,
    verwachte_duur: t.ziekmelding.verwachteDuur,
    lopende_afspraken: t.ziekmelding.lopendeAfspraken,
    contact_phone: t.ziekmelding.telefoon,
    vangnet: t.ziekmelding.vangnet,
    arbeidsongeval: t.ziekmelding.arbeidsongeval,
    derde_aansprakelijk: t.ziekmelding.aansprakelijkeDerde,
  };

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!person) e.person_id = t.org.search.required;
    if (chooseEmployment && !inForce.some((x) => String(x.id) === employmentId)) e.employment_id = t.org.report.employmentRequired;
    if (!firstSickDay) e.first_sick_day = t.ziekmelding.dateRequired;
    else if (!parseIsoDate(firstSickDay)) e.first_sick_day = t.ziekmelding.dateInvalid;
    else if (firstSickDay > today) e.first_sick_day = t.ziekmelding.dateFuture;
    if (parsePercent(percent) === null) e.percent = t.org.report.percentInvalid;
    if (expected) {
      if (!parseIsoDate(expected)) e.expected_recovery = t.ziekmelding.dateInvalid;
      else if (firstSickDay && expected <= firstSickDay) e.expected_recovery = t.org.report.expectedRecoveryBefore;
    }
    if (duur.length > MAX_TEXT) e.verwachte_duur = t.ziekmelding.tooLong(MAX_TEXT);
    if (afspraken.length > MAX_TEXT * 4) e.lopende_afspraken = t.ziekmelding.tooLong(MAX_TEXT * 4);
    if (telefoon.trim() && !/^\+?[0-9][0-9 ()-]{7,19}$/.test(telefoon.trim())) e.contact_phone = t.ziekmelding.phoneInvalid;
    return e;
  };

  /* The 409: name the employee and the first sick day of the open case. */
  const showOpenCase = async (id: number, name: string) => {
    let since: string | null = null;
    try {
      const s = await api.sickness(id);
      since = s.state.first_sick_day;
    } catch {
      /* the notice still names the employee and opens the case */
    }
    setOpenCase({ id, name, since });
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setOpenCase(null);
    const errs = validate();
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const created = await api.reportSick({
        person_id: person!.id,
        ...(chooseEmployment ? { employment_id: Number(employmentId) } : {}),
        first_sick_day: firstSickDay,
        percent: parsePercent(percent)!,
        expected_recovery: expected || null,
        verwachte_duur: duur.trim(),
        lopende_afspraken: afspraken.trim(),
        contact_phone: telefoon.trim(),
        vangnet,
        arbeidsongeval: ongeval,
        derde_aansprakelijk: derde,
      });
      setFlash(t.ziekmelding.success(person!.name));
      navigate({ name: 'case', id: created.id });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409 && err.caseId) {
        await showOpenCase(err.caseId, person!.name);
      } else if (err instanceof ApiError) {
        const field = err.field && FIELDS.includes(err.field) ? err.field : '_form';
        fail({ [field]: apiErrorText(t, lang, err) });
      } else {
        fail({ _form: t.errors.internal });
      }
    }
  };

  const warning = <MedicalWarning />;
  return (
    <div class="sw-narrow">
      <PageHeading title={t.ziekmelding.title}>{t.ziekmelding.title}</PageHeading>
      <p class="utrecht-paragraph">{team ? t.org.report.introTeam : t.org.report.intro}</p>
      {openCase && (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">
              {openCase.since ? t.org.report.openCase(openCase.name, formatDate(openCase.since, lang)) : t.org.report.openCaseNoDate(openCase.name)}{' '}
              {t.org.report.openCaseHelp}
            </p>
            <p class="utrecht-paragraph">
              <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={href({ name: 'case', id: openCase.id })}>
                {t.org.report.openCaseButton}
              </a>
            </p>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} order={FIELDS} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        <PersonCombobox
          id="person_id"
          orgId={orgId}
          label={t.org.search.label}
          hint={t.org.search.hint}
          error={errors.person_id}
          onChoose={(p) => {
            setPerson(p);
            setEmploymentId('');
            setOpenCase(null);
          }}
        />
        {person && (
          <p class="utrecht-paragraph sw-chosen" id="person-chosen">
            {t.org.search.chosen(t.org.search.option(person.name, person.personnel_number, person.department?.name ?? null))}
          </p>
        )}
        <TextField
          id="first_sick_day"
          type="date"
          label={t.ziekmelding.firstSickDay}
          hint={t.ziekmelding.firstSickDayHint}
          value={firstSickDay}
          onInput={setFirstSickDay}
          error={errors.first_sick_day}
          size="short"
          required
        />
        {chooseEmployment && (
          <Select
            id="employment_id"
            label={t.org.report.employment}
            hint={t.org.report.employmentHint}
            value={employmentId}
            onChange={setEmploymentId}
            error={errors.employment_id}
            required
            options={[
              { value: '', label: '' },
              ...inForce.map((e) => ({
                value: String(e.id),
                label: t.org.report.employmentOption(e.functie, formatDate(e.from, lang), e.contract_hours.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')),
              })),
            ]}
          />
        )}
        <TextField
          id="percent"
          label={t.org.report.percent}
          hint={t.org.report.percentHint}
          value={percent}
          onInput={setPercent}
          inputMode="decimal"
          autoComplete="off"
          size="short"
          error={errors.percent}
          required
        />
        <TextField
          id="expected_recovery"
          type="date"
          label={t.org.report.expectedRecovery}
          hint={t.org.report.expectedRecoveryHint}
          value={expected}
          onInput={setExpected}
          error={errors.expected_recovery}
          size="short"
          required={false}
        />
        <TextField
          id="verwachte_duur"
          label={t.ziekmelding.verwachteDuur}
          hint={t.ziekmelding.verwachteDuurHint}
          warning={warning}
          value={duur}
          onInput={setDuur}
          maxLength={MAX_TEXT}
          autoComplete="off"
          error={errors.verwachte_duur}
          required={false}
        />
        <TextArea
          id="lopende_afspraken"
          label={t.ziekmelding.lopendeAfspraken}
          hint={t.ziekmelding.lopendeAfsprakenHint}
          warning={warning}
          value={afspraken}
          onInput={setAfspraken}
          maxLength={MAX_TEXT * 4}
          error={errors.lopende_afspraken}
          required={false}
        />
        <TextField
          id="contact_phone"
          type="tel"
          label={t.ziekmelding.telefoon}
          hint={t.ziekmelding.telefoonHint}
          value={telefoon}
          onInput={setTelefoon}
          autoComplete="off"
          size="tel"
          error={errors.contact_phone}
          required={false}
        />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.ziekmelding.bijzonderheden}</legend>
          <Checkbox id="vangnet" label={t.ziekmelding.vangnet} hint={t.ziekmelding.vangnetHint} checked={vangnet} onChange={setVangnet} error={errors.vangnet} />
          <Checkbox id="arbeidsongeval" label={t.ziekmelding.arbeidsongeval} checked={ongeval} onChange={setOngeval} error={errors.arbeidsongeval} />
          <Checkbox id="derde_aansprakelijk" label={t.ziekmelding.aansprakelijkeDerde} checked={derde} onChange={setDerde} error={errors.derde_aansprakelijk} />
        </fieldset>
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {busy ? t.ziekmelding.busy : t.ziekmelding.submit}
          </button>
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'home' })}>
            {t.caseDetail.back}
          </a>
        </div>
      </form>
    </div>
  );
}
