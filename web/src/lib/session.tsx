/* The logged-in user, from GET /api/v1/session; login and logout. */
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { Role, User } from '../api/types';
import { PROFESSIONAL_ROLES } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'anon'; reason?: 'expired' | 'logged_out' }
  | { status: 'auth'; user: User };

interface SessionApi {
  state: SessionState;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** The server's user without `roles` (it does not send them yet) gets the roles it can know: beheerder or none. */
function normalizeUser(u: User): User {
  const roles: Role[] = Array.isArray(u.roles) ? u.roles : u.is_beheerder ? ['beheerder'] : [];
  return { ...u, organisation: u.organisation ?? null, is_beheerder: Boolean(u.is_beheerder), roles };
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    api
      .session()
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setState({ status: 'auth', user: normalizeUser(s.user) });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setState({ status: 'anon' });
        else setState({ status: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'network', '') });
      });
  }, []);

  useEffect(() => {
    load();
    setUnauthenticatedHandler(() => {
      setCsrfToken('');
      setState({ status: 'anon', reason: 'expired' });
    });
    return () => setUnauthenticatedHandler(null);
  }, [load]);

  const login = useCallback(async (email: string, password: string) => {
    const s = await api.login(email, password);
    setCsrfToken(s.csrf_token);
    const user = normalizeUser(s.user);
    setState({ status: 'auth', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* the session is gone either way */
    }
    setCsrfToken('');
    setState({ status: 'anon', reason: 'logged_out' });
  }, []);

  const value = useMemo(() => ({ state, login, logout, reload: load }), [state, login, logout, load]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The user's main role for the home page and menu. */
export type Persona = 'werkgever' | 'professional' | 'werknemer' | 'other' | 'unknown';

/** 'unknown': no roles known yet (the session answer has none); the home page finds them from the cases. */
export function personaOf(roles: readonly Role[]): Persona {
  if (roles.length === 0) return 'unknown';
  if (roles.includes('werkgever')) return 'werkgever';
  if (roles.some((r) => PROFESSIONAL_ROLES.includes(r))) return 'professional';
  if (roles.includes('werknemer')) return 'werknemer';
  return 'other';
}

export function primaryRole(roles: readonly Role[]): Role | undefined {
  const p = personaOf(roles);
  if (p === 'werkgever') return 'werkgever';
  if (p === 'professional') return roles.find((r) => PROFESSIONAL_ROLES.includes(r));
  if (p === 'werknemer') return 'werknemer';
  return roles[0];
}
