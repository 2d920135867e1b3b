// An attribution line as an editor sees it: right-aligned "（陈康）", the kind as a badge (撰稿/供稿/摄影·提供/
// 审稿), every name a chip — solid when it is linked to the contributor registry, dashed with "+" when it is
// not (click adds it). Double-click (or Enter when the line is selected) edits the names as text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useState, type JSX } from 'react';
import { t } from '../../../shared/i18n';
import { splitNames, type Contributor } from '../../../shared/model';
import { $unitNextTo } from '../actions/unitProposal';
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
    if (contributors.includes(c)) {
      // The registry has this name written another way ("汪 剑" for 汪剑): the line takes the registered spelling.
      const names = [...new Set(a.names.map((n) => (n === name ? c.name : n)))];
      patch({ names, contributorIds: linkContributors(names, contributors) });
      return;
    }
    env.addContributor(c);
    patch({ contributorIds: linkContributors(a.names, [...contributors, c]) });
  };

  // An author line next to a 供稿 line: its people probably write for that unit (proposed until they have one).
  const unitNext = useUnitNextTo(nodeKey, a.kind === 'author');
  const unitless = unitNext
    ? a.names.filter((n) => {
        const c = contributorFor(n, contributors, a.contributorIds);
        return !c || (c.kind === 'person' && !c.unitId);
      })
    : [];
  const proposeUnit = unitNext && unitless.length && env.book.assignUnit && !env.readOnly ? unitNext : undefined;

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
      {a.kind === 'reviewer' ? <span className="yb-attr-label">审稿：</span> : null}
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
          const c = contributorFor(name, contributors, a.contributorIds);
          return (
            <button
              type="button"
              key={`${i}-${name}`}
              className={c ? 'yb-chip yb-chip-linked' : 'yb-chip yb-chip-unlinked'}
              title={c ? (env.book.openContributor ? t('volume.attribution.open', { name: c.name }) : t('editor.attribution.linked', { name: c.name })) : t('editor.attribution.unlinked')}
              tabIndex={-1}
              onClick={(e) => {
                e.preventDefault();
                if (!c) addToRegistry(name);
                else env.book.openContributor?.(c.name, c.id);
              }}
            >
              {name}
              {!c && env.addContributor && !env.readOnly ? <span className="yb-chip-add" aria-hidden="true">＋</span> : null}
            </button>
          );
        })
      )}
      {proposeUnit ? (
        <button
          type="button"
          className="yb-chip yb-chip-propose"
          tabIndex={-1}
          title={t('volume.attribution.proposeTitle', { unit: proposeUnit, names: unitless.join('、') })}
          onClick={(e) => {
            e.preventDefault();
            env.book.assignUnit?.(unitless, proposeUnit);
          }}
        >
          {t('volume.attribution.propose', { unit: proposeUnit })}
        </button>
      ) : null}
      {a.kind === 'unit' ? <span className="yb-attr-suffix"> 供稿</span> : null}
      {a.kind === 'photo' ? <span className="yb-attr-suffix">提供</span> : null}
      <span className="yb-attr-paren">）</span>
      {a.covers.length ? <span className="yb-attr-covers">{t('editor.attribution.covers', { count: a.covers.length })}</span> : null}
    </div>
  );
}

/** The unit of the 供稿 line next to this line (see actions/unitProposal.ts), kept current as the section changes. */
function useUnitNextTo(nodeKey: NodeKey, enabled: boolean): string | undefined {
  const [editor] = useLexicalComposerContext();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const read = () =>
      setUnit(
        editor.getEditorState().read(() => {
          const node = $getNodeByKey(nodeKey);
          return node ? $unitNextTo(node) : undefined;
        }),
      );
    // Read once the view is mounted (the node is in the committed state), then after every update.
    const first = requestAnimationFrame(read);
    const off = editor.registerUpdateListener(read);
    return () => {
      cancelAnimationFrame(first);
      off();
    };
  }, [editor, nodeKey, enabled]);
  return enabled ? unit : undefined;
}
