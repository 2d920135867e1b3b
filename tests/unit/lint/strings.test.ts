// Every user-facing string lives in the catalog (shared/i18n, Chinese first, English second). This test reads the
// sources of renderer/ and electron/ with TypeScript's parser and fails on any Han character in a string
// literal, a template literal, JSX text or a regular expression — comments do not count. The few literals that
// are data, not interface text, are listed below with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const HAN = /\p{Script=Han}/u;

/** Literals allowed to hold Han characters: file, the literal as written, and why it is not interface text. */
const ALLOWED: { file: string; literal: string; why: string }[] = [
  {
    file: 'renderer/editor/actions/attribution.ts',
    literal: '/^(?:撰稿人?|作者|供稿(?:单位)?|审稿人?|摄影|图片提供)\\s*[:：]\\s*/',
    why: 'matches the label an editor typed in front of names ("撰稿：张三") to strip it — it reads Chinese input',
  },
  {
    file: 'renderer/editor/actions/attribution.ts',
    literal: '/\\s*(?:供稿|提供|摄)$/',
    why: 'matches the suffix typed after names ("区民政局 供稿") to strip it — it reads Chinese input',
  },
  {
    file: 'renderer/app/import/paste.ts',
    literal: '/caption|题注/i',
    why: 'recognises the class of a caption paragraph in pasted Word/WPS HTML (WPS names it 题注) — it reads the clipboard',
  },
];

interface HanLiteral {
  file: string;
  line: number;
  literal: string;
}

/** Han characters in the literals and JSX text of one source file (comments are not in the syntax tree). */
function hanLiterals(file: string, source: string): HanLiteral[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: HanLiteral[] = [];
  const visit = (n: ts.Node): void => {
    if (
      (ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n) ||
        ts.isJsxText(n) ||
        ts.isRegularExpressionLiteral(n)) &&
      HAN.test(n.getText(sf))
    ) {
      out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, literal: n.getText(sf).trim() });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !/\.d\.ts$/.test(e.name) && !/\.(test|spec)\./.test(e.name)) out.push(rel);
  }
  return out;
}

describe('user-facing strings come from the catalog', () => {
  const files = [...sources('renderer'), ...sources('electron')];
  const found = files.flatMap((f) => hanLiterals(f, readFileSync(path.join(root, f), 'utf8')));

  it('reads the sources of renderer/ and electron/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('renderer/editor/plugins/TableToolbarPlugin.tsx');
    expect(files).toContain('electron/cli/commands/validate.ts');
  });

  it('finds no Han characters in literals outside shared/i18n, except the listed data', () => {
    const allowed = (h: HanLiteral) => ALLOWED.some((a) => a.file === h.file && a.literal === h.literal);
    const offending = found.filter((h) => !allowed(h)).map((h) => `${h.file}:${h.line} ${h.literal}`);
    expect(offending, 'move these strings into a catalog in shared/i18n (zh + en)').toEqual([]);
  });

  it('lists no allowance that no longer matches anything', () => {
    const stale = ALLOWED.filter((a) => !found.some((h) => h.file === a.file && h.literal === a.literal));
    expect(stale).toEqual([]);
  });

  it('catches Han characters in strings, templates, JSX text, attributes and regexes — and ignores comments', () => {
    const src = [
      "// 注释不算",
      "/* 块注释也不算 */",
      "const a = 'ok';",
      "const b = '导出';",
      'const c = `共 ${n} 页`;',
      "const d = <p title=\"标题\">{x}</p>;",
      'const e = <span>删表</span>;',
      'const f = /供稿$/;',
    ].join('\n');
    const hits = hanLiterals('x.tsx', src).map((h) => h.literal);
    expect(hits).toEqual(["'导出'", '`共 ${', '} 页`', '"标题"', '删表', '/供稿$/']);
  });
});
