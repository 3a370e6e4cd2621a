/* The home of an organisation's beheerder: the accounts of the organisation, never case content. */
import type { User } from '../api/types';
import { PageHeading } from '../components/ui';
import { useI18n } from '../i18n';

export function OrgAdminHome({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t.org.adminHomeTitle}>{t.org.adminHomeTitle}</PageHeading>
      <p class="utrecht-paragraph">{t.org.adminHomeIntro(user.organisation?.name ?? '')}</p>
    </>
  );
}
