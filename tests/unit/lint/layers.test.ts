// The layer rule must fail the lint on a deliberate violation in each layer, and let legal imports pass.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layer lint rule', () => {
  it.each([
    ['shared/model/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/model/x.ts', "import React from 'react';\nexport const a = React;"],
    ['shared/model/x.ts', "import { a } from '../../renderer/app/App';\nexport const b = a;"],
    // shared/ takes third-party packages from an allowlist: one that needs Node (Buffer) is refused though no
    // rule names it.
    ['shared/import/x.ts', "import iconv from 'iconv-lite';\nexport const a = iconv;"],
    ['shared/import/x.ts', "import mammoth from 'mammoth';\nexport const a = mammoth;"],
    ['shared/export/x.ts', "export const load = () => import('left-pad');"],
    ['renderer/app/x.ts', "import path from 'path';\nexport const a = path;"],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/app/x.ts', "import { a } from '../../electron/node/backups';\nexport const b = a;"],
    ['renderer/app/x.ts', "import { chromium } from 'playwright-core';\nexport const a = chromium;"],
    ['renderer/storage/x.ts', "import { IDBFactory } from 'fake-indexeddb';\nexport const a = IDBFactory;"],
    ['electron/node/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/main/x.ts', "import { a } from '../../renderer/app/App';\nexport const b = a;"],
    ['electron/preload/x.ts', "import fs from 'fs';\nexport const a = fs;"],
    ['electron/cli/x.ts', "export const load = () => import('electron');"],
  ])('rejects %s importing %s', async (file, code) => {
    expect((await layerErrors(file, code)).length).toBe(1);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from 'zod';\nimport { t } from '../i18n';\nexport const a = [z, t];"],
    ['shared/export/x.ts', "import { Packer } from 'docx';\nimport { sha256 } from '@noble/hashes/sha2.js';\nimport { zipSync } from 'fflate';\nexport const a = [Packer, sha256, zipSync];"],
    // The renderer still imports what it needs: React, Lexical, Dexie, mammoth's browser build, pdf.js.
    ['renderer/app/x.ts', "import mammoth from 'mammoth';\nimport { getDocument } from 'pdfjs-dist';\nimport Dexie from 'dexie';\nimport { $getRoot } from 'lexical';\nexport const a = [mammoth, getDocument, Dexie, $getRoot];"],
    ['renderer/app/x.ts', "import { newBook } from '../../shared/model';\nimport React from 'react';\nexport const a = [newBook, React];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nimport { a } from '../node/backups';\nexport const b = [app, fs, a];"],
    ['electron/cli/x.ts', "import fs from 'node:fs';\nimport { a } from '../node/backups';\nexport const b = [fs, a];"],
    ['tests/unit/x.ts', "import fs from 'node:fs';\nimport { app } from 'electron';\nexport const b = [fs, app];"],
  ])('accepts %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
