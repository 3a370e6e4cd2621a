/* Placement monitoring of one case: the questionnaires T0..T3 with the three perspectives side by side, a form for
 * the caller's own perspective when a moment is open, and adding a placement. */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { CaseDetail, Factor, FactorAnswer, Perspective, Placement, PlacementKind, QuestionnaireMoment, Role } from '../api/types';
import { FACTORS, PERSPECTIVES, PLACEMENT_KINDS } from '../api/types';
import { ErrorSummary, Select, TextField } from '../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading, apiErrorText } from '../components/ui';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { useFormErrors } from '../lib/useFormErrors';
import { Goals, RiskSignals } from './MonitoringSignals';

/** The perspective a role answers from: the employer at the placement may be the network employer. */
function perspectiveOf(role: Role | null): Perspective | null {
  if (role === 'werknemer') return 'werknemer';
  if (role === 'werkgever' || role === 'netwerkwerkgever') return 'werkgever';
  if (role === 'arbeidsdeskundige') return 'arbeidsdeskundige';
  return null;
}

const MAY_ADD: readonly (Role | null)[] = ['werkgever', 'arbeidsdeskundige', 're-integratieprofessional'];
/** Who records risk signals and development goals: the professionals and both employers; the employee reads them. */
const MAY_RECORD: readonly (Role | null)[] = ['werkgever', 'netwerkwerkgever', 'arbeidsdeskundige', 're-integratieprofessional'];

export function MonitoringPage({ id }: { id: number }) {
  const { t } = useI18n();
  const state = useAsync(() => Promise.all([api.case(id), api.placements(id)]), [id]);
  return (
    <>
      <p class="utrecht-paragraph sw-backlink">
        <a class="utrecht-link utrecht-link--html-a" href={href({ name: 'case', id })}>
          {t.caseDetail.backToCase}
        </a>
      </p>
      <PageHeading title={t.monitoring.title}>{t.monitoring.title}</PageHeading>
      <p class="utrecht-paragraph">{t.monitoring.intro}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
      {state.status === 'ok' && <Placements c={state.data[0]} placements={state.data[1].items} reload={state.reload} />}
    </>
  );
}

function Placements({ c, placements, reload }: { c: CaseDetail; placements: Placement[]; reload: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <p class="utrecht-paragraph sw-muted">{t.caseDetail.title(c.employee.name)}</p>
      {placements.length === 0 && <p class="utrecht-paragraph">{t.monitoring.none}</p>}
      {placements.map((p) => (
        <PlacementBlock key={p.id} caseId={c.id} p={p} mine={perspectiveOf(c.my_role)} canRecord={MAY_RECORD.includes(c.my_role)} />
      ))}
      {MAY_ADD.includes(c.my_role) && <NewPlacementForm caseId={c.id} onDone={reload} />}
    </>
  );
}

function PlacementBlock({ caseId, p, mine, canRecord }: { caseId: number; p: Placement; mine: Perspective | null; canRecord: boolean }) {
  const { t, lang } = useI18n();
  const q = useAsync(() => api.questionnaires(caseId, p.id), [caseId, p.id]);
  const title = t.monitoring.placement(p.employer.name, t.monitoring.kinds[p.kind] ?? p.kind, formatDate(p.start, lang));
  return (
    <section class="sw-section" aria-label={title}>
      <h2 class="utrecht-heading-2">{title}</h2>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorAlert error={q.error} onRetry={q.reload} />}
      {q.status === 'ok' &&
        q.data.moments
          .filter((m) => PERSPECTIVES.some((v) => m.perspectives[v].status !== 'gepland'))
          .map((m) => <MomentBlock key={m.moment} caseId={caseId} placementId={p.id} m={m} mine={mine} onDone={q.reload} />)}
      <RiskSignals caseId={caseId} placementId={p.id} canWrite={canRecord} />
      <Goals caseId={caseId} placementId={p.id} canWrite={canRecord} />
    </section>
  );
}

function scoreText(t: ReturnType<typeof useI18n>['t'], a: FactorAnswer | null): string {
  if (!a) return '–';
  return a.score === null ? t.monitoring.notApplicable : String(a.score);
}

function MomentBlock(props: { caseId: number; placementId: number; m: QuestionnaireMoment; mine: Perspective | null; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { m, mine } = props;
  const canAnswer = mine !== null && (m.perspectives[mine].status === 'open' || m.perspectives[mine].status === 'te_laat');
  return (
    <>
      <h3 class="utrecht-heading-3">{t.monitoring.moment(m.moment, formatDate(m.due, lang))}</h3>
      <ul class="utrecht-unordered-list">
        {PERSPECTIVES.map((v) => (
          <li class="utrecht-unordered-list__item" key={v}>
            {t.monitoring.statusLine(t.monitoring.perspectives[v] ?? v, t.monitoring.statuses[m.perspectives[v].status] ?? m.perspectives[v].status)}
          </li>
        ))}
      </ul>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table sw-table">
          <caption class="utrecht-table__caption">{t.monitoring.caption(m.moment)}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t.monitoring.factorCol}</th>
              {PERSPECTIVES.map((v) => (
                <th class="utrecht-table__header-cell" scope="col" key={v}>
                  {t.monitoring.perspectives[v]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {m.factors.map((f) => (
              <tr class="utrecht-table__row" key={f.factor}>
                <th class="utrecht-table__header-cell" scope="row">{t.monitoring.factors[f.factor]}</th>
                {PERSPECTIVES.map((v) => (
                  <td class="utrecht-table__cell" key={v}>
                    {scoreText(t, f[v])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canAnswer && <AnswerForm {...props} perspective={mine} />}
    </>
  );
}

function AnswerForm({ caseId, placementId, m, perspective, onDone }: { caseId: number; placementId: number; m: QuestionnaireMoment; perspective: Perspective; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [scores, setScores] = useState<Partial<Record<Factor, string>>>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();
  const fieldId = (f: Factor) => `score-${m.moment}-${f}`;
  const options = [
    { value: '', label: t.monitoring.choose },
    ...['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s })),
    { value: 'nvt', label: t.monitoring.notApplicable },
  ];

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of FACTORS) if (!scores[f]) missing[fieldId(f)] = t.monitoring.scoreRequired;
    if (Object.keys(missing).length) return fail(missing);
    clear();
    setBusy(true);
    try {
      const answers = Object.fromEntries(
        FACTORS.map((f) => [f, { score: scores[f] === 'nvt' ? null : Number(scores[f]), comment: null }]),
      ) as Record<Factor, FactorAnswer>;
      await api.answerQuestionnaire(caseId, placementId, m.moment, perspective, answers);
      setSent(true);
      onDone();
    } catch (err) {
      fail({ _form: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form" onSubmit={submit} noValidate>
      <h4 class="utrecht-heading-4">{t.monitoring.answerTitle(m.moment)}</h4>
      {sent && (
        <Alert type="ok" live>
          {t.monitoring.sent(m.moment)}
        </Alert>
      )}
      <ErrorSummary errors={errors} order={['_form', ...FACTORS.map(fieldId)]} labels={Object.fromEntries(FACTORS.map((f) => [fieldId(f), t.monitoring.factors[f] ?? f]))} summaryRef={summaryRef} />
      {FACTORS.map((f) => (
        <Select
          key={f}
          id={fieldId(f)}
          label={t.monitoring.scoreLabel(t.monitoring.factors[f] ?? f)}
          value={scores[f] ?? ''}
          onChange={(v) => setScores((s) => ({ ...s, [f]: v }))}
          options={options}
          error={errors[fieldId(f)]}
          required
        />
      ))}
      <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {t.monitoring.submit(m.moment)}
      </button>
    </form>
  );
}

function NewPlacementForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [employer, setEmployer] = useState('');
  const [kind, setKind] = useState<PlacementKind>('detachering');
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!employer.trim()) missing['placement-employer'] = t.monitoring.employerRequired;
    if (!start) missing['placement-start'] = t.monitoring.startRequired;
    if (Object.keys(missing).length) return fail(missing);
    clear();
    setBusy(true);
    try {
      await api.addPlacement(caseId, { employer_name: employer.trim(), kind, start });
      setEmployer('');
      setStart('');
      onDone();
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'start' ? 'placement-start' : err instanceof ApiError && err.field === 'employer_name' ? 'placement-employer' : '_form';
      fail({ [field]: err instanceof ApiError ? apiErrorText(t, lang, err) : t.errors.internal });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form" onSubmit={submit} noValidate>
      <h2 class="utrecht-heading-2">{t.monitoring.newTitle}</h2>
      <ErrorSummary errors={errors} order={['_form', 'placement-employer', 'placement-start']} labels={{ 'placement-employer': t.monitoring.employer, 'placement-start': t.monitoring.start }} summaryRef={summaryRef} />
      <TextField id="placement-employer" label={t.monitoring.employer} value={employer} onInput={setEmployer} error={errors['placement-employer']} required maxLength={200} />
      <Select id="placement-kind" label={t.monitoring.kind} value={kind} onChange={(v) => setKind(v as PlacementKind)} options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t.monitoring.kinds[k] ?? k }))} required />
      <TextField id="placement-start" label={t.monitoring.start} type="date" value={start} onInput={setStart} error={errors['placement-start']} required />
      <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {t.monitoring.add}
      </button>
    </form>
  );
}
