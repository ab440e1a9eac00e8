/**
 * The Metropolitan Police's 12 Basic Command Units (BCUs) as groups of London boroughs (GSS codes),
 * as in issue 5 and the Met's published BCU structure (fully in place since 2019). The City of
 * London (E09000001) is in none: the City of London Police answers there.
 */

export interface Bcu {
  /** The Met's short code, e.g. "CW". */
  readonly id: string;
  readonly name: string;
  /** GSS codes of its boroughs. */
  readonly areas: readonly string[];
}

/** GSS code of the City of London, policed by the City of London Police, not the Met. */
export const CITY_OF_LONDON = 'E09000001';

export const LONDON_BCUS: readonly Bcu[] = [
  { id: 'CW', name: 'Central West', areas: ['E09000033', 'E09000020', 'E09000013'] }, // Westminster, Kensington and Chelsea, Hammersmith and Fulham
  { id: 'CN', name: 'Central North', areas: ['E09000007', 'E09000019'] }, // Camden, Islington
  { id: 'CE', name: 'Central East', areas: ['E09000012', 'E09000030'] }, // Hackney, Tower Hamlets
  { id: 'AS', name: 'Central South', areas: ['E09000022', 'E09000028'] }, // Lambeth, Southwark
  { id: 'NA', name: 'North Area', areas: ['E09000010', 'E09000014'] }, // Enfield, Haringey
  { id: 'NE', name: 'North East', areas: ['E09000025', 'E09000031'] }, // Newham, Waltham Forest
  { id: 'EA', name: 'East Area', areas: ['E09000002', 'E09000016', 'E09000026'] }, // Barking and Dagenham, Havering, Redbridge
  { id: 'SE', name: 'South East', areas: ['E09000004', 'E09000011', 'E09000023'] }, // Bexley, Greenwich, Lewisham
  { id: 'SN', name: 'South Area', areas: ['E09000006', 'E09000008', 'E09000029'] }, // Bromley, Croydon, Sutton
  { id: 'SW', name: 'South West', areas: ['E09000021', 'E09000024', 'E09000027', 'E09000032'] }, // Kingston, Merton, Richmond, Wandsworth
  { id: 'AW', name: 'West Area', areas: ['E09000009', 'E09000017', 'E09000018'] }, // Ealing, Hillingdon, Hounslow
  { id: 'NW', name: 'North West', areas: ['E09000003', 'E09000005', 'E09000015'] }, // Barnet, Brent, Harrow
];

/** BCU id of each Met borough (GSS code -> BCU id). */
export const BCU_OF_AREA: ReadonlyMap<string, string> = new Map(
  LONDON_BCUS.flatMap((bcu) => bcu.areas.map((area) => [area, bcu.id] as const)),
);

/** The scenario's `areas.groups` object: BCU id -> GSS codes. */
export function bcuGroups(): Record<string, string[]> {
  return Object.fromEntries(LONDON_BCUS.map((bcu) => [bcu.id, [...bcu.areas]]));
}
