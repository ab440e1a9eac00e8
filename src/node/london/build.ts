/**
 * The London data step in memory: reads the source files from a data folder and builds the areas,
 * their map copies, the demand points and the police bases. Writing and caching are builtin.ts's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPoliceBases, type DroppedSite, type PoliceBase } from './bases';
import { buildAreas, type AreaCollection } from './boroughs';
import { SourceDataError } from './csv';
import { buildDemandPoints, type DemandPointsFile, type DemandSummary } from './demand';
import { bcuBorders, displayAreas, type BcuBorderFeature } from './display';
import type { AreaFeature } from './boroughs';

/** Bump when the output of the data step changes for the same inputs: cached builds are then rebuilt. */
export const LONDON_DATA_VERSION = 2;

/** Source files of the built-in London areas, points and bases, relative to the data folder. */
export const LONDON_BUILTIN_INPUTS = {
  boroughs: 'boundaries/london_boroughs.geojson',
  centroids: 'boundaries/london_lsoa2011_centroids.csv',
  crime: 'demand/lsoa2011_crime_annual_2011-2021.csv',
  population: 'demand/lsoa2011_population_mid2020.csv',
  police: 'stations/police_osm_partial.csv',
} as const;

/** Attribution the map and reports show for the built files (from the data folder's README). */
export const LONDON_ATTRIBUTION: readonly string[] = [
  'Contains National Statistics data © Crown copyright and database right [2022]. Contains Ordnance Survey data © Crown copyright and database right [2022]. Open Government Licence v3.0.',
  'Crime: Metropolitan Police Service, via the London Datastore (recorded crime summary), Open Government Licence v2.0.',
  'Police bases: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).',
];

export interface LondonData {
  readonly areas: AreaCollection;
  readonly areasDisplay: { type: 'FeatureCollection'; features: AreaFeature[] };
  readonly bcuBorders: { type: 'FeatureCollection'; features: BcuBorderFeature[] };
  readonly points: DemandPointsFile;
  readonly bases: PoliceBase[];
  readonly dropped: DroppedSite[];
  readonly demand: DemandSummary;
}

function readText(dataDir: string, relative: string): { text: string; file: string } {
  const file = path.join(dataDir, relative);
  return { text: readFileSync(file, 'utf8'), file };
}

/** Builds everything from the data folder. Throws SourceDataError naming the file on bad content. */
export function buildLondonData(dataDir: string): LondonData {
  const boroughs = readText(dataDir, LONDON_BUILTIN_INPUTS.boroughs);
  let raw: unknown;
  try {
    raw = JSON.parse(boroughs.text);
  } catch (error) {
    throw new SourceDataError(`${boroughs.file}: not valid JSON (${(error as Error).message})`);
  }
  const areas = buildAreas(raw, boroughs.file);
  const { points, summary } = buildDemandPoints(
    {
      centroids: readText(dataDir, LONDON_BUILTIN_INPUTS.centroids),
      crime: readText(dataDir, LONDON_BUILTIN_INPUTS.crime),
      population: readText(dataDir, LONDON_BUILTIN_INPUTS.population),
    },
    new Set(areas.features.map((f) => f.properties.id)),
  );
  const { bases, dropped } = buildPoliceBases({ police: readText(dataDir, LONDON_BUILTIN_INPUTS.police) }, areas, points);
  return { areas, areasDisplay: displayAreas(areas), bcuBorders: bcuBorders(areas), points, bases, dropped, demand: summary };
}
