// End-to-end tests: the built renderer (the same files Electron serves, with their Content-Security-Policy)
// in Debian's Chromium, served by `vite preview`. `npx playwright install` cannot download browsers here,
// so the system Chromium is used.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { defineConfig } from '@playwright/test';

function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Several checkouts run their tests on one machine: each gets its own port, derived from its path, so a
 * test never talks to another checkout's server. Override with YEARBOOK_E2E_PORT.
 */
const port = Number(process.env.YEARBOOK_E2E_PORT ?? 20000 + (parseInt(createHash('sha1').update(import.meta.dirname).digest('hex').slice(0, 6), 16) % 20000));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: systemChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
