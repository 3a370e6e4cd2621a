/*
 * The files of a case (exports, attachments) and the calendar feed. Download
 * links are plain URLs (the browser saves them with the server's
 * Content-Disposition); the upload goes through XMLHttpRequest because only
 * that reports upload progress.
 */
import { API_BASE, ApiError, csrfTokenNow } from './client';

export interface Attachment {
  id: number;
  content_type: string;
  size: number;
  sha256: string;
  created_by: number;
  created_at: string;
}

export const filesUrl = {
  riv: (id: number) => `${API_BASE}/cases/${id}/riv.pdf`,
  planVanAanpak: (id: number) => `${API_BASE}/cases/${id}/plan-van-aanpak.pdf`,
  meldingUwv: (id: number) => `${API_BASE}/cases/${id}/melding-uwv.pdf`,
  deadlinesCsv: (id: number) => `${API_BASE}/cases/${id}/deadlines.csv?format=excel`,
  casesCsv: () => `${API_BASE}/cases.csv?format=excel`,
  attachment: (id: number, did: number, aid: number) => `${API_BASE}/cases/${id}/documents/${did}/attachments/${aid}`,
};

/* The error body {error:{code,field,message}} of a failed answer, as ApiError. */
function apiError(status: number, text: string): ApiError {
  let err: { code?: string; field?: string; message?: string } | undefined;
  try {
    err = (JSON.parse(text) as { error?: typeof err }).error;
  } catch {
    err = undefined;
  }
  return new ApiError(status, (err?.code ?? 'internal') as ApiError['code'], err?.message ?? '', err?.field ?? '');
}

async function send<T>(method: string, path: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfTokenNow();
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method, headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  if (!res.ok) throw apiError(res.status, text);
  return JSON.parse(text) as T;
}

export const filesApi = {
  attachments: (id: number, did: number) => send<{ items: Attachment[] }>('GET', `/cases/${id}/documents/${did}/attachments`),
  calendarFeed: () => send<{ url: string }>('POST', '/calendar-feed'),
};

/**
 * Uploads file as the raw body with its own Content-Type; onProgress gets the
 * fraction sent (0..1). Rejects with ApiError carrying the server's status
 * (413 too large, 415 wrong type) so the form can say it in words.
 */
export function uploadAttachment(id: number, did: number, file: File, onProgress: (f: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/cases/${id}/documents/${did}/attachments`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    // An empty type (an unknown extension) is sent as such: the server answers 415.
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', csrfTokenNow());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as Attachment);
      } else reject(apiError(xhr.status, xhr.responseText));
    };
    // A connection closed early on a very large body is most likely the size limit.
    xhr.onerror = () => reject(new ApiError(file.size > 10 * 1024 * 1024 ? 413 : 0, 'network', ''));
    xhr.send(file);
  });
}
