/*
 * The fetch wrapper for /api/v1: same-origin cookie session, JSON in and out,
 * X-CSRF-Token on every non-GET, and `{error:{code,field,message}}` errors
 * turned into ApiError.
 */
import type {
  Account,
  Candidate,
  Invitation,
  NewInvitation,
  Organisation,
  Participation,
  AccessLogEntry,
  CaseDetail,
  CaseEvent,
  CaseInfo,
  CaseStatus,
  CaseSummary,
  Consent,
  Decision,
  DocumentDiff,
  DocumentVersion,
  DossierDocument,
  DecisionOption,
  ErrorCode,
  InfoModule,
  Items,
  Message,
  Offer,
  OfferInput,
  OfferSummary,
  Page,
  PipelineEntry,
  Ranked,
  Stage,
  Teaser,
  DerivedSignal,
  Goal,
  GoalInput,
  NewPlacement,
  NewRiskSignal,
  OutcomeGroup,
  RiskSignal,
  Perspective,
  Placement,
  Questionnaires,
  QuestionnaireMoment,
  FactorAnswer,
  Factor,
  Moment,
  Statistics,
  StatisticsQuery,
  SessionInfo,
  Timeline,
  Zoekprofiel,
  ZoekprofielInput,
} from './types';

import { orgApi } from './org';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly field: string = '',
    /** A 409 that names another record, e.g. the open case of a second sick report. */
    readonly caseId: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export const CSRF_COOKIE = 'sw_csrf';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The double-submit token: the readable sw_csrf cookie that every API answer sets, else the last login's csrf_token. */
export function csrfTokenNow(): string {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) {
      const v = decodeURIComponent(part.slice(eq + 1).trim());
      if (v) return v;
    }
  }
  return csrfToken;
}

/** Called when a request other than the session check answers 401 (the session expired). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

interface RequestOpts {
  /** A 401 is an answer here (the session check, login), not an expired session. */
  quiet401?: boolean;
}

async function request<T>(method: string, path: string, body?: unknown, opts: RequestOpts = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    // No token yet (no API answer seen): one GET makes the server set the cookie.
    if (!csrfTokenNow()) await request<unknown>('GET', '/session', undefined, { quiet401: true }).catch(() => undefined);
    const token = csrfTokenNow();
    if (token) headers['X-CSRF-Token'] = token;
  }
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
    const err = (data as { error?: { code?: ErrorCode; field?: string; message?: string; case_id?: number } } | null)?.error;
    const code: ErrorCode = err?.code ?? (res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : 'internal');
    if (res.status === 401 && !opts.quiet401 && onUnauthenticated) onUnauthenticated();
    throw new ApiError(res.status, code, err?.message ?? '', err?.field ?? '', typeof err?.case_id === 'number' ? err.case_id : null);
  }
  return data as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
const del = (path: string) => request<void>('DELETE', path);

export const api = {
  session: () => request<SessionInfo>('GET', '/session', undefined, { quiet401: true }),
  login: (email: string, password: string) => request<SessionInfo>('POST', '/session', { email, password }, { quiet401: true }),
  logout: () => request<void>('DELETE', '/session', undefined, { quiet401: true }),

  cases: (q: { status?: CaseStatus | ''; page?: number; perPage?: number; q?: string; departmentId?: string } = {}) => {
    const p = new URLSearchParams();
    if (q.status) p.set('status', q.status);
    if (q.q) p.set('q', q.q);
    if (q.departmentId) p.set('department_id', q.departmentId);
    p.set('page', String(q.page ?? 1));
    p.set('per_page', String(q.perPage ?? 50));
    return get<Page<CaseSummary>>(`/cases?${p.toString()}`);
  },
  case: (id: number) => get<CaseDetail>(`/cases/${id}`),
  deadlines: (id: number) => get<Timeline>(`/cases/${id}/deadlines`),
  events: (id: number) => get<Page<CaseEvent>>(`/cases/${id}/events`),
  addEvent: (id: number, e: CaseEvent) => post<CaseEvent>(`/cases/${id}/events`, e),
  messages: (id: number) => get<Page<Message>>(`/cases/${id}/messages`),
  sendMessage: (id: number, body: string) => post<Items<Message> | Message>(`/cases/${id}/messages`, { body }),
  accessLog: (id: number) => get<Items<AccessLogEntry>>(`/cases/${id}/access-log`),
  consents: (id: number) => get<Items<Consent>>(`/cases/${id}/consents`),
  // granted_to names a bureau or care provider; the network consent has none (null).
  grantConsent: (id: number, kind: string, grantedTo: string) => post<Consent>(`/cases/${id}/consents`, { kind, granted_to: grantedTo || null }),
  revokeConsent: (id: number, consentId: number) => del(`/cases/${id}/consents/${consentId}`),

  /* The employer network. */
  zoekprofiel: (id: number) => get<Zoekprofiel>(`/cases/${id}/zoekprofiel`),
  saveZoekprofiel: (id: number, z: ZoekprofielInput) => request<Zoekprofiel>('PUT', `/cases/${id}/zoekprofiel`, z),
  matches: (id: number) => get<Ranked<'offer', OfferSummary>>(`/cases/${id}/matches`),
  pipeline: (id: number) => get<Items<PipelineEntry>>(`/cases/${id}/pipeline`),
  propose: (id: number, offerId: number, note: string) => post<PipelineEntry>(`/cases/${id}/pipeline`, { offer_id: offerId, note: note || null }),
  moveStage: (id: number, entryId: number, stage: Stage, reason: string) =>
    post<PipelineEntry>(`/cases/${id}/pipeline/${entryId}/moves`, stage === 'beeindigd' ? { stage, reason } : { stage }),
  offers: () => get<Items<Offer>>('/offers'),
  createOffer: (o: OfferInput) => post<Offer>('/offers', o),
  candidates: (offerId: number) => get<Ranked<'candidate', Teaser>>(`/offers/${offerId}/candidates`),
  placements: (id: number) => get<Items<Placement>>(`/cases/${id}/placements`),
  addPlacement: (id: number, p: NewPlacement) => post<Placement>(`/cases/${id}/placements`, p),
  questionnaires: (id: number, pid: number) => get<Questionnaires>(`/cases/${id}/placements/${pid}/questionnaires`),
  answerQuestionnaire: (id: number, pid: number, moment: Moment, perspective: Perspective, answers: Record<Factor, FactorAnswer>) =>
    request<QuestionnaireMoment>('PUT', `/cases/${id}/placements/${pid}/questionnaires/${moment}/${perspective}`, { answers }),
  riskSignals: (id: number, pid: number) => get<{ items: RiskSignal[]; derived: DerivedSignal[] }>(`/cases/${id}/placements/${pid}/risk-signals`),
  addRiskSignal: (id: number, pid: number, s: NewRiskSignal) => post<RiskSignal>(`/cases/${id}/placements/${pid}/risk-signals`, s),
  resolveRiskSignal: (id: number, pid: number, sid: number) => request<RiskSignal>('PATCH', `/cases/${id}/placements/${pid}/risk-signals/${sid}`, { resolved: true }),
  goals: (id: number, pid: number) => get<Items<Goal>>(`/cases/${id}/placements/${pid}/goals`),
  addGoal: (id: number, pid: number, g: GoalInput) => post<Goal>(`/cases/${id}/placements/${pid}/goals`, g),
  changeGoal: (id: number, pid: number, gid: number, g: GoalInput) => request<Goal>('PATCH', `/cases/${id}/placements/${pid}/goals/${gid}`, g),
  placementOutcomes: (org: number, by: 'network' | 'employer' | 'route') =>
    get<{ by: string; groups: OutcomeGroup[]; total: OutcomeGroup }>(`/organisations/${org}/placement-outcomes?by=${by}`),
  statistics: (org: number, q: StatisticsQuery) => get<Statistics>(`/organisations/${org}/statistics?${statisticsQuery(q)}`),
  documents: (id: number) => get<Items<DossierDocument>>(`/cases/${id}/documents`),
  document: (id: number, did: number) => get<DossierDocument>(`/cases/${id}/documents/${did}`),
  createDocument: (id: number, type: string, content: Record<string, string>) => post<DossierDocument>(`/cases/${id}/documents`, { type, content }),
  reviseDocument: (id: number, did: number, content: Record<string, string>) => post<DocumentVersion>(`/cases/${id}/documents/${did}/versions`, { content }),
  answerDocument: (id: number, did: number, v: number, akkoord: boolean, toelichting: string | null) =>
    post<DocumentVersion>(`/cases/${id}/documents/${did}/versions/${v}/agreement`, { akkoord, toelichting }),
  documentDiff: (id: number, did: number, from: number, to: number) => get<DocumentDiff>(`/cases/${id}/documents/${did}/diff?from=${from}&to=${to}`),
  infoLibrary: () => get<Items<InfoModule>>('/info'),
  info: (id: number) => get<CaseInfo>(`/cases/${id}/info`),
  markInfoRead: (id: number, code: string) => post<InfoModule>(`/cases/${id}/info/${encodeURIComponent(code)}/read`, undefined),
  decisions: (id: number) => get<Items<Decision>>(`/cases/${id}/decisions`),
  proposeDecision: (id: number, question: string, options: DecisionOption[]) => post<Decision>(`/cases/${id}/decisions`, { question, options }),
  respondDecision: (id: number, did: number, r: { answer: 'akkoord' | 'bespreken'; option_index: number | null; comment: string | null }) =>
    post<Decision>(`/cases/${id}/decisions/${did}/responses`, r),
  withdrawDecision: (id: number, did: number) => post<Decision>(`/cases/${id}/decisions/${did}/withdraw`, undefined),

  /* The organisation side (issue 11): register, departments, sickness. */
  ...orgApi(request),

  /* Administration (the beheerder), invitations, participations. */
  organisations: (q: { kind?: string; q?: string; page?: number; perPage?: number } = {}) =>
    get<Page<Organisation>>(`/organisations?${pageQuery(q)}`),
  createOrganisation: (o: { name: string; kind: string }) => post<Organisation>('/organisations', o),
  updateOrganisation: (oid: number, o: { name?: string; kind?: string }) => request<Organisation>('PATCH', `/organisations/${oid}`, o),
  users: (q: { q?: string; organisation_id?: string; active?: string; page?: number; perPage?: number } = {}) =>
    get<Page<Account>>(`/users?${pageQuery(q)}`),
  createUser: (u: { email: string; name: string; organisation_id: number | null }) => post<Account>('/users', u),
  updateUser: (uid: number, u: { active?: boolean }) => request<Account>('PATCH', `/users/${uid}`, u),
  invitations: (page = 1) => get<Page<Invitation>>(`/invitations?page=${page}&per_page=50`),
  invite: (v: { email: string; name: string; organisation_id: number | null; is_beheerder: boolean }) => post<NewInvitation>('/invitations', v),
  revokeInvitation: (id: number) => request<Invitation>('DELETE', `/invitations/${id}`),
  acceptInvitation: (token: string, password: string) =>
    request<SessionInfo>('POST', `/invitations/${encodeURIComponent(token)}`, { password }, { quiet401: true }),
  participantCandidates: (id: number) => get<Items<Candidate>>(`/cases/${id}/participant-candidates`),
  participations: (id: number) => get<Items<Participation>>(`/cases/${id}/participations`),
  addParticipation: (id: number, userId: number, role: string) => post<Participation>(`/cases/${id}/participations`, { user_id: userId, role }),
  endParticipation: (id: number, pid: number, until: string) => request<Participation>('PATCH', `/cases/${id}/participations/${pid}`, { until }),
};

/* page, per_page and the non-empty filters of a list query. */
function pageQuery(q: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'perPage') p.set(k, String(v));
  p.set('page', String(q.page ?? 1));
  p.set('per_page', String(q.perPage ?? 50));
  return p.toString();
}

export function statisticsQuery(q: StatisticsQuery): string {
  return new URLSearchParams({ from: q.from, to: q.to, days: q.days }).toString();
}

/** The CSV export of the same report, for a download link. */
export function statisticsCsvUrl(org: number, q: StatisticsQuery): string {
  return apiUrl(`/organisations/${org}/statistics.csv?${statisticsQuery(q)}`);
}
