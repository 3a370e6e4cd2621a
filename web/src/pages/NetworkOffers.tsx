/* A network employer's offers, each with the anonymous candidates who fit
 * (only employees who consented; never a name, address or diagnosis). */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Offer } from '../api/types';
import { CATEGORIES, OFFER_TYPES, SECTORS } from '../api/types';
import { Checkbox, ErrorSummary, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

export function NetworkOffersPage() {
  const { t } = useI18n();
  const offers = useAsync(() => api.offers(), []);
  const [placed, setPlaced] = useState('');
  return (
    <>
      <PageHeading title={t.network.offersTitle}>{t.network.offersTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.network.offersIntro}</p>
      {placed && (
        <Alert type="ok" live>
          {placed}
        </Alert>
      )}
      {offers.status === 'loading' && <Loading />}
      {offers.status === 'error' && <ErrorAlert error={offers.error} onRetry={offers.reload} />}
      {offers.status === 'ok' &&
        (offers.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{t.network.noOffers}</p>
        ) : (
          offers.data.items.map((o) => <OfferItem key={o.id} o={o} />)
        ))}
      {offers.status === 'ok' && (
        <OfferForm
          onPlaced={(title) => {
            setPlaced(t.network.placed(title));
            offers.reload();
          }}
        />
      )}
    </>
  );
}

const FIELDS = ['offer-title', 'offer-type', 'offer-sector', 'offer-tasks', 'offer-hours-min', 'offer-hours-max', 'offer-postcode'];
/* Server field names to form field ids. */
const SERVER_FIELDS: Record<string, string> = {
  title: 'offer-title', type: 'offer-type', sector: 'offer-sector', tasks: 'offer-tasks',
  hours_min: 'offer-hours-min', hours_max: 'offer-hours-max', postcode: 'offer-postcode',
};

/* A new offer. Coordinates are not asked: without them the distance
 * counts as unknown (neutral) until the workplace is geocoded. */
function OfferForm({ onPlaced }: { onPlaced: (title: string) => void }) {
  const { t, lang } = useI18n();
  const n = t.network;
  const [title, setTitle] = useState('');
  const [type, setType] = useState<string>(OFFER_TYPES[0]);
  const [sector, setSector] = useState<string>('bouw');
  const [tasks, setTasks] = useState('');
  const [hoursMin, setHoursMin] = useState('');
  const [hoursMax, setHoursMax] = useState('');
  const [postcode, setPostcode] = useState('');
  const [guidance, setGuidance] = useState(true);
  const [intent, setIntent] = useState(false);
  const [demands, setDemands] = useState<Record<string, number>>(() => Object.fromEntries(CATEGORIES.map((c) => [c, 0])));
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labels: Record<string, string> = {
    'offer-title': n.offerTitle, 'offer-type': n.offerType, 'offer-sector': n.offerSector, 'offer-tasks': n.offerTasks,
    'offer-hours-min': n.hoursMin, 'offer-hours-max': n.hoursMax, 'offer-postcode': n.postcode,
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!title.trim()) errs['offer-title'] = n.required(n.offerTitle);
    if (!tasks.trim()) errs['offer-tasks'] = n.required(n.offerTasks);
    const lo = Number(hoursMin), hi = Number(hoursMax);
    if (!/^\d{1,2}$/.test(hoursMin.trim()) || lo > 60) errs['offer-hours-min'] = n.hoursInvalid;
    if (!/^\d{1,2}$/.test(hoursMax.trim()) || hi < 1 || hi > 60 || lo > hi) errs['offer-hours-max'] = n.hoursInvalid;
    if (!postcode.trim()) errs['offer-postcode'] = n.required(n.postcode);
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const o = await api.createOffer({
        title: title.trim(), type, tasks: tasks.trim(), sector, hours_min: lo, hours_max: hi, postcode: postcode.trim(),
        demands, guidance: guidance ? ['begeleiding'] : [], intent_to_hire: intent,
      });
      setTitle('');
      setTasks('');
      onPlaced(o.title);
    } catch (err) {
      const field = err instanceof ApiError ? SERVER_FIELDS[err.field] ?? '_form' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="new-offer-heading">
      <h2 class="utrecht-heading-2" id="new-offer-heading">
        {n.newOffer}
      </h2>
      <p class="utrecht-paragraph">{n.newOfferIntro}</p>
      <ErrorSummary errors={errors} order={FIELDS} labels={labels} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
        <TextField id="offer-title" label={n.offerTitle} value={title} onInput={setTitle} error={errors['offer-title']} required maxLength={200} />
        <Select id="offer-type" label={n.offerType} value={type} onChange={setType} options={OFFER_TYPES.map((v) => ({ value: v, label: n.types[v] ?? v }))} />
        <Select id="offer-sector" label={n.offerSector} value={sector} onChange={setSector} options={SECTORS.map((v) => ({ value: v, label: n.sectors[v] ?? v }))} />
        <TextArea id="offer-tasks" label={n.offerTasks} value={tasks} onInput={setTasks} error={errors['offer-tasks']} required />
        <TextField id="offer-hours-min" label={n.hoursMin} value={hoursMin} onInput={setHoursMin} error={errors['offer-hours-min']} required inputMode="numeric" size="short" />
        <TextField id="offer-hours-max" label={n.hoursMax} value={hoursMax} onInput={setHoursMax} error={errors['offer-hours-max']} required inputMode="numeric" size="short" />
        <TextField id="offer-postcode" label={n.postcode} value={postcode} onInput={setPostcode} error={errors['offer-postcode']} required size="short" autoComplete="postal-code" />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{n.demandsLegend}</legend>
          <p class="utrecht-paragraph">{n.demandsHint}</p>
          {CATEGORIES.map((c) => (
            <Select
              key={c}
              id={`offer-demand-${c}`}
              label={n.categories[c] ?? c}
              value={String(demands[c] ?? 0)}
              onChange={(v) => setDemands({ ...demands, [c]: Number(v) })}
              options={n.levels.map((label, i) => ({ value: String(i), label }))}
            />
          ))}
        </fieldset>
        <Checkbox id="offer-guidance" label={n.guidance} checked={guidance} onChange={setGuidance} />
        <Checkbox id="offer-intent" label={n.intent} checked={intent} onChange={setIntent} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {n.place}
        </button>
      </form>
    </section>
  );
}

function OfferItem({ o }: { o: Offer }) {
  const { t, lang } = useI18n();
  const cands = useAsync(() => (o.status === 'open' ? api.candidates(o.id) : Promise.resolve(null)), [o.id, o.status]);
  return (
    <section class="sw-section sw-network-item" aria-labelledby={`offer-${o.id}`}>
      <h2 class="utrecht-heading-2" id={`offer-${o.id}`}>
        {o.title}
      </h2>
      <p class="utrecht-paragraph">
        {t.network.types[o.type] ?? o.type} · {t.network.hours(o.hours_min, o.hours_max)} · {o.postcode} ·{' '}
        {t.network.status[o.status] ?? o.status}
      </p>
      <p class="utrecht-paragraph">{o.tasks}</p>
      {o.status === 'open' && (
        <>
          <h3 class="utrecht-heading-3">{t.network.candidates}</h3>
          {cands.status === 'loading' && <Loading />}
          {cands.status === 'error' && <ErrorAlert error={cands.error} onRetry={cands.reload} />}
          {cands.status === 'ok' && cands.data &&
            (cands.data.items.length === 0 ? (
              <p class="utrecht-paragraph">{t.network.noCandidates}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {cands.data.items.map(({ candidate, score }) => (
                  <li class="utrecht-unordered-list__item" key={candidate.candidate_id}>
                    {candidate.label} — {t.network.score(score.total.toLocaleString(lang, { maximumFractionDigits: 1 }))}
                    {candidate.stage ? ` (${t.network.stages[candidate.stage] ?? candidate.stage})` : ''}
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}
