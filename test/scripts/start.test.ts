/**
 * `npm start` (scripts/start.mjs): the desktop window where it can open, else the browser build.
 *
 * The Electron download is made to fail on purpose (a mirror that refuses connections) and no
 * browser is ever opened ($RESPONSE_SIM_NO_BROWSER), so the tests mean the same on any machine. The
 * browser build in dist-web is reused when it is current (scripts/web-build.mjs), else built once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'start.mjs');
const binaryPresent = existsSync(path.join(root, 'node_modules', 'electron', 'dist'));
const unixDesktop = process.platform !== 'darwin' && process.platform !== 'win32';

/** The environment of a machine where Electron's binary cannot be downloaded and no browser opens. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: mkdtempSync(path.join(tmpdir(), 'rs-electron-cache-')),
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1', // start must clear it, or the installer would skip silently
    RESPONSE_SIM_NO_BROWSER: '1',
    ...extra,
  };
}

function runSync(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: env(extra) });
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '');
  return { ...run, lines };
}

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const server of servers.splice(0)) server.close();
});

/** Holds a port on 127.0.0.1 (`port` 0: any); resolves with the port, or null when it is taken already. */
function occupy(port: number): Promise<number | null> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(null) : reject(error)));
    server.listen(port, '127.0.0.1', () => {
      servers.push(server);
      resolve((server.address() as { port: number }).port);
    });
  });
}

describe('npm start where the desktop window cannot open', () => {
  it.skipIf(binaryPresent || !unixDesktop)(
    'says so in one line, serves the browser build on a free port when 4173 is taken, and stops with exit code 0 on Ctrl+C',
    async () => {
      await occupy(4173);
      const child = spawn(process.execPath, [script], { cwd: root, env: env({ DISPLAY: ':99' }), stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /^Response Simulator \(browser build\): (http:\/\/127\.0\.0\.1:(\d+)\/) {2}\(Ctrl\+C to stop\)$/m.exec(stdout);
          if (match && /^(Not opening|Opening|Could not open)/m.test(stdout)) resolve(match[1]!);
        });
        void exited.then(({ code }) => reject(new Error(`start exited with ${code} before serving:\n${stdout}${stderr}`)));
      });
      expect(stderr.split('\n')[0]).toMatch(
        /^npm start: the Electron binary is not installed; downloading it\.\.\. failed \(.*ECONNREFUSED.*\); starting the browser build instead$/,
      );
      expect(new URL(base).port).not.toBe('4173');
      expect(stdout).toContain('Not opening a browser ($RESPONSE_SIM_NO_BROWSER is set); open the address yourself.');

      const page = await fetch(base);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script type="module"[^>]*src="\.\/assets\/index-[^"]+\.js"/);
      const manifest = await fetch(new URL('data/manifest.json', base));
      expect(manifest.status).toBe(200);
      expect((await manifest.json()) as object).toHaveProperty('counts');

      child.kill('SIGINT');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
      await expect(fetch(base)).rejects.toThrow();
    },
    300_000,
  );

  it('says what to do in one line when the chosen port is in use', async () => {
    const port = (await occupy(0))!;
    const run = runSync(['--web', '--port', String(port)]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.lines).toEqual([
      `npm start: port ${port} on 127.0.0.1 is in use; stop what is using it, or choose another with --port N (leave --port out to take a free one)`,
    ]);
  });

  it('says what to do in one line when the London data folder is missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'rs-no-data-'));
    const run = runSync(['--web', '--port', '0'], { RESPONSE_SIM_DATA: empty });
    expect(run.status, run.stderr).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^npm start: the browser build needs the London data: London data incomplete in .*rs-no-data-.* \(\$RESPONSE_SIM_DATA\): missing boundaries\/london_boroughs\.geojson, .*Point \$RESPONSE_SIM_DATA at the London data folder, or put it beside the checkout as \.\.\/shared\/data/);
  });

  it('says so in one line when the build fails, and stops serving', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-bad-dir-'));
    writeFileSync(path.join(dir, 'file'), 'not a folder');
    const run = runSync(['--web', '--port', '0', '--dir', path.join(dir, 'file', 'site')]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.lines.at(-1)).toMatch(/^npm start: building the browser build failed: cannot write into .*file\/site \(ENOTDIR\); `npm run build:web` shows the whole output$/);
    expect(run.lines).toHaveLength(2); // "building..." then the failure
  });

  it('rejects bad options in one line with exit code 2', () => {
    for (const [args, line] of [
      [['--port', 'x'], 'npm start: --port must be a whole number from 0 to 65535, got x'],
      [['--web', '--desktop'], 'npm start: choose one of --web and --desktop'],
    ] as const) {
      const run = runSync([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.lines).toEqual([line]);
    }
  });
});

describe('npm start -- --desktop', () => {
  it.skipIf(binaryPresent || !unixDesktop)('fails in one line when the Electron binary cannot be downloaded, pointing to --web', () => {
    const run = runSync(['--desktop'], { DISPLAY: ':99' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(
      /^npm start: the Electron binary is not installed; downloading it\.\.\. failed \(.*ECONNREFUSED.*\); npm start -- --web runs the same app in the browser$/,
    );
  });

  it.skipIf(!unixDesktop)('fails in one line where there is no display', () => {
    const run = runSync(['--desktop'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.lines).toEqual([
      'npm start: --desktop: the window cannot open here (no display: $DISPLAY is not set); npm start -- --web runs the same app in the browser',
    ]);
  });
});
