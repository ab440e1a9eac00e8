/**
 * A run starts warm (issue 14): the search spaces every London run needs come from the space file
 * kept beside the graph (src/sim/roads/query/space-file.ts), so the week's run searches only the
 * rest. In a process of its own (warm-start-run.ts): searches the road week's run makes, and the
 * CPU seconds of its world build and its run (the searches are counted through a wrapper, which
 * slows the run a little: sim-baseline's run time is the figure to quote).
 */
import { runChild } from './child';
import type { Report } from './run';

export default async function (report: Report): Promise<void> {
  const r = JSON.parse(runChild(__dirname, __filename.endsWith('.js'), 'warm-start-run', ['7'])) as { worldCpuS: number; runCpuS: number; forward: number; backward: number; toTable: number };
  report('sim london baseline week, road: search-space searches in the run', r.forward + r.backward, 'searches');
  report('sim london baseline week, road: searches meeting a destination, keeping no space', r.toTable, 'searches');
  report('sim london baseline week, road: world build CPU (graph, snapping, kept spaces)', r.worldCpuS, 's');
  report('sim london baseline week, road: run CPU (searches counted)', r.runCpuS, 's');
}
