/**
 * London's demand points: one point per 2011 LSOA (ONS point-on-surface), weighted by a mix of
 * recorded crime and resident population.
 *
 * weight(lsoa) = CRIME_SHARE x crime(lsoa) / crime(all Met LSOAs)
 *              + POPULATION_SHARE x population(lsoa) / population(all Met LSOAs)
 *
 * - crime: mean annual recorded crime (all categories in the source file) over CRIME_YEARS, the three
 *   latest whole years before the pandemic; they bracket the year to September 2018 that the
 *   baseline scenario is calibrated to. LSOAs with no crime row count 0 crime.
 * - population: ONS mid-2020 small-area estimate.
 * - The mix: recorded crime concentrates in town centres (theft, shoplifting) where many crimes are
 *   reported without a call, while much of what people call the police about (domestic incidents,
 *   concern for welfare, disturbances) follows where people live; so half of the weight follows
 *   each. This is an assumption, documented in assets/scenarios/london-baseline.md.
 * - City of London LSOAs weigh 0: the City of London Police answers there, not the Met.
 *
 * Weights sum to 1 (to rounding) over the Met LSOAs.
 */
import { CITY_OF_LONDON } from './bcus';
import { numberField, parseCsv, SourceDataError } from './csv';

/** Share of each point's weight that follows recorded crime; the rest follows population. */
export const CRIME_SHARE = 0.5;
export const POPULATION_SHARE = 1 - CRIME_SHARE;
/** Calendar years whose recorded crime is averaged. */
export const CRIME_YEARS = [2017, 2018, 2019] as const;

/** The built demand points file (see builtin.ts): parallel arrays, one entry per LSOA. */
export interface DemandPointsFile {
  readonly lon: number[];
  readonly lat: number[];
  /** Relative demand, >= 0, summing to 1. */
  readonly weight: number[];
  /** LSOA 2011 code. */
  readonly label: string[];
  /** GSS code of the borough the LSOA belongs to. */
  readonly area: string[];
}

export interface DemandSources {
  /** Text of boundaries/london_lsoa2011_centroids.csv, and its path for messages. */
  readonly centroids: { text: string; file: string };
  /** Text of demand/lsoa2011_crime_annual_2011-2021.csv. */
  readonly crime: { text: string; file: string };
  /** Text of demand/lsoa2011_population_mid2020.csv. */
  readonly population: { text: string; file: string };
}

export interface DemandSummary {
  readonly points: number;
  /** LSOAs that had no crime row (counted as 0 crime). */
  readonly withoutCrime: number;
  /** Weight per area (GSS code), summing to 1. */
  readonly byArea: Readonly<Record<string, number>>;
}

/** London's bounding box with a margin: a point outside it is a data error, not a London LSOA. */
const LON_RANGE = { min: -0.6, max: 0.4 };
const LAT_RANGE = { min: 51.2, max: 51.8 };

export function buildDemandPoints(sources: DemandSources, areaIds: ReadonlySet<string>): { points: DemandPointsFile; summary: DemandSummary } {
  const centroids = parseCsv(sources.centroids.text, sources.centroids.file, ['LSOA11CD', 'LAD11CD', 'lon', 'lat']);
  const crimeColumns = CRIME_YEARS.map((y) => `total_${y}`);
  const crime = parseCsv(sources.crime.text, sources.crime.file, ['LSOA11CD', ...crimeColumns]);
  const population = parseCsv(sources.population.text, sources.population.file, ['LSOA11CD', 'Persons_All-Ages']);

  const crimeOf = new Map<string, number>();
  crime.rows.forEach((row, i) => {
    const sum = crimeColumns.reduce((acc, column) => acc + numberField(crime, i, column, { min: 0 }), 0);
    crimeOf.set(row.LSOA11CD!, sum / crimeColumns.length);
  });
  const populationOf = new Map<string, number>();
  population.rows.forEach((row, i) => populationOf.set(row.LSOA11CD!, numberField(population, i, 'Persons_All-Ages', { min: 0 })));

  const n = centroids.rows.length;
  const lon: number[] = [];
  const lat: number[] = [];
  const label: string[] = [];
  const area: string[] = [];
  const crimeRaw: number[] = [];
  const popRaw: number[] = [];
  const seen = new Set<string>();
  let withoutCrime = 0;
  for (let i = 0; i < n; i++) {
    const row = centroids.rows[i]!;
    const code = row.LSOA11CD!;
    if (seen.has(code)) throw new SourceDataError(`${centroids.file}: record ${i + 2}: LSOA ${code} appears twice`);
    seen.add(code);
    const gss = row.LAD11CD!;
    if (!areaIds.has(gss)) throw new SourceDataError(`${centroids.file}: record ${i + 2}, column LAD11CD: ${gss} is not one of the 33 London areas`);
    const pop = populationOf.get(code);
    if (pop === undefined) throw new SourceDataError(`${sources.population.file}: no row for LSOA ${code} (listed in ${centroids.file})`);
    const c = crimeOf.get(code);
    if (c === undefined) withoutCrime++;
    lon.push(numberField(centroids, i, 'lon', LON_RANGE));
    lat.push(numberField(centroids, i, 'lat', LAT_RANGE));
    label.push(code);
    area.push(gss);
    const met = gss !== CITY_OF_LONDON; // the City of London Police answers in the City
    crimeRaw.push(met ? (c ?? 0) : 0);
    popRaw.push(met ? pop : 0);
  }
  if (n === 0) throw new SourceDataError(`${centroids.file}: no LSOA rows`);
  const crimeTotal = crimeRaw.reduce((a, b) => a + b, 0);
  const popTotal = popRaw.reduce((a, b) => a + b, 0);
  if (crimeTotal <= 0) throw new SourceDataError(`${sources.crime.file}: no recorded crime in ${crimeColumns.join(', ')} for any Met LSOA`);
  if (popTotal <= 0) throw new SourceDataError(`${sources.population.file}: zero population over the Met LSOAs`);

  const raw = crimeRaw.map((c, i) => CRIME_SHARE * (c / crimeTotal) + POPULATION_SHARE * (popRaw[i]! / popTotal));
  const total = raw.reduce((a, b) => a + b, 0);
  const weight = raw.map((w) => w / total); // absorbs rounding so that the weights sum to 1
  const byArea: Record<string, number> = {};
  weight.forEach((w, i) => {
    byArea[area[i]!] = (byArea[area[i]!] ?? 0) + w;
  });
  return { points: { lon, lat, weight, label, area }, summary: { points: n, withoutCrime, byArea } };
}
