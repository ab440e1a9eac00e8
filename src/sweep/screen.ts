/**
 * The optimiser's analytic screen (docs/MODEL-ADDITIONS.md "Optimiser"): every resourcing slot
 * (units of a BCU or base on a shift, call takers of a pool on a shift) as an M/M/c queue of its
 * own, with Erlang C giving the share of work that waits no longer than the slack its target
 * leaves. Estimates come from one pilot run of the scenario as given:
 *
 * - units: work of a slot = the dispatches of its bases in the pilot (where the work was done),
 *   spread over the day by the hour-of-day profile and shared by the shifts on duty each hour;
 *   busy time per dispatch = the pilot's committed unit time per dispatch (travel, scene,
 *   custody and return); the slack of grade g = its target minus the pilot's mean answer,
 *   handling, turnout and travel times of g (the queue for a unit is what is left).
 * - call takers: a pool's calls from its lines' streams, the same profile, the scenario's mean
 *   handling time, and the line's answer target as the slack.
 *
 * A screen, not an answer: it finds the neighbourhood that simulation then confirms.
 */
import type { Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';
import { meanOf } from '../sim/random/distributions';
import { ALL_DAY, readResourcing, type Resourcing } from '../renderer/scenario/resourcing';
import { erlangCWithin } from './erlang';
import type { TargetKey } from './figures';
import type { RawScenario } from './variables';

export type SlotKind = 'units' | 'call-takers';

export interface Slot {
  readonly kind: SlotKind;
  /** BCU id (null: bases in no BCU) or base id for units; pool id for call takers */
  readonly group: string | null;
  readonly shift: string;
  /** hours a day the shift works (24 without shifts) */
  readonly hours: number;
  /** offered load while on duty, Erlangs */
  readonly load: number;
  /** share of each target's events that fall in this slot (0..1) */
  readonly weight: Partial<Record<TargetKey, number>>;
  /** slack before each target, in mean service times */
  readonly slack: Partial<Record<TargetKey, number>>;
}

export type By = 'bcu' | 'base';

/** Share of the day's demand in each shift (by the hour-of-day profile; hours with several shifts on duty split evenly). */
function shiftShares(s: Scenario): Map<string, number> {
  const profile = s.demand.hourOfDay ?? new Array<number>(24).fill(1);
  const total = profile.reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  if (!s.shifts || s.shifts.length === 0) return out.set(ALL_DAY, 1);
  for (let h = 0; h < 24; h++) {
    const on = s.shifts.filter((sh) => {
      const [hh, mm] = sh.start.split(':').map(Number) as [number, number];
      const from = hh + mm / 60;
      return (h + 0.5 - from + 24) % 24 < sh.hours;
    });
    for (const sh of on) out.set(sh.id, (out.get(sh.id) ?? 0) + profile[h]! / total / on.length);
  }
  return out;
}

function shiftHours(s: Scenario, shift: string): number {
  return s.shifts?.find((sh) => sh.id === shift)?.hours ?? 24;
}

/** Groups of bases the optimiser sets units for. */
export function unitGroups(r: Resourcing, by: By): { id: string | null; bases: string[] }[] {
  return by === 'bcu' ? r.bcus.map((b) => ({ id: b.id, bases: b.bases.map((x) => x.id) })) : r.bcus.flatMap((b) => b.bases.map((x) => ({ id: x.id, bases: [x.id] })));
}

export function screenSlots(raw: RawScenario, s: Scenario, pilot: Results, by: By, targets: readonly TargetKey[]): Slot[] {
  const r = readResourcing(raw);
  const shares = shiftShares(s);
  const slots: Slot[] = [];
  const grades = targets.filter((k): k is 'I' | 'S' | 'E' => k === 'I' || k === 'S' || k === 'E');
  const lines = targets.filter((k): k is '999' | '101' => k === '999' || k === '101');
  const days = pilot.meta.days;
  if (grades.length > 0) {
    const byStation = new Map<string, number>();
    let dispatches = 0;
    let busyS = 0;
    for (const u of pilot.units.byUnit) {
      byStation.set(u.station, (byStation.get(u.station) ?? 0) + u.dispatches);
      dispatches += u.dispatches;
      busyS += ((u.utilisationPct ?? 0) / 100) * u.onDutyHours * 3600;
    }
    // Busy time per dispatch; without dispatches in the pilot, the grades' time on scene.
    const busy = dispatches > 0 ? busyS / dispatches : meanOf(s.grades.I.onScene);
    const slackS: Partial<Record<TargetKey, number>> = {};
    for (const g of grades) {
      const res = pilot.grades[g];
      const c = res && 'components' in res ? res.components : null;
      const fixed = c ? (c.answerS ?? 0) + (c.handlingS ?? 0) + (c.turnoutS ?? 0) + (c.travelS ?? 0) : 0;
      slackS[g] = Math.max(0, (s.grades[g].targetS - fixed) / busy);
    }
    for (const group of unitGroups(r, by)) {
      const work = group.bases.reduce((a, b) => a + (byStation.get(b) ?? 0), 0) / Math.max(dispatches, 1);
      for (const shift of r.shifts) {
        const share = shares.get(shift) ?? 0;
        const hours = shiftHours(s, shift);
        const perSecond = (dispatches / days / 86400) * work * share * (24 / hours);
        const weight = Object.fromEntries(grades.map((g) => [g, work * share]));
        slots.push({ kind: 'units', group: group.id, shift, hours, load: perSecond * busy, weight, slack: slackS });
      }
    }
  }
  for (const line of lines) {
    const handling = s.callHandling?.handlingTime[line];
    const pools = r.pools.filter((p) => p.lines.includes(line));
    const calls = s.demand.streams.filter((st) => st.line === line).reduce((a, st) => a + st.callsPerDay, 0);
    const target = pilot.calls.byLine[line]?.answerTargetS ?? 0;
    if (!handling || pools.length === 0) continue;
    const mean = meanOf(handling);
    for (const p of pools) {
      for (const shift of r.shifts) {
        const share = shares.get(shift) ?? 0;
        const hours = shiftHours(s, shift);
        const existing = slots.find((x) => x.kind === 'call-takers' && x.group === p.id && x.shift === shift);
        const load = ((calls / pools.length) * share * (24 / hours) * mean) / 86400;
        if (existing) {
          // A pool answering both lines: its load is both lines' (weights and slack per line).
          slots[slots.indexOf(existing)] = { ...existing, load: existing.load + load, weight: { ...existing.weight, [line]: share / pools.length }, slack: { ...existing.slack, [line]: target / mean } };
        } else slots.push({ kind: 'call-takers', group: p.id, shift, hours, load, weight: { [line]: share / pools.length }, slack: { [line]: target / mean } });
      }
    }
  }
  return slots;
}

/** The screen's estimate (percent) of target k's share with `counts[i]` servers in slot i. */
export function screenEstimate(slots: readonly Slot[], counts: readonly number[], k: TargetKey): number {
  let sum = 0;
  let weight = 0;
  slots.forEach((slot, i) => {
    const w = slot.weight[k];
    if (w === undefined || w === 0) return;
    sum += w * erlangCWithin(counts[i]!, slot.load, slot.slack[k] ?? 0);
    weight += w;
  });
  return weight > 0 ? (100 * sum) / weight : 100;
}
