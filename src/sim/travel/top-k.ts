/**
 * The k best (time, index) pairs of a ranking (TravelModel.rankTo): smallest time first, ties to
 * the lower index, as the contract asks.
 */
import type { Ranked } from '../world';

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

function before(t1: number, i1: number, t2: number, i2: number): boolean {
  return t1 < t2 || (t1 === t2 && i1 < i2);
}
