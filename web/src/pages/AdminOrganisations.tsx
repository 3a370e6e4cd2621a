/* The beheerder's organisations: a filtered, paged list, add one, change
 * one (the form switches from adding to changing). */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Organisation } from '../api/types';
import { ORGANISATION_KINDS } from '../api/types';
import { ErrorSummary, Select, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateText, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { AdminIntro, PER_PAGE, Pager } from './AdminParts';

export function AdminOrganisationsPage() {
  const { t } = useI18n();
  const a = t.admin;
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState({ q: '', kind: '' });
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [done, setDone] = useState('');
  const list = useAsync(() => api.organisations({ ...filter, page, perPage: PER_PAGE }), [filter.q, filter.kind, page]);
  const kindOptions = ORGANISATION_KINDS.map((k) => ({ value: k, label: a.kinds[k] ?? k }));
  return (
    <>
      <PageHeading title={a.orgsTitle}>{a.orgsTitle}</PageHeading>
      <AdminIntro current="organisaties" />
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      <form
        class="utrecht-form sw-form sw-filter"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilter({ q: q.trim(), kind });
        }}
      >
        <TextField id="org-q" label={a.search} value={q} onInput={setQ} maxLength={200} />
        <Select id="org-kind-filter" label={a.showKind} value={kind} onChange={setKind} options={[{ value: '', label: a.all }, ...kindOptions]} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {a.filter}
        </button>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' &&
        (list.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{a.none}</p>
        ) : (
          <>
            <div class="utrecht-table-container" role="region" aria-labelledby="orgs-caption" tabIndex={0}>
              <table class="utrecht-table utrecht-table--html-table sw-table">
                <caption class="utrecht-table__caption" id="orgs-caption">
                  {a.orgsCaption(list.data.total)}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{a.orgName}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.orgKind}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.orgCreated}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.orgActions}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {list.data.items.map((o) => (
                    <tr class="utrecht-table__row" key={o.id}>
                      <th class="utrecht-table__cell sw-row-header" scope="row">{o.name}</th>
                      <td class="utrecht-table__cell">{a.kinds[o.kind] ?? o.kind}</td>
                      <td class="utrecht-table__cell">
                        <DateText iso={o.created_at.slice(0, 10)} style="medium" />
                      </td>
                      <td class="utrecht-table__cell">
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle"
                          onClick={() => {
                            setDone('');
                            setEditing(o);
                            requestAnimationFrame(() => document.getElementById('org-name')?.focus());
                          }}
                        >
                          {a.edit(o.name)}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} total={list.data.total} perPage={PER_PAGE} onPage={setPage} />
          </>
        ))}
      <OrganisationForm
        key={editing?.id ?? 0}
        editing={editing}
        onDone={(o, added) => {
          setEditing(null);
          setDone(added ? a.orgAdded(o.name) : a.orgSaved(o.name));
          list.reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </>
  );
}

function OrganisationForm({ editing, onDone, onCancel }: { editing: Organisation | null; onDone: (o: Organisation, added: boolean) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const a = t.admin;
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<string>(editing?.kind ?? 'werkgever');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return fail({ 'org-name': a.required(a.orgName) } as FieldErrors);
    clear();
    setBusy(true);
    try {
      const o = editing ? await api.updateOrganisation(editing.id, { name: name.trim(), kind }) : await api.createOrganisation({ name: name.trim(), kind });
      if (!editing) setName('');
      onDone(o, !editing);
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'name' ? 'org-name' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };
  const title = editing ? a.editOrg(editing.name) : a.newOrg;
  return (
    <section class="sw-section" aria-labelledby="org-form-heading">
      <h2 class="utrecht-heading-2" id="org-form-heading">
        {title}
      </h2>
      <ErrorSummary errors={errors} order={['org-name']} labels={{ 'org-name': a.orgName }} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
        <TextField id="org-name" label={a.orgName} value={name} onInput={setName} error={errors['org-name']} required maxLength={200} autoComplete="organization" />
        <Select id="org-kind" label={a.orgKind} value={kind} onChange={setKind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: a.kinds[k] ?? k }))} />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {editing ? a.save : a.addOrg}
          </button>
          {editing && (
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
              {a.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
