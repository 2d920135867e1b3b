// The outline's problem counts: a small error / warning badge on a 类目 or 分目 row.
import './problems.css';
import { useT } from '../context';
import { useProblems } from './controller';

export function OutlineBadge({ id, kind }: { id: string; kind: 'category' | 'section' }) {
  const t = useT();
  const counts = useProblems((s) => (kind === 'section' ? s.bySection : s.byCategory).get(id));
  if (!counts || (!counts.error && !counts.warning)) return null;
  return (
    <span className="pb-ol-badge" data-errors={counts.error} data-warnings={counts.warning} title={t('problems.badge.title', { ...counts })}>
      {counts.error ? <span className="pb-count is-error">{counts.error}</span> : null}
      {counts.warning ? <span className="pb-count is-warning">{counts.warning}</span> : null}
    </span>
  );
}
