/*
 * Information offered actively (issue 5, item 3): the modules the server
 * finds relevant for the viewer's role at this moment of the case, with
 * read receipts. InfoNow is the short "new for you" block on the home and
 * case pages; InfoSection the full texts with "I have read this".
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { InfoModule } from '../api/types';
import { Alert, DateTimeText, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import type { Lang } from '../lib/dates';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';

const text = (m: InfoModule, lang: Lang) => (lang === 'en' ? m.en : m.nl);

/** At most this many on the home and case pages; the section has them all. */
const NOW_MAX = 3;

/** The unread modules as links to their text; nothing while loading or when the server lacks the endpoint. */
export function InfoNow({ caseId, own }: { caseId: number; own: boolean }) {
  const { t, lang } = useI18n();
  const info = useAsync(() => api.info(caseId), [caseId]);
  if (info.status !== 'ok' || info.data.items.length === 0) return null;
  // The library is in timeline order: the latest moments matter most now.
  const unread = info.data.items.filter((m) => !m.read_at).reverse();
  const shown = unread.slice(0, NOW_MAX);
  const all = href({ name: 'section', id: caseId, section: 'informatie' });
  return (
    <section class="sw-section sw-info-now" aria-labelledby="info-now-heading">
      <h2 class="utrecht-heading-2" id="info-now-heading">
        {own ? t.info.nowHeading : t.info.titleOther}
      </h2>
      {unread.length === 0 ? (
        <p class="utrecht-paragraph">{t.info.allRead}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.info.nowIntro(unread.length)}</p>
          <ul class="sw-cards sw-info-list">
            {shown.map((m) => (
              <li class="sw-card" key={m.code}>
                <h3 class="utrecht-heading-3">
                  <a class="utrecht-link utrecht-link--html-a" href={`${all}?module=${m.code}`}>
                    {text(m, lang).title}
                  </a>
                </h3>
                <p class="utrecht-paragraph">{text(m, lang).summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={all}>
          {t.info.toAll}
        </a>
      </p>
    </section>
  );
}

export function InfoSection({ caseId }: { caseId: number }) {
  const { t, lang } = useI18n();
  const info = useAsync(() => api.info(caseId), [caseId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const loaded = info.status === 'ok';

  // A link from "new for you" names the module: bring it into view.
  useEffect(() => {
    if (!loaded) return;
    const code = new URLSearchParams(location.hash.split('?')[1] ?? '').get('module');
    if (code) document.getElementById(`module-${code}`)?.scrollIntoView();
  }, [loaded]);

  const markRead = async (m: InfoModule) => {
    setNotice(null);
    setFailed(null);
    try {
      await api.markInfoRead(caseId, m.code);
      setNotice(t.info.marked(text(m, lang).title));
      info.reload();
    } catch (err) {
      setFailed(err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal);
    }
  };

  if (info.status === 'loading') return <Loading />;
  if (info.status === 'error') return <ErrorAlert error={info.error} onRetry={info.reload} />;
  return (
    <>
      <p class="utrecht-paragraph">{t.info.intro}</p>
      {notice && (
        <Alert type="ok" live>
          {notice}
        </Alert>
      )}
      {failed && (
        <Alert type="error" live>
          {failed}
        </Alert>
      )}
      {info.data.items.length === 0 && <p class="utrecht-paragraph">{t.info.none}</p>}
      {info.data.items.map((m) => {
        const x = text(m, lang);
        return (
          <article class="sw-section sw-info-module" id={`module-${m.code}`} key={m.code} aria-labelledby={`module-${m.code}-title`}>
            <h2 class="utrecht-heading-2" id={`module-${m.code}-title`}>
              {x.title}
            </h2>
            <p class="utrecht-paragraph utrecht-paragraph--lead">{x.summary}</p>
            {x.body.split('\n\n').map((para, i) => (
              <p class="utrecht-paragraph" key={i}>
                {para}
              </p>
            ))}
            {m.read_at ? (
              <p class="utrecht-paragraph sw-muted">
                {t.info.read}: <DateTimeText iso={m.read_at} />
              </p>
            ) : (
              <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-label={t.info.markReadLabel(x.title)} onClick={() => void markRead(m)}>
                {t.info.markRead}
              </button>
            )}
          </article>
        );
      })}
    </>
  );
}

/** #/informatie: the whole library, for every logged-in user. */
export function InfoLibrary() {
  const { t, lang } = useI18n();
  const lib = useAsync(() => api.infoLibrary(), []);
  return (
    <>
      <PageHeading title={t.library.title}>{t.library.title}</PageHeading>
      <p class="utrecht-paragraph">{t.library.intro}</p>
      {lib.status === 'loading' && <Loading />}
      {lib.status === 'error' && <ErrorAlert error={lib.error} onRetry={lib.reload} />}
      {lib.status === 'ok' &&
        lib.data.items.map((m) => {
          const x = text(m, lang);
          return (
            <article class="sw-section sw-info-module" id={`module-${m.code}`} key={m.code} aria-labelledby={`module-${m.code}-title`}>
              <h2 class="utrecht-heading-2" id={`module-${m.code}-title`}>
                {x.title}
              </h2>
              <p class="utrecht-paragraph utrecht-paragraph--lead">{x.summary}</p>
              {x.body.split('\n\n').map((para, i) => (
                <p class="utrecht-paragraph" key={i}>
                  {para}
                </p>
              ))}
              <p class="utrecht-paragraph sw-muted">{t.info.forRoles(t.list(m.roles.map((r) => t.roles[r] ?? r)))}</p>
            </article>
          );
        })}
    </>
  );
}
