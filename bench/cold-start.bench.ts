/**
 * What a run on roads pays before it is warm (issue 14 aims 1, 2 and 5), each case in a process of
 * its own (cold-run.ts, worker-runs-run.ts): a London day on roads
 * - in a fresh process (world build, then the run: its first half simulated day, the warm-up's,
 *   and the whole), then again on the same world (what a worker's next replication pays), then
 *   on a world built afresh for another seed in the same process (a new world spec on one graph);
 * - through a worker's own path, the baseline and a variant of another world spec (5 % more
 *   congestion) in turn, as a comparison hands them to each worker: CPU per run once warm.
 * CPU seconds (user): the figure that compares on a busy machine; wall seconds beside them.
 */
import { runChild } from './child';
import type { Report } from './run';

interface ColdRun {
  worldS: number;
  worldCpuS: number;
  runS: number;
  cpuS: number;
  /** CPU ms since the run's start at each half simulated day. */
  marks: number[];
}

interface WorkerRun {
  name: string;
  cpuS: number;
  wallS: number;
}

const bundled = __filename.endsWith('.js');

function runs<T>(name: string, args: readonly string[]): T[] {
  return (JSON.parse(runChild(__dirname, bundled, name, args)) as { runs: T[] }).runs;
}

export default async function (report: Report): Promise<void> {
  const [first, again] = runs<ColdRun>('cold-run', ['1', '2', 'same']);
  const [, fresh] = runs<ColdRun>('cold-run', ['1', '2', 'fresh']);
  report('cold London day on roads, fresh process: world build CPU', first!.worldCpuS, 's');
  report('cold London day on roads, fresh process: run CPU', first!.cpuS, 's');
  report('cold London day on roads, fresh process: first half day CPU', first!.marks[0]! / 1000, 's');
  report('cold London day on roads, fresh process: run', first!.runS, 's');
  report('cold London day on roads, next run on the same world: run CPU', again!.cpuS, 's');
  report('cold London day on roads, next run on the same world: first half day CPU', again!.marks[0]! / 1000, 's');
  report('cold London day on roads, a new world on the same graph: world build CPU', fresh!.worldCpuS, 's');
  report('cold London day on roads, a new world on the same graph: run CPU', fresh!.cpuS, 's');
  report('cold London day on roads, a new world on the same graph: first half day CPU', fresh!.marks[0]! / 1000, 's');

  // Baseline and congestion variant in turn, 3 each: the last two of each are warm.
  const turns = runs<WorkerRun>('worker-runs-run', ['1', '6', 'base,congestion']);
  const warm = turns.slice(2);
  report('cold London day on roads, worker given baseline and another world spec in turn: CPU per run once warm', warm.reduce((a, r) => a + r.cpuS, 0) / warm.length, 's');
}
