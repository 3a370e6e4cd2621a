/*
 * Ziekmelding by the employer: only the fields the Autoriteit Persoonsgegevens
 * allows an employer to record (DOMAIN.md section 3), and the warning
 * "Vul hier geen medische gegevens in" on every free-text field.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { Checkbox, ErrorSummary, MedicalWarning, TextArea, TextField, type FieldErrors } from '../components/fields';
import { PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { parseIsoDate, todayInAmsterdam } from '../lib/dates';
import { setFlash } from '../lib/flash';
import { href, navigate } from '../lib/router';
import { useFormErrors } from '../lib/useFormErrors';

const FIELDS = ['employee_id', 'first_sick_day', 'verwachte_duur', 'lopende_afspraken', 'contact_phone', 'vangnet', 'arbeidsongeval', 'derde_aansprakelijk'];
const MAX_TEXT = 500;

export function ZiekmeldingPage() {
  const { t, lang } = useI18n();
  const [employeeId, setEmployeeId] = useState('');
  const [firstSickDay, setFirstSickDay] = useState(todayInAmsterdam());
  const [duur, setDuur] = useState('');
  const [afspraken, setAfspraken] = useState('');
  const [telefoon, setTelefoon] = useState('');
  const [vangnet, setVangnet] = useState(false);
  const [ongeval, setOngeval] = useState(false);
  const [derde, setDerde] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const labels: Record<string, string> = {
    employee_id: t.ziekmelding.employee,
    first_sick_day: t.ziekmelding.firstSickDay,
    verwachte_duur: t.ziekmelding.verwachteDuur,
    lopende_afspraken: t.ziekmelding.lopendeAfspraken,
    contact_phone: t.ziekmelding.telefoon,
    vangnet: t.ziekmelding.vangnet,
    arbeidsongeval: t.ziekmelding.arbeidsongeval,
    derde_aansprakelijk: t.ziekmelding.aansprakelijkeDerde,
  };

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    const id = employeeId.trim();
    if (!id) e.employee_id = t.ziekmelding.employeeRequired;
    else if (!/^\d{1,12}$/.test(id)) e.employee_id = t.ziekmelding.employeeInvalid;
    if (!firstSickDay) e.first_sick_day = t.ziekmelding.dateRequired;
    else if (!parseIsoDate(firstSickDay)) e.first_sick_day = t.ziekmelding.dateInvalid;
    else if (firstSickDay > todayInAmsterdam()) e.first_sick_day = t.ziekmelding.dateFuture;
    if (duur.length > MAX_TEXT) e.verwachte_duur = t.ziekmelding.tooLong(MAX_TEXT);
    if (afspraken.length > MAX_TEXT * 4) e.lopende_afspraken = t.ziekmelding.tooLong(MAX_TEXT * 4);
    if (telefoon.trim() && !/^\+?[0-9][0-9 ()-]{7,19}$/.test(telefoon.trim())) e.contact_phone = t.ziekmelding.phoneInvalid;
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs = validate();
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const created = await api.createCase({
        employee_id: Number(employeeId.trim()),
        first_sick_day: firstSickDay,
        verwachte_duur: duur.trim(),
        lopende_afspraken: afspraken.trim(),
        contact_phone: telefoon.trim(),
        vangnet,
        arbeidsongeval: ongeval,
        derde_aansprakelijk: derde,
      });
      setFlash(t.ziekmelding.success(created.employee?.name ?? ''));
      navigate({ name: 'case', id: created.id });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) {
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
      <p class="utrecht-paragraph">{t.ziekmelding.intro}</p>
      <ErrorSummary errors={errors} order={FIELDS} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        <TextField
          id="employee_id"
          label={t.ziekmelding.employee}
          hint={t.ziekmelding.employeeHint}
          value={employeeId}
          onInput={setEmployeeId}
          inputMode="numeric"
          autoComplete="off"
          size="short"
          error={errors.employee_id}
          required
        />
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
