/*
 * The register of the organisation (issue 11, docs/domain.md section 2a):
 * persons with search (name or personnel number), a department filter and
 * paging, a typeahead straight to a person, and links to add a person or
 * import a CSV for those who may write. A leidinggevende reads the own team
 * only; the server decides which persons come back.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Select, TextField } from '../components/fields';
import { PersonCombobox } from '../components/PersonCombobox';
import { ErrorAlert, Loading, PageHeading } from '../components/ui';
import { useI18n } from '../i18n';
import { takeFlash } from '../lib/flash';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { Alert } from '../components/ui';

const PER_PAGE = 20;

export function RegisterPage({ orgId, canWrite, canImport }: { orgId: number; canWrite: boolean; canImport: boolean }) {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  const [form, setForm] = useState({ q: '', department: '' });
  const [filter, setFilter] = useState(form);
  const [page, setPage] = useState(1);
  const departments = useAsync(() => api.departments(orgId), [orgId]);
  const list = useAsync(() => api.persons(orgId, { q: filter.q, departmentId: filter.department, page, perPage: PER_PAGE }), [orgId, filter, page]);
  const pages = list.status === 'ok' ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;

  return (
    <>
      <PageHeading title={t.register.title}>{t.register.title}</PageHeading>
      {flash && (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{flash}</p>
        </Alert>
      )}
      <p class="utrecht-paragraph">{canWrite ? t.register.intro : t.register.introReadOnly}</p>
      {canWrite && (
        <p class="utrecht-button-group sw-actions">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={href({ name: 'newPerson' })}>
            {t.register.add}
          </a>
          {canImport && (
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={href({ name: 'registerImport' })}>
              {t.register.import}
            </a>
          )}
        </p>
      )}
      <div class="sw-narrow">
        <PersonCombobox id="goto-person" orgId={orgId} label={t.register.goTo} hint={t.register.goToHint} onChoose={(p) => navigate({ name: 'person', id: p.id })} />
      </div>
      <h2 class="utrecht-heading-2">{t.register.filterTitle}</h2>
      <form
        class="sw-form sw-narrow"
        role="search"
        aria-label={t.register.filterTitle}
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilter({ ...form });
        }}
      >
        <TextField id="register-q" label={t.register.q} value={form.q} onInput={(v) => setForm((f) => ({ ...f, q: v }))} autoComplete="off" />
        <Select
          id="register-department"
          label={t.register.department}
          value={form.department}
          onChange={(v) => setForm((f) => ({ ...f, department: v }))}
          options={[
            { value: '', label: t.register.allDepartments },
            ...(departments.status === 'ok' ? departments.data.items.map((d) => ({ value: String(d.id), label: d.name })) : []),
          ]}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t.register.search}
        </button>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <>
          <p class="utrecht-paragraph" role="status">
            {list.data.total === 0 ? t.register.none : t.register.count(list.data.total)}
          </p>
          {list.data.items.length > 0 && (
            <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="register-caption" tabIndex={0}>
              <table class="utrecht-table utrecht-table--html-table sw-table">
                <caption class="utrecht-table__caption" id="register-caption">
                  {t.register.tableCaption}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colName}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colNumber}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colDepartment}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colManager}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colAccount}</th>
                    <th class="utrecht-table__header-cell" scope="col">{t.register.colCase}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {list.data.items.map((p) => (
                    <tr class="utrecht-table__row" key={p.id}>
                      <th class="utrecht-table__header-cell" scope="row">
                        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'person', id: p.id })}>
                          {p.name}
                        </a>
                      </th>
                      <td class="utrecht-table__cell">{p.personnel_number}</td>
                      <td class="utrecht-table__cell">{p.department?.name ?? ''}</td>
                      <td class="utrecht-table__cell">{p.manager?.name ?? ''}</td>
                      <td class="utrecht-table__cell">{p.has_account ? t.register.hasAccount : t.register.noAccount}</td>
                      <td class="utrecht-table__cell">
                        {p.open_case_id !== null && (
                          <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id: p.open_case_id })}>
                            {t.register.openCase}
                          </a>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav aria-label={t.register.paging} class="utrecht-button-group sw-actions">
              <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
                {t.register.prev}
              </button>
              <span class="utrecht-paragraph">{t.register.pageOf(page, pages)}</span>
              <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page >= pages} onClick={() => setPage((n) => n + 1)}>
                {t.register.next}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
