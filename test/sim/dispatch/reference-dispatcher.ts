/**
 * The dispatch pass written the plain way, as MODEL.md states it, with no index and no early stop:
 * every pending incident, in grade order then queue order, looks at the whole fleet for the best
 * allowed free unit (best(applyBorder(availableUnits(all)))), else for a unit to divert. The tests
 * run whole scenarios with this in place of src/sim/model/dispatch-pass.ts and expect the same bytes.
 */
import { applyBorder, availableUnits, best } from '../../../src/sim/dispatch/choose';
import { US } from '../../../src/sim/fleet/fleet';
import type { Call } from '../../../src/sim/model/call';
import type { SimState } from '../../../src/sim/model/state';
import { dispatchUnit, withdraw } from '../../../src/sim/model/unit-jobs';

const GRADE_KEYS = ['I', 'S', 'E', 'R'] as const;

export function openSlot(call: Call): number {
  for (let k = 0; k < call.slots; k++) if (call.slotUnit[k] === -1 && call.slotDone[k] === 0) return k;
  return -1;
}

export function runDispatch(sim: SimState): void {
  const divert = sim.scenario.dispatch.divert;
  for (let g = 0; g < 4; g++) {
    const list = sim.pending.byGrade[g]!;
    const mayDivert = divert !== undefined && divert.to.includes(GRADE_KEYS[g]!);
    let i = 0;
    while (i < list.length) {
      const call = list[i]!;
      serve(sim, call, mayDivert);
      if (openSlot(call) < 0) {
        list.splice(i, 1);
        call.inPending = false;
      } else i++;
    }
  }
}

function serve(sim: SimState, call: Call, mayDivert: boolean): void {
  for (let slot = openSlot(call); slot >= 0; slot = openSlot(call)) {
    const departS = sim.now + call.slotTurnoutS[slot]!;
    const free = best(sim, call, applyBorder(sim, call, availableUnits(sim, call.grade)), departS);
    if (free) {
      dispatchUnit(sim, free.unit, call, slot);
      continue;
    }
    const diverted = mayDivert ? best(sim, call, applyBorder(sim, call, divertible(sim)), departS) : null;
    if (!diverted) return;
    withdraw(sim, diverted.unit);
    dispatchUnit(sim, diverted.unit, call, slot);
  }
}

/** Units travelling to, or on scene at, an incident of a `from` grade, shift not over. */
function divertible(sim: SimState): number[] {
  const from = (sim.scenario.dispatch.divert?.from ?? []).map((g) => GRADE_KEYS.indexOf(g));
  const f = sim.fleet;
  const out: number[] = [];
  for (let u = 0; u < f.n; u++) {
    const s = f.state[u]!;
    if ((s !== US.TRAVELLING && s !== US.ON_SCENE) || f.offAfterJob[u]) continue;
    const other = sim.calls.get(f.incident[u]!);
    if (other && from.includes(other.grade)) out.push(u);
  }
  return out;
}
