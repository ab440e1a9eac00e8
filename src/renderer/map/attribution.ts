/**
 * The data attribution the map shows (../shared/data/README.md "Attribution to show"): short
 * credits in the map's corner; the full statements come with the outlines (MapLayers.attribution)
 * and are listed under the map.
 */
export const MAP_CREDITS: readonly string[] = [
  'Boundaries: contains ONS and OS data © Crown copyright and database right 2022 (OGL v3)',
  'Police bases and roads: © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)',
  '© OpenMapTiles',
];

/** The full statements, whatever the outlines' manifest says beside them. */
export const FULL_ATTRIBUTION: readonly string[] = [
  'Boundaries and ONS statistics: Contains National Statistics data © Crown copyright and database right [2022]. Contains Ordnance Survey data © Crown copyright and database right [2022]. Licensed under the Open Government Licence v3.0.',
  'OpenStreetMap-derived data (police bases, roads): © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).',
  'West London road graph: © OpenMapTiles © OpenStreetMap contributors (ODbL 1.0).',
  'East London main roads: © OpenStreetMap contributors (ODbL 1.0); contains public sector information licensed under the Open Government Licence v3.0 (DfT Major Road Network), contains OS data © Crown copyright and database right.',
  'Recorded crime (demand weights): Metropolitan Police Service, via the London Datastore (recorded crime summary), Open Government Licence v2.0.',
];
