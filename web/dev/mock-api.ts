/*
 * DEV ONLY. A small in-memory stand-in for the Spoorwijzer C server's JSON API
 * (/api/v1), so the portal can be developed and smoke-tested before the real
 * server exists. It is wired into `vite dev` / `vite preview` only with
 * `--mode mock` (see vite.config.ts) and is never part of web/dist.
 *
 * It follows the API contract of the portal issue: cookie session, CSRF token
 * on every non-GET, `{error:{code,field,message}}` errors. The deadline
 * arithmetic here is a rough copy of DOMAIN.md section 4 for demo data only;
 * the real numbers come from src/core/timeline.c.
 *
 * Demo users (password for all: "spoorwijzer"):
 *   werknemer@spoorwijzer.test, werkgever@spoorwijzer.test,
 *   bedrijfsarts@spoorwijzer.test, arbeidsdeskundige@spoorwijzer.test,
 *   reintegratie@spoorwijzer.test, netwerkwerkgever@spoorwijzer.test,
 *   beheerder@spoorwijzer.test
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

type Role =
  | 'werknemer'
  | 'werkgever'
  | 'bedrijfsarts'
  | 'arbeidsdeskundige'
  | 're-integratieprofessional'
  | 'netwerkwerkgever'
  | 'beheerder';

interface Org {
  id: number;
  name: string;
}
interface User {
  id: number;
  name: string;
  email: string;
  organisation: Org | null;
  roles: Role[];
}
interface Participant {
  user: number;
  role: Role;
  from: string;
  until: string | null;
}
interface CaseRec {
  id: number;
  employee: number;
  organisation: Org;
  status: 'open' | 'gesloten';
  first_sick_day: string;
  verwachte_duur: string;
  lopende_afspraken: string;
  contact_phone: string;
  vangnet: boolean;
  arbeidsongeval: boolean;
  derde_aansprakelijk: boolean;
  periods: { id: number; from: string; to: string | null; percent: number }[];
  participants: Participant[];
  events: { id: number; kind: string; date: string; value: string | null; note: string }[];
  messages: { id: number; author: number; role: Role; body: string; created_at: string }[];
  access: { at: string; user: number; role: Role; action: string; what: string }[];
  consents: {
    id: number;
    kind: string;
    granted_to: string | null;
    given_on: string;
    revoked_on: string | null;
  }[];
}

const PASSWORD = 'spoorwijzer';
const DAY = 86_400_000;

/* ---------- dates (ISO yyyy-mm-dd, calendar arithmetic in UTC) ---------- */

function todayIso(): string {
  const forced = process.env.SW_MOCK_TODAY;
  if (forced && /^\d{4}-\d{2}-\d{2}$/.test(forced)) return forced;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return parts;
}
const toMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, n: number): string => fromMs(toMs(iso) + n * DAY);
const diffDays = (a: string, b: string): number => Math.round((toMs(a) - toMs(b)) / DAY);

function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function holiday(iso: string): string | null {
  const y = Number(iso.slice(0, 4));
  const md = iso.slice(5);
  if (md === '01-01') return 'Nieuwjaarsdag';
  if (md === '04-27') return 'Koningsdag';
  if (md === '05-05') return 'Bevrijdingsdag';
  if (md === '12-25') return 'Eerste Kerstdag';
  if (md === '12-26') return 'Tweede Kerstdag';
  const e = easter(y);
  if (iso === addDays(e, 1)) return 'Tweede Paasdag';
  if (iso === addDays(e, 39)) return 'Hemelvaartsdag';
  if (iso === addDays(e, 50)) return 'Tweede Pinksterdag';
  return null;
}

function effective(due: string): { date: string; moved_for?: string } {
  let d = due;
  let reason: string | undefined;
  for (;;) {
    const wd = new Date(toMs(d)).getUTCDay();
    const h = holiday(d);
    if (wd !== 0 && wd !== 6 && !h) break;
    reason ??= h ?? 'weekend';
    d = addDays(d, 1);
  }
  return reason ? { date: d, moved_for: reason } : { date: d };
}

/* ---------- demo data ---------- */

const orgVanDam: Org = { id: 1, name: 'Bakkerij Van Dam B.V.' };
const orgArbo: Org = { id: 2, name: 'Arbodienst Midden' };
const orgBureau: Org = { id: 3, name: 'Re-integratiebureau De Brug' };
const orgNetwerk: Org = { id: 4, name: 'Zorggroep Noord' };

const users: User[] = [
  { id: 1, name: 'Sanne de Vries', email: 'werknemer@spoorwijzer.test', organisation: orgVanDam, roles: ['werknemer'] },
  { id: 2, name: 'Peter Jansen', email: 'werkgever@spoorwijzer.test', organisation: orgVanDam, roles: ['werkgever'] },
  { id: 3, name: 'Amal El Idrissi', email: 'bedrijfsarts@spoorwijzer.test', organisation: orgArbo, roles: ['bedrijfsarts'] },
  { id: 4, name: 'Jeroen Bakker', email: 'arbeidsdeskundige@spoorwijzer.test', organisation: orgArbo, roles: ['arbeidsdeskundige'] },
  { id: 5, name: 'Fatima Yilmaz', email: 'reintegratie@spoorwijzer.test', organisation: orgBureau, roles: ['re-integratieprofessional'] },
  { id: 6, name: 'Kees Smit', email: 'netwerkwerkgever@spoorwijzer.test', organisation: orgNetwerk, roles: ['netwerkwerkgever'] },
  { id: 7, name: 'Beheer Spoorwijzer', email: 'beheerder@spoorwijzer.test', organisation: null, roles: ['beheerder'] },
  { id: 8, name: 'Mohamed Amrani', email: 'm.amrani@spoorwijzer.test', organisation: orgVanDam, roles: ['werknemer'] },
  { id: 9, name: 'Lisa Visser', email: 'l.visser@spoorwijzer.test', organisation: orgVanDam, roles: ['werknemer'] },
  { id: 10, name: 'Tom Hendriks', email: 't.hendriks@spoorwijzer.test', organisation: orgVanDam, roles: ['werknemer'] },
  { id: 11, name: 'Eva Mulder', email: 'e.mulder@spoorwijzer.test', organisation: orgVanDam, roles: ['werknemer'] },
];

let nextId = 1000;
const newId = (): number => ++nextId;

function makeCase(id: number, employee: number, daysAgo: number, extra: Partial<CaseRec> = {}): CaseRec {
  const start = addDays(todayIso(), -daysAgo);
  return {
    id,
    employee,
    organisation: orgVanDam,
    status: 'open',
    first_sick_day: start,
    verwachte_duur: 'Langer dan 6 weken',
    lopende_afspraken: 'Overleg over aangepast rooster loopt.',
    contact_phone: '06 12345678',
    vangnet: false,
    arbeidsongeval: false,
    derde_aansprakelijk: false,
    periods: [{ id: id * 10, from: start, to: null, percent: 100 }],
    participants: [
      { user: employee, role: 'werknemer', from: start, until: null },
      { user: 2, role: 'werkgever', from: start, until: null },
      { user: 3, role: 'bedrijfsarts', from: addDays(start, 3), until: null },
    ],
    events: [],
    messages: [],
    access: [],
    consents: [],
    ...extra,
  };
}

function seed(): CaseRec[] {
  const sanne = makeCase(101, 1, 66);
  sanne.participants.push({ user: 4, role: 'arbeidsdeskundige', from: addDays(sanne.first_sick_day, 50), until: null });
  sanne.participants.push({ user: 5, role: 're-integratieprofessional', from: addDays(sanne.first_sick_day, 60), until: null });
  sanne.events.push(
    { id: newId(), kind: 'ziekmelding_arbodienst', date: addDays(sanne.first_sick_day, 1), value: null, note: '' },
    { id: newId(), kind: 'probleemanalyse', date: addDays(sanne.first_sick_day, 38), value: null, note: 'Functionele mogelijkheden besproken.' },
  );
  sanne.messages.push(
    { id: newId(), author: 2, role: 'werkgever', body: 'Hoi Sanne, zullen we volgende week het plan van aanpak bespreken?', created_at: `${addDays(todayIso(), -3)}T09:12:00Z` },
    { id: newId(), author: 1, role: 'werknemer', body: 'Dat is goed. Dinsdagochtend past mij het best.', created_at: `${addDays(todayIso(), -2)}T14:40:00Z` },
  );
  sanne.access.push(
    { at: `${addDays(todayIso(), -5)}T08:30:00Z`, user: 2, role: 'werkgever', action: 'gelezen', what: 'dossier' },
    { at: `${addDays(todayIso(), -4)}T10:02:00Z`, user: 3, role: 'bedrijfsarts', action: 'gelezen', what: 'termijnen' },
  );
  sanne.consents.push({ id: newId(), kind: 'delen_bureau', granted_to: 'Re-integratiebureau De Brug', given_on: addDays(todayIso(), -6), revoked_on: null });

  const mohamed = makeCase(102, 8, 400, { verwachte_duur: 'Onbekend' });
  mohamed.participants.push({ user: 4, role: 'arbeidsdeskundige', from: addDays(mohamed.first_sick_day, 200), until: null });
  for (const [kind, d] of [
    ['ziekmelding_arbodienst', 2],
    ['probleemanalyse', 35],
    ['plan_van_aanpak', 49],
    ['melding_uwv', 290],
  ] as const) {
    mohamed.events.push({ id: newId(), kind, date: addDays(mohamed.first_sick_day, d), value: null, note: '' });
  }

  const lisa = makeCase(103, 9, 19, { verwachte_duur: '2 tot 4 weken' });
  const eva = makeCase(105, 11, 45);
  const tom = makeCase(104, 10, 300, { status: 'gesloten' });
  tom.periods = [{ id: 1040, from: tom.first_sick_day, to: addDays(tom.first_sick_day, 90), percent: 100 }];
  return [sanne, mohamed, lisa, eva, tom];
}

const cases: CaseRec[] = seed();

/* ---------- deadlines ---------- */

interface Step {
  code: string;
  title: string;
  responsible: Role[];
  source: string;
  window: number;
}
const STEPS: Record<string, Step> = {
  ziekmelding_arbodienst: { code: 'ziekmelding_arbodienst', title: 'Ziekmelding bij bedrijfsarts/arbodienst', responsible: ['werkgever'], source: 'praktijk; Arbowet art. 14', window: 7 },
  probleemanalyse: { code: 'probleemanalyse', title: 'Probleemanalyse', responsible: ['bedrijfsarts'], source: 'Regeling procesgang art. 2', window: 42 },
  plan_van_aanpak: { code: 'plan_van_aanpak', title: 'Plan van aanpak', responsible: ['werknemer', 'werkgever'], source: 'Regeling procesgang art. 4 lid 1', window: 14 },
  voortgangsgesprek: { code: 'voortgangsgesprek', title: 'Voortgangsgesprek', responsible: ['werknemer', 'werkgever'], source: 'praktijk; Regeling procesgang art. 4 lid 2', window: 14 },
  melding_uwv: { code: 'melding_uwv', title: '42e-weeksmelding aan UWV', responsible: ['werkgever'], source: 'Regeling procesgang art. 5; UWV', window: 14 },
  eerstejaarsevaluatie: { code: 'eerstejaarsevaluatie', title: 'Eerstejaarsevaluatie', responsible: ['werknemer', 'werkgever'], source: 'Regeling procesgang art. 4 lid 2 onder b', window: 28 },
  start_tweede_spoor: { code: 'start_tweede_spoor', title: 'Start tweede spoor', responsible: ['werkgever'], source: 'Werkwijzer Poortwachter (UWV)', window: 42 },
  re_integratieverslag: { code: 're_integratieverslag', title: 'Re-integratieverslag compleet, kopie aan werknemer', responsible: ['werkgever'], source: 'WIA art. 25 lid 3; Regeling procesgang art. 6', window: 28 },
  wia_aanvraag: { code: 'wia_aanvraag', title: 'WIA-aanvraag door werknemer', responsible: ['werknemer'], source: 'WIA art. 64', window: 14 },
  beslissing_loonsanctie: { code: 'beslissing_loonsanctie', title: 'Uiterste datum besluit loonsanctie (UWV)', responsible: ['werkgever'], source: 'WIA art. 25 lid 10', window: 35 },
  einde_wachttijd: { code: 'einde_wachttijd', title: 'Einde wachttijd', responsible: ['werknemer', 'werkgever'], source: 'WIA art. 23', window: 28 },
};

function deadlinesOf(c: CaseRec) {
  const today = todayIso();
  const D = c.first_sick_day;
  const endOfWeek = (n: number): string => addDays(D, 7 * n - 1);
  const doneOf = (code: string, nth = 1): string | null => {
    const evs = c.events.filter((e) => e.kind === code).sort((a, b) => a.date.localeCompare(b.date));
    return evs[nth - 1]?.date ?? null;
  };
  const ruleVersion = D >= '2023-07-01' ? 'wvp-2023-07' : 'wvp-2002';
  const items: Record<string, unknown>[] = [];
  const add = (code: string, due: string, seq?: number): void => {
    const step = STEPS[code]!;
    const eff = code === 'melding_uwv' ? { date: due } : effective(due);
    const done = doneOf(code, seq ?? 1);
    const opens = addDays(due, -step.window);
    let status: string;
    if (c.status === 'gesloten' && !done) status = 'vervallen';
    else if (done) status = 'gedaan';
    else if (today > eff.date) status = 'te laat';
    else if (today >= opens) status = 'open';
    else status = 'gepland';
    items.push({
      code,
      ...(seq ? { seq } : {}),
      title: step.title,
      due,
      due_effective: eff.date,
      ...(eff.moved_for ? { moved_for: eff.moved_for } : {}),
      opens,
      week: Math.floor(diffDays(due, D) / 7) + 1,
      status,
      done,
      agreed_due: null,
      responsible: step.responsible,
      source: step.source,
      rule_version: ruleVersion,
    });
  };
  add('ziekmelding_arbodienst', endOfWeek(1));
  add('probleemanalyse', endOfWeek(6));
  const pa = doneOf('probleemanalyse');
  add('plan_van_aanpak', pa ? addDays(pa, 14) : endOfWeek(8));
  for (let k = 1; 8 + 6 * k <= 102; k++) add('voortgangsgesprek', endOfWeek(8 + 6 * k), k);
  let uwv = addDays(endOfWeek(42), 1);
  while (effective(uwv).date !== uwv) uwv = addDays(uwv, 1);
  add('melding_uwv', uwv);
  add('eerstejaarsevaluatie', endOfWeek(52));
  add('start_tweede_spoor', addDays(doneOf('eerstejaarsevaluatie') ?? endOfWeek(52), 42));
  add('re_integratieverslag', endOfWeek(91));
  add('wia_aanvraag', endOfWeek(93));
  add('beslissing_loonsanctie', endOfWeek(98));
  add('einde_wachttijd', endOfWeek(104));
  items.sort((a, b) => String(a.due_effective).localeCompare(String(b.due_effective)));
  const period = c.periods[c.periods.length - 1];
  const sickDays = Math.max(0, diffDays(period?.to ?? today, D) + 1);
  return {
    today,
    rule_version: ruleVersion,
    case_start: D,
    recovered: period?.to ? addDays(period.to, 1) : null,
    ended: c.status === 'gesloten',
    sick_days: sickDays,
    week: Math.floor((sickDays - 1) / 7) + 1,
    extension_weeks: 0,
    deadlines: items,
  };
}

/* ---------- HTTP plumbing ---------- */

interface Session {
  user: User;
  csrf: string;
}
const sessions = new Map<string, Session>();

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field = '',
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
      if (data.length > 100_000) reject(new HttpError(413, 'limit', 'Verzoek te groot'));
    });
    req.on('end', () => {
      if (!data) return resolve({});
      try {
        const v: unknown = JSON.parse(data);
        if (v && typeof v === 'object' && !Array.isArray(v)) resolve(v as Record<string, unknown>);
        else reject(new HttpError(400, 'invalid', 'JSON-object verwacht'));
      } catch {
        reject(new HttpError(400, 'invalid', 'Ongeldige JSON'));
      }
    });
    req.on('error', reject);
  });
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

const userRef = (id: number) => {
  const u = users.find((x) => x.id === id);
  return { id, name: u?.name ?? 'Onbekend' };
};

function sessionJson(s: Session) {
  const { id, name, email, organisation, roles } = s.user;
  return { user: { id, name, email, organisation, roles }, csrf_token: s.csrf };
}

function roleIn(c: CaseRec, u: User): Role | null {
  if (c.employee === u.id) return 'werknemer';
  if (u.roles.includes('werkgever') && u.organisation?.id === c.organisation.id) return 'werkgever';
  const p = c.participants.find((x) => x.user === u.id && x.until === null);
  return p ? p.role : null;
}

function nextDeadline(c: CaseRec) {
  const tl = deadlinesOf(c);
  const open = tl.deadlines.filter((d) => d.status === 'open' || d.status === 'gepland' || d.status === 'te laat');
  const next = open[0];
  return {
    next_deadline: next
      ? { code: next.code, title: next.title, due_effective: next.due_effective, status: next.status }
      : null,
    overdue: tl.deadlines.filter((d) => d.status === 'te laat').length,
    week: tl.week,
  };
}

function caseSummary(c: CaseRec, u: User) {
  const nd = nextDeadline(c);
  return {
    id: c.id,
    employee: userRef(c.employee),
    organisation: c.organisation,
    first_sick_day: c.first_sick_day,
    week: nd.week,
    status: c.status,
    my_role: roleIn(c, u),
    next_deadline: nd.next_deadline,
    overdue: nd.overdue,
  };
}

function caseDetail(c: CaseRec, u: User) {
  return {
    id: c.id,
    employee: userRef(c.employee),
    organisation: c.organisation,
    status: c.status,
    first_sick_day: c.first_sick_day,
    my_role: roleIn(c, u),
    verwachte_duur: c.verwachte_duur,
    lopende_afspraken: c.lopende_afspraken,
    contact_phone: c.contact_phone,
    vangnet: c.vangnet,
    arbeidsongeval: c.arbeidsongeval,
    derde_aansprakelijk: c.derde_aansprakelijk,
    periods: c.periods,
    participants: c.participants.map((p) => ({ user: userRef(p.user), role: p.role, from: p.from, until: p.until })),
  };
}

function logAccess(c: CaseRec, s: Session, action: string, what: string): void {
  const role = roleIn(c, s.user);
  if (!role) return;
  c.access.push({ at: new Date().toISOString(), user: s.user.id, role, action, what });
}

function validDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(toMs(v));
}

async function handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  const method = req.method ?? 'GET';
  const sid = cookie(req, 'sw_session');
  const session = sid ? sessions.get(sid) : undefined;

  if (path === '/session') {
    if (method === 'POST') {
      const body = await readBody(req);
      const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
      if (!email) throw new HttpError(400, 'invalid', 'Vul je e-mailadres in.', 'email');
      if (typeof body.password !== 'string' || !body.password)
        throw new HttpError(400, 'invalid', 'Vul je wachtwoord in.', 'password');
      const u = users.find((x) => x.email === email);
      if (!u || body.password !== PASSWORD)
        throw new HttpError(401, 'unauthenticated', 'E-mailadres of wachtwoord klopt niet.', 'password');
      const id = randomBytes(24).toString('base64url');
      const s: Session = { user: u, csrf: randomBytes(24).toString('base64url') };
      sessions.set(id, s);
      res.setHeader('Set-Cookie', `sw_session=${id}; Path=/; HttpOnly; SameSite=Strict`);
      return send(res, 200, sessionJson(s));
    }
    if (!session) throw new HttpError(401, 'unauthenticated', 'Niet ingelogd.');
    if (method === 'GET') return send(res, 200, sessionJson(session));
    if (method === 'DELETE') {
      if (req.headers['x-csrf-token'] !== session.csrf) throw new HttpError(403, 'forbidden', 'CSRF-token ontbreekt of klopt niet.');
      sessions.delete(sid!);
      res.setHeader('Set-Cookie', 'sw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
      return send(res, 204);
    }
    throw new HttpError(405, 'invalid', 'Methode niet toegestaan.');
  }

  if (!session) throw new HttpError(401, 'unauthenticated', 'Niet ingelogd.');
  if (method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf)
    throw new HttpError(403, 'forbidden', 'CSRF-token ontbreekt of klopt niet.');
  const me = session.user;

  if (path === '/cases') {
    if (method === 'GET') {
      const status = query.get('status');
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
      const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 50) || 50));
      const visible = cases.filter((c) => roleIn(c, me) !== null && (!status || c.status === status));
      const items = visible.slice((page - 1) * perPage, page * perPage).map((c) => caseSummary(c, me));
      return send(res, 200, { items, page, per_page: perPage, total: visible.length });
    }
    if (method === 'POST') {
      if (!me.roles.includes('werkgever') || !me.organisation)
        throw new HttpError(403, 'forbidden', 'Alleen een werkgever kan een ziekmelding doen.');
      const b = await readBody(req);
      const employeeId = Number(b.employee_id);
      const emp = users.find((x) => x.id === employeeId && x.organisation?.id === me.organisation?.id && x.roles.includes('werknemer'));
      if (!emp) throw new HttpError(422, 'invalid', 'Deze medewerker is niet gevonden in je organisatie.', 'employee_id');
      if (!validDate(b.first_sick_day)) throw new HttpError(422, 'invalid', 'Vul een geldige datum in.', 'first_sick_day');
      if (b.first_sick_day > todayIso()) throw new HttpError(422, 'invalid', 'De eerste ziektedag kan niet in de toekomst liggen.', 'first_sick_day');
      if (cases.some((c) => c.employee === emp.id && c.status === 'open'))
        throw new HttpError(409, 'conflict', 'Deze medewerker heeft al een open verzuimdossier.', 'employee_id');
      for (const f of ['verwachte_duur', 'lopende_afspraken', 'contact_phone'] as const)
        if (b[f] !== undefined && typeof b[f] !== 'string') throw new HttpError(422, 'invalid', 'Tekst verwacht.', f);
      const c = makeCase(newId(), emp.id, 0, {
        first_sick_day: b.first_sick_day,
        verwachte_duur: String(b.verwachte_duur ?? ''),
        lopende_afspraken: String(b.lopende_afspraken ?? ''),
        contact_phone: String(b.contact_phone ?? ''),
        vangnet: b.vangnet === true,
        arbeidsongeval: b.arbeidsongeval === true,
        derde_aansprakelijk: b.derde_aansprakelijk === true,
      });
      c.periods = [{ id: newId(), from: b.first_sick_day, to: null, percent: 100 }];
      c.participants = [
        { user: emp.id, role: 'werknemer', from: b.first_sick_day, until: null },
        { user: me.id, role: 'werkgever', from: b.first_sick_day, until: null },
      ];
      cases.push(c);
      logAccess(c, session, 'aangemaakt', 'ziekmelding');
      return send(res, 201, caseDetail(c, me));
    }
    throw new HttpError(405, 'invalid', 'Methode niet toegestaan.');
  }

  const m = /^\/cases\/(\d+)(?:\/([a-z-]+))?(?:\/(\d+))?$/.exec(path);
  if (!m) throw new HttpError(404, 'not_found', 'Onbekend adres.');
  const c = cases.find((x) => x.id === Number(m[1]));
  if (!c) throw new HttpError(404, 'not_found', 'Dossier niet gevonden.');
  const role = roleIn(c, me);
  if (!role) throw new HttpError(403, 'forbidden', 'Je hebt geen toegang tot dit dossier.');
  const sub = m[2];

  if (!sub && method === 'GET') {
    logAccess(c, session, 'gelezen', 'dossier');
    return send(res, 200, caseDetail(c, me));
  }
  if (sub === 'deadlines' && method === 'GET') {
    logAccess(c, session, 'gelezen', 'termijnen');
    return send(res, 200, deadlinesOf(c));
  }
  if (sub === 'events') {
    if (method === 'GET') return send(res, 200, { items: c.events });
    if (method === 'POST') {
      const b = await readBody(req);
      if (typeof b.kind !== 'string' || !b.kind) throw new HttpError(422, 'invalid', 'Kies een soort.', 'kind');
      if (!validDate(b.date)) throw new HttpError(422, 'invalid', 'Vul een geldige datum in.', 'date');
      const ev = { id: newId(), kind: b.kind, date: b.date, value: typeof b.value === 'string' ? b.value : null, note: typeof b.note === 'string' ? b.note : '' };
      c.events.push(ev);
      logAccess(c, session, 'vastgelegd', b.kind);
      return send(res, 201, ev);
    }
  }
  if (sub === 'messages') {
    const render = () => ({
      items: c.messages.map((x) => ({ id: x.id, author: { ...userRef(x.author), role: x.role }, body: x.body, created_at: x.created_at })),
    });
    if (method === 'GET') {
      logAccess(c, session, 'gelezen', 'berichten');
      return send(res, 200, render());
    }
    if (method === 'POST') {
      const b = await readBody(req);
      const body = typeof b.body === 'string' ? b.body.trim() : '';
      if (!body) throw new HttpError(422, 'invalid', 'Schrijf een bericht.', 'body');
      if (body.length > 4000) throw new HttpError(422, 'limit', 'Een bericht is hoogstens 4000 tekens.', 'body');
      c.messages.push({ id: newId(), author: me.id, role, body, created_at: new Date().toISOString() });
      logAccess(c, session, 'geschreven', 'bericht');
      return send(res, 201, render());
    }
  }
  if (sub === 'access-log' && method === 'GET') {
    if (role !== 'werknemer') throw new HttpError(403, 'forbidden', 'Alleen de werknemer ziet wie het dossier inzag.');
    const items = [...c.access]
      .reverse()
      .map((a) => ({ at: a.at, user: userRef(a.user), role: a.role, action: a.action === 'gelezen' ? 'read' : 'write', resource: a.what, outcome: 'allow' }));
    return send(res, 200, { items });
  }
  if (sub === 'consents') {
    if (method === 'GET' && !m[3]) return send(res, 200, { items: c.consents });
    if (role !== 'werknemer') throw new HttpError(403, 'forbidden', 'Alleen de werknemer geeft of trekt toestemming in.');
    if (method === 'POST' && !m[3]) {
      const b = await readBody(req);
      const kinds = ['zoekprofiel_netwerk', 'delen_bureau', 'delen_zorgverlener'];
      if (typeof b.kind !== 'string' || !kinds.includes(b.kind)) throw new HttpError(422, 'invalid', 'Kies waarvoor je toestemming geeft.', 'kind');
      const grantedTo = typeof b.granted_to === 'string' ? b.granted_to.trim() : '';
      if (b.kind !== 'zoekprofiel_netwerk' && !grantedTo) throw new HttpError(422, 'invalid', 'Vul in met wie je deelt.', 'granted_to');
      const consent = { id: newId(), kind: b.kind, granted_to: grantedTo || null, given_on: todayIso(), revoked_on: null };
      c.consents.push(consent);
      logAccess(c, session, 'gegeven', `toestemming ${b.kind}`);
      return send(res, 201, consent);
    }
    if (method === 'DELETE' && m[3]) {
      const consent = c.consents.find((x) => x.id === Number(m[3]));
      if (!consent) throw new HttpError(404, 'not_found', 'Toestemming niet gevonden.');
      consent.revoked_on = todayIso();
      logAccess(c, session, 'ingetrokken', `toestemming ${consent.kind}`);
      return send(res, 200, consent);
    }
  }
  throw new HttpError(404, 'not_found', 'Onbekend adres.');
}

function middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  if (!url.pathname.startsWith('/api/v1/') && url.pathname !== '/api/v1') return next();
  const path = url.pathname.slice('/api/v1'.length).replace(/\/$/, '');
  handle(req, res, path, url.searchParams).catch((err: unknown) => {
    if (err instanceof HttpError) {
      send(res, err.status, { error: { code: err.code, field: err.field, message: err.message } });
    } else {
      console.error('[mock-api]', err);
      send(res, 500, { error: { code: 'internal', field: '', message: 'Interne fout in de mock.' } });
    }
  });
}

/** Vite plugin: serves the mock API under /api/v1 in `vite dev` and `vite preview`. */
export function mockApi(): Plugin {
  return {
    name: 'spoorwijzer-dev-mock-api',
    apply: () => true,
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
