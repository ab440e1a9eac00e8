/**
 * What a run needs prepared from the scenario before the first event: the random streams, the
 * lines with their arrival processes and samplers, and the call-taker pools.
 */
import { LINES, type Grade, type Line, type Scenario } from '../../shared/scenario';
import { ArrivalProcess, FLAT_DAY, FLAT_WEEK } from '../demand/arrivals';
import { ArrivalsWithEvents, type EventCallSource } from '../demand/event-calls';
import type { DemandCells } from '../demand/weights';
import { sampler, type Sampler } from '../random/distributions';
import { streamRng, type Rng } from '../random/rng';
import { secondsOfDay } from '../time';
import type { TraceArrivals } from '../demand/trace';

const GRADE_KEYS: readonly Grade[] = ['I', 'S', 'E', 'R'];

/** One line's arrivals and the draws made for each of its calls, each from its own stream. */
export interface LineRuntime {
  readonly line: Line;
  /** LINES index. */
  readonly index: number;
  readonly arrivals: ArrivalProcess | ArrivalsWithEvents | TraceArrivals;
  /** The line's demand-event calls superposed on its usual arrivals (the same object as arrivals), or null. */
  readonly events: ArrivalsWithEvents | null;
  /** Streams of the event calls' own draws (where, grade, then as `rng`), or null without event calls. */
  readonly eventRng: LineRuntime['rng'] | null;
  /** Present when demand replays a recorded log (src/sim/demand/trace.ts): `arrivals` is this same trace. */
  readonly trace?: TraceArrivals;
  readonly rng: {
    readonly location: Rng;
    readonly grade: Rng;
    readonly handling: Rng;
    readonly patience: Rng;
    readonly decision: Rng;
    readonly onScene: Rng;
    readonly turnout: Rng;
    readonly arrest: Rng;
    readonly custody: Rng;
  };
  /** Cumulative grade shares I, S, E, R. */
  readonly gradeCumulative: Float64Array;
  readonly handling: Sampler | null;
  readonly patience: Sampler | null;
  /** Answer target in seconds, null when the scenario gives none. */
  readonly answerTargetS: number | null;
}

export interface PoolRuntime {
  readonly id: string;
  /** LINES indices served, 999 first. */
  readonly lines: readonly number[];
  /** Call takers per shift index (0 for shifts it does not staff). */
  readonly perShift: Int32Array;
  readonly roundTheClock: number;
  /** Call takers on duty now. */
  capacity: number;
  /** Call takers with a call in hand (may exceed capacity after a shift ends: they finish it). */
  busy: number;
}

export interface ShiftRuntime {
  readonly id: string;
  readonly startOfDayS: number;
  readonly durationS: number;
}

/** Samplers shared by all lines (per-grade on-scene, turnout, decision, custody). */
export interface Samplers {
  readonly onScene: readonly Sampler[];
  readonly turnout: Sampler;
  readonly decision: Sampler;
  readonly custody: Sampler | null;
}

/** Answer targets when the scenario gives none (MODEL.md's example values). */
export const DEFAULT_ANSWER_TARGET_S: Readonly<Record<Line, number>> = { '999': 10, '101': 30 };

/** The per-call streams of a line: `prefix` "" for its usual calls, "event-" for its event calls. */
function callStreams(rng: (purpose: string) => Rng, prefix: string): LineRuntime['rng'] {
  const r = (p: string) => rng(`${prefix}${p}`);
  return { location: r('locations'), grade: r('grades'), handling: r('handling'), patience: r('patience'), decision: r('decision'), onScene: r('onScene'), turnout: r('turnout'), arrest: r('arrests'), custody: r('custody') };
}

export function buildLines(s: Scenario, seed: number, cells: DemandCells, offsetS: number, endS: number, events: readonly (readonly EventCallSource[])[] = []): LineRuntime[] {
  return LINES.map((line, index) => {
    const stream = s.demand.streams.find((st) => st.line === line);
    const rng = (purpose: string): Rng => streamRng(seed, `${purpose}:${line}`);
    const sources = events[index] ?? [];
    const mix = stream?.gradeMix ?? {};
    const cumulative = new Float64Array(4);
    let acc = 0;
    GRADE_KEYS.forEach((g, i) => {
      acc += mix[g] ?? 0;
      cumulative[i] = acc;
    });
    const ch = s.callHandling;
    const handlingDist = ch?.handlingTime[line];
    const patienceDist = ch?.patience[line];
    const usual = new ArrivalProcess(
      {
        baseRatePerS: (stream?.callsPerDay ?? 0) / 86400,
        hourOfDay: s.demand.hourOfDay ?? FLAT_DAY,
        dayOfWeek: s.demand.dayOfWeek ?? FLAT_WEEK,
        segments: cells.segments,
        lineIndex: index,
        offsetS,
      },
      rng('arrivals'),
      endS,
    );
    const withEvents = sources.length > 0 ? new ArrivalsWithEvents(usual, sources, { times: rng('event-arrivals'), which: rng('event-sources') }, endS) : null;
    return {
      line,
      index,
      arrivals: withEvents ?? usual,
      events: withEvents,
      eventRng: withEvents ? callStreams(rng, 'event-') : null,
      rng: callStreams(rng, ''),
      gradeCumulative: cumulative,
      handling: handlingDist ? sampler(handlingDist) : null,
      patience: patienceDist ? sampler(patienceDist) : null,
      answerTargetS: ch ? (ch.answerTargetS[line] ?? DEFAULT_ANSWER_TARGET_S[line]) : null,
    };
  });
}

export function buildSamplers(s: Scenario): Samplers {
  return {
    onScene: GRADE_KEYS.map((g) => sampler(s.grades[g].onScene)),
    turnout: sampler(s.travel.turnout),
    decision: sampler(s.dispatch.decisionTime),
    custody: s.custodyTime ? sampler(s.custodyTime) : null,
  };
}

/** Per grade index (I, S, E, R): what the handlers read of the grade's rules for every call. */
export interface GradeRules {
  /** Units the incident needs; 0 when the grade is not attended. */
  readonly slots: Int32Array;
  readonly arrestProbability: Float64Array;
  /** 1: units drive on blue lights. */
  readonly blueLight: Uint8Array;
  readonly targetS: Float64Array;
  /** 1: the grade may take units diverted from lower grades (`dispatch.divert.to`). */
  readonly divertTo: Uint8Array;
}

export function buildGradeRules(s: Scenario): GradeRules {
  const specs = GRADE_KEYS.map((g) => s.grades[g]);
  return {
    slots: Int32Array.from(specs, (g) => (g.attend ? g.unitsRequired : 0)),
    arrestProbability: Float64Array.from(specs, (g) => g.arrestProbability),
    blueLight: Uint8Array.from(specs, (g) => (g.blueLight ? 1 : 0)),
    targetS: Float64Array.from(specs, (g) => g.targetS),
    divertTo: Uint8Array.from(GRADE_KEYS, (g) => (s.dispatch.divert?.to.includes(g) ? 1 : 0)),
  };
}

export function buildShifts(s: Scenario): ShiftRuntime[] {
  return (s.shifts ?? []).map((sh) => ({ id: sh.id, startOfDayS: secondsOfDay(sh.start), durationS: sh.hours * 3600 }));
}

export function buildPools(s: Scenario, shifts: readonly ShiftRuntime[]): PoolRuntime[] {
  return (s.callHandling?.pools ?? []).map((p) => ({
    id: p.id,
    lines: LINES.map((l, i) => (p.lines.includes(l) ? i : -1)).filter((i) => i >= 0),
    perShift: Int32Array.from(shifts, (sh) => (typeof p.staff === 'number' ? 0 : (p.staff[sh.id] ?? 0))),
    roundTheClock: typeof p.staff === 'number' ? p.staff : 0,
    capacity: 0,
    busy: 0,
  }));
}
