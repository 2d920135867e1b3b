// Attribution lines — 署名 (ENT-ATTRIB, ENT-ATTRIB-FORMAT, ENT-ATTRIB-REGISTRY).
import { formatAttribution, isPersonName, isUnitName } from '../../model/attribution';
import type { Attribution, Entry, Section, Subsection } from '../../model/schema';
import type { LocatedRef, NodeRef, RuleDef, UnitContext } from '../types';
import { defineRule, presets } from './define';
import { fixLabel } from '../localized';

interface Item {
  entry?: Entry;
  attribution?: Attribution;
  subsection?: Subsection;
  /** The entry an attribution is printed in (inline at the end of its last paragraph). */
  inEntry?: Entry;
}

/** Entries and attribution lines of a section in reading order (attributions inside entries included). */
function sequence(section: Section): Item[] {
  const out: Item[] = [];
  const entry = (e: Entry, subsection?: Subsection) => {
    out.push({ entry: e, subsection });
    for (const b of e.blocks) if (b.type === 'attribution') out.push({ attribution: b, subsection, inEntry: e });
  };
  for (const c of section.children) {
    if (c.type === 'entry') entry(c);
    else if (c.type === 'subsection') {
      for (const sc of c.children) {
        if (sc.type === 'entry') entry(sc, c);
        else if (sc.type === 'attribution') out.push({ attribution: sc, subsection: c });
      }
    } else if (c.type === 'attribution') out.push({ attribution: c });
  }
  return out;
}

const COVERING = new Set(['author', 'unit']);

function attributionRef(a: Attribution, item: Item): NodeRef {
  return { nodeId: a.id, nodeKind: 'attribution', entry: item.inEntry, subsection: item.subsection, ...(a.raw !== undefined ? { field: 'raw', text: a.raw } : {}) };
}

function entryRef(e: Entry, subsection?: Subsection): NodeRef {
  return { nodeId: e.id, nodeKind: 'entry', entry: e, subsection, field: 'title', text: e.title };
}

export const ENT_ATTRIB = defineRule({
  id: 'ENT-ATTRIB',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.ENT-ATTRIB.uncovered', 'validate.ENT-ATTRIB.none', 'validate.ENT-ATTRIB.foreign', 'validate.ENT-ATTRIB.ahead'],
  fixes: 'none',
  examples: [
    { bad: '分目“区政府办公室工作”：【概况】…(周晓凯)【区政府为民实事】…（000，后一条目后再无署名）', good: '在【区政府为民实事】后补署名行' },
    { bad: '【概况】【区政府常务会议】【区政府区长办公会议】(陈康)（000）', good: '不报：一个署名行可覆盖前面几个条目' },
  ],
  unit(ctx) {
    const section = ctx.unit.section;
    if (!section) return;
    const items = sequence(section);
    const entries = items.filter((i) => i.entry);
    if (!entries.length) return;
    const attributions = items.filter((i) => i.attribution && COVERING.has(i.attribution.kind));
    if (!attributions.length) {
      ctx.report({ nodeId: section.id, nodeKind: 'section', field: 'title', text: section.title }, { message: 'validate.ENT-ATTRIB.none', params: { section: section.title, count: entries.length } });
      return;
    }
    const position = new Map<string, number>();
    items.forEach((it, k) => it.entry && position.set(it.entry.id, k));
    const covered = new Set<string>();
    let since: Item[] = [];
    let lastAttrib: Item | undefined;
    items.forEach((it, k) => {
      if (it.entry) {
        since.push(it);
        return;
      }
      const a = it.attribution!;
      if (!COVERING.has(a.kind)) return;
      if (a.covers.length) {
        for (const id of a.covers) {
          const at = position.get(id);
          if (at === undefined) {
            ctx.report(attributionRef(a, it), { message: 'validate.ENT-ATTRIB.foreign', params: { text: a.raw ?? a.names.join(' '), id } });
            continue;
          }
          covered.add(id);
          if (at > k) ctx.report(attributionRef(a, it), { message: 'validate.ENT-ATTRIB.ahead', params: { text: a.raw ?? a.names.join(' '), title: items[at]!.entry!.title }, severity: 'warning' });
        }
      } else for (const e of since) covered.add(e.entry!.id);
      since = [];
      lastAttrib = it;
    });
    for (const it of entries) {
      if (covered.has(it.entry!.id)) continue;
      const last = lastAttrib?.attribution;
      ctx.report(entryRef(it.entry!, it.subsection), {
        message: 'validate.ENT-ATTRIB.uncovered',
        params: { title: it.entry!.title, last: last ? (last.raw ?? `（${last.names.join(' ')}）`) : '' },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const ENT_ATTRIB_FORMAT = defineRule({
  id: 'ENT-ATTRIB-FORMAT',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'entries',
  messages: ['validate.ENT-ATTRIB-FORMAT.form', 'validate.ENT-ATTRIB-FORMAT.person', 'validate.ENT-ATTRIB-FORMAT.unit'],
  fixes: 'auto',
  examples: [
    { bad: '(陈康)（000，半角括号）', good: '（陈康）' },
    { bad: '(汪 剑 朱丽娜)（002，不加空格的体例）', good: '（汪剑 朱丽娜）；体例设为“两字名加空”时为“（汪　剑 朱丽娜）”' },
    { bad: '（区审管办 供稿）', good: '不报：合乎体例' },
  ],
  unit(ctx) {
    const section = ctx.unit.section;
    if (!section) return;
    const pad = ctx.houseStyle.padTwoCharNames;
    for (const it of sequence(section)) {
      const a = it.attribution;
      if (!a || !COVERING.has(a.kind)) continue;
      const ref = attributionRef(a, it);
      if (a.raw !== undefined) {
        const expected = formatAttribution(a, { padTwoCharNames: pad });
        const raw = a.raw.trim();
        if (raw !== expected) {
          const fix = ctx.fixOn({ ...ref, field: 'raw', text: a.raw }, 0, a.raw.length, expected, fixLabel.replace(expected));
          ctx.report(ref, { message: 'validate.ENT-ATTRIB-FORMAT.form', params: { text: raw, expected }, fixes: [fix] });
        }
      }
      for (const name of a.names) {
        if (a.kind === 'author' && !isPersonName(name)) ctx.report(ref, { message: 'validate.ENT-ATTRIB-FORMAT.person', params: { name }, severity: 'info' });
        if (a.kind === 'unit' && !isUnitName(name) && isPersonName(name)) ctx.report(ref, { message: 'validate.ENT-ATTRIB-FORMAT.unit', params: { name }, severity: 'info' });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------

interface RegistryFacts {
  lines: { at: LocatedRef; names: string[]; kind: Attribution['kind']; contributorIds?: string[] }[];
}

export const ENT_ATTRIB_REGISTRY = defineRule({
  id: 'ENT-ATTRIB-REGISTRY',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'info',
  appliesTo: 'entries',
  messages: ['validate.ENT-ATTRIB-REGISTRY.empty', 'validate.ENT-ATTRIB-REGISTRY.unknown', 'validate.ENT-ATTRIB-REGISTRY.badLink'],
  fixes: 'none',
  presets: presets.recommended(),
  examples: [
    { bad: '书稿尚未建立供稿人名录，10 个署名行无从统计', good: '建立名录（人员、单位），用于编辑说明和考核' },
    { bad: '名录中没有“柴楨”（000）', good: '在名录中登记' },
  ],
  collect(ctx: UnitContext): RegistryFacts {
    const facts: RegistryFacts = { lines: [] };
    const section = ctx.unit.section;
    if (!section) return facts;
    for (const it of sequence(section)) {
      const a = it.attribution;
      if (!a || !COVERING.has(a.kind)) continue;
      facts.lines.push({ at: ctx.locate(attributionRef(a, it)), names: a.names, kind: a.kind, ...(a.contributorIds ? { contributorIds: a.contributorIds } : {}) });
    }
    return facts;
  },
  bookDeps: (book) => [book.contributors],
  book(ctx, facts) {
    const registry = ctx.book.contributors;
    const all = facts as (RegistryFacts | undefined)[];
    if (!registry.length) {
      let lines = 0;
      const names = new Set<string>();
      for (const f of all) for (const l of f?.lines ?? []) {
        lines++;
        l.names.forEach((n) => names.add(n));
      }
      if (lines) ctx.reportBook({ message: 'validate.ENT-ATTRIB-REGISTRY.empty', params: { lines, names: names.size } });
      return;
    }
    const ids = new Set(registry.map((c) => c.id));
    const byName = new Set(registry.map((c) => `${c.kind}|${c.name}`));
    all.forEach((f, i) => {
      for (const l of f?.lines ?? []) {
        for (const id of l.contributorIds ?? []) if (!ids.has(id)) ctx.reportAt(i, l.at, { message: 'validate.ENT-ATTRIB-REGISTRY.badLink', params: { id }, severity: 'error' });
        const kind = l.kind === 'unit' ? 'unit' : 'person';
        for (const n of l.names) if (!byName.has(`${kind}|${n}`)) ctx.reportAt(i, l.at, { message: 'validate.ENT-ATTRIB-REGISTRY.unknown', params: { name: n } });
      }
    });
  },
});

export const ATTRIBUTION_RULES: RuleDef[] = [ENT_ATTRIB, ENT_ATTRIB_FORMAT, ENT_ATTRIB_REGISTRY];
