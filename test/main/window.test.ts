import { describe, expect, it } from 'vitest';
import { guardContents, mainWindowOptions, type GuardedContents } from '../../src/main/window';
import { isAppUrl } from '../../src/main/app-protocol';
import { EXTERNAL_LINKS, isAllowedExternalUrl } from '../../src/main/external-links';
import { FULL_ATTRIBUTION, MAP_CREDITS } from '../../src/renderer/map/attribution';

class RecordingContents implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly listeners = new Map<string, (event: { url?: string; preventDefault(): void }, url: string) => void>();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  on(event: string, listener: (event: { url?: string; preventDefault(): void }, url: string) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  /** Fires `event` for `url`; true when the guard prevented it. */
  fire(event: string, url: string): boolean {
    let prevented = false;
    this.listeners.get(event)!({ url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function guarded() {
  const contents = new RecordingContents();
  const opened: string[] = [];
  guardContents(contents, { isAppUrl: (url) => isAppUrl(url), openExternal: (url) => opened.push(url) });
  return { contents, opened };
}

describe('secure window', () => {
  it('isolates and sandboxes the page with no Node and no webviews', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies every window.open, handing only allowlisted attribution and licence pages to the system browser', () => {
    const { contents, opened } = guarded();
    const tries = [
      'https://www.openstreetmap.org/copyright',
      'https://www.openstreetmap.org/copyright#contributors',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://evil.example/phish',
      'https://www.openstreetmap.org/copyright?next=https://evil.example',
      'https://user@www.openstreetmap.org/copyright',
      'http://www.openstreetmap.org/copyright',
      'https://www.openstreetmap.org.evil.example/copyright',
      'https://www.openstreetmap.org/login',
    ];
    for (const url of tries) expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(opened, 'only the allowlisted pages went to the browser').toEqual([
      'https://www.openstreetmap.org/copyright',
      'https://www.openstreetmap.org/copyright#contributors',
    ]);
  });

  it('allows every link the app itself shows in its credits', () => {
    const links = [...MAP_CREDITS, ...FULL_ATTRIBUTION].flatMap((text) => [...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(isAllowedExternalUrl(link), link).toBe(true);
    for (const link of EXTERNAL_LINKS) expect(isAllowedExternalUrl(link), link).toBe(true);
  });

  it('blocks navigation and redirects away from the app, allows its own pages', () => {
    const { contents } = guarded();
    expect(contents.fire('will-navigate', 'https://example.com/'), 'external site').toBe(true);
    expect(contents.fire('will-navigate', 'file:///home/user/'), 'local files').toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/'), 'redirect').toBe(true);
    expect(contents.fire('will-navigate', 'app://renderer/index.html'), 'the app itself').toBe(false);
  });

  it('refuses webviews', () => {
    const { contents } = guarded();
    let prevented = false;
    contents.listeners.get('will-attach-webview')!({ preventDefault: () => (prevented = true) }, '');
    expect(prevented).toBe(true);
  });
});
