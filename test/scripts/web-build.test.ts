/**
 * scripts/web-build.mjs: when a browser build counts as current (its stamp matches the sources and
 * the London data folder), and which line of a failed build's output is shown.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
/** The stamp's file name in a build folder (web-build.mjs STAMP_FILE). */
const STAMP = '.build-stamp';

/** Runs `body` (an ES module's text) with web-build.mjs's exports in scope; returns what it printed as JSON. */
function withWebBuild(body: string, env: NodeJS.ProcessEnv = {}): unknown {
  const code = `import * as wb from ${JSON.stringify(path.join(root, 'scripts', 'web-build.mjs'))};\n${body}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('web-build stamp', () => {
  it('is the same for the same inputs and changes with the data folder', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'rs-no-data-'));
    const here = withWebBuild('const a = await wb.webInputs(); const b = await wb.webInputs(); console.log(JSON.stringify([a.stamp, b.stamp]));') as string[];
    expect(here[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(here[1]).toBe(here[0]);
    const other = withWebBuild('console.log(JSON.stringify(await wb.webInputs()));', { RESPONSE_SIM_DATA: empty }) as {
      stamp: string;
      dataDir: string | null;
      dataProblem: string | null;
    };
    expect(other.stamp).not.toBe(here[0]);
    expect(other.dataDir).toBeNull();
    expect(other.dataProblem).toMatch(/^London data incomplete in /);
  });

  it('counts a folder as current only with index.html and the same stamp', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-site-'));
    const check = () => withWebBuild(`console.log(JSON.stringify(wb.isCurrent(${JSON.stringify(dir)}, 'abc')));`);
    expect(check()).toBe(false);
    writeFileSync(path.join(dir, STAMP), 'abc\n');
    expect(check()).toBe(false); // no index.html
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    expect(check()).toBe(true);
    writeFileSync(path.join(dir, STAMP), 'abd\n');
    expect(check()).toBe(false);
  });

  it('shows the line that says what failed, not the one that announces it', () => {
    const output = [
      '\u001b[31m✗\u001b[39m Build failed in 1.19s',
      'error during build:',
      'Build failed with 1 error:',
      '',
      "[UNRESOLVED_IMPORT] Could not resolve './x' in src/web/main.ts",
      '    at somewhere (file.js:1:1)',
    ].join('\n');
    expect(withWebBuild(`console.log(JSON.stringify(wb.problemLine(${JSON.stringify(output)})));`)).toBe(
      "[UNRESOLVED_IMPORT] Could not resolve './x' in src/web/main.ts",
    );
    expect(withWebBuild(`console.log(JSON.stringify(wb.problemLine('one\\ntwo\\n')));`)).toBe('two');
  });
});
