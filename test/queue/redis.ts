/**
 * A throwaway Redis for the queue tests: Debian's redis-server on a free loopback port, with no
 * persistence (`--save '' --appendonly no`), started and stopped by the test itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Empties every key (between tests). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Sends one inline command and resolves with the first reply line. */
function command(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write(`${text}\r\n`));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString('utf8').split('\r\n')[0]!);
    });
    socket.once('error', reject);
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; ; i++) {
    try {
      if ((await command(port, 'PING')) === '+PONG') break;
    } catch {
      if (i > 100) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    flush: async () => {
      await command(port, 'FLUSHALL');
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
