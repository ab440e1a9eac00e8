/**
 * The browser build's road network: `network("london")` fetches the built graph file from the
 * site's data folder once, decodes it without copying, and names the file in every failure.
 */
import { describe, expect, it } from 'vitest';
import { encodeGraph } from '../../../src/sim/roads/build/encode';
import { contract } from '../../../src/sim/roads/build/contract';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { speedTable } from '../../../src/sim/roads/speeds';
import { edgeWeightsMs } from '../../../src/sim/roads/weights';
import { fetchDataProvider, WEB_DATA_FILES } from '../../../src/web/data-provider';
import { asciiNetwork } from '../../sim/roads/helpers';

const base = 'https://example.org/app/data/';
const url = `${base}${WEB_DATA_FILES.network.london}`;

function sampleFile(): { graph: RoadGraph; bytes: ArrayBuffer } {
  const { graph } = asciiNetwork(`
    A - B > C
    |   |   v
    D - E - F
  `);
  const weightMs = edgeWeightsMs(graph, speedTable());
  const withHierarchy = { ...graph, hierarchy: contract({ firstOut: graph.firstOut, edgeHead: graph.edgeHead, weightMs }) };
  return { graph: withHierarchy, bytes: encodeGraph(withHierarchy) };
}

type Reply = { ok: boolean; status: number; json: () => Promise<unknown>; arrayBuffer: () => Promise<ArrayBuffer> };
const reply = (bytes: ArrayBuffer, status = 200): Reply => ({
  ok: status >= 200 && status < 300,
  status,
  json: () => Promise.reject(new Error('a graph is not JSON')),
  arrayBuffer: async () => bytes,
});

describe('the road network in the browser build', () => {
  it('fetches london-roads.graph once and decodes it as views on the fetched bytes', async () => {
    const { graph, bytes } = sampleFile();
    const fetched: string[] = [];
    const provider = fetchDataProvider(base, async (u) => {
      fetched.push(u);
      return reply(bytes);
    });
    const [first, second] = (await Promise.all([provider.network('london'), provider.network('london')])) as RoadGraph[];
    expect(fetched, 'one fetch for two requests').toEqual([url]);
    expect(second, 'the same graph object').toBe(first);
    expect([first!.nodeCount, first!.edgeCount, first!.roadCount]).toEqual([graph.nodeCount, graph.edgeCount, graph.roadCount]);
    expect([...first!.edgeHead]).toEqual([...graph.edgeHead]);
    expect(first!.firstOut.buffer, 'no copy: a view on the fetched buffer').toBe(bytes);
    expect(first!.hierarchy, 'the hierarchy of the default speeds travels with the graph').toBeDefined();
    expect([...first!.hierarchy!.rank]).toEqual([...graph.hierarchy!.rank]);
  });

  it('names the file and the way to build it when the site has no graph, and tries again next time', async () => {
    let status = 404;
    const { bytes } = sampleFile();
    const provider = fetchDataProvider(base, async () => reply(bytes, status));
    await expect(provider.network('london')).rejects.toThrow(
      `built-in data "london" is not in this site (${url} answered HTTP 404); build it with npm run build:web where the London data is available`,
    );
    status = 200;
    await expect(provider.network('london'), 'a failed load is not kept').resolves.toHaveProperty('nodeCount');
  });

  it('names the file when its bytes are not a road graph', async () => {
    const provider = fetchDataProvider(base, async () => reply(new TextEncoder().encode('<!doctype html><p>not found</p>').buffer as ArrayBuffer));
    await expect(provider.network('london')).rejects.toThrow(new RegExp(`^built-in road network "london" at ${url.replace(/[.]/g, '\\.')} is not a road graph file of this version: .+; rebuild the site with npm run build:web$`));
  });

  it('names the file when the download breaks off', async () => {
    const provider = fetchDataProvider(base, async () => ({ ...reply(new ArrayBuffer(0)), arrayBuffer: () => Promise.reject(new TypeError('network error')) }));
    await expect(provider.network('london')).rejects.toThrow(`built-in road network "london" at ${url} could not be read: network error`);
  });
});
