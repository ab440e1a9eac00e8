/**
 * The desktop's trust boundary (issue 13 item 3), end to end with the real sim worker
 * (src/node/sim-worker.ts, the real engine): a scenario sent by the page may name data only by a
 * built-in set or by a file the user granted through a dialog; anything else is refused at its
 * field, without reading the file, echoing it, or writing a crash report.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveDriver } from '../../src/host/live-driver';
import { createMainHandlers } from '../../src/main/api-handlers';
import { writeCrashReport } from '../../src/main/crash-report';
import { readScenarioFile } from '../../src/main/files';
import { GrantedPaths } from '../../src/main/grants';
import { registerApi } from '../../src/main/ipc';
import { SettingsStore } from '../../src/main/settings';
import { createNodeSimPool, nodeTimers, type SimWorkerPool } from '../../src/node/pool';
import { createPreloadApi } from '../../src/preload/api';
import { FakeIpc } from './fake-electron';

const realWorker = path.join(__dirname, '..', '..', 'src', 'node', 'sim-worker.ts');
const small = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'assets', 'scenarios', 'small.json'), 'utf8')) as Record<string, unknown> & {
  demand: Record<string, unknown> & { points: { lon: number; lat: number; weight: number }[] };
};
const SECRET = 'TOP-SECRET-do-not-echo';

const pools: SimWorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

/** A folder with a points file, a scenario naming it by absolute path, and a secret file. */
function files() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-trust-'));
  const points = path.join(dir, 'points.json');
  const pts = small.demand.points;
  writeFileSync(points, JSON.stringify({ lon: pts.map((p) => p.lon), lat: pts.map((p) => p.lat), weight: pts.map((p) => p.weight) }));
  const { points: _inline, ...demand } = small.demand;
  const scenario = { ...small, demand: { ...demand, pointsSource: points } };
  const scenarioFile = path.join(dir, 'scenario.json');
  writeFileSync(scenarioFile, JSON.stringify(scenario));
  const secret = path.join(dir, 'secret.txt');
  writeFileSync(secret, SECRET);
  return { dir, points, scenario, scenarioFile, secret };
}

function app(dialogFile: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-trust-app-'));
  const { store: settings } = SettingsStore.load(path.join(dir, 'settings.json'));
  const grants = new GrantedPaths(() => settings.get().recentFiles);
  const pool = createNodeSimPool({ entry: realWorker, size: 1, grants });
  pools.push(pool);
  const ipc = new FakeIpc();
  const crashDir = path.join(dir, 'crash-reports');
  const handlers = createMainHandlers({
    pool: () => pool,
    settings,
    openDialog: () => readScenarioFile(dialogFile),
    readFile: readScenarioFile,
    appVersion: '0.1.0',
    workers: pool.size,
    writeCrashReport: (title, details) => writeCrashReport(crashDir, title, details, { appVersion: '0.1.0', versions: process.versions, platform: process.platform }),
    live: new LiveDriver({ pool: () => pool.dedicated(), timers: nodeTimers, now: () => performance.now() }),
    mapLayers: async () => ({ ok: false, message: 'not used here' }),
    grants,
  });
  registerApi(ipc.main, handlers, { isTrustedUrl: (url) => url.startsWith('app://renderer/') });
  return { api: createPreloadApi(ipc.renderer), crashDir, grants };
}

describe('desktop trust boundary (real sim worker)', () => {
  it('refuses files the user did not grant, at their field, echoing nothing and writing no crash report; runs them once granted', async () => {
    const f = files();
    const { api, crashDir } = app(f.scenarioFile);

    const refusedPoints = await api.runScenario({ jobId: 'p', scenario: f.scenario, days: 0.1 });
    expect(refusedPoints.ok).toBe(false);
    if (refusedPoints.ok || refusedPoints.error.kind !== 'invalid-scenario') throw new Error(JSON.stringify(refusedPoints));
    expect(refusedPoints.error.errors).toHaveLength(1);
    expect(refusedPoints.error.errors[0]!.path).toBe('demand.pointsSource');
    expect(refusedPoints.error.errors[0]!.message).toMatch(/is neither a built-in data set \(london-lsoa\) nor a file you opened in this app/);

    for (const [field, scenario] of [
      ['areas.source', { ...f.scenario, areas: { source: f.secret } }],
      ['demand.pointsSource', { ...f.scenario, demand: { ...f.scenario.demand, pointsSource: f.secret } }],
      ['demand.pointsSource', { ...f.scenario, demand: { ...f.scenario.demand, pointsSource: 'points.json' } }],
    ] as const) {
      const outcome = await api.runScenario({ jobId: `s-${field}`, scenario, days: 0.1 });
      const text = JSON.stringify(outcome);
      expect(!outcome.ok && outcome.error.kind, text).toBe('invalid-scenario');
      expect(!outcome.ok && outcome.error.kind === 'invalid-scenario' && outcome.error.errors.map((e) => e.path)).toContain(field);
      expect(text, 'nothing of the file comes back').not.toContain(SECRET);
      expect(text, 'no stack trace').not.toMatch(/\n\s+at /);
    }
    const live = await api.liveStart({ jobId: 'l', scenario: { ...f.scenario, areas: { source: f.secret } }, days: 0.1 });
    expect(!live.ok && live.error.kind === 'invalid-scenario' && live.error.errors[0]!.path).toBe('areas.source');
    expect(JSON.stringify(live)).not.toContain(SECRET);
    expect(existsSync(crashDir), 'a refusal is not a crash: no report').toBe(false);

    // The user opens the scenario: it and the points file it names are granted; the same worker sees it.
    const opened = await api.openScenarioFile();
    expect(opened.ok).toBe(true);
    const run = await api.runScenario({ jobId: 'ok', scenario: (opened.ok ? opened.file.raw : {}) as Record<string, unknown>, days: 0.1 });
    expect(run.ok, JSON.stringify(run).slice(0, 300)).toBe(true);

    // Granting the scenario did not grant its folder.
    const still = await api.runScenario({ jobId: 's2', scenario: { ...f.scenario, areas: { source: f.secret } }, days: 0.1 });
    expect(!still.ok && still.error.kind === 'invalid-scenario' && still.error.errors[0]!.path).toBe('areas.source');
  }, 60_000);

  it('a granted file that is not what its field needs is a scenario problem at the field, not a crash', async () => {
    const f = files();
    const { api, crashDir, grants } = app(f.scenarioFile);
    grants.grant(f.secret);
    const outcome = await api.runScenario({ jobId: 'g', scenario: { ...f.scenario, demand: { ...f.scenario.demand, pointsSource: f.secret } }, days: 0.1 });
    expect(!outcome.ok && outcome.error.kind === 'invalid-scenario' && outcome.error.errors[0]!.path).toBe('demand.pointsSource');
    expect(existsSync(crashDir)).toBe(false);
  }, 60_000);

  it('the page cannot point the workers at a data folder of its choosing', async () => {
    const f = files();
    const { api } = app(f.scenarioFile);
    await expect(api.updateSettings({ dataDir: '/etc' })).rejects.toThrow('updateSettings: dataDir: only a folder the user picked in a dialog may be set');
    expect((await api.updateSettings({ dataDir: null })).dataDir).toBeNull();
  });
});
