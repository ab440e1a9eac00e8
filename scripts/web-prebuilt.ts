/**
 * Part of `npm run build:web` (called by scripts/copy-web-data.ts): makes the site's
 * `data/prebuilt.json` (src/web/prebuilt.ts), the outcomes the page asks for first, by running the
 * app's first scenario (assets/scenarios/london-baseline.json, as the renderer imports it) through
 * the sim-worker loop (src/host/loop.ts) in this process, with the Node data: the same calls and
 * the same answers as a Web Worker's, the command line's results for that scenario and seed.
 *
 * - the batch runs of one day (the provisional figures) and of the scenario's own days, as the
 *   page's `runScenario` answers them (src/host/replications.ts `runBatch`);
 * - with RESPONSE_SIM_WEB_PREBUILT_LIVE=1 (scripts/copy-web-data.ts), the live session's first frame
 *   past its warm-up (`liveOpen` with `warm`, as the renderer opens it);
 * - the live session's warm-up snapshot (src/sim/snapshot), saved by the loop as it opens the
 *   session warm (src/host/warm-snapshots.ts), gzipped as `warm-<key>.snapshot.gz` (src/web/prebuilt.ts
 *   `warmSnapshotFile`): the page's live worker restores it instead of running the 24 h warm-up.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createSimHost } from '../src/host/loop';
import { realSimulator } from '../src/host/real-simulator';
import { runBatch, type BatchPool } from '../src/host/replications';
import { nodeDataProvider } from '../src/node/data/provider';
import type { FromWorker, RunOutcome, WorkerCallName, WorkerCalls, WorkerResult } from '../src/shared/protocol';
import { SIM_VERSION } from '../src/sim';
import { canonicalJson } from '../src/shared/scenario/canonical';
import { PREBUILT_FILE, PREBUILT_LIVE_FILE, WARM_SNAPSHOTS_FILE, WARM_SNAPSHOTS_FORMAT, warmSnapshotFile, type PrebuiltFile, type PrebuiltLiveFile, type PrebuiltRun } from '../src/web/prebuilt';
import type { LiveHandle, Simulator } from '../src/host/simulator';

/** The sim-worker loop in this process, as a pool of one (calls answered one after the other). */
function inProcessPool(simulator: Simulator<unknown, unknown, unknown>): BatchPool {
  const waiting = new Map<number, (result: WorkerResult<WorkerCallName>) => void>();
  const host = createSimHost({
    simulator,
    post: (message: FromWorker) => {
      if (message.type !== 'reply') return;
      waiting.get(message.id)?.(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error } as WorkerResult<WorkerCallName>);
      waiting.delete(message.id);
    },
  });
  let nextId = 1;
  return {
    call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
      const id = nextId++;
      // Through JSON, as the file carries it: what the page reads is exactly what was made.
      const message = JSON.parse(JSON.stringify({ type: 'call', id, call, request })) as unknown;
      return new Promise((resolve) => {
        waiting.set(id, resolve as (result: WorkerResult<WorkerCallName>) => void);
        void host.receive(message);
      });
    },
    cancel: () => false,
  };
}

/** JSON that gives back the same value: no NaN, infinities or undefined inside (JSON would change them). */
function exactJson(value: unknown, what: string): unknown {
  const text = JSON.stringify(value);
  const again: unknown = JSON.parse(text);
  const check = (v: unknown, at: string): void => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${what}: ${at} is ${v}, which JSON cannot carry`);
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) check(x, `${at}.${k}`);
  };
  check(value, what);
  if (canonicalJson(again) !== canonicalJson(value)) throw new Error(`${what} does not survive JSON`);
  return again;
}

/**
 * Writes `<out>/prebuilt.json` and, with `live`, `<out>/prebuilt-live.json`; returns the files
 * written and their size in bytes.
 */
export async function writePrebuilt(out: string, { live: withLive = false, root = path.join(__dirname, '..') } = {}): Promise<{ files: string[]; bytes: number }> {
  const scenario = JSON.parse(readFileSync(path.join(root, 'assets', 'scenarios', 'london-baseline.json'), 'utf8')) as Record<string, unknown>;
  const ownDays = typeof scenario.days === 'number' ? scenario.days : 7;
  const real = realSimulator(nodeDataProvider()) as Simulator<unknown, unknown, unknown>;
  // The warm-up snapshot the loop saves as the live session opens warm (the only one it saves here).
  const saved: string[] = [];
  const pool = inProcessPool({
    ...real,
    saveLive: (handle: LiveHandle) => {
      const text = real.saveLive!(handle);
      if (text !== null) saved.push(text);
      return text;
    },
  });
  const runs: PrebuiltRun[] = [];
  for (const days of [...new Set([1, ownDays])]) {
    const outcome: RunOutcome = await runBatch(pool, { jobId: `prebuilt-${days}d`, scenario, days });
    if (!outcome.ok) throw new Error(`the London baseline's ${days}-day run failed: ${JSON.stringify(outcome.error).slice(0, 300)}`);
    runs.push({ days, outcome: exactJson(outcome, `the ${days}-day outcome`) as RunOutcome });
  }
  const file: PrebuiltFile = { format: 'response-sim-prebuilt/1', sim: SIM_VERSION, scenario: canonicalJson(scenario), runs };
  const writes: [string, unknown][] = [[PREBUILT_FILE, file]];
  // As the renderer opens it (src/renderer/sim-client/live.ts: warm, the scenario's own days).
  const live = await pool.call('liveOpen', { session: 'prebuilt', scenario, warm: true });
  if (!live.ok) throw new Error(`the London baseline's live session did not open: ${JSON.stringify(live.error).slice(0, 300)}`);
  const parsed = real.parseScenario(scenario);
  if (!parsed.ok || saved.length !== 1 || !real.liveKey) throw new Error('the London baseline\'s warm-up snapshot was not made');
  const key = real.liveKey(parsed.scenario, {});
  if (real.snapshotKey?.(saved[0]!) !== key) throw new Error('the London baseline\'s warm-up snapshot is for another key');
  // Gzipped (about 5x smaller); the worker unzips it (src/web/prebuilt-fetch.ts).
  writes.push([warmSnapshotFile(key), gzipSync(saved[0]!, { level: 9 })]);
  writes.push([WARM_SNAPSHOTS_FILE, { format: WARM_SNAPSHOTS_FORMAT, files: [warmSnapshotFile(key)] }]);
  if (withLive) {
    const liveFile: PrebuiltLiveFile = {
      format: 'response-sim-prebuilt-live/1',
      sim: SIM_VERSION,
      scenario: file.scenario,
      days: ownDays,
      frame: exactJson({ ...live.value, workMs: 0 }, 'the live frame') as typeof live.value,
    };
    writes.push([PREBUILT_LIVE_FILE, liveFile]);
  }
  let bytes = 0;
  for (const [name, value] of writes) {
    const data = value instanceof Uint8Array ? value : JSON.stringify(value);
    writeFileSync(path.join(out, name), data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }
  return { files: writes.map(([name]) => name), bytes };
}
