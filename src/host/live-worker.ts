/**
 * The sim worker's side of live mode: the live sessions open in this worker, by name, and the
 * frames they answer with. A frame carries a unit's trip geometry only when the trip is new since
 * the frame before (a road trip is hundreds of numbers; at ten frames a second, over hundreds of
 * units, resending them would be most of the traffic). A session's first frame carries none
 * (`tripsPending`): working out the geometry of every unit on the move at once is most of that
 * frame's time on a cold worker (a few hundred ms in a browser), and the map shows the units where
 * they are without it; the next frames, which the host asks for at once (or plays), carry them, as
 * many as a frame works out in TRIPS_BUDGET_MS (so a Play is not held up behind all of them).
 */
import type { LiveAdvanceRequest, LiveStepReport, LiveTrainerOutcome, LiveTrainerReply, LiveTrainerRequest, LiveTrip, LiveUnit, LiveWorkerFrame } from '../shared/protocol';
import type { LiveHandle } from './simulator';

/** Worker milliseconds a frame spends at most (but one trip) on trips no frame worked out before (the rest follow in the next frames). */
export const TRIPS_BUDGET_MS = 30;

/** Sessions kept per worker; opening one more closes the oldest (a host that forgot to close). */
export const MAX_LIVE_SESSIONS = 4;

interface Open {
  readonly handle: LiveHandle;
  /** the trip last sent for each moving unit */
  readonly sent: Map<string, LiveTrip>;
}

export class LiveRegistry {
  private readonly sessions = new Map<string, Open>();

  /** @param clock wall milliseconds (for `workMs`) */
  constructor(private readonly clock: () => number) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Keeps `handle` as session `name` (replacing one of that name) and answers its first frame. */
  open(name: string, handle: LiveHandle): LiveWorkerFrame {
    this.sessions.delete(name);
    while (this.sessions.size >= MAX_LIVE_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const open: Open = { handle, sent: new Map() };
    this.sessions.set(name, open);
    return this.frame(open, null, 0, 0, false);
  }

  /** Runs session `request.session` to `toS` or by one event. Throws for an unknown session or a bad time. */
  advance(request: LiveAdvanceRequest): LiveWorkerFrame {
    const open = this.sessions.get(request.session);
    if (!open) throw new Error(`liveAdvance: no live session "${request.session}" in this worker`);
    const started = this.clock();
    let events = 0;
    let step: LiveStepReport | null = null;
    if (request.step) {
      step = open.handle.step();
      events = step === null ? 0 : 1;
    } else if (request.toS !== undefined) {
      if (!Number.isFinite(request.toS)) throw new Error(`liveAdvance: toS must be a finite number of seconds, got ${request.toS}`);
      // Never backwards: a late request for a time already passed just answers a frame.
      if (request.toS > open.handle.now) events = open.handle.advanceTo(request.toS);
    }
    return this.frame(open, step, events, this.clock() - started);
  }

  /**
   * A trainer's action on session `request.session`, and the frame after it (an inject or assign
   * changes what the map shows; listing candidates does not). Throws for an unknown session.
   */
  trainer(request: LiveTrainerRequest): LiveTrainerReply {
    const open = this.sessions.get(request.session);
    if (!open) throw new Error(`liveTrainer: no live session "${request.session}" in this worker`);
    const { handle } = open;
    const { action } = request;
    if (handle.finished) {
      return { outcome: { ok: false, kind: action.kind, reason: 'SESSION_OVER', message: 'the live run is over' }, frame: null };
    }
    const started = this.clock();
    let outcome: LiveTrainerOutcome;
    if (action.kind === 'candidates') {
      const candidates = handle.candidates(action.incident).map((c) => ({ ...c, etaS: Number.isFinite(c.etaS) ? c.etaS : null }));
      return { outcome: { ok: true, kind: 'candidates', incident: action.incident, candidates, tS: handle.now, explanation: handle.explain(action.incident) }, frame: null };
    }
    if (action.kind === 'inject') {
      const placed = handle.tryInject({ lon: action.lon, lat: action.lat, grade: action.grade });
      // Refused outside the modelled area: nothing changed, so no frame.
      if (!placed.ok) return { outcome: { ok: false, kind: 'inject', reason: placed.reason, message: placed.message }, frame: null };
      outcome = { ok: true, kind: 'inject', incident: placed.incident, tS: handle.now };
    } else if (action.kind === 'standDown') {
      const stood = handle.standDown(action.unit);
      outcome = stood.ok ? { ok: true, kind: 'standDown', unit: stood.unit, incident: stood.incident, closed: stood.closed, tS: handle.now } : { ok: false, kind: 'standDown', reason: stood.reason, message: stood.message };
    } else {
      const assigned = handle.assign(action.incident, action.unit);
      outcome = assigned.ok
        ? { ok: true, kind: 'assign', incident: assigned.incident, unit: assigned.unit, etaS: assigned.etaS, tS: handle.now }
        : { ok: false, kind: 'assign', reason: assigned.reason, message: assigned.message };
    }
    // A refused assignment may still have moved the incident on (a trainer deciding it early), so a frame either way.
    return { outcome, frame: this.frame(open, null, 0, this.clock() - started) };
  }

  close(name: string): boolean {
    return this.sessions.delete(name);
  }

  /** @param trips false: moving units' trips left out (not noted as sent, so the next frame sends them) */
  private frame(open: Open, step: LiveStepReport | null, events: number, workMs: number, trips = true): LiveWorkerFrame {
    const { handle, sent } = open;
    // A trip no frame worked out before costs a route search and its geometry (a restored session's
    // 113 at once: 150-200 ms in Node): the first always comes, the rest while within the budget, and
    // always one whose unit's last trip the renderer still holds (it would glide along that one).
    const deadline = this.clock() + TRIPS_BUDGET_MS;
    let first = true;
    const newTrip = (unit: string): boolean => {
      const ok = first || sent.has(unit) || this.clock() < deadline;
      first = false;
      return ok;
    };
    const view = trips ? handle.snapshot({ newTrip }) : handle.snapshot({ trips: false });
    let pending = false;
    const units: LiveUnit[] = new Array<LiveUnit>(view.units.length);
    for (let i = 0; i < view.units.length; i++) {
      const u = view.units[i]!;
      const base = { id: u.id, station: u.station, state: u.state, lon: u.lon, lat: u.lat, incident: u.incident };
      const trip = u.trip;
      if (u.tripLeftOut === true) {
        pending = true;
        sent.delete(u.id);
        units[i] = { ...base, moving: true };
        continue;
      }
      if (trip === undefined) {
        sent.delete(u.id);
        units[i] = { ...base, moving: false };
        continue;
      }
      const last = sent.get(u.id);
      // The simulator keeps one geometry array per trip, so the same trip has the same coords array.
      if (last !== undefined && last.coords === trip.coords && last.departS === trip.departS) {
        units[i] = { ...base, moving: true };
      } else {
        sent.set(u.id, trip);
        units[i] = { ...base, moving: true, trip: { departS: trip.departS, coords: trip.coords, timesS: trip.timesS } };
      }
    }
    return {
      tS: view.tS,
      startS: handle.startS,
      endS: handle.endS,
      finished: view.finished,
      units,
      incidents: view.incidents,
      callsWaiting: view.callsWaiting,
      pending: view.pending,
      busyUnits: view.busyUnits,
      kpis: view.kpis,
      step,
      workMs,
      events,
      ...(handle.drainExercise ? { exercise: handle.drainExercise() } : {}),
      ...(pending ? { tripsPending: true } : {}),
    };
  }
}
