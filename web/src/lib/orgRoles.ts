/*
 * The user's organisation roles (GET /api/v1/session `org_roles`) as the
 * menu and home page need them: which journeys of the organisation side
 * this person may take. The server decides every request; this only keeps
 * menu items away that would lead to a refusal.
 */
import type { OrgRoleName, User } from '../api/types';

export interface OrgAccess {
  /** The organisation the roles are of (the user's own), null without roles. */
  orgId: number | null;
  casemanager: boolean;
  /** The casemanager's departments; empty for the whole organisation. */
  departmentIds: number[];
  leidinggevende: boolean;
  hrAnalist: boolean;
  beheerder: boolean;
  /** Any organisation role at all. */
  any: boolean;
}

export function orgAccess(user: User): OrgAccess {
  const own = user.organisation?.id ?? null;
  const roles = (user.org_roles ?? []).filter((r) => own === null || r.organisation_id === own);
  const has = (name: OrgRoleName) => roles.some((r) => r.role === name);
  const cm = roles.find((r) => r.role === 'casemanager');
  return {
    orgId: roles[0]?.organisation_id ?? null,
    casemanager: has('casemanager'),
    departmentIds: cm?.department_ids ?? [],
    leidinggevende: has('leidinggevende'),
    hrAnalist: has('hr-analist'),
    beheerder: has('beheerder'),
    any: roles.length > 0,
  };
}

/** May report sickness of others (casemanager or leidinggevende). */
export const reportsSickness = (o: OrgAccess): boolean => o.casemanager || o.leidinggevende;
/** May read the organisation's statistics (casemanager or hr-analist). */
export const readsStatistics = (o: OrgAccess): boolean => o.casemanager || o.hrAnalist;

/** The role named in the header: the widest organisation role. */
export function mainOrgRole(o: OrgAccess): OrgRoleName | undefined {
  if (o.casemanager) return 'casemanager';
  if (o.leidinggevende) return 'leidinggevende';
  if (o.hrAnalist) return 'hr-analist';
  if (o.beheerder) return 'beheerder';
  return undefined;
}
