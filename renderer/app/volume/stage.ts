// The words of a section's status: the badge label and its tooltip (who set it and when).
import type { MessageKey } from '../../../shared/i18n';
import { StageSchema, type Stage } from '../../../shared/model';
import type { Translate } from '../context';
import { formatTime } from '../format';

/** The stages in the order a section goes through them (草稿 → 初审 → 复审 → 终审 → 定稿). */
export const STAGES: readonly Stage[] = StageSchema.options;

/** The stage after this one (定稿 stays 定稿): what a 更改状态 form proposes. */
export function nextStage(stage: Stage): Stage {
  return STAGES[Math.min(STAGES.indexOf(stage) + 1, STAGES.length - 1)]!;
}

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
