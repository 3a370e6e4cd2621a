/*
 * The CSV import of the register (issue 11): the expected columns explained,
 * a file chosen, a dry run that reports every line the server refuses and
 * why, and only then "Importeren" for real (all or nothing on the server).
 * A changed file must be checked again before it can be imported.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { importRegister, type ImportReport } from '../api/registerImport';
import { ErrorSummary } from '../components/fields';
import { Alert, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../lib/router';
import { useFormErrors } from '../lib/useFormErrors';

const COLUMNS = ['personeelsnummer', 'naam', 'datum_in_dienst', 'contracturen', 'normuren', 'geboortedatum', 'afdeling', 'leidinggevende', 'email', 'datum_uit_dienst', 'functie'];

export function RegisterImportPage({ orgId }: { orgId: number }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'' | 'check' | 'import'>('');
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const run = async (dryRun: boolean) => {
    if (!file) return fail({ csv_file: t.register.fileRequired });
    clear();
    setBusy(dryRun ? 'check' : 'import');
    try {
      const report = await importRegister(orgId, file.text, dryRun);
      if (dryRun) setCheck(report);
      else if (report.refused_total > 0) setCheck(report);
      else setDone(report);
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      fail({ csv_file: e?.status === 413 ? t.register.tooLarge : e ? apiErrorText(t, lang, e) : t.errors.internal });
    }
    setBusy('');
  };

  const checkedOk = check !== null && check.refused_total === 0;
  return (
    <>
      <PageHeading title={t.register.importTitle}>{t.register.importTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.register.importIntro}</p>
      <h2 class="utrecht-heading-2">{t.register.columnsTitle}</h2>
      <p class="utrecht-paragraph">{t.register.columnsIntro}</p>
      <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="columns-caption" tabIndex={0}>
        <table class="utrecht-table utrecht-table--html-table sw-table">
          <caption class="utrecht-table__caption" id="columns-caption">
            {t.register.columnsCaption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t.register.colColumn}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.register.colRequired}</th>
              <th class="utrecht-table__header-cell" scope="col">{t.register.colMeaning}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {COLUMNS.map((c) => (
              <tr class="utrecht-table__row" key={c}>
                <th class="utrecht-table__header-cell" scope="row">
                  <code>{c}</code>
                </th>
                <td class="utrecht-table__cell">{t.register.requiredColumns.includes(c) ? t.register.yes : t.register.no}</td>
                <td class="utrecht-table__cell">{t.register.columns[c]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="sw-narrow">
        <ErrorSummary errors={errors} order={['csv_file']} labels={{ csv_file: t.register.file }} summaryRef={summaryRef} />
        <form
          class="utrecht-form sw-form"
          noValidate
          method="post"
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <div class={`utrecht-form-field${errors.csv_file ? ' utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="csv_file">
                {t.register.file}
              </label>
            </div>
            <div class="utrecht-form-field__description utrecht-form-field-description" id="csv_file-hint">
              {t.register.fileHint}
            </div>
            {errors.csv_file && (
              <div class="utrecht-form-field__error-message utrecht-form-field-error-message sw-field-error" id="csv_file-error">
                {errors.csv_file}
              </div>
            )}
            <div class="utrecht-form-field__input">
              <input
                id="csv_file"
                name="csv_file"
                type="file"
                accept=".csv,text/csv"
                class="sw-file"
                aria-describedby={errors.csv_file ? 'csv_file-hint csv_file-error' : 'csv_file-hint'}
                aria-invalid={errors.csv_file ? 'true' : undefined}
                onChange={async (e) => {
                  const f = e.currentTarget.files?.[0];
                  setCheck(null);
                  setDone(null);
                  setFile(f ? { name: f.name, text: await f.text() } : null);
                }}
              />
            </div>
          </div>
          <div class="utrecht-button-group sw-actions">
            <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={busy !== ''}>
              {busy === 'check' ? t.register.checking : t.register.check}
            </button>
            {checkedOk && !done && (
              <button type="button" class="utrecht-button utrecht-button--primary-action" disabled={busy !== ''} onClick={() => void run(false)}>
                {busy === 'import' ? t.register.importing : t.register.importNow}
              </button>
            )}
          </div>
        </form>
      </div>
      {done ? (
        <section aria-labelledby="import-result">
          <h2 class="utrecht-heading-2" id="import-result">
            {t.register.resultTitle}
          </h2>
          <Alert type="ok" live>
            <p class="utrecht-paragraph">{t.register.imported(done.lines, done.created, done.updated)}</p>
          </Alert>
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'register' })}>
              {t.register.back}
            </a>
          </p>
        </section>
      ) : (
        check && <CheckReport report={check} />
      )}
    </>
  );
}

function CheckReport({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-check">
      <h2 class="utrecht-heading-2" id="import-check">
        {t.register.reportTitle}
      </h2>
      {report.refused_total === 0 ? (
        <Alert type="ok" live>
          <p class="utrecht-paragraph">{t.register.checkOk(report.lines, report.created, report.updated)}</p>
        </Alert>
      ) : (
        <>
          <Alert type="warning" live>
            <p class="utrecht-paragraph">{t.register.checkRefused(report.refused_total, report.lines)}</p>
          </Alert>
          <div class="utrecht-table-container utrecht-table-container--overflow-inline" role="region" aria-labelledby="refused-caption" tabIndex={0}>
            <table class="utrecht-table utrecht-table--html-table sw-table">
              <caption class="utrecht-table__caption" id="refused-caption">
                {t.register.refusedCaption}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">{t.register.colLine}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.register.colCol}</th>
                  <th class="utrecht-table__header-cell" scope="col">{t.register.colReason}</th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {report.refused.map((r, i) => (
                  <tr class="utrecht-table__row" key={i}>
                    <td class="utrecht-table__cell">{r.line}</td>
                    <td class="utrecht-table__cell">{r.column || t.register.wholeLine}</td>
                    <td class="utrecht-table__cell">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.refused.length < report.refused_total && <p class="utrecht-paragraph">{t.register.moreRefused(report.refused.length, report.refused_total)}</p>}
        </>
      )}
    </section>
  );
}
