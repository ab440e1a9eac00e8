/** The browser API's live mode and outlines: a live session on a Web Worker stand-in, and the outlines fetched from the site. */
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../../src/host/loop';
import { fetchMapLayers } from '../../../src/web/map-layers';
import { createWebApi } from '../../../src/web/web-api';
import type { WorkerLike } from '../../../src/web/web-spawn';
import type { LiveFrame } from '../../../src/shared/protocol';
import { fakeSimulator } from '../../host/fakes';
import { tinyCoverage } from '../map/coverage-fixture';

class LoopWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  private readonly host = createSimHost({
    simulator: fakeSimulator().simulator,
    post: (message) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0),
  });
  postMessage(message: unknown): void {
    setTimeout(() => !this.terminated && void this.host.receive(structuredClone(message)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function webApi() {
  const workers: LoopWorker[] = [];
  const api = createWebApi({
    createWorker: () => {
      const w = new LoopWorker();
      workers.push(w);
      return w;
    },
    workers: 1,
    appVersion: '0.1.0',
    storage: { getItem: () => null, setItem: () => {} },
    pickFile: async () => null,
    liveFrameMs: 20,
  });
  return { api, workers };
}

const until = async (check: () => boolean, what: string) => {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('browser API: live mode', () => {
  it("injects and assigns on the session's worker, streams the frame after each, and refuses bad arguments naming the path", async () => {
    const { api } = webApi();
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'T', scenario: { name: 'x' } }, (f) => frames.push(f));
    await until(() => frames.length === 1, 'the first frame');
    expect(await api.liveTrainer('T', { kind: 'inject', lon: -0.1, lat: 51.45, grade: 'S' })).toEqual({ ok: true, kind: 'inject', incident: 100, tS: -100 });
    await until(() => frames.length === 2, 'the frame after the inject');
    expect(frames[1]!.incidents).toEqual([expect.objectContaining({ id: 100, grade: 'S', injected: true, state: 'pending' })]);
    expect(await api.liveTrainer('T', { kind: 'assign', incident: 100, unit: 'U9' })).toEqual({ ok: false, kind: 'assign', reason: 'NO_SUCH_UNIT', message: 'no unit "U9"' });
    expect(await api.liveTrainer('T', { kind: 'assign', incident: 100, unit: 'U1' })).toMatchObject({ ok: true, unit: 'U1' });
    await until(() => frames.at(-1)!.incidents[0]?.state === 'assigned', 'the frame showing the assignment');
    await expect(api.liveTrainer('T', { kind: 'inject', lon: 200, lat: 51, grade: 'I' })).rejects.toThrow(/liveTrainer: bad arguments: args\[1\]\.lon/);
    await expect(api.liveTrainer('', { kind: 'candidates', incident: 1 })).rejects.toThrow(/liveTrainer: bad arguments: args\[0\]/);
    expect(await api.liveTrainer('nope', { kind: 'candidates', incident: 100 })).toBeNull();
    await api.cancel('T');
    await done;
    api.close();
  });

  it('plays a session on a worker of its own, apart from the batch workers, and stops it on cancel', async () => {
    const { api, workers } = webApi();
    await api.version();
    expect(workers).toHaveLength(1);
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'L', scenario: { name: 'x', liveEndS: 1e6 }, speed: 600, playing: true }, (f) => frames.push(f));
    await until(() => frames.length >= 4, 'frames');
    expect(workers, 'a second worker, for the live session').toHaveLength(2);
    expect(frames.at(-1)!.tS).toBeGreaterThan(frames[0]!.tS);
    expect(await api.liveControl('L', { kind: 'speed', speed: 10 })).toEqual({ playing: true, speed: 10 });
    expect(await api.cancel('L')).toBe(true);
    expect(await done).toMatchObject({ ok: true, reason: 'stopped' });
    api.close();
  });

  it('refuses bad arguments as the desktop does, naming the JSON path', async () => {
    const { api } = webApi();
    await expect(api.liveStart({ jobId: '', scenario: {} })).rejects.toThrow(/liveStart: bad arguments: args\[0\]\.jobId/);
    await expect(api.liveControl('L', { kind: 'speed', speed: 3 } as never)).rejects.toThrow(/liveControl: bad arguments: args\[1\]\.speed/);
    api.close();
  });

  it('ends the session with worker-crashed when its worker dies; the next session gets a fresh worker', async () => {
    const { api, workers } = webApi();
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'C', scenario: { name: 'x' } }, (f) => frames.push(f));
    await until(() => frames.length === 1, 'the first frame');
    const liveWorker = workers.at(-1)!;
    void api.liveControl('C', { kind: 'play' });
    await new Promise((r) => setTimeout(r, 10));
    liveWorker.fail('out of memory');
    expect(await done).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker error: out of memory' } });
    const again: LiveFrame[] = [];
    const next = api.liveStart({ jobId: 'D', scenario: { name: 'x' } }, (f) => again.push(f));
    await until(() => again.length === 1, 'a frame from a new worker');
    expect(workers.at(-1)).not.toBe(liveWorker);
    await api.cancel('D');
    await next;
    api.close();
  });
});

describe('browser API: outlines from the site', () => {
  const fc = { type: 'FeatureCollection', features: [] };
  const site = (files: Record<string, unknown>) => async (url: string) => {
    const name = url.slice('https://host/app/data/'.length);
    return name in files ? { ok: true, status: 200, json: async () => files[name] } : { ok: false, status: 404, json: async () => null };
  };

  it('fetches the display outlines and BCU borders beside the page, with the manifest attribution', async () => {
    const asked: string[] = [];
    const files = { 'areas-display.geojson': fc, 'bcu-borders.geojson': fc, 'manifest.json': { attribution: ['Contains OS data', 7] } };
    const get = fetchMapLayers('https://host/app/data/', async (url) => {
      asked.push(url);
      return site(files)(url);
    });
    expect(await get('london-boroughs')).toEqual({
      ok: true,
      layers: {
        source: 'london-boroughs',
        areas: fc,
        bcus: fc,
        attribution: ['Contains OS data'],
        // the manifest lists no inputs, so there are no data hashes to carry into reports
        dataHashes: [],
        coverage: null,
        coverageError:
          'https://host/app/data/road-coverage.json answered HTTP 404: this site was built without the road data coverage layer (it needs the London road files) (npm run build:web where it is available)',
      },
    });
    expect(asked.sort()).toEqual([
      'https://host/app/data/areas-display.geojson',
      'https://host/app/data/bcu-borders.geojson',
      'https://host/app/data/manifest.json',
      'https://host/app/data/road-coverage.json',
    ]);
  });

  it('serves the road coverage layer beside the outlines; a damaged one is named with its JSON path and the outlines still come', async () => {
    const files = { 'areas-display.geojson': fc, 'bcu-borders.geojson': fc, 'manifest.json': {}, 'road-coverage.json': tinyCoverage() };
    const good = await fetchMapLayers('https://host/app/data/', site(files))('london-boroughs');
    expect(good.ok && good.layers.coverage, 'the layer as built').toEqual(tinyCoverage());
    expect(good.ok && good.layers.coverageError).toBeNull();

    const short = { ...tinyCoverage(), distanceM: [1, 2, 3] };
    const bad = await fetchMapLayers('https://host/app/data/', site({ ...files, 'road-coverage.json': short }))('london-boroughs');
    expect(bad.ok, 'the outlines are served without the layer').toBe(true);
    expect(bad.ok && bad.layers.coverage).toBeNull();
    expect(bad.ok && bad.layers.coverageError).toBe(
      'https://host/app/data/road-coverage.json: not a road coverage layer of this version: distanceM: expected cols x rows = 12 values, got 3',
    );
    const negative = { ...tinyCoverage(), distanceM: tinyCoverage().distanceM.map((d, i) => (i === 5 ? -7 : d)) };
    const worse = await fetchMapLayers('https://host/app/data/', site({ ...files, 'road-coverage.json': negative }))('london-boroughs');
    expect(worse.ok && worse.layers.coverageError).toMatch(/^https:\/\/host\/app\/data\/road-coverage\.json: not a road coverage layer of this version: distanceM\[5\]: /);
  });

  it('says which file is missing or wrong, and which sets it does not know', async () => {
    const missing = fetchMapLayers('https://host/app/data/', site({ 'areas-display.geojson': fc, 'manifest.json': {} }));
    expect(await missing('london-boroughs')).toMatchObject({ ok: false, message: expect.stringContaining('bcu-borders.geojson answered HTTP 404') });
    const wrong = fetchMapLayers('https://host/app/data/', site({ 'areas-display.geojson': { type: 'Feature' }, 'bcu-borders.geojson': fc, 'manifest.json': {} }));
    expect(await wrong('london-boroughs')).toEqual({ ok: false, message: 'areas-display.geojson: expected a GeoJSON FeatureCollection' });
    expect(await missing('paris')).toEqual({ ok: false, message: 'no built-in outlines for "paris" (known: london-boroughs)' });
    const { api } = webApi();
    expect(await api.mapLayers('london-boroughs'), 'a host without outlines says so').toEqual({ ok: false, message: 'no built-in outlines for "london-boroughs" in this host' });
    api.close();
  });
});
