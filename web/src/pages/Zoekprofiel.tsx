/* The zoekprofiel of a case (GET/PUT /api/v1/cases/{id}/zoekprofiel): what
 * the employee can handle per category, hours, travel range, wishes, skills
 * and sectors. Filled in by the employee, the arbeidsdeskundige or the
 * re-integratieprofessional; the network's employers see it only as an
 * anonymous teaser, with consent. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Role, Zoekprofiel } from '../api/types';
import { CATEGORIES, OFFER_TYPES, SECTORS, SKILLS, WISHES } from '../api/types';
import { Checkbox, ErrorSummary, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

/* The roles that fill in the zoekprofiel (the case page links here for them). */
export const ZOEKPROFIEL_ROLES: readonly Role[] = ['werknemer', 'arbeidsdeskundige', 're-integratieprofessional'];

/* The server's limit (MATCH_MAX_RANGE_KM). */
const MAX_RANGE_KM = 1000;
const FIELDS = ['zp-hours-min', 'zp-hours-max', 'zp-range', 'zp-postcode', 'zp-beroepsrichting', 'zp-toelichting'];
/* Server field names to form field ids. */
const SERVER_FIELDS: Record<string, string> = {
  hours_min: 'zp-hours-min', hours_max: 'zp-hours-max', range_km: 'zp-range', postcode: 'zp-postcode',
  beroepsrichting: 'zp-beroepsrichting', toelichting: 'zp-toelichting',
};

export function ZoekprofielPage({ id }: { id: number }) {
  const { t } = useI18n();
  const z = t.zoekprofiel;
  const profile = useAsync(
    () =>
      api.zoekprofiel(id).catch((e: unknown) => {
        // No profile yet is the start of the form, not an error.
        if (e instanceof ApiError && e.code === 'not_found' && e.field === 'zoekprofiel') return null;
        throw e;
      }),
    [id],
  );
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id })}>
          {z.back}
        </a>
      </p>
      <PageHeading title={z.title}>{z.title}</PageHeading>
      <p class="utrecht-paragraph">{z.intro}</p>
      {profile.status === 'loading' && <Loading />}
      {profile.status === 'error' && <ErrorAlert error={profile.error} onRetry={profile.reload} />}
      {profile.status === 'ok' && <ProfileForm caseId={id} current={profile.data} />}
    </>
  );
}

const toggle = (list: string[], v: string, on: boolean) => (on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v));

function CheckboxGroup({ id, legend, hint, values, labels, chosen, onChange }: {
  id: string;
  legend: string;
  hint?: string;
  values: readonly string[];
  labels: (v: string) => string;
  chosen: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {hint && <p class="utrecht-paragraph">{hint}</p>}
      {values.map((v) => (
        <Checkbox key={v} id={`${id}-${v}`} label={labels(v)} checked={chosen.includes(v)} onChange={(on) => onChange(toggle(chosen, v, on))} />
      ))}
    </fieldset>
  );
}

function ProfileForm({ caseId, current }: { caseId: number; current: Zoekprofiel | null }) {
  const { t, lang } = useI18n();
  const z = t.zoekprofiel;
  const [saved, setSaved] = useState<Zoekprofiel | null>(current);
  const [capacities, setCapacities] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(CATEGORIES.map((c) => [c, current?.capacities[c] ?? null])),
  );
  const [types, setTypes] = useState<string[]>(current?.types ?? []);
  const [hoursMin, setHoursMin] = useState(current ? String(current.hours_min) : '');
  const [hoursMax, setHoursMax] = useState(current ? String(current.hours_max) : '');
  const [range, setRange] = useState(current ? String(current.range_km) : '');
  const [postcode, setPostcode] = useState(current?.postcode ?? '');
  const [wishes, setWishes] = useState<string[]>(current?.wishes ?? []);
  const [skills, setSkills] = useState<string[]>(current?.skills ?? []);
  const [sectors, setSectors] = useState<string[]>(current?.sectors ?? []);
  const [beroepsrichting, setBeroepsrichting] = useState(current?.beroepsrichting ?? '');
  const [toelichting, setToelichting] = useState(current?.toelichting ?? '');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labels: Record<string, string> = {
    'zp-hours-min': z.hoursMin, 'zp-hours-max': z.hoursMax, 'zp-range': z.range, 'zp-postcode': z.postcode,
    'zp-beroepsrichting': z.beroepsrichting, 'zp-toelichting': z.toelichting,
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    const errs: FieldErrors = {};
    const lo = Number(hoursMin), hi = Number(hoursMax), km = Number(range);
    if (!/^\d{1,2}$/.test(hoursMin.trim()) || lo > 60) errs['zp-hours-min'] = z.hoursInvalid;
    if (!/^\d{1,2}$/.test(hoursMax.trim()) || hi < 1 || hi > 60 || lo > hi) errs['zp-hours-max'] = z.hoursInvalid;
    if (!/^\d{1,4}$/.test(range.trim()) || km > MAX_RANGE_KM) errs['zp-range'] = z.rangeInvalid;
    if (!postcode.trim()) errs['zp-postcode'] = z.postcodeRequired;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    // The coordinates belong to the postcode: kept only while it is the same.
    const samePlace = saved !== null && saved.postcode === postcode.trim();
    try {
      const p = await api.saveZoekprofiel(caseId, {
        capacities, types, hours_min: lo, hours_max: hi, range_km: km, postcode: postcode.trim(),
        lat: samePlace ? saved?.lat ?? null : null, lon: samePlace ? saved?.lon ?? null : null,
        wishes, skills, sectors, instruments: saved?.instruments ?? [], birth_year: saved?.birth_year ?? null,
        beroepsrichting: beroepsrichting.trim() || null, toelichting: toelichting.trim() || null,
      });
      setSaved(p);
      setDone(z.saved(p.version));
    } catch (err) {
      const field = err instanceof ApiError ? SERVER_FIELDS[err.field] ?? '_form' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  const level = (v: number | null) => (v === null ? '' : String(v));
  return (
    <>
      <p class="utrecht-paragraph">{saved ? z.version(saved.version) : z.none}</p>
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      <ErrorSummary errors={errors} order={FIELDS} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{z.capacitiesLegend}</legend>
          <p class="utrecht-paragraph">{z.capacitiesHint}</p>
          {CATEGORIES.map((c) => (
            <Select
              key={c}
              id={`zp-capacity-${c}`}
              label={t.network.categories[c] ?? c}
              value={level(capacities[c] ?? null)}
              onChange={(v) => setCapacities({ ...capacities, [c]: v === '' ? null : Number(v) })}
              options={[{ value: '', label: z.unknown }, ...t.network.levels.map((label, i) => ({ value: String(i), label }))]}
            />
          ))}
        </fieldset>
        <CheckboxGroup id="zp-type" legend={z.typesLegend} values={OFFER_TYPES} labels={(v) => t.network.types[v] ?? v} chosen={types} onChange={setTypes} />
        <TextField id="zp-hours-min" label={z.hoursMin} value={hoursMin} onInput={setHoursMin} error={errors['zp-hours-min']} required inputMode="numeric" size="short" />
        <TextField id="zp-hours-max" label={z.hoursMax} value={hoursMax} onInput={setHoursMax} error={errors['zp-hours-max']} required inputMode="numeric" size="short" />
        <TextField id="zp-range" label={z.range} value={range} onInput={setRange} error={errors['zp-range']} required inputMode="numeric" size="short" />
        <TextField id="zp-postcode" label={z.postcode} value={postcode} onInput={setPostcode} error={errors['zp-postcode']} required size="short" autoComplete="postal-code" maxLength={7} />
        <CheckboxGroup id="zp-wish" legend={z.wishesLegend} values={WISHES} labels={(v) => z.wishes[v] ?? v} chosen={wishes} onChange={setWishes} />
        <CheckboxGroup id="zp-skill" legend={z.skillsLegend} values={SKILLS} labels={(v) => v.replace(/_/g, ' ')} chosen={skills} onChange={setSkills} />
        <CheckboxGroup id="zp-sector" legend={z.sectorsLegend} hint={z.sectorsHint} values={SECTORS} labels={(v) => t.network.sectors[v] ?? v} chosen={sectors} onChange={setSectors} />
        <TextField id="zp-beroepsrichting" label={z.beroepsrichting} value={beroepsrichting} onInput={setBeroepsrichting} error={errors['zp-beroepsrichting']} required={false} maxLength={100} />
        <TextArea id="zp-toelichting" label={z.toelichting} value={toelichting} onInput={setToelichting} error={errors['zp-toelichting']} required={false} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {z.save}
        </button>
      </form>
    </>
  );
}
