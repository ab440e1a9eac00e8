/**
 * The k best (time, index) pairs of a ranking (TravelModel.rankTo): smallest time first, ties to
 * the lower index, as the contract asks.
 */
import type { Place, Ranked } from '../world';
import type { RoadPos } from '../roads/query/ends';

/**
 * The k best (time, index) pairs seen, smallest time first, ties to the lower index. Reusable
 * (`reset`): a ranking's scratch keeps one, so a ranking allocates only its result.
 */
export class TopK {
  private times = new Float64Array(4);
  private indices = new Int32Array(4);
  private size = 0;

  constructor(private k: number) {
    this.reset(k);
  }

  /** Empties it, to keep the `k` best. */
  reset(k: number): this {
    this.k = k;
    this.size = 0;
    return this;
  }

  get full(): boolean {
    return this.size === this.k;
  }

  get worstTime(): number {
    return this.times[this.size - 1]!;
  }

  offer(time: number, index: number): void {
    const n = this.size;
    if (n === this.k && !before(time, index, this.times[n - 1]!, this.indices[n - 1]!)) return;
    if (n === this.times.length && n < this.k) this.grow();
    const times = this.times;
    const indices = this.indices;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(time, index, times[i - 1]!, indices[i - 1]!)) {
      times[i] = times[i - 1]!;
      indices[i] = indices[i - 1]!;
      i--;
    }
    times[i] = time;
    indices[i] = index;
    if (n < this.k) this.size = n + 1;
  }

  /** Room for one more pair (k may be any count, even Infinity: the arrays grow as pairs come). */
  private grow(): void {
    const times = new Float64Array(2 * this.times.length);
    times.set(this.times);
    this.times = times;
    const indices = new Int32Array(2 * this.indices.length);
    indices.set(this.indices);
    this.indices = indices;
  }

  result(): Ranked[] {
    if (this.size === 1) return [{ index: this.indices[0]!, timeS: this.times[0]! }];
    const out: Ranked[] = new Array<Ranked>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = { index: this.indices[i]!, timeS: this.times[i]! };
    return out;
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
  /** The ranking's k best so far (reset by `road-rank.ts` for each ranking). */
  readonly best = new TopK(1);

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
