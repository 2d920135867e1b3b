// A front or back matter page is shown read-only (pane/MatterView). Its tables and figures carry the book's numbers
// — what the print and the checker give them — not only what was typed: an unnumbered photo in the 附录 after
// the sample's 图84 reads 图85, and with automatic numbering every number is the running one.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BookFileContents } from '../../../../shared/bookfile';
import { sectionBlockList, type Block, type Matter } from '../../../../shared/model';
import { loadSampleContents } from '../../../../shared/sample';
import { WorkbenchContext } from '../../../../renderer/app/context';
import { EditorPane } from '../../../../renderer/app/pane/EditorPane';
import { mount, unmountAll } from '../fixtures/mount';
import { startWorkbench } from '../fixtures/testHost';

beforeAll(() => {
  URL.createObjectURL ??= () => 'blob:test';
  URL.revokeObjectURL ??= () => undefined;
});

afterEach(unmountAll);

/** The sample with a 附录 page at the back holding an unnumbered table, an unnumbered photo and a photo typed 图90. */
function sampleWithAppendix(autoNumber: boolean): BookFileContents {
  const contents = loadSampleContents();
  const { book } = contents;
  book.houseStyle.autoNumber = autoNumber;
  const blocks = book.body.flatMap((c) => c.sections).flatMap(sectionBlockList);
  const find = (type: Block['type']): Block => structuredClone(blocks.find((b) => b.type === type)!);
  const table = { ...find('table'), id: 'appendix_table', number: '' } as Block;
  const photo = { ...find('figure'), id: 'appendix_photo', number: '' } as Block;
  const typed = { ...find('figure'), id: 'appendix_typed', number: '90' } as Block;
  const appendix: Matter = { type: 'matter', id: 'm_appendix', kind: 'other', title: '附录', blocks: [table, photo, typed] };
  book.back.push(appendix);
  return contents;
}

async function showAppendix(autoNumber: boolean): Promise<{ table: string; photos: string[] }> {
  const { wb } = await startWorkbench({ sample: sampleWithAppendix(autoNumber) });
  await wb.openNode('m_appendix');
  await mount(
    <WorkbenchContext.Provider value={wb}>
      <EditorPane />
    </WorkbenchContext.Provider>,
  );
  const caption = (sel: string) => document.querySelector(`[data-node-id="${sel}"] figcaption`)?.textContent ?? '';
  return { table: caption('appendix_table'), photos: [caption('appendix_photo'), caption('appendix_typed')] };
}

describe('a matter page shows the book’s table and figure numbers', () => {
  it('continues from the sections before it, keeping a typed number', async () => {
    const shown = await showAppendix(false);
    expect(shown.table).toMatch(/^表7\u3000/);
    expect(shown.photos[0]).toMatch(/^图85\u3000/);
    expect(shown.photos[1]).toMatch(/^图90\u3000/);
  });

  it('numbers every table and figure in turn when the book numbers automatically', async () => {
    const shown = await showAppendix(true);
    // The sample has one table and seven photos before the 附录.
    expect(shown.table).toMatch(/^表2\u3000/);
    expect(shown.photos).toEqual([expect.stringMatching(/^图8\u3000/), expect.stringMatching(/^图9\u3000/)]);
  });
});
