/**
 * Applying a sweep's variables to its base scenario (raw JSON, `extends` already inlined): each
 * combination is the base with every variable set to one of its values. Edits keep the file's form
 * (see src/renderer/scenario/resourcing.ts, whose pure edits are reused here).
 */
import { ALL_DAY, readResourcing, scaleDemand, setBaseUnits, setBcuUnits, setCallTakers } from '../renderer/scenario/resourcing';
import { formatPath } from '../shared/scenario/issues';
import { MAX_COMBINATIONS, variableValues, type SweepFile, type SweepVariable } from './schema';

export type RawScenario = Readonly<Record<string, unknown>>;

/** A variable that does not fit the base scenario, or a value that cannot be applied. */
export class VariableError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'VariableError';
  }
}

/** One combination: its index in the sweep's order, a stable key, and each variable's value. */
export interface Combination {
  readonly index: number;
  /** JSON of the values, unique in a sweep: how results are matched when a sweep resumes. */
  readonly key: string;
  readonly values: readonly unknown[];
}

/** Every combination, the last variable changing fastest. */
export function combinations(sweep: SweepFile): Combination[] {
  const lists = sweep.variables.map(variableValues);
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total > MAX_COMBINATIONS) throw new VariableError('variables', `${total} combinations; at most ${MAX_COMBINATIONS} are allowed`);
  const out: Combination[] = [];
  for (let index = 0; index < total; index++) {
    let rest = index;
    const values: unknown[] = new Array(lists.length);
    for (let v = lists.length - 1; v >= 0; v--) {
      const list = lists[v]!;
      values[v] = list[rest % list.length];
      rest = Math.floor(rest / list.length);
    }
    out.push({ index, key: JSON.stringify(values), values });
  }
  return out;
}

/** A short column name for a variable ("CX units (all shifts)", "demand x"). */
export function variableLabel(v: SweepVariable): string {
  const on = (shift: string | undefined) => (shift === undefined ? '' : ` ${shift}`);
  switch (v.vary) {
    case 'base-units':
      return `${v.base}${on(v.shift)} units`;
    case 'bcu-units':
      return `BCU ${v.bcu}${on(v.shift)} units`;
    case 'call-takers':
      return `${v.pool}${on(v.shift)} call takers`;
    case 'demand':
      return 'demand multiplier';
    case 'base-position':
      return `${v.base} position`;
    case 'field':
      return v.path;
  }
}

/** A value as a table cell. */
export function valueText(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'lon' in value && 'lat' in value) {
    const p = value as { lon: number; lat: number };
    return `${p.lat} ${p.lon}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function shiftsOf(raw: RawScenario, shift: string | undefined, where: string): string[] {
  const all = readResourcing(raw).shifts;
  if (shift === undefined) return [...all];
  if (!all.includes(shift)) {
    const has = all[0] === ALL_DAY ? 'no shifts (leave "shift" out)' : `shifts ${all.join(', ')}`;
    throw new VariableError(`${where}.shift`, `unknown shift "${shift}": the base scenario has ${has}`);
  }
  return [shift];
}

/** Splits `grades.I.targetS` / `fleet[0].count` into keys. */
function pathKeys(path: string, where: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]+)"\]/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(path)) !== null) {
    keys.push(m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[1]!));
    consumed += m[0].length;
  }
  const dots = (path.match(/\.(?![^[]*\])/g) ?? []).length;
  if (keys.length === 0 || consumed + dots !== path.length) throw new VariableError(`${where}.path`, `expected a field path such as "grades.I.targetS", got ${JSON.stringify(path)}`);
  return keys;
}

function setField(raw: RawScenario, keys: readonly (string | number)[], value: unknown, where: string): RawScenario {
  const set = (node: unknown, depth: number): unknown => {
    const key = keys[depth]!;
    const last = depth === keys.length - 1;
    if (typeof key === 'number') {
      if (!Array.isArray(node) || key >= node.length) throw new VariableError(`${where}.path`, `the base scenario has no ${formatPath(keys.slice(0, depth + 1))}`);
      const copy = [...node];
      copy[key] = last ? value : set(node[key], depth + 1);
      return copy;
    }
    // A missing object on the way is made (a field left to its default); the schema then says whether the path exists.
    const obj = node === undefined ? {} : node;
    if (!isObj(obj)) throw new VariableError(`${where}.path`, `${formatPath(keys.slice(0, depth)) || 'the scenario'} is not an object in the base scenario`);
    return { ...obj, [key]: last ? value : set(obj[key], depth + 1) };
  };
  return set(raw, 0) as RawScenario;
}

/** The base with variable `v` (number `i` of the sweep) set to `value`. */
export function applyVariable(raw: RawScenario, v: SweepVariable, value: unknown, i: number): RawScenario {
  const where = formatPath(['variables', i]);
  try {
    switch (v.vary) {
      case 'base-units': {
        if (!readResourcing(raw).bcus.some((b) => b.bases.some((s) => s.id === v.base))) throw new VariableError(`${where}.base`, `the base scenario has no base "${v.base}"`);
        return shiftsOf(raw, v.shift, where).reduce((acc, s) => setBaseUnits(acc, v.base, s, value as number), raw);
      }
      case 'bcu-units': {
        const bcus = readResourcing(raw).bcus.flatMap((b) => (b.id === null ? [] : [b.id]));
        if (!bcus.includes(v.bcu)) throw new VariableError(`${where}.bcu`, `the base scenario has no BCU "${v.bcu}"${bcus.length ? ` (it has ${bcus.join(', ')})` : ' (it has no areas.groups)'}`);
        return shiftsOf(raw, v.shift, where).reduce((acc, s) => setBcuUnits(acc, v.bcu, s, value as number), raw);
      }
      case 'call-takers': {
        if (!readResourcing(raw).pools.some((p) => p.id === v.pool)) throw new VariableError(`${where}.pool`, `the base scenario has no call-taker pool "${v.pool}"`);
        return shiftsOf(raw, v.shift, where).reduce((acc, s) => setCallTakers(acc, v.pool, s, value as number), raw);
      }
      case 'demand':
        return scaleDemand(raw, value as number);
      case 'base-position': {
        const stations = Array.isArray(raw.stations) ? (raw.stations as unknown[]) : [];
        const k = stations.findIndex((s) => isObj(s) && s.id === v.base);
        if (k < 0) throw new VariableError(`${where}.base`, `the base scenario has no base "${v.base}"`);
        const p = value as { lon: number; lat: number };
        const next = [...stations];
        next[k] = { ...(stations[k] as object), lon: p.lon, lat: p.lat };
        return { ...raw, stations: next };
      }
      case 'field':
        return setField(raw, pathKeys(v.path, where), value, where);
    }
  } catch (error) {
    if (error instanceof VariableError) throw error;
    throw new VariableError(where, error instanceof Error ? error.message : String(error));
  }
}

/** The base scenario with every variable set to the combination's values; its name says which. */
export function combinationScenario(base: RawScenario, sweep: SweepFile, c: Combination): RawScenario {
  let raw = sweep.variables.reduce((acc, v, i) => applyVariable(acc, v, c.values[i], i), base);
  if (sweep.days !== undefined) raw = { ...raw, days: sweep.days };
  if (sweep.seed !== undefined) raw = { ...raw, seed: sweep.seed };
  const label = sweep.variables.map((v, i) => `${variableLabel(v)} ${valueText(c.values[i])}`).join(', ');
  return { ...raw, name: `${typeof base.name === 'string' ? base.name : 'scenario'} (${label})` };
}
