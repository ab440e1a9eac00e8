/**
 * The model's event kinds, one table: each row gives a kind its code (its index), its priority and
 * its name, and says what the event's first argument is. At equal times lower priorities run
 * first: shifts change, then work finishes (so freed people and units serve what arrives at that
 * instant), then new work arrives, and last the dispatcher looks at the whole picture once.
 *
 * Handlers (handlers.ts) are keyed by the same keys, so the compiler checks there is one per kind.
 */
import type { EventKind } from '../core/core';

/** What an event's first argument `a` is: a shift, a unit or a call index, a line index, or nothing. */
export type EventSubject = 'shift' | 'unit' | 'call' | 'line' | 'none';

export interface ModelEventKind<K extends string = string> extends EventKind {
  readonly key: K;
  readonly subject: EventSubject;
}

/** In code order. */
const TABLE = [
  { key: 'SHIFT_END', priority: 0, name: 'shift-end', subject: 'shift' },
  { key: 'SHIFT_START', priority: 1, name: 'shift-start', subject: 'shift' },
  { key: 'UNIT_AT_BASE', priority: 10, name: 'unit-at-base', subject: 'unit' },
  { key: 'UNIT_AT_SCENE', priority: 11, name: 'unit-at-scene', subject: 'unit' },
  { key: 'UNIT_SCENE_END', priority: 12, name: 'unit-scene-end', subject: 'unit' },
  { key: 'UNIT_AT_CUSTODY', priority: 13, name: 'unit-at-custody', subject: 'unit' },
  { key: 'UNIT_CUSTODY_END', priority: 14, name: 'unit-custody-end', subject: 'unit' },
  { key: 'HANDLING_END', priority: 20, name: 'handling-end', subject: 'call' },
  { key: 'ABANDON', priority: 21, name: 'abandon', subject: 'call' },
  { key: 'DISPATCHABLE', priority: 30, name: 'dispatchable', subject: 'call' },
  { key: 'ARRIVAL', priority: 40, name: 'arrival', subject: 'line' },
  { key: 'DISPATCH', priority: 100, name: 'dispatch', subject: 'none' },
  // Additions at the end, so the codes above keep their numbers (refreshment.ts).
  { key: 'BREAK_DUE', priority: 2, name: 'break-due', subject: 'unit' },
  { key: 'BREAK_END', priority: 15, name: 'break-end', subject: 'unit' },
] as const satisfies readonly ModelEventKind[];

export type EventKey = (typeof TABLE)[number]['key'];

/** Every kind, index = code. */
export const EVENT_KINDS: readonly ModelEventKind<EventKey>[] = TABLE;

/** Kind codes by key. */
export const EV = Object.freeze(Object.fromEntries(TABLE.map((k, code) => [k.key, code]))) as { readonly [K in EventKey]: number };

/** Per kind code: 1 when the event's first argument is a unit index (SUBJECT_UNIT), 2 a call id, 0 otherwise. */
export const SUBJECT_NONE = 0;
export const SUBJECT_UNIT = 1;
export const SUBJECT_CALL = 2;
export const SUBJECT_CODE: Int8Array = Int8Array.from(TABLE, (k: ModelEventKind) =>
  k.subject === 'unit' ? SUBJECT_UNIT : k.subject === 'call' ? SUBJECT_CALL : SUBJECT_NONE,
);
