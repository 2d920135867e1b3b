// The full-size volume generator: a deterministic (seeded) book the size of a real district or city
// yearbook — about 1.2 million characters, 30 categories, 300 sections, 2,000 entries, 60 tables (some long
// enough to continue across pages), 250 figures, special reports (特载) and a 大事记 — built by recombining
// the real material of a source book (the sample book): its sentences, entry titles, attribution names,
// figure captions and table shapes. Used by tests, `yearbook generate` and the benchmarks.
import { sha256Hex, type BookFileContents } from '../bookfile/bookfile';
import { UserError } from '../model/errors';
import { ID_PREFIX, sequentialIds, type IdGenerator } from '../model/ids';
import { newBook } from '../model/factory';
import type {
  Asset,
  Attribution,
  Block,
  Book,
  Category,
  Contributor,
  DatedItem,
  Entry,
  Figure,
  Matter,
  Paragraph,
  Row,
  Section,
  Stage,
  Subsection,
  Table,
} from '../model/schema';
import { bookCounts } from '../model/stats';
import { countChars } from '../model/text';
import { corpusProblems, harvestCorpus, splitSentences, type Corpus } from './harvest';
import { standInPhoto } from './png';
import { createRng, type Rng } from './rng';
import { CATEGORY_FRAMES, districtOf, fillDistrict, type CategoryFrame } from './vocabulary';

/** The size of a full volume at scale 1 (《梅州年鉴2021》: 558 pages, 1.1 million characters, 277 sections, 1,412 entries). */
export const FULL_SIZE = {
  characters: 1_200_000,
  categories: 30,
  sections: 300,
  entries: 2000,
  tables: 60,
  figures: 250,
  chronicleItems: 240,
} as const;

export interface GenerateOptions {
  /** Same seed, same book (default 1). */
  seed?: number | string;
  /** Multiplies every count; 0.1 gives a tenth of a volume for quick tests (default 1). */
  scale?: number;
  /** Book title without the volume (default: the source's district, e.g. "拱墅年鉴"). */
  title?: string;
  volumeYear?: number;
  /** Attach a small stand-in photo (PNG) to every figure (default true). */
  images?: boolean;
  /** Progress of the slowest step (filling entries), for the CLI. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedVolume extends BookFileContents {
  /** The targets the volume was built for (scaled FULL_SIZE). */
  targets: Record<keyof typeof FULL_SIZE, number>;
}

const PHOTO_VARIANTS = 32;
const PHOTO_WIDTH = 360;
const PHOTO_HEIGHT = 240;

const STAGES: Stage[] = ['draft', 'first-review', 'second-review', 'final-review', 'approved'];

export function generateVolume(source: Book, opts: GenerateOptions = {}): GeneratedVolume {
  const scale = opts.scale ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new UserError('generate.badScale', { scale: String(scale) });
  const seed = opts.seed ?? 1;
  const corpus = harvestCorpus(source);
  const problems = corpusProblems(corpus);
  if (problems.length) throw new UserError('generate.sourceTooSmall', { title: source.title }, problems.join('; '));
  return new Generator(source, corpus, seed, scale, opts).build();
}

class Generator {
  private readonly rng: Rng;
  private readonly ids: IdGenerator;
  private readonly targets: GeneratedVolume['targets'];
  private readonly recordYear: number;
  private readonly volumeYear: number;
  private readonly district: { full: string; short: string };
  private readonly assets = new Map<string, Uint8Array>();
  private readonly assetList: Asset[] = [];
  private readonly contributors = new Map<string, Contributor>();
  private readonly photoCache = new Map<number, Uint8Array>();
  private readonly photoHashes = new Map<number, string>();
  // Cursors that walk the pools in a shuffled order, so material is reused evenly before repeating.
  private readonly pools: Record<string, { items: readonly unknown[]; order: number[]; i: number }> = {};

  constructor(
    private readonly source: Book,
    private readonly corpus: Corpus,
    private readonly seed: number | string,
    scale: number,
    private readonly opts: GenerateOptions,
  ) {
    this.rng = createRng(`yearbook-generate:${String(seed)}`);
    const tag = String(seed).replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
    this.ids = sequentialIds(`g${tag}`);
    const t = {} as GeneratedVolume['targets'];
    for (const [k, v] of Object.entries(FULL_SIZE) as [keyof typeof FULL_SIZE, number][]) t[k] = Math.max(1, Math.round(v * scale));
    t.categories = Math.min(FULL_SIZE.categories, Math.max(4, t.categories));
    t.sections = Math.max(t.sections, t.categories + 1);
    t.entries = Math.max(t.entries, t.sections);
    this.targets = t;
    this.volumeYear = opts.volumeYear ?? source.volumeYear;
    this.recordYear = this.volumeYear - (source.volumeYear - source.recordYear);
    this.district = districtOf(source.title);
  }

  build(): GeneratedVolume {
    const rng = this.rng;
    const book = newBook(
      {
        title: this.opts.title ?? `${this.district.short}年鉴`,
        volumeYear: this.volumeYear,
        recordYear: this.recordYear,
        ...(this.source.publisherOrg ? { publisherOrg: this.source.publisherOrg } : {}),
        now: `${this.volumeYear}-05-01T08:00:00.000Z`,
      },
      this.ids,
    );
    book.id = `b_generated_${String(this.seed).replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'x'}`;
    book.printProfile = structuredClone(this.source.printProfile);
    book.houseStyle = structuredClone(this.source.houseStyle);

    const frames = this.chooseFrames();
    const plan = this.planSections(frames);
    const body: Category[] = [];
    const back: Category[] = [];
    const regularSections: { frame: CategoryFrame; section: Section; entries: number }[] = [];

    for (const { frame, sections } of plan) {
      const cat: Category = {
        type: 'category',
        id: this.ids(ID_PREFIX.category),
        role: frame.role,
        title: fillDistrict(frame.title, this.district),
        ...(frame.titleEn ? { titleEn: fillDistrict(frame.titleEn, { full: this.district.short, short: this.district.short }) } : {}),
        sections: [],
      };
      if (frame.role === 'special') cat.sections = this.reports(sections.length);
      else if (frame.role === 'chronicle') cat.sections = this.chronicle(sections);
      else {
        for (const title of sections) {
          const section: Section = {
            type: 'section',
            id: this.ids(ID_PREFIX.section),
            title,
            status: { stage: rng.pick(STAGES) },
            fullWidth: false,
            children: [],
          };
          cat.sections.push(section);
          regularSections.push({ frame, section, entries: 0 });
        }
      }
      (frame.role === 'appendix' ? back : body).push(cat);
    }

    // Entries per regular section: at least two (an overview and one more), the rest spread unevenly.
    this.spread(
      this.targets.entries,
      regularSections.map(() => rng.around(1, 0.7, 0.3, 2.4)),
      2,
    ).forEach((n, i) => (regularSections[i]!.entries = n));

    const entryList: { entry: Entry; overview: boolean }[] = [];
    for (const rs of regularSections) this.fillSectionSkeleton(rs.frame, rs.section, rs.entries, entryList);

    // Tables and figures go into entries (a few tables into the appendix), then the text fills the rest
    // of the character budget.
    const appendixSections = back.flatMap((c) => c.sections);
    this.placeTables(entryList, appendixSections);
    this.placeFigures(entryList);

    book.body = body;
    book.back = back;
    book.front = this.frontMatter();
    book.back.push(this.matter('index', '索引'));

    const fixed = bookCounts(book).characters;
    this.fillEntries(entryList, Math.max(0, this.targets.characters - fixed));
    this.attributeSections(regularSections.map((r) => r.section));
    this.numberAndReference(book);
    book.contributors = [...this.contributors.values()];
    book.assets = this.assetList;
    this.writeEditorialNote(book);
    return { book, assets: this.assets, targets: this.targets };
  }

  // -------------------------------------------------------------------------------------------
  // Frame

  private chooseFrames(): CategoryFrame[] {
    const n = this.targets.categories;
    const special = CATEGORY_FRAMES.filter((f) => f.role === 'special' || f.role === 'chronicle');
    const appendix = CATEGORY_FRAMES.filter((f) => f.role === 'appendix');
    const regular = CATEGORY_FRAMES.filter((f) => f.role === 'regular' || f.role === 'overview');
    const room = Math.min(regular.length, Math.max(1, n - special.length - appendix.length));
    // Evenly spaced over the frame, so a small volume still spans politics, economy and society.
    const picked = Array.from({ length: room }, (_, k) => regular[Math.floor((k * regular.length) / room)]!);
    return [...special, ...picked, ...appendix];
  }

  private planSections(frames: CategoryFrame[]): { frame: CategoryFrame; sections: string[] }[] {
    const total = this.targets.sections;
    const wanted = Math.max(1, Math.round(4 * Math.min(1, total / FULL_SIZE.sections)));
    const reports = this.corpus.reports.length ? Math.min(wanted, this.corpus.reports.length) : wanted;
    const months = Math.max(1, Math.min(12, Math.round((12 * total) / 100)));
    const rest = Math.max(frames.length - 2, total - reports - months);
    const weighted = frames.filter((f) => f.role !== 'special' && f.role !== 'chronicle');
    const counts = this.spread(rest, weighted.map((f) => f.weight), 1);
    const extra = this.shuffled('sectionTitles', this.corpus.sectionTitles);
    return frames.map((frame) => {
      if (frame.role === 'special') return { frame, sections: Array.from({ length: reports }, () => '') };
      if (frame.role === 'chronicle') return { frame, sections: frame.sections.slice(0, months) };
      const n = counts[weighted.indexOf(frame)]!;
      const titles = frame.sections.slice(0, n);
      // A bigger volume than the frame: add the sample's real section titles, numbered if they repeat.
      for (let k = 0; titles.length < n; k++) {
        const t = extra.length ? (extra[k % extra.length] as string) : `${frame.sections[k % frame.sections.length]}`;
        titles.push(titles.includes(t) ? `${t}（${k + 2}）` : t);
      }
      return { frame, sections: titles };
    });
  }

  /** Splits total into parts proportional to weights, each at least min (largest-remainder rounding). */
  private spread(total: number, weights: number[], min: number): number[] {
    if (weights.length === 0) return [];
    const base = Math.min(min, Math.floor(total / weights.length));
    const rest = total - base * weights.length;
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    const raw = weights.map((w) => (rest * w) / sum);
    const out = raw.map((r) => base + Math.floor(r));
    let left = total - out.reduce((a, b) => a + b, 0);
    const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]!++;
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Sections and entries

  private fillSectionSkeleton(frame: CategoryFrame, section: Section, entries: number, list: { entry: Entry; overview: boolean }[]): void {
    const rng = this.rng;
    const titles = new Set<string>();
    const newEntry = (overview: boolean): Entry => {
      let title = overview ? rng.pick(['概况', '概况', '概况', '综述']) : '';
      for (let tries = 0; !overview && (title === '' || titles.has(title)); tries++) {
        title = this.next<string>('entryTitles', this.corpus.entryTitles);
        if (tries > 20) title = `${title}（${tries}）`;
      }
      titles.add(title);
      const entry: Entry = { type: 'entry', id: this.ids(ID_PREFIX.entry), title, noIndex: false, blocks: [] };
      list.push({ entry, overview });
      return entry;
    };
    section.children.push(newEntry(true));
    const rest = entries - 1;
    const subTitles = frame.subsections?.[section.title];
    if (subTitles && rest >= 4 && rng.chance(0.85)) {
      const k = Math.min(subTitles.length, Math.max(2, Math.floor(rest / 3)));
      const sizes = this.spread(rest, Array.from({ length: k }, () => rng.around(1, 0.5, 0.4, 1.8)), 1);
      sizes.forEach((n, i) => {
        const sub: Subsection = { type: 'subsection', id: this.ids(ID_PREFIX.subsection), title: subTitles[i]!, children: [] };
        for (let j = 0; j < n; j++) sub.children.push(newEntry(false));
        section.children.push(sub);
      });
    } else {
      for (let j = 0; j < rest; j++) section.children.push(newEntry(false));
    }
  }

  private fillEntries(list: { entry: Entry; overview: boolean }[], budget: number): void {
    const rng = this.rng;
    const weights = list.map((e) => (e.overview ? rng.around(3, 1.5, 1.5, 6) : rng.around(1, 0.75, 0.25, 2.6)));
    const sum = weights.reduce((a, b) => a + b, 0);
    // The budget is what the volume still needs after everything already in it (titles included).
    let remaining = Math.max(list.length * 30, budget);
    let weightLeft = sum;
    list.forEach(({ entry, overview }, i) => {
      const share = Math.max(30, Math.round((remaining * weights[i]!) / weightLeft));
      const used = this.fillEntry(entry, share, overview);
      remaining -= used;
      weightLeft -= weights[i]!;
      if (i % 100 === 99 || i === list.length - 1) this.opts.onProgress?.(i + 1, list.length);
    });
  }

  /** Writes paragraphs of real sentences into an entry until about `budget` characters; returns the count. */
  private fillEntry(entry: Entry, budget: number, overview: boolean): number {
    const rng = this.rng;
    const sentences: string[] = [];
    let n = 0;
    const opener = this.withRecordYear(this.next<string>('openers', this.corpus.openers.length ? this.corpus.openers : this.corpus.sentences));
    sentences.push(opener);
    n += countChars(opener);
    const pool = overview && this.corpus.overviewSentences.length > 20 ? 'overviewSentences' : 'sentences';
    while (n < budget) {
      const s = this.next<string>(pool, this.corpus[pool]);
      const len = countChars(s);
      if (n + len - budget > len / 2 && n > 0) break; // closer to the budget without it
      sentences.push(s);
      n += len;
    }
    // Paragraphs of 2–7 sentences; the existing blocks (tables, figures) go after the paragraph they follow.
    const paragraphs: Paragraph[] = [];
    for (let i = 0; i < sentences.length; ) {
      const k = Math.min(sentences.length - i, rng.int(2, 7));
      paragraphs.push({ type: 'paragraph', id: this.ids(ID_PREFIX.paragraph), text: sentences.slice(i, i + k).join(''), marks: [] });
      i += k;
    }
    const extras = entry.blocks;
    const blocks: Block[] = [];
    paragraphs.forEach((p, i) => {
      blocks.push(p);
      // Spread tables and figures over the entry, each after a paragraph.
      const due = Math.floor(((i + 1) * extras.length) / paragraphs.length) - Math.floor((i * extras.length) / paragraphs.length);
      for (let k = 0; k < due; k++) blocks.push(extras.shift()!);
    });
    blocks.push(...extras);
    entry.blocks = blocks;
    return n;
  }

  private withRecordYear(sentence: string): string {
    return sentence.replace(/^(\d{4})年/, `${this.recordYear}年`);
  }

  // -------------------------------------------------------------------------------------------
  // Tables and figures

  private placeTables(list: { entry: Entry; overview: boolean }[], appendixSections: Section[]): void {
    const rng = this.rng;
    const n = this.targets.tables;
    const long = Math.max(1, Math.round(n / 10));
    const sources = [...this.corpus.tables].sort((a, b) => b.bodyRows.length - a.bodyRows.length);
    const targets = rng.shuffle(list.filter((e) => !e.overview).map((e) => e.entry));
    let inAppendix = appendixSections.length ? Math.round(n * 0.15) : 0;
    for (let i = 0; i < n; i++) {
      const isLong = i < long;
      const src = isLong ? sources[i % Math.min(2, sources.length)]! : sources[i % sources.length]!;
      const rows = isLong ? rng.int(45, 130) : rng.int(4, Math.max(6, Math.min(24, src.bodyRows.length + 8)));
      const table = this.tableFrom(src, rows);
      if (inAppendix > 0 && (i % 6 === 5 || isLong)) {
        appendixSections[inAppendix % appendixSections.length]!.children.push(table);
        inAppendix--;
      } else {
        (targets[i % Math.max(1, targets.length)] ?? list[0]!.entry).blocks.push(table);
      }
    }
  }

  /** A table with the source's header and title, its rows cycled to the wanted length with the numbers varied. */
  private tableFrom(src: Table, rows: number): Table {
    const rng = this.rng;
    const body: Row[] = [];
    const factor = () => rng.around(1, 0.25, 0.6, 1.5);
    for (let r = 0; r < rows; r++) {
      const from = src.bodyRows[r % src.bodyRows.length]!;
      const f = r < src.bodyRows.length ? 1 : factor();
      body.push({ cells: from.cells.map((c) => ({ ...structuredClone(c), text: varyNumbers(c.text, f) })) });
    }
    return {
      type: 'table',
      id: this.ids(ID_PREFIX.table),
      number: null,
      title: this.withYears(src.title),
      ...(src.unitNote ? { unitNote: src.unitNote } : {}),
      headerRows: structuredClone(src.headerRows),
      bodyRows: body,
      ...(src.note ? { note: src.note } : {}),
      fullWidth: src.fullWidth || (src.headerRows[0]?.cells.length ?? 0) > 4,
    };
  }

  private withYears(text: string): string {
    const delta = this.recordYear - this.corpus.recordYear;
    if (delta === 0) return text;
    return text.replace(/(\d{4})年/g, (m, y: string) => (Math.abs(Number(y) - this.corpus.recordYear) <= 1 ? `${Number(y) + delta}年` : m));
  }

  private placeFigures(list: { entry: Entry; overview: boolean }[]): void {
    const rng = this.rng;
    const targets = rng.shuffle(list.map((e) => e.entry));
    for (let i = 0; i < this.targets.figures; i++) {
      const src = this.next<{ caption: string; credit?: string }>('figures', this.corpus.figures);
      const event = src.caption.replace(/^图\s*\d+\s*/, '').replace(/^\d{4}年\d{1,2}月(?:\d{1,2}日)?[，,、\s]*/, '');
      const month = rng.int(1, 12);
      const day = rng.int(1, 28);
      const caption = `${this.recordYear}年${month}月${day}日，${event}`;
      const figure: Figure = {
        type: 'figure',
        id: this.ids(ID_PREFIX.figure),
        number: null,
        caption,
        credit: this.credit(src.credit),
        assetId: null,
        fullWidth: rng.chance(0.08),
      };
      if (this.opts.images !== false) figure.assetId = this.photo(i);
      targets[i % targets.length]!.blocks.push(figure);
    }
  }

  private credit(raw: string | undefined): Figure['credit'] {
    const rng = this.rng;
    if ((raw === undefined || rng.chance(0.3)) && this.corpus.authors.length) {
      const name = this.next<string>('authors', this.corpus.authors);
      return { kind: 'photographer', names: [name], raw: `${name} 摄` };
    }
    const unit = (raw ?? `${this.next<string>('units', this.corpus.units.length ? this.corpus.units : ['区档案馆'])}提供`).replace(/[()（）]/g, '');
    return { kind: 'provided', names: [unit.replace(/\s*(提供|供稿|供图)$/, '')], raw: unit };
  }

  /**
   * An asset for figure i. Each figure gets its own asset (id, file name), the pixels come from a set of
   * 32 stand-in photos: encoding 250 distinct PNGs would dominate the generation time.
   */
  private photo(i: number): string {
    const variant = i % PHOTO_VARIANTS;
    let bytes = this.photoCache.get(variant);
    if (!bytes) {
      bytes = standInPhoto(this.rng.fork(`photo:${variant}`), PHOTO_WIDTH, PHOTO_HEIGHT);
      this.photoCache.set(variant, bytes);
    }
    const id = this.ids(ID_PREFIX.asset);
    this.assets.set(id, bytes);
    this.assetList.push({
      id,
      fileName: `图${i + 1}.png`,
      mime: 'image/png',
      byteLength: bytes.length,
      sha256: this.photoHash(variant, bytes),
      width: PHOTO_WIDTH,
      height: PHOTO_HEIGHT,
    });
    return id;
  }

  private photoHash(variant: number, bytes: Uint8Array): string {
    let h = this.photoHashes.get(variant);
    if (!h) this.photoHashes.set(variant, (h = sha256Hex(bytes)));
    return h;
  }

  // -------------------------------------------------------------------------------------------
  // Special parts

  private reports(n: number): Section[] {
    const out: Section[] = [];
    const src = this.corpus.reports;
    for (let i = 0; i < n; i++) {
      if (src.length) {
        const r = src[i % src.length]!;
        out.push({
          type: 'section',
          id: this.ids(ID_PREFIX.section),
          title: i < src.length ? r.title : `${r.title}（${Math.floor(i / src.length) + 1}）`,
          status: { stage: 'approved' },
          ...(r.article ? { article: structuredClone(r.article) } : {}),
          fullWidth: false,
          children: r.blocks.map((b) => this.reid(b)),
        });
      } else {
        out.push(this.composedReport(i));
      }
    }
    return out;
  }

  /** A report built from the corpus's sentences under 一、二、… headings (when the source has no 特载). */
  private composedReport(i: number): Section {
    const children: Block[] = [];
    const numerals = ['一', '二', '三', '四', '五', '六'];
    for (let h = 0; h < 5; h++) {
      const topic = this.next<string>('sectionTitles', this.corpus.sectionTitles.length ? this.corpus.sectionTitles : ['经济社会发展']);
      children.push({ type: 'heading', id: this.ids(ID_PREFIX.heading), level: 1, text: `${numerals[h]}、${topic}`, marks: [], runIn: false });
      for (let p = 0; p < 4; p++) {
        const text = Array.from({ length: this.rng.int(3, 6) }, () => this.next<string>('sentences', this.corpus.sentences)).join('');
        children.push({ type: 'paragraph', id: this.ids(ID_PREFIX.paragraph), text, marks: [] });
      }
    }
    return {
      type: 'section',
      id: this.ids(ID_PREFIX.section),
      title: `${this.district.full}${this.recordYear}年工作报告（${i + 1}）`,
      status: { stage: 'approved' },
      fullWidth: false,
      children,
    };
  }

  private chronicle(months: string[]): Section[] {
    const rng = this.rng;
    const perMonth = this.spread(this.targets.chronicleItems, months.map(() => rng.around(1, 0.3, 0.6, 1.4)), 1);
    const events = this.corpus.events.length
      ? this.corpus.events
      : this.corpus.openers.map((s) => ({ month: 0, day: 0, text: s.replace(/^\d{4}年[，,]?/, '') }));
    return months.map((label, mi) => {
      const month = mi + 1;
      const items: DatedItem[] = [];
      for (let k = 0; k < perMonth[mi]!; k++) {
        const e = this.next<{ month: number; day: number; text: string }>('events', events);
        const day = e.month === month && e.day ? e.day : rng.int(1, 28);
        items.push({
          type: 'dated',
          id: this.ids(ID_PREFIX.dated),
          dateLabel: `${month}月${day}日`,
          date: `${this.recordYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          text: e.text,
          marks: [],
        });
      }
      items.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
      return { type: 'section', id: this.ids(ID_PREFIX.section), title: label, status: { stage: 'approved' }, fullWidth: false, children: items };
    });
  }

  private frontMatter(): Matter[] {
    return [this.matter('editorial-note', '编辑说明'), this.matter('toc', '目录')];
  }

  private matter(kind: Matter['kind'], title: string): Matter {
    return { type: 'matter', id: this.ids(ID_PREFIX.matter), kind, title, blocks: [] };
  }

  /** The 编辑说明 states the volume's counts, as real volumes do. */
  private writeEditorialNote(book: Book): void {
    const note = book.front.find((m) => m.kind === 'editorial-note');
    if (!note) return;
    const c = bookCounts(book);
    const wan = (c.words / 10000).toFixed(1);
    note.blocks = [
      `一、《${book.title}（${book.volumeYear}）》是${this.district.full}人民政府主办的地方综合年鉴，系统记述${this.district.full}${book.recordYear}年自然、政治、经济、文化、社会和生态文明建设等方面的基本情况。`,
      `二、本卷采用类目、分目、条目结构，共设类目${c.categories}个、分目${c.sections}个、条目${c.entries}条，随文配图${c.figures}幅、表格${c.tables}个，全书约${wan}万字。`,
      '三、本卷条目由各供稿单位撰写，条目末尾署撰稿人或供稿单位名称；图片注明提供单位或摄影者。',
      '四、本卷所用统计数据以区统计局公布的数据为准，部门数据由各供稿单位提供。',
    ].map((text) => ({ type: 'paragraph', id: this.ids(ID_PREFIX.paragraph), text, marks: [] }));
  }

  // -------------------------------------------------------------------------------------------
  // Attributions, numbering, cross-references

  /** Every entry is covered by a following attribution line; one line covers a run of 1–5 entries. */
  private attributeSections(sections: Section[]): void {
    const rng = this.rng;
    const attribute = (children: Section['children']): Section['children'] => {
      const out: Section['children'] = [];
      let run: string[] = [];
      let runLength = rng.int(1, 5);
      const flush = () => {
        if (run.length) out.push(this.attribution(run));
        run = [];
        runLength = rng.int(1, 5);
      };
      for (const child of children) {
        if (child.type === 'subsection') {
          flush();
          child.children = attribute(child.children) as Subsection['children'];
          out.push(child);
          continue;
        }
        out.push(child);
        if (child.type === 'entry') {
          run.push(child.id);
          if (run.length >= runLength) flush();
        }
      }
      flush();
      return out;
    };
    for (const s of sections) s.children = attribute(s.children);
  }

  private attribution(covers: string[]): Attribution {
    const rng = this.rng;
    const asUnit = this.corpus.units.length > 0 && (this.corpus.authors.length === 0 || rng.chance(0.3));
    const names = asUnit
      ? [this.next<string>('units', this.corpus.units)]
      : [...new Set(Array.from({ length: rng.pick([1, 1, 1, 2, 2, 3]) }, () => this.next<string>('authors', this.corpus.authors)))];
    const contributorIds = names.map((name) => this.contributor(name, asUnit ? 'unit' : 'person'));
    const padded = names.map((n) => (n.length === 2 && !asUnit ? `${n[0]} ${n[1]}` : n));
    return {
      type: 'attribution',
      id: this.ids(ID_PREFIX.attribution),
      kind: asUnit ? 'unit' : 'author',
      names,
      covers,
      raw: asUnit ? `（${names[0]} 供稿）` : `（${padded.join(' ')}）`,
      placement: 'line',
      contributorIds,
    };
  }

  private contributor(name: string, kind: 'person' | 'unit'): string {
    const key = `${kind}:${name}`;
    let c = this.contributors.get(key);
    if (!c) {
      c = { id: this.ids(ID_PREFIX.contributor), kind, name };
      this.contributors.set(key, c);
    }
    return c.id;
  }

  /** Numbers tables and figures in book order (表1…, 图1…) and refers to each table in the text before it. */
  private numberAndReference(book: Book): void {
    let t = 0;
    let f = 0;
    const visit = (blocks: Block[]) => {
      blocks.forEach((b, i) => {
        if (b.type === 'figure') b.number = String(++f);
        if (b.type !== 'table') return;
        b.number = String(++t);
        for (let j = i - 1; j >= 0; j--) {
          const p = blocks[j]!;
          if (p.type !== 'paragraph') continue;
          const sentences = splitSentences(p.text);
          if (!sentences.length) break;
          p.text = p.text.replace(/([。！？])([”’]?)$/, `（见表${t}）$1$2`);
          break;
        }
      });
    };
    for (const cat of [...book.body, ...book.back]) {
      if (cat.type !== 'category') continue;
      for (const s of cat.sections) {
        const top: Block[] = [];
        for (const child of s.children) {
          if (child.type === 'entry') visit(child.blocks);
          else if (child.type === 'subsection') {
            for (const sc of child.children) if (sc.type === 'entry') visit(sc.blocks);
          } else top.push(child);
        }
        visit(top);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** The next item of a pool, walking it in a seeded shuffled order and reshuffling when exhausted. */
  private next<T>(name: string, items: readonly T[]): T {
    if (items.length === 0) throw new Error(`empty pool ${name}`);
    let p = this.pools[name];
    if (!p || p.items !== items) p = this.pools[name] = { items, order: [], i: 0 };
    if (p.i >= p.order.length) {
      p.order = this.rng.shuffle(items.map((_, i) => i));
      p.i = 0;
    }
    return items[p.order[p.i++]!]!;
  }

  private shuffled<T>(name: string, items: readonly T[]): T[] {
    return this.rng.fork(name).shuffle(items);
  }

  /** A copy of a block with fresh ids. */
  private reid<B extends Block>(b: B): B {
    const copy = structuredClone(b);
    copy.id = this.ids(b.type === 'paragraph' ? ID_PREFIX.paragraph : b.type === 'heading' ? ID_PREFIX.heading : ID_PREFIX[b.type]);
    return copy;
  }
}

/** Varies the numbers in a table cell by a factor, keeping their decimals ("1171.2" → "1288.4"); years and codes stay. */
export function varyNumbers(text: string, factor: number): string {
  if (factor === 1) return text;
  return text.replace(/\d+(?:\.\d+)?/g, (m, offset: number, all: string) => {
    const after = all.slice(offset + m.length, offset + m.length + 1);
    if (/^(19|20)\d\d$/.test(m) && (after === '年' || after === '')) return m; // a year
    if (after === '月' || after === '日' || after === '号') return m;
    const decimals = m.includes('.') ? m.split('.')[1]!.length : 0;
    const v = Number(m) * factor;
    return decimals ? v.toFixed(decimals) : String(Math.max(m === '0' ? 0 : 1, Math.round(v)));
  });
}
