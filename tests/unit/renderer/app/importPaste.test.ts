// Pasting into the import review: Word-like HTML is cleaned (no scripts, handlers, remote images or styles
// beyond bold and centring) before the recogniser reads it; the draft is named 粘贴内容; files the host could
// not read are listed with their reason; a file holding several kinds of document is placed by kind.
import { describe, expect, it, vi } from 'vitest';
import type { ClipboardContent, HostFile } from '../../../../shared/host';
import { recognise, htmlToSource } from '../../../../shared/import';
import { sequentialIds } from '../../../../shared/model';
import { ImportSession, hostFileFailure, proposePlacement, toPlacement, type Draft } from '../../../../renderer/app/import/importSession';
import { sanitizePastedHtml } from '../../../../renderer/app/import/paste';
import { InlineRunner } from '../../../../renderer/app/import/runner';
import type { Workbench } from '../../../../renderer/app/workbench';

/** HTML as Word puts it on the clipboard, with what must never reach the book. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{font-family:宋体}</style>
<script>window.stolen = document.cookie</script></head><body lang=ZH-CN>
<h1 style="font-family:黑体;color:red">民政</h1>
<p class=MsoNormal onclick="alert('x')"><b><span style="font-size:12pt">【概况】</span></b>2020年，区民政局开展社会救助工作。<a href="#_ftn1" name="_ftnref1">[1]</a><o:p></o:p></p>
<p class=MsoNormal><img width=200 src="https://tracker.example.com/photo.jpg" onerror="alert(1)"></p>
<p class=MsoCaption>图78 2020年5月，社会救助工作会议召开（区民政局提供）</p>
<p class=MsoNormal>见下表<a href="javascript:alert(1)">（点此）</a>。</p>
<p class=MsoNormal>表6</p>
<p class=MsoNormal>2020年社会救助情况</p>
<table class=MsoTableGrid border=1 style="border-collapse:collapse"><tr><td rowspan=2 style="background:yellow">项目</td><td>人数</td></tr><tr><td>1200</td></tr></table>
<p class=MsoNormal>续表6</p>
<table><tr><td>项目</td><td>人数</td></tr><tr><td>低保</td><td>300</td></tr></table>
<p class=MsoNormal style="text-align:center;font-weight:bold;font-size:20pt">（陈康）</p>
<iframe src="https://evil.example.com"></iframe>
<div id=ftn1><p><a href="#_ftnref1">[1]</a>注：含临时救助。</p></div>
</body></html>`;

describe('pasted HTML is sanitised before recognition', () => {
  it('drops scripts, handlers, remote images, frames and all styles but bold and centring', () => {
    const { html, removed } = sanitizePastedHtml(WORD_HTML);
    expect(html).not.toMatch(/script|onclick|onerror|alert|cookie|tracker\.example|evil\.example|iframe|javascript:|font-family|color|background|MsoNormal|<style/i);
    expect(html).toContain('<p><img></p>');
    expect(html).toContain('<p class="caption">图78');
    // The two styles the model keeps become markup: no style attribute ever reaches a DOM.
    expect(html).toContain('<p align="center"><b>（陈康）</b></p>');
    expect(html).not.toContain('style=');
    expect(html).toContain('<a href="#_ftn1">[1]</a>');
    expect(html).toContain('<div id="ftn1">');
    expect(html).toContain('rowspan="2"');
    // The script, onclick, onerror, the remote picture, the javascript: link, the iframe.
    expect(removed).toBe(6);
  });

  it('keeps pictures given inline as data', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(sanitizePastedHtml(`<p><img src="${png}" alt="照片"></p>`).html).toBe(`<p><img src="${png}" alt="照片"></p>`);
  });

  it('recognises the cleaned Word HTML: entry, figure, one table with its 续表 merged, attribution, footnote', () => {
    const ids = sequentialIds('t');
    const r = recognise(htmlToSource(sanitizePastedHtml(WORD_HTML).html, '粘贴内容'), { ids });
    const section = r.categories[0]!.sections[0]!;
    expect(section.title).toBe('民政');
    const entry = section.children.find((c) => c.type === 'entry')!;
    expect(entry).toMatchObject({ title: '概况' });
    const blocks = entry.type === 'entry' ? entry.blocks : [];
    expect(blocks.find((b) => b.type === 'figure')).toMatchObject({ number: '78', assetId: null, credit: { raw: '区民政局提供' } });
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({ number: '6', title: '2020年社会救助情况' });
    expect(table && table.type === 'table' && table.bodyRows.map((row) => row.cells.map((c) => c.text))).toEqual([['1200'], ['低保', '300']]);
    expect(r.report.heals.map((h) => h.kind)).toEqual(expect.arrayContaining(['table-continued', 'header-repeat-removed', 'footnote-linked']));
    expect(section.children.find((c) => c.type === 'attribution')).toMatchObject({ names: ['陈康'] });
    expect(JSON.stringify(r.categories)).not.toMatch(/alert|script|http|javascript/);
  });
});

function fakeWorkbench(clipboard?: () => Promise<ClipboardContent>) {
  const notices: { kind: string; key: string; params?: unknown }[] = [];
  const wb = {
    state: { book: { id: 'b_1', title: '临安年鉴' }, outline: [] },
    notify: (kind: string, m: { key: string; params?: unknown }) => notices.push({ kind, ...m }),
    host: { log: vi.fn(), ...(clipboard ? { readClipboard: clipboard } : {}) },
  } as unknown as Workbench;
  return { wb, notices };
}

async function settled(session: ImportSession): Promise<Draft[]> {
  for (let k = 0; k < 200 && session.state.drafts.some((d) => ['queued', 'reading', 'recognising'].includes(d.status)); k++) await new Promise((r) => setTimeout(r, 10));
  return session.state.drafts;
}

describe('the import session', () => {
  it('turns a paste into a draft named 粘贴内容 and recognises it like a Word file', async () => {
    const { wb, notices } = fakeWorkbench();
    const session = new ImportSession(wb, new InlineRunner());
    expect(session.addPaste(WORD_HTML, '民政 概况 …')).toBe(true);
    expect(session.addPaste('<p>  </p>', '第二段粘贴的文字：2020年，全区完成工作。')).toBe(true);
    const [html, text] = await settled(session);
    expect(html).toMatchObject({ name: '粘贴内容', pasted: 'html', status: 'ready' });
    expect(text).toMatchObject({ name: '粘贴内容 2', pasted: 'text', status: 'ready' });
    expect(html!.result!.report.counts).toMatchObject({ sections: 1, entries: 1, figures: 1, tables: 1, attributions: 1, footnotes: 1 });
    expect(new TextDecoder().decode(html!.bytes)).not.toMatch(/script|onclick|https?:/);
    expect(notices).toContainEqual({ kind: 'info', key: 'importUi.paste.dropped', params: { count: 6 } });
    expect(session.addPaste('<p> </p>', '   ')).toBe(false);
    expect(notices.at(-1)).toMatchObject({ kind: 'error', key: 'importUi.paste.empty' });
  });

  it('reads the clipboard through the host, and asks for Ctrl+V where it cannot', async () => {
    const ok = fakeWorkbench(async () => ({ html: '<p><b>概况</b></p><p>2020年，区民政局开展工作。</p>', text: '' }));
    const session = new ImportSession(ok.wb, new InlineRunner());
    await session.pasteFromClipboard();
    expect(session.state.open).toBe(true);
    expect((await settled(session))[0]).toMatchObject({ name: '粘贴内容', status: 'ready' });
    const denied = fakeWorkbench(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const s2 = new ImportSession(denied.wb, new InlineRunner());
    await s2.pasteFromClipboard();
    expect(s2.state).toMatchObject({ open: true, drafts: [] });
    expect(denied.notices).toEqual([{ kind: 'error', key: 'importUi.paste.denied' }]);
  });

  it('lists a file the host did not read with its reason, and recognises the others', async () => {
    const { wb, notices } = fakeWorkbench();
    const session = new ImportSession(wb, new InlineRunner());
    const files: HostFile[] = [
      { name: '全书.txt', size: 200 * 2 ** 20, bytes: new Uint8Array(), error: { reason: 'too-large', size: 200 * 2 ** 20, limit: 50 * 2 ** 20 } },
      { name: '锁定.docx', bytes: new Uint8Array(), error: { reason: 'unreadable', message: '没有读取权限' } },
      { name: '空文件夹', bytes: new Uint8Array(), error: { reason: 'empty-folder' } },
      { name: '概况.txt', relativePath: '区民政局/概况.txt', bytes: new TextEncoder().encode('民政\n\n【概况】2020年，区民政局开展工作。') },
    ];
    session.addFiles(files);
    const drafts = await settled(session);
    expect(drafts.map((d) => [d.name, d.status])).toEqual([
      ['全书.txt', 'failed'],
      ['锁定.docx', 'failed'],
      ['概况.txt', 'ready'],
    ]);
    expect(drafts[0]!.failure).toMatchObject({ key: 'import.tooLarge', params: { file: '全书.txt', size: '200 MB', limit: '50 MB' } });
    expect(drafts[1]!.failure).toMatchObject({ key: 'import.readFailed', params: { file: '锁定.docx', reason: '没有读取权限' } });
    expect(drafts[2]!.relativePath).toBe('区民政局/概况.txt');
    expect(notices).toEqual([{ kind: 'error', key: 'importUi.folder.empty', params: { folder: '空文件夹' } }]);
    expect(hostFileFailure(files[3]!)).toBeNull();
  });

  it('places a file of several kinds by what was recognised', () => {
    const ids = sequentialIds('m');
    const mixed = recognise(htmlToSource('<p>工作报告</p><p>（2021年1月5日）</p><p>一、总体</p><p>内容。</p><p>二、安排</p><p>内容。</p><p>People’s Government of Lin’an</p><p>区政府</p><p>民政</p><p>【概况】2020年，开展工作。</p>', 'x'), { ids });
    expect(mixed.categories.map((c) => c.role)).toEqual(['special', 'regular']);
    const placement = proposePlacement(mixed, []);
    expect(placement).toEqual({ mode: 'auto' });
    expect(toPlacement({ placement } as Draft)).toEqual({ mode: 'auto' });
  });
});
