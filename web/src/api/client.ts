/*
 * The fetch wrapper for /api/v1: same-origin cookie session, JSON in and out,
 * X-CSRF-Token on every non-GET, and `{error:{code,field,message}}` errors
 * turned into ApiError.
 */
import type {
  AccessLogEntry,
  CaseDetail,
  CaseEvent,
  CaseStatus,
  CaseSummary,
  Consent,
  ErrorCode,
  Items,
  Message,
  Page,
  SessionInfo,
  Timeline,
  Ziekmelding,
} from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly field: string = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request other than the session check answers 401 (the session expired). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: ErrorCode; field?: string; message?: string } } | null)?.error;
    const code: ErrorCode = err?.code ?? (res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : 'internal');
    if (res.status === 401 && !opts.quiet401 && onUnauthenticated) onUnauthenticated();
    throw new ApiError(res.status, code, err?.message ?? '', err?.field ?? '');
  }
  return data as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
const del = (path: string) => request<void>('DELETE', path);

export const api = {
  session: () => request<SessionInfo>('GET', '/session', undefined, { quiet401: true }),
  login: (email: string, password: string) => request<SessionInfo>('POST', '/session', { email, password }, { quiet401: true }),
  logout: () => del('/session'),

  cases: (q: { status?: CaseStatus | ''; page?: number; perPage?: number } = {}) => {
    const p = new URLSearchParams();
    if (q.status) p.set('status', q.status);
    p.set('page', String(q.page ?? 1));
    p.set('per_page', String(q.perPage ?? 50));
    return get<Page<CaseSummary>>(`/cases?${p.toString()}`);
  },
  createCase: (z: Ziekmelding) => post<CaseDetail>('/cases', z),
  case: (id: number) => get<CaseDetail>(`/cases/${id}`),
  deadlines: (id: number) => get<Timeline>(`/cases/${id}/deadlines`),
  events: (id: number) => get<Items<CaseEvent>>(`/cases/${id}/events`),
  addEvent: (id: number, e: CaseEvent) => post<CaseEvent>(`/cases/${id}/events`, e),
  messages: (id: number) => get<Items<Message>>(`/cases/${id}/messages`),
  sendMessage: (id: number, body: string) => post<Items<Message> | Message>(`/cases/${id}/messages`, { body }),
  accessLog: (id: number) => get<Items<AccessLogEntry>>(`/cases/${id}/access-log`),
  consents: (id: number) => get<Items<Consent>>(`/cases/${id}/consents`),
  grantConsent: (id: number, kind: string, grantedTo: string) => post<Consent>(`/cases/${id}/consents`, { kind, granted_to: grantedTo }),
  revokeConsent: (id: number, consentId: number) => del(`/cases/${id}/consents/${consentId}`),
};
