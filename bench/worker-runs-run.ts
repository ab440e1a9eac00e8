/**
 * Replications the way a sim worker runs them, in a process of its own (bench/cold-start.bench.ts):
 *
 *   node out/node/bench/worker-runs-run.js <days> <runs> <variants>
 *
 * `variants` names the scenarios taken in turn, run r taking the (r mod length)-th, comma separated:
 * `base` (the London baseline), `reserve` (one unit per BCU kept from grade S: the compare bench's
 * variant, the same world), `congestion` (every hour's congestion 5 % higher: another world spec).
 * Runs go through the worker's own path (src/host/replication-worker.ts on the real simulator and
 * the Node data provider), so a world is kept or built as a worker would. Prints one JSON line per
 * run (and all of them on a last line): the scenario, the CPU seconds (user, this thread's work:
 * nothing else runs) and wall seconds of the call.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { readScenario } from '../src/node/scenario';
import { parseScenario, type Scenario } from '../src/shared/scenario';
import { realSimulator } from '../src/host/real-simulator';
import { ReplicationWorker } from '../src/host/replication-worker';

function variantOf(base: Scenario, name: string): Scenario {
  const raw: Record<string, unknown> =
    name === 'base'
      ? { ...base }
      : name === 'reserve'
        ? { ...base, dispatch: { ...base.dispatch, reserve: { ...base.dispatch.reserve, S: 1 } } }
        : name === 'congestion'
          ? { ...base, travel: { ...base.travel, congestionByHour: base.travel.congestionByHour?.map((c) => c * 1.05) } }
          : (() => {
              throw new Error(`unknown variant ${name}`);
            })();
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`variant ${name}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.scenario;
}

async function main(): Promise<void> {
  const [daysArg, runsArg, variantsArg = 'base'] = process.argv.slice(2);
  const days = Number(daysArg);
  const runs = Number(runsArg);
  if (!(days > 0) || !(runs >= 1)) throw new Error('usage: worker-runs-run.ts <days> <runs> <base|reserve|congestion,...>');
  const { scenario: base } = await readScenario('london');
  const scenarios = variantsArg.split(',').map((name) => ({ name, scenario: variantOf(base, name) }));
  const worker = new ReplicationWorker(realSimulator(nodeDataProvider()));
  const records: unknown[] = [];
  for (let run = 0; run < runs; run++) {
    const { name, scenario } = scenarios[run % scenarios.length]!;
    const cpu = process.cpuUsage();
    const t = performance.now();
    const reply = await worker.run(scenario, { replication: Math.floor(run / scenarios.length), days }, { isCancelled: () => false, onProgress: () => {} });
    const cpuS = process.cpuUsage(cpu).user / 1e6;
    const wallS = (performance.now() - t) / 1000;
    const record = { run, name, cpuS, wallS, events: reply.results.meta.events };
    records.push(record);
    console.log(JSON.stringify(record));
  }
  // All runs on one line, last (bench/cold-start.bench.ts reads it).
  console.log(JSON.stringify({ runs: records }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
