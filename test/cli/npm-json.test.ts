/**
 * MODEL.md: `npm run sim -- run FILE --json` prints only the JSON object on standard output. npm
 * writes a "> script" banner to stdout unless `.npmrc` turns its json mode on; this runs npm itself,
 * as a user does, so that a change to `.npmrc` or to the script cannot break the contract unseen.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli';

describe('npm run sim -- run FILE --json', () => {
  it('prints the results object and nothing else on standard output', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'sim', '--', 'run', 'assets/scenarios/small.json', '--days', '1', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as { meta: { days: number }; grades: object };
    expect(parsed.meta.days).toBe(1);
    expect(Object.keys(parsed.grades).length).toBeGreaterThan(0);
  });
});
