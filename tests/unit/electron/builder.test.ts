// electron-builder.yml checked against electron-builder's own configuration schema (packaging itself needs
// downloads, so it cannot run here), plus the product facts the installers must carry.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';

const root = path.resolve(import.meta.dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a free-form YAML document
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The schema marks callback options with a non-standard "typeof" keyword.
  ajv.addKeyword({ keyword: 'typeof', validate: (type: string, data: unknown) => typeof data === type });
  return (compiled = ajv.compile(schema));
}

// Compiling electron-builder's schema takes a few seconds on a busy machine.
beforeAll(() => void validator(), 60_000);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not vacuous: a misspelt or mistyped option fails', () => {
    const validate = validator();
    expect(validate({ ...config, productNmae: 'x' })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toBe(false);
  });

  it('names the product and associates .yearbook files', () => {
    expect(config.productName).toBe('年鉴编纂工作台');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'yearbook', mimeType: 'application/vnd.yearbook-workbench+zip' })]);
  });

  it('builds the installers the offices need', () => {
    const targets = (platform: string) =>
      Object.fromEntries((config[platform].target as { target: string; arch: string[] }[]).map((t) => [t.target, [...t.arch].sort()]));
    expect(targets('win')).toEqual({ nsis: ['x64'] });
    expect(targets('linux')).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(targets('mac')).toEqual({ dmg: ['arm64', 'x64'] });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('packs the built app, not node_modules, and points at existing icons', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!node_modules']));
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const icon of [config.win.icon, config.mac.icon, 'build/icon.png', 'build/icons/512x512.png', 'build/icons/16x16.png']) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
    }
    const png = readFileSync(path.join(root, 'build/icons/512x512.png'));
    expect(png.readUInt32BE(16)).toBe(512); // IHDR width
    const icns = readFileSync(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
