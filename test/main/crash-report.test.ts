import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorDetails, writeCrashReport } from '../../src/main/crash-report';

const context = { appVersion: '0.1.0', versions: { electron: '40.8.5', node: '22.0.0', uv: '1' }, platform: 'linux' };
const when = new Date('2026-11-22T10:11:12.345Z');

describe('crash reports', () => {
  it('writes title, time, versions and details to a new file', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rs-crash-')), 'reports');
    const file = writeCrashReport(dir, 'Run failed!', 'stack here', context, when);
    expect(path.basename(file)).toBe('2026-11-22T10-11-12-345Z-run-failed.txt');
    expect(readFileSync(file, 'utf8')).toBe(
      'Response Simulator crash report: Run failed!\ntime: 2026-11-22T10:11:12.345Z\napp: 0.1.0 (linux; electron 40.8.5, node 22.0.0)\n\nstack here\n',
    );
  });

  it('never overwrites an earlier report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-crash-'));
    const a = writeCrashReport(dir, 'x', 'first', context, when);
    const b = writeCrashReport(dir, 'x', 'second', context, when);
    expect(b).not.toBe(a);
    expect(readFileSync(a, 'utf8')).toContain('first');
    expect(path.basename(b)).toBe('2026-11-22T10-11-12-345Z-x-2.txt');
  });

  it('uses an error\'s stack, or its text', () => {
    expect(errorDetails(new Error('bad'))).toMatch(/^Error: bad\n\s+at /);
    expect(errorDetails('plain')).toBe('plain');
  });
});
