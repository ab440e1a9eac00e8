/**
 * Warm-up snapshots (issue 14 aim 4): a live session of the London baseline on roads opened warm,
 * as the sim worker opens it (src/host/loop.ts liveOpen): the 24 h warm-up run, its end saved, and
 * the same session opened from the snapshot instead. Each on a world just built (its travel
 * caches cold: a worker's first session) and again on the same world (caches warm: a reopen after a
 * change or an Undo). CPU milliseconds of this thread (the machine's load swings the wall time);
 * world builds not counted.
 */
import type { Report } from './run';
import { londonBaseline } from './london-baseline';
import { nodeDataProvider } from '../src/node/data/provider';
import { buildWorld } from '../src/world';
import { Simulation } from '../src/sim/model/simulation';
import { createExerciseSession, saveExerciseSession, type ExerciseSession } from '../src/sim/live/script';

function cpuMs<T>(f: () => T): { value: T; ms: number } {
  const c = process.cpuUsage();
  const value = f();
  const u = process.cpuUsage(c);
  return { value, ms: (u.user + u.system) / 1000 };
}

export default async function (report: Report): Promise<void> {
  const scenario = await londonBaseline('road', 1);
  const warmUp = (world: Awaited<ReturnType<typeof buildWorld>>) =>
    cpuMs(() => {
      const s = createExerciseSession(scenario, world);
      s.advanceTo(0);
      return s;
    });
  const cold = await buildWorld(scenario, nodeDataProvider());
  const first = warmUp(cold);
  report('warm-snapshot london road warm-up, cold world', first.ms, 'ms cpu');
  report('warm-snapshot london road warm-up, warm world', warmUp(cold).ms, 'ms cpu');
  const saved = cpuMs(() => saveExerciseSession(first.value)!);
  report('warm-snapshot save', saved.ms, 'ms cpu');
  report('warm-snapshot size', saved.value.length / 1e6, 'MB');
  const expected = JSON.stringify(first.value.snapshot());
  const restore = (world: Awaited<ReturnType<typeof buildWorld>>): number => {
    const r = cpuMs(() => createExerciseSession(scenario, world, { snapshot: saved.value }));
    const s: ExerciseSession = r.value;
    if (s.now !== 0 || JSON.stringify(s.snapshot()) !== expected) throw new Error('the restored session differs from the warmed one');
    return r.ms;
  };
  report('warm-snapshot restore, cold world', restore(await buildWorld(scenario, nodeDataProvider())), 'ms cpu');
  const again = [restore(cold), restore(cold), restore(cold)].sort((a, b) => a - b);
  report('warm-snapshot restore, warm world (median of 3)', again[1]!, 'ms cpu');
  report('warm-snapshot new Simulation alone (part of a restore)', cpuMs(() => new Simulation(scenario, cold)).ms, 'ms cpu');
}
