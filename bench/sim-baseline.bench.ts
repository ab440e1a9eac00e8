/**
 * The real London baseline (assets/scenarios/london-baseline.json: 818 unit-shifts at about 100
 * bases, 12 BCUs, reserve rules, built-in London data from the cache): a week with straight-line
 * travel, a week with road travel, and a year with road travel, each in a process of its own
 * (sim-baseline-run.ts) so that the year's peak memory is its own. Aims (ARCHITECTURE.md): a road
 * week under 2 s, a year under 60 s in under 1.5 GB. Wall clock on a shared machine: noisy.
 */
import { runChild } from './child';
import type { Report } from './run';

interface RunFigures {
  worldS: number;
  runS: number;
  cpuS: number;
  events: number;
  calls: number;
  iMeanResponseS: number | null;
  peakRssMB: number;
  /** Peak resident when the last event had run, before the results were built. */
  peakBeforeResultsMB: number;
}

function runBaseline(mode: 'straight-line' | 'road', days: number): RunFigures {
  return JSON.parse(runChild(__dirname, __filename.endsWith('.js'), 'sim-baseline-run', [mode, String(days)])) as RunFigures;
}

export default async function (report: Report): Promise<void> {
  const sl = runBaseline('straight-line', 7);
  report('sim london baseline week, straight-line: run', sl.runS, 's');
  report('sim london baseline week, straight-line: events', sl.events, 'events');
  report('sim london baseline week, straight-line: model', sl.events / sl.runS, 'events/s');
  report('sim london baseline week, straight-line: run CPU', sl.cpuS, 's');

  const road = runBaseline('road', 7);
  report('sim london baseline week, road: world build (graph load, snapping)', road.worldS, 's');
  report('sim london baseline week, road: run', road.runS, 's');
  report('sim london baseline week, road: events', road.events, 'events');
  report('sim london baseline week, road: run CPU', road.cpuS, 's');

  const year = runBaseline('road', 365);
  report('sim london baseline year, road: run', year.runS, 's');
  report('sim london baseline year, road: peak resident memory', year.peakRssMB, 'MB');
  report('sim london baseline year, road: peak resident memory before results', year.peakBeforeResultsMB, 'MB');
  report('sim london baseline year, road: events', year.events, 'events');
  report('sim london baseline year, road: model', year.events / year.runS, 'events/s');
}
