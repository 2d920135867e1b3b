// The import worker: reads and recognises files away from the page, so the window stays responsive and
// 取消 can stop a long recognition by terminating the worker (runner.ts).
import { failureOf, type WorkerReply, type WorkerRequest } from './runner';
import { recogniseRequest, SourceCache } from './work';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };
const cache = new SourceCache();
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'forget') {
    cache.forget(m.fileId);
    return;
  }
  const { job, req } = m;
  // One file at a time, in the order asked.
  queue = queue.then(async () => {
    try {
      const result = await recogniseRequest(cache, req, (stage) => scope.postMessage({ type: 'progress', job, stage }));
      scope.postMessage({ type: 'done', job, result });
    } catch (err) {
      scope.postMessage({ type: 'failed', job, failure: failureOf(err) });
    }
  });
};
