/**
 * The 33 London areas (32 Met boroughs + the City of London) from the GLA/ONS borough boundaries,
 * checked against what the data step relies on and turned into the built `areas` collection.
 */
import { z } from 'zod';
import { BCU_OF_AREA, CITY_OF_LONDON } from './bcus';
import { SourceDataError } from './csv';

const position = z.tuple([z.number().finite(), z.number().finite()]).rest(z.number());
const ring = z.array(position).min(4);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });

const sourceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ NAME: z.string().min(1), GSS_CODE: z.string().regex(/^E09\d{6}$/) }).passthrough(),
  geometry: z.discriminatedUnion('type', [polygon, multiPolygon]),
});
const sourceCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(sourceFeature) });

export type AreaGeometry = z.infer<typeof polygon> | z.infer<typeof multiPolygon>;

/** Which force polices an area: the Met everywhere except the City of London. */
export type Force = 'MPS' | 'CoLP';

/** One built area: `properties` are the contract of the built `areas` file (see builtin.ts). */
export interface AreaFeature {
  readonly type: 'Feature';
  readonly properties: {
    readonly id: string;
    readonly name: string;
    readonly bcu: string | null;
    readonly force: Force;
    /** Why an area is special, carried into the results (only the City of London has one). */
    readonly note?: string;
  };
  readonly geometry: AreaGeometry;
}

export interface AreaCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly AreaFeature[];
}

/** Shown with the City of London's results: why it has no Met demand or units. */
export const CITY_OF_LONDON_NOTE =
  'Policed by the City of London Police, not the Met: no Met demand or units here by default.';

/** How many areas London has: 32 boroughs and the City of London. */
export const LONDON_AREA_COUNT = 33;

/** Formats the first few zod issues as `file: features[3].properties.GSS_CODE: message`. */
function describe(file: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      return `${file}: ${where || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/**
 * Reads the borough boundaries (already JSON-parsed) and returns the 33 areas, sorted by GSS code,
 * with `bcu` from the Met's BCU table and `force`. Throws SourceDataError naming the file and JSON
 * path when the content is not what the data step expects.
 */
export function buildAreas(raw: unknown, file: string): AreaCollection {
  const parsed = sourceCollection.safeParse(raw);
  if (!parsed.success) throw new SourceDataError(describe(file, parsed.error));
  const seen = new Set<string>();
  const features: AreaFeature[] = parsed.data.features.map((feature, i) => {
    const id = feature.properties.GSS_CODE;
    if (seen.has(id)) throw new SourceDataError(`${file}: features[${i}].properties.GSS_CODE: ${id} appears twice`);
    seen.add(id);
    const bcu = BCU_OF_AREA.get(id) ?? null;
    if (bcu === null && id !== CITY_OF_LONDON) {
      throw new SourceDataError(`${file}: features[${i}].properties.GSS_CODE: ${id} is not a London borough of the Met's BCU table`);
    }
    return {
      type: 'Feature',
      properties:
        id === CITY_OF_LONDON
          ? { id, name: feature.properties.NAME, bcu, force: 'CoLP', note: CITY_OF_LONDON_NOTE }
          : { id, name: feature.properties.NAME, bcu, force: 'MPS' },
      geometry: feature.geometry,
    };
  });
  const missing = [CITY_OF_LONDON, ...BCU_OF_AREA.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) throw new SourceDataError(`${file}: no feature for area(s) ${missing.join(', ')}`);
  features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  return { type: 'FeatureCollection', features };
}
