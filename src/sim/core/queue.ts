/**
 * The event queue, ordered totally by (time, priority, sequence). Equal times run in priority
 * order, then in the order they were scheduled, so a run never depends on how the queue happens
 * to break ties (nor on its shape: the order is total).
 *
 * Two tiers, as a calendar queue has them: time is cut into buckets of BUCKET_S seconds. The
 * events of the current bucket (and any earlier) are in a 4-ary min-heap in typed arrays; an event
 * of a later bucket waits unsorted in its bucket's list (a ring of RING buckets ahead, and beyond
 * it an overflow list), and enters the heap when the heap has run dry and its bucket comes up.
 * Every event in the heap is earlier than every event waiting (their buckets are earlier), and two
 * events of equal time are always in the same bucket, so the order is exactly one heap's; but the
 * heap holds a few seconds of events instead of hours of them (a London week: ~550 pending
 * events, a handful in the heap), so a pop walks a shallow heap.
 *
 * An event is plain numbers: a type code and two integer arguments (usually an entity index and
 * a version, so a handler can tell a stale event from a live one). No objects are allocated per
 * event. The heap moves only (time, order key, slot); an event's kind and arguments stay in their
 * slot until it is popped, and slots are reused.
 */

/** Sequence numbers fit in 40 bits and priorities in 12, so `priority * 2^40 + seq` is exact in a double. */
const SEQ_SPAN = 2 ** 40;
const MAX_PRIORITY = 4095;
/** Seconds per bucket (a power of two: time / BUCKET_S is exact, so an event's bucket never rounds). */
const BUCKET_S = 8;
const PER_S = 1 / BUCKET_S;
/** Buckets in the ring (a power of two): the ring spans RING x BUCKET_S seconds (18 h) ahead. */
const RING = 8192;
const RING_MASK = RING - 1;
/**
 * Buckets this far from 0 (2^52 x 8 s, about a billion years) are too far for exact steps of one
 * bucket (`b + 1` and `b - 1` stop changing b near 2^53): a time there (a hostile scenario's travel
 * at 1e-300 km/h) sends every waiting event, and every later one, to the heap alone.
 */
const FAR_BUCKET = 2 ** 52;

function isFar(bucket: number): boolean {
  return !(bucket < FAR_BUCKET && bucket > -FAR_BUCKET);
}

export class EventQueue {
  // Heap order (index 0 the next event; children of i at 4i+1 .. 4i+4).
  private time: Float64Array;
  private key: Float64Array;
  private slotOf: Int32Array;
  // By slot.
  private kind: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  /** Free slots, a stack: freeSlots[0 .. freeTop). */
  private freeSlots: Int32Array;
  private freeTop: number;
  /** Events in the heap. */
  private count = 0;
  private seq = 0;

  // Events waiting for their bucket, by slot: time, order key, and the next slot of the same
  // bucket's list (-1: none).
  private waitTime: Float64Array;
  private waitKey: Float64Array;
  private waitNext: Int32Array;
  /** First slot of the list of each ring bucket (bucket b at b & RING_MASK), -1 when empty. */
  private readonly ring = new Int32Array(RING).fill(-1);
  /** One bit per ring bucket, set while its list holds events: nextBucket jumps over empty buckets. */
  private readonly occupied = new Int32Array(RING >> 5);
  /**
   * Whether `occupied` has been worked out from `ring` (nextBucket does it at its first jump): a
   * queue restored from a snapshot made before there was an `occupied` keeps a fresh one, all
   * clear, beside a restored ring, and this, false in it too, makes it right before it is read.
   */
  private occupiedKnown = false;
  /** Events in the ring's lists. */
  private ringCount = 0;
  /** The heap's bucket: the heap holds the events of this bucket and earlier ones; the ring those of the next RING - 1. */
  private bucket = 0;
  private started = false;
  /** Slots of events beyond the ring, and the least bucket among them (Infinity: none). */
  private readonly overflow: number[] = [];
  private overflowBucket = Infinity;

  // The side slot (pushSide): one event kept beside the heap, in the same order.
  private sideFull = false;
  private sideTime = 0;
  private sideKey = 0;
  private sideKind = 0;
  private sideA = 0;
  private sideB = 0;

  // The event last popped (read by the handler).
  /** Seconds since simulation start of the event last popped. */
  popTime = 0;
  popKind = 0;
  popA = 0;
  popB = 0;

  /**
   * `startS`: the first instant, when known: the heap's first bucket. Else the first event pushed
   * sets it, and when that is a late one (a first shift's end) every earlier event goes to the
   * heap until it runs dry (a London week's first 15 simulated hours ran on a heap of hundreds).
   */
  constructor(capacity = 1024, startS?: number) {
    if (startS !== undefined && startS === startS) {
      this.started = true;
      this.bucket = Math.floor(startS * PER_S);
    }
    const n = Math.max(1, capacity);
    this.time = new Float64Array(n);
    this.key = new Float64Array(n);
    this.slotOf = new Int32Array(n);
    this.kind = new Int32Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    for (let s = 0; s < n; s++) this.freeSlots[s] = n - 1 - s;
    this.freeTop = n;
    this.waitTime = new Float64Array(n);
    this.waitKey = new Float64Array(n);
    this.waitNext = new Int32Array(n);
  }

  get size(): number {
    return (this.sideFull ? this.count + 1 : this.count) + this.ringCount + this.overflow.length;
  }

  /** Events scheduled so far (the next sequence number). */
  get scheduled(): number {
    return this.seq;
  }

  /** Time of the next event; Infinity when empty. */
  peekTime(): number {
    if (this.heapDry()) this.nextBucket();
    const t = this.count > 0 ? this.time[0]! : Infinity;
    const side = this.sideTime < t;
    return this.sideFull && side ? this.sideTime : t;
  }

  /** The heap is empty and events wait (every load made whatever the answer: see prime.ts). */
  private heapDry(): boolean {
    const waiting = this.ringCount + this.overflow.length > 0;
    return this.count === 0 && waiting;
  }

  /**
   * Adds an event as push does, into the side slot, which holds one event: for an event of which
   * at most one is ever pending and that is due soon (the model's dispatch pass, asked for at
   * every change and run once at that instant), it saves the heap a push and a pop. The order of
   * events is exactly push's: the side event runs when its (time, priority, sequence) comes.
   */
  pushSide(time: number, priority: number, kind: number, a: number, b: number): void {
    if (this.sideFull) throw new Error(`event queue: the side slot is taken (kind ${this.sideKind}); kind ${kind} cannot go there too`);
    if (!(time === time)) throw new Error(`event time is NaN (kind ${kind}, a ${a})`);
    if (priority < 0 || priority > MAX_PRIORITY) throw new Error(`event priority ${priority} outside 0..${MAX_PRIORITY}`);
    this.sideFull = true;
    this.sideTime = time;
    this.sideKey = priority * SEQ_SPAN + this.seq++;
    this.sideKind = kind;
    this.sideA = a;
    this.sideB = b;
  }

  /** Adds an event. `priority`: 0..4095, lower runs first at equal times. */
  push(time: number, priority: number, kind: number, a: number, b: number): void {
    if (!(time === time)) throw new Error(`event time is NaN (kind ${kind}, a ${a})`);
    if (priority < 0 || priority > MAX_PRIORITY) throw new Error(`event priority ${priority} outside 0..${MAX_PRIORITY}`);
    if (this.freeTop === 0) this.grow();
    const slot = this.freeSlots[--this.freeTop]!;
    this.kind[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    const key = priority * SEQ_SPAN + this.seq++;
    const bucket = Math.floor(time * PER_S);
    if (!this.started) {
      this.started = true;
      this.bucket = bucket;
    }
    if (bucket <= this.bucket) this.heapPush(time, key, slot);
    else this.wait(time, key, slot, bucket);
  }

  /** Puts the event in `slot` of a later bucket than the heap's in its bucket's list (or the overflow). */
  private wait(time: number, key: number, slot: number, bucket: number): void {
    this.waitTime[slot] = time;
    this.waitKey[slot] = key;
    if (bucket - this.bucket < RING) {
      const r = bucket & RING_MASK;
      this.waitNext[slot] = this.ring[r]!;
      this.ring[r] = slot;
      this.occupied[r >> 5]! |= 1 << (r & 31);
      this.ringCount++;
    } else {
      this.overflow.push(slot);
      if (bucket < this.overflowBucket) this.overflowBucket = bucket;
    }
  }

  private heapPush(time: number, key: number, slot: number): void {
    // Sift up with a hole: move parents down until the new event's place is found.
    let i = this.count++;
    const t = this.time;
    const k = this.key;
    const r = this.slotOf;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = t[p]!;
      const keyFirst = k[p]! < key;
      if (pt < time || (pt === time && keyFirst)) break;
      t[i] = pt;
      k[i] = k[p]!;
      r[i] = r[p]!;
      i = p;
    }
    t[i] = time;
    k[i] = key;
    r[i] = slot;
  }

  /** The heap is empty and events wait: moves the heap on to the next bucket holding any, and takes them in. */
  private nextBucket(): void {
    while (this.count === 0) {
      if (this.ringCount === 0) {
        if (this.overflow.length === 0) return;
        // Events at an infinite or a far time are all that is left (never due, or not in exact
        // bucket steps): the heap takes them, and from now on every event.
        if (isFar(this.overflowBucket)) return this.heapTakesAll();
        // Nothing in the ring: jump to the bucket before the overflow's first.
        if (this.overflowBucket - 1 > this.bucket) this.bucket = this.overflowBucket - 1;
      } else if (isFar(this.bucket)) return this.heapTakesAll();
      else {
        // Straight to the bucket before the ring's next one with events (the buckets between
        // hold none), unless the overflow has events the ring would span by then: those buckets
        // are stepped through one by one, as they take the overflow's events in.
        const ahead = this.bucketsToNextOccupied();
        if (ahead > 1 && this.overflowBucket >= this.bucket + ahead - 1 + RING) this.bucket += ahead - 1;
      }
      this.bucket++;
      // The ring now reaches one bucket further: take in the overflow's events that it covers.
      if (this.overflowBucket < this.bucket + RING) this.unflow();
      this.takeIn(this.bucket & RING_MASK);
    }
  }

  /**
   * Buckets from the heap's bucket to the next ring bucket holding events (1 .. RING - 1; the ring
   * holds some): the first bit set in `occupied` after the heap's bucket, wrapping round the ring.
   */
  private bucketsToNextOccupied(): number {
    const occupied = this.occupied;
    if (!this.occupiedKnown) {
      occupied.fill(0);
      for (let r = 0; r < RING; r++) if (this.ring[r]! >= 0) occupied[r >> 5]! |= 1 << (r & 31);
      this.occupiedKnown = true;
    }
    const from = (this.bucket + 1) & RING_MASK;
    let w = from >> 5;
    let bits = occupied[w]! & (-1 << (from & 31));
    for (let k = 0; bits === 0 && k <= occupied.length; k++) {
      w = (w + 1) & (occupied.length - 1);
      bits = occupied[w]!;
    }
    const r = (w << 5) + 31 - Math.clz32(bits & -bits);
    return 1 + ((r - from) & RING_MASK);
  }

  /** Moves the events of ring bucket `r` into the heap. */
  private takeIn(r: number): void {
    let slot = this.ring[r]!;
    this.ring[r] = -1;
    this.occupied[r >> 5]! &= ~(1 << (r & 31));
    while (slot >= 0) {
      this.ringCount--;
      this.heapPush(this.waitTime[slot]!, this.waitKey[slot]!, slot);
      slot = this.waitNext[slot]!;
    }
  }

  /** Every waiting event goes to the heap, and so will every later one (any time is in a bucket up to the infinite one). */
  private heapTakesAll(): void {
    for (let r = 0; r < RING; r++) this.takeIn(r);
    for (const slot of this.overflow) this.heapPush(this.waitTime[slot]!, this.waitKey[slot]!, slot);
    this.overflow.length = 0;
    this.overflowBucket = Infinity;
    this.bucket = Infinity;
  }

  /** Moves the overflow's events that the ring now spans into it (or into the heap). */
  private unflow(): void {
    const over = this.overflow.splice(0);
    this.overflowBucket = Infinity;
    for (const slot of over) {
      const time = this.waitTime[slot]!;
      const bucket = Math.floor(time * PER_S);
      if (bucket <= this.bucket) this.heapPush(time, this.waitKey[slot]!, slot);
      else this.wait(time, this.waitKey[slot]!, slot, bucket);
    }
  }

  /** Removes the next event into popTime/popKind/popA/popB. Returns false when empty. */
  pop(): boolean {
    if (this.heapDry()) this.nextBucket();
    return this.sideFull && this.sideFirst() ? this.popSide() : this.popHeap();
  }

  /** Whether the side event comes before the heap's first (the side slot is full). */
  private sideFirst(): boolean {
    const ht = this.time[0]!; // an empty heap's slot 0: a stale event or 0 (never shorter than 1)
    const st = this.sideTime;
    const keyFirst = this.sideKey < this.key[0]!;
    return this.count === 0 || st < ht || (st === ht && keyFirst);
  }

  private popSide(): boolean {
    this.sideFull = false;
    this.popTime = this.sideTime;
    this.popKind = this.sideKind;
    this.popA = this.sideA;
    this.popB = this.sideB;
    return true;
  }

  /** pop() from the heap. */
  private popHeap(): boolean {
    if (this.count === 0) return false;
    const t = this.time;
    const k = this.key;
    const r = this.slotOf;
    const slot = r[0]!;
    this.popTime = t[0]!;
    this.popKind = this.kind[slot]!;
    this.popA = this.argA[slot]!;
    this.popB = this.argB[slot]!;
    this.freeSlots[this.freeTop++] = slot;
    const last = --this.count;
    if (last > 0) {
      const lt = t[last]!;
      const lk = k[last]!;
      const lr = r[last]!;
      // Sift the last event down from the root.
      let i = 0;
      for (;;) {
        const c = 4 * i + 1;
        if (c >= last) break;
        let m = c;
        let mt = t[c]!;
        let mk = k[c]!;
        const end = c + 4 < last ? c + 4 : last;
        for (let j = c + 1; j < end; j++) {
          const jt = t[j]!;
          const jk = k[j]!;
          const keyFirst = jk < mk;
          if (jt < mt || (jt === mt && keyFirst)) {
            m = j;
            mt = jt;
            mk = jk;
          }
        }
        const lastFirst = lk < mk;
        if (lt < mt || (lt === mt && lastFirst)) break;
        t[i] = mt;
        k[i] = mk;
        r[i] = r[m]!;
        i = m;
      }
      t[i] = lt;
      k[i] = lk;
      r[i] = lr;
    }
    return true;
  }

  private grow(): void {
    const old = this.time.length;
    const n = old * 2;
    const f64 = (a: Float64Array) => {
      const x = new Float64Array(n);
      x.set(a);
      return x;
    };
    const i32 = (a: Int32Array) => {
      const x = new Int32Array(n);
      x.set(a);
      return x;
    };
    this.time = f64(this.time);
    this.key = f64(this.key);
    this.slotOf = i32(this.slotOf);
    this.kind = i32(this.kind);
    this.argA = i32(this.argA);
    this.argB = i32(this.argB);
    this.waitTime = f64(this.waitTime);
    this.waitKey = f64(this.waitKey);
    this.waitNext = i32(this.waitNext);
    // Every slot is in use when none is free: the new ones are the free ones.
    this.freeSlots = new Int32Array(n);
    for (let s = 0; s < n - old; s++) this.freeSlots[s] = n - 1 - s;
    this.freeTop = n - old;
  }
}

