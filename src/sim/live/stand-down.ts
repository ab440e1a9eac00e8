/**
 * Standing a unit down (a trainer's action, docs/MODEL-ADDITIONS.md "Trainer's actions in live
 * mode"): the unit leaves its incident, which no longer needs it (its slot is done), and is free
 * where it is, driving back to base. An incident whose every slot is then done is over; one that
 * no unit ever reached is closed unattended (no response time). Refusals are values.
 */
import { US } from '../fleet/fleet';
import { CS } from '../model/call';
import { openSlot } from '../model/dispatch-pass';
import type { SimState } from '../model/state';
import { clear } from '../model/unit-jobs';

export type StandDownRefusal = 'NO_SUCH_UNIT' | 'UNIT_NOT_ON_INCIDENT' | 'UNIT_IN_CUSTODY';

export type StandDownOutcome =
  | { readonly ok: true; readonly unit: string; /** the incident it left */ readonly incident: number; /** true when the incident is over with it */ readonly closed: boolean }
  | { readonly ok: false; readonly reason: StandDownRefusal; readonly message: string };

/** Stands `unitId` down from its incident now; `note` records it on the incident's dispatch explanation. */
export function standDown(sim: SimState, unitId: string, note?: (incident: number, text: string) => void): StandDownOutcome {
  const f = sim.fleet;
  const u = f.indexOf(unitId);
  if (u < 0) return { ok: false, reason: 'NO_SUCH_UNIT', message: `no unit "${unitId}"` };
  const state = f.state[u]!;
  if (state === US.TO_CUSTODY || state === US.IN_CUSTODY) return { ok: false, reason: 'UNIT_IN_CUSTODY', message: `unit ${unitId} is dealing with a prisoner` };
  const call = state === US.TRAVELLING || state === US.ON_SCENE ? sim.calls.get(f.incident[u]!) : undefined;
  if (!call) return { ok: false, reason: 'UNIT_NOT_ON_INCIDENT', message: `unit ${unitId} is not on an incident` };
  const slot = f.slot[u]!;
  note?.(call.id, `${unitId} stood down by the trainer${state === US.TRAVELLING ? ' before it arrived' : ''}`);
  call.slotDone[slot] = 1;
  call.done++;
  // Free where it is (its place read while it is still on the incident), driving home.
  clear(sim, u);
  if (openSlot(call) < 0) sim.pending.remove(call);
  const closed = call.done === call.slots;
  if (closed) {
    call.state = CS.DONE;
    sim.log?.set('clearS', call.id, sim.now);
    // Never reached: it leaves the run unattended, so the run need not wait for it.
    if (call.counted && Number.isNaN(call.firstArriveS)) sim.openCounted--;
    sim.calls.delete(call.id);
  }
  return { ok: true, unit: unitId, incident: call.id, closed };
}
