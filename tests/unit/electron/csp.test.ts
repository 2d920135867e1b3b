// One Content-Security-Policy for the application pages: the meta element of the built index.html (Vite) and
// the header of the Electron shell's app:// responses come from shared/host/csp.ts and differ only in
// frame-ancestors, which a meta policy cannot carry.
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../electron/node/protocol';
import { APP_CSP, APP_CSP_META } from '../../../shared/host/csp';
import viteConfig from '../../../vite.config';

const directives = (csp: string) => csp.split(/;\s*/).filter(Boolean);

describe('Content-Security-Policy', () => {
  it('is one policy: the header the shell sends adds only frame-ancestors to what the built page carries', () => {
    const header = securityHeaders()['Content-Security-Policy']!;
    expect(header).toBe(APP_CSP);
    expect(directives(header).filter((d) => !directives(APP_CSP_META).includes(d))).toEqual(["frame-ancestors 'none'"]);
    expect(directives(APP_CSP_META).every((d) => directives(header).includes(d))).toBe(true);
  });

  it('is strict: nothing remote, no inline or eval scripts, no inline styles', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).not.toMatch(/https?:|\*|unsafe-/);
    expect(APP_CSP).toContain("object-src 'none'");
  });

  it('is what Vite writes into the built index.html', async () => {
    const config = viteConfig as { plugins: unknown[] };
    const plugin = config.plugins.flat().find((p) => (p as { name?: string })?.name === 'yearbook-csp') as { transformIndexHtml: () => { attrs: Record<string, string> }[] };
    expect(plugin.transformIndexHtml()).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP_META }, injectTo: 'head-prepend' }]);
  });
});
