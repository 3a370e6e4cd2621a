/* Case overviews: the casemanager's organisation cases and a professional's assigned cases. */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CaseStatus, CaseSummary, User } from '../api/types';
import { Select } from '../components/fields';
import { stepTitle } from '../components/timeline';
import { Alert, CaseStatusText, DateText, DeadlineStatusBadge, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { takeFlash } from '../lib/flash';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { orgAccess, reportsSickness } from '../lib/orgRoles';
import { CaseFilters } from './CaseFilters';
import { CasesCsvLink } from '../components/files';

type Col = 'employee' | 'organisation' | 'myRole' | 'firstSickDay' | 'week' | 'nextDeadline' | 'deadlineStatus' | 'overdue' | 'status';
type SortKey = Exclude<Col, 'deadlineStatus'>;

const PER_PAGE = 50;

function compare(a: CaseSummary, b: CaseSummary, key: SortKey): number {
  switch (key) {
    case 'employee':
      return a.employee.name.localeCompare(b.employee.name, 'nl');
    case 'organisation':
      return a.organisation.name.localeCompare(b.organisation.name, 'nl');
    case 'myRole':
      return (a.my_role ?? '').localeCompare(b.my_role ?? '');
    case 'firstSickDay':
      return a.first_sick_day.localeCompare(b.first_sick_day);
    case 'week':
      return a.week - b.week;
    case 'nextDeadline': {
      const x = a.next_deadline?.due_effective ?? '9999';
      const y = b.next_deadline?.due_effective ?? '9999';
      return x.localeCompare(y);
    }
    case 'overdue':
      return a.overdue - b.overdue;
    case 'status':
      return a.status.localeCompare(b.status);
  }
}

/* kind 'team': a leidinggevende's own team (the werkgever columns, other titles). */
export function CasesHome({ user, kind: shownAs }: { user: User; kind: 'werkgever' | 'professional' | 'team' }) {
  const kind = shownAs === 'team' ? 'werkgever' : shownAs;
  const org = orgAccess(user);
  const [filter, setFilter] = useState<{ q: string; department: string }>({ q: '', department: '' });
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  const [status, setStatus] = useState<CaseStatus | ''>('open');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'nextDeadline', asc: true });
  const state = useAsync(() => api.cases({ status, page, perPage: PER_PAGE, q: filter.q, departmentId: filter.department }), [status, page, filter]);

  const cols: Col[] =
    kind === 'werkgever'
      ? ['employee', 'firstSickDay', 'week', 'nextDeadline', 'deadlineStatus', 'overdue', ...(status === '' ? (['status'] as Col[]) : [])]
      : ['employee', 'organisation', 'myRole', 'week', 'nextDeadline', 'deadlineStatus', 'overdue', ...(status === '' ? (['status'] as Col[]) : [])];

  const rows = useMemo(() => {
    if (state.status !== 'ok') return [];
    const r = [...state.data.items].sort((a, b) => compare(a, b, sort.key) || a.employee.name.localeCompare(b.employee.name, 'nl'));
    return sort.asc ? r : r.reverse();
  }, [state, sort]);

  const title = shownAs === 'team' ? t.org.teamTitle : kind === 'werkgever' ? t.cases.titleEmployer : t.cases.titleProfessional;
  const intro =
    shownAs === 'team'
      ? t.org.teamIntro(user.organisation?.name ?? '')
      : kind === 'werkgever'
        ? t.cases.introEmployer(user.organisation?.name ?? '')
        : t.cases.introProfessional;
  const pages = state.status === 'ok' ? Math.max(1, Math.ceil(state.data.total / (state.data.per_page || PER_PAGE))) : 1;

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {flash && (
        <Alert type="ok" live>
          {flash}
        </Alert>
      )}
      <p class="utrecht-paragraph">{intro}</p>
      <CasesCsvLink />
      {kind === 'werkgever' && reportsSickness(org) && (
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={href({ name: 'ziekmelding' })}>
            {t.cases.newZiekmelding}
          </a>
        </p>
      )}
      <div class="sw-filter">
        <Select
          id="case-status-filter"
          label={t.cases.filterLabel}
          value={status}
          onChange={(v) => {
            setStatus(v as CaseStatus | '');
            setPage(1);
          }}
          options={[
            { value: 'open', label: t.cases.filter.open },
            { value: 'gesloten', label: t.cases.filter.gesloten },
            { value: '', label: t.cases.filter.all },
          ]}
        />
      </div>
      {org.casemanager && org.orgId !== null && (
        <CaseFilters
          orgId={org.orgId}
          onApply={(f) => {
            setFilter(f);
            setPage(1);
          }}
        />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && <p class="utrecht-paragraph">{t.cases.empty}</p>}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <>
          <p class="utrecht-paragraph sw-muted" id="sort-hint">
            {t.cases.sortHint}
          </p>
          <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="cases-caption" tabIndex={0}>
            <table class="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color sw-table" aria-describedby="sort-hint">
              <caption class="utrecht-table__caption" id="cases-caption">
                {t.cases.caption(state.data.total)}, {t.cases.sortedBy(t.cases.col[sort.key], sort.asc)}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {cols.map((c) => (
                    <HeaderCell key={c} col={c} t={t} sort={sort} onSort={(key) => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }))} />
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {rows.map((row) => (
                  <tr class="utrecht-table__row" key={row.id}>
                    {cols.map((c) => (
                      <Cell key={c} col={c} row={row} t={t} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav class="sw-pagination" aria-label={t.cases.pagination}>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t.cases.prev}
              </button>
              <span class="utrecht-paragraph" aria-live="polite">
                {t.cases.pageOf(page, pages)}
              </span>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t.cases.next}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function HeaderCell({ col, t, sort, onSort }: { col: Col; t: Dict; sort: { key: SortKey; asc: boolean }; onSort: (k: SortKey) => void }) {
  const label = t.cases.col[col];
  const numeric = col === 'week' || col === 'overdue';
  const cls = `utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`;
  if (col === 'deadlineStatus') {
    return (
      <th class={cls} scope="col">
        {label}
      </th>
    );
  }
  const active = sort.key === col;
  return (
    <th class={cls} scope="col" aria-sort={active ? (sort.asc ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="utrecht-link-button utrecht-link-button--html-button sw-sort-button" onClick={() => onSort(col)}>
        {label}
        <span class="sw-sort-icon" aria-hidden="true">
          {active ? (sort.asc ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </button>
    </th>
  );
}

function Cell({ col, row, t }: { col: Col; row: CaseSummary; t: Dict }) {
  const td = (content: preact.ComponentChildren, numeric = false) => (
    <td class={`utrecht-table__cell${numeric ? ' utrecht-table__cell--numeric-data' : ''}`}>{content}</td>
  );
  switch (col) {
    case 'employee':
      return (
        <th class="utrecht-table__cell sw-row-header" scope="row">
          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id: row.id })}>
            {row.employee.name}
          </a>
        </th>
      );
    case 'organisation':
      return td(row.organisation.name);
    case 'myRole':
      return td(row.my_role ? t.roles[row.my_role] ?? row.my_role : '');
    case 'firstSickDay':
      return td(<DateText iso={row.first_sick_day} style="medium" />);
    case 'week':
      return td(String(row.week), true);
    case 'nextDeadline':
      return td(
        row.next_deadline ? (
          <>
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id: row.id, step: row.next_deadline.code })} aria-label={t.cases.toStep(stepTitle(t, row.next_deadline), row.employee.name)}>
              {stepTitle(t, row.next_deadline)}
            </a>
            <br />
            <DateText iso={row.next_deadline.due_effective} />
          </>
        ) : (
          t.cases.noDeadline
        ),
      );
    case 'deadlineStatus':
      return td(row.next_deadline ? <DeadlineStatusBadge status={row.next_deadline.status} /> : '');
    case 'overdue':
      return td(<span class={row.overdue > 0 ? 'sw-overdue' : undefined}>{t.cases.overdueCount(row.overdue)}</span>, true);
    case 'status':
      return td(<CaseStatusText status={row.status} />);
  }
}
