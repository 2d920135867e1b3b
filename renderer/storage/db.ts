import { Dexie, type Table } from 'dexie';
import { declareVersions, DB_NAME, type AssetRow, type BookRow, type NodeRow, type RevisionRow, type SectionRow, type SettingRow } from './schema';

/** The app's database. Open one per window; pass a name in tests to keep databases apart. */
export class YearbookDb extends Dexie {
  books!: Table<BookRow, string>;
  nodes!: Table<NodeRow, string>;
  sections!: Table<SectionRow, string>;
  assets!: Table<AssetRow, string>;
  revisions!: Table<RevisionRow, number>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this);
  }
}
