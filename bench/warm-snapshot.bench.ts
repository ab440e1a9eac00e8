/**
 * Warm-up snapshots (issue 14 aim 4): a live session of the London baseline on roads opened warm,
 * in the sim worker's way (src/host/loop.ts liveOpen): the 24 h warm-up run once, its end saved,
 * then the same session opened from the snapshot (as a reopen after a change or an Undo does).
 * Wall and CPU milliseconds on this thread; the world is built first and not counted.
 */
import type { Report } from './run';
import { londonBaseline } from './london-baseline';
import { nodeDataProvider } from '../src/node/data/provider';
import { buildWorld } from '../src/world';
import { createExerciseSession, saveExerciseSession } from '../src/sim/live/script';

function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, ms, cpuMs: (u.user + u.system) / 1000 };
}

export default async function (report: Report): Promise<void> {
  const scenario = await londonBaseline('road', 1);
  const world = await buildWorld(scenario, nodeDataProvider());
  const warm = timed(() => {
    const s = createExerciseSession(scenario, world);
    s.advanceTo(0);
    return s;
  });
  report('warm-snapshot london road warm-up', warm.ms, 'ms');
  report('warm-snapshot london road warm-up cpu', warm.cpuMs, 'ms');
  const saved = timed(() => saveExerciseSession(warm.value)!);
  report('warm-snapshot save', saved.ms, 'ms');
  report('warm-snapshot size', saved.value.length / 1e6, 'MB');
  const restores: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const r = timed(() => createExerciseSession(scenario, world, { snapshot: saved.value }));
    if (r.value.now !== 0 || JSON.stringify(r.value.snapshot()) !== JSON.stringify(warm.value.snapshot())) throw new Error('restored session differs from the warmed one');
    restores.push(r);
  }
  report('warm-snapshot restore first', restores[0]!.ms, 'ms');
  const sorted = restores.map((r) => r.ms).sort((a, b) => a - b);
  report('warm-snapshot restore median', sorted[1]!, 'ms');
  report('warm-snapshot restore median cpu', restores.map((r) => r.cpuMs).sort((a, b) => a - b)[1]!, 'ms');
}
