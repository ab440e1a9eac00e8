/**
 * What an exercise script does to the model beyond injecting incidents (docs/MODEL-ADDITIONS.md
 * "Exercise scripts"): a unit taken off the board and given back, call takers away and back, and
 * an injected incident needing a set number of units. Each is a plain state change at the current
 * simulated instant, so a script applied to the same session at the same times gives the same run.
 */
import { US } from '../fleet/fleet';
import { shiftActive } from '../time';
import type { Call } from '../model/call';
import { takeNext } from '../model/call-flow';
import type { SimState } from '../model/state';
import { withdraw } from '../model/unit-jobs';

/** An injected incident's units needed: extra slots repeat slot 0's drawn times (no further draws). */
export function setUnitsRequired(call: Call, n: number): void {
  const c = call as Call & { slots: number };
  if (n < 1 || c.slots < 1) return;
  while (c.slotUnit.length < n) {
    c.slotUnit.push(-1);
    c.slotOnSceneS.push(c.slotOnSceneS[0]!);
    c.slotTurnoutS.push(c.slotTurnoutS[0]!);
    c.slotDispatchS.push(NaN);
    c.slotDone.push(0);
  }
  for (const a of [c.slotUnit, c.slotOnSceneS, c.slotTurnoutS, c.slotDispatchS, c.slotDone]) a.length = n;
  c.slots = n;
}

/**
 * Unit `u` breaks down or is called away now: off the board until `recoverUnit`. A unit driving to
 * or at an incident is taken off it (the incident waits for another unit); one with a prisoner
 * finishes that first. Returns the incident it left, or null.
 */
export function faultUnit(sim: SimState, u: number): number | null {
  const f = sim.fleet;
  const state = f.state[u]!;
  f.held[u] = 1;
  let left: number | null = null;
  if (state === US.TO_CUSTODY || state === US.IN_CUSTODY) {
    f.offAfterJob[u] = 1;
    f.epoch++;
    return f.incident[u]! >= 0 ? f.incident[u]! : null;
  }
  if (state === US.TRAVELLING || state === US.ON_SCENE) {
    left = f.incident[u]!;
    withdraw(sim, u);
  }
  if (state !== US.OFF) {
    f.version[u]!++; // its pending events (arrival, scene end, at base) no longer happen
    f.incident[u] = -1;
    f.slot[u] = -1;
    f.trip[u] = null;
    sim.setUnitState(u, US.OFF);
  }
  f.epoch++;
  sim.requestDispatch();
  return left;
}

/** The fault of unit `u` is over: back on the board at its base if its shift is on now. */
export function recoverUnit(sim: SimState, u: number): void {
  const f = sim.fleet;
  f.held[u] = 0;
  const j = f.shift[u]!;
  const sh = j >= 0 ? sim.shifts[j] : undefined;
  const onDuty = !sh || shiftActive(sim.now, sim.offsetS, sh.startOfDayS, sh.durationS);
  if (!onDuty) return;
  if (f.state[u] === US.OFF) {
    f.version[u]!++;
    f.trip[u] = null;
    sim.setUnitState(u, US.FREE);
  } else f.offAfterJob[u] = 0;
  f.epoch++;
  sim.requestDispatch();
}

/** `count` call takers of pool `p` leave now (no more than are on duty); returns how many left. */
export function callTakersAway(sim: SimState, p: number, count: number): number {
  const pool = sim.pools[p]!;
  const away = Math.max(0, Math.min(count, pool.capacity));
  pool.capacity -= away;
  return away;
}

/** `count` call takers of pool `p` come back and answer waiting calls. */
export function callTakersBack(sim: SimState, p: number, count: number): void {
  const pool = sim.pools[p]!;
  pool.capacity += count;
  while (pool.busy < pool.capacity && takeNext(sim, p)) {
    // each pass answers one waiting call
  }
}
