/**
 * The object graph of a Simulation as plain JSON, and back onto a fresh Simulation.
 *
 * Saving walks the state from the Simulation: every object becomes a node of a flat table (so an
 * object met twice, like a call in the call table and in the pending queue, is one node), its own
 * data fields values or references; functions are not saved (samplers, handlers: a fresh
 * Simulation of the same scenario and seed has the same ones); typed arrays are saved as their
 * bytes (base64). Trips and the places a trip made are saved as the question that made them
 * (record.ts). Fields that only depend on the scenario and the world are skipped (SKIP).
 *
 * Restoring starts from a fresh Simulation of the same scenario, seed and world: its objects are
 * bound to the nodes found at the same place (same field of the same object), then every node's
 * fields are written into them; objects the fresh one lacks (calls, grown arrays) are made anew.
 * Values already equal are not written (the world's own arrays are never touched).
 */
import { NO_SLOTS } from '../model/call';
import { CallPool } from '../model/call';
import { Samples } from '../metrics/collector';
import { SortedIntSet } from '../fleet/free-units';
import { Rng } from '../random/rng';
import type { Place, Trip } from '../world';
import type { Recorder } from './record';
import { base64Bytes, fromBase64Into, toBase64 } from './base64';

/** A saved value: a JSON number or string, or a tagged object. */
export type Val = number | string | boolean | null | { u: 0 } | { n: number } | { z: 0 } | { r: number } | { f: 0 };

export type Node =
  | { k: 'o'; c: string | null; p: [string, Val][] }
  /** a plain object whose fields are all finite numbers (not -0), strings, booleans or nulls: itself */
  | { k: 'j'; v: Record<string, number | string | boolean | null> }
  | { k: 'a'; v: Val[] }
  | { k: 't'; t: string; n: number; b: string }
  | { k: 'm'; e: [Val, Val][] }
  | { k: 's'; v: Val[] }
  | { k: 'trip'; o: Val; d: Val; t: Val; b: boolean; s?: Val }
  | { k: 'at'; trip: Val; e: Val }
  | { k: 'x'; n: string };

/** Objects every run shares by identity (module constants), by name. */
const EXTERNALS: ReadonlyMap<string, object> = new Map([['NO_SLOTS', NO_SLOTS as object]]);
const EXTERNAL_NAMES = new Map([...EXTERNALS].map(([k, v]) => [v, k]));

/** Classes a restore may have to make anew (not found in the fresh Simulation): a stable name, the class, how to make one. */
const CLASSES: readonly (readonly [string, unknown, () => object])[] = [
  ['CallPool', CallPool, () => new CallPool()],
  ['Samples', Samples, () => new Samples()],
  ['SortedIntSet', SortedIntSet, () => new SortedIntSet()],
  ['Rng', Rng, () => new Rng(0, 0)],
];
const MAKERS: ReadonlyMap<string, () => object> = new Map(CLASSES.map(([name, , make]) => [name, make]));
const CLASS_NAMES: ReadonlyMap<unknown, string> = new Map(CLASSES.map(([name, type]) => [type, name]));

const TYPED: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView & { length: number; set(a: ArrayLike<number>): void }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
};

function typedName(x: ArrayBufferView): string | null {
  for (const name in TYPED) if (x instanceof TYPED[name]!) return name;
  return null;
}

export interface SaveContext {
  readonly recorder: Recorder;
  /** Objects never to be saved (the world, its travel model): saving one is an error naming where. */
  readonly forbidden: ReadonlySet<object>;
  /** Field names not saved, per object (by identity) or per class. */
  readonly skip: (owner: object) => ReadonlySet<string> | undefined;
}

/** The node table of the graph from `root` (node 0). */
export function saveGraph(root: object, ctx: SaveContext): Node[] {
  const ids = new Map<object, number>();
  const nodes: Node[] = [];
  const ref = (o: object, path: string): Val => {
    const known = ids.get(o);
    if (known !== undefined) return { r: known };
    const id = nodes.length;
    ids.set(o, id);
    nodes.push({ k: 'x', n: '' });
    nodes[id] = encode(o, path);
    return { r: id };
  };
  const val = (x: unknown, path: string): Val | undefined => {
    switch (typeof x) {
      case 'number':
        if (Number.isNaN(x)) return { n: 0 };
        if (x === Infinity) return { n: 1 };
        if (x === -Infinity) return { n: -1 };
        if (Object.is(x, -0)) return { z: 0 };
        return x;
      case 'string':
      case 'boolean':
        return x;
      case 'undefined':
        return { u: 0 };
      case 'function':
        return undefined;
      case 'object':
        return x === null ? null : ref(x, path);
      default:
        throw new Error(`snapshot: cannot save a ${typeof x} at ${path}`);
    }
  };
  const encode = (o: object, path: string): Node => {
    if (ctx.forbidden.has(o)) throw new Error(`snapshot: ${path} refers to the world; it cannot be saved`);
    const external = EXTERNAL_NAMES.get(o);
    if (external !== undefined) return { k: 'x', n: external };
    const tripArgs = ctx.recorder.trips.get(o as Trip);
    if (tripArgs) {
      const node: Node = { k: 'trip', o: val(tripArgs.origin, `${path}.origin`)!, d: val(tripArgs.dest, `${path}.dest`)!, t: val(tripArgs.departS, path)!, b: tripArgs.blueLight };
      // Its duration too: a restore that defers the question (TripMaker) tells a trip over from one going without asking.
      node.s = val((o as Trip).durationS, path)!;
      return node;
    }
    const at = ctx.recorder.placed.get(o);
    if (at) return { k: 'at', trip: val(at.trip, `${path}.trip`)!, e: val(at.elapsedS, path)! };
    if (ArrayBuffer.isView(o)) {
      const t = typedName(o);
      if (t === null) throw new Error(`snapshot: cannot save a ${o.constructor.name} at ${path}`);
      // Bytes up to the last one not zero (arrays grown ahead of use end in zeros): `n` says how many in all.
      const bytes = new Uint8Array(o.buffer, o.byteOffset, o.byteLength);
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] === 0) end--;
      return { k: 't', t, n: bytes.length, b: toBase64(bytes.subarray(0, end)) };
    }
    if (Array.isArray(o)) {
      const v: Val[] = new Array<Val>(o.length);
      for (let i = 0; i < o.length; i++) v[i] = orKeep(val(o[i], `${path}[${i}]`));
      return { k: 'a', v };
    }
    if (o instanceof Map) return { k: 'm', e: [...(o as Map<unknown, unknown>)].map(([a, b], i) => [orKeep(val(a, `${path}<key ${i}>`)), orKeep(val(b, `${path}<${String(a)}>`))]) };
    if (o instanceof Set) return { k: 's', v: [...(o as Set<unknown>)].map((x, i) => orKeep(val(x, `${path}<item ${i}>`))) };
    if (o instanceof WeakMap || o instanceof WeakSet || o instanceof Promise) throw new Error(`snapshot: cannot save a ${o.constructor.name} at ${path}`);
    const proto: unknown = Object.getPrototypeOf(o);
    const plain = proto === Object.prototype || proto === null;
    const skip = ctx.skip(o);
    // As it is, when JSON gives it back as it was (restored by taking the parsed object: most of a snapshot's objects).
    if (proto === Object.prototype && skip === undefined && jsonSafe(o)) return { k: 'j', v: o as Record<string, number | string | boolean | null> };
    const p: [string, Val][] = [];
    for (const key of Object.keys(o)) {
      if (skip?.has(key)) continue;
      const v = val((o as Record<string, unknown>)[key], `${path}.${key}`);
      if (v !== undefined) p.push([key, v]);
    }
    return { k: 'o', c: plain ? null : (CLASS_NAMES.get((o as { constructor: unknown }).constructor) ?? `?${(o as { constructor: { name: string } }).constructor.name}`), p };
  };
  ref(root, 'simulation');
  return nodes;
}

/** Whether every own field of `o` is a string, boolean, null or finite number other than -0 (JSON's own values, given back as they were). */
function jsonSafe(o: object): boolean {
  for (const key in o) {
    if (!Object.hasOwn(o, key) || key === '__proto__') return false;
    const v = (o as Record<string, unknown>)[key];
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
    } else if (typeof v !== 'string' && typeof v !== 'boolean' && v !== null) return false;
  }
  return Object.getOwnPropertySymbols(o).length === 0 && Object.keys(o).length === Object.getOwnPropertyNames(o).length;
}

/** A function's place in an array: kept as the fresh simulation has it. */
function orKeep(v: Val | undefined): Val {
  return v === undefined ? { f: 0 } : v;
}

/** Whether `vs` holds no tagged value (no object, no function's place): saved numbers, strings, booleans and nulls are themselves. */
function allPlain(vs: readonly Val[]): boolean {
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}

function isRef(v: Val): v is { r: number } {
  return typeof v === 'object' && v !== null && 'r' in v;
}

/**
 * Makes a saved trip again from its question (and its saved duration, when the snapshot has it).
 * `origin` gives the origin (worked out when first called: it may be a place on another trip).
 */
export type TripMaker = (origin: () => Place, dest: Place, departS: number, blueLight: boolean, durationS: number | undefined) => Trip;

/** A place saved as made by `trip.placeAt(elapsedS)`, made when first asked for. */
class LaterPlace {
  private made: Place | null = null;

  constructor(
    private readonly trip: Trip,
    private readonly elapsedS: number,
  ) {}

  get(): Place {
    return (this.made ??= this.trip.placeAt(this.elapsedS));
  }
}

/**
 * Writes the graph `nodes` onto `root` (a fresh object of the same kind as the saved node 0);
 * `makeTrip` makes trips again (from the restored simulation's recording travel model).
 */
export function restoreGraph(nodes: readonly Node[], root: object, makeTrip: TripMaker): void {
  const objs: (object | undefined)[] = new Array<object | undefined>(nodes.length).fill(undefined);
  const state = new Uint8Array(nodes.length); // 0 none, 1 bound (fresh), 2 made or filling, 3 done
  const node = (id: number): Node => {
    const n = nodes[id];
    if (!n) throw new Error(`snapshot damaged: no node ${id}`);
    return n;
  };

  // 1. Bind the fresh objects to the nodes saved at the same place.
  const stack: [number, unknown][] = [[0, root]];
  while (stack.length > 0) {
    const [id, fresh] = stack.pop()!;
    if (state[id] !== 0 || typeof fresh !== 'object' || fresh === null) continue;
    const n = node(id);
    if (n.k === 'o') {
      const plain = Object.getPrototypeOf(fresh) === Object.prototype;
      if (Array.isArray(fresh) || ArrayBuffer.isView(fresh) || fresh instanceof Map || plain !== (n.c === null)) continue;
      if (n.c !== null && !n.c.startsWith('?') && CLASS_NAMES.get((fresh as { constructor: unknown }).constructor) !== n.c) continue;
      objs[id] = fresh;
      state[id] = 1;
      for (const [key, v] of n.p) if (isRef(v)) stack.push([v.r, (fresh as Record<string, unknown>)[key]]);
    } else if (n.k === 'a') {
      if (!Array.isArray(fresh)) continue;
      objs[id] = fresh;
      state[id] = 1;
      n.v.forEach((v, i) => {
        if (isRef(v)) stack.push([v.r, (fresh as unknown[])[i]]);
      });
    } else if (n.k === 't') {
      if (!ArrayBuffer.isView(fresh) || typedName(fresh) !== n.t || fresh.byteLength !== n.n) continue;
      objs[id] = fresh;
      state[id] = 1;
    } else if (n.k === 'm') {
      if (!(fresh instanceof Map)) continue;
      objs[id] = fresh;
      state[id] = 1;
      for (const [k, v] of n.e) if (isRef(v) && !isRef(k)) stack.push([v.r, (fresh as Map<unknown, unknown>).get(value(k))]);
    } else if (n.k === 'j') {
      if (Object.getPrototypeOf(fresh) !== Object.prototype) continue;
      objs[id] = fresh;
      state[id] = 1;
    } else if (n.k === 's') {
      if (!(fresh instanceof Set)) continue;
      objs[id] = fresh;
      state[id] = 1;
    }
  }

  // 2. Fill every node reached from the root, making what was not bound.
  function value(v: Val): unknown {
    if (v === null || typeof v !== 'object') return v;
    if ('u' in v) return undefined;
    if ('n' in v) return v.n === 0 ? NaN : v.n > 0 ? Infinity : -Infinity;
    if ('z' in v) return -0;
    if ('r' in v) {
      const o = materialise(v.r);
      return o instanceof LaterPlace ? o.get() : o;
    }
    throw new Error('snapshot damaged: an unknown value');
  }
  /**
   * A trip's origin, as a function: a place saved as made mid-trip (an 'at' node: a unit sent on
   * from where its journey had brought it) is worked out only when first asked, so a deferred trip
   * (TripMaker) does not make the trip it was on meanwhile. One LaterPlace per node: whoever asks
   * gets the same place.
   */
  function origin(v: Val): () => Place {
    if (isRef(v) && (state[v.r] === 0 || state[v.r] === 1) && nodes[v.r]?.k === 'at') {
      const n = nodes[v.r] as Extract<Node, { k: 'at' }>;
      objs[v.r] = new LaterPlace(value(n.trip) as Trip, value(n.e) as number);
      state[v.r] = 3;
    }
    const o = isRef(v) ? materialise(v.r) : null;
    if (o instanceof LaterPlace) return () => o.get();
    const place = value(v) as Place;
    return () => place;
  }
  function materialise(id: number): object {
    if (state[id] === 3 || state[id] === 2) return objs[id]!;
    const n = node(id);
    const bound = state[id] === 1;
    state[id] = 2;
    switch (n.k) {
      case 'x': {
        const o = EXTERNALS.get(n.n);
        if (!o) throw new Error(`snapshot damaged: unknown shared object "${n.n}"`);
        objs[id] = o;
        break;
      }
      case 'trip': {
        const from = origin(n.o);
        const dest = value(n.d) as Place;
        objs[id] = makeTrip(from, dest, value(n.t) as number, n.b, n.s === undefined ? undefined : (value(n.s) as number));
        break;
      }
      case 'at': {
        const trip = value(n.trip) as Trip;
        objs[id] = trip.placeAt(value(n.e) as number);
        break;
      }
      case 't': {
        const saved = base64Bytes(n.b);
        const Ctor = TYPED[n.t];
        if (!Ctor) throw new Error(`snapshot damaged: unknown array type "${n.t}"`);
        if (!(n.n >= saved) || !Number.isInteger(n.n)) throw new Error(`snapshot damaged: an array of ${n.n} bytes`);
        // Decoded straight into the array's bytes (the rest zero, as saved).
        if (bound) {
          const o = objs[id] as ArrayBufferView;
          const all = new Uint8Array(o.buffer, o.byteOffset, o.byteLength);
          fromBase64Into(n.b, all);
          all.fill(0, saved);
        } else {
          const buffer = new ArrayBuffer(n.n);
          fromBase64Into(n.b, new Uint8Array(buffer));
          objs[id] = new Ctor(buffer);
        }
        break;
      }
      case 'a': {
        const vs = n.v;
        if (!bound && allPlain(vs)) {
          // Numbers, strings, booleans and nulls only: the parsed array is the array (most of a snapshot's bulk: the incident log's reasons, the KPI trails).
          objs[id] = vs;
          break;
        }
        const a = bound ? (objs[id] as unknown[]) : [];
        objs[id] = a;
        if (a.length === 0) {
          // Filled in order (not sized first): the array keeps a packed kind, as one the run grew.
          for (let i = 0; i < vs.length; i++) {
            const v = vs[i]!;
            a.push(typeof v === 'object' && v !== null && 'f' in v ? undefined : value(v));
          }
          break;
        }
        if (a.length !== vs.length) a.length = vs.length;
        for (let i = 0; i < vs.length; i++) {
          const v = vs[i]!;
          if (typeof v === 'object' && v !== null && 'f' in v) continue;
          const x = value(v);
          if (!Object.is(a[i], x) || !(i in a)) a[i] = x;
        }
        break;
      }
      case 'm': {
        const m = bound ? (objs[id] as Map<unknown, unknown>) : new Map<unknown, unknown>();
        objs[id] = m;
        const entries = n.e.map(([k, v]) => [value(k), value(v)] as const);
        m.clear();
        for (const [k, v] of entries) m.set(k, v);
        break;
      }
      case 's': {
        const set = bound ? (objs[id] as Set<unknown>) : new Set<unknown>();
        objs[id] = set;
        const items = n.v.map(value);
        set.clear();
        for (const x of items) set.add(x);
        break;
      }
      case 'j': {
        if (!bound) {
          objs[id] = n.v;
          break;
        }
        const o = objs[id] as Record<string, unknown>;
        for (const key in n.v) {
          const x = n.v[key];
          if (!Object.is(o[key], x) || !(key in o)) o[key] = x;
        }
        break;
      }
      case 'o': {
        let o = objs[id] as Record<string, unknown> | undefined;
        if (!bound) {
          if (n.c === null) o = {};
          else {
            const make = MAKERS.get(n.c);
            if (!make) throw new Error(`snapshot: cannot make a ${n.c.replace(/^\?/, '')} anew (not in the fresh simulation at the same place)`);
            o = make() as Record<string, unknown>;
          }
        }
        objs[id] = o;
        if (!bound) {
          // Made here: nothing to keep, every field written.
          for (const [key, v] of n.p) o![key] = value(v);
          break;
        }
        for (const [key, v] of n.p) {
          const x = value(v);
          if (!Object.is(o![key], x) || !(key in o!)) o![key] = x;
        }
        break;
      }
    }
    state[id] = 3;
    return objs[id]!;
  }
  materialise(0);
}
