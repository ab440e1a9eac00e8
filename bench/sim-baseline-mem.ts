/**
 * Where a long London baseline run keeps its memory, day by day (not part of `npm run bench`):
 *
 *   node --expose-gc --import tsx bench/sim-baseline-mem.ts <straight-line|road> <days> [every]
 *
 * Runs the baseline one simulated day at a time (incident log off, as sim-baseline-run.ts) and,
 * every `every` days (default 7), collects garbage and prints one line: the day, resident, heap
 * used, array buffers, and the sizes of the structures that may grow with the horizon (live calls,
 * waiting lists, event queue, route and search-space caches, trees). The structures are read
 * through private fields: a diagnostic, not an interface.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { Simulation } from '../src/sim/model/simulation';
import { writeHeapSnapshot } from 'node:v8';
import { buildWorld } from '../src/world';

type Loose = Record<string, unknown> & { [k: string]: Loose };

const MB = 1 / (1 << 20);

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with node --expose-gc');
  g();
  g();
}

/** Entries of a SpaceCache generation and the search-space entries they hold. */
function spaceEntries(gen: unknown[] | undefined): { spaces: number; ranks: number } {
  let spaces = 0;
  let ranks = 0;
  for (const s of gen ?? []) {
    if (s === undefined) continue;
    spaces++;
    ranks += (s as { ranks: ArrayLike<number> }).ranks.length;
  }
  return { spaces, ranks };
}

async function main(): Promise<void> {
  const [mode, daysArg, everyArg] = process.argv.slice(2);
  const days = Number(daysArg);
  const every = Number(everyArg ?? 7);
  /** Days after which to write a heap snapshot to /tmp (SNAP_AT=7,28). */
  const snapAt = (process.env.SNAP_AT ?? '').split(',').filter(Boolean).map(Number);
  if ((mode !== 'straight-line' && mode !== 'road') || !(days > 0)) throw new Error('usage: sim-baseline-mem.ts <straight-line|road> <days> [every]');
  const scenario = await londonBaseline(mode, days);
  const world = await buildWorld(scenario, nodeDataProvider());
  gc();
  const base = process.memoryUsage();
  console.log(JSON.stringify({ day: 'world', rssMB: base.rss * MB, heapMB: base.heapUsed * MB, buffersMB: base.arrayBuffers * MB }));
  const sim = new Simulation(scenario, world, { incidentLog: false });
  const cpu0 = process.cpuUsage();
  let lastCpu = 0;
  const report = (day: number | string): void => {
    const cpuS = process.cpuUsage(cpu0).user / 1e6;
    gc();
    const m = process.memoryUsage();
    const s = sim as unknown as Loose;
    const travel = s.travel;
    const roads = travel.roads as Loose | undefined;
    const out = roads?.outSpaces as Loose | undefined;
    const inn = roads?.inSpaces as Loose | undefined;
    const spaces = out
      ? {
          outYoung: spaceEntries(out.young as unknown as unknown[]),
          outOld: spaceEntries(out.old as unknown as unknown[]),
          inYoung: spaceEntries(inn!.young as unknown as unknown[]),
          inOld: spaceEntries(inn!.old as unknown as unknown[]),
        }
      : null;
    const ways = travel.ways as Loose | undefined;
    // Live calls by grade and state (CS), carried-over ones apart: what a backlog is made of.
    const live: Record<string, number> = {};
    for (const c of sim.calls.values()) {
      const k = `${'ISER'[c.grade]}${c.state}${c.carried ? 'c' : ''}`;
      live[k] = (live[k] ?? 0) + 1;
    }
    console.log(
      JSON.stringify({
        day,
        cpuS: +cpuS.toFixed(2),
        dayCpuS: +(cpuS - lastCpu).toFixed(2),
        events: sim.events,
        rssMB: Math.round(m.rss * MB),
        heapMB: Math.round(m.heapUsed * MB),
        buffersMB: Math.round(m.arrayBuffers * MB),
        calls: sim.calls.size,
        live,
        pending: (sim.pending as unknown as { size?: number }).size,
        nextCallId: sim.nextCallId,
        waiting: sim.waiting.map((w) => w.length),
        waitingHead: sim.waitingHead,
        queue: (s.core.queue as unknown as { size: number }).size,
        pointPlaces: sim.pointPlaces.length,
        waysCount: ways?.count,
        trees: roads ? (roads.trees as unknown as { size: number }).size : undefined,
        spaces,
      }),
    );
    lastCpu = cpuS;
  };
  /**
   * At the last counted day (DISSECT=1): what each structure holds, by dropping it and collecting
   * garbage (heap and array-buffer bytes freed). Destroys the run; the probe stops there.
   */
  const dissect = (): void => {
    const s = sim as unknown as Loose;
    const roads = s.travel.roads as Loose | undefined;
    const steps: [string, () => void][] = [
      ['collector samples', () => {
        const c = s.collector as unknown as { waits: unknown[]; responses: unknown[] };
        c.waits.length = 0;
        c.responses.length = 0;
      }],
      ['pending queue + live calls', () => {
        (s.pending as unknown as { byGrade: unknown[][] }).byGrade.forEach((l) => (l.length = 0));
        for (const call of [...sim.calls.values()]) sim.calls.delete(call.id);
      }],
      ['route cache (ways)', () => {
        (s.travel.ways as unknown as { clear(): void }).clear();
      }],
      ['search spaces (out, in)', () => {
        for (const k of ['outSpaces', 'inSpaces']) {
          const c = roads?.[k] as unknown as { young: unknown[]; old: unknown[] } | undefined;
          c?.young.fill(undefined);
          c?.old.fill(undefined);
        }
      }],
    ];
    gc();
    let m = process.memoryUsage();
    for (const [name, drop] of steps) {
      drop();
      gc();
      const n = process.memoryUsage();
      console.log(JSON.stringify({ dropped: name, heapMB: +((m.heapUsed - n.heapUsed) * MB).toFixed(1), buffersMB: +((m.arrayBuffers - n.arrayBuffers) * MB).toFixed(1) }));
      m = n;
    }
    console.log(JSON.stringify({ left: true, heapMB: Math.round(m.heapUsed * MB), buffersMB: Math.round(m.arrayBuffers * MB), rssMB: Math.round(m.rss * MB) }));
  };
  for (let d = 1; d <= days; d++) {
    sim.runUntil(d * 86400);
    if (d % every === 0 || d === days) report(d);
    if (snapAt.includes(d)) console.log(JSON.stringify({ snapshot: writeHeapSnapshot(`/tmp/yr-day${d}.heapsnapshot`) }));
  }
  if (process.env.DISSECT === '1') {
    dissect();
    return;
  }
  while (sim.step());
  report('end');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
