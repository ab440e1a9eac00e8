/**
 * Reading OSM way tags for driving: which ways a vehicle may use, in which direction, and at what
 * tagged speed limit. Conventions follow the OSM wiki (Key:highway, Key:oneway, Key:maxspeed).
 */
import { roadClassIndex } from '../../sim/roads/classes';

/** Tag keys the importer needs; everything else is not even decoded. */
export const WAY_TAG_KEYS = ['highway', 'oneway', 'junction', 'maxspeed', 'access', 'motor_vehicle', 'motorcar', 'vehicle', 'area', 'service'] as const;

export type Tags = Readonly<Record<string, string | undefined>>;

const MPH = 1.609344;
const NO_ENTRY = new Set(['no', 'private']);
/** Service roads a responding vehicle does not use to get somewhere: parking aisles, private drives. */
const SKIPPED_SERVICE = new Set(['parking_aisle', 'driveway', 'drive-through']);
/** UK implicit limits, in mph (Key:maxspeed "country:zone" values). */
const ZONE_MPH: Readonly<Record<string, number>> = {
  nsl_single: 60,
  nsl_dual: 70,
  motorway: 70,
  nsl_restricted: 30,
};

/**
 * The road class number of a way vehicles may drive on, or -1: not a road class, an area, closed
 * to motor vehicles (`access`/`vehicle`/`motor_vehicle`/`motorcar` = no or private), or a parking
 * aisle / driveway.
 */
export function drivableClass(tags: Tags): number {
  const cls = tags.highway === undefined ? -1 : roadClassIndex(tags.highway);
  if (cls < 0) return -1;
  if (tags.area === 'yes') return -1;
  const motor = tags.motorcar ?? tags.motor_vehicle ?? tags.vehicle ?? tags.access;
  if (motor !== undefined && NO_ENTRY.has(motor)) return -1;
  if (tags.service !== undefined && SKIPPED_SERVICE.has(tags.service)) return -1;
  return cls;
}

/**
 * 1 when the way is one-way along its nodes, -1 when one-way against them, 0 when two-way.
 * Motorways and roundabouts are one-way unless tagged `oneway=no`.
 */
export function onewayOf(tags: Tags): 1 | -1 | 0 {
  const value = tags.oneway;
  if (value === 'yes' || value === 'true' || value === '1') return 1;
  if (value === '-1' || value === 'reverse') return -1;
  if (value === 'no' || value === 'false' || value === '0') return 0;
  if (tags.highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  return 0;
}

/**
 * A `maxspeed` value in km/h, or 0 when absent or not a number: "50" (km/h), "30 mph", "30mph",
 * "50 km/h", "GB:nsl_single" (60 mph) and the other UK zone values; of "30;40" the first.
 * "none", "signals", "walk" and the like give 0 (the class speed applies).
 */
export function parseMaxspeed(value: string | undefined): number {
  if (value === undefined) return 0;
  const first = value.split(';')[0]!.trim().toLowerCase();
  const zone = /^(?:gb|uk):([a-z_]+)$/.exec(first);
  if (zone) {
    const mph = ZONE_MPH[zone[1]!];
    return mph === undefined ? 0 : mph * MPH;
  }
  const match = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?$/.exec(first);
  if (!match) return 0;
  const number = Number(match[1]);
  if (!(number > 0)) return 0;
  return match[2] === 'mph' ? number * MPH : number;
}
