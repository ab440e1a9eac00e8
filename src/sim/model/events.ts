/**
 * Event kinds and their priorities. At equal times lower priorities run first: shifts change,
 * then work finishes (so freed people and units serve what arrives at that instant), then new
 * work arrives, and last the dispatcher looks at the whole picture once.
 */
export const EV = {
  SHIFT_END: 0,
  SHIFT_START: 1,
  UNIT_AT_BASE: 2,
  UNIT_AT_SCENE: 3,
  UNIT_SCENE_END: 4,
  UNIT_AT_CUSTODY: 5,
  UNIT_CUSTODY_END: 6,
  HANDLING_END: 7,
  ABANDON: 8,
  DISPATCHABLE: 9,
  ARRIVAL: 10,
  DISPATCH: 11,
} as const;

/** Priority of each kind (index = kind). */
export const PRIORITY: readonly number[] = [0, 1, 10, 11, 12, 13, 14, 20, 21, 30, 40, 100];

export const EVENT_NAMES: readonly string[] = [
  'shift-end',
  'shift-start',
  'unit-at-base',
  'unit-at-scene',
  'unit-scene-end',
  'unit-at-custody',
  'unit-custody-end',
  'handling-end',
  'abandon',
  'dispatchable',
  'arrival',
  'dispatch',
];
