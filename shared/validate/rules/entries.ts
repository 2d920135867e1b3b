// Entries — 条目 (ENT-*): titles, record year, wording. Special parts (特载/专文, 大事记, 附录) are exempt.
import { isPersonName } from '../../model/attribution';
import type { Entry } from '../../model/schema';
import { boolParam, listParam, numParam, param } from '../params';
import { countNonSpace, titleLength } from '../text';
import type { RuleDef } from '../types';
import { defineRule, presets } from './define';
import { fixLabel } from '../localized';

const TITLE: readonly ['entryTitle'] = ['entryTitle'];
const ENTRY_TEXT = ['paragraph', 'heading', 'dated', 'caption', 'cell', 'footnote', 'tableTitle'] as const;

// ---------------------------------------------------------------------------------------------

export const ENT_TITLE_BRACKET = defineRule({
  id: 'ENT-TITLE-BRACKET',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.ENT-TITLE-BRACKET.stored', 'validate.ENT-TITLE-BRACKET.empty'],
  fixes: 'auto',
  fieldKinds: TITLE,
  examples: [
    { bad: '条目标题存为“【概况】”', good: '存为“概况”，印刷时加【】' },
    { bad: '条目标题为空', good: '补写标题' },
  ],
  text(f, ctx) {
    const m = /^(\s*【)?(.*?)(】\s*)?$/.exec(f.text)!;
    if (m[1] || m[3]) {
      const fix = ctx.fix(0, f.text.length, m[2]!.trim(), fixLabel.plain('validate.fix.dropBrackets'));
      ctx.report({ message: 'validate.ENT-TITLE-BRACKET.stored', params: { text: f.text }, fixes: [fix] });
    }
  },
  unit(ctx) {
    for (const f of ctx.fields) {
      if (f.kind === 'entryTitle' && !f.text.trim()) ctx.report({ nodeId: f.nodeId, nodeKind: 'entry', entry: f.entry, subsection: f.subsection }, { message: 'validate.ENT-TITLE-BRACKET.empty' });
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const ENT_TITLE_LEN = defineRule({
  id: 'ENT-TITLE-LEN',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.ENT-TITLE-LEN.long'],
  fixes: 'none',
  fieldKinds: TITLE,
  params: [
    { name: 'warn', description: 'validate.param.ENT-TITLE-LEN.warn', house: 'titleWarnLength', ...param.int(1, 100) },
    { name: 'error', description: 'validate.param.ENT-TITLE-LEN.error', house: 'titleErrorLength', ...param.int(1, 100) },
    { name: 'ignoreQuotes', description: 'validate.param.ENT-TITLE-LEN.ignoreQuotes', ...param.bool() },
  ],
  defaultParams: ({ houseStyle }) => ({ warn: houseStyle.titleWarnLength, error: houseStyle.titleErrorLength, ignoreQuotes: false }),
  examples: [
    { bad: '【临安区2020年度社会救助类政府购买服务项目启动】（000，24字）', good: '错误：超过18字' },
    { bad: '【临安区“互联网+养老”服务系统上线】（000，17字）', good: '警告：超过15字' },
    { bad: '【区政府常务会议】', good: '不报' },
    { bad: '【“关于进一步深化社区治理的建议”办理】（003，18字，含引号）', good: '体例设“不计引号”时按16字计，只提警告' },
  ],
  text(f, ctx) {
    // House option: 【“关于进一步深化社区治理的建议”办理】 counted without its quotation marks (003).
    const len = titleLength(boolParam(ctx.params, 'ignoreQuotes', false) ? f.text.replace(/[“”‘’《》〈〉"]/g, '') : f.text);
    const warn = numParam(ctx.params, 'warn', 15);
    const err = numParam(ctx.params, 'error', 18);
    if (len > err) ctx.report({ message: 'validate.ENT-TITLE-LEN.long', params: { text: f.text, length: len, limit: err }, severity: 'error' });
    else if (len > warn) ctx.report({ message: 'validate.ENT-TITLE-LEN.long', params: { text: f.text, length: len, limit: warn }, severity: 'warning' });
  },
});

// ---------------------------------------------------------------------------------------------

const SENTENCE_MARKS = /[，。；：？！,.;:?!]/;
const TRAILING = /[，。、；：？！,.;:?!\s]+$/;


export const ENT_TITLE_PUNCT = defineRule({
  id: 'ENT-TITLE-PUNCT',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.ENT-TITLE-PUNCT.trailing', 'validate.ENT-TITLE-PUNCT.inner', 'validate.ENT-TITLE-PUNCT.dunhao'],
  fixes: 'mixed',
  fieldKinds: TITLE,
  examples: [
    { bad: '【区域融合加快。】', good: '【区域融合加快】' },
    { bad: '【疫情防控，复工复产】', good: '【疫情防控和复工复产】' },
    { bad: '【“关于重振武林商圈,打造中国不夜城的建议”办理】（003）', good: '不报：引号内是建议的原名' },
    { bad: '【向省、市有关部门供稿投稿】（003）', good: '提示：标题中的顿号' },
  ],
  text(f, ctx) {
    const text = f.text;
    const trail = TRAILING.exec(text);
    if (trail && trail[0].trim() && !ctx.quoted(trail.index)) {
      ctx.report({ message: 'validate.ENT-TITLE-PUNCT.trailing', params: { text, mark: trail[0].trim() }, start: trail.index, end: text.length, fix: { start: trail.index, end: text.length, replacement: '', label: fixLabel.remove(trail[0].trim()) } });
    }
    const limit = trail ? trail.index : text.length;
    for (let i = 0; i < limit; i++) {
      const ch = text[i]!;
      if (ch === '、') {
        if (!ctx.quoted(i)) ctx.report({ message: 'validate.ENT-TITLE-PUNCT.dunhao', params: { text }, start: i, end: i + 1, severity: 'info' });
      } else if (SENTENCE_MARKS.test(ch) && !ctx.quoted(i)) {
        if ((ch === '.' || ch === ',') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 2.0, 1,000
        ctx.report({ message: 'validate.ENT-TITLE-PUNCT.inner', params: { text, mark: ch }, start: i, end: i + 1 });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------

const LEADER = /^(.{2,4}?)(?:同志|书记|副书记|区长|副区长|市长|副市长|县长|副县长|主任|副主任|主席|局长)(?=[^，。]*?(?:调研|视察|考察|检查|走访|慰问|讲话|会见|出席))/;

export const ENT_TITLE_FORM = defineRule({
  id: 'ENT-TITLE-FORM',
  family: 'ENT',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'entries',
  messages: ['validate.ENT-TITLE-FORM.person', 'validate.ENT-TITLE-FORM.slogan'],
  why: 'validate.ENT-TITLE-FORM.why',
  fixes: 'none',
  fieldKinds: TITLE,
  presets: presets.heuristic('info', 'warning'),
  examples: [
    { bad: '【骆安全区长调研企业复工复产】', good: '【区领导调研企业复工复产】或按事件命名' },
    { bad: '【撸起袖子加油干】', good: '陈述式标题：【××工程开工】' },
    { bad: '【区政府区长办公会议】（000）', good: '不报' },
  ],
  text(f, ctx) {
    const m = LEADER.exec(f.text);
    if (m && isPersonName(m[1]!)) {
      ctx.report({ message: 'validate.ENT-TITLE-FORM.person', params: { text: f.text, name: m[1]! }, start: 0, end: m[0].length, whyParams: { name: m[1]! } });
      return;
    }
    if (/^(?:撸起袖子|奋力|全力以赴|砥砺奋进|只争朝夕|不忘初心)/.test(f.text) || /[！!]$/.test(f.text)) {
      ctx.report({ message: 'validate.ENT-TITLE-FORM.slogan', params: { text: f.text }, why: 'validate.ENT-TITLE-FORM.whySlogan' });
    }
  },
});

// ---------------------------------------------------------------------------------------------

function firstParagraph(entry: Entry): string | undefined {
  for (const b of entry.blocks) if (b.type === 'paragraph' && b.text.trim()) return b.text;
  return undefined;
}

function mentionsYear(entry: Entry, year: number): boolean {
  const y = `${year}年`;
  for (const b of entry.blocks) if ('text' in b && typeof b.text === 'string' && (b.text.includes(y) || /是年|当年|全年/.test(b.text))) return true;
  return false;
}

const YEAR_IN_TEXT = /(?<![\d.\-—～~/A-Za-z])(\d{4})(?=年)/g;

export const ENT_YEAR = defineRule({
  id: 'ENT-YEAR',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'entries',
  messages: ['validate.ENT-YEAR.opening', 'validate.ENT-YEAR.noDate', 'validate.ENT-YEAR.later'],
  fixes: 'none',
  params: [
    { name: 'recordYear', description: 'validate.param.ENT-YEAR.recordYear', house: 'recordYear', ...param.int(1949, 2200) },
    { name: 'requireOpeningDate', description: 'validate.param.ENT-YEAR.requireOpeningDate', ...param.bool() },
    { name: 'laterYears', description: 'validate.param.ENT-YEAR.laterYears', ...param.bool() },
  ],
  defaultParams: ({ recordYear }) => ({ recordYear, requireOpeningDate: false, laterYears: false }),
  presets: presets.custom({
    national: { enabled: true },
    recommended: { enabled: true, params: { laterYears: true } },
    strict: { enabled: true, params: { laterYears: true, requireOpeningDate: true } },
  }),
  examples: [
    { bad: '《拱墅年鉴（2022）》记述2021年，条目以“2020年，…”开头', good: '以“2021年，…”开头' },
    { bad: '条目正文提到“2022年将建成…”（记述年度2021）', good: '提示：晚于记述年度的年份' },
    { bad: '审议《…实施方案（2020-2022年）（送审稿）》（000）', good: '不报：书名号中的年份' },
  ],
  unit(ctx) {
    const record = numParam(ctx.params, 'recordYear', ctx.recordYear);
    const requireDate = boolParam(ctx.params, 'requireOpeningDate', false);
    const overview = new Set(ctx.houseStyle.overviewTitles);
    const seen = new Set<string>();
    for (const f of ctx.fields) {
      if (f.kind !== 'paragraph' || !f.entry || seen.has(f.entry.id) || !f.text.trim()) continue;
      seen.add(f.entry.id);
      const first = firstParagraph(f.entry);
      if (first !== f.text) continue;
      const lead = f.text.length - f.text.trimStart().length;
      const m = /^(\d{4})\s*年/.exec(f.text.slice(lead));
      // An entry may open with the background ("2019年，临安区被列为…试点") and go on to the record year.
      if (m && Number(m[1]) < record && mentionsYear(f.entry, record)) continue;
      if (m && Number(m[1]) !== record) {
        ctx.report(
          { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text },
          { message: 'validate.ENT-YEAR.opening', params: { year: m[1]!, record }, start: lead, end: lead + m[0].length },
        );
      } else if (!m && requireDate && !overview.has(f.entry.title) && !/^(?:\d{1,2}\s*月|年初|年内|年中|年底|全年|上半年|下半年|\d{4}\s*[—-]\s*\d{4}\s*年)/.test(f.text.slice(lead))) {
        ctx.report(
          { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text },
          { message: 'validate.ENT-YEAR.noDate', params: { record, text: f.text.slice(lead, lead + 8) }, start: lead, end: Math.min(f.text.length, lead + 8), severity: 'info' },
        );
      }
    }
  },
  fieldKinds: ['paragraph', 'dated'],
  text(f, ctx) {
    if (!boolParam(ctx.params, 'laterYears', false)) return;
    const record = numParam(ctx.params, 'recordYear', ctx.recordYear);
    if (!/\d{4}年/.test(f.text)) return;
    // The year an entry opens with is judged by the opening check (one finding for "2021年，…" in a 2020 volume).
    const opening = f.entry && firstParagraph(f.entry) === f.text ? f.text.length - f.text.trimStart().length : -1;
    for (const m of f.text.matchAll(YEAR_IN_TEXT)) {
      const y = Number(m[1]);
      if (y <= record || y > record + 30 || m.index === opening || ctx.quoted(m.index)) continue;
      // "截至2021年3月" in a 2020 volume is the usual look-ahead to the time of compilation; a meeting that
      // discusses "2021年思路谋划" or "2018年主要经济指标", and named events ("2022年杭州亚运会"), are facts of the year.
      if (/(?:截至|截止|至|到)\s*$/.test(f.text.slice(Math.max(0, m.index - 3), m.index))) continue;
      if (/^年[^，。；]{0,8}?(?:计划|预算|思路|目标|指标|要点|重点|任务|安排|项目|亚运会|亚残运会|运动会|博览会)/.test(f.text.slice(m.index + 4, m.index + 16))) continue;
      ctx.report({ message: 'validate.ENT-YEAR.later', params: { year: m[1]!, record }, start: m.index, end: m.index + 5, severity: 'info', why: 'validate.ENT-YEAR.whyLater', whyParams: { year: m[1]!, record } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const RELATIVE = /(?<![节生作易止])(今年|去年|明年|前年|本年度|近日|日前|目前|本月|上月|下月|近期)/g;

export const ENT_RELTIME = defineRule({
  id: 'ENT-RELTIME',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'entries',
  messages: ['validate.ENT-RELTIME.word'],
  fixes: 'confirm',
  fieldKinds: ENTRY_TEXT,
  examples: [
    { bad: '今年以来，全区新增就业…', good: '2021年，全区新增就业…' },
    { bad: '目前，已完成主体工程', good: '至年底，已完成主体工程' },
    { bad: '国庆节日前后、“今年再攀高峰”', good: '不报：“节日前”和引号中的话' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/今年|去年|明年|前年|本年度|近日|日前|目前|本月|上月|下月|近期/.test(text)) return;
    for (const m of text.matchAll(RELATIVE)) {
      if (ctx.quoted(m.index)) continue;
      const word = m[1]!;
      const offset = { 今年: 0, 本年度: 0, 去年: -1, 前年: -2, 明年: 1 }[word as '今年'];
      const e = m.index + word.length;
      const fixes = offset !== undefined ? [ctx.fix(m.index, e, `${ctx.recordYear + offset}年`, fixLabel.replace(`${ctx.recordYear + offset}年`), true)] : [];
      ctx.report({ message: 'validate.ENT-RELTIME.word', params: { text: word, context: text.slice(Math.max(0, m.index - 4), e + 6) }, start: m.index, end: e, fixes });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const FORECAST = /(将于|将在|即将|将要|将会|预计|力争|拟于|拟在|计划于|计划在|有望)/g;

export const ENT_NO_FORECAST = defineRule({
  id: 'ENT-NO-FORECAST',
  family: 'ENT',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'entries',
  messages: ['validate.ENT-NO-FORECAST.word'],
  why: 'validate.ENT-NO-FORECAST.why',
  fixes: 'none',
  fieldKinds: ENTRY_TEXT,
  presets: presets.heuristic('info', 'warning'),
  examples: [
    { bad: '该项目预计2022年建成投用', good: '只记已发生的事：2021年完成主体工程' },
    { bad: '将闲置资产纳入统一管理', good: '不报：“将”作介词' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/将于|将在|即将|将要|将会|预计|力争|拟于|拟在|计划于|计划在|有望/.test(text)) return;
    for (const m of text.matchAll(FORECAST)) {
      if (ctx.quoted(m.index)) continue;
      ctx.report({ message: 'validate.ENT-NO-FORECAST.word', params: { text: m[1]!, context: text.slice(Math.max(0, m.index - 4), m.index + m[1]!.length + 8) }, start: m.index, end: m.index + m[1]!.length, whyParams: { word: m[1]! } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const DEFAULT_EVALUATIVE = ['圆满', '隆重', '高度评价', '高度肯定', '高度赞扬', '显著成效', '明显成效', '成效显著', '卓有成效', '硕果累累', '盛况空前', '意义重大', '深远意义', '广泛好评', '一致好评', '丰硕成果', '辉煌', '热烈欢迎'];

export const ENT_NO_EVAL = defineRule({
  id: 'ENT-NO-EVAL',
  family: 'ENT',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'entries',
  messages: ['validate.ENT-NO-EVAL.word'],
  why: 'validate.ENT-NO-EVAL.why',
  fixes: 'none',
  fieldKinds: ENTRY_TEXT,
  presets: presets.heuristic('info', 'warning'),
  params: [{ name: 'words', description: 'validate.param.ENT-NO-EVAL.words', ...param.strings() }],
  defaultParams: () => ({ words: DEFAULT_EVALUATIVE }),
  examples: [
    { bad: '扫黑除恶专项斗争取得显著成效（000）', good: '写事实：立案××起，有效警情下降10.1%' },
    { bad: '会议圆满完成各项议程', good: '会议完成各项议程' },
  ],
  text(f, ctx) {
    const text = f.text;
    for (const w of listParam(ctx.params, 'words')) {
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
        if (ctx.quoted(i)) continue;
        ctx.report({ message: 'validate.ENT-NO-EVAL.word', params: { text: w, context: text.slice(Math.max(0, i - 6), i + w.length + 4) }, start: i, end: i + w.length, whyParams: { word: w } });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------

function bodyChars(entry: Entry): number {
  let n = 0;
  for (const b of entry.blocks) if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'dated') n += countNonSpace(b.text);
  return n;
}

export const ENT_LENGTH = defineRule({
  id: 'ENT-LENGTH',
  family: 'ENT',
  kind: 'Y',
  defaultSeverity: 'info',
  appliesTo: 'entries',
  messages: ['validate.ENT-LENGTH.long', 'validate.ENT-LENGTH.short'],
  fixes: 'none',
  params: [
    { name: 'max', description: 'validate.param.ENT-LENGTH.max', ...param.int(50, 100000) },
    { name: 'overviewMax', description: 'validate.param.ENT-LENGTH.overviewMax', ...param.int(50, 100000) },
    { name: 'min', description: 'validate.param.ENT-LENGTH.min', ...param.int(0, 10000) },
  ],
  defaultParams: () => ({ max: 3000, overviewMax: 6000, min: 0 }),
  presets: presets.custom({
    national: { enabled: true },
    recommended: { enabled: true },
    strict: { enabled: true, params: { max: 2000, overviewMax: 4000, min: 30 } },
  }),
  examples: [
    { bad: '普通条目正文超过3000字', good: '拆分为几个条目' },
    { bad: '000【概况】3,446字（概况上限6000字）', good: '不报' },
  ],
  unit(ctx) {
    const overview = new Set(ctx.houseStyle.overviewTitles);
    for (const f of ctx.fields) {
      if (f.kind !== 'entryTitle' || !f.entry) continue;
      const n = bodyChars(f.entry);
      const isOverview = overview.has(f.entry.title);
      const max = numParam(ctx.params, isOverview ? 'overviewMax' : 'max', isOverview ? 6000 : 3000);
      const min = numParam(ctx.params, 'min', 0);
      const at = { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: 'title', text: f.text };
      if (n > max) ctx.report(at, { message: 'validate.ENT-LENGTH.long', params: { title: f.text, chars: n, limit: max } });
      else if (min > 0 && n > 0 && n < min) ctx.report(at, { message: 'validate.ENT-LENGTH.short', params: { title: f.text, chars: n, limit: min } });
    }
  },
});

export const ENTRY_RULES: RuleDef[] = [ENT_TITLE_BRACKET, ENT_TITLE_LEN, ENT_TITLE_PUNCT, ENT_TITLE_FORM, ENT_YEAR, ENT_RELTIME, ENT_NO_FORECAST, ENT_NO_EVAL, ENT_LENGTH];

