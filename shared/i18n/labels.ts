// Short labels the app and the editor draw around the book's own text: the brand mark, language names, the
// punctuation joining a label to its value or the items of a list in the interface's language, the
// 表N / 图N labels and attribution suffixes of the read-only view and the editor, the table toolbar's compact
// buttons, placeholders. Kept apart from the feature catalogs so that their owners' edits do not collide.
const zh = {
  // App chrome
  'label.brandMark': '志',
  'label.lang.zh': '中文',
  'label.lang.en': 'English',
  'label.wan': '{n}万',
  'label.defaultBookName': '书稿',
  // Punctuation that joins interface words (not the book's text: names and titles stay as written)
  'label.lead': '{label}：',
  'label.pair': '{label}：{value}',
  'label.withNote': '{text}（{note}）',
  'label.paren': '（{text}）',
  'label.listSep': '、',
  'label.groupSep': '；',
  // The book's printed forms, in views of the book
  'label.tableNumber': '表{n}',
  'label.figureNumber': '图{n}',
  'label.attribution.unit': '{names} 供稿',
  'label.attribution.reviewer': '审稿：',
  'label.attribution.unitSuffix': ' 供稿',
  'label.attribution.photoSuffix': '提供',
  // The table toolbar's compact buttons (the full names are the editor commands' labels)
  'label.table.rowAbove': '↥行',
  'label.table.rowBelow': '↧行',
  'label.table.colLeft': '↤列',
  'label.table.colRight': '↦列',
  'label.table.deleteRow': '－行',
  'label.table.deleteCol': '－列',
  'label.table.merge': '合并',
  'label.table.unmerge': '拆分',
  'label.table.headerRow': '表头',
  'label.table.properties': '属性…',
  'label.table.delete': '删表',
  // Placeholders of the table dialogs
  'label.placeholder.unitNote': '单位：万元',
  'label.placeholder.tableNote': '资料来源：区统计局',
} as const;

const en: Record<keyof typeof zh, string> = {
  'label.brandMark': '志',
  // Language names are written in their own language in every interface language.
  'label.lang.zh': '中文',
  'label.lang.en': 'English',
  'label.wan': '{n} × 10,000',
  'label.defaultBookName': 'Book',
  'label.lead': '{label}: ',
  'label.pair': '{label}: {value}',
  'label.withNote': '{text} ({note})',
  'label.paren': '({text})',
  'label.listSep': ', ',
  'label.groupSep': '; ',
  'label.tableNumber': 'Table {n}',
  'label.figureNumber': 'Figure {n}',
  'label.attribution.unit': '{names}, contributed',
  'label.attribution.reviewer': 'Reviewed: ',
  'label.attribution.unitSuffix': ', contributed',
  'label.attribution.photoSuffix': ' (photo)',
  'label.table.rowAbove': '↥Row',
  'label.table.rowBelow': '↧Row',
  'label.table.colLeft': '↤Col',
  'label.table.colRight': '↦Col',
  'label.table.deleteRow': '−Row',
  'label.table.deleteCol': '−Col',
  'label.table.merge': 'Merge',
  'label.table.unmerge': 'Split',
  'label.table.headerRow': 'Header',
  'label.table.properties': 'Props…',
  'label.table.delete': 'Delete',
  'label.placeholder.unitNote': 'Unit: 10,000 yuan',
  'label.placeholder.tableNote': 'Source: district statistics bureau',
};

export const labels = { zh, en };
