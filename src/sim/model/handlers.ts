/**
 * The model's handler table: one handler per event kind of event-kinds.ts, keyed alike so the compiler
 * checks that none is missing, and laid out as a plain array indexed by kind code for the core.
 *
 * Unit events carry the unit's version when they were scheduled (b): one whose unit has changed
 * plans since is stale and does nothing.
 */
import type { Handler } from '../core/core';
import * as callFlow from './call-flow';
import { runDispatch as runDispatchImported } from './dispatch-pass';
import { EVENT_KINDS, type EventKey } from './event-kinds';
import * as refreshment from './refreshment';
import * as shiftChanges from './shift-changes';
import type { SimState } from './state';
import * as unitJobs from './unit-jobs';

// Plain objects of the handlers' functions, read once: a namespace import's every property read
// goes through getters under a CommonJS transform (as tsx runs the command line and the benchmarks).
const calls = { arrival: callFlow.arrival, abandon: callFlow.abandon, dispatchable: callFlow.dispatchable, handlingEnd: callFlow.handlingEnd };
const breaks = { breakDue: refreshment.breakDue, breakEnd: refreshment.breakEnd };
const shifts = { shiftEnd: shiftChanges.shiftEnd, shiftStart: shiftChanges.shiftStart };
const units = { atBase: unitJobs.atBase, atScene: unitJobs.atScene, sceneEnd: unitJobs.sceneEnd, atCustody: unitJobs.atCustody, clear: unitJobs.clear };
const runDispatch = runDispatchImported;

const BY_KEY: { readonly [K in EventKey]: Handler<SimState> } = {
  SHIFT_END: (s, j) => {
    shifts.shiftEnd(s, j);
    return true;
  },
  SHIFT_START: (s, j) => {
    shifts.shiftStart(s, j);
    return true;
  },
  UNIT_AT_BASE: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    units.atBase(s, u);
    return true;
  },
  UNIT_AT_SCENE: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    units.atScene(s, u);
    return true;
  },
  UNIT_SCENE_END: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    units.sceneEnd(s, u);
    return true;
  },
  UNIT_AT_CUSTODY: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    units.atCustody(s, u);
    return true;
  },
  UNIT_CUSTODY_END: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    units.clear(s, u);
    return true;
  },
  HANDLING_END: (s, id, pool) => {
    calls.handlingEnd(s, id, pool);
    return true;
  },
  ABANDON: (s, id) => calls.abandon(s, id),
  DISPATCHABLE: (s, id) => calls.dispatchable(s, id),
  ARRIVAL: (s, line) => {
    calls.arrival(s, s.lines[line]!);
    return true;
  },
  BREAK_DUE: (s, u) => breaks.breakDue(s, u),
  BREAK_END: (s, u, version) => {
    if (s.fleet.version[u] !== version) return false;
    breaks.breakEnd(s, u);
    return true;
  },
  DISPATCH: (s) => {
    s.dispatchRan();
    runDispatch(s);
    s.explain?.afterPass();
    return true;
  },
};

/** Index = kind code. */
export const HANDLERS: readonly Handler<SimState>[] = EVENT_KINDS.map((k) => BY_KEY[k.key]);
