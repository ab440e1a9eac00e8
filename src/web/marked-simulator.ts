/**
 * The sim worker's simulator with performance marks (./timeline.ts) around what the first figures
 * wait for: the world built, each run, each live session opened and its first frame's state taken.
 * Otherwise the simulator as it is.
 */
import type { LiveHandle, Simulator } from '../host/simulator';
import { marked, markedAsync } from './timeline';

export function markedSimulator<Scenario, World, Spec>(simulator: Simulator<Scenario, World, Spec>): Simulator<Scenario, World, Spec> {
  let runs = 0;
  return {
    ...simulator,
    buildWorld: (spec) => markedAsync('world-build', () => simulator.buildWorld(spec)),
    runReplication: (scenario, world, options) => marked(`run-${++runs}${options.days === undefined ? '' : `-${options.days}d`}`, () => simulator.runReplication(scenario, world, options)),
    openLive: (scenario, world, options) => firstSnapshotMarked(marked('live-open', () => simulator.openLive(scenario, world, options))),
  };
}

/** `handle`, its first `snapshot()` (the session's first frame) marked `live-first-snapshot`. */
function firstSnapshotMarked(handle: LiveHandle): LiveHandle {
  const snapshot = handle.snapshot.bind(handle);
  handle.snapshot = (options) => {
    handle.snapshot = snapshot;
    return marked('live-first-snapshot', () => snapshot(options));
  };
  return handle;
}
