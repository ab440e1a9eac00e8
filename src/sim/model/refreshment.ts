/**
 * Refreshment breaks (addition, docs/MODEL-ADDITIONS.md): with `refreshment` every unit of a shift
 * takes one break a shift, at its base. The break falls due between `earliestS` and `latestS` after
 * the shift starts, staggered evenly over the units of the shift in each BCU (so a BCU never sends
 * its whole shift to eat at once). A unit due a break that is free at base takes it at once; one
 * that is busy or driving back takes it when it is next free at base; one whose shift ends first
 * misses it. On break the unit is off the books (as off duty: neither free nor working), and
 * comes back free at its base. Break lengths are drawn when the shift starts, in unit order, from
 * a stream of their own, so dispatch never changes them. Round-the-clock units take no breaks.
 */
import { US } from '../fleet/fleet';
import type { Breaks } from './breaks';
import { EV } from './event-kinds';
import type { SimState } from './state';

/** SHIFT_START of shift `j` (hook): each of its units gets its break due time and length. */
export function scheduleBreaks(sim: SimState, j: number): void {
  const rt = sim.breaks;
  if (!rt) return;
  const spec = sim.scenario.refreshment!;
  const endS = sim.now + sim.shifts[j]!.durationS;
  for (const u of sim.fleet.byShift[j]!) {
    rt.due[u] = 0;
    rt.until[u] = endS;
    rt.lengthS[u] = rt.duration(rt.rng);
    sim.schedule(sim.now + spec.earliestS + (spec.latestS - spec.earliestS) * rt.stagger[u]!, EV.BREAK_DUE, u, 0);
  }
}

/** BREAK_DUE of unit `u`: false when its shift is already over. */
export function breakDue(sim: SimState, u: number): boolean {
  const rt = sim.breaks;
  if (!rt || sim.now >= rt.until[u]!) return false;
  rt.due[u] = 1;
  const f = sim.fleet;
  if (f.state[u] === US.FREE && !f.offAfterJob[u]) startBreak(sim, rt, u);
  return true;
}

/** Unit `u` is free at its base now (hook): it takes a break that is due; true if it did. */
export function takeDueBreak(sim: SimState, u: number): boolean {
  const rt = sim.breaks;
  if (!rt || !rt.due[u] || sim.fleet.offAfterJob[u] || sim.now >= rt.until[u]!) return false;
  startBreak(sim, rt, u);
  return true;
}

function startBreak(sim: SimState, rt: Breaks, u: number): void {
  const f = sim.fleet;
  rt.due[u] = 0;
  f.trip[u] = null;
  const version = ++f.version[u]!;
  sim.setUnitState(u, US.OFF);
  sim.schedule(sim.now + rt.lengthS[u]!, EV.BREAK_END, u, version);
}

/** BREAK_END of unit `u`: back on duty at its base, unless its shift ended meanwhile. */
export function breakEnd(sim: SimState, u: number): void {
  const rt = sim.breaks!;
  if (sim.now >= rt.until[u]!) return;
  sim.setUnitState(u, US.FREE);
  sim.requestDispatch();
}
