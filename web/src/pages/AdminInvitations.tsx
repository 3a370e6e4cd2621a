/* The beheerder's invitations: invite someone (the personal link is shown
 * once, with a copy button), the open ones, withdraw one. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Invitation, NewInvitation, Organisation } from '../api/types';
import { Checkbox, ErrorSummary, Select, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateTimeText, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { AdminIntro, Pager } from './AdminParts';
import { orgOptions, useOrganisationOptions } from './AdminUsers';

export function AdminInvitationsPage() {
  const { t, lang } = useI18n();
  const a = t.admin;
  const orgs = useOrganisationOptions();
  const [page, setPage] = useState(1);
  const [made, setMade] = useState<NewInvitation | null>(null);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState<ApiError | null>(null);
  const list = useAsync(() => api.invitations(page), [page]);
  const orgList = orgs.status === 'ok' ? orgs.data.items : [];

  const withdraw = async (v: Invitation) => {
    setDone('');
    setFailed(null);
    try {
      await api.revokeInvitation(v.id);
      setDone(a.withdrawn(v.name));
      if (made?.id === v.id) setMade(null);
      list.reload();
    } catch (err) {
      setFailed(err instanceof ApiError ? err : new ApiError(0, 'internal', ''));
    }
  };

  return (
    <>
      <PageHeading title={a.invitationsTitle}>{a.invitationsTitle}</PageHeading>
      <AdminIntro current="uitnodigingen" />
      <p class="utrecht-paragraph">{a.invitationsIntro}</p>
      {made && <InvitationLink v={made} />}
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
      <InvitationForm
        orgs={orgList}
        onMade={(v) => {
          setDone('');
          setFailed(null);
          setMade(v);
          list.reload();
        }}
      />
      <section class="sw-section" aria-labelledby="open-invitations-heading">
        <h2 class="utrecht-heading-2" id="open-invitations-heading">
          {a.openTitle}
        </h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
        {list.status === 'ok' &&
          (list.data.items.length === 0 ? (
            <p class="utrecht-paragraph">{a.noOpen}</p>
          ) : (
            <>
              <div class="utrecht-table-container" role="region" aria-labelledby="invitations-caption" tabIndex={0}>
                <table class="utrecht-table utrecht-table--html-table sw-table">
                  <caption class="utrecht-table__caption" id="invitations-caption">
                    {a.openCaption(list.data.total)}
                  </caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <th class="utrecht-table__header-cell" scope="col">{a.userName}</th>
                      <th class="utrecht-table__header-cell" scope="col">{a.userEmail}</th>
                      <th class="utrecht-table__header-cell" scope="col">{a.userOrg}</th>
                      <th class="utrecht-table__header-cell" scope="col">{a.expires}</th>
                      <th class="utrecht-table__header-cell" scope="col">{a.orgActions}</th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {list.data.items.map((v) => (
                      <tr class="utrecht-table__row" key={v.id}>
                        <th class="utrecht-table__cell sw-row-header" scope="row">
                          {v.name}
                          {v.is_beheerder ? ` (${a.beheerder})` : ''}
                        </th>
                        <td class="utrecht-table__cell">{v.email}</td>
                        <td class="utrecht-table__cell">{v.organisation_id === null ? a.userOrgNone : orgList.find((o) => o.id === v.organisation_id)?.name ?? `#${v.organisation_id}`}</td>
                        <td class="utrecht-table__cell">
                          <DateTimeText iso={v.expires_at} />
                        </td>
                        <td class="utrecht-table__cell">
                          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => void withdraw(v)}>
                            {a.withdraw(v.name)}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} total={list.data.total} perPage={list.data.per_page} onPage={setPage} />
            </>
          ))}
      </section>
    </>
  );
}

/* The link, once: the server keeps only the token's digest. */
function InvitationLink({ v }: { v: NewInvitation }) {
  const { t } = useI18n();
  const a = t.admin;
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const link = `${location.origin}${v.portal_url}`;
  return (
    <section class="sw-section sw-invitation-link" aria-labelledby="invitation-link-heading">
      <Alert type="ok" live>
        <h2 class="utrecht-heading-2" id="invitation-link-heading">
          {a.linkTitle(v.name)}
        </h2>
        <p class="utrecht-paragraph">{a.linkExplain}</p>
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="invitation-link">
              {a.linkLabel}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input id="invitation-link" class="utrecht-textbox utrecht-textbox--html-input" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </div>
        </div>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            navigator.clipboard.writeText(link).then(
              () => setCopied('ok'),
              () => setCopied('failed'),
            );
          }}
        >
          {a.copy}
        </button>
        <p class="utrecht-paragraph" role="status">
          {copied === 'ok' ? a.copied : copied === 'failed' ? a.copyFailed : ''}
        </p>
      </Alert>
    </section>
  );
}

const INVITE_FIELDS = ['invite-name', 'invite-email'];

function InvitationForm({ orgs, onMade }: { orgs: Organisation[]; onMade: (v: NewInvitation) => void }) {
  const { t, lang } = useI18n();
  const a = t.admin;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [org, setOrg] = useState('');
  const [beheerder, setBeheerder] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!name.trim()) errs['invite-name'] = a.required(a.userName);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs['invite-email'] = t.login.emailInvalid;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const v = await api.invite({ name: name.trim(), email: email.trim(), organisation_id: org ? Number(org) : null, is_beheerder: beheerder });
      setName('');
      setEmail('');
      setBeheerder(false);
      onMade(v);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') fail({ 'invite-email': a.emailTaken });
      else {
        const field = err instanceof ApiError ? ({ name: 'invite-name', email: 'invite-email' } as Record<string, string>)[err.field] ?? '_form' : '_form';
        fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sw-section" aria-labelledby="invite-form-heading">
      <h2 class="utrecht-heading-2" id="invite-form-heading">
        {a.newInvitation}
      </h2>
      <ErrorSummary errors={errors} order={INVITE_FIELDS} labels={{ 'invite-name': a.userName, 'invite-email': a.userEmail }} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
        <TextField id="invite-name" label={a.userName} value={name} onInput={setName} error={errors['invite-name']} required maxLength={200} autoComplete="off" />
        <TextField id="invite-email" label={a.userEmail} type="email" value={email} onInput={setEmail} error={errors['invite-email']} required maxLength={254} autoComplete="off" />
        <Select id="invite-org" label={a.userOrg} value={org} onChange={setOrg} options={orgOptions(orgs, a.userOrgNone)} />
        <Checkbox id="invite-beheerder" label={a.inviteBeheerder} checked={beheerder} onChange={setBeheerder} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {a.invite}
        </button>
      </form>
    </section>
  );
}
