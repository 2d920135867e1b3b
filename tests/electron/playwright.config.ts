// Electron-mode suite: the desktop app itself (main + preload + renderer), launched with Playwright's
// _electron. Run with `npm run test:electron`, which skips plainly where no Electron binary exists.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
