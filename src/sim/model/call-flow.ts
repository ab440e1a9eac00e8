/**
 * A call from arrival to incident (MODEL.md steps 1-3): it arrives with everything drawn for it,
 * queues for a call taker (999 ahead of 101), is answered or abandons, is handled and graded, and
 * (after the dispatcher's decision time) joins the pending queue, or ends if it needs no attendance.
 */
import { pickCell, pickCellGuided, type SurgeSegment } from '../demand/weights';
import type { Place } from '../world';
import { CallPool, CS, type Call } from './call';
import { EV } from './event-kinds';
import { LOG_COUNTED, LOG_INJECTED } from './incident-log';
import type { LineRuntime } from './setup';
import type { SimState } from './state';
import { segmentAt } from '../demand/arrivals';
import { traceArea } from '../demand/trace';
import type { EventCallSource } from '../demand/event-calls';

/** What a new call is: where, which grade, and on which line. */
export interface CallSpec {
  readonly lineIndex: number;
  readonly lon: number;
  readonly lat: number;
  readonly area: number;
  readonly pointIndex: number;
  readonly grade: number;
}

/** Draws where the next call of `line` comes from at time `tS` (its own stream). */
export function drawLocation(sim: SimState, line: LineRuntime, tS: number): { lon: number; lat: number; area: number; pointIndex: number } {
  const rng = line.rng.location;
  const cells = sim.cells;
  const seg = cells.segments[segmentAt(cells.segments, tS)]!;
  return placeOfCell(sim, cellOf(seg, line.index, rng.next()), rng);
}

/** Where a call drawn in demand cell `cell` comes from (areas and the network draw a place with `rng`). */
function placeOfCell(sim: SimState, cell: number, rng: LineRuntime['rng']['location']): { lon: number; lat: number; area: number; pointIndex: number } {
  const cells = sim.cells;
  if (cells.kind === 'points') {
    const p = sim.world.points!;
    return { lon: p.lon[cell]!, lat: p.lat[cell]!, area: p.area[cell]!, pointIndex: cell };
  }
  if (cells.kind === 'areas') {
    const pt = sim.world.areas!.samplePoint(cell, rng.uniform);
    return { lon: pt.lon, lat: pt.lat, area: cell, pointIndex: -1 };
  }
  const place = sim.world.randomNetworkPlace!(rng.uniform);
  return { lon: place.lon, lat: place.lat, area: sim.world.areas?.locate(place.lon, place.lat) ?? -1, pointIndex: -1 };
}

/** The cell of line `line`'s calls in segment `seg` for the draw `u` (pickCell, through the guide when the segment has one). */
function cellOf(seg: SurgeSegment, line: number, u: number): number {
  const guide = seg.guide;
  return guide !== undefined ? pickCellGuided(seg.cumulative[line]!, guide[line]!, u) : pickCell(seg.cumulative[line]!, u);
}

function drawGrade(line: LineRuntime): number {
  const u = line.rng.grade.next();
  const c = line.gradeCumulative;
  for (let g = 0; g < 3; g++) if (u < c[g]!) return g;
  return 3;
}

/**
 * Creates call `spec` arriving now, with every per-call draw made from `draw`'s streams (null:
 * the line's own streams, as for demand; live injections pass streams of their own).
 */
export function createCall(sim: SimState, spec: CallSpec, injected: boolean, draw: LineRuntime['rng'] | null): Call {
  return newCall(sim, spec.lineIndex, spec.lon, spec.lat, spec.area, spec.pointIndex, spec.grade, injected, draw);
}

/** Hands out fresh call objects where no pool is kept (it is never given one back). */
const FRESH = new CallPool();

/** createCall with the spec's fields as arguments (no object per call; none at all when the run keeps a pool). */
function newCall(sim: SimState, lineIndex: number, lon: number, lat: number, area: number, pointIndex: number, grade: number, injected: boolean, draw: LineRuntime['rng'] | null): Call {
  const line = sim.lines[lineIndex]!;
  const r = draw ?? line.rng;
  const rules = sim.gradeRules;
  const slots = rules.slots[grade]!;
  const samplers = sim.samplers;
  // A call no unit attends (most 101 calls) shares one empty array per slot field: nothing is
  // ever written to a slot it does not have.
  const call = (sim.callPool ?? FRESH).take(slots);
  if (slots > 0) {
    const onScene = call.slotOnSceneS;
    const turnout = call.slotTurnoutS;
    for (let k = 0; k < slots; k++) onScene[k] = samplers.onScene[grade]!(r.onScene);
    const reports = sim.reports;
    if (reports !== null) onScene[0]! += reports.drawS(grade, lineIndex);
    for (let k = 0; k < slots; k++) turnout[k] = samplers.turnout(r.turnout);
    for (let k = 0; k < slots; k++) {
      call.slotUnit[k] = -1;
      call.slotDispatchS[k] = NaN;
      call.slotDone[k] = 0;
    }
  }
  const arrestP = rules.arrestProbability[grade]!;
  const arrest = slots > 0 && arrestP > 0 && r.arrest.next() < arrestP;
  const id = sim.nextCallId++;
  const now = sim.now;
  // Injected incidents are exercise artefacts: logged and shown live, never counted in results.
  const counted = !injected && sim.collector.counts(now);
  call.id = id;
  call.lineIndex = lineIndex;
  call.counted = counted;
  call.injected = injected;
  call.tS = now;
  call.lon = lon;
  call.lat = lat;
  call.area = area;
  call.pointIndex = pointIndex;
  call.grade = grade;
  call.handlingS = line.handling ? line.handling(r.handling) : 0;
  call.patienceS = line.patience ? line.patience(r.patience) : Infinity;
  call.decisionS = samplers.decision(r.decision);
  call.slots = slots;
  call.arrest = arrest;
  call.custodyS = arrest && samplers.custody ? samplers.custody(r.custody) : 0;
  call.state = CS.WAITING;
  call.place = null;
  call.assigned = 0;
  call.done = 0;
  call.arrestTaken = false;
  call.answeredS = NaN;
  call.handledS = NaN;
  call.pendingS = NaN;
  call.firstArriveS = NaN;
  call.inPending = false;
  call.carried = false;
  sim.calls.set(id, call);
  const log = sim.log;
  if (log) {
    log.add(id);
    log.set('callS', id, now);
    log.set('lon', id, lon);
    log.set('lat', id, lat);
    log.setInt('line', id, lineIndex);
    log.setInt('grade', id, grade);
    log.setInt('area', id, area);
    log.setInt('flags', id, (counted ? LOG_COUNTED : 0) | (injected ? LOG_INJECTED : 0));
  }
  sim.openCounted += counted ? 1 : 0;
  sim.tallies[counted ? 1 : 0].offeredCall(lineIndex, now);
  const observer = sim.observer;
  if (observer !== null && observer.offered) observer.offered(call);
  return call;
}

/** ARRIVAL of the next call on `line`. */
export function arrival(sim: SimState, line: LineRuntime): void {
  if (line.events !== null && line.events.lastSource >= 0) {
    eventArrival(sim, line, line.events.sources[line.events.lastSource]!, line.eventRng!);
    return;
  }
  let call: Call;
  if (line.trace) {
    // Trace replay: the place and grade are the recorded call's; every other draw is the line's own.
    const c = line.trace.take();
    call = newCall(sim, line.index, c.lon, c.lat, traceArea(c, sim.world.areas), -1, c.grade, false, null);
  } else {
    const cells = sim.cells;
    const rng = line.rng.location;
    const seg = cells.segments[segmentAt(cells.segments, sim.now)]!;
    const cell = cellOf(seg, line.index, rng.next());
    if (cells.kind === 'points') {
      const p = sim.world.points!;
      call = newCall(sim, line.index, p.lon[cell]!, p.lat[cell]!, p.area[cell]!, cell, drawGrade(line), false, null);
    } else {
      const where = placeOfCell(sim, cell, rng);
      call = newCall(sim, line.index, where.lon, where.lat, where.area, where.pointIndex, drawGrade(line), false, null);
    }
  }
  sim.scheduleArrival(line, sim.now);
  offer(sim, call);
}

/** ARRIVAL of a demand event's extra call (src/sim/demand/event-calls.ts): its place, grade and draws from the event streams. */
function eventArrival(sim: SimState, line: LineRuntime, src: EventCallSource, r: LineRuntime['rng']): void {
  const where = placeOfCell(sim, pickCell(src.cumulative, r.location.next()), r.location);
  const c = src.gradeCumulative ?? line.gradeCumulative;
  const u = r.grade.next();
  let grade = 3;
  for (let g = 0; g < 3; g++) {
    if (u < c[g]!) {
      grade = g;
      break;
    }
  }
  const call = newCall(sim, line.index, where.lon, where.lat, where.area, where.pointIndex, grade, false, r);
  sim.scheduleArrival(line, sim.now);
  offer(sim, call);
}

/** A new call reaches call handling (or, with callHandling null, becomes an incident at once). */
export function offer(sim: SimState, call: Call): void {
  if (!sim.scenario.callHandling) {
    answer(sim, call, -1);
    return;
  }
  for (const p of sim.poolsForLine[call.lineIndex]!) {
    const pool = sim.pools[p]!;
    if (pool.busy < pool.capacity) {
      answer(sim, call, p);
      return;
    }
  }
  sim.waiting[call.lineIndex]!.push(call.id);
  if (Number.isFinite(call.patienceS)) sim.schedule(sim.now + call.patienceS, EV.ABANDON, call.id, 0);
}

/** Pool `p` (-1: no call handling) answers `call` now. */
function answer(sim: SimState, call: Call, p: number): void {
  call.state = CS.IN_HANDLING;
  call.answeredS = sim.now;
  const waitS = sim.now - call.tS;
  sim.log?.set('answeredS', call.id, sim.now);
  sim.tallies[call.counted ? 1 : 0].answeredCall(call.lineIndex, waitS, sim.lines[call.lineIndex]!.answerTargetS ?? Infinity);
  sim.observer?.answered?.(call, waitS);
  if (p < 0) {
    handled(sim, call);
    return;
  }
  sim.pools[p]!.busy++;
  sim.schedule(sim.now + call.handlingS, EV.HANDLING_END, call.id, p);
}

/** ABANDON: the caller's patience ran out; false (stale) when the call was answered first. */
export function abandon(sim: SimState, id: number): boolean {
  const call = sim.calls.get(id);
  if (!call || call.state !== CS.WAITING) return false;
  call.state = CS.ABANDONED;
  sim.log?.set('abandonedS', id, sim.now);
  sim.tallies[call.counted ? 1 : 0].abandonedCall(call.lineIndex);
  sim.openCounted -= call.counted ? 1 : 0;
  sim.observer?.abandoned?.(call);
  sim.calls.delete(id);
  sim.callPool?.give(call);
  return true;
}

/** HANDLING_END of call `id` by pool `p`: the call taker takes the next call or goes off duty. */
export function handlingEnd(sim: SimState, id: number, p: number): void {
  const pool = sim.pools[p]!;
  pool.busy--;
  if (pool.busy < pool.capacity) takeNext(sim, p);
  const call = sim.calls.get(id);
  if (!call) throw new Error(`call ${id} ended handling but is not live`);
  handled(sim, call);
}

/** A free call taker of pool `p` answers the longest-waiting call of its first line with one. */
export function takeNext(sim: SimState, p: number): boolean {
  for (const line of sim.pools[p]!.lines) {
    const queue = sim.waiting[line]!;
    let head = sim.waitingHead[line]!;
    while (head < queue.length) {
      const call = sim.calls.get(queue[head++]!);
      if (call && call.state === CS.WAITING) {
        sim.waitingHead[line] = head;
        compact(sim, line);
        answer(sim, call, p);
        return true;
      }
    }
    sim.waitingHead[line] = head;
    compact(sim, line);
  }
  return false;
}

function compact(sim: SimState, line: number): void {
  const head = sim.waitingHead[line]!;
  // Both tests made every time, and from 64 calls on (not 1,024: the same copying in all, as a
  // copy is at most the calls passed): the first compaction came days into a cold run, and its
  // first run of these lines threw away the optimised handlers they sat in.
  const mostlyDone = head * 2 > sim.waiting[line]!.length;
  if (head > 64 && mostlyDone) {
    sim.waiting[line] = sim.waiting[line]!.slice(head);
    sim.waitingHead[line] = 0;
  }
}

/**
 * An incident injected by a trainer: no call handling, no decision time; it joins the pending
 * queue at once (MODEL.md step 4).
 */
export function injectIncident(sim: SimState, call: Call): void {
  call.state = CS.IN_HANDLING;
  call.answeredS = sim.now;
  sim.log?.set('answeredS', call.id, sim.now);
  call.handledS = sim.now;
  sim.log?.set('handledS', call.id, sim.now);
  if (call.slots === 0) {
    call.state = CS.REFERRED;
    sim.calls.delete(call.id);
    sim.callPool?.give(call);
    return;
  }
  dispatchable(sim, call.id);
}

/** Call handling ended: the call is graded; an incident waits out the decision time. */
function handled(sim: SimState, call: Call): void {
  call.handledS = sim.now;
  sim.log?.set('handledS', call.id, sim.now);
  sim.tallies[call.counted ? 1 : 0].incident(call.grade, call.area, call.tS);
  if (call.slots === 0) {
    call.state = CS.REFERRED;
    sim.openCounted -= call.counted ? 1 : 0;
    sim.calls.delete(call.id);
    sim.callPool?.give(call);
    return;
  }
  call.state = CS.DECIDING;
  if (call.decisionS > 0) sim.schedule(sim.now + call.decisionS, EV.DISPATCHABLE, call.id, 0);
  else dispatchable(sim, call.id);
}

/** DISPATCHABLE: the incident joins the pending queue (false: stale, a trainer dispatched it first). */
export function dispatchable(sim: SimState, id: number): boolean {
  const call = sim.calls.get(id);
  if (!call) throw new Error(`call ${id} became dispatchable but is not live`);
  if (call.state !== CS.DECIDING && call.state !== CS.IN_HANDLING) return false;
  call.state = CS.ACTIVE;
  call.pendingS = sim.now;
  call.place = placeOf(sim, call);
  sim.log?.set('pendingS', id, sim.now);
  sim.pending.add(call);
  sim.requestDispatch();
  return true;
}

/** The call's place on the travel model (snapped once per demand point). */
function placeOf(sim: SimState, call: Call): Place {
  if (call.pointIndex < 0) return sim.travel.place(call.lon, call.lat);
  let p = sim.pointPlaces[call.pointIndex];
  // `=== undefined`, not `!p`: the test reads no more than the array (a place met for the first time in a while is not in the cache).
  if (p === undefined) {
    p = sim.travel.place(call.lon, call.lat);
    sim.pointPlaces[call.pointIndex] = p;
  }
  return p;
}
