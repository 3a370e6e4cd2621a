/* Types of the Spoorwijzer JSON API (/api/v1), as in the portal issue's contract. */

export const ROLES = [
  'werknemer',
  'werkgever',
  'bedrijfsarts',
  'arbeidsdeskundige',
  're-integratieprofessional',
  'netwerkwerkgever',
  'beheerder',
] as const;
export type Role = (typeof ROLES)[number];

export const PROFESSIONAL_ROLES: readonly Role[] = ['bedrijfsarts', 'arbeidsdeskundige', 're-integratieprofessional'];

export type IsoDate = string; // yyyy-mm-dd, a calendar date in Europe/Amsterdam
export type IsoDateTime = string; // RFC 3339 timestamp

export interface Ref {
  id: number;
  name: string;
}

export interface User {
  id: number;
  name: string;
  email: string;
  organisation: Ref | null;
  is_beheerder: boolean;
  /** Not (yet) in the server's session answer; the portal then derives the roles from the cases' my_role. */
  roles: Role[];
  /** Organisation roles (issue 11); absent from older servers. */
  org_roles?: OrgRole[];
  /** The user's own record in the register, null when there is none. */
  person_id?: number | null;
}

export const ORG_ROLES = ['casemanager', 'leidinggevende', 'hr-analist', 'beheerder'] as const;
export type OrgRoleName = (typeof ORG_ROLES)[number];

export interface OrgRole {
  organisation_id: number;
  organisation_name: string;
  role: OrgRoleName;
  department_ids: number[];
}

export interface SessionInfo {
  user: User;
  csrf_token: string;
}

export type ErrorCode = 'invalid' | 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'limit' | 'internal';

export interface ApiErrorBody {
  error: { code: ErrorCode; field?: string; message: string };
}

export const DEADLINE_STATUSES = ['gepland', 'open', 'te laat', 'gedaan', 'afwijking', 'opgeschort', 'vervallen'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_CODES = [
  'ziekmelding_arbodienst',
  'probleemanalyse',
  'plan_van_aanpak',
  'voortgangsgesprek',
  'melding_uwv',
  'eerstejaarsevaluatie',
  'start_tweede_spoor',
  're_integratieverslag',
  'wia_aanvraag',
  'beslissing_loonsanctie',
  'einde_wachttijd',
  // The orientation phase of an early second track (only when return to the own job was found unlikely in year 1).
  'arbeidsdeskundig_onderzoek',
  'orientatie_tweede_spoor',
] as const;
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

export type CaseStatus = 'open' | 'gesloten';

export interface NextDeadline {
  code: string;
  title: string;
  due_effective: IsoDate;
  status: DeadlineStatus;
}

export interface CaseSummary {
  id: number;
  employee: Ref;
  organisation: Ref;
  first_sick_day: IsoDate;
  week: number;
  status: CaseStatus;
  my_role: Role | null;
  next_deadline: NextDeadline | null;
  overdue: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  per_page: number;
  total: number;
}

/** The fields an employer may record at a sick report (AP, "De zieke werknemer"). */
export interface Ziekmelding {
  first_sick_day: IsoDate;
  verwachte_duur: string;
  lopende_afspraken: string;
  contact_phone: string;
  vangnet: boolean;
  arbeidsongeval: boolean;
  derde_aansprakelijk: boolean;
}

export interface Period {
  id: number;
  from: IsoDate;
  to: IsoDate | null;
  percent: number;
}

export interface Participant {
  user: Ref;
  role: Role;
  from: IsoDate;
  until: IsoDate | null;
}

export interface CaseDetail extends Ziekmelding {
  id: number;
  employee: Ref;
  organisation: Ref;
  status: CaseStatus;
  my_role: Role | null;
  periods: Period[];
  participants: Participant[];
}

export interface Deadline {
  code: string;
  seq?: number;
  title: string;
  due: IsoDate;
  due_effective: IsoDate;
  moved_for?: string;
  opens: IsoDate | null;
  week: number;
  status: DeadlineStatus;
  done: IsoDate | null;
  agreed_due: IsoDate | null;
  responsible: Role[];
  source: string;
  rule_version: string;
}

export interface Timeline {
  today: IsoDate;
  rule_version: string;
  case_start: IsoDate;
  recovered: IsoDate | null;
  ended: boolean;
  sick_days: number;
  week: number;
  extension_weeks: number;
  deadlines: Deadline[];
}

export interface CaseEvent {
  id?: number;
  kind: string;
  date: IsoDate;
  value?: string | number | null;
  note?: string | null;
}

export interface Message {
  id: number;
  author: { id: number; name: string; role: Role };
  body: string;
  created_at: IsoDateTime;
}

export interface AccessLogEntry {
  at: IsoDateTime;
  user: { id: number; name: string | null };
  role: Role | null;
  action: 'read' | 'write' | string;
  resource: string;
  outcome: 'allow' | 'deny' | string;
}

export const CONSENT_KINDS = ['zoekprofiel_netwerk', 'delen_bureau', 'delen_zorgverlener'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface Consent {
  id: number;
  kind: ConsentKind | string;
  /** The named bureau or care provider (delen_ kinds); null for the network. */
  granted_to: string | null;
  given_on: IsoDate;
  /** In force up to the day before; null while in force. */
  revoked_on: IsoDate | null;
}

/** A version of a dossier document (src/api/documents.c); content holds the type's field values. */
export interface DocumentVersion {
  version: number;
  datum: IsoDate;
  content: Record<string, string | number>;
  author: { id: number; name: string | null; role: Role };
  created_at: IsoDateTime;
  /** null for types that ask no agreement of the employee. */
  approval: { state: 'open' | 'akkoord' | 'niet_akkoord'; date: IsoDate | null; toelichting: string | null } | null;
}

export interface DossierDocument {
  id: number;
  type: string;
  title: string;
  created_by: number;
  created_role: Role;
  created_at: IsoDateTime;
  versions_count: number;
  latest: DocumentVersion;
  /** Oldest first; only on a single document. */
  versions?: DocumentVersion[];
}

export interface DocumentDiff {
  document: number;
  from: number;
  to: number;
  fields: { field: string; label: string; status: 'gelijk' | 'gewijzigd' | 'toegevoegd' | 'verwijderd'; old: string | null; new: string | null }[];
}

export interface InfoText {
  title: string;
  summary: string;
  body: string;
}

/** An information module offered at a moment of the timeline (src/core/info.c). */
export interface InfoModule {
  code: string;
  roles: Role[];
  nl: InfoText;
  en: InfoText;
  /** Case endpoints only: when the viewer first marked it read. */
  read_at?: IsoDateTime | null;
}

export interface CaseInfo {
  role: Role;
  week: number;
  items: InfoModule[];
}

export const DECISION_STATUSES = ['voorgesteld', 'aanvaard', 'besproken', 'ingetrokken'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionOption {
  label: string;
  pros: string | null;
  cons: string | null;
}

export interface DecisionResponse {
  id: number;
  user: { id: number; name: string | null; role: Role };
  answer: 'akkoord' | 'bespreken';
  option_index: number | null;
  comment: string | null;
  created_at: IsoDateTime;
}

/** A shared decision (gedeelde besluitvorming). */
export interface Decision {
  id: number;
  question: string;
  proposed_by: { id: number; name: string | null; role: Role };
  status: DecisionStatus;
  chosen_option: number | null;
  decided_on: IsoDate | null;
  created_at: IsoDateTime;
  options: DecisionOption[];
  responses: DecisionResponse[];
}

export interface Items<T> {
  items: T[];
}

/* ---- the employer network (issue 6) ---- */

export const STAGES = ['voorgesteld', 'kennismaking', 'proefplaatsing', 'detachering', 'dienstverband', 'beeindigd'] as const;
export type Stage = (typeof STAGES)[number];

/** The moves the server allows from each stage (core/network.c). */
export const NEXT_STAGES: Record<Stage, readonly Stage[]> = {
  voorgesteld: ['kennismaking', 'beeindigd'],
  kennismaking: ['proefplaatsing', 'detachering', 'dienstverband', 'beeindigd'],
  proefplaatsing: ['detachering', 'dienstverband', 'beeindigd'],
  detachering: ['dienstverband', 'beeindigd'],
  dienstverband: ['beeindigd'],
  beeindigd: [],
};

export interface MatchFactor {
  name: string;
  weight: number;
  fit: number;
  points: number;
}

export interface MatchScore {
  total: number;
  weights_version: string;
  distance_km: number | null;
  factors: MatchFactor[];
  excluded: string[];
  flags: string[];
  over_capacity: string[];
  capacity_unknown: string[];
  instruments_unmet: string[];
}

export interface OfferSummary {
  id: number;
  organisation: string;
  title: string;
  type: string;
  sector: string;
  hours_min: number;
  hours_max: number;
  postcode: string;
  guidance: string[];
  duration_weeks: number | null;
  instruments: string[];
  intent_to_hire: boolean;
  status: 'open' | 'gesloten';
}

export interface Offer extends Omit<OfferSummary, 'organisation'> {
  organisation: { id: number; name: string };
  tasks: string;
  demands: Record<string, number | null>;
  skills: string[];
}

export interface Teaser {
  /** The candidate's pseudonym for this offer (16 characters), never the case id. */
  candidate_id: string;
  label: string;
  age_band: string | null;
  region: string | null;
  hours_min: number;
  hours_max: number;
  capacities: Record<string, number | null>;
  skills: string[];
  stage?: Stage | null;
}

export interface PipelineMove {
  from: Stage | null;
  to: Stage;
  on: IsoDate;
  moved_by: { id: number; name: string | null; role: Role };
  note: string | null;
}

export interface PipelineEntry {
  id: number;
  case_id: number;
  offer: { id: number; title: string; organisation_id: number; organisation: string };
  stage: Stage;
  dates: Record<Stage, IsoDate | null>;
  ended_reason: string | null;
  moves: PipelineMove[];
}

export interface Ranked<K extends string, T> {
  weights_version: string;
  items: ({ score: MatchScore } & Record<K, T>)[];
}

export const OFFER_TYPES = ['detachering', 'proefplaatsing', 'werkervaringsplaats', 'vacature'] as const;
export const SECTORS = [
  'landbouw', 'delfstoffen', 'industrie', 'energie', 'water_afval', 'bouw', 'handel', 'vervoer_opslag', 'horeca',
  'informatie_communicatie', 'financiele_diensten', 'onroerend_goed', 'specialistische_diensten', 'zakelijke_diensten',
  'openbaar_bestuur', 'onderwijs', 'zorg_welzijn', 'cultuur_recreatie', 'overige_diensten', 'huishoudens', 'extraterritoriaal',
] as const;
export const CATEGORIES = [
  'concentratie', 'tijdsdruk', 'samenwerken', 'conflicthantering', 'klantcontact', 'omgevingseisen', 'tillen', 'lopen',
  'beeldschermwerk', 'zitten', 'staan', 'nachtwerk',
] as const;

export interface OfferInput {
  title: string;
  type: string;
  tasks: string;
  sector: string;
  hours_min: number;
  hours_max: number;
  postcode: string;
  demands: Record<string, number>;
  guidance: string[];
  intent_to_hire: boolean;
}

/* ---- placement monitoring and statistics (issue 7) ---- */

export type Moment = 'T0' | 'T1' | 'T2' | 'T3';
export type Perspective = 'werknemer' | 'werkgever' | 'arbeidsdeskundige';
export const PERSPECTIVES: readonly Perspective[] = ['werknemer', 'werkgever', 'arbeidsdeskundige'];
export type QuestionnaireStatus = 'gepland' | 'open' | 'te_laat' | 'ingevuld' | 'vervallen';
export const FACTORS = [
  'werknemersvaardigheden',
  'werkgeversvaardigheden',
  'passend_werk',
  'begeleid_werk',
  'zinvol_werk',
  'breed_gedragen_werk',
  'gesubsidieerd_werk',
] as const;
export type Factor = (typeof FACTORS)[number];
export const PLACEMENT_KINDS = ['detachering', 'proefplaatsing', 'werkervaringsplaats', 'dienstverband'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export interface Placement {
  id: number;
  case_id: number;
  employer: { organisation_id: number | null; name: string };
  network: string | null;
  kind: PlacementKind;
  start: IsoDate;
  end: IsoDate | null;
  outcome: 'lopend' | 'beeindigd' | 'doorgestroomd';
  schedule: Record<Moment, IsoDate>;
  lasted_6_months: boolean | null;
  lasted_12_months: boolean | null;
}

export const RISK_KINDS = ['gedragsverandering', 'ziekmelding', 'niet_verschenen', 'uren_boven_belastbaarheid', 'contract_einde', 'subsidie_einde'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const ROUTES = ['vitalisering', 'ontwikkel', 'baanherontwerp', 'mobiliteit'] as const;
export type InterventionRoute = (typeof ROUTES)[number];

export interface RiskSignal {
  id: number;
  kind: RiskKind;
  noted_on: IsoDate;
  ends_on: IsoDate | null;
  note: string | null;
  suggested_route: InterventionRoute;
  follow_up: IsoDate;
  resolved_on: IsoDate | null;
  noted_by: { id: number; name: string | null };
}

export interface DerivedSignal {
  kind: RiskKind;
  ends_on: IsoDate | null;
  suggested_route: InterventionRoute;
  follow_up: IsoDate;
}

export interface NewRiskSignal {
  kind: RiskKind;
  noted_on: IsoDate;
  ends_on?: IsoDate;
  note?: string;
}

export interface Goal {
  id: number;
  route: InterventionRoute;
  goal: string;
  reached: boolean | null;
  done_what: string | null;
  done_by: string | null;
  take_forward: string | null;
  created_at: string;
}

export type GoalInput = Partial<Omit<Goal, 'id' | 'created_at'>>;

export interface OutcomeGroup {
  key: string;
  placements: number;
  lopend: number;
  beeindigd: number;
  doorgestroomd: number;
  lasted_6_months: { yes: number; known: number };
  lasted_12_months: { yes: number; known: number };
}

export interface NewPlacement {
  employer_name: string;
  kind: PlacementKind;
  start: IsoDate;
}

export interface FactorAnswer {
  score: number | null;
  comment: string | null;
}

export interface QuestionnaireMoment {
  moment: Moment;
  due: IsoDate;
  perspectives: Record<Perspective, { status: QuestionnaireStatus; answered_by: Ref | null; answered_at: string | null }>;
  factors: ({ factor: Factor } & Record<Perspective, FactorAnswer | null>)[];
}

export interface Questionnaires {
  placement_id: number;
  moments: QuestionnaireMoment[];
}

export interface StatisticsClass {
  class: string;
  cases: number;
  sick_days: number;
  verzuimpercentage: number;
}

export interface Statistics {
  parameters: { from: IsoDate; to: IsoDate; days: 'calendar' | 'working'; cap730: boolean; pregnancy: boolean };
  verzuimpercentage: number;
  meldingsfrequentie: number;
  gemiddelde_verzuimduur: number;
  new_cases: number;
  closed_cases: number;
  employees: number;
  nulverzuim_percentage: number;
  classes: StatisticsClass[];
  tweede_spoor: { cases: number; started: number; started_year1: number; year1_share: number; outcomes: Record<string, number> };
}

export interface StatisticsQuery {
  from: IsoDate;
  to: IsoDate;
  days: 'calendar' | 'working';
}

/* ---- administration (the beheerder) and invitations ---- */
export const ORGANISATION_KINDS = ['werkgever', 'netwerk', 'arbodienst', 're-integratiebedrijf'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
  created_at: string;
}

/** A user as the administration sees it: never a password. */
export interface Account {
  id: number;
  email: string;
  name: string;
  organisation_id: number | null;
  is_beheerder: boolean;
  active: boolean;
  has_password: boolean;
  created_at: string;
}

export interface Invitation {
  id: number;
  email: string;
  name: string;
  organisation_id: number | null;
  is_beheerder: boolean;
  status: 'open' | 'geaccepteerd' | 'ingetrokken' | 'verlopen';
  created_at: string;
  expires_at: string;
}

/** The answer to a new invitation: the token once, and the portal page to mail. */
export interface NewInvitation extends Invitation {
  token: string;
  accept_url: string;
  portal_url: string;
}

export interface Participation {
  id: number;
  user: Ref | null;
  role: Role;
  from: IsoDate;
  until: IsoDate | null;
}

/** A professional the case's werkgever can assign (GET .../participant-candidates). */
export interface Candidate {
  id: number;
  name: string;
  organisation: { id: number; name: string; kind: OrganisationKind };
}

/* ---- the zoekprofiel form (issue 6) ---- */

export const WISHES = ['thuiswerk', 'vaste_werktijden', 'rustige_werkplek', 'klein_team', 'ov_bereikbaar', 'geen_weekendwerk', 'buitenwerk'] as const;
/* The skills vocabulary of the server (src/core/network.c), in its order. */
export const SKILLS = [
  'administratie', 'boekhouding', 'klantenservice', 'planning', 'secretariaat', 'data_invoer', 'archivering', 'rapportage',
  'machinebediening', 'assemblage', 'kwaliteitscontrole', 'lassen', 'onderhoud', 'elektrotechniek', 'timmeren', 'schilderen',
  'persoonlijke_verzorging', 'begeleiding', 'activiteitenbegeleiding', 'huishoudelijke_hulp', 'medicatie', 'gastvrijheid', 'observeren', 'rapporteren_zorg',
  'orderpicken', 'heftruck', 'voorraadbeheer', 'chauffeur', 'inpakken', 'expeditie', 'magazijnbeheer', 'koerier',
  'programmeren', 'systeembeheer', 'helpdesk', 'testen', 'webdesign', 'databases', 'netwerken', 'office',
  'koken', 'bediening', 'afwas', 'catering', 'groenonderhoud', 'hovenierswerk', 'dierverzorging', 'tuinbouw',
  'schoonmaak', 'glazenwassen', 'facilitair', 'receptie', 'beveiliging', 'postkamer', 'conciergetaken', 'wasserij',
  'kassa', 'vakkenvullen', 'verkoop', 'etaleren', 'telefonische_verkoop', 'inkoop', 'webwinkel', 'marketing',
] as const;

export interface ZoekprofielInput {
  capacities: Record<string, number | null>;
  types: string[];
  hours_min: number;
  hours_max: number;
  range_km: number;
  postcode: string;
  lat: number | null;
  lon: number | null;
  wishes: string[];
  skills: string[];
  sectors: string[];
  instruments: string[];
  birth_year: number | null;
  beroepsrichting: string | null;
  toelichting: string | null;
}

export interface Zoekprofiel extends ZoekprofielInput {
  case_id: number;
  version: number;
  updated_at: string;
}
