/**
 * Exercise scripts in a live session (docs/MODEL-ADDITIONS.md "Exercise scripts"): a session that
 * applies a script's timeline at its times, exactly, whatever pace the host plays at: advancing
 * runs the simulation up to each item's time, applies the item after every event of that instant,
 * and goes on. A pause item stops the advance there. Every session keeps an exercise log (with or
 * without a script): the script's items and the trainer's injects and assignments as they happen,
 * and when each such incident is first reached; written back as a script it repeats the session.
 *
 * Pure and deterministic: the places drawn in an area and the calls of a demand surge come from
 * streams of their own (`exercise:*`), so the same script, scenario and seed give the same run.
 */
import type { Exercise, ExerciseItem } from '../../shared/exercise';
import { timelineInOrder } from '../../shared/exercise';
import type { ExerciseLogEntry, ExerciseStatus } from '../../shared/exercise-log';
import { GRADES, LINES, type Scenario } from '../../shared/scenario';
import { streamRng, type Rng } from '../random/rng';
import type { SimWorld } from '../world';
import { drawLocation } from '../model/call-flow';
import type { Simulation } from '../model/simulation';
import { callTakersAway, callTakersBack, faultUnit, recoverUnit } from './effects';
import { resolveWhere, type Where } from './where';
import { createLiveSession, modelOf, saveLiveSession, type InjectOutcome, type InjectSpec, type LiveOptions, type LiveSession, type StepReport } from './session';
import type { StandDownOutcome } from './stand-down';
import type { DispatchExplanation, LiveSnapshotOptions } from '../../shared/live';
import type { AssignOutcome } from './override';

export { checkExercise, checkExerciseOn } from './where';

/** An action due at a time: a timeline item, or what an item set going (a fault's end, a surge's next call). */
interface Due {
  readonly tS: number;
  /** order among equal times: the script's order, then follow-ups in the order they were set */
  readonly seq: number;
  readonly run: () => void;
  readonly pause?: string;
}

export interface ExerciseSession extends LiveSession {
  /** As LiveSession's; with `stopAtPause` false a scripted pause is logged but does not stop the advance. */
  advanceTo(tS: number, stopAtPause?: boolean): number;
  /** The exercise's status since the last call (log entries, a pause reached); the host sends it with each frame. */
  drainExercise(): ExerciseStatus;
  /** The whole log so far. */
  readonly log: readonly ExerciseLogEntry[];
}

export interface ExerciseOptions extends LiveOptions {
  readonly exercise?: Exercise;
  /** Run flat out to here when opened (default: the exercise's startS, else the first instant). */
  readonly startS?: number;
}

class Run implements ExerciseSession {
  private readonly sim: Simulation;
  private readonly queue: Due[] = [];
  private seq = 0;
  private readonly logged: ExerciseLogEntry[] = [];
  private sent = 0;
  private pausedAtS: number | null = null;
  private readonly watched = new Map<number, 'script' | 'trainer'>();
  private readonly injectTimes: number[];

  constructor(
    private readonly session: LiveSession,
    private readonly exercise: Exercise | null,
  ) {
    this.sim = modelOf(session);
    const items = exercise ? timelineInOrder(exercise) : [];
    items.forEach((it, i) => this.push(it.atS, () => this.apply(it, i), it.kind === 'pause' ? (it.text ?? 'paused by the script') : undefined));
    this.injectTimes = items.filter((it) => it.kind === 'inject').map((it) => it.atS);
  }

  get now(): number {
    return this.session.now;
  }
  /** No exercise, nothing logged: the session alone is the whole state. */
  get plain(): boolean {
    return this.exercise === null && this.logged.length === 0 && this.queue.length === 0 && this.watched.size === 0;
  }
  get liveSession(): LiveSession {
    return this.session;
  }
  get startS(): number {
    return this.session.startS;
  }
  get endS(): number {
    return this.session.endS;
  }
  get finished(): boolean {
    return this.session.finished;
  }
  get incidents() {
    return this.session.incidents;
  }
  get log(): readonly ExerciseLogEntry[] {
    return this.logged;
  }

  advanceTo(tS: number, stopAtPause = true): number {
    if (!Number.isFinite(tS)) throw new Error(`advanceTo: time must be finite, got ${tS}`);
    let events = 0;
    while (this.queue.length > 0 && this.queue[0]!.tS <= tS && !this.session.finished) {
      const due = this.queue.shift()!;
      events += this.session.advanceTo(due.tS);
      if (this.session.finished) break;
      due.run();
      this.watch();
      if (due.pause !== undefined && stopAtPause) {
        this.pausedAtS = due.tS;
        return events;
      }
    }
    events += this.session.advanceTo(tS);
    this.watch();
    return events;
  }

  advanceBy(dS: number): number {
    if (!(dS >= 0)) throw new Error(`advanceBy: expected seconds >= 0, got ${dS}`);
    return this.advanceTo(this.now + dS);
  }

  step(): StepReport | null {
    const next = this.queue[0];
    if (next && next.tS <= this.sim.nextEventTime()) {
      const before = this.logged.length;
      this.advanceTo(next.tS);
      const entry = this.logged[before];
      return { tS: this.now, event: `exercise ${entry?.kind ?? 'item'}`, incident: entry?.incident ?? null, unit: entry?.unit ?? null };
    }
    const r = this.session.step();
    this.watch();
    return r;
  }

  snapshot(options?: LiveSnapshotOptions) {
    return this.session.snapshot(options);
  }

  inject(spec: InjectSpec): number {
    const outcome = this.tryInject(spec);
    if (!outcome.ok) throw new Error(`inject: ${outcome.message}`);
    return outcome.incident;
  }

  tryInject(spec: InjectSpec): InjectOutcome {
    const outcome = this.session.tryInject(spec);
    if (!outcome.ok) {
      this.note({ kind: 'refused', by: 'trainer', grade: spec.grade, lon: spec.lon, lat: spec.lat, text: `inject: ${outcome.message}` });
      return outcome;
    }
    this.watched.set(outcome.incident, 'trainer');
    const grade = spec.grade === 'R' ? 'I' : spec.grade;
    this.note({ kind: 'inject', by: 'trainer', incident: outcome.incident, grade: spec.grade, lon: spec.lon, lat: spec.lat, item: { atS: this.now, kind: 'inject', place: { lon: spec.lon, lat: spec.lat }, grade, by: 'trainer' } });
    return outcome;
  }

  standDown(unitId: string): StandDownOutcome {
    return this.session.standDown(unitId);
  }

  explain(incidentId: number): DispatchExplanation | null {
    return this.session.explain(incidentId);
  }

  assign(incidentId: number, unitId: string): AssignOutcome {
    return this.doAssign(incidentId, unitId, 'trainer');
  }

  candidates(incidentId: number) {
    return this.session.candidates(incidentId);
  }

  results() {
    return this.session.results();
  }

  drainExercise(): ExerciseStatus {
    const entries = this.logged.slice(this.sent);
    this.sent = this.logged.length;
    const pausedAtS = this.pausedAtS;
    this.pausedAtS = null;
    const nextInjectS = this.injectTimes.find((t) => t > this.now || (t === this.now && this.queue.some((d) => d.tS === t))) ?? null;
    return { name: this.exercise?.name ?? null, nextInjectS, pausedAtS, entries };
  }

  private push(tS: number, run: () => void, pause?: string): void {
    const due: Due = { tS, seq: this.seq++, run, ...(pause === undefined ? {} : { pause }) };
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1]!.tS > tS || (this.queue[i - 1]!.tS === tS && this.queue[i - 1]!.seq > due.seq))) i--;
    this.queue.splice(i, 0, due);
  }

  private note(entry: Omit<ExerciseLogEntry, 'tS'>): void {
    this.logged.push({ tS: this.now, ...entry });
  }

  private doAssign(incident: number, unit: string, by: 'script' | 'trainer', item?: ExerciseItem): AssignOutcome {
    const u = this.sim.fleet.indexOf(unit);
    const before = u >= 0 ? this.sim.fleet.incident[u]! : -1;
    const out = this.session.assign(incident, unit);
    if (out.ok) {
      if (!this.watched.has(incident)) this.watched.set(incident, by);
      this.note({
        kind: 'assign',
        by,
        incident,
        unit,
        etaS: out.etaS,
        ...(before >= 0 && before !== incident ? { left: before } : {}),
        item: item ?? { atS: this.now, kind: 'assign', incident, unit, by: 'trainer' },
      });
    } else this.note({ kind: 'refused', by, incident, unit, text: `assign ${unit} to ${incident}: ${out.message}`, item: item ?? { atS: this.now, kind: 'assign', incident, unit, by: 'trainer' } });
    return out;
  }

  /** Logs the first arrival at each incident the script or the trainer made or assigned. */
  private watch(): void {
    const log = this.sim.log;
    if (!log || this.watched.size === 0) return;
    for (const [id, by] of this.watched) {
      const arrive = log.get('firstArriveS', id);
      if (Number.isNaN(arrive)) continue;
      this.watched.delete(id);
      const grade = GRADES[log.getInt('grade', id)]!;
      const responseS = arrive - log.get('callS', id);
      this.logged.push({ tS: arrive, kind: 'arrived', by: 'simulation', incident: id, grade, responseS, targetS: this.sim.scenario.grades[grade].targetS, text: by });
    }
  }

  private rng(i: number, what: string): Rng {
    return streamRng(this.sim.seed, `exercise:${what}:${i}`);
  }

  private place(where: Where, rng: Rng, line: number): { lon: number; lat: number } | string {
    if (where.kind === 'place') return where;
    if (where.kind === 'areas') {
      const area = where.areas[Math.min(where.areas.length - 1, Math.floor(rng.next() * where.areas.length))]!;
      return this.sim.world.areas!.samplePoint(area, () => rng.next());
    }
    if (where.kind === 'anywhere') {
      const l = this.sim.lines[line]!;
      return drawLocation(this.sim, { ...l, rng: { ...l.rng, location: rng } }, this.now);
    }
    return where.message;
  }

  private apply(it: ExerciseItem, i: number): void {
    const sim = this.sim;
    switch (it.kind) {
      case 'inject': {
        const at = this.place(resolveWhere(sim.world, it), this.rng(i, 'place'), 0);
        const label = [it.type, it.description].filter(Boolean).join(': ');
        if (typeof at === 'string') return this.note({ kind: 'refused', by: 'script', grade: it.grade, text: `inject: ${at}`, item: it });
        const id = this.session.inject({ lon: at.lon, lat: at.lat, grade: it.grade, ...(it.unitsRequired === undefined ? {} : { unitsRequired: it.unitsRequired }) });
        this.watched.set(id, it.by ?? 'script');
        return this.note({ kind: 'inject', by: it.by ?? 'script', incident: id, grade: it.grade, lon: at.lon, lat: at.lat, ...(label ? { text: label } : {}), item: it });
      }
      case 'message':
        return this.note({ kind: 'message', by: 'script', text: it.text, item: it });
      case 'pause':
        return this.note({ kind: 'pause', by: it.by ?? 'script', ...(it.text ? { text: it.text } : {}), item: it });
      case 'assign':
        this.doAssign(it.incident, it.unit, it.by ?? 'script', it);
        return;
      case 'unit-fault': {
        const u = sim.fleet.indexOf(it.unit);
        if (u < 0) return this.note({ kind: 'refused', by: 'script', unit: it.unit, text: `unit-fault: no unit "${it.unit}"`, item: it });
        const left = faultUnit(sim, u);
        this.note({ kind: 'unit-fault', by: 'script', unit: it.unit, ...(left === null ? {} : { left }), ...(it.reason ? { text: it.reason } : {}), item: it });
        this.push(it.atS + it.durationS, () => {
          recoverUnit(sim, u);
          this.note({ kind: 'unit-back', by: 'script', unit: it.unit });
        });
        return;
      }
      case 'call-taker-absence': {
        const p = it.pool === undefined ? 0 : sim.pools.findIndex((x) => x.id === it.pool);
        if (p < 0 || p >= sim.pools.length) return this.note({ kind: 'refused', by: 'script', text: `call-taker-absence: no call-taker pool "${it.pool ?? '(first)'}"`, item: it });
        const away = callTakersAway(sim, p, it.count);
        this.note({ kind: 'call-taker-absence', by: 'script', text: `${away} call taker${away === 1 ? '' : 's'} away from ${sim.pools[p]!.id}`, item: it });
        this.push(it.atS + it.durationS, () => {
          callTakersBack(sim, p, away);
          this.note({ kind: 'call-takers-back', by: 'script', text: `${away} back in ${sim.pools[p]!.id}` });
        });
        return;
      }
      case 'demand-surge': {
        const where = resolveWhere(sim.world, it);
        if (where.kind === 'error') return this.note({ kind: 'refused', by: 'script', text: `demand-surge: ${where.message}`, item: it });
        const line = LINES.indexOf(it.line ?? '999');
        const times = this.rng(i, 'surge-times');
        const places = this.rng(i, 'surge-places');
        const grades = this.rng(i, 'surge-grades');
        const endS = it.atS + it.durationS;
        const rate = it.callsPerHour / 3600;
        const next = (fromS: number): void => {
          const t = fromS - Math.log(times.nextOpen()) / rate;
          if (t >= endS) return;
          this.push(t, () => {
            const at = this.place(where, places, line);
            if (typeof at !== 'string') this.session.inject({ lon: at.lon, lat: at.lat, grade: drawGrade(sim, line, grades), line: LINES[line]! });
            next(t);
          });
        };
        next(it.atS);
        this.note({ kind: 'demand-surge', by: 'script', text: `${it.callsPerHour} more ${LINES[line]} calls an hour for ${Math.round(it.durationS / 60)} min`, item: it });
        this.push(endS, () => this.note({ kind: 'surge-end', by: 'script' }));
        return;
      }
    }
  }
}

function drawGrade(sim: Simulation, line: number, rng: Rng): 'I' | 'S' | 'E' | 'R' {
  const c = sim.lines[line]!.gradeCumulative;
  const u = rng.next() * (c[3]! > 0 ? c[3]! : 1);
  for (let g = 0; g < 3; g++) if (u < c[g]!) return GRADES[g]!;
  return 'R';
}

/**
 * The state of a session without an exercise, for ExerciseOptions.snapshot (null for one with an
 * exercise: its script's place is not saved).
 */
export function saveExerciseSession(run: ExerciseSession): string | null {
  if (!(run instanceof Run) || !run.plain) return null;
  return saveLiveSession(run.liveSession);
}

/** A live session that plays `options.exercise` (or none) and keeps an exercise log; opened at `startS`. */
export function createExerciseSession(scenario: Scenario, world: SimWorld, options: ExerciseOptions = {}): ExerciseSession {
  const exercise = options.exercise ?? null;
  const seed = options.seed ?? exercise?.seed;
  if (options.snapshot !== undefined && (exercise !== null || options.startS !== undefined)) throw new Error('createExerciseSession: a snapshot opens a session without an exercise or start time only');
  const session = createLiveSession(scenario, world, { ...(seed === undefined ? {} : { seed }), ...(options.days === undefined ? {} : { days: options.days }), ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot }) });
  const run = new Run(session, exercise);
  const startS = options.startS ?? exercise?.startS;
  if (startS !== undefined && startS > run.now) run.advanceTo(startS, false);
  return run;
}
