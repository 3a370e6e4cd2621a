/* The casemanager's case filters beyond the status: a part of the name and the department. */
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Select, TextField } from '../components/fields';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';

export function CaseFilters({ orgId, onApply }: { orgId: number; onApply: (f: { q: string; department: string }) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState('');
  const depts = useAsync(() => api.departments(orgId), [orgId]);
  const options = [{ value: '', label: t.org.allDepartments }, ...(depts.status === 'ok' ? depts.data.items.map((d) => ({ value: String(d.id), label: d.name })) : [])];
  return (
    <form
      class="sw-filter sw-filter--cases"
      role="search"
      aria-label={t.org.applyFilters}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ q: q.trim(), department });
      }}
    >
      <TextField id="case-name-filter" label={t.org.filterName} hint={t.org.filterNameHint} value={q} onInput={setQ} autoComplete="off" required={false} />
      <Select
        id="case-department-filter"
        label={t.org.filterDepartment}
        value={department}
        onChange={(v) => {
          setDepartment(v);
          onApply({ q: q.trim(), department: v });
        }}
        options={options}
      />
      <div class="utrecht-button-group sw-actions">
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t.org.applyFilters}
        </button>
      </div>
    </form>
  );
}
