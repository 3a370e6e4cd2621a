/* The case's werkgever manages who takes part: the current participants
 * with an end button (not the employee), and a professional to assign,
 * picked from the arbodiensten and re-integratiebedrijven. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Participation, Role } from '../api/types';
import { PROFESSIONAL_ROLES } from '../api/types';
import { ErrorSummary, Select } from '../components/fields';
import { Alert, DateText, ErrorAlert, Loading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { todayInAmsterdam } from '../lib/dates';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';

export function ManageParticipants({ caseId, onChange }: { caseId: number; onChange: () => void }) {
  const { t, lang } = useI18n();
  const s = t.assign;
  const list = useAsync(() => api.participations(caseId), [caseId]);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState<ApiError | null>(null);
  const today = todayInAmsterdam();
  const current = list.status === 'ok' ? list.data.items.filter((p) => !p.until || p.until > today) : [];
  const nameOf = (p: Participation) => p.user?.name ?? s.removed;

  const end = async (p: Participation) => {
    setDone('');
    setFailed(null);
    try {
      await api.endParticipation(caseId, p.id, today);
      setDone(s.ended(nameOf(p)));
      list.reload();
      onChange();
    } catch (err) {
      setFailed(err instanceof ApiError ? err : new ApiError(0, 'internal', ''));
    }
  };

  return (
    <section class="sw-section" aria-labelledby="participants-heading">
      <h2 class="utrecht-heading-2" id="participants-heading">
        {s.title}
      </h2>
      <p class="utrecht-paragraph">{s.intro}</p>
      {done && (
        <Alert type="ok" live>
          {done}
        </Alert>
      )}
      {failed && (
        <Alert type="error" live>
          {apiErrorText(t, lang, failed)}
        </Alert>
      )}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <div class="utrecht-table-container" role="region" aria-labelledby="participants-caption" tabIndex={0}>
          <table class="utrecht-table utrecht-table--html-table sw-table">
            <caption class="utrecht-table__caption" id="participants-caption">
              {s.caption(current.length)}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{s.person}</th>
                <th class="utrecht-table__header-cell" scope="col">{s.role}</th>
                <th class="utrecht-table__header-cell" scope="col">{s.since}</th>
                <th class="utrecht-table__header-cell" scope="col">{s.actions}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {current.map((p) => (
                <tr class="utrecht-table__row" key={p.id}>
                  <th class="utrecht-table__cell sw-row-header" scope="row">{nameOf(p)}</th>
                  <td class="utrecht-table__cell">{t.roles[p.role] ?? p.role}</td>
                  <td class="utrecht-table__cell">
                    <DateText iso={p.from} style="medium" />
                  </td>
                  <td class="utrecht-table__cell">
                    {p.role !== 'werknemer' && (
                      <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => void end(p)}>
                        {s.end(nameOf(p), t.roles[p.role] ?? p.role)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AssignForm
        caseId={caseId}
        onAdded={(p) => {
          setFailed(null);
          setDone(s.added(nameOf(p), t.roles[p.role] ?? p.role));
          list.reload();
          onChange();
        }}
      />
    </section>
  );
}

function AssignForm({ caseId, onAdded }: { caseId: number; onAdded: (p: Participation) => void }) {
  const { t, lang } = useI18n();
  const s = t.assign;
  const cands = useAsync(() => api.participantCandidates(caseId), [caseId]);
  const [role, setRole] = useState<Role>('bedrijfsarts');
  const [who, setWho] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!who) return fail({ 'assign-person': s.chooseRequired });
    clear();
    setBusy(true);
    try {
      const p = await api.addParticipation(caseId, Number(who), role);
      setWho('');
      onAdded(p);
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'user_id' ? 'assign-person' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };
  if (cands.status === 'loading') return <Loading />;
  if (cands.status === 'error') return <ErrorAlert error={cands.error} onRetry={cands.reload} />;
  return (
    <>
      <h3 class="utrecht-heading-3" id="assign-heading">
        {s.addTitle}
      </h3>
      {cands.data.items.length === 0 ? (
        <p class="utrecht-paragraph">{s.noCandidates}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} order={['assign-person']} labels={{ 'assign-person': s.addPerson }} summaryRef={summaryRef} />
          <form class="utrecht-form sw-form" aria-labelledby="assign-heading" onSubmit={(e) => void submit(e)} noValidate method="post">
            <Select id="assign-role" label={s.addRole} value={role} onChange={(v) => setRole(v as Role)} options={PROFESSIONAL_ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))} />
            <Select
              id="assign-person"
              label={s.addPerson}
              value={who}
              onChange={setWho}
              error={errors['assign-person']}
              required
              options={[{ value: '', label: s.choose }, ...cands.data.items.map((c) => ({ value: String(c.id), label: `${c.name} (${c.organisation.name})` }))]}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {s.add}
            </button>
          </form>
        </>
      )}
    </>
  );
}
