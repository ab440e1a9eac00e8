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
 * Restoring (restore-graph.ts) starts from a fresh Simulation of the same scenario, seed and world: its objects are
 * bound to the nodes found at the same place (same field of the same object), then every node's
 * fields are written into them; objects the fresh one lacks (calls, grown arrays) are made anew.
 * Values already equal are not written (the world's own arrays are never touched).
 */
import { NO_SLOTS } from '../model/call';
import { CallPool } from '../model/call';
import { Samples } from '../metrics/collector';
import { SortedIntSet } from '../fleet/free-units';
import { Rng } from '../random/rng';
import type { Trip } from '../world';
import type { Recorder } from './record';
import { toBase64 } from './base64';

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
export const EXTERNALS: ReadonlyMap<string, object> = new Map([['NO_SLOTS', NO_SLOTS as object]]);
const EXTERNAL_NAMES = new Map([...EXTERNALS].map(([k, v]) => [v, k]));

/** Classes a restore may have to make anew (not found in the fresh Simulation): a stable name, the class, how to make one. */
const CLASSES: readonly (readonly [string, unknown, () => object])[] = [
  ['CallPool', CallPool, () => new CallPool()],
  ['Samples', Samples, () => new Samples()],
  ['SortedIntSet', SortedIntSet, () => new SortedIntSet()],
  ['Rng', Rng, () => new Rng(0, 0)],
];
export const MAKERS: ReadonlyMap<string, () => object> = new Map(CLASSES.map(([name, , make]) => [name, make]));
export const CLASS_NAMES: ReadonlyMap<unknown, string> = new Map(CLASSES.map(([name, type]) => [type, name]));

export const TYPED: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView & { length: number; set(a: ArrayLike<number>): void }> = {
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

export function typedName(x: ArrayBufferView): string | null {
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
