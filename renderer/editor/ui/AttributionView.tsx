// An attribution line as an editor sees it: right-aligned "（陈康）", the kind as a badge (撰稿/供稿/摄影·提供/
// 审稿), every name a chip — solid when it is linked to the contributor registry, dashed with "+" when it is
// not (click adds it). Double-click (or Enter when the line is selected) edits the names as text.
import type { NodeKey } from 'lexical';
import { useState, type JSX } from 'react';
import { t } from '../../../shared/i18n';
import { splitNames, type Contributor } from '../../../shared/model';
import type { AttributionData } from '../nodes/AttributionNode';
import { contributorFor, linkContributors, newContributorFor } from '../registry';
import { useEditorEnv } from './EditorEnv';
import { InlineField } from './InlineField';
import { useBlockSelection } from './useBlockSelection';
import { useNodeDataPatch } from './useNodeData';

export function AttributionView(props: { nodeKey: NodeKey; id: string; attribution: AttributionData }): JSX.Element {
  const { attribution: a, nodeKey, id } = props;
  const env = useEditorEnv();
  const patch = useNodeDataPatch(nodeKey);
  const { selected, onMouseDown } = useBlockSelection(nodeKey);
  const [editing, setEditing] = useState(false);
  const contributors = env.book.contributors;

  const addToRegistry = (name: string) => {
    if (!env.addContributor || env.readOnly) return;
    const c: Contributor = newContributorFor(name, a.kind, contributors);
    env.addContributor(c);
    patch({ contributorIds: linkContributors(a.names, [...contributors, c]) });
  };

  return (
    <div
      className={selected ? 'yb-attribution is-selected' : 'yb-attribution'}
      data-kind={a.kind}
      data-attribution-id={id}
      data-placement={a.placement}
      onDoubleClick={() => !env.readOnly && setEditing(true)}
      onMouseDown={onMouseDown}
      title={t('editor.attribution.edit')}
    >
      <span className="yb-attr-kind">{t(`editor.attribution.kind.${a.kind}`)}</span>
      {a.placement === 'inline' ? <span className="yb-attr-placement">{t('editor.attribution.inline')}</span> : null}
      <span className="yb-attr-paren">（</span>
      {a.kind === 'reviewer' ? <span className="yb-attr-label">{t('label.attribution.reviewer')}</span> : null}
      {editing ? (
        <InlineField
          className="yb-attr-edit"
          value={a.names.join(' ')}
          autoFocus
          placeholder={t('editor.attribution.namesPlaceholder')}
          onCommit={(text) => {
            const names = splitNames(text);
            patch({ names, contributorIds: linkContributors(names, contributors) });
          }}
          onDone={() => setEditing(false)}
        />
      ) : (
        a.names.map((name, i) => {
          const c = contributorFor(name, contributors, a.contributorIds?.[i]);
          return (
            <button
              type="button"
              key={`${i}-${name}`}
              className={c ? 'yb-chip yb-chip-linked' : 'yb-chip yb-chip-unlinked'}
              title={c ? t('editor.attribution.linked', { name: c.name }) : t('editor.attribution.unlinked')}
              tabIndex={-1}
              onClick={(e) => {
                e.preventDefault();
                if (!c) addToRegistry(name);
              }}
            >
              {name}
              {!c && env.addContributor && !env.readOnly ? <span className="yb-chip-add" aria-hidden="true">＋</span> : null}
            </button>
          );
        })
      )}
      {a.kind === 'unit' ? <span className="yb-attr-suffix">{t('label.attribution.unitSuffix')}</span> : null}
      {a.kind === 'photo' ? <span className="yb-attr-suffix">{t('label.attribution.photoSuffix')}</span> : null}
      <span className="yb-attr-paren">）</span>
      {a.covers.length ? <span className="yb-attr-covers">{t('editor.attribution.covers', { count: a.covers.length })}</span> : null}
    </div>
  );
}
