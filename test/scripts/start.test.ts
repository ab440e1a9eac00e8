/**
 * `npm start` where the Electron binary cannot be had: one line pointing to the browser build,
 * no stack trace, exit code 1. The download is made to fail on purpose (a mirror that refuses
 * connections), so the test means the same on a machine that could download it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const binaryPresent = existsSync(path.join(root, 'node_modules', 'electron', 'dist'));

describe('npm start without the Electron binary', () => {
  it.skipIf(binaryPresent)('builds, tries Electron\'s installer, and fails in one line pointing to npm run web', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: mkdtempSync(path.join(tmpdir(), 'rs-electron-cache-')),
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1', // start must clear it, or the installer would skip silently
      },
    });
    expect(run.status, run.stderr).toBe(1);
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '');
    expect(lines, 'exactly one line of output').toHaveLength(1);
    expect(lines[0]).toMatch(/^npm start: the Electron binary is not installed; downloading it\.\.\. failed \(.*ECONNREFUSED.*\); use the browser build instead: npm run build:web && npm run web$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
