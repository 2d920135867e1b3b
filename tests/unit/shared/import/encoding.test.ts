// Decoding text files: every encoding a Chinese office produces is detected and named, with a confidence;
// the caller can override; empty, binary and undetectable files are refused with a Chinese message.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkImportSize, decodeText, recogniseText } from '../../../../shared/import';
import { isUserError } from '../../../../shared/model';
import { seedText } from './corpus';

const text = seedText('002');
const enc = (s: string, e: string, bom = false) => new Uint8Array(iconv.encode(s, e, { addBOM: bom }));

function refusal(f: () => unknown): { key: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isUserError(e)) return { key: e.key, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('decoding text files', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(enc(text, 'utf-8'), 'a.txt')).toMatchObject({ text, encoding: { encoding: 'utf-8', method: 'utf8-valid', confidence: 1, bom: false } });
    expect(decodeText(enc(text, 'utf-8', true), 'a.txt')).toMatchObject({ text, encoding: { encoding: 'utf-8', method: 'bom', bom: true } });
  });

  it('detects GB18030 (GBK) and names it with the detector\'s confidence', () => {
    const r = decodeText(enc(text, 'gb18030'), 'gbk.txt');
    expect(r.text).toBe(text);
    expect(r.encoding).toMatchObject({ encoding: 'gb18030', method: 'detected' });
    expect(r.encoding.confidence).toBeGreaterThan(0.9);
  });

  it('detects UTF-16 little and big endian, with and without a byte order mark', () => {
    for (const e of ['utf-16le', 'utf-16be']) {
      expect(decodeText(enc(text, e), `${e}.txt`)).toMatchObject({ text, encoding: { encoding: e, method: 'detected' } });
      expect(decodeText(enc(text, e, true), `${e}.txt`)).toMatchObject({ text, encoding: { encoding: e, method: 'bom', confidence: 1 } });
    }
  });

  it('says when it is unsure (a short GBK line) and lets the caller override', () => {
    const bytes = enc('民政\n【概况】2020年，区民政局开展工作。', 'gbk');
    const r = decodeText(bytes, 'short.txt');
    expect(r.encoding.encoding).toBe('gb18030');
    expect(r.encoding.confidence).toBeLessThan(0.9);
    expect(decodeText(bytes, 'short.txt', 'GBK')).toMatchObject({ encoding: { encoding: 'gb18030', method: 'override', confidence: 1 } });
    expect(refusal(() => decodeText(bytes, 'short.txt', 'latin-9')).key).toBe('import.badEncodingOverride');
  });

  it('the decoded GB18030 seed imports exactly like the UTF-8 one', () => {
    const a = recogniseText(decodeText(enc(text, 'gb18030'), 'g.txt').text, 'g.txt');
    const b = recogniseText(text, 'u.txt');
    expect(a.report.counts).toEqual(b.report.counts);
  });

  it('refuses empty files', () => {
    for (const b of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), enc('\n\n  \n', 'utf-8')]) {
      const r = refusal(() => decodeText(b, '空.txt'));
      expect(r.key).toBe('import.empty');
      expect(r.message).toContain('“空.txt”是空文件');
    }
  });

  it('refuses binary files renamed .txt', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const random = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 251);
    for (const b of [png, random]) {
      const r = refusal(() => decodeText(b, 'photo.txt'));
      expect(r.key).toBe('import.binary');
      expect(r.message).toContain('“photo.txt”不是文本文件');
    }
  });

  it('refuses text in an encoding it does not read instead of making mojibake of it', () => {
    // Traditional Chinese in Big5 and Japanese in Shift_JIS would decode as GB18030 garbage.
    const big5 = enc(text.slice(0, 3000), 'big5');
    const sjis = enc('年鑑の編集作業は毎年行われます。地方志弁公室が担当しています。'.repeat(30), 'shift_jis');
    for (const [b, name] of [[big5, 'big5.txt'], [sjis, 'jp.txt']] as const) {
      const r = refusal(() => decodeText(b, name));
      expect(r.key).toBe('import.undetectableEncoding');
      expect(r.message).toContain(`无法判断“${name}”的文字编码`);
    }
  });

  it('reads Big5 when the editor chooses it, though detection never guesses it', () => {
    const traditional = '臨安區人民政府。年鑑編纂工作。'.repeat(40);
    const bytes = enc(traditional, 'big5');
    expect(refusal(() => decodeText(bytes, 'big5.txt')).key).toBe('import.undetectableEncoding');
    const d = decodeText(bytes, 'big5.txt', 'Big5');
    expect(d.text).toBe(traditional);
    expect(d.encoding).toMatchObject({ encoding: 'big5', method: 'override' });
    expect(d.encoding.replaced).toBeUndefined();
  });

  it('counts the characters a wrong choice could not decode, so the caller can warn', () => {
    const gbk = enc(text, 'gb18030');
    const wrong = decodeText(gbk, 'gbk.txt', 'UTF-8');
    expect(wrong.encoding.method).toBe('override');
    expect(wrong.encoding.replaced).toBeGreaterThan(1000);
    expect(decodeText(gbk, 'gbk.txt', 'GBK').encoding.replaced).toBeUndefined();
    expect(decodeText(gbk, 'gbk.txt').encoding.replaced).toBeUndefined();
  });

  it('refuses files above the size limit before reading them', () => {
    const r = refusal(() => checkImportSize('全书.txt', 200 * 2 ** 20, 50 * 2 ** 20));
    expect(r.key).toBe('import.tooLarge');
    expect(r.message).toBe('“全书.txt”太大（200 MB），超过导入上限 50 MB。请把稿件拆成几个文件后再导入。');
  });
});
