/**
 * MODEL.md: `npm run sim -- run FILE --json` prints only the JSON object on standard output. npm
 * writes a "> script" banner to stdout unless `.npmrc` keeps it quiet (loglevel=silent); and a
 * failing script must end with its own message only, not npm's JSON error object (which json=true
 * would add). These run npm itself, as a user does, so that a change to `.npmrc` or to a script
 * cannot break either unseen.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The environment of a user's shell: without the npm_config_* that an outer `npm test --loglevel=...` passes down, which would override `.npmrc`. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', RESPONSE_SIM_NO_BROWSER: '1' };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_loglevel') delete env[key];
  return env;
}

function runNpm(args: string[]) {
  return spawnSync(npm, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: userEnv(),
    timeout: 120_000,
  });
}

describe('npm run sim -- run FILE --json', () => {
  it('prints the results object and nothing else on standard output', () => {
    const r = runNpm(['run', 'sim', '--', 'run', 'assets/scenarios/small.json', '--days', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as { meta: { days: number }; grades: object };
    expect(parsed.meta.days).toBe(1);
    expect(Object.keys(parsed.grades).length).toBeGreaterThan(0);
  });
});

describe('a failing npm script', () => {
  const blob = /"error"\s*:\s*\{|npm error|^> /m;

  it('ends with the command line\'s own message: no npm JSON object, no npm error lines', () => {
    const r = runNpm(['run', 'sim', '--', 'run', 'assets/scenarios/no-such-file.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toMatch(blob);
    expect(r.stderr).not.toMatch(blob);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such-file.json');
  });

  it('npm start that cannot start prints its one line and nothing else', async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    try {
      const r = runNpm(['start', '--', '--web', '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^npm start: port ${port} on 127\\.0\\.0\\.1 is in use`))]);
    } finally {
      server.close();
    }
  });
});
