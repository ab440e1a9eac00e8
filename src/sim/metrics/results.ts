/**
 * Results (MODEL.md "Results") of one replication from the collector's totals. Callable at any
 * moment: unit time still running (a unit on scene now) is booked up to `upToS` on a copy, so a
 * live session can ask for results so far without disturbing the run.
 */
import { GRADES, LINES, scenarioHash, type Scenario } from '../../shared/scenario';
import type { AreaResults, GradeResults, HourlyResults, LineResults, Results, UnitResults } from '../../shared/results';
import type { Fleet } from '../fleet/fleet';
import type { LineRuntime, ShiftRuntime } from '../model/setup';
import type { SimWorld, TravelModel } from '../world';
import { SIM_VERSION } from '../version';
import { COMPONENTS, Collector, SortedSamples } from './collector';
import { pct, ratio } from './stats';
import { HOUR_S } from '../time';

/** What results are built from: a replication's totals and the few facts of its setup they report. */
export interface ResultsView {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly days: number;
  /** Events handled so far. */
  readonly events: number;
  readonly finished: boolean;
  /** Simulated seconds now. */
  readonly now: number;
  /** End of the counted period (s). */
  readonly endS: number;
  /** Counted calls not yet resolved. */
  readonly openCounted: number;
  readonly collector: Collector;
  readonly fleet: Pick<Fleet, 'n' | 'ids' | 'state' | 'since' | 'stations' | 'station' | 'type' | 'shift'>;
  /** Per LINES index. */
  readonly lines: readonly Pick<LineRuntime, 'answerTargetS'>[];
  readonly shifts: readonly Pick<ShiftRuntime, 'id'>[];
  readonly world: Pick<SimWorld, 'areas'>;
  readonly travel: Pick<TravelModel, 'mode'>;
}

/** The collector with every unit's current interval booked up to `upToS` (a copy; the run's collector is untouched). */
function closedCopy(sim: ResultsView, upToS: number): Collector {
  const c = sim.collector;
  const copy = new Collector(2, c.areaIncidents.length / 4, sim.fleet.n, c.endS);
  copy.unitBusyS.set(c.unitBusyS);
  copy.unitReturningS.set(c.unitReturningS);
  copy.unitOnDutyS.set(c.unitOnDutyS);
  copy.hourBusyS.set(c.hourBusyS);
  copy.hourReturningS.set(c.hourReturningS);
  copy.hourOnDutyS.set(c.hourOnDutyS);
  const f = sim.fleet;
  for (let u = 0; u < f.n; u++) copy.unitInterval(u, f.state[u]!, f.since[u]!, upToS);
  return copy;
}

export interface BuildOptions {
  /** Wall-clock milliseconds to record in meta.wallMs. */
  wallMs?: number;
}

export function buildResults(sim: ResultsView, options: BuildOptions = {}): Results {
  const s = sim.scenario;
  const c = sim.collector;
  const upToS = sim.finished ? sim.endS : Math.min(sim.now, sim.endS);
  const t = closedCopy(sim, upToS);

  const lineIndices = LINES.flatMap((l, i) => (s.demand.streams.some((st) => st.line === l) ? [i] : []));
  const sortedWaits = lineIndices.map((l) => c.waits[l]!.sorted());
  const line = (l: number): LineResults => {
    const waits = sortedWaits[lineIndices.indexOf(l)]!;
    const target = sim.lines[l]!.answerTargetS;
    return {
      offered: c.offered[l]!,
      answered: c.answered[l]!,
      abandoned: c.abandoned[l]!,
      abandonedPct: pct(c.abandoned[l]!, c.offered[l]!),
      meanAnswerS: ratio(waits.sum(), waits.length),
      p90AnswerS: waits.quantile(0.9),
      answeredWithinTargetPct: target === null ? null : pct(c.answeredWithin[l]!, c.offered[l]!),
      answerTargetS: target,
    };
  };
  const allWaits = SortedSamples.merge(sortedWaits);
  const sum = (xs: ArrayLike<number>, idx: readonly number[]) => idx.reduce((a, i) => a + xs[i]!, 0);
  const offered = sum(c.offered, lineIndices);
  const abandoned = sum(c.abandoned, lineIndices);
  const hasTargets = lineIndices.length > 0 && lineIndices.every((l) => sim.lines[l]!.answerTargetS !== null);

  const grades: Results['grades'] = {};
  GRADES.forEach((g, gi) => {
    const spec = s.grades[g];
    if (!spec.attend) {
      grades[g] = { incidents: c.incidents[gi]! };
      return;
    }
    const responses = c.responses[gi]!.sorted();
    const n = c.attended[gi]!;
    const comp = (k: number) => ratio(c.componentSums[gi * 5 + k]!, n);
    const result: GradeResults = {
      incidents: c.incidents[gi]!,
      attended: n,
      meanResponseS: ratio(responses.sum(), n),
      medianResponseS: responses.quantile(0.5),
      p90ResponseS: responses.quantile(0.9),
      withinTargetPct: pct(c.within[gi]!, c.incidents[gi]!),
      targetS: spec.targetS,
      components: Object.fromEntries(COMPONENTS.map((name, k) => [name, comp(k)])) as unknown as GradeResults['components'],
    };
    grades[g] = result;
  });

  const f = sim.fleet;
  const byUnit: UnitResults[] = f.ids.map((id, u) => ({
    id,
    station: f.stations[f.station[u]!]!.id,
    utilisationPct: pct(t.unitBusyS[u]! + t.unitReturningS[u]!, t.unitOnDutyS[u]!),
    returningPct: pct(t.unitReturningS[u]!, t.unitOnDutyS[u]!),
    dispatches: c.unitDispatches[u]!,
    type: f.type[u]!,
    shift: f.shift[u]! >= 0 ? sim.shifts[f.shift[u]!]!.id : null,
    onDutyHours: t.unitOnDutyS[u]! / HOUR_S,
  }));
  const totalOnDuty = t.unitOnDutyS.reduce((a, b) => a + b, 0);
  const totalWork = t.unitBusyS.reduce((a, b) => a + b, 0) + t.unitReturningS.reduce((a, b) => a + b, 0);

  const areasOut: AreaResults[] = [];
  const areas = sim.world.areas;
  if (areas) {
    areas.ids.forEach((id, a) => {
      const row: AreaResults = { id, name: areas.names[a]!, bcu: areas.bcus[a] ?? null };
      const note = areas.notes?.[a];
      if (note) row.note = note;
      GRADES.forEach((g, gi) => {
        if (!s.grades[g].attend) return;
        const k = a * 4 + gi;
        row[g] = {
          incidents: c.areaIncidents[k]!,
          meanResponseS: ratio(c.areaResponseSum[k]!, c.areaAttended[k]!),
          withinTargetPct: pct(c.areaWithin[k]!, c.areaIncidents[k]!),
        };
      });
      areasOut.push(row);
    });
  }

  const hourly: HourlyResults[] = [];
  const hours = Math.min(c.hours, Math.ceil(upToS / HOUR_S));
  for (let h = 0; h < hours; h++) {
    const span = Math.min(HOUR_S, c.endS - h * HOUR_S);
    hourly.push({
      hour: h,
      calls: c.hourCalls[h]!,
      I: {
        incidents: c.hourI[h]!,
        meanResponseS: ratio(c.hourIResponseSum[h]!, c.hourIAttended[h]!),
        withinTargetPct: pct(c.hourIWithin[h]!, c.hourI[h]!),
      },
      busyUnits: t.hourBusyS[h]! / span,
      returningUnits: t.hourReturningS[h]! / span,
      onDutyUnits: t.hourOnDutyS[h]! / span,
    });
  }

  return {
    meta: {
      scenario: s.name,
      scenarioHash: scenarioHash(s),
      seed: sim.seed,
      replications: 1,
      days: sim.days,
      warmupHours: s.warmupHours,
      events: sim.events,
      wallMs: options.wallMs ?? 0,
      version: SIM_VERSION,
      accessLegTimePct: pct(c.accessS, c.travelS),
      unresolved: sim.finished ? sim.openCounted : 0,
      seeds: [sim.seed],
      travelMode: sim.travel.mode,
    },
    calls: {
      offered,
      answered: sum(c.answered, lineIndices),
      abandoned,
      abandonedPct: pct(abandoned, offered),
      meanAnswerS: ratio(allWaits.sum(), allWaits.length),
      p90AnswerS: allWaits.quantile(0.9),
      answeredWithinTargetPct: hasTargets ? pct(sum(c.answeredWithin, lineIndices), offered) : null,
      answerTargetS: null,
      byLine: Object.fromEntries(lineIndices.map((l) => [LINES[l]!, line(l)])),
    },
    grades,
    units: { meanUtilisationPct: pct(totalWork, totalOnDuty), byUnit },
    areas: areasOut,
    hourly,
  };
}
