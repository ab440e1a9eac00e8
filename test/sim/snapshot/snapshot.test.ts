/**
 * Warm-up snapshots (src/sim/snapshot): a run saved at an instant and restored into a fresh
 * Simulation (on the same world, and on a freshly built one) must end exactly as the run that was
 * never interrupted: results and incident log byte for byte. Then the refusals.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { parseScenario, type Scenario } from '../../../src/shared/scenario';
import { runScenario } from '../../../src/sim/run';
import { buildResults } from '../../../src/sim/metrics/results';
import type { IncidentLog } from '../../../src/sim/model/incident-log';
import type { Simulation } from '../../../src/sim/model/simulation';
import type { SimWorld } from '../../../src/sim/world';
import { prepareSnapshot, restoreSimulation, saveSimulation, snapshotableSimulation, SnapshotError } from '../../../src/sim/snapshot/snapshot';
import { buildWorld, noBuiltInData } from '../../../src/world';
import { smallInput } from '../fixtures/small';
import { stable } from '../helpers';

function logText(log: IncidentLog | null): string {
  if (!log) return 'no log';
  const c = log.columns();
  const hex = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return JSON.stringify({ rows: c.rows, f64: Object.entries(c.f64).map(([k, a]) => [k, hex(a)]), i32: Object.entries(c.i32).map(([k, a]) => [k, hex(a)]), reasons: c.reasons ?? null });
}

/** '' when equal, else the two texts around their first difference (short, for a readable failure). */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${a.slice(Math.max(0, i - 300), i + 100)}\n  vs ${b.slice(Math.max(0, i - 300), i + 100)}`;
}

const body = (text: string) => text.slice(text.indexOf('\n') + 1);

function uninterrupted(scenario: Scenario, world: SimWorld): string {
  const run = runScenario(scenario, world);
  return `${stable(run.results)}\n${logText(run.incidents)}`;
}

function finish(sim: Simulation): string {
  while (sim.step());
  return `${stable(buildResults(sim, { wallMs: 0 }))}\n${logText(sim.log)}`;
}

/** Runs to `atS` (events at or before it), saves; returns the snapshot and the saved run's own ending. */
function savedAt(scenario: Scenario, world: SimWorld, atS: number): { text: string; sim: Simulation } {
  const sim = snapshotableSimulation(scenario, world);
  sim.recycleCalls();
  while (!sim.finished && sim.nextEventTime() <= atS) sim.step();
  return { text: saveSimulation(sim), sim };
}

function checkScenario(name: string, make: () => Promise<{ scenario: Scenario; world: () => Promise<SimWorld> }>, times: number[], timeout = 60_000): void {
  describe(name, () => {
    it('restored at the end of the warm-up and mid-run, ends byte-identical to the uninterrupted run', async () => {
      const { scenario, world: newWorld } = await make();
      const world = await newWorld();
      const expected = uninterrupted(scenario, world);
      for (const atS of times) {
        const { text, sim } = savedAt(scenario, world, atS);
        const sameWorld = restoreSimulation(text, scenario, world);
        expect(sameWorld.now).toBe(sim.now);
        expect(firstDifference(body(saveSimulation(sameWorld)), body(text)), 'saved again').toBe('');
        expect(firstDifference(finish(sameWorld), expected), `restored at ${atS} on the same world`).toBe("");
        expect(firstDifference(finish(sim), expected), `the saved run itself (${atS})`).toBe("");
      }
      const fresh = await newWorld();
      const { text } = savedAt(scenario, world, times[0]!);
      expect(firstDifference(finish(restoreSimulation(text, scenario, fresh)), expected), 'restored on a freshly built world').toBe("");
    }, timeout);
  });
}

function small(): Scenario {
  const parsed = parseScenario(smallInput());
  if (!parsed.ok) throw new Error('small scenario invalid');
  return parsed.scenario;
}

checkScenario('small scenario', async () => {
  const scenario = small();
  return { scenario, world: () => buildWorld(scenario, noBuiltInData) };
}, [0, -3600, 30_000]);

const hasLondon = await (async () => {
  try {
    const { londonDataDir } = await import('../../../src/node/data/paths');
    return existsSync(londonDataDir());
  } catch {
    return false;
  }
})();

async function london(mode: 'straight-line' | 'road', days: number) {
  const { londonBaseline } = await import('../../../bench/london-baseline');
  const { nodeDataProvider } = await import('../../../src/node/data/provider');
  const scenario = await londonBaseline(mode, days);
  return { scenario, world: () => buildWorld(scenario, nodeDataProvider()) };
}

if (hasLondon) {
  checkScenario('London baseline, straight-line, 2 days', () => london('straight-line', 2), [0, 86400 + 3600 * 7.5], 120_000);
  checkScenario('London baseline, roads, 1 day', () => london('road', 1), [0, 3600 * 13.25], 240_000);
}

describe('prepared ahead (prepareSnapshot)', () => {
  it('the next restore of that text takes the parsed table, once; a damaged one is still refused', async () => {
    const scenario = small();
    const world = await buildWorld(scenario, noBuiltInData);
    const { text, sim } = savedAt(scenario, world, 30_000);
    const expected = finish(sim);
    prepareSnapshot(text);
    const first = restoreSimulation(text, scenario, world);
    // Not the same table again (a restore takes arrays from it): parsed anew.
    const second = restoreSimulation(text, scenario, world);
    expect(firstDifference(finish(first), expected)).toBe('');
    expect(firstDifference(finish(second), expected)).toBe('');
    const flipped = text.slice(0, -30) + (text.at(-30) === '1' ? '2' : '1') + text.slice(-29);
    prepareSnapshot(flipped);
    expect(() => restoreSimulation(flipped, scenario, world)).toThrow(/does not match its hash/);
    prepareSnapshot(text);
    expect(() => restoreSimulation(text, scenario, world, { seed: 8 })).toThrow(/this run's seed is 8/);
  });
});

describe('refusals', () => {
  it('refuses another scenario, seed, days, version and damaged text, with a clear error', async () => {
    const scenario = small();
    const world = await buildWorld(scenario, noBuiltInData);
    const { text } = savedAt(scenario, world, 0);
    const other = parseScenario({ ...smallInput(), name: 'another' });
    if (!other.ok) throw new Error('invalid');
    expect(() => restoreSimulation(text, other.scenario, world)).toThrow(/another scenario/);
    expect(() => restoreSimulation(text, scenario, world, { seed: 8 })).toThrow(/seed 7; this run's seed is 8/);
    expect(() => restoreSimulation(text, scenario, world, { days: 2 })).toThrow(/1-day run/);
    expect(() => restoreSimulation(text.slice(0, text.length - 10), scenario, world)).toThrow(/cut short/);
    expect(() => restoreSimulation(text.slice(0, 20), scenario, world)).toThrow(SnapshotError);
    const flipped = text.slice(0, -30) + (text.at(-30) === '1' ? '2' : '1') + text.slice(-29);
    expect(() => restoreSimulation(flipped, scenario, world)).toThrow(/does not match its hash/);
    expect(() => restoreSimulation(text.replace('"simVersion":"', '"simVersion":"9.'), scenario, world)).toThrow(/simulator version 9\./);
    expect(() => restoreSimulation(text.replace('"version":2', '"version":1'), scenario, world)).toThrow(/format version 1/);
    expect(() => restoreSimulation('{"format":"x"}\n[]', scenario, world)).toThrow(/not a snapshot/);
    expect(() => restoreSimulation('', scenario, world)).toThrow(SnapshotError);
  });
});

describe('base64', () => {
  it('gives back every byte, at every length mod 3', async () => {
    const { toBase64, fromBase64 } = await import('../../../src/sim/snapshot/base64');
    for (const n of [0, 1, 2, 3, 4, 5, 8191, 8192, 8193, 30000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + (i >> 3)) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(fromBase64(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('refuses a character not of the alphabet anywhere, and a length not a multiple of 4', async () => {
    const { toBase64, fromBase64 } = await import('../../../src/sim/snapshot/base64');
    const text = toBase64(Uint8Array.from({ length: 30 }, (_, i) => i * 7));
    for (const at of [0, 5, 17, 38, text.length - 1]) {
      for (const bad of ['*', '\u00e9', '\u2603']) expect(() => fromBase64(text.slice(0, at) + bad + text.slice(at + 1)), `${bad} at ${at}`).toThrow(/damaged/);
    }
    expect(() => fromBase64(text.slice(1))).toThrow(/multiple of 4/);
  });
});
