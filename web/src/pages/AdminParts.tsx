/* Pieces shared by the beheerder's pages: the tab links, paging. The
 * beheerder never sees case content: these pages only reach the
 * administration endpoints. */
import { useI18n } from '../i18n';
import { ADMIN_TABS, href, type AdminTab } from '../lib/router';

export function AdminIntro({ current }: { current: AdminTab }) {
  const { t } = useI18n();
  const label: Record<AdminTab, string> = {
    organisaties: t.admin.navOrganisations,
    gebruikers: t.admin.navUsers,
    uitnodigingen: t.admin.navInvitations,
  };
  return (
    <>
      <p class="utrecht-paragraph">{t.admin.noCaseContent}</p>
      <ul class="utrecht-unordered-list sw-admin-tabs">
        {ADMIN_TABS.filter((tab) => tab !== current).map((tab) => (
          <li class="utrecht-unordered-list__item" key={tab}>
            <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'admin', tab })}>
              {label[tab]}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Pager({ page, total, perPage, onPage }: { page: number; total: number; perPage: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class="sw-pagination" aria-label={t.admin.pagination}>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t.admin.prev}
      </button>
      <span class="utrecht-paragraph" aria-live="polite">
        {t.admin.pageOf(page, pages)}
      </span>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t.admin.next}
      </button>
    </nav>
  );
}

export const PER_PAGE = 20;
