/**
 * Carry-over (addition, docs/MODEL-ADDITIONS.md): with `dispatch.carryOver: { "S": 2400 }` an S
 * incident still waiting for a unit 40 minutes after it joined the pending queue is carried over:
 * it goes behind every fresher S incident (still ahead of every E incident), the carried ones
 * keeping their order among themselves. Dispatchers resource first the incidents that can still
 * be reached within target; those that can no longer wait for a lull, which under strain comes
 * only when the next shift comes on (all its units free at once). This gives the S times their
 * long tail: a mean far above what the share within target implies for first come, first served,
 * as in the published figures.
 *
 * The order matters only when the dispatcher serves, so the pass calls `carryOverDue` first
 * (dispatch-pass.ts): the incidents due are at the front of the fresh part of each list, since it
 * is sorted by the time they joined.
 */
import type { Grade, Scenario } from '../../shared/scenario';
import type { SimState } from './state';

const GRADES: readonly Grade[] = ['I', 'S', 'E', 'R'];

/**
 * Per grade index (I, S, E): seconds in the pending queue after which an incident is carried over,
 * NaN for a grade without the rule; null without `dispatch.carryOver` (built once per run).
 */
export function carryOverAfterS(scenario: Scenario): Float64Array | null {
  const rule = scenario.dispatch.carryOver;
  if (!rule) return null;
  const out = new Float64Array(3).fill(NaN);
  for (let g = 0; g < 3; g++) {
    const afterS = rule[GRADES[g] as 'I' | 'S' | 'E'];
    if (afterS !== undefined) out[g] = afterS;
  }
  return out;
}

/** Carries over every incident now due (a no-op without `dispatch.carryOver`). */
export function carryOverDue(sim: SimState): void {
  const rule = sim.carryOverAfterS;
  if (rule === null) return;
  const now = sim.now;
  for (let g = 0; g < 3; g++) {
    const afterS = rule[g]!;
    if (afterS !== afterS) continue;
    const pending = sim.pending;
    const list = pending.list(g);
    // The due ones are at the front of the fresh part; carried, each goes behind every fresher
    // incident (and behind the carried ones before it), so taking them one at a time from the
    // front gives the order taking them all at once gave.
    for (let head = pending.head(g); head < list.length; head = pending.head(g)) {
      const call = list[head]!;
      if (call.carried || now - call.pendingS < afterS) break;
      pending.setHead(g, head + 1);
      call.inPending = false;
      call.carried = true;
      pending.add(call);
    }
  }
}
