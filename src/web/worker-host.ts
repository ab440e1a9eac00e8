/**
 * The browser sim worker's side of the page (./sim.worker.ts): the shared loop (src/host/loop.ts)
 * on the worker's scope, reading cancels from the page's cancel board when it sent one
 * (src/host/cancel-board.ts; ./web-spawn.ts sends it first, where the page can share memory), and
 * passing the page's shared data files (./shared-files.ts) to `inbox`.
 */
import { isCancelBoardMessage, readCancelBoard } from '../host/cancel-board';
import { createSimHost } from '../host/loop';
import type { Simulator } from '../host/simulator';
import type { HostDeps } from '../host/loop';
import type { FromWorker } from '../shared/protocol';
import { isSharedFileMessage, type SharedFileInbox } from './shared-files';
import { mark } from './timeline';

/** The part of the worker's global scope used here (the renderer's tsconfig has DOM types, not WebWorker). */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export function serveWebWorker<Scenario, World, Spec>(
  scope: WorkerScope,
  simulator: Simulator<Scenario, World, Spec>,
  inbox?: SharedFileInbox,
  warmSnapshot?: HostDeps<Scenario, World, Spec>['warmSnapshot'],
): void {
  let pollBoard: (() => number[]) | null = null;
  const host = createSimHost({
    simulator,
    post: (message) => {
      if (message.type === 'reply' && message.call === 'liveOpen') mark('live-open-reply:start');
      scope.postMessage(message);
      if (message.type === 'reply' && message.call === 'liveOpen') mark('live-open-reply:end');
    },
    pollCancelled: () => (pollBoard ? pollBoard() : []),
    ...(warmSnapshot ? { warmSnapshot } : {}),
  });
  scope.onmessage = (event) => {
    if (isCancelBoardMessage(event.data)) pollBoard = readCancelBoard(event.data.buffer);
    else if (isSharedFileMessage(event.data)) inbox?.receive(event.data);
    else void host.receive(event.data);
  };
}
