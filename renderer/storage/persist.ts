// Asks the browser to keep the app's storage (IndexedDB) under storage pressure. Without it, Chromium may
// evict the data of a site it considers unimportant; Electron grants it. Called once per start; the answer
// is logged and kept in the settings so the About dialog can show it.

export type PersistResult = 'persisted' | 'granted' | 'denied' | 'unsupported';

export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export async function requestPersistence(
  storage: StorageManagerLike | undefined,
  log: (level: 'info' | 'warn', message: string) => void,
): Promise<PersistResult> {
  if (!storage?.persist) {
    log('warn', 'storage.persist() is not available; data may be evicted under storage pressure');
    return 'unsupported';
  }
  try {
    if (storage.persisted && (await storage.persisted())) {
      log('info', 'storage.persist: storage is already persistent');
      return 'persisted';
    }
    const granted = await storage.persist();
    log(granted ? 'info' : 'warn', `storage.persist() answered ${granted}`);
    return granted ? 'granted' : 'denied';
  } catch (e) {
    log('warn', `storage.persist() failed: ${e instanceof Error ? e.message : String(e)}`);
    return 'unsupported';
  }
}
