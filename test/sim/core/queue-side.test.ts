/** The queue's side slot (pushSide) keeps exactly the order push gives. */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/sim/core/queue';
import { streamRng } from '../../../src/sim';

describe('EventQueue side slot', () => {
  it('pops the same events in the same order as pushing every event to the heap', () => {
    const rng = streamRng(5, 'queue-side');
    const plain = new EventQueue(4);
    const side = new EventQueue(4);
    const got: string[] = [];
    const want: string[] = [];
    let now = 0;
    let sideFull = false;
    for (let step = 0; step < 20000; step++) {
      const r = rng.next();
      if (r < 0.45) {
        // Coarse times, so that equal times (ties by priority, then sequence) are common.
        const t = now + Math.floor(rng.next() * 4);
        const p = Math.floor(rng.next() * 5);
        plain.push(t, p, 1, step, 0);
        side.push(t, p, 1, step, 0);
      } else if (r < 0.6 && !sideFull) {
        const p = rng.next() < 0.7 ? 4 : Math.floor(rng.next() * 5);
        plain.push(now, p, 2, step, 0);
        side.pushSide(now, p, 2, step, 0);
        sideFull = true;
      } else if (plain.size > 0) {
        expect(side.size).toBe(plain.size);
        expect(side.peekTime()).toBe(plain.peekTime());
        plain.pop();
        side.pop();
        now = plain.popTime;
        if (side.popKind === 2) sideFull = false;
        want.push(`${plain.popTime}/${plain.popKind}/${plain.popA}`);
        got.push(`${side.popTime}/${side.popKind}/${side.popA}`);
      }
    }
    while (plain.pop()) {
      side.pop();
      want.push(`${plain.popTime}/${plain.popKind}/${plain.popA}`);
      got.push(`${side.popTime}/${side.popKind}/${side.popA}`);
    }
    expect(side.pop()).toBe(false);
    expect(got).toEqual(want);
    expect(got.filter((e) => e.split('/')[1] === '2').length).toBeGreaterThan(1000);
  });

  it('refuses a second side event while one is pending', () => {
    const q = new EventQueue();
    q.pushSide(1, 0, 3, 0, 0);
    expect(() => q.pushSide(2, 0, 3, 0, 0)).toThrow(/side slot is taken/);
    expect(q.pop()).toBe(true);
    expect(q.popKind).toBe(3);
    q.pushSide(2, 0, 3, 0, 0);
    expect(q.size).toBe(1);
  });
});
