/**
 * Where the model allocates (issue 14, aim 3): heap sampling over one run of the London baseline
 * week with straight-line travel, or the synthetic week, objects the GC has collected included, so
 * the profile counts every allocation sampled. `warm` runs the scenario once unsampled first, so
 * that what is left is the optimised code's allocation, not the interpreter's.
 *
 *   node out/node/bench/model-alloc-run.js <baseline-sl|synthetic> [cold|warm] [interval bytes]
 *
 * Prints the sampled megabytes by allocating function and caller (a count: stable from run to run).
 */
import { Session } from 'node:inspector/promises';
import { parseScenario } from '../src/shared/scenario';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { syntheticLondon } from './sim-london';
import { runScenario } from '../src/sim';
import { buildWorld, noBuiltInData } from '../src/world';

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

async function main(): Promise<void> {
  const [which = 'baseline-sl', temper = 'cold', intervalArg = '4096'] = process.argv.slice(2);
  let scenario;
  let world;
  if (which === 'synthetic') {
    const parsed = parseScenario(syntheticLondon(7));
    if (!parsed.ok) throw new Error('synthetic scenario invalid');
    scenario = parsed.scenario;
    world = await buildWorld(scenario, noBuiltInData);
  } else {
    scenario = await londonBaseline('straight-line', 7);
    world = await buildWorld(scenario, nodeDataProvider());
  }
  if (temper === 'warm') runScenario(scenario, world, { incidentLog: false });
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const options = { samplingInterval: Number(intervalArg), includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await session.post('HeapProfiler.startSampling', options as { samplingInterval: number });
  const { results } = runScenario(scenario, world, { incidentLog: false });
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
  const bytes = new Map<string, number>();
  let total = 0;
  const walk = (node: SampleNode, caller: string): void => {
    const name = `${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber + 1}`;
    if (node.selfSize > 0) {
      total += node.selfSize;
      const key = `${name} <- ${caller}`;
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, name);
  };
  walk(profile.head, '');
  console.log(`${which} ${temper}: ${results.meta.events} events; allocated (sampled) ${(total / 1e6).toFixed(1)} MB, ${(total / results.meta.events).toFixed(0)} bytes per event`);
  for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.TOP ?? 30))) console.log(`${(b / 1e6).toFixed(2).padStart(7)} MB  ${key}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
