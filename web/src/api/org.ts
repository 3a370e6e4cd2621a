/*
 * The organisation side of /api/v1 (issue 11): departments, the register of
 * persons and employments, the sick report by person, sickness mutations,
 * the responsible casemanager. Types and calls, spread into `api`.
 */
import type { Account, IsoDate, Items, NewInvitation, OrgRole, OrgRoleName, Page, Ref } from './types';

/** POST /organisations/{id}/persons and PATCH /persons/{id} (null clears a field). */
export interface PersonInput {
  personnel_number?: string;
  name?: string;
  birth_date?: IsoDate | null;
  department_id?: number | null;
  manager_id?: number | null;
  email?: string | null;
  employment?: EmploymentInput;
}

export interface EmploymentInput {
  from?: IsoDate;
  until?: IsoDate | null;
  contract_hours?: number;
  norm_hours?: number;
  functie?: string | null;
}

/** An account as the organisation's beheerder sees it, with its organisation roles. */
export interface OrgAccount extends Account {
  org_roles?: OrgRole[];
}

/** The roles the beheerder gives an account (PUT /users/{uid}/org-roles) or an invitee. */
export interface OrgRolesInput {
  organisation_id: number;
  roles: OrgRoleName[];
  department_ids?: number[];
}

export interface Employment {
  id: number;
  person_id: number;
  organisation_id: number;
  from: IsoDate;
  until: IsoDate | null;
  contract_hours: number;
  norm_hours: number;
  factor: number;
  functie: string | null;
}

export interface Person {
  id: number;
  organisation_id: number;
  personnel_number: string;
  name: string;
  birth_date: IsoDate | null;
  department: Ref | null;
  manager: Ref | null;
  email: string | null;
  has_account: boolean;
  open_case_id: number | null;
  employments: Employment[];
}

/** POST /api/v1/cases by person (the AP-allowed fields as before). */
export interface SickReport {
  person_id?: number;
  employment_id?: number;
  first_sick_day: IsoDate;
  percent?: number;
  expected_recovery?: IsoDate | null;
  verwachte_duur?: string;
  lopende_afspraken?: string;
  contact_phone?: string;
  vangnet?: boolean;
  arbeidsongeval?: boolean;
  derde_aansprakelijk?: boolean;
}

export type MutationKind = 'ziekmelding' | 'wijziging' | 'herstel';
export type MutationAction = 'nieuw' | 'correctie' | 'intrekking';
export const END_REASONS = ['hersteld', 'uit_dienst', 'einde_wachttijd', 'overleden', 'zwangerschapsverlof', 'anders'] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface Mutation {
  id: number;
  kind: MutationKind;
  action: MutationAction;
  ref_id: number | null;
  date: IsoDate;
  percent: number | null;
  expected_recovery: IsoDate | null;
  end_reason: EndReason | null;
  zwangerschap: boolean;
  reason: string | null;
  source: string;
  recorded_by: number;
  recorded_by_name?: string;
  recorded_role: string;
  created_at: string;
}

export interface Segment {
  from: IsoDate;
  to: IsoDate | null;
  percent: number;
  zwangerschap: boolean;
  spell: number;
}

export interface SicknessState {
  withdrawn: boolean;
  sick: boolean;
  first_sick_day: IsoDate | null;
  last_report: IsoDate | null;
  percent: number | null;
  hersteldatum: IsoDate | null;
  end_reason: EndReason | null;
  expected_recovery: IsoDate | null;
  spells: number;
}

export interface Sickness {
  mutations: Mutation[];
  segments: Segment[];
  state: SicknessState;
  as_of: number | null;
}

type Request = <T>(method: string, path: string, body?: unknown, opts?: { quiet401?: boolean; optional?: boolean }) => Promise<T>;

export function orgApi(request: Request) {
  return {
    departments: (org: number) => request<Items<Ref>>('GET', `/organisations/${org}/departments`),
    persons: (org: number, q: { q?: string; departmentId?: string; page?: number; perPage?: number } = {}) => {
      const p = new URLSearchParams();
      if (q.q) p.set('q', q.q);
      if (q.departmentId) p.set('department_id', q.departmentId);
      p.set('page', String(q.page ?? 1));
      p.set('per_page', String(q.perPage ?? 20));
      return request<Page<Person>>('GET', `/organisations/${org}/persons?${p.toString()}`);
    },
    person: (id: number) => request<Person>('GET', `/persons/${id}`),
    reportSick: (r: SickReport) => request<{ id: number; employee?: Ref }>('POST', '/cases', r),
    sickness: (id: number, asOf?: number) => request<Sickness>('GET', `/cases/${id}/sickness${asOf ? `?as_of=${asOf}` : ''}`),
    addMutation: (id: number, m: { kind: 'wijziging' | 'herstel'; date: IsoDate; percent?: number; end_reason?: EndReason | null; expected_recovery?: IsoDate | null }) =>
      request<Sickness>('POST', `/cases/${id}/sickness`, m),
    correctMutation: (id: number, mid: number, c: { date?: IsoDate; percent?: number; end_reason?: EndReason | null; expected_recovery?: IsoDate | null; reason: string }) =>
      request<Sickness>('POST', `/cases/${id}/sickness/${mid}/correction`, c),
    withdrawMutation: (id: number, mid: number, reason: string) => request<Sickness>('POST', `/cases/${id}/sickness/${mid}/withdrawal`, { reason }),
    addPerson: (org: number, p: PersonInput) => request<Person>('POST', `/organisations/${org}/persons`, p),
    changePerson: (id: number, p: PersonInput) => request<Person>('PATCH', `/persons/${id}`, p),
    addEmployment: (id: number, e: EmploymentInput) => request<Employment>('POST', `/persons/${id}/employments`, e),
    changeEmployment: (id: number, eid: number, e: EmploymentInput) => request<Employment>('PATCH', `/persons/${id}/employments/${eid}`, e),
    invitePerson: (id: number, email?: string) => request<NewInvitation>('POST', `/persons/${id}/invitation`, email ? { email } : {}),
    orgAccounts: (org: number, page = 1) => request<Page<OrgAccount>>('GET', `/users?organisation_id=${org}&page=${page}&per_page=100`),
    setOrgRoles: (uid: number, r: OrgRolesInput) => request<OrgAccount>('PUT', `/users/${uid}/org-roles`, r),
    inviteWithRoles: (v: { email: string; name: string; organisation_id: number; org_roles: OrgRoleName[]; department_ids?: number[] }) =>
      request<NewInvitation>('POST', '/invitations', v),
    casemanagers: (org: number) => request<Items<{ id: number; name: string; email: string }>>('GET', `/organisations/${org}/casemanagers`),
    handOver: (id: number, userId: number) => request<{ case_id: number; casemanager_id: number }>('PUT', `/cases/${id}/casemanager`, { user_id: userId }),
  };
}

/** The organisation fields of GET /api/v1/cases/{id} (issue 11) beside CaseDetail's. */
export interface CaseOrgFields {
  person?: { id: number; personnel_number: string; name: string };
  employment_id?: number | null;
  casemanager?: Ref | null;
  reported_role?: string | null;
  expected_recovery?: IsoDate | null;
  end_reason?: EndReason | null;
}
