// `npm start` in web mode when the fixed port is taken (another instance, another program): it says so in
// Chinese and English and exits, instead of Vite's English error or a silent switch to another port (whose origin
// would show a separate, empty book storage).
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm start, web mode', () => {
  it('refuses a taken port with a message naming it, and exits 1', async () => {
    const env = { ...process.env, YEARBOOK_FORCE_WEB: '1', YEARBOOK_WEB_PORT: String(port) };
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/scripts/start.ts'], { cwd: root, env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(err).toContain(`端口 ${port} 已被占用`);
    expect(err).toContain(`http://127.0.0.1:${port}/`);
    expect(err).toContain(`Port ${port}, which web mode needs, is in use`);
  }, 60_000);
});
