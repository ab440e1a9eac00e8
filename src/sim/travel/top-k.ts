/**
 * The k best (time, index) pairs of a ranking (TravelModel.rankTo): smallest time first, ties to
 * the lower index, as the contract asks.
 */
import type { Place, Ranked } from '../world';
import type { RoadPos } from '../roads/query/ends';

/** The k best (time, index) pairs seen, smallest time first, ties to the lower index. */
export class TopK {
  private readonly times: number[] = [];
  private readonly indices: number[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.times.length === this.k;
  }

  get worstTime(): number {
    return this.times[this.times.length - 1]!;
  }

  offer(time: number, index: number): void {
    const n = this.times.length;
    if (n === this.k && !before(time, index, this.times[n - 1]!, this.indices[n - 1]!)) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(time, index, this.times[i - 1]!, this.indices[i - 1]!)) {
      this.times[i] = this.times[i - 1]!;
      this.indices[i] = this.indices[i - 1]!;
      i--;
    }
    this.times[i] = time;
    this.indices[i] = index;
  }

  result(): Ranked[] {
    return this.times.map((timeS, i) => ({ index: this.indices[i]!, timeS }));
  }
}

const NO_PLACE: Place = { lon: 0, lat: 0, edge: -1, offsetM: 0, accessM: 0 };

function before(t1: number, i1: number, t2: number, i2: number): boolean {
  return t1 < t2 || (t1 === t2 && i1 < i2);
}

/**
 * Reused arrays of one ranking (road.ts rankTo), by origin index: `later` holds origin indices,
 * `bounds` and `roadBounds` lower bounds on an origin's time and on its road journey's, `froms`
 * its road position, `places` the place ranked (a unit on the move once placed: road-rank.ts). One
 * ranking at a time.
 */
export class RankScratch {
  later = new Int32Array(0);
  bounds = new Float64Array(0);
  roadBounds = new Float64Array(0);
  froms: (RoadPos | undefined)[] = [];
  places: Place[] = [];

  /** This, grown to hold `n` origins. */
  sized(n: number): this {
    if (this.later.length < n) {
      const size = Math.max(n, 2 * this.later.length);
      this.later = new Int32Array(size);
      this.bounds = new Float64Array(size);
      this.roadBounds = new Float64Array(size);
      this.froms = new Array<RoadPos | undefined>(size).fill(undefined);
      this.places = new Array<Place>(size).fill(NO_PLACE);
    }
    return this;
  }

  /** Sorts the first `count` of `later` by `bounds`, ties to the lower index (insertion sort: a ranking leaves a handful). */
  sortByBound(count: number): void {
    const { later, bounds } = this;
    for (let a = 1; a < count; a++) {
      const i = later[a]!;
      const b = bounds[i]!;
      let j = a;
      while (j > 0) {
        const p = later[j - 1]!;
        const bp = bounds[p]!;
        if (bp < b || (bp === b && p < i)) break;
        later[j] = p;
        j--;
      }
      later[j] = i;
    }
  }
}
