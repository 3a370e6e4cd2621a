/*
 * Files in the portal: the case's downloads (RIV, plan van aanpak, the
 * 42-week data sheet for the employer, the deadlines), the calendar feed with
 * a copy button, the case list's CSV, and a document's attachments with an
 * upload that takes a dropped file and shows its progress and the server's
 * refusal in words.
 */
import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { filesApi, filesUrl, uploadAttachment, type Attachment } from '../api/files';
import type { Role } from '../api/types';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { Alert, DateText } from './ui';

function Download({ url, label }: { url: string; label: string }) {
  return (
    <li class="utrecht-link-list__item">
      <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={url} download>
        {label}
      </a>
    </li>
  );
}

/** The 42-week data sheet is the employer's to send (docs/domain.md): the werkgever side only. */
export function MeldingUwvLink({ caseId, viewer }: { caseId: number; viewer: readonly Role[] }) {
  const { t } = useI18n();
  if (!viewer.includes('werkgever')) return null;
  return (
    <p class="utrecht-paragraph sw-file-link">
      <a class="utrecht-link utrecht-link--html-a" href={filesUrl.meldingUwv(caseId)} download>
        {t.files.meldingUwv}
      </a>{' '}
      <span class="sw-muted">{t.files.meldingUwvHint}</span>
    </p>
  );
}

export function CaseFiles({ caseId, viewer }: { caseId: number; viewer: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <section class="sw-section sw-files" aria-labelledby="files-heading">
      <h2 class="utrecht-heading-2" id="files-heading">
        {t.files.heading}
      </h2>
      <p class="utrecht-paragraph">{t.files.intro}</p>
      <ul class="utrecht-link-list utrecht-link-list--html-ul sw-link-list">
        <Download url={filesUrl.riv(caseId)} label={t.files.riv} />
        <Download url={filesUrl.planVanAanpak(caseId)} label={t.files.pva} />
        <Download url={filesUrl.deadlinesCsv(caseId)} label={t.files.deadlinesCsv} />
        {viewer.includes('werkgever') && <Download url={filesUrl.meldingUwv(caseId)} label={t.files.meldingUwv} />}
      </ul>
      <CalendarFeed />
    </section>
  );
}

export function CasesCsvLink() {
  const { t } = useI18n();
  return (
    <p class="utrecht-paragraph sw-file-link">
      <a class="utrecht-link utrecht-link--html-a" href={filesUrl.casesCsv()} download>
        {t.files.casesCsv}
      </a>
    </p>
  );
}

/* The feed URL is shown once (the server keeps only its digest); a new one replaces it. */
export function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);
  const make = async () => {
    setBusy(true);
    setNote('');
    setFailed(false);
    try {
      const r = await filesApi.calendarFeed();
      setUrl(r.url.startsWith('/') ? `${location.origin}${r.url}` : r.url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote(t.files.copied);
    } catch {
      setNote(t.files.copyFailed);
    }
  };
  return (
    <div class="sw-calendar">
      <h3 class="utrecht-heading-3">{t.files.calendarHeading}</h3>
      <p class="utrecht-paragraph">{t.files.calendarIntro}</p>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={() => void make()}>
        {url ? t.files.calendarRemake : t.files.calendarMake}
      </button>
      {failed && (
        <Alert type="error" live>
          {t.files.calendarFailed}
        </Alert>
      )}
      {url && (
        <div class="sw-calendar__url">
          <label class="utrecht-form-label" for="calendar-url">
            {t.files.calendarLabel}
          </label>
          <input id="calendar-url" class="utrecht-textbox utrecht-textbox--html-input" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void copy()}>
            {t.files.copy}
          </button>
          <p class="utrecht-paragraph sw-muted">{t.files.calendarWarning}</p>
          <p class="utrecht-paragraph" role="status">
            {note}
          </p>
        </div>
      )}
    </div>
  );
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);
const typeName = (ct: string) => (ct === 'application/pdf' ? 'PDF' : ct === 'image/png' ? 'PNG' : ct === 'image/jpeg' ? 'JPG' : ct);

/** The server's refusal of an upload, in words. */
export function uploadErrorText(t: Dict, e: ApiError): string {
  if (e.status === 413) return t.files.tooLarge;
  if (e.status === 415) return t.files.wrongType;
  if ((e.status === 400 || e.status === 422) && e.field === 'body') return t.files.empty;
  return t.files.uploadFailed;
}

export function Attachments({ caseId, did, canUpload }: { caseId: number; did: number; canUpload: boolean }) {
  const { t } = useI18n();
  const list = useAsync(() => filesApi.attachments(caseId, did), [caseId, did]);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [over, setOver] = useState(false);
  const send = async (file: File | undefined) => {
    if (!file || progress !== null) return;
    setError('');
    setStatus(t.files.uploading(file.name));
    setProgress(0);
    try {
      await uploadAttachment(caseId, did, file, setProgress);
      setStatus(t.files.uploaded(file.name));
      list.reload();
    } catch (e) {
      setStatus('');
      setError(uploadErrorText(t, e as ApiError));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  const items = list.status === 'ok' ? list.data.items : [];
  return (
    <section class="sw-section sw-attachments" aria-labelledby="attachments-heading">
      <h2 class="utrecht-heading-2" id="attachments-heading">
        {t.files.attachments}
      </h2>
      {list.status === 'ok' && items.length === 0 && <p class="utrecht-paragraph">{t.files.attachmentsNone}</p>}
      {items.length > 0 && (
        <ul class="utrecht-unordered-list sw-attachment-list">
          {items.map((a: Attachment, i: number) => (
            <li class="utrecht-unordered-list__item" key={a.id}>
              <a class="utrecht-link utrecht-link--html-a" href={filesUrl.attachment(caseId, did, a.id)} download>
                {t.files.attachment(i + 1, typeName(a.content_type), kb(a.size))}
              </a>{' '}
              <span class="sw-muted">
                <DateText iso={a.created_at.slice(0, 10)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <div
          class={`sw-dropzone${over ? ' sw-dropzone--over' : ''}${error ? ' sw-dropzone--invalid' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void send(e.dataTransfer?.files?.[0]);
          }}
        >
          <label class="utrecht-form-label" for="attachment-file">
            {t.files.upload}
          </label>
          <p class="utrecht-form-field-description" id="attachment-hint">
            {t.files.uploadHint}
          </p>
          <input
            ref={input}
            id="attachment-file"
            class="sw-file-input"
            type="file"
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            aria-describedby={error ? 'attachment-hint attachment-error' : 'attachment-hint'}
            aria-invalid={error ? 'true' : undefined}
            disabled={progress !== null}
            onChange={(e) => void send(e.currentTarget.files?.[0])}
          />
          {progress !== null && (
            <div class="sw-upload-progress">
              <label for="attachment-progress">{t.files.progress}</label>{' '}
              <progress id="attachment-progress" max={100} value={Math.round(progress * 100)}>
                {Math.round(progress * 100)}%
              </progress>
            </div>
          )}
          {error && (
            <p class="utrecht-form-field-error-message sw-field-error" id="attachment-error" role="alert">
              {error}
            </p>
          )}
          <p class="utrecht-paragraph sw-upload-status" role="status">
            {status}
          </p>
        </div>
      )}
    </section>
  );
}
