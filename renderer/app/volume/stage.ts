// The words of a section's status: the badge label and its tooltip (who set it and when).
import type { MessageKey } from '../../../shared/i18n';
import type { Stage } from '../../../shared/model';
import type { Translate } from '../context';
import { formatTime } from '../format';

export const STAGES: Stage[] = ['draft', 'first-review', 'second-review', 'final-review', 'approved'];

export const STAGE_KEYS: Record<Stage, MessageKey> = {
  draft: 'stage.draft',
  'first-review': 'stage.first-review',
  'second-review': 'stage.second-review',
  'final-review': 'stage.final-review',
  approved: 'stage.approved',
};

/** "初审：於晓萍，2022/03/01 17:00:00" — the stage with who set it and when, as far as that is recorded. */
export function stageTitle(t: Translate, stage: Stage, by: string | undefined, at: string | undefined, locale: 'zh' | 'en'): string {
  const name = t(STAGE_KEYS[stage]);
  const when = at ? formatTime(at, locale) : '';
  if (by && when) return t('volume.outline.stageTitle', { stage: name, by, at: when });
  if (by) return t('volume.outline.stageTitle', { stage: name, by, at: t('volume.stage.nobody') });
  if (when) return t('volume.outline.stageTitleNoBy', { stage: name, at: when });
  return t('volume.outline.stageTitleBare', { stage: name });
}
