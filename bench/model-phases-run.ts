/**
 * Where in simulated time a cold run's optimised code is thrown away (issue 14, aim 3): the London
 * baseline week with straight-line travel (or the synthetic week, or the small system), printing
 * `@ <simulated hour>` to stdout every 4,096 events, for running under V8's tracing:
 *
 *   node --trace-deopt out/node/bench/model-phases-run.js [baseline-sl|synthetic|small] | grep -E '^@|bailout'
 *
 * so that each deopt shows after the hour it happened in (both go to stdout, in order).
 */
import { parseScenario, type Scenario } from '../src/shared/scenario';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { syntheticLondon } from './sim-london';
import { smallSystem } from './sim-small.bench';
import { runScenario } from '../src/sim';
import { buildWorld, noBuiltInData } from '../src/world';

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'baseline-sl';
  let scenario: Scenario;
  if (which === 'baseline-sl') scenario = await londonBaseline('straight-line', 7);
  else {
    const parsed = parseScenario(which === 'small' ? smallSystem(60) : syntheticLondon(7));
    if (!parsed.ok) throw new Error('scenario invalid');
    scenario = parsed.scenario;
  }
  const world = await buildWorld(scenario, which === 'baseline-sl' ? nodeDataProvider() : noBuiltInData);
  const span = scenario.days * 24 + scenario.warmupHours;
  const { results } = runScenario(scenario, world, {
    incidentLog: false,
    onProgress: (f) => console.log(`@ ${(f * span - scenario.warmupHours).toFixed(1)} h ${(process.cpuUsage().user / 1000).toFixed(0)} ms`),
  });
  console.log(`events ${results.meta.events}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
