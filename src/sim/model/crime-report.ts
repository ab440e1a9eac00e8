/**
 * Crime reports (addition, docs/MODEL-ADDITIONS.md): with a grade's `crimeReport.probability` the
 * first unit to finish on scene spends `crimeReport.time` more on the incident, writing the report,
 * before it is free. Drawn on arrival like every other per-call draw, from streams of their own
 * (`reports:999`, `reportTime:999`), so a scenario without crime reports draws nothing new and gives
 * the same results as before.
 */
import type { Grade } from '../../shared/scenario';
import { sampler, type Sampler } from '../random/distributions';
import { streamRng, type Rng } from '../random/rng';
import type { SimState } from './state';

const GRADES: readonly Grade[] = ['I', 'S', 'E', 'R'];

interface ReportRuntime {
  /** Per grade index: the probability and the time sampler, or null without reports. */
  readonly byGrade: ({ readonly p: number; readonly time: Sampler } | null)[];
  /** Per line index: the two streams. */
  readonly streams: Map<number, { readonly pick: Rng; readonly time: Rng }>;
}

const RUNTIMES = new WeakMap<SimState, ReportRuntime | null>();

function runtime(sim: SimState): ReportRuntime | null {
  let rt = RUNTIMES.get(sim);
  if (rt === undefined) {
    const byGrade = GRADES.map((g) => {
      const r = sim.scenario.grades[g].crimeReport;
      return r && r.probability > 0 ? { p: r.probability, time: sampler(r.time) } : null;
    });
    rt = byGrade.some((x) => x) ? { byGrade, streams: new Map() } : null;
    RUNTIMES.set(sim, rt);
  }
  return rt;
}

/** Seconds of report writing for a new incident of `grade` on line `lineIndex` (0: none). */
export function crimeReportS(sim: SimState, grade: number, lineIndex: number, lineName: string): number {
  const rt = runtime(sim);
  const spec = rt?.byGrade[grade];
  if (!rt || !spec) return 0;
  let streams = rt.streams.get(lineIndex);
  if (!streams) {
    streams = { pick: streamRng(sim.seed, `reports:${lineName}`), time: streamRng(sim.seed, `reportTime:${lineName}`) };
    rt.streams.set(lineIndex, streams);
  }
  return streams.pick.next() < spec.p ? spec.time(streams.time) : 0;
}
