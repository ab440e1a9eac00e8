/**
 * Vehicle speeds on roads: data, not code (STYLE.md 5). A scenario's `travel.roadSpeedsKph`
 * overrides these per class; everything it leaves out keeps the London default below.
 *
 * The defaults are London daytime off-peak traffic speeds (average rate of progress including
 * junction delay, not free-flow speeds). Hour-of-day congestion (`travel.congestionByHour`)
 * multiplies travel times on top of them, and `travel.blueLightFactor` divides them.
 *
 * Sources (km/h = mph x 1.609):
 * - TfL London speed surveys, daytime off-peak, 1997-2000 / 2003-06 (written answer, HC Deb
 *   2 December 2005): central London 10.0-10.5 mph, inner 14.1-14.8 mph, outer 21.9 mph, all
 *   areas 18.5 mph (about 30 km/h). Used for primary (30), secondary (28), tertiary (26).
 * - DfT trunk road speeds 2001: London trunk roads off-peak 30.0 mph (48 km/h) -> trunk.
 * - DfT London speed surveys 1983-86: motorway-standard roads in London off-peak 56 mph (90 km/h)
 *   (written answer, HL Deb 14 November 1988) -> motorway.
 * - DfT congestion statistics (local 'A' roads, weekday 07-19): inner London 12.8 mph (Q1 2012),
 *   the congested end that `congestionByHour` reaches from these off-peak values.
 * - DfT free-flow speed statistics (2019): 28-33 mph on free-flowing 30 mph roads; residential
 *   streets with junctions, parked cars and 20 mph zones are taken at 24 km/h (15 mph).
 * Links (slip roads) are taken slower than their road; service roads and living streets at
 * walking-to-parking-lot speeds.
 */
import { ROAD_CLASSES, type RoadClass } from './classes';

/** Default speed per road class, km/h (see the sources above). */
export const LONDON_ROAD_SPEEDS_KPH: Readonly<Record<RoadClass, number>> = {
  motorway: 90,
  motorway_link: 50,
  trunk: 48,
  trunk_link: 35,
  primary: 30,
  primary_link: 25,
  secondary: 28,
  secondary_link: 24,
  tertiary: 26,
  tertiary_link: 22,
  unclassified: 24,
  residential: 24,
  living_street: 10,
  service: 15,
  road: 20,
};

const MPH = 1.609344;

/**
 * The speed limit most roads of each class carry in London, km/h. A tagged `maxspeed` scales the
 * class speed by `maxspeed / usual limit` (a 20 mph primary road runs at 2/3 of the primary
 * speed, a 50 mph trunk road at 5/4 of the trunk speed), never above the limit itself.
 */
export const LONDON_USUAL_LIMIT_KPH: Readonly<Record<RoadClass, number>> = {
  motorway: 70 * MPH,
  motorway_link: 70 * MPH,
  trunk: 40 * MPH,
  trunk_link: 40 * MPH,
  primary: 30 * MPH,
  primary_link: 30 * MPH,
  secondary: 30 * MPH,
  secondary_link: 30 * MPH,
  tertiary: 30 * MPH,
  tertiary_link: 30 * MPH,
  unclassified: 30 * MPH,
  residential: 30 * MPH,
  living_street: 10 * MPH,
  service: 20 * MPH,
  road: 30 * MPH,
};

/** Speeds per class number (index = `ROAD_CLASSES` position), km/h. */
export type SpeedTable = Float64Array;

/**
 * The effective class speeds: London defaults overridden by a scenario's `roadSpeedsKph`.
 * Throws naming the key when an override is not a known class or not a positive number.
 */
export function speedTable(overrides: Readonly<Record<string, number>> = {}): SpeedTable {
  const table = new Float64Array(ROAD_CLASSES.length);
  ROAD_CLASSES.forEach((name, i) => {
    table[i] = LONDON_ROAD_SPEEDS_KPH[name];
  });
  for (const [name, kph] of Object.entries(overrides)) {
    const i = (ROAD_CLASSES as readonly string[]).indexOf(name);
    if (i < 0) throw new Error(`travel.roadSpeedsKph.${name}: not a road class (expected one of ${ROAD_CLASSES.join(', ')})`);
    if (!(typeof kph === 'number' && Number.isFinite(kph) && kph > 0)) {
      throw new Error(`travel.roadSpeedsKph.${name}: expected a speed in km/h > 0, got ${String(kph)}`);
    }
    table[i] = kph;
  }
  return table;
}

/**
 * Speed of one edge, km/h: the class speed, scaled by a tagged limit (`maxspeedKph` > 0) relative
 * to the class's usual London limit and capped at that limit.
 */
export function edgeSpeedKph(classIndex: number, maxspeedKph: number, table: SpeedTable): number {
  const base = table[classIndex]!;
  if (!(maxspeedKph > 0)) return base;
  const usual = LONDON_USUAL_LIMIT_KPH[ROAD_CLASSES[classIndex]!];
  return Math.min(base * (maxspeedKph / usual), maxspeedKph);
}
