/**
 * The pending queue (MODEL.md "Dispatch"): incidents waiting for units, in grade order, then by
 * the time they joined (then by call id). An incident stays in it until it has every unit it
 * needs; a diverted incident goes back to its old place.
 *
 * Each grade's list is an array whose live part starts at a head index: dispatch takes incidents
 * from the front, which moves the head instead of shifting the array (a year of London can hold
 * 80,000 E incidents, and shifting an array that long costs as much as a whole event). The front
 * is dropped once it is longer than the live part.
 */
import type { Call } from '../model/call';

/** Dead entries kept at the front of a list before it is compacted (and never more than the live ones). */
const COMPACT_AFTER = 1024;

/** What the entries before a head hold (never read). */
const GONE = null as unknown as Call;

export class PendingQueue {
  /** Per grade index: the lists; entries before `heads[g]` are gone. */
  private readonly lists: Call[][] = [[], [], [], []];
  private readonly heads = [0, 0, 0, 0];

  /**
   * One list per grade index, each sorted by (carried, pendingS, id), from index 0 (compacted
   * first). For readers and tests; dispatch reads `list` and `head`, which never copy.
   */
  get byGrade(): Call[][] {
    for (let g = 0; g < 4; g++) this.compact(g, true);
    return this.lists;
  }

  get size(): number {
    const l = this.lists;
    const h = this.heads;
    return l[0]!.length - h[0]! + (l[1]!.length - h[1]!) + (l[2]!.length - h[2]!) + (l[3]!.length - h[3]!);
  }

  /** Incidents of grade `g` pending. */
  count(g: number): number {
    return this.lists[g]!.length - this.heads[g]!;
  }

  /** Grade `g`'s list: its live part is [head(g), length). Callers may rewrite entries of the live part and move the head with setHead. */
  list(g: number): Call[] {
    return this.lists[g]!;
  }

  head(g: number): number {
    return this.heads[g]!;
  }

  /** The live part of grade `g` now starts at `h` (>= the old head): the entries before it have left the queue. */
  setHead(g: number, h: number): void {
    const list = this.lists[g]!;
    // The entries left behind hold no call alive.
    for (let i = this.heads[g]!; i < h; i++) list[i] = GONE;
    this.heads[g] = h;
    this.compact(g, false);
  }

  add(call: Call): void {
    if (call.inPending) return;
    const g = call.grade;
    const list = this.lists[g]!;
    const head = this.heads[g]!;
    // Usually the newest, at the back; a diverted incident goes back to its old place, which in
    // a long queue a binary search finds without walking it.
    const n = list.length;
    if (n === head || !before(call, list[n - 1]!)) list.push(call);
    else {
      let lo = head;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(call, list[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      if (head > 0 && lo - head < n - lo) {
        // Nearer the front: the ones ahead move one step into the dead front.
        for (let i = head; i < lo; i++) list[i - 1] = list[i]!;
        list[lo - 1] = call;
        this.heads[g] = head - 1;
      } else list.splice(lo, 0, call);
    }
    call.inPending = true;
  }

  remove(call: Call): void {
    if (!call.inPending) return;
    const g = call.grade;
    const list = this.lists[g]!;
    const i = list.indexOf(call, this.heads[g]!);
    if (i < 0) throw new Error(`pending queue: call ${call.id} marked pending but not found`);
    list.splice(i, 1);
    call.inPending = false;
  }

  /** Every pending incident in dispatch order. */
  *all(): IterableIterator<Call> {
    for (let g = 0; g < 4; g++) {
      const list = this.lists[g]!;
      for (let i = this.heads[g]!; i < list.length; i++) yield list[i]!;
    }
  }

  /** Drops grade `g`'s dead front when it has grown long (or whenever there is one, `always`). */
  private compact(g: number, always: boolean): void {
    const head = this.heads[g]!;
    if (head === 0) return;
    const list = this.lists[g]!;
    if (!always && (head < COMPACT_AFTER || head * 2 < list.length)) return;
    const n = list.length - head;
    for (let i = 0; i < n; i++) list[i] = list[head + i]!;
    list.length = n;
    this.heads[g] = 0;
  }
}

function before(a: Call, b: Call): boolean {
  // Carried-over incidents (model/carry-over.ts) queue behind every fresher one of their grade.
  if (a.carried !== b.carried) return b.carried;
  return a.pendingS < b.pendingS || (a.pendingS === b.pendingS && a.id < b.id);
}
