/**
 * The sim worker's simulator with performance marks (./timeline.ts) around what the first figures
 * wait for: the world built, each run, each live session opened. Otherwise the simulator as it is.
 */
import type { Simulator } from '../host/simulator';
import { marked, markedAsync } from './timeline';

export function markedSimulator<Scenario, World, Spec>(simulator: Simulator<Scenario, World, Spec>): Simulator<Scenario, World, Spec> {
  let runs = 0;
  return {
    ...simulator,
    buildWorld: (spec) => markedAsync('world-build', () => simulator.buildWorld(spec)),
    runReplication: (scenario, world, options) => marked(`run-${++runs}${options.days === undefined ? '' : `-${options.days}d`}`, () => simulator.runReplication(scenario, world, options)),
    openLive: (scenario, world, options) => marked('live-open', () => simulator.openLive(scenario, world, options)),
  };
}
