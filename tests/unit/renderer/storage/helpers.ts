import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { YearbookDb } from '../../../../renderer/storage/db';

/** A fresh, isolated database on an in-memory IndexedDB. */
export function memoryDb(name = 'test'): { db: YearbookDb; indexedDB: IDBFactory } {
  const indexedDB = new IDBFactory();
  return { db: new YearbookDb(name, { indexedDB, IDBKeyRange }), indexedDB };
}
