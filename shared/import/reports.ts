// Recogniser of special reports (特载: party congress, government work, people's congress and CPPCC
// reports): the title block (title lines, "——在…上的报告", speaker, date, salutation), free headings at
// 一、/（一）/1. levels (standalone or run-in at the start of a paragraph) and body paragraphs.
//
// Reports are often printed in narrow columns and reach us one column line at a time. A paragraph may end
// only at a line that ends a sentence (。！？；：), and it ends there when the next line is indented: the
// first line of a paragraph is shorter than a full line by the two-character indent.
import { ID_PREFIX } from '../model/ids';
import { SPECIAL_PART_TITLE, type ArticleMeta, type Figure, type Footnote, type Heading, type Paragraph, type Section, type Table } from '../model/schema';
import { sourceTableToTable } from './tables';
import type { RunContext } from './context';
import { isReportSubtitle, parseNumbering, parseSpeakerLine, type NumberingStyle } from './patterns';
import { lineLayout, type Layout } from './layout';
import { nextContent, type PLine } from './prepare';
import { cleanTitle, collapseCjkSpacing, hasSentenceStop, joinBroken, squash, startsMidSentence } from './text';

export interface ReportResult {
  section: Section;
  firstLine: number;
  lastLine: number;
  reflowed: boolean;
}

type Style = NumberingStyle | 'none';
const STYLE_ORDER: Style[] = ['none', 'cn', 'paren-cn', 'arabic', 'paren-arabic', 'circled'];
/** A run-in heading is a short first sentence; longer ones are ordinary numbered paragraphs. */
const MAX_HEADING = 48;

interface ParaItem {
  kind: 'para';
  lines: number[];
  text: string;
}
interface BlockItem {
  kind: 'block';
  lines: number[];
  block: Table | Figure | Footnote;
}
interface HeadingItem {
  kind: 'heading';
  lines: number[];
  text: string;
  style: Style;
  runIn: boolean;
}
type Item = ParaItem | HeadingItem | BlockItem;

export function buildReport(ctx: RunContext, start: number, end: number): ReportResult {
  const lines = ctx.lines;
  const sectionId = ctx.ids(ID_PREFIX.section);
  const layout = lineLayout(lines, start, end);
  const { full } = layout;
  const narrow = layout.wrapped;
  const w = layout.width;
  const article: ArticleMeta = {};
  const titleParts: string[] = [];
  const titleLines: number[] = [];

  // ---- Title block
  let i = start;
  const content = (from: number) => nextContent(lines, from - 1, end);
  let c = content(i);
  // Title lines: up to the subtitle or the date line.
  let anchor = -1;
  for (let k = c, n = 0; k >= 0 && n < 6; k = nextContent(lines, k, end), n++) {
    const p = lines[k]!;
    if (p.kind === 'report-subtitle' || p.kind === 'date-line') {
      anchor = k;
      break;
    }
  }
  if (anchor >= 0) {
    // The volume's head above a report ("2022", "拱墅年鉴（2022）") and the part's name ("特载") are not its title.
    for (let k = i; k < anchor; k++) {
      const p = lines[k]!;
      if (p.kind === 'blank' || p.kind === 'ignored' || ctx.bookHead(k)) continue;
      if (p.kind === 'running-head') continue;
      if (p.kind === 'text' && k < anchor - 1 && SPECIAL_PART_TITLE.test(squash(p.t))) {
        ctx.role(k, 'category');
        continue;
      }
      c = k;
      break;
    }
    for (let k = c; k >= 0 && k < anchor; k = nextContent(lines, k, end)) {
      const p = lines[k]!;
      if (p.kind === 'text' && !parseSpeakerLine(p.t)) {
        titleParts.push(p.t);
        titleLines.push(k);
      } else if (p.kind === 'text' || p.kind === 'salutation') {
        // A speaker printed between title and date.
        const sp = parseSpeakerLine(p.t);
        if (sp) {
          article.speaker = sp.name;
          article.speakerTitle = sp.title;
          ctx.role(k, 'report-speaker', sectionId);
        }
      }
    }
    // In a rich source the title is the heading right above the subtitle; a heading of another level or a plain
    // line before it (the book title, the category heading 特载 of a Word document) is not part of it.
    const level = titleLines.length ? lines[titleLines.at(-1)!]!.hints?.headingLevel : undefined;
    if (level !== undefined) {
      for (let k = titleLines.length - 1; k >= 0; k--) {
        const line = lines[titleLines[k]!]!;
        if (line.hints?.headingLevel === level) continue;
        ctx.role(titleLines[k]!, line.hints?.headingLevel !== undefined && line.hints.headingLevel < level ? 'category' : 'book-head');
        titleLines.splice(k, 1);
        titleParts.splice(k, 1);
      }
    }
    i = anchor;
  } else if (c >= 0 && lines[c]!.kind === 'text' && !lines[c]!.terminal && squash(lines[c]!.t).length <= 40) {
    // No subtitle or date: a short first line is the title.
    titleParts.push(lines[c]!.t);
    titleLines.push(c);
    ctx.doubt(c, 'report-title', 'import.doubt.reportTitle', 'report-title', ['body']);
    i = c + 1;
  }
  for (const k of titleLines) ctx.role(k, 'report-title', sectionId);
  if (titleLines.length > 1) ctx.heal('title-joined', titleLines);

  // Subtitle, speaker, date, salutation (in that order, each optional).
  for (let guard = 0; guard < 6; guard++) {
    c = content(i);
    if (c < 0) break;
    const p = lines[c]!;
    if (p.kind === 'report-subtitle' || (isReportSubtitle(p.t) && !article.subtitle)) {
      let sub = p.t;
      const lineSet = [c];
      // A subtitle broken over two lines.
      const n = nextContent(lines, c, end);
      if (n >= 0 && lines[n]!.kind === 'text' && !/[上告话]$/.test(sub) && squash(lines[n]!.t).length <= 16 && !parseSpeakerLine(lines[n]!.t)) {
        sub = joinBroken(sub, lines[n]!.t);
        lineSet.push(n);
      }
      article.subtitle = cleanTitle(sub);
      for (const l of lineSet) ctx.role(l, 'report-subtitle', sectionId);
      i = lineSet[lineSet.length - 1]! + 1;
      continue;
    }
    if (p.kind === 'date-line') {
      article.dateLine = p.t;
      ctx.role(c, 'report-date', sectionId);
      i = c + 1;
      continue;
    }
    if (p.kind === 'salutation') {
      article.salutation = p.t;
      ctx.role(c, 'salutation', sectionId);
      i = c + 1;
      break;
    }
    if (p.kind === 'text' && !article.speaker && (article.subtitle || article.dateLine)) {
      const sp = parseSpeakerLine(p.t);
      if (sp && !p.terminal) {
        article.speaker = sp.name;
        article.speakerTitle = sp.title;
        ctx.role(c, 'report-speaker', sectionId);
        i = c + 1;
        continue;
      }
    }
    break;
  }

  // ---- Body
  const items: Item[] = [];
  let para: ParaItem | null = null;
  let afterHeading = true;
  const indented = (p: PLine) => layout.indented && w(p) <= full - 3;
  const lastLineOf = (it: Item | null) => (it ? lines[it.lines[it.lines.length - 1]!]! : null);
  const flush = () => {
    if (para) items.push(para);
    para = null;
  };
  let k = i;
  while (k < end) {
    const p = lines[k]!;
    if (p.kind === 'blank' || p.kind === 'ignored') {
      k++;
      continue;
    }
    if (p.kind === 'running-head') {
      ctx.role(k, 'running-head');
      ctx.heal('running-head', [k], undefined, p.t);
      k++;
      continue;
    }
    if (p.kind === 'table-unit' || p.kind === 'image-unit' || p.kind === 'footnote-unit') {
      // Tables, photos and notes of a rich source stay where they are, between paragraphs.
      const u = p.unit;
      let block: Table | Figure | Footnote | null = null;
      if (u.kind === 'table') block = sourceTableToTable(ctx.ids, u, null, '');
      else if (u.kind === 'image') block = { type: 'figure', id: ctx.ids(ID_PREFIX.figure), number: null, caption: '', assetId: u.assetId, fullWidth: false };
      else if (u.kind === 'footnote') block = { type: 'footnote', id: ctx.ids(ID_PREFIX.footnote), text: u.text, marks: [] };
      if (block) {
        flush();
        items.push({ kind: 'block', lines: [k], block });
        ctx.role(k, u.kind === 'table' ? 'table-row' : u.kind === 'image' ? 'image' : 'footnote', sectionId, block.id);
      }
      k++;
      continue;
    }
    if (p.kind === 'salutation' && !para) {
      if (!article.salutation) article.salutation = p.t;
      ctx.role(k, 'salutation', sectionId);
      afterHeading = true;
      k++;
      continue;
    }
    const prev: PLine | null = para ? lastLineOf(para) : null;
    const prevEnds = prev ? (narrow ? prev.softTerminal : prev.softTerminal) : true;
    const numbered = parseNumbering(p.t);
    let startsNew: boolean;
    if (p.forced === 'paragraph-start' || p.forced === 'heading') startsNew = true;
    else if (p.forced === 'continues') startsNew = !para;
    else if (!para || afterHeading) startsNew = true;
    else if (!prevEnds) startsNew = false;
    else if (!narrow) startsNew = true;
    // A short line that ends a sentence ends its paragraph (only a paragraph's last line is short); after a
    // full line that happens to end a sentence, the next line's indent decides.
    // Text that opens mid-sentence continues whatever the layout says (a page printed out of order).
    else if (startsMidSentence(p.t)) startsNew = false;
    // A lead sentence alone on a paragraph's first line ("做深调研文章，增强协商底气。") runs on.
    // (With indented paragraphs; without, a short line ending a sentence always ends its paragraph.)
    else startsNew = (!!prev && (para!.lines.length > 1 || !layout.indented) && !prev.spaced && w(prev) <= full - 3) || indented(p) || !!numbered || p.hints?.headingLevel !== undefined;
    if (narrow && para && prevEnds && !startsNew && w(p) <= full - 1 && p.forced === undefined && !afterHeading) {
      ctx.doubt(k, 'paragraph-boundary', 'import.doubt.paragraphBoundary', 'body', ['paragraph-start']);
    }
    if (startsNew) {
      flush();
      const h = readStandaloneHeading(lines, k, end, layout);
      if (h) {
        items.push(h);
        for (const l of h.lines) ctx.role(l, 'heading', sectionId);
        if (h.lines.length > 1) ctx.heal('title-joined', h.lines);
        afterHeading = true;
        k = h.lines[h.lines.length - 1]! + 1;
        continue;
      }
      para = { kind: 'para', lines: [k], text: p.t };
      afterHeading = false;
    } else {
      para!.lines.push(k);
      para!.text = joinBroken(para!.text, p.t);
    }
    k++;
  }
  flush();

  // Run-in headings: a numbered paragraph whose first sentence is short.
  const finalItems: Item[] = [];
  for (const it of items) {
    if (it.kind !== 'para') {
      finalItems.push(it);
      continue;
    }
    const num = parseNumbering(it.text);
    if (num) {
      const stop = it.text.search(/[。！？!?]/);
      const head = stop >= 0 ? it.text.slice(0, stop + 1) : '';
      if (stop > num.length && squash(head).length <= MAX_HEADING) {
        const rest = it.text.slice(stop + 1).trim();
        finalItems.push({ kind: 'heading', lines: [it.lines[0]!], text: head, style: num.style, runIn: !!rest });
        if (rest) finalItems.push({ kind: 'para', lines: it.lines, text: rest });
        continue;
      }
    }
    finalItems.push(it);
  }

  // Heading levels: the numbering styles present, in the genre's order (unnumbered part titles first).
  const styles = STYLE_ORDER.filter((s) => finalItems.some((it) => it.kind === 'heading' && it.style === s));
  const children: Section['children'] = [];
  for (const it of finalItems) {
    if (it.kind === 'block') {
      children.push(it.block);
      continue;
    }
    if (it.kind === 'heading') {
      const level = Math.min(4, styles.indexOf(it.style) + 1);
      const block: Heading = {
        type: 'heading',
        id: ctx.ids(ID_PREFIX.heading),
        level,
        text: cleanTitle(it.text),
        marks: [],
        runIn: it.runIn,
      };
      children.push(block);
      for (const l of it.lines) if (ctx.lineReports[l]!.role !== 'body') ctx.role(l, 'heading', sectionId, block.id);
      if (it.runIn) ctx.role(it.lines[0]!, 'heading', sectionId, block.id);
    } else {
      const text = collapseCjkSpacing(it.text);
      const block: Paragraph = { type: 'paragraph', id: ctx.ids(ID_PREFIX.paragraph), text, marks: [] };
      children.push(block);
      for (const l of it.lines) if (ctx.lineReports[l]!.role !== 'heading') ctx.role(l, 'body', sectionId, block.id);
      if (it.lines.length > 1) ctx.heal(narrow ? 'reflowed' : 'line-joined', it.lines, block.id);
      if (text !== it.text) ctx.heal('letter-spacing', it.lines, block.id);
    }
  }

  const title = cleanTitle(titleParts.map((s) => s.trim()).reduce((a, b) => joinBroken(a, b), ''));
  const section: Section = {
    type: 'section',
    id: sectionId,
    title,
    status: { stage: 'draft' },
    fullWidth: false,
    ...(Object.keys(article).length ? { article } : {}),
    children,
  };
  return { section, firstLine: lines[start]?.no ?? 1, lastLine: lines[end - 1]?.no ?? 1, reflowed: narrow };
}

/**
 * A heading on lines of its own at a paragraph start: numbered ("一、坚定信心，…取" / "得的成绩") or an
 * unnumbered part title ("2020 年主要工作和" / "“十三五”发展回顾"). It has no sentence stop and ends on a
 * clearly short line (a paragraph's first line is nearly full: only the indent is missing). Numbered lines
 * that run on into a sentence are run-in headings and are handled as paragraphs.
 */
function readStandaloneHeading(lines: PLine[], k: number, end: number, layout: Layout): HeadingItem | null {
  const { full, width: w } = layout;
  const narrow = layout.wrapped;
  const p = lines[k]!;
  if (p.kind !== 'text' || p.forced === 'body' || p.forced === 'paragraph-start' || p.forced === 'continues') return null;
  const num = parseNumbering(p.t);
  const explicit = p.forced === 'heading' || p.hints?.headingLevel !== undefined;
  const style: Style = num?.style ?? 'none';
  if (explicit) return { kind: 'heading', lines: [k], text: p.t, style, runIn: false };
  if (hasSentenceStop(p.t) || p.softTerminal || /[，,、]$/.test(p.t)) {
    if (!num) return null;
    // Numbered and running on into a sentence: a run-in heading (handled with the paragraph).
    if (hasSentenceStop(p.t)) return null;
  }
  if (!narrow) {
    // Wide text: a short line without a sentence stop.
    const len = squash(p.t).length;
    if (hasSentenceStop(p.t) || len > (num ? 40 : 30) || p.softTerminal) return null;
    const n = nextContent(lines, k, end);
    if (n >= 0 && lines[n]!.kind !== 'text') return null;
    return { kind: 'heading', lines: [k], text: p.t, style, runIn: false };
  }
  const lastLine = (q: PLine) => !q.spaced && w(q) <= full - 6;
  const plain = (q: PLine) => q.kind === 'text' && !/[。！？!?，,、；;：:]/.test(q.t) && !q.softTerminal && !parseNumbering(q.t);
  if (!num) {
    // Unnumbered part title: one or two clearly short lines.
    if (!lastLine(p) || !plain(p)) return null;
    const group = [k];
    let text = p.t;
    const n = nextContent(lines, k, end);
    if (n >= 0 && plain(lines[n]!) && lastLine(lines[n]!)) {
      const after = nextContent(lines, n, end);
      if (after < 0 || !lastLine(lines[after]!)) {
        group.push(n);
        text = joinBroken(text, lines[n]!.t);
      }
    }
    const after = nextContent(lines, group[group.length - 1]!, end);
    if (after >= 0 && lines[after]!.kind !== 'text') return null;
    return { kind: 'heading', lines: group, text, style, runIn: false };
  }
  // Numbered: take following lines while they are full (the heading wraps), up to a clearly short line.
  const group = [k];
  let text = p.t;
  let cur = p;
  for (let guard = 0; guard < 4 && !lastLine(cur); guard++) {
    const n = nextContent(lines, cur.i, end);
    if (n < 0) break;
    const q = lines[n]!;
    if (q.kind !== 'text' || parseNumbering(q.t)) break;
    if (hasSentenceStop(q.t)) return null; // runs on into a sentence: run-in
    // A line neither full nor clearly short is the first line of the paragraph after the heading.
    if (w(q) > full - 6 && w(q) <= full - 2) break;
    group.push(n);
    text = joinBroken(text, q.t);
    cur = q;
  }
  if (squash(text).length > MAX_HEADING) return null;
  return { kind: 'heading', lines: group, text, style, runIn: false };
}
