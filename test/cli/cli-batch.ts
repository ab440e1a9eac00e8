/**
 * Runs many command lines in one process, as `response-sim` runs each (the same `cli` entry: its
 * error handling, exit codes and output), so that a corpus of hundreds of commands does not pay
 * a process start each. Usage: `tsx test/cli/cli-batch.ts <commands.json>` where the file holds
 * `string[][]`; prints `[{ code, stdout, stderr }]` as one JSON line on the real standard output.
 */
import { readFileSync } from 'node:fs';
import { cli } from '../../src/cli/main';

async function main(): Promise<void> {
  const commands = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
  const realOut = process.stdout.write.bind(process.stdout);
  process.stdout.setMaxListeners(0);
  const results: { code: number; stdout: string; stderr: string }[] = [];
  for (const argv of commands) {
    let stdout = '';
    let stderr = '';
    process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
    process.exitCode = 0;
    await cli(argv);
    results.push({ code: Number(process.exitCode ?? 0), stdout, stderr });
  }
  process.exitCode = 0;
  realOut(JSON.stringify(results) + '\n');
}

void main();
