/**
 * Where the London baseline week allocates (issue 14: GC is some 6 % of a road week): heap
 * sampling over the run alone (world built first), objects the GC has collected included, so the
 * profile counts every allocation sampled, not just what lives at the end. Writes a .heapprofile
 * (Chrome DevTools, Memory tab) and prints the sampled megabytes by allocating function and caller.
 *
 *   npx tsx bench/road-alloc-run.ts [days] [out.heapprofile]
 *
 * The sampled total is stable from run to run (a count, unlike time on a shared machine).
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';

interface SampleNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SampleNode[];
}

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 7);
  const out = process.argv[3] ?? 'road-alloc.heapprofile';
  const scenario = await londonBaseline('road', days);
  const world = await buildWorld(scenario, nodeDataProvider());
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  // The two include flags are in the protocol, not yet in Node's types.
  const options = { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await session.post('HeapProfiler.startSampling', options as { samplingInterval: number });
  runScenario(scenario, world, { incidentLog: false });
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
  writeFileSync(out, JSON.stringify(profile));
  const bytes = new Map<string, number>();
  let total = 0;
  const walk = (node: SampleNode, caller: string): void => {
    const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.replace(/.*\//, '')}`;
    if (node.selfSize > 0) {
      total += node.selfSize;
      const key = `${name} <- ${caller}`;
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, name);
  };
  walk(profile.head, '');
  console.log(`allocated (sampled) ${(total / 1e6).toFixed(0)} MB; wrote ${out}`);
  for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`${(b / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
