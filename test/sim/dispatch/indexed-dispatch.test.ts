/**
 * The dispatch pass reads an index of free units and stops early when nothing can be served
 * (src/sim/model/dispatch-pass.ts). Here whole random scenarios run twice, once with the plain
 * reference pass (reference-dispatcher.ts: every pending incident scans the whole fleet), and
 * must give byte-identical results and incident logs.
 */
import { describe, expect, it, vi } from 'vitest';
import { randomScenario } from './random-scenarios';

const DISPATCHER = '../../../src/sim/model/dispatch-pass';

/** Results JSON (wall time zeroed) and the incident log as CSV rows, with the given dispatch pass. */
async function run(k: number, reference: boolean): Promise<{ results: string; log: string; pendingMax: number }> {
  vi.resetModules();
  if (reference) vi.doMock(DISPATCHER, () => import('./reference-dispatcher'));
  else vi.doUnmock(DISPATCHER);
  const { Simulation } = await import('../../../src/sim/model/simulation');
  const { buildResults } = await import('../../../src/sim/metrics/results');
  const { buildWorld, noBuiltInData } = await import('../../../src/world');
  const { parsed } = await import('../fixtures/small');
  const scenario = parsed(randomScenario(k));
  const sim = new Simulation(scenario, await buildWorld(scenario, noBuiltInData));
  let pendingMax = 0;
  while (sim.step()) pendingMax = Math.max(pendingMax, sim.pending.size);
  const results = JSON.stringify(buildResults(sim, { wallMs: 0 }));
  const log = JSON.stringify([...sim.log!.records()]);
  return { results, log, pendingMax };
}

describe('indexed dispatch against the plain pass', () => {
  it('gives byte-identical results on 24 random scenarios (borders, policies, reserves, diversion, overload)', async () => {
    let overloaded = 0;
    let light = 0;
    for (let k = 0; k < 24; k++) {
      const fast = await run(k, false);
      const plain = await run(k, true);
      expect(fast.results, `scenario ${k}: results`).toBe(plain.results);
      expect(fast.log, `scenario ${k}: incident log`).toBe(plain.log);
      if (plain.pendingMax > 50) overloaded++;
      if (plain.pendingMax <= 20) light++;
    }
    // The early stop only matters with long queues: make sure the random cases include them.
    expect(overloaded, 'scenarios whose pending queue passed 50 incidents').toBeGreaterThanOrEqual(4);
    expect(light, 'scenarios whose pending queue stayed within 20 incidents').toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('the reference pass is really in place when mocked (a broken reference would be noticed)', async () => {
    vi.resetModules();
    vi.doMock(DISPATCHER, () => ({ openSlot: () => -1, runDispatch: () => {} }));
    const { Simulation } = await import('../../../src/sim/model/simulation');
    const { buildWorld, noBuiltInData } = await import('../../../src/world');
    const { parsed } = await import('../fixtures/small');
    const scenario = parsed(randomScenario(0));
    const sim = new Simulation(scenario, await buildWorld(scenario, noBuiltInData));
    while (sim.step());
    expect(sim.pending.size, 'every incident is left pending').toBeGreaterThan(0);
    vi.doUnmock(DISPATCHER);
  });
});
