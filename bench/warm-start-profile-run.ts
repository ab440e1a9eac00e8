/**
 * The London baseline road week's run alone under the CPU profiler (the world built first, not
 * profiled), for finding where the run's time goes (issue 14):
 *
 *   node out/node/bench/warm-start-profile-run.js <out.cpuprofile> [days] [repeats]
 *
 * (bundled by `node scripts/node-bundle.mjs`; under tsx every imported binding is a getter, which
 * the bundle does not have.) Prints one JSON line per run: run CPU seconds and events. With
 * `repeats` > 1 the run is made again on the same world, and only the last is profiled.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';

async function main(): Promise<void> {
  const [outFile, daysArg, repeatsArg] = process.argv.slice(2);
  if (!outFile) throw new Error('usage: warm-start-profile-run.js <out.cpuprofile> [days] [repeats]');
  const days = Number(daysArg ?? 7);
  const repeats = Number(repeatsArg ?? 1);
  const scenario = await londonBaseline('road', days);
  const world = await buildWorld(scenario, nodeDataProvider());
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  for (let r = 0; r < repeats; r++) {
    const last = r === repeats - 1;
    if (last) await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const { results } = runScenario(scenario, world, { incidentLog: false });
    const used = process.cpuUsage(cpu);
    if (last) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(outFile, JSON.stringify(profile));
    }
    console.log(JSON.stringify({ runCpuS: (used.user + used.system) / 1e6, events: results.meta.events }));
  }
  session.disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
