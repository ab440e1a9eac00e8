/**
 * The simulator: the event queue alone (events per second through a heap holding 10,000 events),
 * and a synthetic London-sized week (bench/sim-london.ts: 13,000 calls a day, 32 areas, 600 units,
 * straight-line travel): wall time, events, and events per second of the whole model.
 */
import type { Report } from './run';
import { parseScenario } from '../src/shared/scenario';
import { runScenario, streamRng } from '../src/sim';
import { EventQueue } from '../src/sim/core/queue';
import { buildWorld, noBuiltInData } from '../src/world';
import { syntheticLondon } from './sim-london';

function queueEventsPerSecond(): number {
  const q = new EventQueue(16384);
  const rng = streamRng(1, 'bench-queue');
  const delays = Float64Array.from({ length: 1 << 16 }, () => -Math.log(1 - rng.next()) * 600);
  for (let i = 0; i < 10000; i++) q.push(delays[i]!, i & 3, 0, i, 0);
  const n = 3_000_000;
  const t = performance.now();
  let k = 0;
  // Steady state: each popped event schedules one more (as a simulation does).
  for (let i = 0; i < n; i++) {
    q.pop();
    q.push(q.popTime + delays[k++ & 0xffff]!, q.popA & 3, 0, q.popA, 0);
  }
  return n / ((performance.now() - t) / 1000);
}

export default async function (report: Report): Promise<void> {
  report('sim core event queue', queueEventsPerSecond(), 'events/s');

  const parsed = parseScenario(syntheticLondon(7));
  if (!parsed.ok) throw new Error(`synthetic London scenario invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const world = await buildWorld(parsed.scenario, noBuiltInData);
  // One short warm run so the JIT has seen the code (the figure is for a warm process).
  runScenario(parsed.scenario, world, { days: 1, incidentLog: false });
  const t = performance.now();
  const { results } = runScenario(parsed.scenario, world, { incidentLog: false });
  const wallS = (performance.now() - t) / 1000;
  report('sim london week wall', wallS, 's');
  report('sim london week events', results.meta.events, 'events');
  report('sim london week model', results.meta.events / wallS, 'events/s');
  report('sim london week calls', results.calls.offered, 'calls');
  report('sim london week I mean response', results.grades.I && 'meanResponseS' in results.grades.I ? results.grades.I.meanResponseS! : NaN, 's');
  report('sim london week utilisation', results.units.meanUtilisationPct ?? NaN, '%');
}
