/**
 * A unit's job (MODEL.md steps 4-7): dispatched, it turns out and drives to the scene, spends its
 * time on scene, perhaps takes an arrested person to the nearest custody suite, then is free where
 * it is and drives back to base (free while returning). A unit whose shift has ended goes off duty
 * when the job is done. Every change bumps the unit's version, so older events become stale.
 */
import { unitPlace } from '../dispatch/choose';
import { US } from '../fleet/fleet';
import { CS, type Call } from './call';
import { EV } from './event-kinds';
import { takeDueBreak } from './refreshment';
import type { SimState } from './state';

/** Sends unit `u` (available, or diverted) to slot `slot` of `call`, now. */
export function dispatchUnit(sim: SimState, u: number, call: Call, slot: number): void {
  sim.explain?.sent(call, slot, u);
  const f = sim.fleet;
  const now = sim.now;
  const origin = unitPlace(sim, u);
  const departS = now + call.slotTurnoutS[slot]!;
  const blue = sim.gradeRules.blueLight[call.grade] === 1;
  const trip = sim.travel.trip(origin, call.place!, departS, blue);
  if (!Number.isFinite(trip.durationS)) throw new Error(`unit ${f.ids[u]} cannot reach call ${call.id}: no route`);
  sim.setUnitState(u, US.TRAVELLING);
  const version = ++f.version[u]!;
  f.incident[u] = call.id;
  f.slot[u] = slot;
  f.trip[u] = trip;
  f.tripDepartS[u] = departS;
  call.slotUnit[slot] = u;
  call.slotDispatchS[slot] = now;
  call.assigned++;
  const log = sim.log;
  if (log) {
    if (Number.isNaN(log.get('firstDispatchS', call.id))) log.set('firstDispatchS', call.id, now);
    log.setInt('unitsSent', call.id, log.getInt('unitsSent', call.id) + 1);
  }
  sim.collector.dispatched(u, now);
  sim.collector.journey(departS, trip.durationS, trip.accessS);
  sim.schedule(departS + trip.durationS, EV.UNIT_AT_SCENE, u, version);
}

/** Takes unit `u` off its incident (a diversion): the incident goes back to the pending queue. */
export function withdraw(sim: SimState, u: number): void {
  const f = sim.fleet;
  const call = sim.calls.get(f.incident[u]!);
  const slot = f.slot[u]!;
  if (!call) throw new Error(`unit ${f.ids[u]} is withdrawn from call ${f.incident[u]} that is not live`);
  if (f.state[u] === US.ON_SCENE) call.slotOnSceneS[slot] = Math.max(0, f.sceneEndS[u]! - sim.now);
  call.slotUnit[slot] = -1;
  call.assigned--;
  sim.pending.add(call);
  sim.requestDispatch();
}

/** UNIT_AT_SCENE. */
export function atScene(sim: SimState, u: number): void {
  const f = sim.fleet;
  const call = sim.calls.get(f.incident[u]!)!;
  const slot = f.slot[u]!;
  sim.setUnitState(u, US.ON_SCENE);
  f.trip[u] = null;
  if (Number.isNaN(call.firstArriveS)) firstArrival(sim, call, u, slot);
  f.sceneEndS[u] = sim.now + call.slotOnSceneS[slot]!;
  sim.schedule(f.sceneEndS[u]!, EV.UNIT_SCENE_END, u, f.version[u]!);
}

/** Scratch for firstArrival's response components (the collector reads them, keeps none); an array of doubles from the start. */
const PARTS: number[] = [0.5, 0.5, 0.5, 0.5, 0.5];

function firstArrival(sim: SimState, call: Call, u: number, slot: number): void {
  const now = sim.now;
  call.firstArriveS = now;
  const dispatchS = call.slotDispatchS[slot]!;
  const turnoutS = call.slotTurnoutS[slot]!;
  const parts = PARTS;
  parts[0] = call.answeredS - call.tS;
  parts[1] = call.handledS - call.answeredS;
  parts[2] = dispatchS - call.handledS;
  parts[3] = turnoutS;
  parts[4] = now - dispatchS - turnoutS;
  const responseS = now - call.tS;
  // Into the warm-up's collector when not counted (see collector.ts).
  const target = sim.gradeRules.targetS[call.grade]!;
  sim.tallies[call.counted ? 1 : 0].attendedIncident(call.grade, call.area, call.tS, responseS, target, parts);
  sim.openCounted -= call.counted ? 1 : 0;
  const log = sim.log;
  if (log) {
    log.set('firstArriveS', call.id, now);
    log.setInt('firstUnit', call.id, u);
    log.set('turnoutS', call.id, turnoutS);
    log.set('travelS', call.id, parts[4]!);
  }
  sim.observer?.firstArrival?.(call, responseS);
}

/** UNIT_SCENE_END: the slot is done; the unit takes the arrest (the first to finish does) or clears. */
export function sceneEnd(sim: SimState, u: number): void {
  const f = sim.fleet;
  const call = sim.calls.get(f.incident[u]!)!;
  const slot = f.slot[u]!;
  call.slotDone[slot] = 1;
  call.done++;
  if (call.arrest && !call.arrestTaken) {
    call.arrestTaken = true;
    toCustody(sim, u, call);
  } else clear(sim, u);
  if (call.done === call.slots) {
    call.state = CS.DONE;
    sim.log?.set('clearS', call.id, sim.now);
    sim.calls.delete(call.id);
    sim.callPool?.give(call);
  }
}

function toCustody(sim: SimState, u: number, call: Call): void {
  const f = sim.fleet;
  const suites = f.custodySuites;
  const times = sim.travel.timesFrom(call.place!, f.custodyPlaces, sim.now, false);
  let best = -1;
  for (let k = 0; k < suites.length; k++) if (Number.isFinite(times[k]!) && (best < 0 || times[k]! < times[best]!)) best = k;
  if (best < 0) {
    // No suite reachable: the arrest cannot be completed by road; the unit clears instead.
    clear(sim, u);
    return;
  }
  const station = suites[best]!;
  const trip = sim.travel.trip(call.place!, f.stations[station]!.place, sim.now, false);
  sim.setUnitState(u, US.TO_CUSTODY);
  const version = ++f.version[u]!;
  f.trip[u] = trip;
  f.tripDepartS[u] = sim.now;
  f.custodyStation[u] = station;
  f.custodyS[u] = call.custodyS;
  sim.collector.journey(sim.now, trip.durationS, trip.accessS);
  sim.schedule(sim.now + trip.durationS, EV.UNIT_AT_CUSTODY, u, version);
}

/** UNIT_AT_CUSTODY. */
export function atCustody(sim: SimState, u: number): void {
  const f = sim.fleet;
  sim.setUnitState(u, US.IN_CUSTODY);
  f.trip[u] = null;
  sim.schedule(sim.now + f.custodyS[u]!, EV.UNIT_CUSTODY_END, u, f.version[u]!);
}

/** The job is over: free where it is, driving home (or off duty when its shift has ended). */
export function clear(sim: SimState, u: number): void {
  const f = sim.fleet;
  const here = unitPlace(sim, u);
  f.incident[u] = -1;
  f.slot[u] = -1;
  const version = ++f.version[u]!;
  const trip = sim.travel.trip(here, f.home(u), sim.now, false);
  f.trip[u] = trip;
  f.tripDepartS[u] = sim.now;
  if (f.offAfterJob[u]) {
    // Off duty: it still drives home, which the map shows, but it is no longer on the books.
    f.offAfterJob[u] = 0;
    sim.setUnitState(u, US.OFF);
    return;
  }
  if (trip.durationS > 0 && Number.isFinite(trip.durationS)) {
    sim.setUnitState(u, US.RETURNING);
    sim.collector.journey(sim.now, trip.durationS, trip.accessS);
    sim.schedule(sim.now + trip.durationS, EV.UNIT_AT_BASE, u, version);
  } else {
    f.trip[u] = null;
    if (!takeDueBreak(sim, u)) sim.setUnitState(u, US.FREE);
  }
  sim.requestDispatch();
}

/** UNIT_AT_BASE. */
export function atBase(sim: SimState, u: number): void {
  sim.fleet.trip[u] = null;
  if (!takeDueBreak(sim, u)) sim.setUnitState(u, US.FREE);
}
