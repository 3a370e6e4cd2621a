/*
 * The home of an organisation's beheerder (issue 11): the accounts of the
 * organisation with their organisation roles, changing those roles
 * (PUT /users/{uid}/org-roles; a casemanager for all or chosen departments)
 * and inviting someone with roles. Never case content.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { OrgAccount } from '../api/org';
import { ORG_ROLES, type NewInvitation, type OrgRoleName, type Ref, type User } from '../api/types';
import { Checkbox, ErrorSummary, TextField, type FieldErrors } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading, VisuallyHidden, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

export function OrgAdminHome({ user }: { user: User }) {
  const { t } = useI18n();
  const orgId = user.org_roles?.find((r) => r.role === 'beheerder')?.organisation_id ?? user.organisation?.id ?? 0;
  const accounts = useAsync(() => api.orgAccounts(orgId), [orgId]);
  // The departments are the register's, which the organisation's beheerder may not read (403): only someone who
  // also reads the register can limit a casemanager to departments; otherwise the role is for the whole organisation.
  const readsRegister = user.is_beheerder || (user.org_roles ?? []).some((r) => r.organisation_id === orgId && (r.role === 'casemanager' || r.role === 'leidinggevende'));
  const departments = useAsync(() => (readsRegister ? api.departments(orgId) : Promise.resolve({ items: [] as Ref[] })), [orgId, readsRegister]);
  const depts = departments.status === 'ok' ? departments.data.items : [];
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <>
      <PageHeading title={t.org.adminHomeTitle}>{t.org.adminHomeTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.org.adminHomeIntro(user.organisation?.name ?? '')}</p>
      {notice && (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{notice}</p>
        </Alert>
      )}
      <h2 class="utrecht-heading-2">{t.register.accountsTitle}</h2>
      {accounts.status === 'loading' && <Loading />}
      {accounts.status === 'error' && <ErrorAlert error={accounts.error} onRetry={accounts.reload} />}
      {accounts.status === 'ok' && (
        <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="accounts-caption" tabIndex={0}>
          <table class="utrecht-table utrecht-table--html-table sw-table">
            <caption class="utrecht-table__caption" id="accounts-caption">
              {t.register.accountsCaption}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t.register.colName}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.colEmail}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.colRoles}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.colStatus}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.colActions}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {accounts.data.items.map((a) => (
                <tr class="utrecht-table__row" key={a.id}>
                  <th class="utrecht-table__header-cell" scope="row">{a.name}</th>
                  <td class="utrecht-table__cell">{a.email}</td>
                  <td class="utrecht-table__cell">{rolesText(t, a, orgId, depts)}</td>
                  <td class="utrecht-table__cell">{!a.active ? t.register.inactive : a.has_password ? t.register.active : t.register.invited}</td>
                  <td class="utrecht-table__cell">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setEditing(a.id)}>
                      {t.register.changeRolesShort}
                      <VisuallyHidden>: {a.name}</VisuallyHidden>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {accounts.status === 'ok' && editing !== null && (
        <RolesForm
          key={editing}
          account={accounts.data.items.find((a) => a.id === editing)!}
          orgId={orgId}
          departments={depts}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t.register.rolesSaved(saved.name));
              accounts.reload();
            }
          }}
        />
      )}
      <InviteForm orgId={orgId} departments={depts} />
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function rolesText(t: T, a: OrgAccount, orgId: number, depts: Ref[]): string {
  const roles = (a.org_roles ?? []).filter((r) => r.organisation_id === orgId);
  if (!roles.length) return t.register.noRoles;
  return roles
    .map((r) =>
      r.role === 'casemanager' && r.department_ids.length
        ? t.register.departmentsOf(r.department_ids.map((id) => depts.find((d) => d.id === id)?.name ?? String(id)).join(', '))
        : t.org.roles[r.role],
    )
    .join(', ');
}

/* The role checkboxes and, with casemanager, the choice of departments. */
function RoleChoice({ prefix, roles, setRoles, scope, setScope, chosen, setChosen, departments, errors }: {
  prefix: string;
  roles: OrgRoleName[];
  setRoles: (r: OrgRoleName[]) => void;
  scope: 'all' | 'some';
  setScope: (s: 'all' | 'some') => void;
  chosen: number[];
  setChosen: (d: number[]) => void;
  departments: Ref[];
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset" aria-describedby={`${prefix}roles-hint`}>
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.register.rolesLegend}</legend>
        <p class="utrecht-form-field-description" id={`${prefix}roles-hint`}>
          {t.register.rolesHint}
        </p>
        {ORG_ROLES.map((r) => (
          <Checkbox
            key={r}
            id={`${prefix}role-${r}`}
            label={t.register.roleNames[r]!}
            checked={roles.includes(r)}
            onChange={(on) => setRoles(on ? [...roles, r] : roles.filter((x) => x !== r))}
          />
        ))}
      </fieldset>
      {roles.includes('casemanager') && departments.length > 0 && (
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sw-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.register.scopeLegend}</legend>
          {errors[`${prefix}departments`] && (
            <div class="utrecht-form-field-error-message sw-field-error" id={`${prefix}departments-error`}>
              {errors[`${prefix}departments`]}
            </div>
          )}
          {(['all', 'some'] as const).map((s) => (
            <div class="utrecht-form-field utrecht-form-field--radio" key={s}>
              <input class="utrecht-radio-button" type="radio" id={`${prefix}scope-${s}`} name={`${prefix}scope`} checked={scope === s} onChange={() => setScope(s)} />
              <label class="utrecht-form-label utrecht-form-label--radio-button" for={`${prefix}scope-${s}`}>
                {s === 'all' ? t.register.scopeAll : t.register.scopeSome}
              </label>
            </div>
          ))}
          {scope === 'some' &&
            departments.map((d) => (
              <Checkbox
                key={d.id}
                id={`${prefix}dept-${d.id}`}
                label={d.name}
                checked={chosen.includes(d.id)}
                onChange={(on) => setChosen(on ? [...chosen, d.id] : chosen.filter((x) => x !== d.id))}
              />
            ))}
        </fieldset>
      )}
    </>
  );
}

function RolesForm({ account, orgId, departments, onDone }: { account: OrgAccount; orgId: number; departments: Ref[]; onDone: (saved: OrgAccount | null) => void }) {
  const { t, lang } = useI18n();
  const own = (account.org_roles ?? []).filter((r) => r.organisation_id === orgId);
  const [roles, setRoles] = useState<OrgRoleName[]>(own.map((r) => r.role));
  const cmDepts = own.find((r) => r.role === 'casemanager')?.department_ids ?? [];
  const [scope, setScope] = useState<'all' | 'some'>(cmDepts.length ? 'some' : 'all');
  const [chosen, setChosen] = useState<number[]>(cmDepts);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const some = roles.includes('casemanager') && scope === 'some';
    if (some && !chosen.length) return fail({ 'edit-departments': t.register.scopeRequired });
    clear();
    setBusy(true);
    try {
      const saved = await api.setOrgRoles(account.id, { organisation_id: orgId, roles, ...(some ? { department_ids: chosen } : {}) });
      onDone(saved);
    } catch (err) {
      setBusy(false);
      fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
  };
  return (
    <section aria-labelledby="roles-title" class="sw-narrow">
      <h2 class="utrecht-heading-2" id="roles-title">
        {t.register.changeRoles(account.name)}
      </h2>
      <ErrorSummary errors={errors} order={['edit-departments']} labels={{ 'edit-departments': t.register.scopeLegend }} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post" aria-labelledby="roles-title">
        <RoleChoice prefix="edit-" roles={roles} setRoles={setRoles} scope={scope} setScope={setScope} chosen={chosen} setChosen={setChosen} departments={departments} errors={errors} />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {busy ? t.register.saving : t.register.save}
          </button>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => onDone(null)}>
            {t.register.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function InviteForm({ orgId, departments }: { orgId: number; departments: Ref[] }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<OrgRoleName[]>([]);
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<NewInvitation | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labels = { invite_name: t.register.inviteName, invite_email: t.register.inviteEmail, 'new-departments': t.register.scopeLegend };
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    if (!name.trim()) errs.invite_name = t.register.required(t.register.inviteName);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errs.invite_email = t.register.emailInvalid;
    const some = roles.includes('casemanager') && scope === 'some';
    if (some && !chosen.length) errs['new-departments'] = t.register.scopeRequired;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      setMade(await api.inviteWithRoles({ name: name.trim(), email: email.trim(), organisation_id: orgId, org_roles: roles, ...(some ? { department_ids: chosen } : {}) }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) fail({ invite_email: t.register.inviteEmailTaken });
      else if (err instanceof ApiError && (err.field === 'email' || err.field === 'name')) fail({ [`invite_${err.field}`]: err.field === 'email' ? t.register.emailInvalid : t.register.required(t.register.inviteName) });
      else fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
    setBusy(false);
  };
  return (
    <section aria-labelledby="invite-account-title" class="sw-narrow">
      <h2 class="utrecht-heading-2" id="invite-account-title">
        {t.register.inviteAccountTitle}
      </h2>
      {made ? (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{t.register.inviteAccountDone(made.name)}</p>
          <p class="utrecht-paragraph">
            <span>{t.register.inviteLink}: </span>
            <code class="sw-invite-link" id="invite-link">
              {new URL(made.portal_url, location.origin).toString()}
            </code>
          </p>
        </Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.register.inviteAccountIntro}</p>
          <ErrorSummary errors={errors} order={Object.keys(labels)} labels={labels} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post" aria-labelledby="invite-account-title">
            <TextField id="invite_name" label={t.register.inviteName} value={name} onInput={setName} autoComplete="off" error={errors.invite_name} required />
            <TextField id="invite_email" type="email" label={t.register.inviteEmail} value={email} onInput={setEmail} autoComplete="off" error={errors.invite_email} required />
            <RoleChoice prefix="new-" roles={roles} setRoles={setRoles} scope={scope} setScope={setScope} chosen={chosen} setChosen={setChosen} departments={departments} errors={errors} />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
                {busy ? t.register.inviteBusy : t.register.inviteAccountButton}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
