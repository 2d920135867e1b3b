// `npm run build:sample`: imports the corpus seeds into the sample book and writes
// shared/sample/sample-book.json (committed). Run it again whenever the importer improves.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSampleBook, SAMPLE_SOURCES } from '../../../shared/sample/build';

const root = path.resolve(import.meta.dirname, '../../..');
const seeds = path.join(root, 'tests/fixtures/corpus/seeds');
const book = buildSampleBook({
  reports: readFileSync(path.join(seeds, SAMPLE_SOURCES.reports), 'utf8'),
  chapter: readFileSync(path.join(seeds, SAMPLE_SOURCES.chapter), 'utf8'),
});
const out = path.join(root, 'shared/sample/sample-book.json');
writeFileSync(out, `${JSON.stringify(book, null, 1)}\n`);
const cat = book.body.find((c) => c.role === 'regular')!;
process.stderr.write(
  `wrote ${path.relative(root, out)}: ${book.body.length} categories, ${cat.sections.length} sections in ${cat.title}, ` +
    `${book.body[0]!.sections.length} reports in ${book.body[0]!.title}\n`,
);
