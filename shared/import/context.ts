// The state shared by the recognisers of one run: id generator, the per-line report, heals and doubts.
import type { MessageKey, MessageParams } from '../i18n';
import type { IdGenerator } from '../model/ids';
import { parseBookTitleLine } from './patterns';
import type { PLine } from './prepare';
import type { Heal, HealKind, LineReport, LineRole, OverrideRole, SourceTable, Uncertainty, UncertaintyKind, VolumeHints } from './types';

export class RunContext {
  readonly lineReports: LineReport[];
  readonly heals: Heal[] = [];
  readonly uncertain: Uncertainty[] = [];
  readonly hints: VolumeHints = {};

  constructor(
    readonly ids: IdGenerator,
    readonly lines: PLine[],
  ) {
    this.lineReports = lines.map((p) => ({
      no: p.no,
      text: p.unit.kind === 'line' ? p.unit.text : p.unit.kind === 'table' ? tableText(p.unit) : p.t,
      role: p.kind === 'blank' ? 'blank' : p.kind === 'running-head' ? 'running-head' : p.kind === 'ignored' ? 'ignored' : 'body',
      ...(p.forced ? { overridden: true } : {}),
    }));
  }

  /** Records what line i became. */
  role(i: number, role: LineRole, nodeId?: string, blockId?: string): void {
    const r = this.lineReports[i];
    if (!r) return;
    r.role = role;
    if (nodeId !== undefined) r.nodeId = nodeId;
    if (blockId !== undefined) r.blockId = blockId;
  }

  /**
   * Line i read as the volume's head when it is one, before a document's title: the book title ("拱墅年鉴（2022）",
   * "《2022拱墅年鉴》") or the volume year alone on its line ("2022"). Records the hints and the role.
   */
  bookHead(i: number): boolean {
    const p = this.lines[i];
    if (!p || p.forced) return false;
    if (p.kind === 'running-head' && p.runningHead === 'folio' && /^(19|20)\d{2}$/.test(p.t)) {
      this.hints.volumeYear ??= Number(p.t);
      this.role(i, 'book-head');
      return true;
    }
    if (p.kind !== 'text') return false;
    const book = parseBookTitleLine(p.t);
    if (!book) return false;
    this.hints.bookTitle ??= book.title;
    if (book.year) this.hints.volumeYear ??= book.year;
    this.role(i, 'book-head');
    return true;
  }

  heal(kind: HealKind, lineIdx: number[], blockId?: string, detail?: string): void {
    const lines = [...new Set(lineIdx.map((i) => this.lines[i]?.no ?? i + 1))].sort((a, b) => a - b);
    this.heals.push({ kind, lines, ...(blockId ? { blockId } : {}), ...(detail ? { detail } : {}) });
  }

  doubt(
    lineIdx: number,
    kind: UncertaintyKind,
    reason: MessageKey,
    decision: LineRole,
    alternatives: OverrideRole[],
    params: MessageParams = {},
  ): void {
    const line = this.lines[lineIdx]?.no ?? lineIdx + 1;
    // The editor already decided this line: no doubt left.
    if (this.lines[lineIdx]?.forced) return;
    this.uncertain.push({ line, kind, reason, params: { line, ...params }, decision, alternatives });
  }
}

/** A real table as text for the review's source view: one line per row, cells separated by tabs. */
function tableText(t: SourceTable): string {
  return t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\t')).join('\n');
}
