/**
 * The dispatch pass: once per instant at which something changed, the pending incidents are
 * served in grade order, then in the order they joined; each gets the best allowed free unit
 * (dispatch/choose.ts), or, for a grade that may take diverted units, the best unit working on a lower
 * grade. An incident needing several units takes them one by one.
 */
import { anyAvailable, chooseDiversion, chooseUnit, diversionCandidates } from '../dispatch/choose';
import type { Call } from './call';
import { carryOverDue } from './carry-over';
import type { SimState } from './state';
import { dispatchUnit, withdraw } from './unit-jobs';

/** First slot of `call` with no unit and not done, -1 when none. */
export function openSlot(call: Call): number {
  for (let k = 0; k < call.slots; k++) if (call.slotUnit[k] === -1 && call.slotDone[k] === 0) return k;
  return -1;
}

export function runDispatch(sim: SimState): void {
  if (sim.pending.size === 0) return;
  const divert = sim.scenario.dispatch.divert;
  if (sim.fleet.freeTotal === 0 && !divert) return;
  carryOverDue(sim);
  const pending = sim.pending;
  for (let g = 0; g < 4; g++) {
    if (pending.count(g) === 0) continue;
    // The grade found no unit at all last time, and no unit has changed since: nor would it now.
    if (sim.stuckEpoch[g] === sim.fleet.epoch) continue;
    sim.stuckEpoch[g] = -1;
    const mayDivert = divert !== undefined && sim.gradeRules.divertTo[g] === 1;
    const list = pending.list(g);
    const head = pending.head(g);
    // Served incidents leave the list; the others close up behind `kept`, then move up to just
    // before the first incident not looked at, and the head moves up to them.
    let kept = head;
    let i = head;
    while (i < list.length) {
      // Nothing this grade may take is free anywhere (and no unit could be diverted, see
      // serve): every call left in this list would be served nothing, so none is looked at.
      if (!mayDivert && !anyAvailable(sim, g)) break;
      const call = list[i++]!;
      const stuck = serve(sim, call, mayDivert);
      if (openSlot(call) < 0) call.inPending = false;
      else list[kept++] = call;
      if (stuck) {
        sim.stuckEpoch[g] = sim.fleet.epoch;
        break;
      }
    }
    if (kept < i) {
      for (let j = kept - 1, to = i - 1; j >= head; j--, to--) list[to] = list[j]!;
      pending.setHead(g, head + (i - kept));
    }
  }
}

/**
 * Gives `call` as many units as it needs and can get now. True when it stopped for want of any
 * unit at all: none free for its grade and none to divert anywhere, whatever the border. Then no
 * other call of the grade can be served either until a unit comes free (nothing changed).
 */
function serve(sim: SimState, call: Call, mayDivert: boolean): boolean {
  for (let slot = openSlot(call); slot >= 0; slot = openSlot(call)) {
    const departS = sim.now + call.slotTurnoutS[slot]!;
    const free = sim.fleet.freeTotal > 0 ? chooseUnit(sim, call, departS) : null;
    if (free) {
      dispatchUnit(sim, free.unit, call, slot);
      continue;
    }
    if (!mayDivert) return !anyAvailable(sim, call.grade);
    const candidates = diversionCandidates(sim, call);
    const diverted = candidates.length > 0 ? chooseDiversion(sim, call, departS, candidates) : null;
    if (!diverted) return candidates.length === 0 && !anyAvailable(sim, call.grade);
    withdraw(sim, diverted.unit);
    dispatchUnit(sim, diverted.unit, call, slot);
  }
  return false;
}
