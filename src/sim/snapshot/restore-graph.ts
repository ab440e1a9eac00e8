/**
 * Restoring the node table of graph.ts onto a fresh Simulation of the same scenario, seed and
 * world (see graph.ts): fresh objects bound to the nodes saved at the same place, then every node
 * written into its object; objects the fresh one lacks made anew; trips made again by a TripMaker.
 */
import type { Place, Trip } from '../world';
import { base64Bytes, fromBase64Into } from './base64';
import { CLASS_NAMES, EXTERNALS, MAKERS, TYPED, typedName, type Node, type Val } from './graph';

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
