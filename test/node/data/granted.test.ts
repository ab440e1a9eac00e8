import { describe, expect, it } from 'vitest';
import { grantedOnlyProvider } from '../../../src/node/data/granted';
import { DataSourceError } from '../../../src/node/data/provider';
import { GraphFileError } from '../../../src/node/osm/graph-file';
import { WorldError, type DataProvider } from '../../../src/world';

function inner() {
  const asked: string[] = [];
  const provider: DataProvider = {
    areas: async (s) => {
      asked.push(`areas ${s}`);
      if (s === '/g/bad.geojson') throw new DataSourceError('area file /g/bad.geojson: not valid JSON');
      return { type: 'FeatureCollection', features: [] } as never;
    },
    points: async (s) => {
      asked.push(`points ${s}`);
      return { lon: [0], lat: [0], weight: [1] };
    },
    network: async (s) => {
      asked.push(`network ${s}`);
      if (s === '/g/not-a-graph.bin') throw new GraphFileError('/g/not-a-graph.bin: not a road graph file');
      if (s === '/g/bug.bin') throw new TypeError('a bug');
      return {};
    },
  };
  return { provider, asked };
}

async function issue(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorldError);
  return (error as WorldError).issues;
}

describe('granted-only data provider (page-sent scenarios)', () => {
  const granted = new Set(['/g/areas.geojson', '/g/bad.geojson', '/g/points.json', '/g/not-a-graph.bin', '/g/bug.bin']);

  it('serves built-in sets and granted files', async () => {
    const { provider, asked } = inner();
    const p = grantedOnlyProvider(provider, (f) => granted.has(f));
    await p.areas('london-boroughs');
    await p.points('london-lsoa');
    await p.network('london');
    await p.areas('/g/areas.geojson');
    await p.points('/g/points.json');
    expect(asked).toEqual(['areas london-boroughs', 'points london-lsoa', 'network london', 'areas /g/areas.geojson', 'points /g/points.json']);
  });

  it.each([
    ['areas', '/etc/passwd', 'areas.source'],
    ['points', '/g/../etc/shadow', 'demand.pointsSource'],
    ['points', 'points.json', 'demand.pointsSource'],
    ['network', '/dev/zero', 'network.source'],
    ['network', 'paris', 'network.source'],
  ] as const)('refuses %s %s at %s without asking the inner provider', async (kind, source, field) => {
    const { provider, asked } = inner();
    const p = grantedOnlyProvider(provider, (f) => granted.has(f));
    const issues = await issue(p[kind](source));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(field);
    expect(issues[0]!.message).toContain('nor a file you opened in this app');
    expect(asked, 'nothing was read').toEqual([]);
  });

  it('shortens a long refused value', async () => {
    const p = grantedOnlyProvider(inner().provider, () => false);
    const issues = await issue(p.areas(`/${'x'.repeat(5000)}`));
    expect(issues[0]!.message.length).toBeLessThan(400);
  });

  it('reports a granted file that cannot be used at its field; a bug stays a bug', async () => {
    const p = grantedOnlyProvider(inner().provider, (f) => granted.has(f));
    expect(await issue(p.areas('/g/bad.geojson'))).toEqual([{ path: 'areas.source', message: 'area file /g/bad.geojson: not valid JSON' }]);
    expect(await issue(p.network('/g/not-a-graph.bin'))).toEqual([{ path: 'network.source', message: '/g/not-a-graph.bin: not a road graph file' }]);
    await expect(p.network('/g/bug.bin')).rejects.toThrow(TypeError);
  });

  it('asks isGranted on every call, so later grants count', async () => {
    const now = new Set<string>();
    const p = grantedOnlyProvider(inner().provider, (f) => now.has(f));
    await issue(p.points('/g/points.json'));
    now.add('/g/points.json');
    await expect(p.points('/g/points.json')).resolves.toEqual({ lon: [0], lat: [0], weight: [1] });
  });
});
