/**
 * The model's speed in CPU seconds (issue 14, aim 3), in a process of its own, for comparing two
 * builds on a shared machine whose wall clock is noisy:
 *
 *   node out/node/bench/model-cpu-run.js <synthetic|small|baseline-sl> [runs]
 *
 * synthetic: the synthetic London week of sim.bench.ts (warm: one short run first); small: the
 * small system of sim-small.bench.ts, 60 days (warm: 7 days first); baseline-sl: the London
 * baseline week with straight-line travel, cold (the first run of the process, as
 * sim-baseline.bench.ts times it), then `runs - 1` warm ones. Prints one JSON line per run: CPU
 * seconds of the run (results built; mainS: the main thread's alone, user + system, in 10 ms ticks), events, calls, events and calls per CPU second.
 */
import { parseScenario, type Scenario } from '../src/shared/scenario';
import { runScenario } from '../src/sim';
import { Simulation } from '../src/sim/model/simulation';
import { buildResults } from '../src/sim/metrics/results';
import type { SimWorld } from '../src/sim/world';
import { buildWorld, noBuiltInData } from '../src/world';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { syntheticLondon } from './sim-london';
import { smallSystem } from './sim-small.bench';
import { Session } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';

/** $PROFILE_RUN=n: the n-th timed run (1 first) is profiled into $PROFILE_OUT (a .cpuprofile), at $PROFILE_US microseconds. */
const profileRun = Number(process.env.PROFILE_RUN ?? 0);
let runNumber = 0;
const session = profileRun > 0 ? new Session() : null;
function post(method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
}

/** CPU seconds (user + system) of the main thread alone (Linux): the engine's compiler and GC helper threads left out. */
function mainThreadS(): number {
  const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

function parsed(input: unknown): Scenario {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(`invalid scenario: ${JSON.stringify(p.errors.slice(0, 3))}`);
  return p.scenario;
}

async function timed(scenario: Scenario, world: SimWorld, label: string): Promise<void> {
  const profiled = ++runNumber === profileRun;
  if (profiled) {
    session!.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_US ?? 100) });
    await post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const main0 = mainThreadS();
  const t = performance.now();
  // $TRACE: CPU ms at each tenth of the run's simulated time (progress is reported every 4,096 events).
  const marks: number[] = [];
  let first = -1;
  const onProgress = process.env.TRACE
    ? (f: number): void => {
        if (first < 0) first = Math.round(process.cpuUsage(cpu).user / 1000);
        while (marks.length < Math.floor(f * 10)) marks.push(Math.round(process.cpuUsage(cpu).user / 1000));
      }
    : undefined;
  const { results } = runScenario(scenario, world, { incidentLog: false, ...(onProgress ? { onProgress } : {}) });
  const wallS = (performance.now() - t) / 1000;
  const c = process.cpuUsage(cpu);
  const mainS = mainThreadS() - main0;
  if (profiled) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(process.env.PROFILE_OUT ?? 'run.cpuprofile', JSON.stringify(profile));
  }
  const cpuS = c.user / 1e6;
  const events = results.meta.events;
  const calls = results.calls.offered;
  if (marks.length > 0) console.log('  cpu ms after 4,096 events:', first, 'at tenths:', marks.join(' '));
  console.log(JSON.stringify({ label, cpuS, mainS, sysS: c.system / 1e6, wallS, events, calls, eventsPerCpuS: Math.round(events / cpuS), callsPerCpuS: Math.round(calls / cpuS) }));
}

async function main(): Promise<void> {
  const [which, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 1);
  if (which === 'synthetic') {
    const scenario = parsed(syntheticLondon(7));
    const world = await buildWorld(scenario, noBuiltInData);
    runScenario(scenario, world, { days: 1, incidentLog: false });
    for (let i = 0; i < runs; i++) await timed(scenario, world, 'synthetic week (warm)');
  } else if (which === 'small') {
    const scenario = parsed(smallSystem(60));
    const world = await buildWorld(scenario, noBuiltInData);
    runScenario(scenario, world, { days: 7, incidentLog: false });
    for (let i = 0; i < runs; i++) await timed(scenario, world, 'small system 60 days (warm)');
  } else if (which === 'baseline-sl') {
    const scenario = await londonBaseline('straight-line', Number(process.env.DAYS ?? 7));
    const world = await buildWorld(scenario, nodeDataProvider());
    // $PREWARM=d: first a run of d days with an hour of warm-up, untimed (what a cold process pays to tier up).
    const prewarm = Number(process.env.PREWARM ?? 0);
    if (prewarm > 0) runScenario({ ...scenario, warmupHours: 1 }, world, { days: prewarm, incidentLog: false });
    for (let i = 0; i < runs; i++) await timed(scenario, world, i === 0 ? 'baseline straight-line week (cold)' : 'baseline straight-line week (warm)');
  } else if (which === 'setup-sl') {
    // The cold cost of setting a run up (the simulation's constructor) and of the results, apart.
    const scenario = await londonBaseline('straight-line', Number(process.env.DAYS ?? 7));
    const world = await buildWorld(scenario, nodeDataProvider());
    let cpu = process.cpuUsage();
    const sim = new Simulation(scenario, world, { incidentLog: false });
    const ctorS = process.cpuUsage(cpu).user / 1e6;
    sim.recycleCalls();
    cpu = process.cpuUsage();
    const main0 = mainThreadS();
    while (sim.step()) {
      // every event
    }
    const eventsS = process.cpuUsage(cpu).user / 1e6;
    const eventsMainThreadS = mainThreadS() - main0;
    cpu = process.cpuUsage();
    buildResults(sim, { wallMs: 0 });
    const resultsS = process.cpuUsage(cpu).user / 1e6;
    console.log(JSON.stringify({ label: 'baseline straight-line week, cold, in parts', ctorS, eventsS, eventsMainThreadS, resultsS, events: sim.events }));
  } else {
    throw new Error('usage: model-cpu-run.ts <synthetic|small|baseline-sl> [runs]');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
