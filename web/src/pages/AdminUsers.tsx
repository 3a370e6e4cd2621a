/* The beheerder's users: a filtered, paged list (never a password), record
 * an account without a password, deactivate and reactivate. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Account, Organisation } from '../api/types';
import { ErrorSummary, Select, TextField, type FieldErrors } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { AdminIntro, PER_PAGE, Pager } from './AdminParts';

/** The organisations for a select (the API's largest page). */
export function useOrganisationOptions() {
  return useAsync(() => api.organisations({ perPage: 100 }), []);
}

export function orgOptions(orgs: Organisation[], none: string) {
  return [{ value: '', label: none }, ...orgs.map((o) => ({ value: String(o.id), label: o.name }))];
}

export function AdminUsersPage() {
  const { t, lang } = useI18n();
  const a = t.admin;
  const orgs = useOrganisationOptions();
  const [q, setQ] = useState('');
  const [org, setOrg] = useState('');
  const [active, setActive] = useState('');
  const [filter, setFilter] = useState({ q: '', organisation_id: '', active: '' });
  const [page, setPage] = useState(1);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState<ApiError | null>(null);
  const list = useAsync(() => api.users({ ...filter, page, perPage: PER_PAGE }), [filter.q, filter.organisation_id, filter.active, page]);
  const orgList = orgs.status === 'ok' ? orgs.data.items : [];
  const orgName = (id: number | null) => (id === null ? a.userOrgNone : orgList.find((o) => o.id === id)?.name ?? `#${id}`);

  const toggle = async (u: Account) => {
    setDone('');
    setFailed(null);
    try {
      const v = await api.updateUser(u.id, { active: !u.active });
      setDone(v.active ? a.reactivated(v.name) : a.deactivated(v.name));
      list.reload();
    } catch (err) {
      setFailed(err instanceof ApiError ? err : new ApiError(0, 'internal', ''));
    }
  };

  return (
    <>
      <PageHeading title={a.usersTitle}>{a.usersTitle}</PageHeading>
      <AdminIntro current="gebruikers" />
      <p class="utrecht-paragraph">{a.usersIntro}</p>
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      {failed && (
        <Alert type="error" live>
          {apiErrorText(t, lang, failed)}
        </Alert>
      )}
      <form
        class="utrecht-form sw-form sw-filter"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilter({ q: q.trim(), organisation_id: org, active });
        }}
      >
        <TextField id="user-q" label={a.search} value={q} onInput={setQ} maxLength={200} />
        <Select id="user-org-filter" label={a.showOrg} value={org} onChange={setOrg} options={[{ value: '', label: a.all }, ...orgList.map((o) => ({ value: String(o.id), label: o.name }))]} />
        <Select
          id="user-active-filter"
          label={a.showStatus}
          value={active}
          onChange={setActive}
          options={[
            { value: '', label: a.all },
            { value: 'true', label: a.active },
            { value: 'false', label: a.inactive },
          ]}
        />
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
            <div class="utrecht-table-container" role="region" aria-labelledby="users-caption" tabIndex={0}>
              <table class="utrecht-table utrecht-table--html-table sw-table">
                <caption class="utrecht-table__caption" id="users-caption">
                  {a.usersCaption(list.data.total)}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{a.userName}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.userEmail}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.userOrg}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.userStatus}</th>
                    <th class="utrecht-table__header-cell" scope="col">{a.orgActions}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {list.data.items.map((u) => (
                    <tr class="utrecht-table__row" key={u.id}>
                      <th class="utrecht-table__cell sw-row-header" scope="row">
                        {u.name}
                        {u.is_beheerder ? ` (${a.beheerder})` : ''}
                      </th>
                      <td class="utrecht-table__cell">{u.email}</td>
                      <td class="utrecht-table__cell">{orgName(u.organisation_id)}</td>
                      <td class="utrecht-table__cell">
                        {u.active ? a.active : a.inactive}
                        {u.has_password ? '' : ` · ${a.noPassword}`}
                      </td>
                      <td class="utrecht-table__cell">
                        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => void toggle(u)}>
                          {u.active ? a.deactivate(u.name) : a.reactivate(u.name)}
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
      <UserForm
        orgs={orgList}
        onDone={(u) => {
          setFailed(null);
          setDone(a.userAdded(u.name));
          list.reload();
        }}
      />
    </>
  );
}

const USER_FIELDS = ['user-name', 'user-email'];

function UserForm({ orgs, onDone }: { orgs: Organisation[]; onDone: (u: Account) => void }) {
  const { t, lang } = useI18n();
  const a = t.admin;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [org, setOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!name.trim()) errs['user-name'] = a.required(a.userName);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs['user-email'] = t.login.emailInvalid;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const u = await api.createUser({ name: name.trim(), email: email.trim(), organisation_id: org ? Number(org) : null });
      setName('');
      setEmail('');
      onDone(u);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') fail({ 'user-email': a.emailTaken });
      else {
        const field = err instanceof ApiError ? ({ name: 'user-name', email: 'user-email' } as Record<string, string>)[err.field] ?? '_form' : '_form';
        fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sw-section" aria-labelledby="user-form-heading">
      <h2 class="utrecht-heading-2" id="user-form-heading">
        {a.newUser}
      </h2>
      <p class="utrecht-paragraph">{a.newUserIntro}</p>
      <ErrorSummary errors={errors} order={USER_FIELDS} labels={{ 'user-name': a.userName, 'user-email': a.userEmail }} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
        <TextField id="user-name" label={a.userName} value={name} onInput={setName} error={errors['user-name']} required maxLength={200} autoComplete="off" />
        <TextField id="user-email" label={a.userEmail} type="email" value={email} onInput={setEmail} error={errors['user-email']} required maxLength={254} autoComplete="off" />
        <Select id="user-org" label={a.userOrg} value={org} onChange={setOrg} options={orgOptions(orgs, a.userOrgNone)} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {a.addUser}
        </button>
      </form>
    </section>
  );
}
