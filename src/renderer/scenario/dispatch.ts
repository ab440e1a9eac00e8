/**
 * Dispatch rules (MODEL.md `dispatch`): policy, border rule, diversion to I, and the reserve held
 * back from each grade in every BCU; each with the one-line explanation the workbench shows.
 * Pure functions; the border rule's edit is resourcing.ts's `setBorder`.
 */
import type { RawScenario } from '../store/scenario-slice';
import { BORDER_RULES, type BorderRule } from './resourcing';
import { arr, isObj, num, type Obj } from './raw';

export type Policy = 'nearest-eta' | 'nearest-straight-line' | 'home-station-first';
export const POLICIES: readonly Policy[] = ['nearest-eta', 'nearest-straight-line', 'home-station-first'];
export const RESERVE_GRADES = ['I', 'S', 'E'] as const;
export type ReserveGrade = (typeof RESERVE_GRADES)[number];

export const POLICY_TEXT: Readonly<Record<Policy, { label: string; explain: string }>> = {
  'nearest-eta': { label: 'Nearest by travel time', explain: 'Sends the free unit that would arrive first by road, from wherever it is now.' },
  'nearest-straight-line': { label: 'Nearest in a straight line', explain: 'Sends the free unit closest as the crow flies, ignoring roads.' },
  'home-station-first': { label: 'Home station first', explain: "Sends the nearest unit based in the incident's borough, else the nearest anywhere." },
};

export const BORDER_TEXT: Readonly<Record<BorderRule, { label: string; explain: string }>> = {
  any: { label: 'Any unit (nearest wins)', explain: 'Units cross BCU and borough borders freely.' },
  bcu: { label: 'Same BCU first', explain: "A unit of the incident's BCU goes when one is free; otherwise any unit." },
  area: { label: 'Same borough only', explain: "Only units based in the incident's borough go; the incident waits otherwise." },
};

export const DIVERT_EXPLAIN = 'When an I call finds no free unit, the nearest unit on its way to or at an S or E incident is sent instead; that incident waits again.';
export const RESERVE_EXPLAIN: Readonly<Record<ReserveGrade, string>> = {
  I: 'Free units each BCU keeps back even from I calls (normally 0).',
  S: 'Free units each BCU keeps for I calls: S and E work cannot take them.',
  E: 'Free units each BCU keeps for I and S calls: E work cannot take them.',
};

export interface DispatchRules {
  readonly policy: Policy;
  readonly border: BorderRule;
  /** true when `divert` sends units from S or E work to I */
  readonly divert: boolean;
  readonly reserve: Readonly<Record<ReserveGrade, number>>;
  /** BCU id -> its own reserve (in place of `reserve`), for the BCUs given one */
  readonly reserveByBcu: Readonly<Record<string, Readonly<Record<ReserveGrade, number>>>>;
}

export const BCU_RESERVE_EXPLAIN = 'A BCU given its own reserve holds back those units instead of the London-wide numbers above; the others follow them.';

function dispatchOf(raw: RawScenario): Obj {
  return isObj(raw.dispatch) ? raw.dispatch : {};
}

export function readDispatch(raw: RawScenario): DispatchRules {
  const d = dispatchOf(raw);
  const reserve = isObj(d.reserve) ? d.reserve : {};
  return {
    policy: (POLICIES as readonly unknown[]).includes(d.policy) ? (d.policy as Policy) : 'nearest-eta',
    border: (BORDER_RULES as readonly unknown[]).includes(d.border) ? (d.border as BorderRule) : 'any',
    divert: isObj(d.divert) && arr(d.divert.to).length > 0,
    reserve: { I: num(reserve.I), S: num(reserve.S), E: num(reserve.E) },
    reserveByBcu: Object.fromEntries(Object.entries(isObj(d.reserveByBcu) ? d.reserveByBcu : {}).map(([bcu, r]) => [bcu, isObj(r) ? { I: num(r.I), S: num(r.S), E: num(r.E) } : { I: 0, S: 0, E: 0 }])),
  };
}

function withDispatch(raw: RawScenario, next: Obj): RawScenario {
  return JSON.stringify(next) === JSON.stringify(dispatchOf(raw)) ? raw : { ...raw, dispatch: next };
}

export function setPolicy(raw: RawScenario, policy: Policy): RawScenario {
  if (!POLICIES.includes(policy)) throw new Error(`unknown dispatch policy "${String(policy)}" (expected ${POLICIES.join(', ')})`);
  return withDispatch(raw, { ...dispatchOf(raw), policy });
}

/** Turns diversion to I from S and E work on or off (an existing `divert` is kept when on). */
export function setDivert(raw: RawScenario, on: boolean): RawScenario {
  const { divert, ...rest } = dispatchOf(raw);
  if (on) return readDispatch(raw).divert ? raw : withDispatch(raw, { ...rest, divert: { to: ['I'], from: ['S', 'E'] } });
  return divert === undefined ? raw : withDispatch(raw, rest);
}

/** Units each BCU holds back from `grade`'s work (0 removes the entry). */
export function setReserve(raw: RawScenario, grade: ReserveGrade, n: number): RawScenario {
  checkReserve(grade, n, '');
  const d = dispatchOf(raw);
  const { [grade]: _old, ...others } = isObj(d.reserve) ? d.reserve : {};
  return withDispatch(raw, { ...d, reserve: n === 0 ? others : { ...others, [grade]: n } });
}

function checkReserve(grade: ReserveGrade, n: number, where: string): void {
  if (!RESERVE_GRADES.includes(grade)) throw new Error(`reserve: unknown grade "${String(grade)}" (expected I, S or E)`);
  if (!Number.isInteger(n) || n < 0 || n > 50_000) throw new Error(`reserve for ${grade}${where}: expected a whole number from 0 to 50,000, got ${n}`);
}

/**
 * BCU `bcu`'s own reserve from `grade`'s work (MODEL-ADDITIONS `dispatch.reserveByBcu`). A BCU
 * without one starts from the London-wide reserve, so its other grades keep what they had.
 */
export function setBcuReserve(raw: RawScenario, bcu: string, grade: ReserveGrade, n: number): RawScenario {
  checkReserve(grade, n, ` in ${bcu}`);
  if (bcu.trim() === '') throw new Error('reserve: a BCU id cannot be empty');
  const d = dispatchOf(raw);
  const rules = readDispatch(raw);
  const byBcu = isObj(d.reserveByBcu) ? d.reserveByBcu : {};
  const own = { ...(rules.reserveByBcu[bcu] ?? rules.reserve), [grade]: n };
  const entry = Object.fromEntries(RESERVE_GRADES.filter((g) => own[g] > 0).map((g) => [g, own[g]]));
  return withDispatch(raw, { ...d, reserveByBcu: { ...byBcu, [bcu]: entry } });
}

/** BCU `bcu` follows the London-wide reserve again (its own is removed). */
export function clearBcuReserve(raw: RawScenario, bcu: string): RawScenario {
  const d = dispatchOf(raw);
  if (!isObj(d.reserveByBcu) || !Object.hasOwn(d.reserveByBcu, bcu)) return raw;
  const { [bcu]: _gone, ...rest } = d.reserveByBcu;
  const { reserveByBcu: _all, ...others } = d;
  return withDispatch(raw, Object.keys(rest).length > 0 ? { ...others, reserveByBcu: rest } : others);
}
