// ESLint plugin enforcing the layer rules (VS Code style: imports only point downwards).
//
//   shared/            pure core: imports only shared/ and the platform-free packages of SHARED_PACKAGES (an allowlist)
//   renderer/          React app: shared/ + renderer/; no Node built-ins, no electron
//   electron/node/     Node services: shared/ + electron/node/; no electron module (testable in plain Node)
//   electron/cli/      the `yearbook` command: shared/ + electron/node/ + electron/cli/; no electron module
//   electron/main/     main process: shared/ + electron/node/ + electron/main/ + the electron module
//   electron/preload/  preload bridge: shared/ + electron/preload/ + the electron module; no Node built-ins
//   tests/, tools      unrestricted
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A file path, not the URL's pathname: that one is percent-encoded (a checkout under D:\\年鉴\\ or a folder with a
// space) and starts /C:/ on Windows, and every file would then seem outside the layers and pass unchecked.
const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Layer of a repo-relative path, or null when unrestricted. Order matters: most specific first. */
function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/node/')) return 'electron/node';
  if (p.startsWith('electron/cli/')) return 'electron/cli';
  if (p.startsWith('electron/main/')) return 'electron/main';
  if (p.startsWith('electron/preload/')) return 'electron/preload';
  if (p.startsWith('electron/')) return 'electron/main';
  return null;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Packages that tie code to a platform (DOM, React, editor, storage, browser automation, Electron). */
const PLATFORM_PACKAGES = [
  'electron', 'react', 'react-dom', 'lexical', '@lexical/', 'dexie', 'dexie-react-hooks', 'dompurify',
  'playwright', 'playwright-core', '@playwright/', 'vite', 'jsdom', 'fake-indexeddb', 'pdfjs-dist',
];

/**
 * The only third-party packages shared/ may import: each is pure JavaScript that runs unchanged in the browser,
 * in Node and in a worker (no DOM, no Node built-ins). A package missing here is refused in shared/ — add it
 * only after checking that, e.g. mammoth and iconv-lite need Node's Buffer and stay out.
 */
export const SHARED_PACKAGES = [
  'zod', // schemas of the book model and the host messages
  'fflate', // ZIP of the book file, zlib of the generator's PNGs
  'pdf-lib', // PDF assembly and the preflight's reading of PDFs
  '@noble/hashes', // SHA-256 of book-file parts and assets
  'parse5', // HTML parsing for pasted and DOCX (mammoth) HTML
  'pinyin-pro', // pinyin sort keys of the index
  'jschardet', // text-encoding detection of imported drafts
  'docx', // writing Word documents (packed to a Uint8Array, no Buffer)
];

/** Packages that run only in Node (build and test tools, Node-only stand-ins for browser APIs): never in the renderer. */
const NODE_ONLY_PACKAGES = ['playwright', 'playwright-core', '@playwright/', 'vite', 'jsdom', 'fake-indexeddb', 'electron-builder', 'vitest'];

const RULES = {
  shared: { layers: ['shared'], node: false, electron: false, platform: false, allowlist: SHARED_PACKAGES },
  renderer: { layers: ['shared', 'renderer'], node: false, electron: false, platform: true, denied: NODE_ONLY_PACKAGES },
  'electron/node': { layers: ['shared', 'electron/node'], node: true, electron: false, platform: true },
  'electron/cli': { layers: ['shared', 'electron/node', 'electron/cli'], node: true, electron: false, platform: true },
  'electron/main': { layers: ['shared', 'electron/node', 'electron/main'], node: true, electron: true, platform: true },
  'electron/preload': { layers: ['shared', 'electron/preload'], node: false, electron: true, platform: true },
};

/** Package name of a bare specifier: "docx", "@noble/hashes/sha2.js" → "@noble/hashes". */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function inList(list, spec) {
  return list.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)));
}

function check(context, node, spec) {
  if (typeof spec !== 'string') return;
  const file = context.filename ?? context.getFilename();
  const fromLayer = layerOf(path.relative(ROOT, file));
  if (!fromLayer) return;
  const rule = RULES[fromLayer];
  const report = (why) => context.report({ node, messageId: 'layer', data: { from: fromLayer, spec, why } });

  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.relative(ROOT, path.resolve(path.dirname(file), spec));
    const toLayer = layerOf(target);
    if (target.startsWith('..')) return report('it leaves the repository');
    if (toLayer && !rule.layers.includes(toLayer)) report(`${fromLayer} may import only ${rule.layers.join(', ')}`);
    else if (!toLayer && !target.startsWith('node_modules')) report('it points outside the layered source folders');
    return;
  }
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0])) {
    if (!rule.node) report('Node built-ins are not available in this layer');
    return;
  }
  if (spec === 'electron' || spec.startsWith('electron/')) {
    if (!rule.electron) report('only electron/main and electron/preload may import electron');
    return;
  }
  if (rule.denied && inList(rule.denied, spec)) report('this package runs only in Node (a build or test tool)');
  else if (!rule.platform && inList(PLATFORM_PACKAGES, spec)) report('the shared core must stay free of DOM, UI, storage and platform packages');
  else if (rule.allowlist && !rule.allowlist.includes(packageName(spec))) {
    report(`"${packageName(spec)}" is not one of the packages shared/ may use (SHARED_PACKAGES in eslint.layers.mjs: ${rule.allowlist.join(', ')})`);
  }
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer rules between shared/, renderer/ and electron/' },
    messages: { layer: 'Layer violation in {{from}}: "{{spec}}" — {{why}}.' },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration: (n) => check(context, n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(context, n.source, n.source.value),
      ExportAllDeclaration: (n) => check(context, n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(context, n.source, n.source.value),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') {
          check(context, n.arguments[0], n.arguments[0].value);
        }
      },
      TSImportType: (n) => {
        const lit = n.argument?.literal ?? n.argument;
        if (lit?.type === 'Literal') check(context, lit, lit.value);
      },
    };
  },
};

export default { meta: { name: 'yearbook-layers' }, rules: { imports: importsRule } };
