/**
 * The scenario file's schema (MODEL.md "The scenario file"), with the additions of
 * docs/MODEL-ADDITIONS.md. Shapes, units and defaults only; checks across fields (shares summing
 * to 1, shifts that exist, a grade with work but no units) live in ./checks.ts.
 *
 * Unknown fields are refused everywhere (strict objects): they are usually typos. GeoJSON inside
 * `areas.source` is the exception: GeoJSON carries foreign members by design.
 */
import { z } from 'zod';
import { coordinateProblem } from './geometry';
import { completeGrades } from './grades';
import {
  above,
  atLeast,
  distribution,
  factors,
  lat,
  line,
  localDateTime,
  lon,
  share,
  show,
  text,
  timeOfDay,
  weight,
  whole,
} from './primitives';

/** The schemaVersion this code reads and writes (older files are upgraded by ./migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 1;

const geometry = z.looseObject({
  type: z.enum(['Polygon', 'MultiPolygon'], {
    error: (iss) => `expected a "Polygon" or "MultiPolygon" geometry, got ${show(iss.input)}`,
  }),
  coordinates: z.array(z.unknown(), { error: 'expected an array of coordinates' }),
}).superRefine((g, ctx) => {
  const bad = coordinateProblem(g.type, g.coordinates);
  if (bad) ctx.addIssue({ code: 'custom', path: ['coordinates', ...bad.path], message: bad.message });
});

/** An inline GeoJSON FeatureCollection of areas (MODEL.md `areas.source`). */
export const featureCollection = z.looseObject({
  type: z.literal('FeatureCollection', { error: 'expected "FeatureCollection"' }),
  features: z
    .array(
      z.looseObject({
        type: z.literal('Feature', { error: 'expected "Feature"' }),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry,
      }),
      { error: 'expected an array of features' },
    )
    .min(1, { error: 'expected at least one feature' }),
});
export type FeatureCollectionInput = z.output<typeof featureCollection>;

const areas = z.strictObject({
  /** A built-in set by name ("london-boroughs"), a GeoJSON file path (inlined by the loader), or inline GeoJSON. */
  source: z.union([text(), featureCollection], {
    error: (iss) => `expected a data set name, a GeoJSON file path or a FeatureCollection, got ${show(iss.input)}`,
  }),
  /** BCU id -> area ids. */
  groups: z.record(text(), z.array(text())).default({}),
  /** Feature property holding the area id (addition). */
  idProperty: text().default('id'),
  /** Feature property holding the area name (addition). */
  nameProperty: text().default('name'),
});

const gradeMix = z.strictObject({
  I: share().optional(),
  S: share().optional(),
  E: share().optional(),
  R: share().optional(),
});

const stream = z.strictObject({
  line,
  /** Mean calls per day on this line before the hour/day profiles and surges. */
  callsPerDay: atLeast(0),
  /** Share of the line's calls per grade; shares sum to 1 (checked in ./checks.ts). */
  gradeMix,
});

const point = z.strictObject({
  lon,
  lat,
  weight: weight().default(1),
  /** Optional label for logs (addition). */
  label: text().optional(),
});

const surge = z.strictObject({
  /** Area (or BCU) id whose demand is multiplied; left out = all demand (addition). */
  area: text().optional(),
  /** Only this line's calls (addition); left out = every line. */
  line: line.optional(),
  /** Seconds since scenario start (negative = inside the warm-up); left out = from the first call (addition). */
  fromS: z.number({ error: (iss) => `expected a number of seconds, got ${show(iss.input)}` }).optional(),
  /** Seconds since scenario start; left out = to the last call (addition). */
  toS: z.number({ error: (iss) => `expected a number of seconds, got ${show(iss.input)}` }).optional(),
  multiplier: atLeast(0),
  /** A name for the surge, e.g. "Carnival" (addition). */
  label: text().optional(),
  /** Only demand inside this circle (addition): centre and radius in metres. */
  circle: z.strictObject({ lon, lat, radiusM: above(0) }).optional(),
  /** Only demand inside this polygon (addition): at least 3 [lon, lat] corners, not closed. */
  polygon: z
    .array(z.tuple([lon, lat], { error: 'expected a [lon, lat] pair' }), { error: 'expected an array of [lon, lat] corners' })
    .min(3, { error: 'expected at least 3 corners' })
    .optional(),
  /**
   * Calls per hour added while the surge is on (addition), placed over its demand (area, shape) by
   * the demand weights, on its `line` or, left out, shared between the lines by their callsPerDay.
   */
  extraCallsPerHour: atLeast(0).optional(),
  /** Grade shares of the calls `extraCallsPerHour` adds (addition); left out = the line's gradeMix. */
  gradeMix: gradeMix.optional(),
});

const demand = z.strictObject({
  streams: z.array(stream).min(1, { error: 'expected at least one stream' }),
  hourOfDay: factors(24, 'hour-of-day multipliers with mean 1').optional(),
  dayOfWeek: factors(7, 'day-of-week multipliers with mean 1, Monday first').optional(),
  areaWeights: z.record(text(), weight()).optional(),
  points: z.array(point).min(1, { error: 'expected at least one point' }).optional(),
  /** A built-in weighted point set by name, e.g. "london-lsoa" (addition). */
  pointsSource: text().optional(),
  surges: z.array(surge).default([]),
});

const grade = z.strictObject({
  targetS: atLeast(0).optional(),
  attend: z.boolean().optional(),
  onScene: distribution.optional(),
  unitsRequired: whole(1).optional(),
  blueLight: z.boolean().optional(),
  arrestProbability: share().optional(),
  /** Crime report after the scene (addition): share of incidents and the time it takes the first unit. */
  crimeReport: z.strictObject({ probability: share(), time: distribution }).optional(),
});

const grades = z
  .strictObject({ I: grade.optional(), S: grade.optional(), E: grade.optional(), R: grade.optional() })
  .default({})
  .transform(completeGrades);

const perLine = <T extends z.ZodType>(value: T) => z.strictObject({ '999': value.optional(), '101': value.optional() });

const staffing = z.union([whole(0), z.record(text(), whole(0))], {
  error: (iss) => `expected a whole number >= 0 or an object of shift id -> whole number, got ${show(iss.input)}`,
});

const pool = z.strictObject({
  id: text(),
  lines: z.array(line).min(1, { error: 'expected at least one line' }),
  /** Call takers on duty: per shift id, or one number round the clock. */
  staff: staffing,
});

const callHandling = z
  .strictObject({
    pools: z.array(pool).min(1, { error: 'expected at least one pool' }),
    handlingTime: perLine(distribution),
    patience: perLine(distribution).default({}),
    answerTargetS: perLine(atLeast(0)).default({}),
  })
  .nullable();

const shift = z.strictObject({
  id: text(),
  start: timeOfDay,
  hours: above(0).refine((h) => h <= 24, { error: (iss) => `expected hours from 0 to 24, got ${show(iss.input)}` }),
});

const station = z.strictObject({
  id: text(),
  name: text().optional(),
  lon,
  lat,
  area: text().optional(),
  custody: z.boolean().default(false),
  /** Closed (addition): the base keeps its fleet rows but puts no units on duty; left out = open. */
  closed: z.boolean().optional(),
  /** Not a real police station, e.g. a placeholder base (addition). */
  synthetic: z.boolean().default(false),
  /** Why (addition). */
  note: z.string().optional(),
});

const fleetRow = z.strictObject({
  station: text(),
  type: text().default('IRV'),
  perShift: z.record(text(), whole(0)).optional(),
  count: whole(0).optional(),
});

const dispatch = z
  .strictObject({
    policy: z
      .enum(['nearest-eta', 'nearest-straight-line', 'home-station-first'], {
        error: (iss) => `expected "nearest-eta", "nearest-straight-line" or "home-station-first", got ${show(iss.input)}`,
      })
      .default('nearest-eta'),
    border: z
      .enum(['any', 'bcu', 'area'], { error: (iss) => `expected "any", "bcu" or "area", got ${show(iss.input)}` })
      .default('any'),
    divert: z
      .strictObject({
        to: z.array(z.enum(['I', 'S', 'E', 'R'])).min(1),
        from: z.array(z.enum(['I', 'S', 'E', 'R'])).min(1),
      })
      .optional(),
    /** Units per BCU held back from each grade's work. */
    reserve: z.strictObject({ I: whole(0).optional(), S: whole(0).optional(), E: whole(0).optional() }).default({}),
    /** BCU id -> its own reserve per grade, in place of `reserve` for that BCU (addition). */
    reserveByBcu: z.record(text(), z.strictObject({ I: whole(0).optional(), S: whole(0).optional(), E: whole(0).optional() })).optional(),
    decisionTime: distribution.default({ dist: 'fixed', value: 0 }),
    /**
     * Carry-over (addition): an incident of the grade still waiting for a unit this many seconds
     * after joining the queue goes behind every fresher incident of its grade.
     */
    carryOver: z.strictObject({ I: above(0).optional(), S: above(0).optional(), E: above(0).optional() }).optional(),
  })
  .default({ policy: 'nearest-eta', border: 'any', reserve: {}, decisionTime: { dist: 'fixed', value: 0 } });

const travelDefaults = {
  mode: 'straight-line' as const,
  blueLightFactor: 1.3,
  turnout: { dist: 'fixed' as const, value: 0 },
  speedKph: 30,
  detourFactor: 1.3,
  offRoadSpeedKph: 20,
};

const travel = z
  .strictObject({
    mode: z
      .enum(['straight-line', 'road'], { error: (iss) => `expected "straight-line" or "road", got ${show(iss.input)}` })
      .default(travelDefaults.mode),
    /** OSM highway class -> km/h (any class). */
    roadSpeedsKph: z.record(text(), above(0)).optional(),
    /** Travel-time multiplier per hour of departure (1 = free flow). */
    congestionByHour: factors(24, 'congestion factors').optional(),
    blueLightFactor: above(0).default(travelDefaults.blueLightFactor),
    turnout: distribution.default(travelDefaults.turnout),
    speedKph: above(0).default(travelDefaults.speedKph),
    detourFactor: atLeast(1).default(travelDefaults.detourFactor),
    offRoadSpeedKph: above(0).default(travelDefaults.offRoadSpeedKph),
  })
  .default(travelDefaults);

/** The whole scenario, as read (before migrations are applied the version may differ). */
export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, {
    error: (iss) => `expected ${CURRENT_SCHEMA_VERSION}, got ${show(iss.input)}`,
  }),
  name: text().default('unnamed scenario'),
  description: z.string().optional(),
  seed: whole(0).refine((s) => s <= Number.MAX_SAFE_INTEGER).default(1),
  /** London local time at simulation time 0; left out = a Monday 00:00. */
  start: localDateTime.optional(),
  /** Counted days, after the warm-up. */
  days: above(0).default(7),
  /** Hours simulated before time 0 and not counted. */
  warmupHours: atLeast(0).default(24),
  areas: areas.optional(),
  network: z.strictObject({ source: text() }).optional(),
  demand,
  grades,
  callHandling,
  shifts: z.array(shift).optional(),
  /** Left out or empty: a control room with no attendance (addition; every grade with work must then not attend). */
  stations: z.array(station).default([]),
  fleet: z.array(fleetRow).default([]),
  dispatch,
  travel,
  custodyTime: distribution.optional(),
  /**
   * Refreshment breaks of shift units (addition): each unit takes one break a shift, at its base,
   * due between `earliestS` and `latestS` after its shift starts (staggered over the units).
   */
  refreshment: z
    .strictObject({ earliestS: atLeast(0), latestS: atLeast(0), duration: distribution })
    .refine((r) => r.latestS >= r.earliestS, { error: 'expected latestS >= earliestS' })
    .optional(),
});

/** A scenario file's content (what people write), `extends` included. */
export type ScenarioInput = z.input<typeof scenarioSchema> & { extends?: string };
/** A validated scenario with every default applied: what the simulator runs. */
export type Scenario = z.output<typeof scenarioSchema>;
export type StationSpec = Scenario['stations'][number];
export type FleetRow = Scenario['fleet'][number];
export type PoolSpec = NonNullable<Scenario['callHandling']>['pools'][number];
export type ShiftSpec = NonNullable<Scenario['shifts']>[number];
export type SurgeSpec = Scenario['demand']['surges'][number];
export type DispatchPolicy = Scenario['dispatch']['policy'];
export type BorderRule = Scenario['dispatch']['border'];
