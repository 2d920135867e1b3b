// navigator.storage.persist(): asked once per start, the answer logged and returned for the About dialog and
// the status bar — already persistent, granted, denied, an API that is missing, and one that throws.
import { describe, expect, it, vi } from 'vitest';
import { requestPersistence, type StorageManagerLike } from '../../../../renderer/storage/persist';

function ask(storage: StorageManagerLike | undefined) {
  const log: [string, string][] = [];
  return requestPersistence(storage, (level, message) => log.push([level, message])).then((result) => ({ result, log }));
}

describe('requestPersistence', () => {
  it('reports storage that is already persistent without asking again', async () => {
    const persist = vi.fn(async () => true);
    const r = await ask({ persisted: async () => true, persist });
    expect(r).toEqual({ result: 'persisted', log: [['info', 'storage.persist: storage is already persistent']] });
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks and reports a grant', async () => {
    const persist = vi.fn(async () => true);
    const r = await ask({ persisted: async () => false, persist });
    expect(r).toEqual({ result: 'granted', log: [['info', 'storage.persist() answered true']] });
    expect(persist).toHaveBeenCalledOnce();
  });

  it('reports a refusal as a warning', async () => {
    const r = await ask({ persisted: async () => false, persist: async () => false });
    expect(r).toEqual({ result: 'denied', log: [['warn', 'storage.persist() answered false']] });
  });

  it('asks even where persisted() is missing', async () => {
    const r = await ask({ persist: async () => true });
    expect(r.result).toBe('granted');
  });

  it('says when the API is missing (no navigator.storage, or no persist())', async () => {
    const missing = 'storage.persist() is not available; data may be evicted under storage pressure';
    expect(await ask(undefined)).toEqual({ result: 'unsupported', log: [['warn', missing]] });
    expect(await ask({ persisted: async () => false })).toEqual({ result: 'unsupported', log: [['warn', missing]] });
  });

  it('logs a failing call and carries on', async () => {
    const r = await ask({
      persisted: async () => false,
      persist: async () => {
        throw new Error('The operation is insecure.');
      },
    });
    expect(r).toEqual({ result: 'unsupported', log: [['warn', 'storage.persist() failed: The operation is insecure.']] });
    const odd = await ask({
      persisted: () => Promise.reject('no permission'),
      persist: async () => true,
    });
    expect(odd).toEqual({ result: 'unsupported', log: [['warn', 'storage.persist() failed: no permission']] });
  });
});
