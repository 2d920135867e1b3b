import { describe, expect, it } from 'vitest';
import { MenuCommandSchema, type MenuCommand } from '../../../shared/host/host';
import { APP_MENU, menuCommands, type ShellAction } from '../../../shared/host/menu';
import { catalogKeys, t } from '../../../shared/i18n';
import { buildMenuTemplate, type MenuTemplateItem } from '../../../electron/node/menu';

function build(platform: NodeJS.Platform, dev = false) {
  const sent: MenuCommand[] = [];
  const actions: ShellAction[] = [];
  const template = buildMenuTemplate({
    platform,
    dev,
    t: (k) => t(k, {}, 'zh'),
    sendCommand: (c) => sent.push(c),
    shellAction: (a) => actions.push(a),
    appName: '年鉴编纂工作台',
  });
  const find = (top: string, label: string): MenuTemplateItem => {
    const item = template.find((m) => m.label === top)?.submenu?.find((i) => i.label === label);
    if (!item) throw new Error(`no ${top} › ${label}`);
    return item;
  };
  return { template, sent, actions, find };
}

describe('application menu', () => {
  it('has 文件/编辑/视图/帮助 with Chinese labels from the catalog', () => {
    const { template } = build('linux');
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const labels = template.flatMap((m) => (m.submenu ?? []).map((i) => i.label).filter(Boolean));
    expect(labels).toContain('打开书稿文件…');
    expect(labels).toContain('导出印刷 PDF…');
    for (const l of labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends MenuCommands to the renderer', () => {
    const { find, sent } = build('win32');
    find('文件', '保存书稿文件').click!();
    find('编辑', '查找…').click!();
    find('编辑', '撤销').click!();
    find('帮助', '关于年鉴编纂工作台').click!();
    expect(sent).toEqual(['file.save', 'edit.find', 'edit.undo', 'help.about']);
    expect(find('文件', '保存书稿文件').accelerator).toBe('CmdOrCtrl+S');
  });

  it('uses native roles for the clipboard and shell actions for the rest', () => {
    const { find, actions } = build('linux');
    expect(find('编辑', '复制').role).toBe('copy');
    expect(find('编辑', '粘贴').role).toBe('paste');
    expect(find('编辑', '粘贴为纯文本').role).toBe('pasteAndMatchStyle');
    find('帮助', '打开日志文件夹').click!();
    find('文件', '退出').click!();
    expect(actions).toEqual(['openLogFolder', 'quit']);
  });

  it('shows developer tools only in development builds', () => {
    expect(() => build('linux').find('视图', '开发者工具')).toThrow();
    expect(build('linux', true).find('视图', '开发者工具').accelerator).toBe('CmdOrCtrl+Shift+I');
  });

  it('follows macOS conventions: app menu, window menu, quit in the app menu', () => {
    const { template } = build('darwin');
    expect(template[0]).toEqual({ label: '年鉴编纂工作台', role: 'appMenu' });
    expect(template.map((m) => m.label)).toEqual(['年鉴编纂工作台', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(template.find((m) => m.label === '文件')!.submenu!.some((i) => i.label === '退出')).toBe(false);
    const file = template.find((m) => m.label === '文件')!.submenu!;
    expect(file[file.length - 1]!.type).not.toBe('separator');
  });

  it('covers every command in the menu definition, with valid commands, known labels and no clashing shortcuts', () => {
    const { template } = build('linux', true);
    const commands = menuCommands();
    for (const c of commands) expect(MenuCommandSchema.safeParse(c).success).toBe(true);
    expect(new Set(commands).size).toBe(commands.length);
    const keys = new Set(catalogKeys().en);
    for (const m of APP_MENU) {
      expect(keys.has(m.label)).toBe(true);
      for (const i of m.items) if (i.kind !== 'separator') expect(keys.has(i.label)).toBe(true);
    }
    const accels = template.flatMap((m) => (m.submenu ?? []).map((i) => i.accelerator).filter(Boolean));
    expect(new Set(accels).size).toBe(accels.length);
    // The editor's formatting keys stay free.
    for (const k of ['CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U']) expect(accels).not.toContain(k);
  });
});
