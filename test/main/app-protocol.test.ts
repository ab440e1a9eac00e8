import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppFile, serveAppRequest } from '../../src/main/app-protocol';

const root = mkdtempSync(path.join(tmpdir(), 'rs-renderer-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(path.join(root, 'assets', 'main-abc.js'), 'console.log(1)');
writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');

describe('app:// scheme', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://renderer/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://renderer/assets/main-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'main-abc.js'));
  });

  it('refuses other hosts, schemes and any way out of the folder', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    const outside = path.join(path.dirname(root), 'secret.txt');
    // The URL parser already removes dot segments (also %2e%2e): these stay inside the folder.
    expect(resolveAppFile(root, 'app://renderer/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://renderer/%2e%2e/secret.txt')).not.toBe(outside);
    // An encoded slash survives the parser and is decoded here: caught by the containment check.
    expect(resolveAppFile(root, 'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://renderer/%00')).toBeNull();
    expect(resolveAppFile(root, 'app://renderer/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await serveAppRequest(root, 'app://renderer/assets/main-abc.js', "default-src 'none'");
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 (with the CSP) for missing files and refused paths', async () => {
    for (const url of ['app://renderer/nope.js', 'app://renderer/%2e%2e/secret.txt', 'app://renderer/assets']) {
      const response = await serveAppRequest(root, url, 'x');
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe('x');
    }
  });

  it('knows the app\'s own pages, and the dev server only when given', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});
