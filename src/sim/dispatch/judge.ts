/**
 * Judging units for an incident, for the dispatch explanation (./explain.ts): which units the
 * dispatch rule may weigh (free, not held in reserve, inside the border rule; MODEL.md "Dispatch"),
 * and why each other on-duty unit was passed over. Reads the state only; never changes it, so an
 * explained run gives the same results as one that is not.
 *
 * Words only, never commas: the texts go into the incident log's `reason` (incidents.csv).
 */
import type { DispatchVerdict } from '../../shared/live';
import { GRADES } from '../../shared/scenario';
import { US, UNIT_STATE_NAMES } from '../fleet/fleet';
import type { Call } from '../model/call';
import { applyBorder, availableUnits, callBcu, reserveFor, unitPlace, type DispatchView } from './choose';

/** One unit's verdict; `etaS` only for units whose travel time was asked for. */
export interface Judgement {
  readonly u: number;
  readonly verdict: DispatchVerdict;
  readonly why: string;
  readonly etaS: number | null;
}

/** Free units this grade may take, and those of them the border rule allows, with the rule's scope in words. */
export interface Scope {
  readonly available: readonly number[];
  readonly allowed: readonly number[];
  /** 'within BCU CW (border rule bcu)', 'across BCUs: none free in BCU CW (border rule bcu)', ... */
  readonly words: string;
}

/** "4.2 min". */
export function minutes(s: number | null): string {
  return s === null || !Number.isFinite(s) ? 'no route' : `${(s / 60).toFixed(1)} min`;
}

/** Text fit for a CSV field without quoting: commas, quotes and line breaks become spaces. */
export function plain(text: string): string {
  return text.replace(/[",\r\n]/g, ' ');
}

function bcuName(v: DispatchView, b: number): string {
  return b >= 0 ? (v.fleet.bcuIds[b] ?? String(b)) : 'none';
}

function areaName(v: DispatchView & { readonly world: { readonly areas: { readonly names: readonly string[] } | null } }, area: number): string {
  return plain(v.world.areas?.names[area] ?? `area ${area}`);
}

type View = DispatchView & { readonly world: { readonly areas: { readonly names: readonly string[] } | null } };

export function scopeOf(v: View, call: Call): Scope {
  const available = availableUnits(v, call.grade);
  const allowed = applyBorder(v, call, available);
  const border = v.scenario.dispatch.border;
  let words = 'any BCU (border rule any)';
  if (border === 'area') words = call.area >= 0 ? `within ${areaName(v, call.area)} (border rule area)` : 'anywhere: the incident is in no area (border rule area)';
  else if (border === 'bcu') {
    const b = callBcu(v, call);
    if (b < 0) words = 'anywhere: the incident is in no BCU (border rule bcu)';
    else words = allowed.some((u) => v.fleet.bcuOf(u) === b) ? `within BCU ${bcuName(v, b)} (border rule bcu)` : `across BCUs: none free in BCU ${bcuName(v, b)} (border rule bcu)`;
  }
  return { available, allowed, words };
}

/**
 * 'held in reserve for I': units kept from `grade`'s work by `dispatch.reserve` (reserveFor), for
 * the grades above the one whose reserve holds them (reserve.S holds units for I, reserve.E for I and S).
 */
export function reserveWords(v: DispatchView, grade: number): string {
  const r = v.scenario.dispatch.reserve;
  let key = -1;
  let most = 0;
  for (let g = 0; g <= Math.min(grade, 2); g++) {
    const n = r[GRADES[g] as 'I' | 'S' | 'E'] ?? 0;
    if (n > most) {
      most = n;
      key = g;
    }
  }
  return key <= 0 ? 'held in reserve' : `held in reserve for ${GRADES.slice(0, key).join(' and ')}`;
}

/** Travel + turnout seconds of `units` to `call` (null: unreachable). */
export function etasOf(v: DispatchView, call: Call, units: readonly number[], departS: number, turnoutS: number): (number | null)[] {
  if (units.length === 0 || !call.place) return units.map(() => null);
  const blue = v.scenario.grades[GRADES[call.grade]!].blueLight;
  const times = v.travel.timesTo(
    units.map((u) => unitPlace(v, u)),
    call.place,
    departS,
    blue,
  );
  return Array.from(times, (t) => (Number.isFinite(t) ? t + turnoutS : null));
}

/**
 * Every on-duty unit judged for `call`: `chosen` (or -1), the units the rule weighed (`weighed`),
 * and why each other was passed over. ETAs for the weighed units, and for every on-duty unit when
 * `etaAll`. Units off duty are only counted.
 */
export function judgeUnits(
  v: View,
  call: Call,
  scope: Scope,
  weighed: readonly number[],
  chosen: number,
  opts: { departS: number; turnoutS: number; etaAll: boolean },
): { units: Judgement[]; offDuty: number } {
  const f = v.fleet;
  const available = new Set(scope.available);
  const allowed = new Set(scope.allowed);
  const weighedSet = new Set(weighed);
  if (chosen >= 0) weighedSet.add(chosen);
  const onDuty: number[] = [];
  let offDuty = 0;
  for (let u = 0; u < f.n; u++) {
    if (f.state[u] === US.OFF) offDuty++;
    else onDuty.push(u);
  }
  const timed = opts.etaAll ? onDuty : onDuty.filter((u) => weighedSet.has(u));
  const etas = etasOf(v, call, timed, opts.departS, opts.turnoutS);
  const eta = new Map<number, number | null>();
  timed.forEach((u, i) => eta.set(u, etas[i]!));
  const chosenEta = chosen >= 0 ? (eta.get(chosen) ?? null) : null;
  const straight = v.scenario.dispatch.policy === 'nearest-straight-line';
  const border = v.scenario.dispatch.border;
  const reserve = reserveFor(v, call.grade);
  const units: Judgement[] = onDuty.map((u) => {
    const e = eta.get(u) ?? null;
    const state = f.state[u]!;
    const at = (verdict: DispatchVerdict, why: string): Judgement => ({ u, verdict, why, etaS: e });
    if (u === chosen) return at('chosen', 'sent');
    if (weighedSet.has(u)) {
      if (e === null) return at('no-route', 'cannot reach it');
      if (straight) return at('slower', 'farther by straight line');
      if (chosenEta === null) return at('slower', 'slower');
      return at('slower', e - chosenEta < 3 ? 'as near (ties go to the lower unit number)' : `slower by ${minutes(e - chosenEta)}`);
    }
    if (state !== US.FREE && state !== US.RETURNING) {
      const inc = f.incident[u]!;
      return at('busy', `busy: ${UNIT_STATE_NAMES[state]}${inc >= 0 ? ` at incident ${inc}` : ''}${f.offAfterJob[u] ? ' then off duty' : ''}`);
    }
    if (!available.has(u)) return at('reserve', `${reserveWords(v, call.grade)} (BCU ${bcuName(v, f.bcuOf(u))} keeps ${reserve} free)`);
    if (!allowed.has(u)) {
      const where = border === 'area' ? areaName(v, f.areaOf(u)) : `BCU ${bcuName(v, f.bcuOf(u))}`;
      return at('border', `outside the border rule (${border}): ${where}`);
    }
    return at('home-area', "not of the incident's own area (home-station-first looks there first)");
  });
  return { units, offDuty };
}

/** Counts by verdict, the one sent left out; off-duty units added. */
export function countVerdicts(units: readonly Judgement[], offDuty: number): Partial<Record<DispatchVerdict, number>> {
  const out: Partial<Record<DispatchVerdict, number>> = {};
  for (const j of units) if (j.verdict !== 'chosen') out[j.verdict] = (out[j.verdict] ?? 0) + 1;
  if (offDuty > 0) out['off-duty'] = offDuty;
  return out;
}

const VERDICT_WORDS: Readonly<Record<DispatchVerdict, string>> = {
  chosen: 'sent',
  slower: 'slower',
  busy: 'busy',
  'off-duty': 'off duty',
  reserve: 'held in reserve',
  border: 'outside the border rule',
  'home-area': 'not of its own area',
  'no-route': 'no route',
};

/** '4 slower / 12 busy / 3 held in reserve for I / 200 off duty' ('' when none). */
export function countWords(v: DispatchView, counts: Partial<Record<DispatchVerdict, number>>, grade: number): string {
  const order: DispatchVerdict[] = ['slower', 'no-route', 'home-area', 'busy', 'reserve', 'border', 'off-duty'];
  return order
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${counts[k]} ${k === 'reserve' ? reserveWords(v, grade) : VERDICT_WORDS[k]}`)
    .join(' / ');
}
