/**
 * A bench's child process (bench/*-run.ts), started beside the bench file: from source through tsx
 * when the benches run from source, the bundled `.js` when they run from the Node bundle
 * (scripts/node-bundle.mjs bundles every `bench/*-run.ts`). Returns the last line of its output.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function runChild(dir: string, bundled: boolean, name: string, args: readonly string[]): string {
  const runner = path.join(dir, `${name}.${bundled ? 'js' : 'ts'}`);
  const out = execFileSync(process.execPath, [...(bundled ? ['--enable-source-maps'] : ['--import', 'tsx']), runner, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return out.trim().split('\n').pop()!;
}
