// The record year the import review proposes for the book (记述年度 beside 接受导入): the drafts' own year for a
// book without content, the book's year otherwise (saying when the drafts name another), the volume year moving
// along only where it was the record year + 1 or a draft names it; what the editor types must be a year.
import { describe, expect, it } from 'vitest';
import { recogniseText } from '../../../../shared/import';
import { chosenYear, proposeYear, yearsAfter, type Draft } from '../../../../renderer/app/import/importSession';
import type { NodeRow } from '../../../../renderer/storage/schema';
import { seedText } from '../../shared/import/corpus';

function draft(name: string, text: string, status: Draft['status'] = 'ready'): Draft {
  const bytes = new TextEncoder().encode(text);
  return { id: name, name, size: bytes.length, bytes, status, result: recogniseText(text, name), overrides: [], placement: { mode: 'auto' }, placementTouched: false, rev: 0 };
}

const section = { id: 's_1', kind: 'section' } as NodeRow;
const NEW_BOOK = { recordYear: 2025, volumeYear: 2026 };
const NO_YEAR = '区民政局\n\n社会救助\n\n【概况】全区做好社会救助工作，保障困难群众基本生活。\n';

describe('the record year of an import', () => {
  it('an empty book takes the drafts\' year (001: its report dates), and its volume follows', () => {
    const p = proposeYear([draft('特载.txt', seedText('001')), draft('进展情况.txt', seedText('004'))], NEW_BOOK, []);
    expect(p).toMatchObject({ recordYear: 2020, reason: 'drafts', draftYear: 2020, from: 'report-date', file: '特载.txt', years: [2020] });
    expect(yearsAfter(NEW_BOOK, 2020, p)).toEqual({ recordYear: 2020, volumeYear: 2021 });
    // A volume set apart from the record year (a book of two years) is left as it was.
    expect(yearsAfter({ recordYear: 2025, volumeYear: 2027 }, 2020, p)).toEqual({ recordYear: 2020, volumeYear: 2027 });
  });

  it('a volume year a draft names ("2022" above 拱墅年鉴) is taken with the drafts\' year', () => {
    const p = proposeYear([draft('拱墅.txt', seedText('002'))], NEW_BOOK, []);
    expect(p).toMatchObject({ recordYear: 2021, reason: 'drafts', namedVolume: 2022 });
    expect(yearsAfter(NEW_BOOK, 2021, p)).toEqual({ recordYear: 2021, volumeYear: 2022 });
    // The editor's own year: the volume moves along with it.
    expect(yearsAfter(NEW_BOOK, 2019, p)).toEqual({ recordYear: 2019, volumeYear: 2020 });
  });

  it('a book with content keeps its year and says the drafts name another; the same year is said to agree', () => {
    const book = { recordYear: 2021, volumeYear: 2022 };
    expect(proposeYear([draft('下城.txt', seedText('003'))], book, [section])).toMatchObject({ recordYear: 2021, reason: 'kept', draftYear: 2017, from: 'entries' });
    expect(proposeYear([draft('拱墅.txt', seedText('002'))], book, [section])).toMatchObject({ recordYear: 2021, reason: 'same' });
    expect(yearsAfter(book, 2021, proposeYear([], book, [section]))).toEqual(book);
  });

  it('drafts without a year keep the book\'s; drafts still being read or refused are not counted', () => {
    expect(proposeYear([draft('民政.txt', NO_YEAR)], NEW_BOOK, [])).toMatchObject({ recordYear: 2025, reason: 'unknown', years: [] });
    expect(proposeYear([draft('民政.txt', NO_YEAR), draft('下城.txt', seedText('003'), 'recognising')], NEW_BOOK, [])).toMatchObject({ reason: 'unknown' });
  });

  it('drafts that disagree: the year most of them name, all of them listed', () => {
    const p = proposeYear([draft('下城.txt', seedText('003')), draft('临安.txt', seedText('000')), draft('进展.txt', seedText('004'))], NEW_BOOK, []);
    expect(p).toMatchObject({ recordYear: 2020, years: [2020, 2017], file: '临安.txt' });
  });

  it('what the editor types must be a year between 1949 and 2200', () => {
    const p = proposeYear([], NEW_BOOK, []);
    expect([null, '2019', ' 2019 ', '二〇二〇', '19', '1900', '2201'].map((v) => chosenYear(v, p))).toEqual([2025, 2019, 2019, null, null, null, null]);
  });
});
