/**
 * Staffing by shift (MODEL.md steps 2 and 7): at a shift's start its call takers and units come
 * on (units at their station); at its end its call takers finish the call in hand and its units
 * finish their job, then go off duty. Shifts repeat every day at their local start time.
 */
import { US } from '../fleet/fleet';
import { nextTimeOfDay, shiftActive, DAY_S } from '../time';
import { takeNext } from './call-flow';
import { EV } from './event-kinds';
import { scheduleBreaks } from './refreshment';
import type { SimState } from './state';

/** State at the first instant, and the first shift events. */
export function initialise(sim: SimState): void {
  const active = sim.shifts.map((sh) => shiftActive(sim.t0, sim.offsetS, sh.startOfDayS, sh.durationS));
  for (const pool of sim.pools) {
    pool.capacity = pool.roundTheClock;
    active.forEach((on, j) => {
      if (on) pool.capacity += pool.perShift[j]!;
    });
  }
  const f = sim.fleet;
  for (let u = 0; u < f.n; u++) {
    f.since[u] = sim.t0;
    const j = f.shift[u]!;
    if (j < 0 || active[j]) sim.setUnitState(u, US.FREE);
  }
  sim.shifts.forEach((sh, j) => {
    sim.schedule(nextTimeOfDay(sim.t0, sim.offsetS, (sh.startOfDayS + sh.durationS) % DAY_S), EV.SHIFT_END, j, 0);
    sim.schedule(nextTimeOfDay(sim.t0, sim.offsetS, sh.startOfDayS), EV.SHIFT_START, j, 0);
  });
}

/** SHIFT_END of shift `j`. */
export function shiftEnd(sim: SimState, j: number): void {
  sim.schedule(sim.now + DAY_S, EV.SHIFT_END, j, 0);
  for (const pool of sim.pools) pool.capacity -= pool.perShift[j]!;
  const f = sim.fleet;
  for (const u of f.byShift[j]!) {
    const s = f.state[u]!;
    if (s === US.FREE || s === US.RETURNING) {
      f.version[u]!++; // a return in progress no longer ends in an event: the unit is off the books
      sim.setUnitState(u, US.OFF);
    } else if (s !== US.OFF) f.offAfterJob[u] = 1;
  }
  f.epoch++; // units whose shift is over can no longer be diverted
}

/** SHIFT_START of shift `j`. */
export function shiftStart(sim: SimState, j: number): void {
  sim.schedule(sim.now + DAY_S, EV.SHIFT_START, j, 0);
  sim.pools.forEach((pool, p) => {
    pool.capacity += pool.perShift[j]!;
    while (pool.busy < pool.capacity && takeNext(sim, p)) {
      // each pass answers one waiting call
    }
  });
  const f = sim.fleet;
  for (const u of f.byShift[j]!) {
    if (f.held[u]) continue; // an exercise's unit fault: it comes back when the fault ends
    if (f.state[u] === US.OFF) {
      f.version[u]!++;
      f.trip[u] = null;
      sim.setUnitState(u, US.FREE);
    } else f.offAfterJob[u] = 0;
  }
  f.epoch++; // units kept on by the new shift can be diverted again
  scheduleBreaks(sim, j);
  sim.requestDispatch();
}
