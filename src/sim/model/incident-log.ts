/**
 * The incident log: one row per call (abandoned and referred calls included) with every
 * timestamp, as columns of typed arrays. NaN = did not happen (yet). Row index = call id.
 *
 * Each column is a list of chunks of CHUNK_ROWS rows, added as rows come: a year of London (5 M
 * rows, 120 bytes each) holds about 600 MB, where columns doubling in place held up to 1 GB and
 * 1.5 GB while copying.
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

/** Rows per chunk: 2^CHUNK_BITS. */
const CHUNK_BITS = 16;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ROWS - 1;
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
  /** Per column, its chunks (the first may be shorter than CHUNK_ROWS: a small log's). */
  private readonly f64: Record<F64Column, Float64Array[]>;
  private readonly i32: Record<I32Column, Int32Array[]>;
  /** Rows the chunks hold. */
  private capacity: number;
  private rows = 0;
  /** Per row, the dispatch explanation so far (dense up to the last row explained); null: none kept. */
  private reasons: string[] | null = null;

  constructor(
    capacity: number,
    /** Resolves `area` and `firstUnit` indices to ids. */
    private readonly names: { areas: readonly string[]; units: readonly string[] },
  ) {
    this.f64 = Object.fromEntries(F64_COLUMNS.map((c) => [c, []])) as unknown as Record<F64Column, Float64Array[]>;
    this.i32 = Object.fromEntries(I32_COLUMNS.map((c) => [c, []])) as unknown as Record<I32Column, Int32Array[]>;
    // A first chunk sized to what is asked (up to a whole chunk), then whole chunks.
    this.capacity = 0;
    this.addChunk(Math.min(CHUNK_ROWS, Math.max(16, capacity)));
    while (this.capacity < capacity) this.grow();
  }

  get length(): number {
    return this.rows;
  }

  /** The log as plain data (copies of its columns, trimmed to its rows). */
  columns(): IncidentLogColumns {
    const rows = this.rows;
    const join = <T extends Float64Array | Int32Array>(chunks: readonly T[], out: T): T => {
      let at = 0;
      for (const c of chunks) {
        if (at >= rows) break;
        const n = Math.min(c.length, rows - at);
        out.set(n === c.length ? c : c.subarray(0, n), at);
        at += n;
      }
      return out;
    };
    return {
      rows,
      f64: Object.fromEntries(F64_COLUMNS.map((c) => [c, join(this.f64[c], new Float64Array(rows))])) as Record<F64Column, Float64Array>,
      i32: Object.fromEntries(I32_COLUMNS.map((c) => [c, join(this.i32[c], new Int32Array(rows))])) as Record<I32Column, Int32Array>,
      names: this.names,
      ...(this.reasons ? { reasons: Array.from({ length: this.rows }, (_, i) => this.reasons![i] ?? '') } : {}),
    };
  }

  /** A log from `columns()` output. Throws naming the column when one is missing or short. */
  static fromColumns(data: IncidentLogColumns): IncidentLog {
    for (const c of F64_COLUMNS) {
      const x = data.f64[c];
      if (!(x instanceof Float64Array) || x.length < data.rows) throw new Error(`incident log columns: '${c}' missing or shorter than ${data.rows} rows`);
    }
    for (const c of I32_COLUMNS) {
      const x = data.i32[c];
      if (!(x instanceof Int32Array) || x.length < data.rows) throw new Error(`incident log columns: '${c}' missing or shorter than ${data.rows} rows`);
    }
    const log = new IncidentLog(data.rows, data.names);
    const split = <T extends Float64Array | Int32Array>(x: T, chunks: readonly T[]): void => {
      for (let k = 0, at = 0; at < data.rows; k++) {
        const chunk = chunks[k]!;
        const n = Math.min(chunk.length, data.rows - at);
        chunk.set(x.subarray(at, at + n));
        at += n;
      }
    };
    for (const c of F64_COLUMNS) split(data.f64[c], log.f64[c]);
    for (const c of I32_COLUMNS) split(data.i32[c], log.i32[c]);
    log.rows = data.rows;
    if (data.reasons) log.reasons = data.reasons.slice(0, data.rows);
    return log;
  }

  /** Adds row `id` (must be the next id). */
  add(id: number): void {
    if (id !== this.rows) throw new Error(`incident log: row ${id} added out of order (next is ${this.rows})`);
    if (id === this.capacity) this.grow();
    this.setInt('firstUnit', id, -1);
    this.rows++;
  }

  set(column: F64Column, id: number, value: number): void {
    this.f64[column][id >>> CHUNK_BITS]![id & CHUNK_MASK] = value;
  }

  setInt(column: I32Column, id: number, value: number): void {
    this.i32[column][id >>> CHUNK_BITS]![id & CHUNK_MASK] = value;
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
    return this.f64[column][id >>> CHUNK_BITS]![id & CHUNK_MASK]!;
  }

  getInt(column: I32Column, id: number): number {
    return this.i32[column][id >>> CHUNK_BITS]![id & CHUNK_MASK]!;
  }

  /** Row `id` as a record. */
  record(id: number): IncidentRecord {
    const v = (c: F64Column) => {
      const x = this.get(c, id);
      return Number.isNaN(x) ? null : x;
    };
    const area = this.getInt('area', id);
    const unit = this.getInt('firstUnit', id);
    const flags = this.getInt('flags', id);
    const arrive = v('firstArriveS');
    const callS = this.get('callS', id);
    return {
      id,
      line: LINES[this.getInt('line', id)]!,
      grade: GRADES[this.getInt('grade', id)]!,
      counted: (flags & LOG_COUNTED) !== 0,
      injected: (flags & LOG_INJECTED) !== 0,
      callS,
      lon: this.get('lon', id),
      lat: this.get('lat', id),
      area: area >= 0 ? (this.names.areas[area] ?? null) : null,
      answeredS: v('answeredS'),
      abandonedS: v('abandonedS'),
      handledS: v('handledS'),
      pendingS: v('pendingS'),
      firstDispatchS: v('firstDispatchS'),
      firstArriveS: arrive,
      clearS: v('clearS'),
      firstUnit: unit >= 0 ? (this.names.units[unit] ?? null) : null,
      unitsSent: this.getInt('unitsSent', id),
      turnoutS: v('turnoutS'),
      travelS: v('travelS'),
      responseS: arrive === null ? null : arrive - callS,
      reason: this.reason(id),
    };
  }

  /** Every row in id order. */
  *records(): IterableIterator<IncidentRecord> {
    for (let i = 0; i < this.rows; i++) yield this.record(i);
  }

  /** Room for more rows: the first chunk doubled while it is short of a whole chunk, else one more chunk. */
  private grow(): void {
    const first = this.f64.callS[0]!.length;
    if (first < CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, 2 * first);
      for (const c of F64_COLUMNS) {
        const x = new Float64Array(n).fill(NaN);
        x.set(this.f64[c][0]!);
        this.f64[c][0] = x;
      }
      for (const c of I32_COLUMNS) {
        const x = new Int32Array(n);
        x.set(this.i32[c][0]!);
        this.i32[c][0] = x;
      }
      this.capacity = n;
    } else this.addChunk(CHUNK_ROWS);
  }

  private addChunk(n: number): void {
    for (const c of F64_COLUMNS) this.f64[c].push(new Float64Array(n).fill(NaN));
    for (const c of I32_COLUMNS) this.i32[c].push(new Int32Array(n));
    this.capacity += n;
  }
}
