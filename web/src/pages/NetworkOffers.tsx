/* A network employer's offers, each with the anonymous candidates who fit
 * (only employees who consented; never a name, address or diagnosis). */
import { api } from '../api/client';
import type { Offer } from '../api/types';
import { ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';

export function NetworkOffersPage() {
  const { t } = useI18n();
  const offers = useAsync(() => api.offers(), []);
  return (
    <>
      <PageHeading title={t.network.offersTitle}>{t.network.offersTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.network.offersIntro}</p>
      {offers.status === 'loading' && <Loading />}
      {offers.status === 'error' && <ErrorAlert error={offers.error} onRetry={offers.reload} />}
      {offers.status === 'ok' &&
        (offers.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{t.network.noOffers}</p>
        ) : (
          offers.data.items.map((o) => <OfferItem key={o.id} o={o} />)
        ))}
    </>
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
