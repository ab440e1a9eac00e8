/**
 * Crime reports (addition, docs/MODEL-ADDITIONS.md): with a grade's `crimeReport.probability` the
 * first unit to finish on scene spends `crimeReport.time` more on the incident, writing the report,
 * before it is free. Drawn on arrival like every other per-call draw, from streams of their own
 * (`reports:999`, `reportTime:999`), so a scenario without crime reports draws nothing new and gives
 * the same results as before.
 *
 * The run's state (CrimeReports) is a field of the simulation, built with it; null without reports.
 */
import { GRADES, LINES, type Scenario } from '../../shared/scenario';
import { sampler, type Sampler } from '../random/distributions';
import { streamRng, type Rng } from '../random/rng';

/** A run's crime reports: per grade the probability and time sampler, per line the two streams. */
export class CrimeReports {
  /** Per grade index: the probability of a report (0: none). */
  private readonly p: Float64Array;
  /** Per grade index: the report time's sampler, null without reports. */
  private readonly time: (Sampler | null)[];
  /** Per line index: the stream deciding whether there is a report, and the one drawing its time. */
  private readonly pick: Rng[];
  private readonly timeRng: Rng[];

  private constructor(p: Float64Array, time: (Sampler | null)[], seed: number) {
    this.p = p;
    this.time = time;
    // Streams are seeded by name, so making them before their first use draws nothing.
    this.pick = LINES.map((l) => streamRng(seed, `reports:${l}`));
    this.timeRng = LINES.map((l) => streamRng(seed, `reportTime:${l}`));
  }

  /** The run's crime reports, or null when no grade has any. */
  static build(scenario: Scenario, seed: number): CrimeReports | null {
    const p = new Float64Array(GRADES.length);
    const time: (Sampler | null)[] = GRADES.map((g, i) => {
      const r = scenario.grades[g].crimeReport;
      if (!r || !(r.probability > 0)) return null;
      p[i] = r.probability;
      return sampler(r.time);
    });
    return time.some((x) => x !== null) ? new CrimeReports(p, time, seed) : null;
  }

  /** Seconds of report writing for a new incident of `grade` on line `lineIndex` (0: none). */
  drawS(grade: number, lineIndex: number): number {
    const time = this.time[grade];
    if (!time) return 0;
    return this.pick[lineIndex]!.next() < this.p[grade]! ? time(this.timeRng[lineIndex]!) : 0;
  }
}
