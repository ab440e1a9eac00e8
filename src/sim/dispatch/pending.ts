/**
 * The pending queue (MODEL.md "Dispatch"): incidents waiting for units, in grade order, then by
 * the time they joined (then by call id). An incident stays in it until it has every unit it
 * needs; a diverted incident goes back to its old place.
 */
import type { Call } from '../model/call';

export class PendingQueue {
  /** One list per grade index, each sorted by (carried, pendingS, id). */
  readonly byGrade: Call[][] = [[], [], [], []];

  get size(): number {
    return this.byGrade[0]!.length + this.byGrade[1]!.length + this.byGrade[2]!.length + this.byGrade[3]!.length;
  }

  add(call: Call): void {
    if (call.inPending) return;
    const list = this.byGrade[call.grade]!;
    // Usually the newest, at the back; a diverted incident goes back to its old place, which in
    // a long queue a binary search finds without walking it.
    const n = list.length;
    if (n === 0 || !before(call, list[n - 1]!)) list.push(call);
    else {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(call, list[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      list.splice(lo, 0, call);
    }
    call.inPending = true;
  }

  remove(call: Call): void {
    if (!call.inPending) return;
    const list = this.byGrade[call.grade]!;
    const i = list.indexOf(call);
    if (i < 0) throw new Error(`pending queue: call ${call.id} marked pending but not found`);
    list.splice(i, 1);
    call.inPending = false;
  }

  /** Every pending incident in dispatch order. */
  *all(): IterableIterator<Call> {
    for (const list of this.byGrade) yield* list;
  }
}

function before(a: Call, b: Call): boolean {
  // Carried-over incidents (model/carry-over.ts) queue behind every fresher one of their grade.
  if (a.carried !== b.carried) return b.carried;
  return a.pendingS < b.pendingS || (a.pendingS === b.pendingS && a.id < b.id);
}
