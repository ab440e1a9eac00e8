/**
 * The live session's first frame on a cold world (issue 14 aim 4; the browser build's live ready):
 * a London baseline session opened from its warm-up snapshot, as a fresh sim worker opens it, its
 * first `snapshot()` (the first frame's state, trips left out) and the next (each moving unit's trip geometry), in wall and
 * CPU ms. `node scripts/node-run.mjs bench/live-first-frame-run.ts` then
 * `node out/node/bench/live-first-frame-run.js`; profile with --cpu-prof.
 * 2026-12-07 (load 8.6-9.3, 3 pairs against main 3609371): restore 296-302 ms CPU (main 409-454),
 * first snapshot 9-14 ms (main, with the trips: 143-153), the next with the trips 176-195 ms.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { londonBaseline } from './london-baseline';
import { nodeDataProvider } from '../src/node/data/provider';
import { buildWorld } from '../src/world';
import { createExerciseSession, saveExerciseSession } from '../src/sim/live/script';

function timed<T>(name: string, f: () => T): T {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const u = process.cpuUsage(c);
  console.log(`${name}: ${Math.round(performance.now() - t)} ms wall, ${Math.round((u.user + u.system) / 1000)} ms cpu`);
  return value;
}

async function main(): Promise<void> {
  const scenario = await londonBaseline('road', 7);
  const file = process.argv[2] ?? '/tmp/live-first-frame.snapshot';
  if (!existsSync(file)) {
    // Made in this process, read by the next: the session below is then opened by a cold process.
    const warm = createExerciseSession(scenario, await buildWorld(scenario, nodeDataProvider()));
    warm.advanceTo(0);
    writeFileSync(file, saveExerciseSession(warm)!);
    console.log(`wrote ${file}; run again for the figures`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const t = performance.now();
  const world = await buildWorld(scenario, nodeDataProvider());
  console.log(`world build: ${Math.round(performance.now() - t)} ms wall`);
  const session = timed('restore', () => createExerciseSession(scenario, world, { snapshot: text }));
  // As the sim worker answers them (src/host/live-worker.ts): the first frame without the moving
  // units' trips, then the frame the host asks for at once, with them.
  const first = timed('first snapshot (trips left out)', () => session.snapshot({ trips: false }));
  const withTrips = timed('next snapshot (the trips)', () => session.snapshot());
  console.log(`units ${first.units.length}, moving ${withTrips.units.filter((u) => u.trip).length}, coords ${withTrips.units.reduce((n, u) => n + (u.trip?.coords.length ?? 0), 0)}`);
  timed('third snapshot', () => session.snapshot());
}

void main();
