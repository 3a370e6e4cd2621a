/*
 * One person of the register (issue 11): details, employments, the
 * invitation to the portal (the link shown once) and a sick report straight
 * from the register. Adding a person is the same form without a person.
 * Read-only for a role that may only read (the leidinggevende).
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { NewInvitation } from '../api/types';
import type { Person } from '../api/org';
import { ErrorSummary, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateText, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { parseIsoDate, todayInAmsterdam } from '../lib/dates';
import { setFlash, takeFlash } from '../lib/flash';
import { parsePercent } from '../lib/percent';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { EmploymentForm, PersonForm } from './RegisterForms';

function BackLink() {
  const { t } = useI18n();
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'register' })}>
        {t.register.back}
      </a>
    </p>
  );
}

export function NewPersonPage({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  return (
    <div class="sw-narrow">
      <PageHeading title={t.register.newTitle}>{t.register.newTitle}</PageHeading>
      <PersonForm
        orgId={orgId}
        onSaved={(p) => {
          setFlash(t.register.created(p.name));
          navigate({ name: 'person', id: p.id });
        }}
      />
      <BackLink />
    </div>
  );
}

export function PersonPage({ id, orgId, canWrite, canReport }: { id: number; orgId: number; canWrite: boolean; canReport: boolean }) {
  const { t, lang } = useI18n();
  const [flash, setFlashShown] = useState(takeFlash);
  const [editing, setEditing] = useState(false);
  const r = useAsync(() => api.person(id), [id]);
  if (r.status === 'loading') return <Loading />;
  if (r.status === 'error') return <ErrorAlert error={r.error} onRetry={r.reload} />;
  const p = r.data;
  const nf = (n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const facts: [string, string][] = [
    [t.register.personnelNumber, p.personnel_number],
    [t.register.birthDate, p.birth_date ?? t.register.noValue],
    [t.register.department, p.department?.name ?? t.register.noValue],
    [t.register.manager, p.manager?.name ?? t.register.noValue],
    [t.register.email, p.email ?? t.register.noValue],
    [t.register.colAccount, p.has_account ? t.register.hasAccount : t.register.noAccount],
  ];
  return (
    <>
      <PageHeading title={p.name}>{p.name}</PageHeading>
      {flash && (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{flash}</p>
        </Alert>
      )}
      <BackLink />
      <h2 class="utrecht-heading-2">{t.register.details}</h2>
      {editing ? (
        <div class="sw-narrow">
          <PersonForm
            orgId={orgId}
            person={p}
            onSaved={() => {
              setEditing(false);
              setFlashShown(t.register.saved);
              r.reload();
            }}
          />
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setEditing(false)}>
            {t.register.cancel}
          </button>
        </div>
      ) : (
        <>
          <dl class="sw-facts">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{k === t.register.birthDate && p.birth_date ? <DateText iso={p.birth_date} /> : v}</dd>
              </div>
            ))}
          </dl>
          {canWrite && (
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setEditing(true)}>
              {t.register.editTitle}
            </button>
          )}
        </>
      )}
      <h2 class="utrecht-heading-2">{t.register.employments}</h2>
      {p.employments.length === 0 ? (
        <p class="utrecht-paragraph">{t.register.noEmployments}</p>
      ) : (
        <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="employments-caption" tabIndex={0}>
          <table class="utrecht-table utrecht-table--html-table sw-table">
            <caption class="utrecht-table__caption" id="employments-caption">
              {t.register.employmentsCaption}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t.register.from}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.until}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.contractHours}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.normHours}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.factor}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.register.functie}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {p.employments.map((e) => (
                <tr class="utrecht-table__row" key={e.id}>
                  <td class="utrecht-table__cell">
                    <DateText iso={e.from} style="medium" />
                  </td>
                  <td class="utrecht-table__cell">{e.until ? <DateText iso={e.until} style="medium" /> : t.register.running}</td>
                  <td class="utrecht-table__cell">{nf(e.contract_hours)}</td>
                  <td class="utrecht-table__cell">{nf(e.norm_hours)}</td>
                  <td class="utrecht-table__cell">{nf(e.factor)}</td>
                  <td class="utrecht-table__cell">{e.functie ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && (
        <div class="sw-narrow">
          <EmploymentForm
            person={p}
            onSaved={() => {
              setFlashShown(t.register.employmentAdded);
              r.reload();
            }}
          />
        </div>
      )}
      {canReport && <SickReport person={p} />}
      {canWrite && <Invitation person={p} />}
    </>
  );
}

/* A sick report from the register: the first sick day and the percentage; the rest on the case page. */
function SickReport({ person }: { person: Person }) {
  const { t, lang } = useI18n();
  const [day, setDay] = useState(todayInAmsterdam());
  const [percent, setPercent] = useState('100');
  const [busy, setBusy] = useState(false);
  const [openCase, setOpenCase] = useState<number | null>(person.open_case_id);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const labels = { sick_first_day: t.ziekmelding.firstSickDay, sick_percent: t.org.report.percent };
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    if (!parseIsoDate(day)) errs.sick_first_day = t.ziekmelding.dateInvalid;
    else if (day > todayInAmsterdam()) errs.sick_first_day = t.ziekmelding.dateFuture;
    if (parsePercent(percent) === null) errs.sick_percent = t.org.report.percentInvalid;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      const created = await api.reportSick({ person_id: person.id, first_sick_day: day, percent: parsePercent(percent)! });
      setFlash(t.ziekmelding.success(person.name));
      navigate({ name: 'case', id: created.id });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409 && err.caseId) setOpenCase(err.caseId);
      else if (err instanceof ApiError && err.field === 'first_sick_day') fail({ sick_first_day: apiErrorText(t, lang, err) });
      else if (err instanceof ApiError && err.field === 'percent') fail({ sick_percent: t.org.report.percentInvalid });
      else fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
  };
  return (
    <section aria-labelledby="sick-title" class="sw-narrow">
      <h2 class="utrecht-heading-2" id="sick-title">
        {t.register.sickTitle}
      </h2>
      {openCase !== null ? (
        <Alert type="info">
          <p class="utrecht-paragraph">{t.register.sickOpen}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id: openCase })}>
              {t.register.sickOpenLink}
            </a>
          </p>
        </Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.register.sickIntro}</p>
          <ErrorSummary errors={errors} order={Object.keys(labels)} labels={labels} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post" aria-labelledby="sick-title">
            <TextField id="sick_first_day" type="date" label={t.ziekmelding.firstSickDay} value={day} onInput={setDay} size="short" error={errors.sick_first_day} required />
            <TextField id="sick_percent" label={t.org.report.percent} hint={t.org.report.percentHint} value={percent} onInput={setPercent} inputMode="decimal" autoComplete="off" size="short" error={errors.sick_percent} required />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
                {busy ? t.ziekmelding.busy : t.register.sickSubmit}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/* "Uitnodigen voor het portaal": the link is in the answer once; the database keeps only its digest. */
function Invitation({ person }: { person: Person }) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<NewInvitation | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  if (person.has_account)
    return (
      <section aria-labelledby="invite-title">
        <h2 class="utrecht-heading-2" id="invite-title">
          {t.register.inviteTitle}
        </h2>
        <p class="utrecht-paragraph">{t.register.hasAccountAlready}</p>
      </section>
    );
  const submit = async (ev: Event) => {
    ev.preventDefault();
    clear();
    setBusy(true);
    try {
      setMade(await api.invitePerson(person.id, email.trim() || undefined));
    } catch (err) {
      if (err instanceof ApiError && err.field === 'email' && err.status === 422) fail({ invite_email: email.trim() ? t.register.emailInvalid : t.register.inviteNoEmail });
      else if (err instanceof ApiError && err.status === 409) fail({ invite_email: t.register.inviteConflict });
      else fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
    setBusy(false);
  };
  const link = made ? new URL(made.portal_url, location.origin).toString() : '';
  return (
    <section aria-labelledby="invite-title" class="sw-narrow">
      <h2 class="utrecht-heading-2" id="invite-title">
        {t.register.inviteTitle}
      </h2>
      {made ? (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{t.register.inviteDone}</p>
          <p class="utrecht-paragraph">
            <span>{t.register.inviteLink}: </span>
            <code class="sw-invite-link" id="invite-link">
              {link}
            </code>
          </p>
        </Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.register.inviteIntro}</p>
          <ErrorSummary errors={errors} order={['invite_email']} labels={{ invite_email: t.register.email }} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post" aria-labelledby="invite-title">
            <TextField id="invite_email" type="email" label={t.register.email} hint={t.register.inviteEmailHint} value={email} onInput={setEmail} autoComplete="off" error={errors.invite_email} required={false} />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                {busy ? t.register.inviteBusy : t.register.inviteButton}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
