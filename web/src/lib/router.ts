/*
 * Hash router (#/...), so the C server only has to serve index.html and the
 * static assets: no server-side fallback route is needed. Hashes that do not
 * start with "#/" (such as the skip link's "#main") are not routes.
 */
import { useEffect, useState } from 'preact/hooks';

export const SECTIONS = ['informatie', 'beslissingen', 'documenten', 'berichten', 'toestemmingen', 'inzage'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'ziekmelding' }
  /** The register of persons (issue 11), a person, adding one, the CSV import. */
  | { name: 'register' }
  | { name: 'person'; id: number }
  | { name: 'newPerson' }
  | { name: 'registerImport' }
  | { name: 'library' }
  /** step: a deadline code to open the case at (one click from a case list). */
  | { name: 'case'; id: number; step?: string }
  | { name: 'section'; id: number; section: Section }
  | { name: 'network'; id: number }
  | { name: 'offers' }
  | { name: 'monitoring'; id: number }
  | { name: 'zoekprofiel'; id: number }
  | { name: 'statistics' }
  | { name: 'outcomes' }
  | { name: 'document'; id: number; did: number }
  | { name: 'admin'; tab: AdminTab }
  /** token: an invitation's single-use token (the link a beheerder mails). */
  | { name: 'invite'; token: string }
  | { name: 'notfound' };

export const ADMIN_TABS = ['organisaties', 'gebruikers', 'uitnodigingen'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export function parseHash(hash: string): Route | null {
  if (hash === '' || hash === '#') return { name: 'home' };
  if (!hash.startsWith('#/')) return null;
  const [rawPath, query = ''] = hash.slice(1).split('?');
  const path = rawPath!.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/inloggen') return { name: 'login' };
  if (path === '/ziekmelding') return { name: 'ziekmelding' };
  if (path === '/aanbod') return { name: 'offers' };
  if (path === '/personeel') return { name: 'register' };
  if (path === '/personeel/nieuw') return { name: 'newPerson' };
  if (path === '/personeel/import') return { name: 'registerImport' };
  const person = /^\/personeel\/(\d{1,12})$/.exec(path);
  if (person) return { name: 'person', id: Number(person[1]) };
  if (path === '/statistiek') return { name: 'statistics' };
  if (path === '/statistiek/plaatsingen') return { name: 'outcomes' };
  if (path === '/informatie') return { name: 'library' };
  const admin = /^\/beheer\/([a-z]+)$/.exec(path);
  if (admin && (ADMIN_TABS as readonly string[]).includes(admin[1]!)) return { name: 'admin', tab: admin[1] as AdminTab };
  const invite = /^\/uitnodiging\/([A-Za-z0-9_-]{1,128})$/.exec(path);
  if (invite) return { name: 'invite', token: invite[1]! };
  const doc = /^\/dossiers\/(\d{1,12})\/documenten\/(\d{1,12})$/.exec(path);
  if (doc) return { name: 'document', id: Number(doc[1]), did: Number(doc[2]) };
  const m = /^\/dossiers\/(\d{1,12})(?:\/([a-z]+))?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (!m[2]) {
      const step = new URLSearchParams(query).get('stap');
      return step && /^[a-z_]{1,40}$/.test(step) ? { name: 'case', id, step } : { name: 'case', id };
    }
    if (m[2] === 'netwerk') return { name: 'network', id };
    if (m[2] === 'monitoring') return { name: 'monitoring', id };
    if (m[2] === 'zoekprofiel') return { name: 'zoekprofiel', id };
    if ((SECTIONS as readonly string[]).includes(m[2])) return { name: 'section', id, section: m[2] as Section };
  }
  return { name: 'notfound' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'login':
      return '#/inloggen';
    case 'ziekmelding':
      return '#/ziekmelding';
    case 'library':
      return '#/informatie';
    case 'register':
      return '#/personeel';
    case 'person':
      return `#/personeel/${route.id}`;
    case 'newPerson':
      return '#/personeel/nieuw';
    case 'registerImport':
      return '#/personeel/import';
    case 'case':
      return route.step ? `#/dossiers/${route.id}?stap=${route.step}` : `#/dossiers/${route.id}`;
    case 'section':
      return `#/dossiers/${route.id}/${route.section}`;
    case 'network':
      return `#/dossiers/${route.id}/netwerk`;
    case 'offers':
      return '#/aanbod';
    case 'monitoring':
      return `#/dossiers/${route.id}/monitoring`;
    case 'zoekprofiel':
      return `#/dossiers/${route.id}/zoekprofiel`;
    case 'statistics':
      return '#/statistiek';
    case 'outcomes':
      return '#/statistiek/plaatsingen';
    case 'document':
      return `#/dossiers/${route.id}/documenten/${route.did}`;
    case 'admin':
      return `#/beheer/${route.tab}`;
    case 'invite':
      return `#/uitnodiging/${route.token}`;
    case 'notfound':
      return '#/niet-gevonden';
  }
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const target = href(route);
  if (opts.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (location.hash !== target) {
    location.hash = target;
  }
}

let navigations = 0;
/** True once the user moved from one route to another (not on the first page load). */
export function hasNavigated(): boolean {
  return navigations > 0;
}

let current: Route = parseHash(typeof location === 'undefined' ? '' : location.hash) ?? { name: 'home' };

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => {
      const next = parseHash(location.hash);
      if (!next) return; // in-page anchor, keep the page
      navigations++;
      current = next;
      setRoute(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
