// The sample book 《临安年鉴（2021）》 (records 2020): 特载 with four reports and the category
// 杭州市临安区人民政府 (10 sections, 56 entries, 表6, 图78–84), built from the corpus seeds by the importer.
// Importable everywhere: the renderer (Vite), Node (tsx) and Vitest.
import { parseBook } from '../model/migrate';
import type { Book } from '../model/schema';
import sample from './sample-book.json';

/** A fresh, validated copy of the sample book (callers may change it freely). */
export function loadSampleBook(): Book {
  return parseBook(sample as unknown);
}
