/**
 * Live mode on the Electron path, minus Electron: the preload's API -> IPC (structured-cloning
 * fake) -> the main process's checked handlers -> the live driver -> a sim worker thread of its
 * own (the fake engine) -> frames streamed back to the page at a capped rate. Also: the outlines
 * call reading the data step's files, and refused arguments naming their JSON path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveDriver } from '../../src/host/live-driver';
import { createMainHandlers } from '../../src/main/api-handlers';
import { writeCrashReport } from '../../src/main/crash-report';
import { readScenarioFile } from '../../src/main/files';
import { registerApi } from '../../src/main/ipc';
import { readMapLayers } from '../../src/main/map-layers';
import { SettingsStore } from '../../src/main/settings';
import type { BuiltinData } from '../../src/node/data/builtin';
import { createNodeSimPool, nodeTimers, type SimWorkerPool } from '../../src/node/pool';
import { createPreloadApi } from '../../src/preload/api';
import { STREAM_CHANNEL, type LiveFrame } from '../../src/shared/protocol';
import { FakeIpc } from './fake-electron';

const worker = path.join(__dirname, 'fixtures', 'live-sim-worker.ts');
const pools: SimWorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

function app(frameIntervalMs = 50) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-live-'));
  const pool = createNodeSimPool({ entry: worker, size: 1 });
  pools.push(pool);
  let livePool: SimWorkerPool | null = null;
  const { store: settings } = SettingsStore.load(path.join(dir, 'settings.json'));
  const ipc = new FakeIpc();
  const handlers = createMainHandlers({
    pool: () => pool,
    settings,
    openDialog: async () => ({ ok: false, reason: 'cancelled' }),
    readFile: readScenarioFile,
    appVersion: '0.1.0',
    workers: pool.size,
    writeCrashReport: (title, details) => writeCrashReport(path.join(dir, 'crash-reports'), title, details, { appVersion: '0.1.0', versions: process.versions, platform: process.platform }),
    live: new LiveDriver({ pool: () => (livePool ??= pool.dedicated()), timers: nodeTimers, now: () => performance.now(), frameIntervalMs }),
    mapLayers: (source) => readMapLayers(source, async () => londonFiles(dir)),
  });
  registerApi(ipc.main, handlers, { isTrustedUrl: (url) => url.startsWith('app://renderer/') });
  return { api: createPreloadApi(ipc.renderer), ipc, dir };
}

/** A built-data folder with small outline files. */
function londonFiles(dir: string): BuiltinData {
  const file = (name: string, value: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, JSON.stringify(value));
    return p;
  };
  const fc = (id: string) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id, name: id }, geometry: { type: 'Point', coordinates: [0, 51] } }] });
  return {
    areas: file('areas.geojson', fc('full')),
    areasDisplay: file('areas-display.geojson', fc('E09000001')),
    bcuBorders: file('bcu-borders.geojson', fc('CW')),
    points: file('demand-points.json', {}),
    bases: file('police-bases.json', {}),
    manifest: file('manifest.json', { attribution: ['Contains OS data'] }),
  };
}

const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('live mode through the Electron host (worker thread of its own)', () => {
  it('streams frames while playing, at a capped rate, and stops on cancel', async () => {
    const { api, ipc } = app(50);
    const frames: LiveFrame[] = [];
    const arrived: number[] = [];
    const done = api.liveStart({ jobId: 'live-a', scenario: { name: 'x', liveEndS: 1e6 }, speed: 600, playing: true }, (f) => {
      frames.push(f);
      arrived.push(performance.now());
    });
    await until(() => frames.length >= 6, 'six frames');
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 600));
    const [first, last] = [count - 1, frames.length - 1];
    const wallS = (arrived[last]! - arrived[first]!) / 1000;
    expect((last - first) / wallS, 'at most one frame per 50 ms').toBeLessThanOrEqual(21);
    const simPerWall = (frames[last]!.tS - frames[first]!.tS) / wallS;
    // 600x, less what a busy machine's late timers cost (each frame covers at most two intervals).
    expect(simPerWall, 'simulated time runs at about 600x').toBeGreaterThan(250);
    expect(simPerWall).toBeLessThan(700);
    expect(frames.every((f, i) => f.seq === i && f.jobId === 'live-a'), 'in order, tagged with the job').toBe(true);
    expect(await api.liveControl('live-a', { kind: 'pause' })).toEqual({ playing: false, speed: 600 });
    expect(await api.liveControl('nope', { kind: 'play' }), 'no such session').toBeNull();
    expect(await api.cancel('live-a')).toBe(true);
    expect(await done).toMatchObject({ ok: true, reason: 'stopped' });
    expect(ipc.listenerCount(STREAM_CHANNEL), 'the frame listener is removed').toBe(0);
  });

  it('steps one event at a time while paused', async () => {
    const { api } = app();
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'live-s', scenario: { name: 'x' } }, (f) => frames.push(f));
    await until(() => frames.length === 1, 'the first frame');
    expect(frames[0]).toMatchObject({ tS: -100, playing: false, speed: 60 });
    await api.liveControl('live-s', { kind: 'step' });
    await until(() => frames.length === 2, 'the step');
    expect(frames[1]!.step).toEqual({ tS: -90, event: 'tick', incident: null, unit: null });
    await api.cancel('live-s');
    await done;
  });

  it("carries a trainer's inject and assign to the session's worker thread; the next frame shows them, a refusal is a value", async () => {
    const { api } = app();
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'live-t', scenario: { name: 'x' } }, (f) => frames.push(f));
    await until(() => frames.length === 1, 'the first frame');
    const injected = await api.liveTrainer('live-t', { kind: 'inject', lon: -0.12, lat: 51.5, grade: 'I' });
    expect(injected).toEqual({ ok: true, kind: 'inject', incident: 100, tS: -100 });
    await until(() => frames.length === 2, 'the frame after the inject');
    expect(frames[1]!.incidents, 'paused, yet the frame shows it').toEqual([{ id: 100, grade: 'I', lon: -0.12, lat: 51.5, state: 'pending', callS: -100, units: [], injected: true }]);
    const candidates = await api.liveTrainer('live-t', { kind: 'candidates', incident: 100 });
    expect(candidates?.ok && candidates.kind === 'candidates' && candidates.candidates.map((c) => [c.unit, c.etaS]), 'unreachable is null, not Infinity').toEqual([
      ['U1', 240],
      ['U3', null],
    ]);
    expect(await api.liveTrainer('live-t', { kind: 'assign', incident: 100, unit: 'U2' })).toEqual({ ok: false, kind: 'assign', reason: 'UNIT_OFF_DUTY', message: 'unit U2 is off duty' });
    expect(await api.liveTrainer('live-t', { kind: 'assign', incident: 100, unit: 'U1' })).toMatchObject({ ok: true, kind: 'assign', unit: 'U1', etaS: 240 });
    await until(() => frames.at(-1)!.incidents[0]?.state === 'assigned', 'the frame showing the assignment');
    expect(frames.every((f, i) => f.seq === i), 'frames in order').toBe(true);
    expect(await api.liveTrainer('nope', { kind: 'candidates', incident: 100 }), 'no such session').toBeNull();
    await api.cancel('live-t');
    await done;
  });

  it('recovers from a crashed live worker: the session ends with the reason and a crash report, and a new one runs', async () => {
    const { api, dir } = app();
    const outcome = await api.liveStart({ jobId: 'live-c', scenario: { name: 'x', liveCrash: true }, speed: 600, playing: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ kind: 'worker-crashed', message: 'sim worker exited with code 3' });
    const report = (outcome.error as { crashReport?: string }).crashReport!;
    expect(report.startsWith(path.join(dir, 'crash-reports'))).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('live session: live-c');

    const frames: LiveFrame[] = [];
    const again = api.liveStart({ jobId: 'live-d', scenario: { name: 'x' } }, (f) => frames.push(f));
    await until(() => frames.length === 1, 'a frame from a fresh worker');
    await api.cancel('live-d');
    expect(await again).toMatchObject({ ok: true, reason: 'stopped' });
  });

  it('returns an invalid scenario as a value', async () => {
    const { api } = app();
    expect(await api.liveStart({ jobId: 'live-i', scenario: { title: 'no name' } })).toEqual({
      ok: false,
      error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] },
    });
  });

  it('refuses bad arguments with the channel and JSON path, before any worker is asked', async () => {
    const { api } = app();
    await expect(api.liveStart({ jobId: 'x', scenario: {}, speed: 7 as never })).rejects.toThrow(/api:liveStart: bad arguments: args\[0\]\.speed/);
    await expect(api.liveControl('x', { kind: 'speed', speed: 'warp' } as never)).rejects.toThrow(/api:liveControl: bad arguments: args\[1\]\.speed/);
    await expect(api.liveControl('x', { kind: 'jump' } as never)).rejects.toThrow(/api:liveControl: bad arguments: args\[1\]/);
    await expect(api.liveTrainer('x', { kind: 'inject', lon: 0, lat: 91, grade: 'I' })).rejects.toThrow(/api:liveTrainer: bad arguments: args\[1\]\.lat/);
    await expect(api.liveTrainer('x', { kind: 'inject', lon: 0, lat: 51, grade: 'R' } as never)).rejects.toThrow(/api:liveTrainer: bad arguments: args\[1\]\.grade/);
    await expect(api.mapLayers('' as never)).rejects.toThrow(/api:mapLayers: bad arguments: args\[0\]/);
  });

  it('answers the outlines of the built-in boroughs, and says which sets it has not', async () => {
    const { api } = app();
    const outcome = await api.mapLayers('london-boroughs');
    expect(outcome.ok && outcome.layers.areas.features[0]!.properties.id).toBe('E09000001');
    expect(outcome.ok && outcome.layers.bcus?.features[0]!.properties.id).toBe('CW');
    expect(outcome.ok && outcome.layers.attribution).toEqual(['Contains OS data']);
    expect(await api.mapLayers('paris')).toEqual({ ok: false, message: 'no built-in outlines for "paris" (known: london-boroughs)' });
  });
});

describe('readMapLayers', () => {
  it('names the file that is damaged, and passes on why the data could not be found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-layers-'));
    const files = londonFiles(dir);
    writeFileSync(files.bcuBorders, '{"type": "Feature"}');
    expect(await readMapLayers('london-boroughs', async () => files)).toEqual({ ok: false, message: `${files.bcuBorders}: expected a GeoJSON FeatureCollection` });
    writeFileSync(files.areasDisplay, '{');
    expect(await readMapLayers('london-boroughs', async () => files)).toMatchObject({ ok: false, message: expect.stringContaining(`${files.areasDisplay}: not JSON`) });
    expect(await readMapLayers('london-boroughs', async () => Promise.reject(new Error('no London data in /x (missing boundaries/london_boroughs.geojson)')))).toEqual({
      ok: false,
      message: 'no London data in /x (missing boundaries/london_boroughs.geojson)',
    });
  });
});
