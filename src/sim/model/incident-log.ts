/**
 * The incident log: one row per call (abandoned and referred calls included) with every
 * timestamp, as columns of typed arrays. NaN = did not happen (yet). Row index = call id.
 */
import { GRADES, LINES, type Grade, type Line } from '../../shared/scenario';

const F64_COLUMNS = [
  'callS',
  'lon',
  'lat',
  'answeredS',
  'abandonedS',
  'handledS',
  'pendingS',
  'firstDispatchS',
  'firstArriveS',
  'clearS',
  'turnoutS',
  'travelS',
] as const;
const I32_COLUMNS = ['line', 'grade', 'area', 'firstUnit', 'unitsSent', 'flags'] as const;
export type F64Column = (typeof F64_COLUMNS)[number];
export type I32Column = (typeof I32_COLUMNS)[number];

/**
 * The log as plain data, columns trimmed to its rows: what a worker thread sends back (typed arrays
 * cross threads by structured clone) and `IncidentLog.fromColumns` turns into a log again.
 */
export interface IncidentLogColumns {
  readonly rows: number;
  readonly f64: Readonly<Record<F64Column, Float64Array>>;
  readonly i32: Readonly<Record<I32Column, Int32Array>>;
  readonly names: { readonly areas: readonly string[]; readonly units: readonly string[] };
  /** Per row, why dispatch did what it did ('' none); present when the run explained dispatch. */
  readonly reasons?: readonly string[];
}

/** `flags` bits. */
export const LOG_COUNTED = 1;
export const LOG_INJECTED = 2;

/** One row, with names resolved: what incidents.csv holds. Times in seconds since scenario start. */
export interface IncidentRecord {
  id: number;
  line: Line;
  grade: Grade;
  counted: boolean;
  injected: boolean;
  callS: number;
  lon: number;
  lat: number;
  /** Area id, or null when the call lies in no area. */
  area: string | null;
  answeredS: number | null;
  abandonedS: number | null;
  /** End of call handling (the incident is created). */
  handledS: number | null;
  /** Joined the pending queue (after the decision time). */
  pendingS: number | null;
  firstDispatchS: number | null;
  firstArriveS: number | null;
  /** Last unit left the scene. */
  clearS: number | null;
  /** Unit that arrived first. */
  firstUnit: string | null;
  /** Dispatches to this incident (diversions included). */
  unitsSent: number;
  /** Turnout and travel of the first unit to arrive. */
  turnoutS: number | null;
  travelS: number | null;
  /** firstArriveS - callS. */
  responseS: number | null;
  /** Why dispatch did what it did (src/sim/dispatch/explain.ts); null when not explained. */
  reason: string | null;
}

export class IncidentLog {
  private f64: Record<F64Column, Float64Array>;
  private i32: Record<I32Column, Int32Array>;
  private rows = 0;
  /** Per row, the dispatch explanation so far (dense up to the last row explained); null: none kept. */
  private reasons: string[] | null = null;

  constructor(
    capacity: number,
    /** Resolves `area` and `firstUnit` indices to ids. */
    private readonly names: { areas: readonly string[]; units: readonly string[] },
  ) {
    const cap = Math.max(16, capacity);
    this.f64 = Object.fromEntries(F64_COLUMNS.map((c) => [c, new Float64Array(cap).fill(NaN)])) as Record<F64Column, Float64Array>;
    this.i32 = Object.fromEntries(I32_COLUMNS.map((c) => [c, new Int32Array(cap)])) as Record<I32Column, Int32Array>;
  }

  get length(): number {
    return this.rows;
  }

  /** The log as plain data (copies of its columns, trimmed to its rows). */
  columns(): IncidentLogColumns {
    const trim = <T extends Float64Array | Int32Array>(x: T): T => x.slice(0, this.rows) as T;
    return {
      rows: this.rows,
      f64: Object.fromEntries(F64_COLUMNS.map((c) => [c, trim(this.f64[c])])) as Record<F64Column, Float64Array>,
      i32: Object.fromEntries(I32_COLUMNS.map((c) => [c, trim(this.i32[c])])) as Record<I32Column, Int32Array>,
      names: this.names,
      ...(this.reasons ? { reasons: Array.from({ length: this.rows }, (_, i) => this.reasons![i] ?? '') } : {}),
    };
  }

  /** A log from `columns()` output. Throws naming the column when one is missing or short. */
  static fromColumns(data: IncidentLogColumns): IncidentLog {
    const log = new IncidentLog(data.rows, data.names);
    for (const c of F64_COLUMNS) {
      const x = data.f64[c];
      if (!(x instanceof Float64Array) || x.length < data.rows) throw new Error(`incident log columns: '${c}' missing or shorter than ${data.rows} rows`);
      log.f64[c].set(x.subarray(0, data.rows));
    }
    for (const c of I32_COLUMNS) {
      const x = data.i32[c];
      if (!(x instanceof Int32Array) || x.length < data.rows) throw new Error(`incident log columns: '${c}' missing or shorter than ${data.rows} rows`);
      log.i32[c].set(x.subarray(0, data.rows));
    }
    log.rows = data.rows;
    if (data.reasons) log.reasons = data.reasons.slice(0, data.rows);
    return log;
  }

  /** Adds row `id` (must be the next id). */
  add(id: number): void {
    if (id !== this.rows) throw new Error(`incident log: row ${id} added out of order (next is ${this.rows})`);
    if (id === this.f64.callS.length) this.grow();
    this.i32.firstUnit[id] = -1;
    this.rows++;
  }

  set(column: F64Column, id: number, value: number): void {
    this.f64[column][id] = value;
  }

  setInt(column: I32Column, id: number, value: number): void {
    this.i32[column][id] = value;
  }

  /** Adds a clause to row `id`'s dispatch explanation (clauses are joined with '; '). */
  addReason(id: number, clause: string): void {
    const reasons = (this.reasons ??= []);
    while (reasons.length <= id) reasons.push('');
    reasons[id] = reasons[id] === '' ? clause : `${reasons[id]}; ${clause}`;
  }

  /** Row `id`'s dispatch explanation; null when none was kept. */
  reason(id: number): string | null {
    const r = this.reasons?.[id];
    return r === undefined || r === '' ? null : r;
  }

  get(column: F64Column, id: number): number {
    return this.f64[column][id]!;
  }

  getInt(column: I32Column, id: number): number {
    return this.i32[column][id]!;
  }

  /** Row `id` as a record. */
  record(id: number): IncidentRecord {
    const v = (c: F64Column) => {
      const x = this.f64[c][id]!;
      return Number.isNaN(x) ? null : x;
    };
    const area = this.i32.area[id]!;
    const unit = this.i32.firstUnit[id]!;
    const flags = this.i32.flags[id]!;
    const arrive = v('firstArriveS');
    return {
      id,
      line: LINES[this.i32.line[id]!]!,
      grade: GRADES[this.i32.grade[id]!]!,
      counted: (flags & LOG_COUNTED) !== 0,
      injected: (flags & LOG_INJECTED) !== 0,
      callS: this.f64.callS[id]!,
      lon: this.f64.lon[id]!,
      lat: this.f64.lat[id]!,
      area: area >= 0 ? (this.names.areas[area] ?? null) : null,
      answeredS: v('answeredS'),
      abandonedS: v('abandonedS'),
      handledS: v('handledS'),
      pendingS: v('pendingS'),
      firstDispatchS: v('firstDispatchS'),
      firstArriveS: arrive,
      clearS: v('clearS'),
      firstUnit: unit >= 0 ? (this.names.units[unit] ?? null) : null,
      unitsSent: this.i32.unitsSent[id]!,
      turnoutS: v('turnoutS'),
      travelS: v('travelS'),
      responseS: arrive === null ? null : arrive - this.f64.callS[id]!,
      reason: this.reason(id),
    };
  }

  /** Every row in id order. */
  *records(): IterableIterator<IncidentRecord> {
    for (let i = 0; i < this.rows; i++) yield this.record(i);
  }

  private grow(): void {
    const n = this.f64.callS.length * 2;
    for (const c of F64_COLUMNS) {
      const x = new Float64Array(n).fill(NaN);
      x.set(this.f64[c]);
      this.f64[c] = x;
    }
    for (const c of I32_COLUMNS) {
      const x = new Int32Array(n);
      x.set(this.i32[c]);
      this.i32[c] = x;
    }
  }
}
