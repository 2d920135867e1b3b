// The editor's side of the contributor registry: linking names, not registering a second spelling of a registered
// name, and the unit proposed for an author line from the 供稿 line beside it (the same rule as the model's).
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { unitNextTo, type Attribution, type Section } from '../../../../shared/model';
import { $unitNextTo } from '../../../../renderer/editor/actions/unitProposal';
import { $isAttributionNode } from '../../../../renderer/editor/nodes/AttributionNode';
import { linkContributors, newContributorFor } from '../../../../renderer/editor/registry';
import { $getBlockId } from '../../../../renderer/editor/state';
import { REG, registryBook } from '../fixtures/registryBook';
import { createTestEditor, loadInto } from './headless';

const sections = (): Section[] => registryBook().book.body.flatMap((c) => c.sections);

describe('the editor and the contributor registry', () => {
  it('links only registered names, in the order of the names', () => {
    const { contributors } = registryBook().book;
    expect(linkContributors(['季小东', '朱丽娜', '汪剑', '朱丽娜'], contributors)).toEqual([REG.zhu, REG.wang]);
  });

  it('offers the registered entry for a name written another way instead of a duplicate', () => {
    const { contributors } = registryBook().book;
    expect(newContributorFor('汪剑', 'author', contributors.filter((c) => c.id !== REG.wang))).toBe(contributors.find((c) => c.id === REG.wangPadded));
    const fresh = newContributorFor('区数据局', 'author', contributors);
    expect(fresh).toMatchObject({ kind: 'unit', name: '区数据局' });
    expect(contributors.some((c) => c.id === fresh.id)).toBe(false);
    expect(newContributorFor('季小东', 'author', contributors).kind).toBe('person');
  });

  it('proposes for every author line the unit the model proposes, in every section of the book', () => {
    let proposals = 0;
    for (const s of sections()) {
      const editor = createTestEditor();
      loadInto(editor, s);
      const inEditor = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .filter($isAttributionNode)
          .filter((n) => n.getAttribution().kind === 'author')
          .map((n) => [$getBlockId(n), $unitNextTo(n)] as const),
      );
      const lines = s.children.filter((c): c is Attribution => c.type === 'attribution' && c.kind === 'author');
      expect(inEditor.map(([id]) => id)).toEqual(expect.arrayContaining(lines.map((l) => l.id)));
      for (const [id, unit] of inEditor) {
        expect(unit).toBe(unitNextTo(s, id));
        if (unit) proposals++;
      }
    }
    // 应急管理 (区应急管理局) and 行政审批 (区行政审批服务管理办公室).
    expect(proposals).toBe(2);
  });
});
