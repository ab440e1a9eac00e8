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
  /** a surge's extra calls per hour (a whole London day is about 550 an hour) */
  extraCallsPerHour: 100_000,
  /** units made for the whole fleet: every row's `count` and every `perShift` number, added */
  units: 50_000,
  /** call takers of one pool on one shift (or round the clock) */
  staff: 100_000,
  /** replications of one batch run */
  replications: 1000,
  /** bytes of one scenario file (one with inline areas is a few MB) */
  scenarioFileBytes: 64 * 1024 * 1024,
  /** nesting of arrays and objects in any JSON the tool reads (a scenario with MultiPolygon areas is about 10 deep) */
  jsonDepth: 64,
  /** bytes of a JSON data file named by a scenario (a point set, GeoJSON areas) */
  dataFileBytes: 256 * 1024 * 1024,
  /** bytes of a road graph file (London's is about 55 MB) */
  graphFileBytes: 2 * 1024 * 1024 * 1024 - 1,
  /** seconds of any duration a distribution gives (`value`, `mean`, `min`, `max`, `values`): about 31 years */
  durationS: 1e9,
  /** a distribution's coefficient of variation, at most (real ones are below 5) */
  cv: 100,
  /** a distribution's coefficient of variation, at least (a smaller one is a fixed value) */
  cvMin: 1e-6,
  /** one demand point's or area's weight (weights are relative; larger ones overflow their sums) */
  weight: 1e12,
} as const;
