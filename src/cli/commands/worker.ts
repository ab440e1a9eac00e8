/**
 * `worker --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS]` (docs/SCALE-OUT.md): a
 * stateless worker for sweeps and optimiser runs sent through the queue. Runs until stopped
 * (Ctrl-C or SIGTERM finishes the runs in hand, then exits).
 */
import { wholeOption, parseArgs, type ParsedArgs } from '../args';
import { InputError } from '../errors';
import type { Command } from '../command';

const USAGE = 'worker --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS]';

/** The --queue option, checked (redis://HOST:PORT), or undefined. */
export function queueOption(p: ParsedArgs): string | undefined {
  const url = p.values.get('queue');
  if (url === undefined) return undefined;
  if (!/^redis:\/\/[^/\s]+/.test(url)) throw new InputError(`--queue: expected redis://HOST:PORT, got ${JSON.stringify(url)}`);
  return url;
}

export const command: Command = {
  usage: USAGE,
  summary: 'Start a queue worker: take sweep and optimiser runs from the Redis job queue and run them on this machine.',
  async run(args) {
    const p = parseArgs(args, { flags: [], values: ['queue', 'concurrency', 'lock-ms'] }, USAGE);
    if (p.positional.length > 0) throw new InputError(`worker: unexpected argument '${p.positional[0]}' (usage: ${USAGE})`);
    const url = queueOption(p);
    if (url === undefined) throw new InputError(`worker: --queue redis://HOST:PORT is required (usage: ${USAGE})`);
    const concurrency = wholeOption(p, 'concurrency', 1, 1024);
    const lockMs = wholeOption(p, 'lock-ms', 1000, 3_600_000);
    const { startQueueWorker } = await import('../../node/queue/worker');
    let worker;
    try {
      worker = await startQueueWorker(url, { ...(concurrency === undefined ? {} : { concurrency }), ...(lockMs === undefined ? {} : { lockMs }) });
    } catch (error) {
      throw new InputError(`worker: cannot reach the queue at ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let done = 0;
    worker.on('completed', () => done++);
    worker.on('failed', (job, error) => process.stderr.write(`worker: job ${job?.id ?? '?'} failed: ${error.message}\n`));
    worker.on('error', (error) => process.stderr.write(`worker: ${error.message}\n`));
    process.stderr.write(`worker: taking runs from ${url} (${worker.opts.concurrency} at a time)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write(`worker: stopping after the runs in hand (${done} done)\n`);
        void worker.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
