/* The employer network for one case: suitable offers with their explained
 * scores, proposing the candidate, and moving proposals through the stages. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { MatchScore, OfferSummary, PipelineEntry, Stage } from '../api/types';
import { NEXT_STAGES } from '../api/types';
import { ErrorSummary, Select, TextField } from '../components/fields';
import { Alert, DateText, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

export function NetworkCasePage({ id }: { id: number }) {
  const { t } = useI18n();
  const c = useAsync(() => api.case(id), [id]);
  const pipeline = useAsync(() => api.pipeline(id), [id]);
  const [done, setDone] = useState('');
  const title = t.network.title;
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id })}>
          {t.network.back}
        </a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {c.status === 'ok' && <p class="utrecht-paragraph sw-muted">{t.caseDetail.title(c.data.employee.name)}</p>}
      <p class="utrecht-paragraph">{t.network.intro}</p>
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      <section class="sw-section" aria-labelledby="pipeline-heading">
        <h2 class="utrecht-heading-2" id="pipeline-heading">
          {t.network.pipelineHeading}
        </h2>
        {pipeline.status === 'loading' && <Loading />}
        {pipeline.status === 'error' && <ErrorAlert error={pipeline.error} onRetry={pipeline.reload} />}
        {pipeline.status === 'ok' &&
          (pipeline.data.items.length === 0 ? (
            <p class="utrecht-paragraph">{t.network.noPipeline}</p>
          ) : (
            pipeline.data.items.map((e) => (
              <Entry
                key={e.id}
                caseId={id}
                e={e}
                onMoved={(msg) => {
                  setDone(msg);
                  pipeline.reload();
                }}
              />
            ))
          ))}
      </section>
      <Matches
        caseId={id}
        proposed={pipeline.status === 'ok' ? pipeline.data.items.map((e) => e.offer.id) : []}
        onProposed={(msg) => {
          setDone(msg);
          pipeline.reload();
        }}
      />
    </>
  );
}

function Matches({ caseId, proposed, onProposed }: { caseId: number; proposed: number[]; onProposed: (msg: string) => void }) {
  const { t, lang } = useI18n();
  const m = useAsync(() => api.matches(caseId), [caseId]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(0);

  const propose = async (o: OfferSummary) => {
    setError('');
    setBusy(o.id);
    try {
      await api.propose(caseId, o.id, '');
      onProposed(t.network.proposed(o.title));
    } catch (err) {
      setError(err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal);
    } finally {
      setBusy(0);
    }
  };

  const noProfile = m.status === 'error' && m.error.code === 'not_found' && m.error.field === 'zoekprofiel';
  return (
    <section class="sw-section" aria-labelledby="matches-heading">
      <h2 class="utrecht-heading-2" id="matches-heading">
        {t.network.matchesHeading}
      </h2>
      {error && <Alert type="error">{error}</Alert>}
      {m.status === 'loading' && <Loading />}
      {noProfile && <p class="utrecht-paragraph">{t.network.noProfile}</p>}
      {m.status === 'error' && !noProfile && <ErrorAlert error={m.error} onRetry={m.reload} />}
      {m.status === 'ok' &&
        (m.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{t.network.noMatches}</p>
        ) : (
          <ol class="sw-network-list">
            {m.data.items.map(({ offer, score }) => (
              <li key={offer.id}>
                <article class="sw-network-item" aria-labelledby={`offer-${offer.id}`}>
                  <h3 class="utrecht-heading-3" id={`offer-${offer.id}`}>
                    {offer.title}
                  </h3>
                  <p class="utrecht-paragraph">
                    {offer.organisation} · {t.network.types[offer.type] ?? offer.type} · {t.network.hours(offer.hours_min, offer.hours_max)}
                    {score.distance_km !== null && ` · ${t.network.distance(score.distance_km.toLocaleString(lang))}`}
                  </p>
                  <p class="utrecht-paragraph">
                    <strong>{t.network.score(score.total.toLocaleString(lang, { maximumFractionDigits: 1 }))}</strong>
                  </p>
                  <ScoreDetails title={offer.title} score={score} />
                  {proposed.includes(offer.id) ? (
                    <p class="utrecht-paragraph sw-muted">{t.network.alreadyProposed}</p>
                  ) : (
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--primary-action"
                      aria-label={t.network.propose(offer.title)}
                      disabled={busy !== 0}
                      onClick={() => void propose(offer)}
                    >
                      {t.network.proposeShort}
                    </button>
                  )}
                </article>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}

function ScoreDetails({ title, score }: { title: string; score: MatchScore }) {
  const { t, lang } = useI18n();
  const num = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 1 });
  return (
    <details class="sw-details">
      <summary>{t.network.why}</summary>
      {score.flags.length > 0 && (
        <ul class="utrecht-unordered-list">
          {score.flags.map((f) => (
            <li class="utrecht-unordered-list__item" key={f}>
              {t.network.flags[f] ?? f}
            </li>
          ))}
        </ul>
      )}
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table sw-table">
          <caption class="utrecht-table__caption">{t.network.factorCaption(title)}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t.network.factor}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.network.points}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.network.weight}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {score.factors.map((f) => (
              <tr class="utrecht-table__row" key={f.name}>
                <th class="utrecht-table__header-cell" scope="row">{t.network.factors[f.name] ?? f.name}</th>
                <td class="utrecht-table__cell">{num(f.points)}</td>
                <td class="utrecht-table__cell">{f.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Entry({ caseId, e, onMoved }: { caseId: number; e: PipelineEntry; onMoved: (msg: string) => void }) {
  const { t, lang } = useI18n();
  const next = NEXT_STAGES[e.stage];
  const [stage, setStage] = useState<Stage | ''>(next[0] ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const stageId = `stage-${e.id}`;
  const reasonId = `reason-${e.id}`;
  const stageName = (s: string) => t.network.stages[s] ?? s;

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (!stage) return;
    if (stage === 'beeindigd' && !reason.trim()) return fail({ [reasonId]: t.network.reasonRequired });
    clear();
    setBusy(true);
    try {
      await api.moveStage(caseId, e.id, stage, reason.trim());
      onMoved(t.network.moved(e.offer.title, stageName(stage)));
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'reason' ? reasonId : '_form';
      if (err instanceof ApiError && err.field === 'spelregels') fail({ _form: t.network.spelregelsMissing });
      else fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="sw-network-item" aria-labelledby={`entry-${e.id}`}>
      <h3 class="utrecht-heading-3" id={`entry-${e.id}`}>
        {e.offer.title} ({e.offer.organisation})
      </h3>
      <p class="utrecht-paragraph">
        <strong>{t.network.stageNow(stageName(e.stage))}</strong>
      </p>
      {e.ended_reason && <p class="utrecht-paragraph">{t.network.endedReason(e.ended_reason)}</p>}
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table sw-table">
          <caption class="utrecht-table__caption">{t.network.historyCaption(e.offer.title)}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t.network.date}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.network.stage}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.network.by}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.network.note}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {e.moves.map((m, i) => (
              <tr class="utrecht-table__row" key={i}>
                <td class="utrecht-table__cell"><DateText iso={m.on} style="medium" /></td>
                <td class="utrecht-table__cell">{stageName(m.to)}</td>
                <td class="utrecht-table__cell">
                  {m.moved_by.name ?? ''} ({t.roles[m.moved_by.role] ?? m.moved_by.role})
                </td>
                <td class="utrecht-table__cell">{m.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next.length > 0 && (
        <form class="sw-form" noValidate onSubmit={(ev) => void submit(ev)}>
          <ErrorSummary errors={errors} order={[reasonId]} summaryRef={summaryRef} />
          <Select
            id={stageId}
            label={`${t.network.nextStage}: ${e.offer.title}`}
            value={stage}
            onChange={(v) => setStage(v as Stage)}
            options={next.map((s) => ({ value: s, label: stageName(s) }))}
          />
          {stage === 'beeindigd' && (
            <TextField id={reasonId} label={t.network.reason} value={reason} onInput={setReason} error={errors[reasonId]} required />
          )}
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t.network.move}
          </button>
        </form>
      )}
    </article>
  );
}
