/** One line for a RunError, for messages on either host. */
import type { RunError } from '../shared/protocol';

export function describeRunError(error: RunError): string {
  switch (error.kind) {
    case 'invalid-scenario':
      return `invalid scenario: ${error.errors.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ')}`;
    case 'cancelled':
      return 'cancelled';
    case 'worker-crashed':
      return `sim worker crashed: ${error.message}`;
    case 'failed':
      return `simulation failed: ${error.message}`;
  }
}
