/**
 * What a replication runner is (./runner.ts opens one: the local pool or the job queue): its
 * request, its failure, and the interface. Types and one error class only, so the queue's modules
 * and the runner can both import them.
 */
import type { RunError } from '../../shared/protocol';
import type { Results } from '../../shared/results';

/** One replication of a scenario. */
export interface ReplicationRequest {
  /** raw scenario JSON (`extends` inlined); the runner validates it */
  readonly scenario: unknown;
  /** 0-based replication number */
  readonly replication: number;
  /** base seed; absent = the scenario's */
  readonly seed?: number;
  /** counted days, overriding the scenario's */
  readonly days?: number;
}

/** A run that ended without results: a scenario the simulator refuses, or a failure inside it. */
export class RunFailure extends Error {
  constructor(
    message: string,
    /** true when the scenario itself is at fault (running it again gives the same failure) */
    readonly scenarioFault: boolean,
  ) {
    super(message);
    this.name = 'RunFailure';
  }
}

export interface ReplicationRunner {
  /** Runs one replication; rejects with RunFailure when it ends without results. */
  run(request: ReplicationRequest, onProgress?: (fraction: number) => void): Promise<Results>;
  /** How many runs are worth keeping in flight at once. */
  readonly parallel: number;
  /** Where the runs go, for messages ("4 local workers", "queue redis://..."). */
  readonly where: string;
  close(): Promise<void>;
}

/** The message of a run error, for results files and the terminal. */
export function describeRunError(error: RunError): string {
  switch (error.kind) {
    case 'invalid-scenario':
      return error.errors.map((e) => `${e.path || '(scenario)'}: ${e.message}`).join('; ');
    case 'cancelled':
      return 'cancelled';
    case 'worker-crashed':
    case 'failed':
      return `${error.kind}: ${error.message}${error.crashReport ? ` (crash report: ${error.crashReport})` : ''}`;
  }
}

