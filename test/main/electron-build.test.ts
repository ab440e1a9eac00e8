/**
 * `electron-vite build` makes the three bundles, the preload stays sandboxable (it requires nothing
 * but electron), and the built sim worker runs the real simulator under plain Node, as the main
 * process will start it. The Electron binary is not needed (nor launched).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSimPool, runBatch } from '../../src/node/pool';

const root = path.resolve(__dirname, '..', '..');
// Inside the checkout (out/ is git-ignored) so the bundles resolve node_modules as in the app.
const outDir = path.join(root, 'out', `.test-build-${process.pid}`);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'pipe',
  });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('electron-vite build', () => {
  it('writes the main, sim worker, preload and renderer bundles', () => {
    for (const file of ['main/index.js', 'main/sim-worker.js', 'preload/index.js', 'renderer/index.html']) {
      expect(existsSync(path.join(outDir, file)), file).toBe(true);
    }
  });

  it('bundles the preload into one file that requires only electron (sandbox)', () => {
    const preload = readFileSync(path.join(outDir, 'preload', 'index.js'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("api"');
  });

  it('gives the renderer page no inline script', () => {
    const html = readFileSync(path.join(outDir, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html.match(/<script\b[^>]*>[^<]+<\/script>/), 'no inline script body (the CSP forbids it)').toBeNull();
  });

  it("main's road coverage chunk (loaded on demand by mapLayers) runs under plain Node and gives a valid layer", { timeout: 120_000 }, async () => {
    const chunk = readdirSync(path.join(outDir, 'main', 'chunks')).find((f) => f.startsWith('coverage-'));
    expect(chunk, 'a chunk of its own, not in the start-up bundle').toBeDefined();
    const { ensureRoadCoverage } = (await import(path.join(outDir, 'main', 'chunks', chunk!))) as typeof import('../../src/node/data/coverage');
    const { readCoverageFile } = await import('../../src/main/map-layers');
    const coverage = await readCoverageFile((await ensureRoadCoverage()).path);
    expect(coverage.network).toBe('london');
    expect(coverage.demand.byBcu.length, 'the 12 BCUs').toBe(12);
  });

  it('the built sim worker runs the small scenario in a worker thread', async () => {
    const pool = createNodeSimPool({ entry: path.join(outDir, 'main', 'sim-worker.js'), size: 1 });
    try {
      const small = JSON.parse(readFileSync(path.join(root, 'assets', 'scenarios', 'small.json'), 'utf8')) as Record<string, unknown>;
      const outcome = await runBatch(pool, { jobId: 'built', scenario: small });
      expect(outcome.ok && outcome.results.calls.offered, 'calls offered').toBeGreaterThan(0);
    } finally {
      pool.close();
    }
  });
});
