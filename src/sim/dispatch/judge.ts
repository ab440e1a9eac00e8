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

/** Verdict codes of judgeUnits' loop. */
const VERDICTS: readonly DispatchVerdict[] = ['chosen', 'slower', 'busy', 'off-duty', 'reserve', 'border', 'home-area', 'no-route'];
const [V_CHOSEN, V_SLOWER, V_BUSY, V_OFF, V_RESERVE, V_BORDER, V_HOME, V_NO_ROUTE] = [0, 1, 2, 3, 4, 5, 6, 7] as const;

const AVAILABLE = 1;
const ALLOWED = 2;
const WEIGHED = 4;

/** What `judgeUnits` found: the units it lists, nearest first, and how many on-duty units had each verdict (the one sent left out; off duty counted). */
export interface Judged {
  readonly units: Judgement[];
  readonly counts: Partial<Record<DispatchVerdict, number>>;
}

/**
 * On-duty units judged for `call`: `chosen` (or -1), the units the rule weighed (`weighed`), and
 * why each other was passed over. Lists the `list` nearest by ETA (with words) of the weighed units,
 * or with `all` of every on-duty unit, and `chosen` always; counts every verdict. Plain loops over the
 * fleet and a ranking query (exact, pruned), objects only for the units listed: this runs at every
 * dispatch of an explained run.
 */
export function judgeUnits(
  v: View,
  call: Call,
  scope: Scope,
  weighed: readonly number[],
  chosen: number,
  opts: { departS: number; turnoutS: number; all: boolean; list: number },
): Judged {
  const f = v.fleet;
  const mark = new Uint8Array(f.n);
  for (const u of scope.available) mark[u]! |= AVAILABLE;
  for (const u of scope.allowed) mark[u]! |= ALLOWED;
  for (const u of weighed) mark[u]! |= WEIGHED;
  if (chosen >= 0) mark[chosen]! |= WEIGHED;
  // Verdicts as codes into VERDICTS, counted in a typed array: this loop runs over the whole fleet.
  const code = new Uint8Array(f.n);
  const tally = new Int32Array(VERDICTS.length);
  const pool: number[] = [];
  const state = f.state;
  for (let u = 0; u < f.n; u++) {
    const st = state[u]!;
    const m = mark[u]!;
    let x: number;
    if (st === US.OFF) x = V_OFF;
    else if (u === chosen) x = V_CHOSEN;
    else if (m & WEIGHED) x = V_SLOWER;
    else if (st !== US.FREE && st !== US.RETURNING) x = V_BUSY;
    else if (!(m & AVAILABLE)) x = V_RESERVE;
    else if (!(m & ALLOWED)) x = V_BORDER;
    else x = V_HOME;
    code[u] = x;
    tally[x]!++;
    if (x !== V_OFF && (opts.all || m & WEIGHED)) pool.push(u);
  }
  const ranked = rankedEtas(v, call, pool, opts.departS, opts.turnoutS, opts.list);
  if (chosen >= 0 && !ranked.some((r) => r.u === chosen)) ranked.push({ u: chosen, etaS: etasOf(v, call, [chosen], opts.departS, opts.turnoutS)[0]! });
  const chosenEta = ranked.find((r) => r.u === chosen)?.etaS ?? null;
  const units = ranked.map(({ u, etaS }): Judgement => {
    let x = code[u]!;
    if (x === V_SLOWER && etaS === null) {
      x = V_NO_ROUTE;
      tally[V_SLOWER]!--;
      tally[V_NO_ROUTE]!++;
    }
    const verdict = VERDICTS[x]!;
    return { u, verdict, why: whyOf(v, call, u, verdict, etaS, chosenEta), etaS };
  });
  const counts: Partial<Record<DispatchVerdict, number>> = {};
  for (let x = 0; x < VERDICTS.length; x++) if (x !== V_CHOSEN && tally[x]! > 0) counts[VERDICTS[x]!] = tally[x]!;
  return { units, counts };
}

/** The `k` of `units` nearest `call` by ETA (turnout + travel), nearest first; null ETA: unreachable. */
function rankedEtas(v: DispatchView, call: Call, units: readonly number[], departS: number, turnoutS: number, k: number): { u: number; etaS: number | null }[] {
  if (units.length === 0 || k <= 0 || !call.place) return [];
  const blue = v.scenario.grades[GRADES[call.grade]!].blueLight;
  const places = units.map((u) => unitPlace(v, u));
  const top = v.travel.rankTo(places, call.place, departS, blue, Math.min(k, units.length));
  return top.map((r) => ({ u: units[r.index]!, etaS: Number.isFinite(r.timeS) ? r.timeS + turnoutS : null }));
}

function whyOf(v: View, call: Call, u: number, verdict: DispatchVerdict, eta: number | null, chosenEta: number | null): string {
  const f = v.fleet;
  switch (verdict) {
    case 'chosen':
      return 'sent';
    case 'no-route':
      return 'cannot reach it';
    case 'slower':
      if (v.scenario.dispatch.policy === 'nearest-straight-line') return 'farther by straight line';
      if (chosenEta === null || eta === null) return 'slower';
      return eta - chosenEta < 3 ? 'as near (ties go to the lower unit number)' : `slower by ${minutes(eta - chosenEta)}`;
    case 'busy': {
      const inc = f.incident[u]!;
      return `busy: ${UNIT_STATE_NAMES[f.state[u]!]}${inc >= 0 ? ` at incident ${inc}` : ''}${f.offAfterJob[u] ? ' then off duty' : ''}`;
    }
    case 'reserve':
      return `${reserveWords(v, call.grade)} (BCU ${bcuName(v, f.bcuOf(u))} keeps ${reserveFor(v, call.grade)} free)`;
    case 'border': {
      const border = v.scenario.dispatch.border;
      return `outside the border rule (${border}): ${border === 'area' ? areaName(v, f.areaOf(u)) : `BCU ${bcuName(v, f.bcuOf(u))}`}`;
    }
    case 'home-area':
      return "not of the incident's own area (home-station-first looks there first)";
    default:
      return verdict;
  }
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
