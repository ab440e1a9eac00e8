/**
 * The map's outlines as the host serves them (`mapLayers`): kept apart from ./protocol.ts, which
 * re-exports them, so that file stays the API's list of calls.
 */
import type { RoadCoverage } from './ipc-schemas';

/** A GeoJSON FeatureCollection as the map draws it (geometry left to the map library). */
export interface MapFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly { readonly type: 'Feature'; readonly properties: Readonly<Record<string, unknown>>; readonly geometry: unknown }[];
}

/**
 * Outlines for the map of a built-in area set (`areas.source`, e.g. "london-boroughs"): the areas
 * simplified for drawing (properties `id`, `name`, `bcu`) and the BCU borders (properties `id`,
 * `name`, `areas`), with the attribution their sources require; and, where the host has it, the
 * road data coverage of the set's built-in road network (where road data is thin, `RoadCoverage`).
 */
export interface MapLayers {
  readonly source: string;
  readonly areas: MapFeatureCollection;
  readonly bcus: MapFeatureCollection | null;
  readonly attribution: readonly string[];
  /** sha256 of the source files the set was built from (the data step's manifest `inputs`), for reports; absent when unknown */
  readonly dataHashes?: readonly (readonly [string, string])[];
  /** the road data coverage layer; absent or null when the host has none (then `coverageError` may say why) */
  readonly coverage?: RoadCoverage | null;
  /** why the coverage layer could not be had (the outlines are served without it) */
  readonly coverageError?: string | null;
}

export type MapLayersOutcome = { readonly ok: true; readonly layers: MapLayers } | { readonly ok: false; readonly message: string };
