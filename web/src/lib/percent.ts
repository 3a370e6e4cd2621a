/* Percentages of sickness: typed with a comma or a point, at most two decimals, shown the Dutch way. */
import type { Lang } from './dates';

/** "50,5", "50.5", "100" -> 50.5; null when not a number in 1..100 (or min..100) with at most two decimals. */
export function parsePercent(text: string, min = 1): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= 100 ? n : null;
}

/** 50.25 -> "50,25%" (nl) or "50.25%" (en). */
export function formatPercent(n: number, lang: Lang = 'nl'): string {
  return `${n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })}%`;
}
