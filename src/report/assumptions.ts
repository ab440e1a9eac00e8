/**
 * A scenario's assumptions in sentences for people (the reviewer's report and the comparison
 * document): no raw JSON, dispatch rules spelt out. Each row is [topic, sentence].
 */
import type { Distribution, Scenario } from '../shared/scenario';

const n = (x: number, digits = 0): string => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
const plural = (k: number, one: string, many = `${one}s`): string => `${n(k)} ${k === 1 ? one : many}`;

/** Seconds as "45 s", "4 min", "2 h 30 min". */
export function duration(s: number): string {
  if (s < 120) return `${n(s)} s`;
  if (s < 2 * 3600) return `${n(s / 60, 1)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return m > 0 ? `${h} h ${m} min` : `${h} h`;
}

/** A distribution of durations in words. */
export function distributionWords(d: Distribution): string {
  switch (d.dist) {
    case 'fixed':
      return `always ${duration(d.value)}`;
    case 'exponential':
      return `on average ${duration(d.mean)} (exponential)`;
    case 'lognormal':
      return `on average ${duration(d.mean)}, varying by about ${n(d.cv * 100)}% (log-normal)`;
    case 'gamma':
      return `on average ${duration(d.mean)}, varying by about ${n(d.cv * 100)}% (gamma)`;
    case 'uniform':
      return `anywhere from ${duration(d.min)} to ${duration(d.max)}`;
    case 'empirical':
      return `drawn from ${plural(d.values.length, 'observed value')}`;
  }
}

const list = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

const POLICY: Record<Scenario['dispatch']['policy'], string> = {
  'nearest-eta': 'the free unit that would arrive first (by driving time) is sent',
  'nearest-straight-line': 'the free unit nearest in a straight line is sent',
  'home-station-first': "a free unit of the incident's home station is sent first, else the one that would arrive first",
};

const BORDER: Record<Scenario['dispatch']['border'], string> = {
  any: 'units cross borough and BCU borders freely',
  bcu: "units of the incident's own BCU are preferred; another BCU's unit goes only when none of its own is free",
  area: "only units of the incident's own area (borough) are sent",
};

/** The dispatch rules in sentences. */
export function dispatchWords(d: Scenario['dispatch']): string {
  const parts = [`${POLICY[d.policy]}; ${BORDER[d.border]}`];
  if (d.divert) parts.push(`a unit on its way to, or at, a grade ${list(d.divert.from)} incident may be diverted to a grade ${list(d.divert.to)} incident`);
  const reserve = (['I', 'S', 'E'] as const).flatMap((g) => (d.reserve[g] ? [`${plural(d.reserve[g], 'unit')} per BCU held back from grade ${g} work`] : []));
  if (reserve.length > 0) parts.push(`${list(reserve)}, so that more urgent calls find a free unit`);
  for (const [bcu, r] of Object.entries(d.reserveByBcu ?? {})) {
    const own = (['I', 'S', 'E'] as const).flatMap((g) => (r[g] ? [`${plural(r[g], 'unit')} from grade ${g} work`] : []));
    parts.push(`BCU ${bcu} holds back ${own.length > 0 ? list(own) : 'no units'} instead`);
  }
  for (const g of ['I', 'S', 'E'] as const) {
    const after = d.carryOver?.[g];
    if (after !== undefined) parts.push(`a grade ${g} incident still waiting for a unit ${duration(after)} after it joined the queue is carried over: it goes behind every fresher grade ${g} incident (still ahead of lower grades), so what can still be reached within target is served first; its response time still runs from its call`);
  }
  if (!(d.decisionTime.dist === 'fixed' && d.decisionTime.value === 0)) parts.push(`the dispatcher's decision time is ${distributionWords(d.decisionTime)}`);
  return parts.map((p) => `${p[0]!.toUpperCase()}${p.slice(1)}.`).join(' ');
}

function staffWords(staff: number | Readonly<Record<string, number>>): string {
  if (typeof staff === 'number') return `${plural(staff, 'call taker')} round the clock`;
  return Object.entries(staff).map(([shift, k]) => `${n(k)} on the ${shift} shift`).join(', ');
}

const pct = (p: number): string => `${n(p * 100, 1)}%`;

/** Per grade: units sent, blue lights, time on scene, arrests and crime reports written at the scene. */
export function sceneWords(s: Scenario): string {
  return (['I', 'S', 'E', 'R'] as const)
    .map((g) => {
      const spec = s.grades[g];
      if (!spec.attend) return `Grade ${g}: no unit attends (the call ends when it has been handled).`;
      const parts = [`${plural(spec.unitsRequired, 'unit')}${spec.blueLight ? ' on blue lights' : ''}, on scene ${distributionWords(spec.onScene)}`];
      if (spec.arrestProbability > 0) parts.push(`${pct(spec.arrestProbability)} end in an arrest`);
      const report = spec.crimeReport;
      if (report && report.probability > 0) parts.push(`in ${pct(report.probability)} the first unit to finish then writes a crime report at the scene, ${distributionWords(report.time)}, and stays busy while it does`);
      return `Grade ${g}: ${parts.join('; ')}.`;
    })
    .join(' ');
}

/** Where arrested people are taken, or undefined when no grade makes arrests. */
function custodyWords(s: Scenario): string | undefined {
  const arrests = (['I', 'S', 'E', 'R'] as const).some((g) => s.grades[g].attend && s.grades[g].arrestProbability > 0);
  if (!arrests || !s.custodyTime) return undefined;
  const suites = s.stations.filter((st) => st.custody).length;
  return `After an arrest the first unit to finish at the scene drives (off blue lights) to the nearest of the ${plural(suites, 'custody suite')} by driving time and spends time there ${distributionWords(s.custodyTime)}, then is free and returns to base.`;
}

/** Refreshment (meal) breaks in words. */
function breakWords(r: Scenario['refreshment']): string {
  if (!r) return 'Not modelled: units take no breaks.';
  return `Every unit on a shift takes one break a shift at its base, ${distributionWords(r.duration)}, due between ${duration(r.earliestS)} and ${duration(r.latestS)} into its shift (staggered across the units of its shift and BCU). It takes the break when it is next free at its base, is off the books while on it, and misses it if the shift ends first. Round-the-clock units take no breaks.`;
}

/** [topic, sentence] rows: demand, call handling, fleet, dispatch, travel, targets, horizon. */
export function assumptionRows(s: Scenario): [string, string][] {
  const rows: [string, string][] = [];
  for (const st of s.demand.streams) {
    const mix = Object.entries(st.gradeMix).map(([g, v]) => `${n((v ?? 0) * 100)}% grade ${g}`);
    rows.push([`${st.line} calls`, `${n(st.callsPerDay)} calls a day: ${list(mix)}.`]);
  }
  const where = s.demand.points
    ? `Calls come from ${plural(s.demand.points.length, 'weighted place')} given in the scenario.`
    : s.demand.pointsSource
      ? `Calls come from the built-in places "${s.demand.pointsSource}" (weighted by population and recorded crime).`
      : s.demand.areaWeights
        ? 'Calls are spread over the areas by the weights given in the scenario.'
        : s.areas
          ? 'Calls are spread over the areas in proportion to their size.'
          : 'Calls are spread evenly over the road network.';
  rows.push(['where calls come from', where]);
  if (s.demand.surges.length > 0) {
    const when = (t: number | undefined, edge: string) => (t === undefined ? edge : `${duration(Math.abs(t))} ${t < 0 ? 'before' : 'after'} the start`);
    const surge = (sg: Scenario['demand']['surges'][number]): string => {
      const where = sg.circle ? `within ${n(sg.circle.radiusM)} m of ${n(sg.circle.lat, 4)}° N, ${n(Math.abs(sg.circle.lon), 4)}° ${sg.circle.lon < 0 ? 'W' : 'E'}` : sg.polygon ? `inside a ${sg.polygon.length}-corner area drawn on the map` : sg.area ? `in ${sg.area}` : 'everywhere';
      const extra = (sg.extraCallsPerHour ?? 0) > 0 ? `${sg.multiplier === 1 ? '' : ' and'} ${n(sg.extraCallsPerHour!, 2)} extra calls an hour${sg.gradeMix ? ` (${Object.entries(sg.gradeMix).map(([g, v]) => `${n((v ?? 0) * 100)}% grade ${g}`).join(', ')})` : ''}` : '';
      const level = sg.multiplier === 1 && extra !== '' ? '' : ` ${n(sg.multiplier, 2)} times the usual calls`;
      return `${sg.label ? `${sg.label}: ` : ''}${sg.line ? `${sg.line} calls ` : ''}${where},${level}${extra} from ${when(sg.fromS, 'the first call')} to ${when(sg.toS, 'the last')}`;
    };
    rows.push(['surges', `${s.demand.surges.map(surge).join('; ')}.`]);
  }
  if (s.callHandling) {
    rows.push(['call takers', `${s.callHandling.pools.map((p) => `${p.id} answers ${list(p.lines)}: ${staffWords(p.staff)}`).join('; ')}.`]);
  } else rows.push(['call takers', 'Not modelled: every call becomes an incident at once.']);
  const units = s.fleet.reduce((k, row) => k + (row.count ?? 0) + Object.values(row.perShift ?? {}).reduce((a, b) => a + b, 0), 0);
  rows.push(['fleet', `${plural(s.stations.length, 'station')}; ${plural(units, 'unit-shift')} a day over ${plural(s.fleet.length, 'fleet row')} (a unit on round-the-clock duty counts once).`]);
  rows.push(['at the scene', sceneWords(s)]);
  const custody = custodyWords(s);
  if (custody) rows.push(['arrests and custody', custody]);
  rows.push(['meal breaks', breakWords(s.refreshment)]);
  rows.push(['dispatch', dispatchWords(s.dispatch)]);
  const t = s.travel;
  rows.push([
    'travel',
    t.mode === 'road'
      ? `Units drive the road network "${s.network?.source ?? 'of the scenario'}"; on blue lights ${n(t.blueLightFactor, 2)} times as fast; turnout ${distributionWords(t.turnout)}.`
      : `Straight-line distance times ${n(t.detourFactor, 2)} at ${n(t.speedKph)} km/h; on blue lights ${n(t.blueLightFactor, 2)} times as fast; turnout ${distributionWords(t.turnout)}.`,
  ]);
  rows.push(['targets', `${(['I', 'S', 'E'] as const).map((g) => `grade ${g} within ${duration(s.grades[g].targetS)}`).join(', ')}.`]);
  rows.push(['simulated period', `${n(s.days, 2)} counted days after a ${n(s.warmupHours, 1)} h warm-up that is simulated but not counted.`]);
  return rows;
}
