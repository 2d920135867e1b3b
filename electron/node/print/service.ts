// Web-mode print service: the renderer in a plain browser has no printToPDF, so the dev/preview server answers
// (the protocol renderer/host/webHost.ts speaks):
//   GET  /__yearbook/print         → { available: true, press: Ghostscript found }
//   POST /__yearbook/print         { html, pageWidthMm, pageHeightMm, outline, jobId }  →  application/pdf
//                                  errors: 4xx/5xx { message }; the job stops when the client goes away
//   POST /__yearbook/print/cancel  { jobId }
//   POST /__yearbook/press?mode=gray|cmyk&pdfx=0|1&title=…  application/pdf → the press variant (Ghostscript);
//                                  offered when GET print answers { press: true }
//   GET  /__yearbook/fonts.css, /__yearbook/fonts/…   the bundled faces (print documents and the preview)
// Registered in vite.config.ts: plugins: [yearbookPrintPlugin()].
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PrintToPdfRequestSchema } from '../../../shared/host/host';
import { isUserError } from '../../../shared/model/errors';
import { bundledFontCss, fontResource, PRINT_URL_PREFIX } from './fonts';
import { launchPlaywrightPrinter } from './playwrightPrinter';
import { applyPress, findGhostscript } from './press';
import type { Printer } from './printer';
import { bookResources } from './resources';

type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const MAX_BODY = 200 * 2 ** 20;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface PrintService {
  middleware: Middleware;
  close(): Promise<void>;
}

/** The print middleware; launches Chromium on the first print request and keeps it for the next ones. */
export function createPrintService(opts: { printer?: () => Promise<Printer> } = {}): PrintService {
  let printer: Promise<Printer> | null = null;
  const jobs = new Map<string, AbortController>();
  const getPrinter = () => (printer ??= (opts.printer ?? (() => launchPlaywrightPrinter({ resources: bookResources(new Map(), new Map()) })))());
  const middleware: Middleware = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PRINT_URL_PREFIX)) return next();
    const rel = url.pathname.slice(PRINT_URL_PREFIX.length);
    if (req.method === 'GET' && rel === 'fonts.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' });
      res.end(bundledFontCss());
      return;
    }
    if (req.method === 'GET' && rel.startsWith('fonts/')) {
      const bytes = fontResource(rel);
      if (!bytes) return sendJson(res, 404, { message: 'not found' });
      res.writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return;
    }
    if (req.method === 'GET' && rel === 'print') return sendJson(res, 200, { available: true, press: findGhostscript() !== null });
    if (req.method === 'POST' && rel === 'press') {
      void (async () => {
        const controller = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) controller.abort();
        });
        try {
          const mode = url.searchParams.get('mode');
          if (mode !== 'gray' && mode !== 'cmyk') return sendJson(res, 400, { message: 'mode must be gray or cmyk' });
          const pdf = new Uint8Array(await readBody(req));
          const out = await applyPress(pdf, { mode, pdfx: url.searchParams.get('pdfx') === '1', title: url.searchParams.get('title') ?? '', signal: controller.signal });
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(out.byteLength) });
          res.end(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
        } catch (e) {
          if (!res.headersSent) sendJson(res, isUserError(e) ? 422 : 500, { message: isUserError(e) ? e.message : String(e), key: isUserError(e) ? e.key : undefined });
        }
      })();
      return;
    }
    if (req.method === 'POST' && rel === 'print/cancel') {
      void readBody(req).then((b) => {
        const { jobId } = JSON.parse(b.toString('utf8') || '{}') as { jobId?: string };
        jobs.get(jobId ?? '')?.abort();
        sendJson(res, 200, { cancelled: jobs.has(jobId ?? '') });
      }, (e: unknown) => sendJson(res, 400, { message: String(e) }));
      return;
    }
    if (req.method === 'POST' && rel === 'print') {
      void (async () => {
        let jobId = '';
        try {
          const raw = JSON.parse((await readBody(req)).toString('utf8')) as unknown;
          const parsed = PrintToPdfRequestSchema.safeParse(raw);
          if (!parsed.success) return sendJson(res, 400, { message: `${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'bad request'}`.trim() });
          const job = parsed.data;
          jobId = job.jobId;
          const controller = new AbortController();
          jobs.set(jobId, controller);
          res.on('close', () => {
            if (!res.writableFinished) controller.abort();
          });
          const p = await getPrinter();
          const out = await p.print({
            html: job.html,
            pageWidthMm: job.pageWidthMm,
            pageHeightMm: job.pageHeightMm,
            label: jobId,
            signal: controller.signal,
          });
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(out.pdf.byteLength) });
          res.end(Buffer.from(out.pdf.buffer, out.pdf.byteOffset, out.pdf.byteLength));
        } catch (e) {
          if (!res.headersSent) sendJson(res, isUserError(e) ? 422 : 500, { message: isUserError(e) ? e.message : String(e), key: isUserError(e) ? e.key : undefined });
        } finally {
          jobs.delete(jobId);
        }
      })();
      return;
    }
    next();
  };
  return {
    middleware,
    async close() {
      for (const c of jobs.values()) c.abort();
      if (printer) await (await printer).close();
      printer = null;
    },
  };
}

/** Vite plugin wrapping the service for `vite` (dev) and `vite preview`. Structural types: no vite import here. */
export function yearbookPrintPlugin(): {
  name: string;
  configureServer(server: { middlewares: { use(m: Middleware): void }; httpServer?: { once(ev: 'close', f: () => void): void } | null }): void;
  configurePreviewServer(server: { middlewares: { use(m: Middleware): void }; httpServer?: { once(ev: 'close', f: () => void): void } | null }): void;
} {
  const attach = (server: { middlewares: { use(m: Middleware): void }; httpServer?: { once(ev: 'close', f: () => void): void } | null }) => {
    const service = createPrintService();
    server.middlewares.use(service.middleware);
    server.httpServer?.once('close', () => void service.close());
  };
  return { name: 'yearbook-print', configureServer: attach, configurePreviewServer: attach };
}
