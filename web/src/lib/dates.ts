/*
 * Date helpers. API dates are calendar dates (yyyy-mm-dd) in Europe/Amsterdam;
 * they are handled as plain calendar days (UTC arithmetic) so that no browser
 * time zone can shift them by a day. Names are spelled out here rather than
 * taken from Intl so that the output is the same in every browser:
 * formatDate('2025-01-06', 'nl') === 'maandag 6 januari 2025'.
 */

export type Lang = 'nl' | 'en';

const NAMES = {
  nl: {
    days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    at: 'om',
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    at: 'at',
  },
} as const;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const DAY_MS = 86_400_000;

/** Parses yyyy-mm-dd (a longer timestamp's date part is ignored); null when it is no real date. */
export function parseIsoDate(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return { year, month, day };
}

function epochDay(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function weekday(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

function names(lang: Lang) {
  return NAMES[lang] ?? NAMES.nl;
}

/**
 * 'long': "maandag 6 januari 2025" / "Monday 6 January 2025";
 * 'medium': "6 januari 2025" / "6 January 2025".
 * Returns the input unchanged when it is not a date, and '' for null.
 */
export function formatDate(iso: string | null | undefined, lang: Lang = 'nl', style: 'long' | 'medium' = 'long'): string {
  if (!iso) return '';
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const n = names(lang);
  const core = `${d.day} ${n.months[d.month - 1]} ${d.year}`;
  return style === 'long' ? `${n.days[weekday(d)]} ${core}` : core;
}

/** Whole days from `from` to `to` (positive when `to` is later); NaN when either is no date. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return Number.NaN;
  return epochDay(b) - epochDay(a);
}

export function addDays(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Date((epochDay(d) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Europe/Amsterdam as yyyy-mm-dd. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const p = amsterdamParts(now);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function amsterdamParts(t: Date): CalendarDate & { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(t);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** A timestamp shown in Amsterdam time: "maandag 6 januari 2025 om 14:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'nl'): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = amsterdamParts(t);
  const date = formatDate(`${p.year}-${pad(p.month)}-${pad(p.day)}`, lang, 'long');
  return `${date} ${names(lang).at} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The machine-readable value for <time datetime> of a timestamp. */
export function isoForTimeElement(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : t.toISOString();
}
