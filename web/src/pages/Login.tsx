import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { ErrorSummary, TextField, type FieldErrors } from '../components/fields';
import { Alert, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { navigate, parseHash } from '../lib/router';
import { useSession } from '../lib/session';
import { useFormErrors } from '../lib/useFormErrors';

export function LoginPage({ reason }: { reason?: 'expired' | 'logged_out' }) {
  const { t, lang } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    const mail = email.trim();
    if (!mail) errs.email = t.login.emailRequired;
    else if (!/^[^\s@]+@[^\s@]+$/.test(mail)) errs.email = t.login.emailInvalid;
    if (!password) errs.password = t.login.passwordRequired;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      await login(mail, password);
      // A deep link (#/dossiers/12) stays where it was; the login page itself goes home.
      if (parseHash(location.hash)?.name === 'login') navigate({ name: 'home' }, { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && (err.status === 401 || err.code === 'unauthenticated')) {
        fail({ password: t.login.failed });
      } else if (err instanceof ApiError && err.code === 'limit') {
        fail({ email: t.login.locked });
      } else if (err instanceof ApiError) {
        const field = err.field === 'email' || err.field === 'password' ? err.field : '_form';
        fail({ [field]: apiErrorText(t, lang, err) });
      } else {
        fail({ _form: t.errors.internal });
      }
    }
  };

  return (
    <div class="sw-narrow">
      <PageHeading title={t.login.title}>{t.login.title}</PageHeading>
      {reason === 'expired' && <Alert type="warning">{t.login.sessionExpired}</Alert>}
      {reason === 'logged_out' && <Alert type="ok">{t.login.loggedOut}</Alert>}
      <p class="utrecht-paragraph">{t.login.intro}</p>
      <ErrorSummary errors={errors} order={['email', 'password']} summaryRef={summaryRef} />
      <form class="utrecht-form sw-form" onSubmit={submit} noValidate method="post">
        <TextField
          id="email"
          label={t.login.email}
          type="email"
          autoComplete="username"
          value={email}
          onInput={setEmail}
          error={errors.email}
          required
        />
        <TextField
          id="password"
          label={t.login.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
          error={errors.password}
          required
        />
        <div class="utrecht-button-group sw-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" aria-disabled={busy ? 'true' : undefined} disabled={busy}>
            {busy ? t.login.busy : t.login.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
