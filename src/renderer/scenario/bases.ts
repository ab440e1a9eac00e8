/**
 * Bases (MODEL.md `stations`) as the workbench edits them: move, add, rename, close and reopen.
 * A base's units are its `fleet` rows, keyed by its id, so they follow it wherever it goes and
 * come back when it reopens. Pure functions: the input is never changed; an edit that changes
 * nothing returns the same object.
 */
import type { RawScenario } from '../store/scenario-slice';
import { arr, isObj, num, str, type Obj } from './raw';

export interface BaseRow {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  /** area id, or null when the file leaves it to point-in-area */
  readonly area: string | null;
  readonly closed: boolean;
  readonly synthetic: boolean;
}

export function readBases(raw: RawScenario): BaseRow[] {
  return arr(raw.stations).flatMap((st): BaseRow[] => {
    if (!isObj(st) || typeof st.id !== 'string') return [];
    return [{ id: st.id, name: str(st.name) ?? st.id, lon: num(st.lon), lat: num(st.lat), area: str(st.area), closed: st.closed === true, synthetic: st.synthetic === true }];
  });
}

function withStation(raw: RawScenario, id: string, change: (st: Obj) => Obj): RawScenario {
  const stations = arr(raw.stations);
  const i = stations.findIndex((s) => isObj(s) && s.id === id);
  if (i < 0) throw new Error(`no base "${id}" in the scenario`);
  const before = stations[i] as Obj;
  const after = change(before);
  if (JSON.stringify(after) === JSON.stringify(before)) return raw;
  const next = [...stations];
  next[i] = after;
  return { ...raw, stations: next };
}

function checkPoint(lon: number, lat: number): void {
  if (!(Number.isFinite(lon) && lon >= -180 && lon <= 180 && Number.isFinite(lat) && lat >= -90 && lat <= 90)) {
    throw new Error(`expected a position (lon -180..180, lat -90..90), got ${lon}, ${lat}`);
  }
}

/**
 * Moves base `id` to (lon, lat), coordinates rounded to 6 decimals (about 0.1 m). `area` is the
 * area the new place lies in (the caller finds it from the outlines); undefined drops the field so
 * the simulator finds it by point-in-area.
 */
export function moveBase(raw: RawScenario, id: string, lon: number, lat: number, area?: string): RawScenario {
  checkPoint(lon, lat);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return withStation(raw, id, (st) => {
    const { area: _area, ...rest } = st;
    return { ...rest, lon: round(lon), lat: round(lat), ...(area === undefined ? {} : { area }) };
  });
}

export function renameBase(raw: RawScenario, id: string, name: string): RawScenario {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error(`base ${id}: a name cannot be empty`);
  return withStation(raw, id, (st) => ({ ...st, name: trimmed }));
}

/** Closes (true) or reopens (false) base `id`: its fleet rows stay, no units go on duty while closed. */
export function setBaseClosed(raw: RawScenario, id: string, closed: boolean): RawScenario {
  return withStation(raw, id, (st) => {
    const { closed: _c, ...rest } = st;
    return closed ? { ...rest, closed: true } : rest;
  });
}

/** An id for a new base from its name ("New base 2" -> "new-base-2"), unique in the scenario. */
export function newBaseId(raw: RawScenario, name: string): string {
  const taken = new Set(readBases(raw).map((b) => b.id));
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'base';
  if (!taken.has(stem)) return stem;
  for (let k = 2; ; k++) if (!taken.has(`${stem}-${k}`)) return `${stem}-${k}`;
}

/** A name "New base N" not used yet. */
export function newBaseName(raw: RawScenario): string {
  const names = new Set(readBases(raw).map((b) => b.name));
  for (let k = 1; ; k++) if (!names.has(`New base ${k}`)) return `New base ${k}`;
}

/**
 * Adds an open base at (lon, lat) with no units (the planner gives it units per shift next) and
 * returns the scenario with it and its id.
 */
export function addBase(raw: RawScenario, spec: { name: string; lon: number; lat: number; area?: string }): { raw: RawScenario; id: string } {
  checkPoint(spec.lon, spec.lat);
  const name = spec.name.trim();
  if (name === '') throw new Error('a new base needs a name');
  const id = newBaseId(raw, name);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const station: Obj = { id, name, lon: round(spec.lon), lat: round(spec.lat), ...(spec.area === undefined ? {} : { area: spec.area }) };
  return { raw: { ...raw, stations: [...arr(raw.stations), station] }, id };
}
