// The importer: any text, DOCX or pasted HTML becomes a structured, clean part of a book.
//
//   decode bytes (encoding.ts) ─┐
//   DOCX → HTML (electron/node) ├─▶ SourceDocument ──recognise()──▶ categories + ImportReport
//   pasted HTML (html.ts) ──────┘                                     │
//                                   toOutline() ◀─────────────────────┤
//                                   placeIntoBook() ◀─────────────────┘
export * from './types';
export { recognise, recogniseText, textToUnits, withOverride, normaliseOverrides } from './recognise';
export { toOutline, chapterOutline, reportsOutline, tableOutline } from './outline';
export type { Outline, ChapterOutline, ReportsOutline, TableOutline, MixedOutline, OutlineEntry } from './outline';
export { placeImport, placeImports, bookFromImports, PlacementError } from './place';
export * from './sources';
export type { Placement } from './place';
export { decodeText, checkImportSize, countReplacements, formatSize, normaliseEncodingName, plausibility, MAX_TEXT_BYTES, MAX_DOCX_BYTES, SUPPORTED_ENCODINGS } from './encoding';
export type { DecodedText } from './encoding';
export { htmlToSource } from './html';
export { readRecordYear, titleYear, reportDateYear, headingYear, openingYear, combineYears, newBookYears } from './years';
export type { RecordYear, DraftYears } from './years';
export type { HtmlOptions } from './html';
export { importFileKind, fileExtension, isImportableName, isHiddenName, FOLDER_DEPTH, MAX_FOLDER_FILES, importSizeLimit, FOLDER_IMPORT_EXTENSIONS, looksLikeDocx, checkDocxBytes, DOCX_STYLE_MAP, imageExtension, usedAssetIds, finishImport } from './files';
export type { ImportFileKind } from './files';
