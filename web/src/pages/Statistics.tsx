/* Absence statistics of the employer's organisation: explicit report parameters, key figures, the absence rate per
 * duration class as a bar chart (Chart.js, with the same numbers in a table for screen readers and keyboard users),
 * the second-track figures and the CSV export. */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, statisticsCsvUrl } from '../api/client';
import type { Statistics, StatisticsQuery, User } from '../api/types';
import { Select, TextField } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { todayInAmsterdam } from '../lib/dates';
import { useAsync } from '../lib/useAsync';
import { href } from '../lib/router';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** The last full calendar year: the period CBS reports on. */
function lastYear(): StatisticsQuery {
  const y = Number(todayInAmsterdam().slice(0, 4)) - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31`, days: 'calendar' };
}

export function StatisticsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const [form, setForm] = useState<StatisticsQuery>(lastYear);
  const [query, setQuery] = useState<StatisticsQuery>(form);
  const org = user.organisation?.id;
  return (
    <>
      <PageHeading title={t.statistics.title}>{t.statistics.title}</PageHeading>
      <p class="utrecht-paragraph">{t.statistics.intro}</p>
      {org === undefined ? (
        <Alert type="info">{t.statistics.noOrganisation}</Alert>
      ) : (
        <>
          <form
            class="sw-form"
            onSubmit={(e) => {
              e.preventDefault();
              setQuery({ ...form });
            }}
          >
            <TextField id="stats-from" label={t.statistics.from} type="date" value={form.from} onInput={(v) => setForm((f) => ({ ...f, from: v }))} required />
            <TextField id="stats-to" label={t.statistics.to} type="date" value={form.to} onInput={(v) => setForm((f) => ({ ...f, to: v }))} required />
            <Select
              id="stats-days"
              label={t.statistics.days}
              value={form.days}
              onChange={(v) => setForm((f) => ({ ...f, days: v === 'working' ? 'working' : 'calendar' }))}
              options={[
                { value: 'calendar', label: t.statistics.calendar },
                { value: 'working', label: t.statistics.working },
              ]}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {t.statistics.show}
            </button>
          </form>
          <Report org={org} query={query} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'outcomes' })}>
              {t.outcomes.title}
            </a>
          </p>
        </>
      )}
    </>
  );
}

function pct(n: number, lang: string): string {
  return `${n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}%`;
}

function num(n: number, lang: string): string {
  return n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 });
}

function Report({ org, query }: { org: number; query: StatisticsQuery }) {
  const { t, lang } = useI18n();
  const r = useAsync(() => api.statistics(org, query), [org, query.from, query.to, query.days]);
  if (r.status === 'loading') return <Loading />;
  if (r.status === 'error')
    return r.error.code === 'conflict' ? <Alert type="info">{t.statistics.tooFew}</Alert> : <ErrorAlert error={r.error} onRetry={r.reload} />;
  const s = r.data;
  const figures: [string, string][] = [
    [t.statistics.verzuimpercentage, pct(s.verzuimpercentage, lang)],
    [t.statistics.meldingsfrequentie, num(s.meldingsfrequentie, lang)],
    [t.statistics.duur, num(s.gemiddelde_verzuimduur, lang)],
    [t.statistics.employees, String(s.employees)],
    [t.statistics.nulverzuim, pct(s.nulverzuim_percentage, lang)],
  ];
  return (
    <>
      <h2 class="utrecht-heading-2">{t.statistics.figures}</h2>
      <dl class="sw-facts">
        {figures.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <Warnings s={s} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={statisticsCsvUrl(org, query)} download>
          {t.statistics.csv}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t.statistics.classesTitle}</h2>
      <ClassChart s={s} />
      {/* Focusable: at phone width the table scrolls sideways, and a keyboard must reach it. */}
      <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="stats-classes-caption" tabIndex={0}>
        <table class="utrecht-table utrecht-table--html-table sw-table">
          <caption class="utrecht-table__caption" id="stats-classes-caption">{t.statistics.classesTitle}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t.statistics.classCol}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.statistics.casesCol}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.statistics.percentCol}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {s.classes.map((c) => (
              <tr class="utrecht-table__row" key={c.class}>
                <th class="utrecht-table__header-cell" scope="row">{t.statistics.classDays(c.class)}</th>
                <td class="utrecht-table__cell">{c.cases}</td>
                <td class="utrecht-table__cell">{pct(c.verzuimpercentage, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">{t.statistics.track}</h2>
      <p class="utrecht-paragraph">{t.statistics.trackStarted(s.tweede_spoor.started, pct(s.tweede_spoor.year1_share, lang))}</p>
    </>
  );
}

/** A record the server left out of the figures (a case outside any employment, overlapping cases). */
interface StatisticsWarning {
  kind: 'outside_employment' | 'inconsistent' | string;
  case_id: number | null;
  message: string;
}

/* The server's warnings in words: which records do not count and why; case numbers only, no case content. */
function Warnings({ s }: { s: Statistics }) {
  const { t } = useI18n();
  const warnings = (s as Statistics & { warnings?: StatisticsWarning[] }).warnings ?? [];
  if (!warnings.length) return null;
  const text = (w: StatisticsWarning) => {
    const c = w.case_id !== null ? t.register.caseNumber(w.case_id) : '';
    if (w.kind === 'outside_employment' && c) return t.register.warningOutside(c);
    if (w.kind === 'inconsistent' && c) return t.register.warningInconsistent(c);
    if (w.kind === 'inconsistent') return t.register.warningEmployment;
    return t.register.warningOther;
  };
  return (
    <section class="utrecht-alert utrecht-alert--warning sw-alert" aria-labelledby="stats-warnings-title">
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <h2 class="utrecht-heading-3" id="stats-warnings-title">
            {t.register.warningsTitle}
          </h2>
          <p class="utrecht-paragraph">{t.register.warningsIntro}</p>
          <ul class="utrecht-unordered-list">
            {warnings.map((w, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {text(w)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

/* The canvas is an image with a text alternative; the table above holds the same numbers. */
function ClassChart({ s }: { s: Statistics }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: s.classes.map((c) => t.statistics.classDays(c.class)),
        datasets: [{ label: t.statistics.percentCol, data: s.classes.map((c) => c.verzuimpercentage), backgroundColor: '#154273' }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    return () => chart.destroy();
  }, [s, t]);
  const summary = s.classes.map((c) => `${t.statistics.classDays(c.class)} ${pct(c.verzuimpercentage, lang)}`).join(', ');
  return (
    <div class="sw-chart" style={{ position: 'relative', height: '16rem' }}>
      <canvas ref={canvas} role="img" aria-label={t.statistics.chartLabel(summary)} />
    </div>
  );
}
