import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../src/main/menu';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    openScenario: () => calls.push('open'),
    openRecent: (file) => calls.push(`recent ${file}`),
    clearRecent: () => calls.push('clear'),
    showAbout: () => calls.push('about'),
    showDataSources: () => calls.push('sources'),
  };
  return { calls, actions };
}

const sub = (item: MenuItemConstructorOptions | undefined) => item!.submenu as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as unknown as () => void)();
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);

describe('application menu', () => {
  it('has File, Edit, View, Help on Windows and Linux', () => {
    const menu = buildMenuTemplate({ platform: 'linux', appName: 'Response Simulator', recentFiles: [], devTools: false, actions: recorder().actions });
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('puts the app menu first on macOS, with About and Quit', () => {
    const menu = buildMenuTemplate({ platform: 'darwin', appName: 'Response Simulator', recentFiles: [], devTools: false, actions: recorder().actions });
    expect(menu.map((m) => m.label)).toEqual(['Response Simulator', '&File', '&Edit', '&View', '&Help']);
    expect(sub(menu[0]).map((i) => i.role ?? i.label)).toContain('quit');
  });

  it('File > Open Scenario… is CmdOrCtrl+O and opens the dialog', () => {
    const { calls, actions } = recorder();
    const file = sub(buildMenuTemplate({ platform: 'linux', appName: 'R', recentFiles: [], devTools: false, actions })[0]);
    const open = find(file, 'Open Scenario…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(calls).toEqual(['open']);
    expect(file.at(-1)).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it('File > Save Scenario and Save Scenario As… show Ctrl+S and Ctrl+Shift+S without registering them (the page handles the keys)', () => {
    const { calls, actions } = recorder();
    const file = sub(buildMenuTemplate({ platform: 'linux', appName: 'R', recentFiles: [], devTools: false, actions: { ...actions, saveScenario: () => calls.push('save'), saveScenarioAs: () => calls.push('save as') } })[0]);
    const save = find(file, 'Save Scenario');
    const saveAs = find(file, 'Save Scenario As…');
    expect([save?.accelerator, save?.registerAccelerator, saveAs?.accelerator, saveAs?.registerAccelerator]).toEqual(['CmdOrCtrl+S', false, 'CmdOrCtrl+Shift+S', false]);
    click(save);
    click(saveAs);
    expect(calls).toEqual(['save', 'save as']);
  });

  it('lists recent files by name, opens the chosen one, and can clear them', () => {
    const { calls, actions } = recorder();
    const file = sub(buildMenuTemplate({ platform: 'linux', appName: 'R', recentFiles: ['/a/b/base.json', '/c/R&D.json'], devTools: false, actions })[0]);
    const recent = sub(find(file, 'Open Recent'));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['1 base.json', '2 R&&D.json', 'separator', 'Clear Recent']);
    expect(recent[0]!.toolTip).toBe('/a/b/base.json');
    click(recent[1]);
    click(recent[3]);
    expect(calls).toEqual(['recent /c/R&D.json', 'clear']);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const file = sub(buildMenuTemplate({ platform: 'linux', appName: 'R', recentFiles: [], devTools: false, actions: recorder().actions })[0]);
    expect(sub(find(file, 'Open Recent'))).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('Edit and View carry the standard roles; developer tools only when asked', () => {
    const menu = (devTools: boolean) => buildMenuTemplate({ platform: 'linux', appName: 'R', recentFiles: [], devTools, actions: recorder().actions });
    expect(sub(menu(false)[1]).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    const roles = (m: MenuItemConstructorOptions[]) => sub(m[2]).filter((i) => i.role).map((i) => i.role);
    expect(roles(menu(false))).toEqual(['reload', 'forceReload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(menu(true))).toContain('toggleDevTools');
  });

  it('Help offers the data sources and About', () => {
    const { calls, actions } = recorder();
    const help = sub(buildMenuTemplate({ platform: 'win32', appName: 'R', recentFiles: [], devTools: false, actions })[3]);
    click(find(help, 'Data Sources and Licences'));
    click(find(help, 'About R'));
    expect(calls).toEqual(['sources', 'about']);
  });
});
