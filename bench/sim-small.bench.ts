/**
 * A small system with no geography (issue 14, aim 3): one 999 line at 7,200 calls a day, 12 call
 * takers at a mean of 120 s (exponential; 10 Erlangs), 2 % of calls becoming incidents (grade I)
 * for 8 units on scene for an hour (6 Erlangs), all at one point with no travel, turnout or
 * decision time. The rest are referred (not attended). A warm process (one short run first); a
 * year of calls, timed from the first event to the results, as calls per second and events per
 * second of the whole model.
 */
import type { Report } from './run';
import { parseScenario, type ScenarioInput } from '../src/shared/scenario';
import { runScenario } from '../src/sim';
import { buildWorld, noBuiltInData } from '../src/world';

const DAYS = 60;

export function smallSystem(days: number): ScenarioInput {
  const at = { lon: -0.1246, lat: 51.509 };
  return {
    schemaVersion: 1,
    name: 'small system, no geography (benchmark)',
    seed: 1,
    days,
    warmupHours: 24,
    demand: { streams: [{ line: '999', callsPerDay: 7200, gradeMix: { I: 0.02, R: 0.98 } }], points: [at] },
    grades: { I: { targetS: 900, onScene: { dist: 'fixed', value: 3600 } } },
    callHandling: { pools: [{ id: 'room', lines: ['999'], staff: 12 }], handlingTime: { '999': { dist: 'exponential', mean: 120 } } },
    stations: [{ id: 'X', ...at }],
    fleet: [{ station: 'X', count: 8 }],
    dispatch: { decisionTime: { dist: 'fixed', value: 0 } },
    travel: { mode: 'straight-line', turnout: { dist: 'fixed', value: 0 } },
  } as ScenarioInput;
}

export default async function (report: Report): Promise<void> {
  const parsed = parseScenario(smallSystem(DAYS));
  if (!parsed.ok) throw new Error(`small system scenario invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const world = await buildWorld(parsed.scenario, noBuiltInData);
  runScenario(parsed.scenario, world, { days: 7, incidentLog: false });
  const t = performance.now();
  const { results } = runScenario(parsed.scenario, world, { incidentLog: false });
  const wallS = (performance.now() - t) / 1000;
  report(`sim small system (no geography), ${DAYS} days: run`, wallS, 's');
  report(`sim small system (no geography), ${DAYS} days: calls`, results.calls.offered, 'calls');
  report('sim small system (no geography): calls per second', results.calls.offered / wallS, 'calls/s');
  report('sim small system (no geography): model', results.meta.events / wallS, 'events/s');
}
