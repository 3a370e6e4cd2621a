/*
 * The CSV import of the register (POST /organisations/{id}/persons/import):
 * the body is the file itself as text/csv, which the JSON request helper of
 * client.ts does not send. A 422 with refused lines is an answer here, not an
 * error: it carries the same report as a dry run.
 */
import { API_BASE, ApiError, csrfTokenNow } from './client';
import type { ErrorCode } from './types';

export interface ImportRefusal {
  line: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  dry_run: boolean;
  lines: number;
  created: number;
  updated: number;
  refused: ImportRefusal[];
  refused_total: number;
}

export async function importRegister(org: number, csv: string, dryRun: boolean): Promise<ImportReport> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' };
  const token = csrfTokenNow();
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/organisations/${org}/persons/import?dry_run=${dryRun ? 'true' : 'false'}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: csv,
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  const report = data as (ImportReport & { error?: { code?: ErrorCode; field?: string; message?: string } }) | null;
  if (res.ok && report) return report;
  if (res.status === 422 && report && Array.isArray(report.refused)) return report;
  const err = report?.error;
  throw new ApiError(res.status, err?.code ?? (res.status === 403 ? 'forbidden' : res.status === 413 ? 'limit' : 'internal'), err?.message ?? '', err?.field ?? '');
}
