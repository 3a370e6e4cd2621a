/* Small shared pieces: page heading with focus management, alerts, status texts. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api/client';
import type { CaseStatus, DeadlineStatus } from '../api/types';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { formatDate, formatDateTime, isoForTimeElement } from '../lib/dates';
import { hasNavigated } from '../lib/router';

/**
 * The page's h1. Sets document.title and, after an in-app navigation, moves
 * focus here so screen reader users hear the new page (WCAG 2.4.3).
 */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t.app.pageTitle(title);
  }, [title, t]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 class="utrecht-heading-1 sw-page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

type AlertType = 'info' | 'ok' | 'warning' | 'error';

export function Alert({ type = 'info', children, live = false }: { type?: AlertType; children: ComponentChildren; live?: boolean }) {
  const role = live ? (type === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div class={`utrecht-alert utrecht-alert--${type} sw-alert`} role={role}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function apiErrorText(t: Dict, lang: string, e: ApiError): string {
  // The server's messages are English developer texts: the user sees the translated text for the code.
  void lang;
  return t.errors[e.code] ?? t.errors.internal;
}

export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert type="error" live>
      <p class="utrecht-paragraph">
        <strong>{t.app.errorTitle}.</strong> {apiErrorText(t, lang, error)}
      </p>
      {onRetry && (
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
          {t.app.retry}
        </button>
      )}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="utrecht-paragraph sw-loading" role="status">
      {t.app.loading}
    </p>
  );
}

export function DateText({ iso, style = 'long' }: { iso: string | null | undefined; style?: 'long' | 'medium' }) {
  const { lang } = useI18n();
  if (!iso) return null;
  return <time dateTime={iso}>{formatDate(iso, lang, style)}</time>;
}

export function DateTimeText({ iso }: { iso: string | null | undefined }) {
  const { lang } = useI18n();
  if (!iso) return null;
  return <time dateTime={isoForTimeElement(iso)}>{formatDateTime(iso, lang)}</time>;
}

const STATUS_VARIANT: Record<DeadlineStatus, string> = {
  gepland: 'neutral',
  open: 'warning',
  'te laat': 'danger',
  gedaan: 'success',
  afwijking: 'neutral',
  opgeschort: 'inactive',
  vervallen: 'inactive',
};

/** A deadline status: always as text; the colour only repeats it. */
export function DeadlineStatusBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useI18n();
  const label = t.deadlineStatus[status] ?? status;
  const variant = STATUS_VARIANT[status] ?? 'neutral';
  return <span class={`utrecht-status-badge utrecht-status-badge--${variant} sw-status sw-status--${variant}`}>{label}</span>;
}

export function CaseStatusText({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span class={`sw-case-status sw-case-status--${status}`}>{t.caseStatus[status] ?? status}</span>;
}

/** Visually hidden text for screen readers. */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="sw-visually-hidden">{children}</span>;
}
