/**
 * The pending queue's head (dispatch takes incidents from the front by moving it): taking from
 * the front, putting incidents back near the front (a diverted one) and compacting keep the same
 * order a sorted list would.
 */
import { describe, expect, it } from 'vitest';
import { PendingQueue } from '../../../src/sim/dispatch/pending';
import type { Call } from '../../../src/sim/model/call';
import { streamRng } from '../../../src/sim';

function call(id: number, pendingS: number): Call {
  return { id, grade: 2, pendingS, inPending: false, carried: false } as Call;
}

function live(q: PendingQueue): number[] {
  const list = q.list(2);
  const out: number[] = [];
  for (let i = q.head(2); i < list.length; i++) out.push(list[i]!.id);
  return out;
}

describe('PendingQueue head', () => {
  it('takes from the front, puts back near the front and compacts, in sorted order throughout', () => {
    const rng = streamRng(17, 'pending-head');
    const q = new PendingQueue();
    let inside: Call[] = [];
    const taken: Call[] = [];
    let now = 0;
    for (let step = 0; step < 20000; step++) {
      const r = rng.next();
      if (r < 0.5) {
        now += Math.floor(rng.next() * 2);
        const c = call(step, now);
        q.add(c);
        inside.push(c);
      } else if (r < 0.85 && q.count(2) > 0) {
        // Dispatch served the first k: the head moves past them.
        const k = 1 + Math.floor(rng.next() * Math.min(3, q.count(2)));
        const list = q.list(2);
        for (let i = 0; i < k; i++) {
          const c = list[q.head(2) + i]!;
          c.inPending = false;
          taken.push(c);
        }
        q.setHead(2, q.head(2) + k);
        inside = inside.filter((c) => c.inPending);
      } else if (taken.length > 0) {
        // A diverted incident goes back to its old place (often near the front).
        const back = taken.splice(taken.length - 1 - Math.floor(rng.next() * Math.min(5, taken.length)), 1)[0]!;
        q.add(back);
        inside.push(back);
      }
      if (step % 997 === 0) {
        const want = [...inside].sort((a, b) => a.pendingS - b.pendingS || a.id - b.id).map((c) => c.id);
        expect(live(q), `step ${step}`).toEqual(want);
        expect(q.size).toBe(inside.length);
      }
    }
    const want = [...inside].sort((a, b) => a.pendingS - b.pendingS || a.id - b.id).map((c) => c.id);
    expect(live(q)).toEqual(want);
    expect([...q.all()].map((c) => c.id)).toEqual(want);
    // byGrade compacts: the list then starts at 0.
    expect(q.byGrade[2]!.map((c) => c.id)).toEqual(want);
    expect(q.head(2)).toBe(0);
  });
});
