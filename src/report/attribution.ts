/**
 * The attribution a report must carry for the data a scenario uses (../shared/data/README.md,
 * "Attribution to show"): boundaries and statistics (ONS, OS), recorded crime (MPS), police bases
 * and the road graphs (OpenStreetMap, OpenMapTiles) and the east London main roads (DfT Major Road
 * Network, Ordnance Survey).
 */
import type { Scenario } from '../shared/scenario';

export const ONS_OS = 'Boundaries and population: contains National Statistics data © Crown copyright and database right [2022]. Contains Ordnance Survey data © Crown copyright and database right [2022]. Licensed under the Open Government Licence v3.0.';
export const MPS_CRIME = 'Recorded crime: Metropolitan Police Service, via the London Datastore, Open Government Licence v2.0.';
export const OSM_BASES = 'Police bases: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).';
export const WEST_ROADS = 'Roads of west London: © OpenMapTiles © OpenStreetMap contributors, ODbL 1.0 for the data (openstreetmap.org/copyright).';
export const EAST_ROADS = 'Main roads of east London: © OpenStreetMap contributors (ODbL 1.0); contains public sector information licensed under the Open Government Licence v3.0 (DfT Major Road Network); contains OS data © Crown copyright and database right.';

/** The statements the scenario's data requires, in the order to show them; empty for a scenario of inline data only. */
export function attributionsFor(s: Scenario): string[] {
  const out: string[] = [];
  const londonAreas = s.areas?.source === 'london-boroughs';
  const londonPoints = s.demand.pointsSource !== undefined;
  if (londonAreas || londonPoints) out.push(ONS_OS);
  if (londonPoints) out.push(MPS_CRIME);
  if (londonAreas || londonPoints) out.push(OSM_BASES);
  if (s.travel.mode === 'road' && s.network?.source === 'london') out.push(WEST_ROADS, EAST_ROADS);
  return out;
}

/** The union over several scenarios, without repeats. */
export function attributionsForAll(scenarios: readonly Scenario[]): string[] {
  return [...new Set(scenarios.flatMap(attributionsFor))];
}
