/**
 * The dispatcher's side of a live session: why each unit would or would not be sent
 * (candidates), and sending one by hand (assign). Refusals are values, not exceptions: the trainer
 * clicked something that cannot be done, which is an expected outcome.
 */
import { GRADES } from '../../shared/scenario';
import type { LiveAssignRefusal, LiveCandidateView } from '../../shared/live';
import { applyBorder, availableUnits, chooseUnit, unitPlace } from '../dispatch/choose';
import { US, UNIT_STATE_NAMES } from '../fleet/fleet';
import { CS } from '../model/call';
import { openSlot } from '../model/dispatch-pass';
import type { SimState } from '../model/state';
import { dispatchUnit, withdraw } from '../model/unit-jobs';
import type { DispatchExplainer } from '../dispatch/explain';

export type AssignOutcome =
  | { ok: true; unit: string; incident: number; etaS: number }
  | {
      ok: false;
      reason: LiveAssignRefusal;
      message: string;
    };

/** A unit ranked for an incident (`LiveCandidateView`, declared once in src/shared/live.ts), with its travel time. */
export interface Candidate extends LiveCandidateView {
  /** Travel seconds from where the unit is now (turnout excluded); Infinity when unreachable. */
  readonly travelS: number;
}

/** Candidates for incident `id`, best first: the chosen unit, other eligible units by ETA, then the rest by ETA. */
export function rankCandidates(sim: SimState, id: number): Candidate[] {
  const call = sim.calls.get(id);
  if (!call || !call.place) return [];
  const f = sim.fleet;
  const slot = openSlot(call);
  const turnout = slot >= 0 ? call.slotTurnoutS[slot]! : 0;
  const departS = sim.now + turnout;
  const blue = sim.scenario.grades[GRADES[call.grade]!].blueLight;
  const onDuty: number[] = [];
  for (let u = 0; u < f.n; u++) if (f.state[u] !== US.OFF) onDuty.push(u);
  const times = sim.travel.timesTo(onDuty.map((u) => unitPlace(sim, u)), call.place, departS, blue);
  const available = availableUnits(sim, call.grade);
  const reserveOk = new Set(available);
  const allowed = new Set(applyBorder(sim, call, available));
  const chosen = slot >= 0 ? chooseUnit(sim, call, departS)?.unit : undefined;
  const policy = sim.scenario.dispatch.policy;
  const out: Candidate[] = onDuty.map((u, i) => {
    const state = f.state[u]!;
    const free = state === US.FREE || state === US.RETURNING;
    let reason: string;
    if (u === chosen) reason = `chosen by ${policy}`;
    else if (!free) {
      const inc = f.incident[u]!;
      reason = `busy: ${UNIT_STATE_NAMES[state]}${inc >= 0 ? ` at incident ${inc}` : ''}${f.offAfterJob[u] ? ' (shift over)' : ''}`;
    } else if (!reserveOk.has(u)) reason = 'held in reserve';
    else if (!allowed.has(u)) reason = `outside the border (${sim.scenario.dispatch.border})`;
    else reason = 'free';
    return {
      unit: f.ids[u]!,
      station: f.stations[f.station[u]!]!.id,
      state: UNIT_STATE_NAMES[state]!,
      travelS: times[i]!,
      etaS: turnout + times[i]!,
      chosen: u === chosen,
      eligible: allowed.has(u),
      reason,
      incident: f.incident[u]! >= 0 ? f.incident[u]! : null,
    };
  });
  const rank = (c: Candidate) => (c.chosen ? 0 : c.eligible ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || a.etaS - b.etaS);
}

/**
 * Sends `unitId` to incident `id` now. A busy unit is diverted (its incident goes back to pending).
 * `explainer` records the assignment as the trainer's in the dispatch explanation.
 */
export function assignUnit(sim: SimState, id: number, unitId: string, explainer?: DispatchExplainer): AssignOutcome {
  const no = (reason: Extract<AssignOutcome, { ok: false }>['reason'], message: string): AssignOutcome => ({ ok: false, reason, message });
  const call = sim.calls.get(id);
  if (!call) return no('NO_SUCH_INCIDENT', `incident ${id} is not live (never was, or is over)`);
  if (call.state === CS.WAITING || call.state === CS.IN_HANDLING) return no('INCIDENT_NOT_READY', `incident ${id} is still a call being handled`);
  if (call.state === CS.DECIDING) {
    // The trainer decides now: skip the rest of the decision time.
    call.state = CS.ACTIVE;
    call.pendingS = sim.now;
    call.place = sim.travel.place(call.lon, call.lat);
    sim.log?.set('pendingS', id, sim.now);
    sim.pending.add(call);
  }
  const slot = openSlot(call);
  if (slot < 0) return no('INCIDENT_FULLY_ASSIGNED', `incident ${id} has all the units it needs`);
  const u = sim.fleet.indexOf(unitId);
  if (u < 0) return no('NO_SUCH_UNIT', `no unit "${unitId}"`);
  const f = sim.fleet;
  const state = f.state[u]!;
  if (state === US.OFF || f.offAfterJob[u]) return no('UNIT_OFF_DUTY', `unit ${unitId} is off duty`);
  if (state === US.TO_CUSTODY || state === US.IN_CUSTODY) return no('UNIT_IN_CUSTODY', `unit ${unitId} is dealing with a prisoner`);
  if (f.incident[u] === id) return no('UNIT_ALREADY_ON_INCIDENT', `unit ${unitId} is already on incident ${id}`);
  const blue = sim.scenario.grades[GRADES[call.grade]!].blueLight;
  const departS = sim.now + call.slotTurnoutS[slot]!;
  const travelS = sim.travel.timesTo([unitPlace(sim, u)], call.place!, departS, blue)[0]!;
  if (!Number.isFinite(travelS)) return no('NO_ROUTE', `unit ${unitId} cannot reach incident ${id}`);
  if (state === US.TRAVELLING || state === US.ON_SCENE) withdraw(sim, u);
  explainer?.byTrainer();
  dispatchUnit(sim, u, call, slot);
  if (openSlot(call) < 0) sim.pending.remove(call);
  return { ok: true, unit: unitId, incident: id, etaS: call.slotTurnoutS[slot]! + travelS };
}
