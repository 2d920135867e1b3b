// 文件 › 导出 Word 文档 in the app: the dialog's default scope, the document built from the stored book (with
// edits in progress saved first) and handed to the host's save dialog with a .docx name, and a failure shown
// in the dialog in Chinese.
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry, Paragraph } from '../../../../shared/model';
import { DocxExportController } from '../../../../renderer/app/export/docxExport';
import { disposeWorkbenches, startWorkbench } from '../fixtures/testHost';

afterEach(disposeWorkbenches);

async function setup() {
  const { wb, host } = await startWorkbench();
  return { wb, host, ctl: new DocxExportController(wb) };
}

const html = async (bytes: Uint8Array) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;

describe('Word export in the app', () => {
  it('exports the open section with the edit just typed, through the host save dialog', async () => {
    const { wb, host, ctl } = await setup();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const edited = structuredClone(open.section);
    const p = (edited.children[0] as Entry).blocks[0] as Paragraph;
    p.text += '全区新增省级未来社区试点5个。';
    wb.editSection(edited);
    ctl.openDialog();
    expect(ctl.state.dialog).toMatchObject({ scopeKind: 'section', sectionId: open.id, sectionTitle: open.section.title });
    const result = await ctl.start();
    expect(result?.counts.sections).toBe(1);
    expect(host.saved).toHaveLength(1);
    const req = host.saved[0]!;
    expect(req.defaultName).toBe(`拱墅年鉴（2022） 分目 ${open.section.title}.docx`);
    expect(req.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    const h = await html(req.bytes);
    expect(h).toContain(`<h2>${open.section.title}</h2>`);
    expect(h).toContain('全区新增省级未来社区试点5个。');
    expect(ctl.state.dialog).toBeNull();
    expect(result?.counts.figures).toBe(0);
    expect(wb.state.notices.at(-1)?.text).toMatchObject({ key: 'docx.ui.saved', params: { file: req.defaultName } });
  });

  it('exports the whole volume or a category when chosen', async () => {
    const { wb, host, ctl } = await setup();
    ctl.openDialog();
    ctl.setOptions({ scopeKind: 'volume' });
    await ctl.start();
    expect(host.saved[0]!.defaultName).toBe('拱墅年鉴（2022）.docx');
    const cats = wb.state.outline.filter((n) => n.kind === 'category');
    expect((await html(host.saved[0]!.bytes)).match(/<h1>/g)).toHaveLength(cats.length);
    // The seed book's figures have no photos: the notice says how many are marked 图片待补.
    const figures = (await html(host.saved[0]!.bytes)).match(/［图片待补］/g)?.length ?? 0;
    expect(figures).toBeGreaterThan(0);
    expect(wb.state.notices.at(-1)?.text).toMatchObject({ key: 'docx.ui.savedMissing', params: { count: figures } });
    ctl.openDialog();
    ctl.setOptions({ scopeKind: 'category', categoryId: cats[0]!.id });
    await ctl.start();
    expect(host.saved[1]!.defaultName).toBe(`拱墅年鉴（2022） 类目 ${cats[0]!.title}.docx`);
  });

  it('keeps the dialog open with the reason when saving fails, and says nothing when the user cancels', async () => {
    const { wb, host, ctl } = await setup();
    host.answer = new Error('disk full');
    ctl.openDialog();
    expect(await ctl.start()).toBeNull();
    expect(ctl.state.dialog?.phase).toEqual({ kind: 'error', message: 'disk full' });
    host.answer = { saved: false };
    const notices = wb.state.notices.length;
    await ctl.start();
    expect(ctl.state.dialog).toBeNull();
    expect(wb.state.notices).toHaveLength(notices);
  });
});
