/**
 * Extra calls of demand events (MODEL-ADDITIONS.md `demand.surges[].extraCallsPerHour` and
 * `gradeMix`): while a surge is on it adds calls at a constant rate per hour (no hour-of-day or
 * day-of-week profile: the figure is the event's own), placed over the demand cells inside its
 * place by their weights, graded by its own mix or else the line's. A Poisson process of its own
 * per line, superposed on the line's usual arrivals with streams of its own, so a scenario without
 * extra calls draws exactly what it drew before, and adding an event leaves the other calls' draws
 * as they were.
 */
import type { Line, Scenario } from '../../shared/scenario';
import { ScenarioError } from '../errors';
import type { Rng } from '../random/rng';
import type { SimWorld } from '../world';
import type { ArrivalProcess } from './arrivals';
import { surgeCells, type DemandCells } from './weights';

const GRADES = ['I', 'S', 'E', 'R'] as const;

/** One surge's extra calls on one line. */
export interface EventCallSource {
  /** index in demand.surges */
  readonly surge: number;
  readonly fromS: number;
  readonly toS: number;
  readonly ratePerS: number;
  /** cumulative base weights of the cells inside the surge's place (last = total > 0) */
  readonly cumulative: Float64Array;
  /** cumulative grade shares I, S, E, R; null = the line's */
  readonly gradeCumulative: Float64Array | null;
}

/** The extra-call sources of each line (empty arrays when a line has none). */
export function buildEventCalls(s: Scenario, world: SimWorld, cells: DemandCells, lines: readonly Line[]): EventCallSource[][] {
  const perDay = lines.map((line) => s.demand.streams.find((st) => st.line === line)?.callsPerDay ?? 0);
  const allDay = perDay.reduce((a, b) => a + b, 0);
  const out: EventCallSource[][] = lines.map(() => []);
  s.demand.surges.forEach((sg, i) => {
    const perHour = sg.extraCallsPerHour ?? 0;
    if (!(perHour > 0)) return;
    const inside = surgeCells(world, sg, i);
    const cumulative = new Float64Array(cells.weights.length);
    let acc = 0;
    for (let c = 0; c < cumulative.length; c++) {
      if (inside === null || inside(c, cells.cellArea[c]!)) acc += cells.weights[c]!;
      cumulative[c] = acc;
    }
    if (!(acc > 0)) throw new ScenarioError(`demand.surges[${i}].extraCallsPerHour`, 'the surge has extra calls but no demand (no place with weight above 0) inside its area or shape');
    let gradeCumulative: Float64Array | null = null;
    if (sg.gradeMix) {
      gradeCumulative = new Float64Array(4);
      let g = 0;
      GRADES.forEach((k, j) => (gradeCumulative![j] = g += sg.gradeMix![k] ?? 0));
    }
    lines.forEach((line, li) => {
      const share = sg.line !== undefined ? (sg.line === line ? 1 : 0) : allDay > 0 ? perDay[li]! / allDay : 0;
      if (share > 0) out[li]!.push({ surge: i, fromS: sg.fromS ?? -Infinity, toS: sg.toS ?? Infinity, ratePerS: (perHour * share) / 3600, cumulative, gradeCumulative });
    });
  });
  return out;
}

/** Total rate of `sources` at `tS`, and the time the total next changes (after `tS`). */
function rateAndNextChange(sources: readonly EventCallSource[], tS: number): { rate: number; changeS: number } {
  let rate = 0;
  let changeS = Infinity;
  for (const src of sources) {
    if (src.fromS <= tS && tS < src.toS) {
      rate += src.ratePerS;
      changeS = Math.min(changeS, src.toS);
    } else if (src.fromS > tS) changeS = Math.min(changeS, src.fromS);
  }
  return { rate, changeS };
}

/**
 * A line's usual arrivals with its event calls superposed: `next` gives the earlier of the two
 * processes' pending arrivals (each drawn once, from its own stream) and `lastSource` says which
 * it was (-1: a usual call; else an index into the sources).
 */
export class ArrivalsWithEvents {
  private usualNext = NaN;
  private eventNext = NaN;
  lastSource = -1;

  constructor(
    private readonly usual: ArrivalProcess,
    readonly sources: readonly EventCallSource[],
    private readonly rng: { readonly times: Rng; readonly which: Rng },
    private readonly endS: number,
  ) {}

  next(tS: number): number {
    if (Number.isNaN(this.usualNext)) this.usualNext = this.usual.next(tS);
    if (Number.isNaN(this.eventNext)) this.eventNext = this.nextEvent(tS);
    if (this.eventNext < this.usualNext) {
      const t = this.eventNext;
      this.eventNext = NaN;
      this.lastSource = this.pickSource(t);
      return t;
    }
    const t = this.usualNext;
    this.usualNext = NaN;
    this.lastSource = -1;
    return t;
  }

  /** The first event call after `tS` (inversion over the piecewise-constant total rate). */
  private nextEvent(tS: number): number {
    let need = -Math.log(this.rng.times.nextOpen());
    let t = tS;
    while (t < this.endS) {
      const { rate, changeS } = rateAndNextChange(this.sources, t);
      const pieceEnd = Math.min(changeS, this.endS);
      if (rate > 0 && rate * (pieceEnd - t) >= need) return t + need / rate;
      need -= rate * (pieceEnd - t);
      t = pieceEnd;
    }
    return Infinity;
  }

  /** Which source an event call at `tS` comes from, by the sources' rates then. */
  private pickSource(tS: number): number {
    const { rate } = rateAndNextChange(this.sources, tS);
    let u = this.rng.which.next() * rate;
    let last = -1;
    for (let k = 0; k < this.sources.length; k++) {
      const src = this.sources[k]!;
      if (!(src.fromS <= tS && tS < src.toS)) continue;
      last = k;
      if (u < src.ratePerS) return k;
      u -= src.ratePerS;
    }
    return last;
  }
}
