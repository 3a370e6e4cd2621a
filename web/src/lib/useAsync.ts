/* Loads data once per key; gives loading/error/data and a reload function. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ok'; data: T; error?: undefined };

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let alive = true;
    setState((s) => (s.status === 'ok' && tick > 0 ? s : { status: 'loading' }));
    loadRef
      .current()
      .then((data) => alive && setState({ status: 'ok', data }))
      .catch((e: unknown) => {
        if (!alive) return;
        setState({ status: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'internal', String(e)) });
      });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
