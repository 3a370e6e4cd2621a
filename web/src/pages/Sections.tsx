/* The sections of a case: information, decisions, documents (recorded steps), messages, consents, access log. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { CaseDetail, Consent, DeadlineCode } from '../api/types';
import { CONSENT_KINDS } from '../api/types';
import { ErrorSummary, MedicalWarning, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateText, DateTimeText, ErrorAlert, Loading, PageHeading, VisuallyHidden, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { href, type Section } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { DecisionsSection } from './Decisions';
import { DocumentList } from './Dossier';
import { InfoSection } from './Info';

export function SectionPage({ id, section }: { id: number; section: Section }) {
  const { t } = useI18n();
  const c = useAsync(() => api.case(id), [id]);
  const own = c.status === 'ok' && c.data.my_role === 'werknemer';
  const titles: Record<Section, string> = {
    informatie: own ? t.info.title : t.info.titleOther,
    beslissingen: t.decisions.title,
    documenten: t.documents.title,
    berichten: t.messages.title,
    toestemmingen: t.consents.title,
    inzage: own ? t.accessLog.title : t.accessLog.titleOther,
  };
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href(own ? { name: 'home' } : { name: 'case', id })}>
          {own ? t.employee.back : t.caseDetail.backToCase}
        </a>
      </p>
      <PageHeading title={titles[section]}>{titles[section]}</PageHeading>
      {c.status === 'ok' && !own && <p class="utrecht-paragraph sw-muted">{t.caseDetail.title(c.data.employee.name)}</p>}
      {c.status === 'loading' && <Loading />}
      {c.status === 'error' && <ErrorAlert error={c.error} onRetry={c.reload} />}
      {c.status === 'ok' && section === 'informatie' && <InfoSection caseId={id} />}
      {c.status === 'ok' && section === 'beslissingen' && <DecisionsSection c={c.data} />}
      {c.status === 'ok' && section === 'documenten' && (
        <>
          <DocumentList c={c.data} />
          <Documents caseId={id} />
        </>
      )}
      {c.status === 'ok' && section === 'berichten' && <Messages caseId={id} />}
      {c.status === 'ok' && section === 'toestemmingen' && <Consents c={c.data} />}
      {c.status === 'ok' && section === 'inzage' && <AccessLog caseId={id} own={own} />}
    </>
  );
}

function eventTitle(t: Dict, kind: string): string {
  return t.steps[kind as DeadlineCode]?.title ?? t.eventKinds[kind] ?? kind;
}

function Documents({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const ev = useAsync(() => api.events(caseId), [caseId]);
  if (ev.status === 'loading') return <Loading />;
  if (ev.status === 'error') return <ErrorAlert error={ev.error} onRetry={ev.reload} />;
  const items = [...ev.data.items].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section class="sw-section" aria-labelledby="steps-heading">
      <h2 class="utrecht-heading-2" id="steps-heading">
        {t.documents.caption}
      </h2>
      <p class="utrecht-paragraph">{t.documents.intro}</p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t.documents.empty}</p>
      ) : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table sw-table">
            <caption class="utrecht-table__caption">
              <VisuallyHidden>{t.documents.caption}</VisuallyHidden>
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t.documents.date}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.documents.kind}</th>
                <th class="utrecht-table__header-cell" scope="col">{t.documents.note}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map((e, i) => (
                <tr class="utrecht-table__row" key={e.id ?? i}>
                  <td class="utrecht-table__cell"><DateText iso={e.date} /></td>
                  <td class="utrecht-table__cell">{eventTitle(t, e.kind)}</td>
                  <td class="utrecht-table__cell">{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Messages({ caseId }: { caseId: number }) {
  const { t, lang } = useI18n();
  const msgs = useAsync(() => api.messages(caseId), [caseId]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: Event) => {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) return fail({ 'message-body': t.messages.bodyRequired });
    clear();
    setBusy(true);
    try {
      await api.sendMessage(caseId, body.trim());
      setBody('');
      setSent(true);
      msgs.reload();
    } catch (err) {
      fail({ [err instanceof ApiError && err.field === 'body' ? 'message-body' : '_form']: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="utrecht-paragraph">{t.messages.intro}</p>
      {msgs.status === 'loading' && <Loading />}
      {msgs.status === 'error' && <ErrorAlert error={msgs.error} onRetry={msgs.reload} />}
      {msgs.status === 'ok' &&
        (msgs.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{t.messages.empty}</p>
        ) : (
          <ol class="sw-messages">
            {[...msgs.data.items]
              .sort((a, b) => a.created_at.localeCompare(b.created_at))
              .map((m) => (
                <li class="sw-message" key={m.id}>
                  <p class="sw-message__meta">
                    <strong>{t.messages.by(m.author.name, t.roles[m.author.role] ?? m.author.role)}</strong>, <DateTimeText iso={m.created_at} />
                  </p>
                  <p class="utrecht-paragraph sw-message__body">{m.body}</p>
                </li>
              ))}
          </ol>
        ))}
      <section class="sw-section" aria-labelledby="new-message-heading">
        <h2 class="utrecht-heading-2" id="new-message-heading">
          {t.messages.formHeading}
        </h2>
        {sent && (
          <Alert type="ok" live>
            {t.messages.sent}
          </Alert>
        )}
        <ErrorSummary errors={errors} order={['message-body']} summaryRef={summaryRef} />
        <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
          <TextArea
            id="message-body"
            label={t.messages.newLabel}
            hint={t.messages.newHint}
            warning={<MedicalWarning />}
            value={body}
            onInput={setBody}
            maxLength={4000}
            error={errors['message-body']}
            required
          />
          <div class="utrecht-button-group sw-actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
              {busy ? t.messages.busy : t.messages.submit}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

function consentKindLabel(t: Dict, kind: string): string {
  return (t.consents.kinds as Record<string, string>)[kind] ?? kind;
}

function grantedToText(t: Dict, c: Consent): string {
  if (c.granted_to) return c.granted_to;
  return c.kind === 'zoekprofiel_netwerk' ? t.consents.networkName : '';
}

function Consents({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const own = c.my_role === 'werknemer';
  const list = useAsync(() => api.consents(c.id), [c.id]);
  const [kind, setKind] = useState('');
  const [grantedTo, setGrantedTo] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const grant = async (e: Event) => {
    e.preventDefault();
    setNotice(null);
    const errs: FieldErrors = {};
    if (!kind) errs['consent-kind'] = t.consents.kindRequired;
    if (kind && kind !== 'zoekprofiel_netwerk' && !grantedTo.trim()) errs['consent-to'] = t.consents.grantedToRequired;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      await api.grantConsent(c.id, kind, grantedTo.trim());
      setKind('');
      setGrantedTo('');
      setNotice(t.consents.granted);
      list.reload();
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'kind' ? 'consent-kind' : err instanceof ApiError && err.field === 'granted_to' ? 'consent-to' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (consent: Consent) => {
    setNotice(null);
    setActionError(null);
    try {
      await api.revokeConsent(c.id, consent.id);
      setNotice(t.consents.revoked);
      list.reload();
    } catch (err) {
      setActionError(err instanceof ApiError ? err : new ApiError(0, 'internal', ''));
    }
  };

  return (
    <>
      <p class="utrecht-paragraph">{own ? t.consents.intro : t.consents.onlyEmployee}</p>
      {notice && (
        <Alert type="ok" live>
          {notice}
        </Alert>
      )}
      {actionError && <ErrorAlert error={actionError} />}
      <section class="sw-section" aria-labelledby="consents-current">
        <h2 class="utrecht-heading-2" id="consents-current">
          {t.consents.current}
        </h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
        {list.status === 'ok' &&
          (list.data.items.length === 0 ? (
            <p class="utrecht-paragraph">{t.consents.none}</p>
          ) : (
            <ul class="sw-cards">
              {list.data.items.map((x) => (
                <li class="sw-card" key={x.id}>
                  <h3 class="utrecht-heading-3">{consentKindLabel(t, x.kind)}</h3>
                  <dl class="sw-facts">
                    <div class="sw-facts__row">
                      <dt>{t.consents.state}</dt>
                      <dd>{x.revoked_on ? t.consents.revokedState : t.consents.active}</dd>
                    </div>
                    {grantedToText(t, x) && (
                      <div class="sw-facts__row">
                        <dt>{t.consents.grantedTo}</dt>
                        <dd>{grantedToText(t, x)}</dd>
                      </div>
                    )}
                    <div class="sw-facts__row">
                      <dt>{t.consents.grantedAt}</dt>
                      <dd><DateText iso={x.given_on} /></dd>
                    </div>
                    {x.revoked_on && (
                      <div class="sw-facts__row">
                        <dt>{t.consents.revokedAt}</dt>
                        <dd><DateText iso={x.revoked_on} /></dd>
                      </div>
                    )}
                  </dl>
                  {own && !x.revoked_on && (
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      aria-label={t.consents.revokeLabel(consentKindLabel(t, x.kind))}
                      onClick={() => void revoke(x)}
                    >
                      {t.consents.revoke}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </section>
      {own && (
        <section class="sw-section" aria-labelledby="consent-form-heading">
          <h2 class="utrecht-heading-2" id="consent-form-heading">
            {t.consents.formHeading}
          </h2>
          <ErrorSummary errors={errors} order={['consent-kind', 'consent-to']} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={grant} noValidate method="post">
            <Select
              id="consent-kind"
              label={t.consents.kindLabel}
              value={kind}
              onChange={setKind}
              error={errors['consent-kind']}
              required
              options={[{ value: '', label: t.consents.choose }, ...CONSENT_KINDS.map((k) => ({ value: k, label: t.consents.kinds[k] }))]}
            />
            <TextField
              id="consent-to"
              label={t.consents.grantedToLabel}
              hint={t.consents.grantedToHint}
              value={grantedTo}
              onInput={setGrantedTo}
              error={errors['consent-to']}
              autoComplete="organization"
              required={false}
            />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
                {t.consents.submit}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}

function AccessLog({ caseId, own }: { caseId: number; own: boolean }) {
  const { t } = useI18n();
  const log = useAsync(() => api.accessLog(caseId), [caseId]);
  return (
    <>
      <p class="utrecht-paragraph">{t.accessLog.intro}</p>
      {log.status === 'loading' && <Loading />}
      {log.status === 'error' && <ErrorAlert error={log.error} onRetry={own ? log.reload : undefined} />}
      {log.status === 'ok' &&
        (log.data.items.length === 0 ? (
          <p class="utrecht-paragraph">{t.accessLog.empty}</p>
        ) : (
          <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="access-caption" tabIndex={0}>
            <table class="utrecht-table utrecht-table--html-table sw-table">
              <caption class="utrecht-table__caption" id="access-caption">
                {t.accessLog.caption}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.at}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.user}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.role}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.action}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.what}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.accessLog.outcome}</th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {log.data.items.map((a, i) => (
                  <tr class="utrecht-table__row" key={i}>
                    <td class="utrecht-table__cell"><DateTimeText iso={a.at} /></td>
                    <td class="utrecht-table__cell">{a.user.name ?? t.accessLog.unknownUser}</td>
                    <td class="utrecht-table__cell">{a.role ? ((t.roles as Record<string, string>)[a.role] ?? a.role) : t.accessLog.noRole}</td>
                    <td class="utrecht-table__cell">{t.accessLog.actions[a.action] ?? a.action}</td>
                    <td class="utrecht-table__cell">{t.accessLog.resources[a.resource] ?? a.resource}</td>
                    <td class="utrecht-table__cell">{t.accessLog.outcomes[a.outcome] ?? a.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
