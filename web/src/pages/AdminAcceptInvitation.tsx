/* #/uitnodiging/<token>: the invitee sets a password (the rules shown up
 * front), is then logged in and lands on the home page. A used, withdrawn
 * or expired link gets its own Dutch explanation. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { ErrorSummary, TextField, type FieldErrors } from '../components/fields';
import { Alert, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import type { Dict } from '../i18n';
import { href, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { useFormErrors } from '../lib/useFormErrors';

/** The server's minimum (api_password_check, PASSWORD_MIN_CHARS), counted in characters. */
const PASSWORD_MIN_CHARS = 10;

/* A 409 on the token says which in its message (docs/openapi.yaml). */
function linkProblem(t: Dict, e: ApiError): string | null {
  if (e.field !== 'token') return null;
  if (e.status === 404) return t.admin.unknownLink;
  if (e.status !== 409) return null;
  if (/used/.test(e.message)) return t.admin.usedLink;
  if (/withdrawn/.test(e.message)) return t.admin.withdrawnLink;
  return t.admin.expiredLink;
}

export function AcceptInvitationPage({ token, loggedIn }: { token: string; loggedIn: boolean }) {
  const { t, lang } = useI18n();
  const a = t.admin;
  const { reload } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if ([...password].length < PASSWORD_MIN_CHARS) errs['new-password'] = a.passwordShort;
    else if (password !== repeat) errs['repeat-password'] = a.passwordMismatch;
    if (Object.keys(errs).length) return fail(errs);
    clear();
    setBusy(true);
    try {
      await api.acceptInvitation(token, password);
      navigate({ name: 'home' }, { replace: true });
      reload();
    } catch (err) {
      setBusy(false);
      const p = err instanceof ApiError ? linkProblem(t, err) : null;
      if (p) setProblem(p);
      else if (err instanceof ApiError && err.field === 'password') fail({ 'new-password': a.passwordShort });
      else fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    }
  };

  return (
    <div class="sw-narrow">
      <PageHeading title={a.acceptTitle}>{a.acceptTitle}</PageHeading>
      {loggedIn ? (
        <Alert type="warning">{a.loggedInElsewhere}</Alert>
      ) : problem ? (
        <>
          <Alert type="error" live>
            {problem}
          </Alert>
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'login' })}>
              {a.toLogin}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="utrecht-paragraph">{a.acceptIntro}</p>
          <ErrorSummary errors={errors} order={['new-password', 'repeat-password']} labels={{ 'new-password': a.password, 'repeat-password': a.passwordRepeat }} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" onSubmit={(e) => void submit(e)} noValidate method="post">
            <TextField id="new-password" label={a.password} hint={a.passwordRules} type="password" autoComplete="new-password" value={password} onInput={setPassword} error={errors['new-password']} required />
            <TextField id="repeat-password" label={a.passwordRepeat} type="password" autoComplete="new-password" value={repeat} onInput={setRepeat} error={errors['repeat-password']} required />
            <div class="utrecht-button-group sw-actions">
              <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy}>
                {busy ? a.accepting : a.accept}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
