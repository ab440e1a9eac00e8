/**
 * The Node bundle (scripts/node-bundle.mjs, scripts/node-run.mjs): stale-bundle detection, the
 * bundle's own define, source-mapped stack traces, and which command runs an entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, ROOT, buildBundle, bundledFile, ensureBundle, nodeEntries, staleReason } from '../../scripts/node-bundle.mjs';
import { HUGE_PAGES_TUNABLE, childEnv, nodeCommand } from '../../scripts/node-run.mjs';
import { BUNDLE_DIR as POOL_BUNDLE_DIR } from '../../src/node/pool/entry';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout of two modules: main.ts imports ./lib.ts, whose `fail` throws on its line 3. */
function fixture(): { root: string; outDir: string; entries: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'rs-bundle-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'src'));
  writeFileSync(
    path.join(root, 'src', 'lib.ts'),
    'export const answer: number = 42;\nexport function fail(): never {\n  throw new Error("lib failed");\n}\n',
  );
  writeFileSync(
    path.join(root, 'src', 'main.ts'),
    'import { answer, fail } from "./lib";\ndeclare const RESPONSE_SIM_BUNDLE: boolean | undefined;\n' +
      'console.log(answer, typeof RESPONSE_SIM_BUNDLE !== "undefined" && RESPONSE_SIM_BUNDLE);\nif (process.argv[2] === "fail") fail();\n',
  );
  return { root, outDir: path.join(root, 'out', 'node'), entries: ['src/main.ts'] };
}

function run(file: string, ...args: string[]): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--enable-source-maps', file, ...args], { encoding: 'utf8' }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
}

describe('the Node bundle', () => {
  it('is stale until built, then fresh, and runs with RESPONSE_SIM_BUNDLE defined', async () => {
    const f = fixture();
    expect(staleReason(f)).toBe('no bundle yet');
    expect(await ensureBundle(f)).toBe('no bundle yet');
    expect(staleReason(f)).toBeNull();
    expect(await ensureBundle(f)).toBeNull();
    const out = run(bundledFile('src/main.ts', f.root, f.outDir));
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe('42 true');
  });

  it('is stale when an imported source changes, not when it is only touched', async () => {
    const f = fixture();
    await buildBundle(f);
    const lib = path.join(f.root, 'src', 'lib.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(lib, later, later);
    expect(staleReason(f)).toBeNull();
    writeFileSync(lib, 'export const answer: number = 43;\nexport function fail(): never {\n  throw new Error("lib failed");\n}\n');
    expect(staleReason(f)).toBe('src/lib.ts changed');
    await ensureBundle(f);
    expect(run(bundledFile('src/main.ts', f.root, f.outDir)).stdout.trim()).toBe('43 true');
  });

  it('is stale when an entry is added, a source is gone or an output is missing', async () => {
    const f = fixture();
    await buildBundle(f);
    expect(staleReason({ ...f, entries: ['src/main.ts', 'src/lib.ts'] })).toBe('the list of entries changed');
    rmSync(bundledFile('src/main.ts', f.root, f.outDir));
    expect(staleReason(f)).toBe('src/main.ts: its bundled file is missing');
    await buildBundle(f);
    rmSync(path.join(f.root, 'src', 'lib.ts'));
    expect(staleReason(f)).toBe('src/lib.ts is gone');
  });

  it('names the source file and line of an error (source maps)', async () => {
    const f = fixture();
    await buildBundle(f);
    const out = run(bundledFile('src/main.ts', f.root, f.outDir), 'fail');
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('lib failed');
    expect(out.stderr).toMatch(/src[/\\]lib\.ts:3/);
  });
});

describe('the checkout\'s entries', () => {
  it('bundle the command line, the sim worker and the benches into the folder the pool looks in', () => {
    const entries = nodeEntries();
    expect(entries).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/node/sim-worker.ts', 'bench/run.ts', 'bench/sim-baseline-run.ts', 'bench/sim-baseline.bench.ts']));
    expect(BUNDLE_DIR).toBe(POOL_BUNDLE_DIR);
    expect(bundledFile('src/node/sim-worker.ts')).toBe(path.join(ROOT, 'out', 'node', 'src', 'node', 'sim-worker.js'));
  });

  it('npm run sim and npm run bench go through the bundle (built here if stale)', () => {
    const launcher = path.join(ROOT, 'scripts', 'node-run.mjs');
    const sim = spawnSync(process.execPath, [launcher, 'src/cli/main.ts', 'validate', 'assets/scenarios/small.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(sim.stderr).toBe('');
    expect(sim.status).toBe(0);
    expect(sim.stdout).toMatch(/^assets\/scenarios\/small\.json: valid\./);
    expect(staleReason()).toBeNull();
    // A bench loaded from the bundle (CommonJS through import()) runs and prints its lines.
    const bench = spawnSync(process.execPath, [launcher, 'bench/run.ts', 'sim-small'], { cwd: ROOT, encoding: 'utf8' });
    expect(bench.stderr).toBe('');
    expect(bench.status).toBe(0);
    expect(bench.stdout).toMatch(/^sim small system \(no geography\), 60 days: run: [\d.]+ s$/m);
    const unknown = spawnSync(process.execPath, [launcher, 'src/nothing.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^node-run: 'src\/nothing\.ts' is not one of the bundled entries/);
  });

  it('ask malloc for huge pages in the child, keeping other tunables, unless turned off or already set', () => {
    expect(childEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: HUGE_PAGES_TUNABLE });
    expect(childEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe(`glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}`);
    const own = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' };
    expect(childEnv(own)).toBe(own);
    const off = { RESPONSE_SIM_HUGE_PAGES: '0' };
    expect(childEnv(off)).toBe(off);
    expect(childEnv({}).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1');
  });

  it('run bundled under plain Node, except the queue worker, which runs from source under tsx', () => {
    expect(nodeCommand('src/cli/main.ts', ['run', 'london'], '/r')).toEqual([process.execPath, '--enable-source-maps', path.join('/r', 'out', 'node', 'src', 'cli', 'main.js'), 'run', 'london']);
    expect(nodeCommand('bench/run.ts', ['sim-baseline'], '/r')).toEqual([process.execPath, '--enable-source-maps', path.join('/r', 'out', 'node', 'bench', 'run.js'), 'sim-baseline']);
    expect(nodeCommand('src/cli/main.ts', ['worker', '--queue', 'redis://h:1'], '/r')).toEqual([process.execPath, '--import', 'tsx', path.join('/r', 'src', 'cli', 'main.ts'), 'worker', '--queue', 'redis://h:1']);
  });
});
