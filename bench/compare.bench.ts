/**
 * A London week compared (issue 16, aim 5): the built-in London baseline (road travel) against a
 * variant holding one unit per BCU back from grade S work, 7 counted days, 10 replications each
 * with common random numbers, on two sim worker threads, through the command line's comparison
 * path (src/cli/compare-runs.ts). Timed from the first replication handed out to both combined;
 * workers start and build their worlds inside the timing (as a user's `compare` does). Also the
 * CPU seconds of all the process's threads over the same span.
 */
import type { Report } from './run';
import { runComparison } from '../src/cli/compare-runs';
import { readScenario } from '../src/node/scenario';
import { parseScenario } from '../src/shared/scenario';

const REPLICATIONS = 10;
const WORKERS = 2;

export default async function (report: Report): Promise<void> {
  const base = await readScenario('london');
  const parsed = parseScenario({ ...base.scenario, name: `${base.scenario.name}, 1 unit per BCU kept from S`, dispatch: { ...base.scenario.dispatch, reserve: { ...base.scenario.dispatch.reserve, S: 1 } } });
  if (!parsed.ok) throw new Error(`compare bench: variant invalid: ${JSON.stringify(parsed.errors)}`);
  const variant = { file: 'london (variant)', scenario: parsed.scenario };
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await runComparison([base, variant], { plan: { replications: REPLICATIONS }, seed: base.scenario.seed, days: 7, keepLog: false, progress: { update: () => {}, done: () => {} }, workers: WORKERS });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  if (result.sides[0]!.runs.length !== REPLICATIONS) throw new Error('compare bench: replications missing');
  report(`compare London week, baseline and 1 variant, ${REPLICATIONS} replications each, ${WORKERS} workers`, seconds, 's');
  // CPU of every thread of the process (workers included): on a busy machine the figure that compares.
  report(`compare London week, baseline and 1 variant, ${REPLICATIONS} replications each, ${WORKERS} workers: CPU`, (used.user + used.system) / 1e6, 's');
}
