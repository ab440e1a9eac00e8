/**
 * The live calls by id: what a Map<number, Call> did (get, set, has, delete, values in id order),
 * for ids that come in increasing order and calls that mostly end soon after they arrive. Calls
 * sit in chunks of CHUNK consecutive ids; a chunk whose calls have all ended is dropped, so memory
 * follows the live calls (and the span from the oldest live one), not every call of a run. A look-up
 * is two array reads, no hashing.
 */
import { CallPool, type Call } from './call';

const SHIFT = 12;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export class CallTable {
  /** Chunk k holds ids (first + k) * CHUNK ..; null once all its calls have ended. */
  private chunks: ((Call | undefined)[] | null)[] = [];
  /** Live calls per chunk. */
  private live: number[] = [];
  /** Chunk number of chunks[0]. */
  private first = 0;
  private count = 0;

  /** Live calls. */
  get size(): number {
    return this.count;
  }

  get(id: number): Call | undefined {
    if ((id | 0) !== id) return undefined;
    const chunk = this.chunks[(id >> SHIFT) - this.first];
    return chunk ? chunk[id & MASK] : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds or replaces call `id` (a whole number 0..2^31-1). */
  set(id: number, call: Call): this {
    if (!(id >= 0 && id <= 0x7fffffff && Math.floor(id) === id)) throw new Error(`call table: id ${id} is not a whole number in 0..2^31-1`);
    const c = id >> SHIFT;
    if (this.chunks.length === 0) this.first = c;
    else if (c < this.first) this.prepend(c);
    if (c - this.first >= this.chunks.length) {
      while (this.chunks.length <= c - this.first) {
        // A chunk stays while it is the newest; once a newer one starts it goes when it has no call.
        const last = this.chunks.length - 1;
        if (last >= 0 && this.live[last] === 0) this.chunks[last] = null;
        this.chunks.push(null);
        this.live.push(0);
      }
      this.trimFront();
    }
    const k = c - this.first;
    let chunk = this.chunks[k];
    if (!chunk) {
      chunk = new Array<Call | undefined>(CHUNK).fill(undefined);
      this.chunks[k] = chunk;
    }
    if (chunk[id & MASK] === undefined) {
      this.live[k]!++;
      this.count++;
    }
    chunk[id & MASK] = call;
    return this;
  }

  /** Removes call `id`; false when it was not there. */
  delete(id: number): boolean {
    if ((id | 0) !== id) return false;
    const k = (id >> SHIFT) - this.first;
    const chunk = this.chunks[k];
    if (!chunk || chunk[id & MASK] === undefined) return false;
    chunk[id & MASK] = undefined;
    this.count--;
    if (--this.live[k]! === 0 && k < this.chunks.length - 1) {
      // Every call of an older chunk has ended: drop it.
      this.chunks[k] = null;
      this.trimFront();
    }
    return true;
  }

  /** The live calls in id order. */
  *values(): IterableIterator<Call> {
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k];
      if (!chunk) continue;
      for (let i = 0; i < CHUNK; i++) {
        const call = chunk[i];
        if (call !== undefined) yield call;
      }
    }
  }

  /** Drops the dropped chunks at the front, so the chunk list spans the live calls only. */
  private trimFront(): void {
    let n = 0;
    while (n < this.chunks.length - 1 && this.chunks[n] === null) n++;
    if (n > 0) {
      this.chunks.splice(0, n);
      this.live.splice(0, n);
      this.first += n;
    }
  }

  private prepend(c: number): void {
    const n = this.first - c;
    this.chunks = [...new Array<null>(n).fill(null), ...this.chunks];
    this.live = [...new Array<number>(n).fill(0), ...this.live];
    this.first = c;
  }
}

let tablePrimed = false;

/**
 * Takes every path of the table once, on a throwaway table (a chunk made, a second one, both
 * dropped when their calls end), once per process: the first second chunk and the first chunk
 * dropped come thousands of calls into a run, after the engine has optimised the code that adds
 * and ends calls, and a path it has never seen throws that code away (core/prime.ts).
 */
export function primeCallTable(): void {
  if (tablePrimed) return;
  tablePrimed = true;
  const table = new CallTable();
  const call = new CallPool().take(0);
  // Ids in three chunks, some rounds (the engine keeps no feedback for a function until it has run a while).
  const ids = [0, 1, CHUNK, CHUNK + 1, 2 * CHUNK];
  for (let round = 0, first = 0; round < 16; round++, first += 3 * CHUNK) {
    for (const id of ids) table.set(first + id, call);
    for (const id of ids) if (table.get(first + id) === call) table.delete(first + id);
  }
}
