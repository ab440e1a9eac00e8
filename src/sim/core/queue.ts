/**
 * The event queue: a binary min-heap in typed arrays, ordered totally by
 * (time, priority, sequence). Equal times run in priority order, then in the order they were
 * scheduled, so a run never depends on how the heap happens to break ties.
 *
 * An event is plain numbers: a type code and two integer arguments (usually an entity index and
 * a version, so a handler can tell a stale event from a live one). No objects are allocated per
 * event.
 */

/** Sequence numbers fit in 40 bits and priorities in 12, so `priority * 2^40 + seq` is exact in a double. */
const SEQ_SPAN = 2 ** 40;
const MAX_PRIORITY = 4095;

export class EventQueue {
  private time: Float64Array;
  private key: Float64Array;
  private kind: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private count = 0;
  private seq = 0;

  // The event last popped (read by the handler).
  /** Seconds since simulation start of the event last popped. */
  popTime = 0;
  popKind = 0;
  popA = 0;
  popB = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.key = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Events scheduled so far (the next sequence number). */
  get scheduled(): number {
    return this.seq;
  }

  /** Time of the next event; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.time[0]! : Infinity;
  }

  /** Adds an event. `priority`: 0..4095, lower runs first at equal times. */
  push(time: number, priority: number, kind: number, a: number, b: number): void {
    if (!(time === time)) throw new Error(`event time is NaN (kind ${kind}, a ${a})`);
    if (priority < 0 || priority > MAX_PRIORITY) throw new Error(`event priority ${priority} outside 0..${MAX_PRIORITY}`);
    if (this.count === this.time.length) this.grow();
    const key = priority * SEQ_SPAN + this.seq++;
    // Sift up with a hole: move parents down until the new event's place is found.
    let i = this.count++;
    const t = this.time, k = this.key;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p]!;
      if (pt < time || (pt === time && k[p]! < key)) break;
      this.move(p, i);
      i = p;
    }
    t[i] = time;
    k[i] = key;
    this.kind[i] = kind;
    this.argA[i] = a;
    this.argB[i] = b;
  }

  /** Removes the next event into popTime/popKind/popA/popB. Returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.popTime = this.time[0]!;
    this.popKind = this.kind[0]!;
    this.popA = this.argA[0]!;
    this.popB = this.argB[0]!;
    const last = --this.count;
    if (last > 0) {
      const t = this.time, k = this.key;
      const lt = t[last]!, lk = k[last]!;
      const lkind = this.kind[last]!, la = this.argA[last]!, lb = this.argB[last]!;
      // Sift the last event down from the root.
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (t[r]! < t[c]! || (t[r] === t[c] && k[r]! < k[c]!))) c = r;
        if (lt < t[c]! || (lt === t[c] && lk < k[c]!)) break;
        this.move(c, i);
        i = c;
      }
      t[i] = lt;
      k[i] = lk;
      this.kind[i] = lkind;
      this.argA[i] = la;
      this.argB[i] = lb;
    }
    return true;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.key[to] = this.key[from]!;
    this.kind[to] = this.kind[from]!;
    this.argA[to] = this.argA[from]!;
    this.argB[to] = this.argB[from]!;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const f64 = (old: Float64Array) => {
      const x = new Float64Array(n);
      x.set(old);
      return x;
    };
    const i32 = (old: Int32Array) => {
      const x = new Int32Array(n);
      x.set(old);
      return x;
    };
    this.time = f64(this.time);
    this.key = f64(this.key);
    this.kind = i32(this.kind);
    this.argA = i32(this.argA);
    this.argB = i32(this.argB);
  }
}
