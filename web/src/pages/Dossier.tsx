/*
 * The dossier documents (issue 5, item 6, on the dossier API): the list on
 * the documents section, one document with every version and what changed,
 * the employee's agreement, and the forms for the documents the portal
 * records itself: the probleemanalyse (functional part, by the bedrijfsarts)
 * and the plan van aanpak with its bijstellingen (by the employer). The
 * server checks every field again (core/doc); these forms only spare a
 * round trip. Everything here is functional data the employer reads.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { CaseDetail, DocumentVersion, DossierDocument, Role } from '../api/types';
import { ErrorSummary, MedicalWarning, Select, TextArea, TextField, type FieldErrors } from '../components/fields';
import { Alert, DateText, ErrorAlert, Loading, PageHeading, VisuallyHidden, apiErrorText } from '../components/ui';
import { Attachments } from '../components/files';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { formatDate, todayInAmsterdam } from '../lib/dates';
import { setFlash, takeFlash } from '../lib/flash';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

type FieldKind = 'date' | 'text' | 'long' | 'enum';
interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  values?: string[];
  /** Only on a bijstelling (version 2 and later). */
  revision?: boolean;
}

const DUUR = ['korter_dan_1_maand', '1_tot_3_maanden', '3_tot_6_maanden', 'langer_dan_6_maanden', 'onbekend'];
const TERUGKEER = ['volledig', 'gedeeltelijk', 'onwaarschijnlijk', 'onbekend'];

/* The field schemas of src/core/doc_types.c for the types the portal records. */
const FORMS: Record<string, { roles: Role[]; fields: FieldSpec[] }> = {
  probleemanalyse: {
    roles: ['bedrijfsarts'],
    fields: [
      { name: 'datum', kind: 'date', required: true },
      { name: 'beperkingen', kind: 'long', required: true },
      { name: 'mogelijkheden', kind: 'long', required: true },
      { name: 'verwachte_duur', kind: 'enum', required: true, values: DUUR },
      { name: 'verwachting_terugkeer', kind: 'enum', required: true, values: TERUGKEER },
      { name: 'verwachte_terugkeer', kind: 'date', required: false },
      { name: 'advies', kind: 'long', required: true },
    ],
  },
  plan_van_aanpak: {
    roles: ['werkgever'],
    fields: [
      { name: 'datum', kind: 'date', required: true },
      { name: 'doel', kind: 'long', required: true },
      { name: 'spoor', kind: 'enum', required: false, values: ['spoor_1', 'spoor_2', 'beide'] },
      { name: 'activiteiten', kind: 'long', required: true },
      { name: 'termijnen', kind: 'long', required: true },
      { name: 'evaluatiemomenten', kind: 'long', required: true },
      { name: 'casemanager', kind: 'text', required: true },
      // Both visions: required for first sick days from 2023-07-01 (DOMAIN.md section 4).
      { name: 'visie_werkgever', kind: 'long', required: true },
      { name: 'visie_werknemer', kind: 'long', required: true },
      { name: 'aanleiding_bijstelling', kind: 'long', required: true, revision: true },
    ],
  },
};

const fieldLabel = (t: Dict, name: string) => t.dossier.fields[name] ?? name.replace(/_/g, ' ');
const valueText = (t: Dict, v: string | number) => t.dossier.values[String(v)] ?? String(v);
const roleText = (t: Dict, r: string) => (t.roles as Record<string, string>)[r] ?? r;

function ApprovalText({ v }: { v: DocumentVersion }) {
  const { t, lang } = useI18n();
  if (!v.approval) return <>{t.dossier.noApproval}</>;
  const state = t.dossier.approvalState[v.approval.state] ?? v.approval.state;
  return <>{v.approval.date ? t.dossier.approvalOn(state, formatDate(v.approval.date, lang)) : state}</>;
}

/** The documents of the case and, for the roles that record one, its form. */
export function DocumentList({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const docs = useAsync(() => api.documents(c.id), [c.id]);
  if (docs.status === 'loading') return <Loading />;
  if (docs.status === 'error') return docs.error.code === 'not_found' ? null : <ErrorAlert error={docs.error} onRetry={docs.reload} />;
  const items = [...docs.data.items].reverse();
  const forms = Object.entries(FORMS).filter(([, f]) => c.my_role && f.roles.includes(c.my_role));
  return (
    <>
      <section class="sw-section" aria-labelledby="dossier-heading">
        <h2 class="utrecht-heading-2" id="dossier-heading">
          {t.dossier.heading}
        </h2>
        {items.length === 0 ? (
          <p class="utrecht-paragraph">{t.dossier.none}</p>
        ) : (
          <div class="utrecht-table-container">
            <table class="utrecht-table utrecht-table--html-table sw-table">
              <caption class="utrecht-table__caption">
                <VisuallyHidden>{t.dossier.caption}</VisuallyHidden>
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">{t.dossier.document}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.dossier.datum}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.dossier.version}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.dossier.author}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.dossier.approval}</th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {items.map((d) => (
                  <tr class="utrecht-table__row" key={d.id}>
                    <th class="utrecht-table__cell sw-row-header" scope="row">
                      <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'document', id: c.id, did: d.id })}>
                        {t.dossier.titles[d.type] ?? d.title}
                      </a>
                    </th>
                    <td class="utrecht-table__cell"><DateText iso={d.latest.datum} style="medium" /></td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric-data">{d.versions_count}</td>
                    <td class="utrecht-table__cell">{d.latest.author.name ?? ''} ({roleText(t, d.latest.author.role)})</td>
                    <td class="utrecht-table__cell"><ApprovalText v={d.latest} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {forms.map(([type]) => (
        <DocumentForm key={type} caseId={c.id} type={type} />
      ))}
    </>
  );
}

/** A new document (did undefined) or a bijstelling of document did, prefilled with its newest version. */
function DocumentForm({ caseId, type, did, initial, onRevised }: { caseId: number; type: string; did?: number; initial?: DocumentVersion; onRevised?: () => void }) {
  const { t, lang } = useI18n();
  const spec = FORMS[type]!.fields.filter((f) => !f.revision || did !== undefined);
  const start = (): Record<string, string> =>
    Object.fromEntries(spec.map((f) => [f.name, f.name === 'datum' ? todayInAmsterdam() : f.revision ? '' : String(initial?.content[f.name] ?? '')]));
  const [values, setValues] = useState<Record<string, string>>(start);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const id = (name: string) => `${type}-${name}`;
  const title = t.dossier.titles[type] ?? type;

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    for (const f of spec) if (f.required && !values[f.name]?.trim()) errs[id(f.name)] = t.dossier.required;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    const content = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    try {
      if (did === undefined) {
        const created = await api.createDocument(caseId, type, content);
        setFlash(t.dossier.saved);
        navigate({ name: 'document', id: caseId, did: created.id });
      } else {
        await api.reviseDocument(caseId, did, content);
        onRevised?.();
      }
    } catch (err) {
      const field = err instanceof ApiError && spec.some((f) => f.name === err.field) ? id(err.field) : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${type}-form-heading`;
  return (
    <section class="sw-section" aria-labelledby={headingId}>
      <h2 class="utrecht-heading-2" id={headingId}>
        {did === undefined ? t.dossier.newHeading(title) : t.dossier.reviseHeading}
      </h2>
      {did !== undefined && <p class="utrecht-paragraph">{t.dossier.reviseIntro}</p>}
      <ErrorSummary errors={errors} order={spec.map((f) => id(f.name))} labels={Object.fromEntries(spec.map((f) => [id(f.name), fieldLabel(t, f.name)]))} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        {spec.map((f) => {
          const common = { id: id(f.name), label: fieldLabel(t, f.name), error: errors[id(f.name)], required: f.required };
          const set = (v: string) => setValues({ ...values, [f.name]: v });
          if (f.kind === 'enum')
            return (
              <Select
                key={f.name}
                {...common}
                value={values[f.name] ?? ''}
                onChange={set}
                options={[{ value: '', label: t.dossier.choose }, ...(f.values ?? []).map((v) => ({ value: v, label: valueText(t, v) }))]}
              />
            );
          if (f.kind === 'long') return <TextArea key={f.name} {...common} warning={<MedicalWarning />} value={values[f.name] ?? ''} onInput={set} maxLength={10000} rows={3} />;
          return <TextField key={f.name} {...common} type={f.kind === 'date' ? 'date' : 'text'} size={f.kind === 'date' ? 'short' : undefined} value={values[f.name] ?? ''} onInput={set} maxLength={200} />;
        })}
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {busy ? t.dossier.busy : did === undefined ? t.dossier.save : t.dossier.saveRevision}
          </button>
        </div>
      </form>
    </section>
  );
}

function Content({ v }: { v: DocumentVersion }) {
  const { t } = useI18n();
  return (
    <dl class="sw-facts">
      {Object.entries(v.content).map(([k, val]) => (
        <div class="sw-facts__row" key={k}>
          <dt>{fieldLabel(t, k)}</dt>
          <dd class="sw-prewrap">{/^\d{4}-\d{2}-\d{2}$/.test(String(val)) ? <DateText iso={String(val)} /> : valueText(t, val)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Diff({ caseId, d }: { caseId: number; d: DossierDocument }) {
  const { t } = useI18n();
  const to = d.versions_count;
  const diff = useAsync(() => api.documentDiff(caseId, d.id, to - 1, to), [caseId, d.id, to]);
  if (diff.status === 'loading') return <Loading />;
  if (diff.status === 'error') return <ErrorAlert error={diff.error} onRetry={diff.reload} />;
  const changed = diff.data.fields.filter((f) => f.status !== 'gelijk');
  return (
    <section class="sw-section sw-diff" aria-labelledby="diff-heading">
      <h2 class="utrecht-heading-2" id="diff-heading">
        {t.dossier.diffHeading(to - 1, to)}
      </h2>
      {changed.length === 0 ? (
        <p class="utrecht-paragraph">{t.dossier.diffNone}</p>
      ) : (
        <dl class="sw-facts">
          {changed.map((f) => (
            <div class="sw-facts__row" key={f.field}>
              <dt>
                {fieldLabel(t, f.field)} ({t.dossier.diffStatus[f.status] ?? f.status})
              </dt>
              <dd>
                {f.old !== null && (
                  <p class="utrecht-paragraph">
                    {t.dossier.diffOld}: <del>{valueText(t, f.old)}</del>
                  </p>
                )}
                {f.new !== null && (
                  <p class="utrecht-paragraph">
                    {t.dossier.diffNew}: <ins>{valueText(t, f.new)}</ins>
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function AgreementForm({ caseId, d, onDone }: { caseId: number; d: DossierDocument; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const answer = async (akkoord: boolean) => {
    if (!akkoord && !comment.trim()) return fail({ 'agreement-comment': t.dossier.toelichtingRequired });
    clear();
    setBusy(true);
    try {
      await api.answerDocument(caseId, d.id, d.versions_count, akkoord, comment.trim() || null);
      onDone();
    } catch (err) {
      fail({ [err instanceof ApiError && err.field === 'toelichting' ? 'agreement-comment' : '_form']: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section sw-step" aria-labelledby="agree-heading">
      <h2 class="utrecht-heading-2" id="agree-heading">
        {t.dossier.agreeHeading}
      </h2>
      <p class="utrecht-paragraph">{t.dossier.agreeIntro}</p>
      <ErrorSummary errors={errors} order={['agreement-comment']} summaryRef={summaryRef} />
      <form
        class="utrecht-form sw-form"
        noValidate
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          void answer(true);
        }}
      >
        <TextArea
          id="agreement-comment"
          label={t.dossier.toelichting}
          hint={t.dossier.toelichtingHint}
          warning={<MedicalWarning />}
          value={comment}
          onInput={setComment}
          maxLength={10000}
          rows={3}
          error={errors['agreement-comment']}
          required={false}
        />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
            {t.dossier.agree}
          </button>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={() => void answer(false)}>
            {t.dossier.disagree}
          </button>
        </div>
      </form>
    </section>
  );
}

/** #/dossiers/:id/documenten/:did */
export function DocumentPage({ id, did }: { id: number; did: number }) {
  const { t, lang } = useI18n();
  const [flash, setFlashState] = useState(takeFlash);
  const state = useAsync(() => Promise.all([api.case(id), api.document(id, did)]), [id, did]);
  const back = (
    <p class="utrecht-paragraph sw-backlink">
      <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'section', id, section: 'documenten' })}>
        {t.dossier.back}
      </a>
    </p>
  );
  if (state.status === 'loading')
    return (
      <>
        {back}
        <PageHeading title={t.dossier.heading}>{t.app.loading}</PageHeading>
      </>
    );
  if (state.status === 'error')
    return (
      <>
        {back}
        <PageHeading title={t.app.errorTitle}>{t.app.errorTitle}</PageHeading>
        <ErrorAlert error={state.error} onRetry={state.reload} />
      </>
    );
  const [c, d] = state.data;
  const title = t.dossier.titles[d.type] ?? d.title;
  const latest = d.latest;
  const versions = [...(d.versions ?? [latest])].reverse();
  const own = c.my_role === 'werknemer';
  const canAnswer = own && latest.approval?.state === 'open';
  const canRevise = !!c.my_role && !!FORMS[d.type]?.roles.includes(c.my_role);
  return (
    <>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p class="utrecht-paragraph sw-muted">{t.caseDetail.title(c.employee.name)}</p>
      {flash && (
        <Alert type="ok" live>
          {flash}
        </Alert>
      )}
      <dl class="sw-facts">
        <div class="sw-facts__row">
          <dt>{t.dossier.version}</dt>
          <dd>
            {latest.version} ({t.dossier.latest})
          </dd>
        </div>
        <div class="sw-facts__row">
          <dt>{t.dossier.datum}</dt>
          <dd>
            <DateText iso={latest.datum} />
          </dd>
        </div>
        <div class="sw-facts__row">
          <dt>{t.dossier.approval}</dt>
          <dd>
            <ApprovalText v={latest} />
          </dd>
        </div>
        {latest.approval?.toelichting && (
          <div class="sw-facts__row">
            <dt>{t.dossier.toelichtingShown}</dt>
            <dd>{latest.approval.toelichting}</dd>
          </div>
        )}
      </dl>
      {canAnswer && (
        <AgreementForm
          caseId={id}
          d={d}
          onDone={() => {
            setFlashState(t.dossier.answered);
            state.reload();
          }}
        />
      )}
      {d.versions_count > 1 && <Diff caseId={id} d={d} />}
      <section class="sw-section" aria-labelledby="versions-heading">
        <h2 class="utrecht-heading-2" id="versions-heading">
          {t.dossier.versionsHeading}
        </h2>
        {versions.map((v) => (
          <article class="sw-card sw-version" key={v.version} aria-labelledby={`version-${v.version}`}>
            <h3 class="utrecht-heading-3" id={`version-${v.version}`}>
              {t.dossier.versionHeading(v.version, formatDate(v.datum, lang))}
            </h3>
            <p class="utrecht-paragraph sw-muted">
              {t.dossier.by(v.author.name ?? '', roleText(t, v.author.role))}
              {v.approval && (
                <>
                  {' · '}
                  <ApprovalText v={v} />
                </>
              )}
            </p>
            <Content v={v} />
          </article>
        ))}
      </section>
      <Attachments caseId={id} did={d.id} canUpload={canRevise} />
      {canRevise && (
        <DocumentForm
          key={d.versions_count}
          caseId={id}
          type={d.type}
          did={d.id}
          initial={latest}
          onRevised={() => {
            setFlashState(t.dossier.savedRevision);
            state.reload();
          }}
        />
      )}
    </>
  );
}
