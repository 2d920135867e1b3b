// The work of one recognition request, shared by the import worker and the in-page runner: read the file
// (cached per file and encoding, so a correction only re-runs recognition), then recognise it.
import type { ImportResult } from '../../../shared/import';
import { readPasted, readSource, recogniseSource, type ReadSource } from './read';
import type { RecogniseRequest, Stage } from './runner';

/** Caches the read source of each file (by encoding), so a correction re-runs recognition only. */
export class SourceCache {
  private readonly entries = new Map<string, { encoding: string | undefined; source: ReadSource }>();

  async get(req: RecogniseRequest): Promise<ReadSource> {
    const hit = this.entries.get(req.fileId);
    if (hit && hit.encoding === req.encoding) return hit.source;
    const source = req.pasted ? readPasted(req.name, req.bytes, req.pasted) : await readSource(req.name, req.bytes, req.encoding);
    this.entries.set(req.fileId, { encoding: req.encoding, source });
    return source;
  }

  forget(fileId: string): void {
    this.entries.delete(fileId);
  }
}

/** Reads (or takes from the cache) and recognises; reports the stages. */
export async function recogniseRequest(cache: SourceCache, req: RecogniseRequest, onStage: (s: Stage) => void, yieldNow: () => Promise<void> = async () => undefined): Promise<ImportResult> {
  onStage('reading');
  await yieldNow();
  const source = await cache.get(req);
  onStage('recognising');
  await yieldNow();
  return recogniseSource(source, req.overrides);
}

