/** The pending queue keeps each grade's incidents in (time joined, call id) order. */
import { describe, expect, it } from 'vitest';
import { PendingQueue } from '../../../src/sim/dispatch/pending';
import type { Call } from '../../../src/sim/model/call';
import { streamRng } from '../../../src/sim';

function call(id: number, grade: number, pendingS: number): Call {
  return { id, grade, pendingS, inPending: false } as Call;
}

describe('PendingQueue', () => {
  it('keeps random additions and removals in order, as a sort would (including incidents put back)', () => {
    const rng = streamRng(11, 'pending-queue');
    const q = new PendingQueue();
    const out: Call[] = [];
    const inside: Call[] = [];
    let now = 0;
    for (let id = 0; id < 3000; id++) {
      now += Math.floor(rng.next() * 3); // equal times happen: the id breaks the tie
      const c = call(id, Math.floor(rng.next() * 3), now);
      q.add(c);
      inside.push(c);
      if (rng.next() < 0.4) {
        // Take one out (dispatched), and now and then put an older one back (a diverted incident).
        const k = Math.floor(rng.next() * inside.length);
        const [gone] = inside.splice(k, 1);
        q.remove(gone!);
        out.push(gone!);
      }
      if (out.length > 0 && rng.next() < 0.2) {
        const back = out.splice(Math.floor(rng.next() * out.length), 1)[0]!;
        q.add(back);
        inside.push(back);
      }
      if (inside.length > 0) q.add(inside[inside.length - 1]!); // adding a queued incident again changes nothing
    }
    for (let g = 0; g < 3; g++) {
      const expected = inside.filter((c) => c.grade === g).sort((a, b) => a.pendingS - b.pendingS || a.id - b.id);
      expect(q.byGrade[g]!.map((c) => c.id), `grade ${g}`).toEqual(expected.map((c) => c.id));
    }
    expect(q.size).toBe(inside.length);
    expect([...q.all()].every((c) => c.inPending)).toBe(true);
  });

  it('refuses to remove an incident marked pending that is not in its list', () => {
    const q = new PendingQueue();
    const c = call(1, 0, 5);
    c.inPending = true;
    expect(() => q.remove(c)).toThrow(/call 1 marked pending but not found/);
  });
});
