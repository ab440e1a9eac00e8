/**
 * The most this tool runs (docs/MODEL-ADDITIONS.md "Limits"). Each is far above any police force's
 * real figures (London: about 13,000 calls a day, about 840 units on duty at the peak, some 190 call
 * takers) and below what would exhaust memory or overflow a counter before a run could answer: a
 * fleet of a hundred million units fills a 4 GB heap while the units are made, and call takers
 * are counted in 32-bit integers. Beyond them a scenario is refused with a message naming the
 * field, like any other error.
 */
export const LIMITS = {
  /** counted days of one run (ten years); also the most `--days` and a run request may ask */
  days: 3660,
  /** hours of warm-up (a leap year) */
  warmupHours: 8784,
  /** mean calls a day on one line's stream */
  callsPerDay: 1_000_000,
  /** a surge's multiplier */
  surgeMultiplier: 1000,
  /** units made for the whole fleet: every row's `count` and every `perShift` number, added */
  units: 50_000,
  /** call takers of one pool on one shift (or round the clock) */
  staff: 100_000,
  /** replications of one batch run */
  replications: 1000,
  /** bytes of one scenario file (one with inline areas is a few MB) */
  scenarioFileBytes: 64 * 1024 * 1024,
} as const;
