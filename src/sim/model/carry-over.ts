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
import type { Grade } from '../../shared/scenario';
import type { Call } from './call';
import type { SimState } from './state';

const GRADES: readonly Grade[] = ['I', 'S', 'E', 'R'];

/** Carries over every incident now due (a no-op without `dispatch.carryOver`). */
export function carryOverDue(sim: SimState): void {
  const rule = sim.scenario.dispatch.carryOver;
  if (!rule) return;
  for (let g = 0; g < 3; g++) {
    const afterS = rule[GRADES[g] as 'I' | 'S' | 'E'];
    if (afterS === undefined) continue;
    const list = sim.pending.byGrade[g]!;
    const due: Call[] = [];
    while (list.length > 0 && !list[0]!.carried && sim.now - list[0]!.pendingS >= afterS) due.push(list.shift()!);
    for (const call of due) {
      call.inPending = false;
      call.carried = true;
      sim.pending.add(call);
    }
  }
}
