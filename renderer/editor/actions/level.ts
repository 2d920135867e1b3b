// Whether a block belongs to the entry before it or stands at the level of the section (or subsection):
// a section's closing attribution line, a table about the whole section. In the flat editor this is the
// block's detach state; everything after a detached block stays outside the entry until the next title.
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $getDetach, $setDetach } from '../state';
import { $entryTitleOf, $selectedTopLevel } from '../structure';

export function $canToggleSectionLevel(): boolean {
  const top = $selectedTopLevel();
  return !!top && !$isEntryTitleNode(top) && !$isSubsectionHeadingNode(top);
}

/** The block at the caret is outside any entry. */
export function $isSectionLevel(): boolean {
  const top = $selectedTopLevel();
  return !!top && $canToggleSectionLevel() && $entryTitleOf(top) === null;
}

export function $toggleSectionLevel(): boolean {
  const top = $selectedTopLevel();
  if (!top || !$canToggleSectionLevel()) return false;
  if ($getDetach(top) >= 1) $setDetach(top, 0);
  else if ($entryTitleOf(top) !== null) $setDetach(top, 1);
  else return false;
  return true;
}
