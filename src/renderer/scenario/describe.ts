/**
 * "What changed" in words: the differences between a scenario and the one it came from, one short
 * sentence per change, in the order a planner reads them (bases, units, call takers, shifts,
 * demand, dispatch). Pure (no DOM, no React): the app's "What changed" section and the HTML
 * report (src/node/report) both use it.
 */
import type { RawScenario } from '../store/scenario-slice';
import { readBases } from './bases';
import { MIX_GRADES, readAreaMultipliers, readEvents, windowText, type DemandEvent } from './demand';
import { BORDER_TEXT, POLICY_TEXT, RESERVE_GRADES, readDispatch } from './dispatch';
import { arr, compassWord, isObj, metresBetween, num } from './raw';
import { ALL_DAY, readResourcing } from './resourcing';
import { readShifts } from './shifts';

export interface ChangeNames {
  /** area (borough) id -> name */
  readonly areas?: ReadonlyMap<string, string>;
  /** BCU id -> name */
  readonly bcus?: ReadonlyMap<string, string>;
  /** name of the area at a place, when the outlines are at hand */
  readonly areaAt?: (lon: number, lat: number) => string | null;
}

const lcFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const plural = (n: number, one: string) => `${fmt(n)} ${one}${n === 1 ? '' : 's'}`;
/** "Brixton base", but "New base 1" and "Barking (synthetic base)" as they are. */
const baseLabel = (name: string) => (/\bbase\b/i.test(name) ? name : `${name} base`);
const distance = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`);

function bcuOfArea(raw: RawScenario): Map<string, string> {
  const out = new Map<string, string>();
  const groups = isObj(raw.areas) && isObj(raw.areas.groups) ? raw.areas.groups : {};
  for (const [bcu, areas] of Object.entries(groups)) for (const a of arr(areas)) if (typeof a === 'string') out.set(a, bcu);
  return out;
}

/** Units on duty by "where|shift|type": where = BCU id, else "base:<id>"; closed bases give none. */
function unitsOnDuty(raw: RawScenario): Map<string, number> {
  const bcu = bcuOfArea(raw);
  const bases = new Map(readBases(raw).map((b) => [b.id, b]));
  const shifts = readShifts(raw).map((s) => s.id);
  const out = new Map<string, number>();
  for (const row of arr(raw.fleet)) {
    if (!isObj(row) || typeof row.station !== 'string') continue;
    const base = bases.get(row.station);
    if (!base || base.closed) continue;
    const where = (base.area !== null ? bcu.get(base.area) : undefined) ?? `base:${base.id}`;
    const type = typeof row.type === 'string' ? row.type : 'IRV';
    const per = isObj(row.perShift) ? row.perShift : null;
    for (const s of per ? shifts : [ALL_DAY]) {
      const n = per ? num(per[s]) : num(row.count);
      const key = `${where}|${s}|${type}`;
      out.set(key, (out.get(key) ?? 0) + n);
    }
  }
  return out;
}

function eventWhere(e: DemandEvent, names: ChangeNames): string {
  const sh = e.shape;
  if (sh.kind === 'circle') {
    const near = names.areaAt?.(sh.lon, sh.lat);
    return `within ${distance(sh.radiusM)} of ${near ? `a point in ${near}` : `${sh.lat.toFixed(4)}, ${sh.lon.toFixed(4)}`}`;
  }
  if (sh.kind === 'polygon') {
    const [x, y] = sh.corners.reduce(([a, b], [c, d]) => [a + c / sh.corners.length, b + d / sh.corners.length], [0, 0]);
    const near = names.areaAt?.(x, y);
    return `in a ${sh.corners.length}-corner area${near ? ` in ${near}` : ''}`;
  }
  if (sh.kind === 'area') return `in ${names.areas?.get(sh.area) ?? names.bcus?.get(sh.area) ?? sh.area}`;
  return 'across all demand';
}

/** "event Carnival", but "Event 1" and "Cup final event" as they are. */
const eventLabel = (label: string) => (/\bevent\b/i.test(label) ? label : `event ${label}`);

/** "x3", "+40 calls an hour (60 % I, 40 % S)", or both. */
function eventAmount(e: DemandEvent): string {
  const parts: string[] = [];
  if (e.multiplier !== 1 || e.extraPerHour === 0) parts.push(`x${fmt(e.multiplier)}`);
  if (e.extraPerHour > 0) {
    const mix = e.gradeMix ? ` (${MIX_GRADES.filter((g) => e.gradeMix![g] > 0).map((g) => `${fmt(e.gradeMix![g] * 100)} % ${g}`).join(', ')})` : '';
    parts.push(`+${plural(e.extraPerHour, 'call')} an hour${mix}`);
  }
  return parts.join(' and ');
}

function eventText(raw: RawScenario, e: DemandEvent, names: ChangeNames): string {
  return `${windowText(raw, e.fromS, e.toS)}, ${eventAmount(e)}${e.line ? ` on ${e.line} calls` : ''} ${eventWhere(e, names)}`;
}

/** One sentence per change from `original` to `current`; empty when they are the same. */
export function describeChanges(original: RawScenario, current: RawScenario, names: ChangeNames = {}): string[] {
  if (original === current) return [];
  const out: string[] = [];
  const areaName = (id: string) => names.areas?.get(id) ?? names.bcus?.get(id) ?? id;
  const bcuName = (id: string) => (id.startsWith('base:') ? `at base ${id.slice(5)}` : `in ${names.bcus?.get(id) ?? id} BCU`);

  // Bases
  const before = new Map(readBases(original).map((b) => [b.id, b]));
  const after = readBases(current);
  for (const b of after) {
    const was = before.get(b.id);
    if (!was) {
      const where = b.area ? ` in ${areaName(b.area)}` : names.areaAt?.(b.lon, b.lat) ? ` in ${names.areaAt(b.lon, b.lat)}` : '';
      out.push(`${baseLabel(b.name)} added${where}${b.closed ? ' (closed)' : ''}`);
      continue;
    }
    if (was.name !== b.name) out.push(`${baseLabel(was.name)} renamed ${b.name}`);
    const moved = metresBetween(was.lon, was.lat, b.lon, b.lat);
    if (moved >= 1) out.push(`${baseLabel(b.name)} moved ${distance(moved)} ${compassWord(was.lon, was.lat, b.lon, b.lat)}${b.area && b.area !== was.area ? ` (now in ${areaName(b.area)})` : ''}`);
    if (was.closed !== b.closed) out.push(`${baseLabel(b.name)} ${b.closed ? 'closed' : 'reopened'}`);
  }
  const ids = new Set(after.map((b) => b.id));
  for (const b of before.values()) if (!ids.has(b.id)) out.push(`${baseLabel(b.name)} removed`);

  // Units on duty, by BCU (or base outside every BCU), shift and type
  const u0 = unitsOnDuty(original);
  const u1 = unitsOnDuty(current);
  for (const key of [...new Set([...u0.keys(), ...u1.keys()])]) {
    const d = (u1.get(key) ?? 0) - (u0.get(key) ?? 0);
    if (d === 0) continue;
    const [where, shift, type] = key.split('|') as [string, string, string];
    const when = shift === ALL_DAY ? 'round the clock' : `on the ${shift} shift`;
    out.push(`${fmt(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} ${type}${Math.abs(d) === 1 ? '' : 's'} ${when} ${bcuName(where)}`);
  }

  // Call takers
  const p0 = new Map(readResourcing(original).pools.map((p) => [p.id, p]));
  for (const p of readResourcing(current).pools) {
    const was = p0.get(p.id);
    for (const [s, n] of Object.entries(p.perShift)) {
      const d = n - (was?.perShift[s] ?? 0);
      if (d !== 0) out.push(`${plural(Math.abs(d), 'call taker').replace(/^(\S+) /, `$1 ${d > 0 ? 'more' : 'fewer'} `)} ${s === ALL_DAY ? 'round the clock' : `on the ${s} shift`} in ${p.id}`);
    }
  }

  // Shifts
  const s0 = new Map(readShifts(original).map((s) => [s.id, s]));
  const s1 = readShifts(current);
  for (const s of s1) {
    const was = s0.get(s.id);
    if (!was) out.push(`${s.id} shift added, ${s.start} for ${fmt(s.hours)} h`);
    else {
      if (was.start !== s.start) out.push(`${s.id} shift starts at ${s.start} (was ${was.start})`);
      if (was.hours !== s.hours) out.push(`${s.id} shift lasts ${fmt(s.hours)} h (was ${fmt(was.hours)} h)`);
    }
  }
  for (const s of s0.values()) if (!s1.some((x) => x.id === s.id)) out.push(`${s.id} shift removed`);

  // Demand
  const c0 = readResourcing(original).callsPerDay;
  for (const [line, n] of Object.entries(readResourcing(current).callsPerDay)) {
    const was = c0[line] ?? 0;
    if (Math.abs(n - was) > 1e-9) out.push(`${line} calls a day ${fmt(Math.round(was))} -> ${fmt(Math.round(n))}${was > 0 ? ` (x${fmt(n / was)})` : ''}`);
  }
  const m0 = readAreaMultipliers(original);
  const m1 = readAreaMultipliers(current);
  for (const id of [...new Set([...Object.keys(m0), ...Object.keys(m1)])]) {
    const a = m0[id] ?? 1;
    const b = m1[id] ?? 1;
    if (a !== b) out.push(`demand in ${areaName(id)} x${fmt(b)}${a !== 1 ? ` (was x${fmt(a)})` : ''}`);
  }
  const e0 = readEvents(original);
  const e1 = readEvents(current);
  const byLabel = new Map(e0.map((e) => [e.label, e]));
  for (const e of e1) {
    const was = byLabel.get(e.label);
    const text = eventText(current, e, names);
    if (!was) out.push(`${eventLabel(e.label)} added, ${text}`);
    else if (eventText(original, was, names) !== text) out.push(`${eventLabel(e.label)} changed: ${text} (was ${eventText(original, was, names)})`);
  }
  for (const e of e0) if (!e1.some((x) => x.label === e.label)) out.push(`${eventLabel(e.label)} removed`);

  // Dispatch
  const d0 = readDispatch(original);
  const d1 = readDispatch(current);
  if (d0.policy !== d1.policy) out.push(`dispatch policy: ${lcFirst(POLICY_TEXT[d1.policy].label)} (was ${lcFirst(POLICY_TEXT[d0.policy].label)})`);
  if (d0.border !== d1.border) out.push(`border rule: ${lcFirst(BORDER_TEXT[d1.border].label)} (was ${lcFirst(BORDER_TEXT[d0.border].label)})`);
  if (d0.divert !== d1.divert) out.push(d1.divert ? 'units now diverted from S and E work to I calls' : 'units no longer diverted to I calls');
  for (const g of RESERVE_GRADES) {
    if (d0.reserve[g] !== d1.reserve[g]) out.push(`reserve kept from ${g} work: ${plural(d1.reserve[g], 'unit')} per BCU (was ${fmt(d0.reserve[g])})`);
  }
  for (const bcu of [...new Set([...Object.keys(d0.reserveByBcu), ...Object.keys(d1.reserveByBcu)])]) {
    const a = d0.reserveByBcu[bcu];
    const b = d1.reserveByBcu[bcu];
    const where = `in ${names.bcus?.get(bcu) ?? bcu} BCU`;
    if (!b) out.push(`reserve ${where} follows the London-wide numbers again`);
    else for (const g of RESERVE_GRADES) {
      const was = (a ?? d0.reserve)[g];
      if (b[g] !== was) out.push(`reserve kept from ${g} work ${where}: ${plural(b[g], 'unit')} (was ${fmt(was)})`);
    }
  }
  if (num(original.days) !== num(current.days)) out.push(`scenario runs ${plural(num(current.days), 'day')} (was ${fmt(num(original.days))})`);
  return out.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
}
