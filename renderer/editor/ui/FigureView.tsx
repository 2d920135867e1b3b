// The figure block as an editor sees it: the photo (or a "图片待补" frame), "图N" and the caption below,
// the credit in （）. Caption and credit are edited in place; a change is one undo step.
import type { NodeKey } from 'lexical';
import { useState, type JSX } from 'react';
import { parseCredit } from '../../../shared/model';
import { t } from '../../../shared/i18n';
import type { FigureData } from '../nodes/FigureNode';
import { useEditorEnv, useTableFigureNumbers } from './EditorEnv';
import { InlineField } from './InlineField';
import { useBlockSelection } from './useBlockSelection';
import { useNodeDataPatch } from './useNodeData';

export function FigureView(props: { nodeKey: NodeKey; id: string; figure: FigureData }): JSX.Element {
  const { figure, nodeKey, id } = props;
  const env = useEditorEnv();
  const patch = useNodeDataPatch(nodeKey);
  const { selected, onMouseDown } = useBlockSelection(nodeKey);
  const url = figure.assetId ? env.book.assetUrl(figure.assetId) : null;
  const asset = figure.assetId ? env.book.assets.find((a) => a.id === figure.assetId) : undefined;
  const [broken, setBroken] = useState(false);
  const assigned = useTableFigureNumbers().get(id);
  const number = assigned ? t('editor.figure.number', { number: assigned.number }) : t('numbers.bareFigure');
  const auto = !assigned || assigned.auto;
  const pickImage = env.readOnly ? undefined : env.book.pickImage;
  const choose = pickImage
    ? () =>
        void pickImage().then((assetId) => {
          if (assetId) {
            setBroken(false);
            patch({ assetId });
          }
        })
    : null;

  return (
    <figure
      className={selected ? 'yb-figure is-selected' : 'yb-figure'}
      data-full-width={figure.fullWidth || undefined}
      data-figure-id={id}
      onMouseDown={onMouseDown}
    >
      <div className="yb-figure-frame">
        {url && !broken ? (
          <img src={url} alt={figure.caption} draggable={false} onError={() => setBroken(true)} />
        ) : (
          <div className="yb-figure-missing" title={t('editor.figure.missingHint')}>
            <span className="yb-figure-missing-icon" aria-hidden="true">▨</span>
            <span>{t('editor.figure.missing')}</span>
            {asset ? <span className="yb-figure-file">{asset.fileName}</span> : null}
            {choose ? (
              <button type="button" className="yb-btn yb-figure-pick" onMouseDown={(e) => e.stopPropagation()} onClick={choose}>
                {t('image.pick')}
              </button>
            ) : null}
          </div>
        )}
        {choose && url && !broken ? (
          <button type="button" className="yb-btn yb-figure-replace" onMouseDown={(e) => e.stopPropagation()} onClick={choose}>
            {t('image.replace')}
          </button>
        ) : null}
      </div>
      <figcaption className="yb-figure-caption">
        <span className={auto ? 'yb-figure-number yb-auto' : 'yb-figure-number'} title={assigned ? t(auto ? 'numbers.auto' : 'numbers.typed') : undefined}>
          {number}
        </span>
        <InlineField
          className="yb-figure-caption-text"
          value={figure.caption}
          placeholder={t('editor.figure.captionPlaceholder')}
          readOnly={env.readOnly}
          onCommit={(caption) => patch({ caption })}
        />
      </figcaption>
      <div className="yb-figure-credit">
        <span aria-hidden="true">（</span>
        <InlineField
          className="yb-figure-credit-text"
          value={figure.credit?.raw ?? ''}
          placeholder={t('editor.figure.creditPlaceholder')}
          readOnly={env.readOnly}
          onCommit={(text) => patch({ credit: parseCredit(text) })}
        />
        <span aria-hidden="true">）</span>
      </div>
    </figure>
  );
}
