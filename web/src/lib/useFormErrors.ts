/* Error state of a form: field errors, and focus on the error summary after a failed submit. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldErrors } from '../components/fields';

export function useFormErrors() {
  const [errors, setErrorsState] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);
  const fail = (e: FieldErrors) => {
    setErrorsState(e);
    setAttempt((n) => n + 1);
  };
  const clear = () => setErrorsState({});
  return { errors, fail, clear, summaryRef };
}
