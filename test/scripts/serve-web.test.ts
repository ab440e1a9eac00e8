/** `npm run web`: a static server for dist-web on 127.0.0.1 that prints its address. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'serve-web.mjs');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-site-'));
  mkdirSync(path.join(dir, 'site', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'site', 'assets', 'a.js'), 'export {}');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  return path.join(dir, 'site');
}

/** Starts the server and resolves with the address it printed. */
function start(dir: string, ...extra: string[]): Promise<string> {
  const child = spawn(process.execPath, [script, '--dir', dir, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('serve-web', () => {
  it('prints its address and serves the site with content types', async () => {
    const base = await start(site());
    const index = await fetch(base);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await fetch(new URL('assets/a.js', base));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {}');
  });

  it('makes the page cross-origin isolated (shared memory for the cancel board), unless told not to', async () => {
    const base = await start(site());
    for (const file of ['', 'assets/a.js']) {
      const response = await fetch(new URL(file, base));
      expect(response.headers.get('cross-origin-opener-policy'), file).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy'), file).toBe('credentialless');
    }
    const plain = await fetch(await start(site(), '--no-isolation'));
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(plain.headers.get('cross-origin-embedder-policy')).toBeNull();
  });

  it('answers 404 outside the site and for missing files', async () => {
    const base = await start(site());
    for (const p of ['missing.js', '..%2fsecret.txt', 'assets/..%2f..%2fsecret.txt', '%00']) {
      expect((await fetch(base + p)).status, p).toBe(404);
    }
  });

  it('says to build first when the folder has no site, in one line', () => {
    const run = spawnSync(process.execPath, [script, '--dir', mkdtempSync(path.join(tmpdir(), 'rs-empty-'))], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^npm run web: .* has no index\.html; run npm run build:web first$/);
  });
});
