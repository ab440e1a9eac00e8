/**
 * Type feedback for the event queue's rare paths, taken once per process on a throwaway queue.
 *
 * The engine optimises a function with what the runs so far have shown it of each operation's
 * types; an operation never executed by then has none, and the first time it runs the optimised
 * code of every function it was inlined into is thrown away (and made again later). For the
 * queue those were its rare paths (growing, the overflow beyond the ring, an empty heap moving on),
 * each first taken minutes of simulated time after the run's event loop and handlers had been
 * optimised. The feedback is the methods', shared by every queue, so taking each path a few times
 * on a throwaway one before a run gives the run's code all of it. Results cannot change: the
 * throwaway queue is not the run's.
 */
import { EventQueue } from './queue';

let queuePrimed = false;
/**
 * Takes every path of the queue on a throwaway queue (growing, the ring, the overflow, the side
 * slot, an empty heap moving on to the ring's next events and to the overflow's), once per
 * process: a cold London week lost its event loop's and handlers' optimised code five times in its
 * first simulated hours to these paths.
 */
export function primeEventQueue(): void {
  if (queuePrimed) return;
  queuePrimed = true;
  const q = new EventQueue(2, 0.5);
  // Now, in the ring, beyond the ring (the overflow), a tie of time, and the side slot's; some
  // rounds, as the engine keeps no feedback for a function until it has run a while.
  const times = [0.5, 40.25, 100000.75, 0.5, 40.25, 250000.5];
  let base = 0;
  for (let round = 0; round < 24; round++) {
    for (let i = 0; i < times.length; i++) q.push(base + times[i]!, i & 3, i, i, i + 1);
    q.pushSide(base + 0.5, 2, 6, 0, 0);
    let n = 0;
    while (q.peekTime() < Infinity) {
      q.pop();
      // Once the heap is empty, a side event with nothing in the heap, and a later one.
      if (++n === 3) q.pushSide(q.popTime, 1, 6, 0, 0);
      if (n === 5) q.push(q.popTime + 0.25, 0, 1, 2, 3);
    }
    base = q.popTime + 1000.5;
  }
}
