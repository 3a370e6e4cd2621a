/* Outcomes of the monitored placements of the employer's organisation, per network, employer or route: a bar chart
 * (Chart.js; an image with a text alternative) and a table with the same numbers. A page of its own (#/statistiek/
 * plaatsingen), linked from the absence statistics. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { OutcomeGroup } from '../api/types';
import { Select } from '../components/fields';
import type { User } from '../api/types';
import { Alert, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type By = 'network' | 'employer' | 'route';
const BYS: readonly By[] = ['employer', 'network', 'route'];

export function OutcomesPage({ user }: { user: User }) {
  const { t } = useI18n();
  const org = user.organisation?.id;
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'statistics' })}>
          {t.statistics.title}
        </a>
      </p>
      <PageHeading title={t.outcomes.title}>{t.outcomes.title}</PageHeading>
      <p class="utrecht-paragraph">{t.outcomes.intro}</p>
      {org === undefined ? <Alert type="info">{t.statistics.noOrganisation}</Alert> : <PlacementOutcomes org={org} />}
    </>
  );
}

function PlacementOutcomes({ org }: { org: number }) {
  const { t } = useI18n();
  const o = t.outcomes;
  const [by, setBy] = useState<By>('employer');
  const state = useAsync(() => api.placementOutcomes(org, by), [org, by]);
  return (
    <section class="sw-section" aria-label={o.title}>
      <Select id="outcomes-by" label={o.by} value={by} onChange={(v) => setBy(v as By)} options={BYS.map((b) => ({ value: b, label: o.bys[b] ?? b }))} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && state.data.total.placements === 0 && <p class="utrecht-paragraph">{o.none}</p>}
      {state.status === 'ok' && state.data.total.placements > 0 && (
        <>
          <OutcomeChart by={by} groups={state.data.groups} />
          <OutcomeTable by={by} groups={state.data.groups} total={state.data.total} />
        </>
      )}
    </section>
  );
}

function useGroupName() {
  const { t } = useI18n();
  return (by: By, key: string) => (key === '' ? t.outcomes.unknownGroup : by === 'route' ? (t.monitoringSignals.routes[key] ?? key) : key);
}

function OutcomeTable({ by, groups, total }: { by: By; groups: OutcomeGroup[]; total: OutcomeGroup }) {
  const { t } = useI18n();
  const o = t.outcomes;
  const name = useGroupName();
  const row = (label: string, g: OutcomeGroup, key: string) => (
    <tr class="utrecht-table__row" key={key}>
      <th class="utrecht-table__header-cell" scope="row">
        {label}
      </th>
      <td class="utrecht-table__cell">{g.placements}</td>
      <td class="utrecht-table__cell">{g.lopend}</td>
      <td class="utrecht-table__cell">{g.beeindigd}</td>
      <td class="utrecht-table__cell">{g.doorgestroomd}</td>
      <td class="utrecht-table__cell">{o.ofKnown(g.lasted_6_months.yes, g.lasted_6_months.known)}</td>
      <td class="utrecht-table__cell">{o.ofKnown(g.lasted_12_months.yes, g.lasted_12_months.known)}</td>
    </tr>
  );
  return (
    <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="outcomes-caption" tabIndex={0}>
      <table class="utrecht-table utrecht-table--html-table sw-table">
        <caption class="utrecht-table__caption" id="outcomes-caption">{o.caption(o.bys[by] ?? by)}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[o.groupCol, o.placementsCol, o.lopendCol, o.beeindigdCol, o.doorgestroomdCol, o.lasted6Col, o.lasted12Col].map((h) => (
              <th class="utrecht-table__header-cell" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {groups.map((g, i) => row(name(by, g.key), g, `${i}-${g.key}`))}
          {row(o.total, total, 'total')}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeChart({ by, groups }: { by: By; groups: OutcomeGroup[] }) {
  const { t } = useI18n();
  const o = t.outcomes;
  const name = useGroupName();
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = groups.map((g) => name(by, g.key));
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: o.chartPlacements, data: groups.map((g) => g.placements), backgroundColor: '#8fcae7' },
          { label: o.chartLasted, data: groups.map((g) => g.lasted_12_months.yes), backgroundColor: '#154273' },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [groups, t]);
  const summary = groups.map((g, i) => `${labels[i]}: ${o.ofKnown(g.lasted_12_months.yes, g.placements)}`).join(', ');
  return (
    <div class="sw-chart" style={{ position: 'relative', height: '16rem' }}>
      <canvas ref={canvas} role="img" aria-label={o.chartLabel(summary)} />
    </div>
  );
}
