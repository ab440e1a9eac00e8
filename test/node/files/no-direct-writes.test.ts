/**
 * The lint rule that keeps every file write on the atomic writer (eslint.config.mjs): it must fire
 * for each way src/ could write a file in place, and stay quiet for the writer itself and for
 * reads and stream writes to stdout.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}:${m.ruleId}`);
}

describe('no direct file writes under src/', () => {
  it.each([
    ["import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/x', 'y');\n", 'src/main/probe.ts'],
    ["import { writeFile } from 'node:fs/promises';\nvoid writeFile('/tmp/x', 'y');\n", 'src/cli/probe.ts'],
    ["import { createWriteStream } from 'fs';\ncreateWriteStream('/tmp/x').end();\n", 'src/node/report/probe.ts'],
    ["import { openSync, writeSync } from 'node:fs';\nwriteSync(openSync('/tmp/x', 'w'), 'y');\n", 'src/node/probe.ts'],
  ])('refuses a direct write import: %s', async (code, file) => {
    expect(await problems(code, file)).toContain('1:no-restricted-imports');
  });

  it('refuses writes through a namespace import', async () => {
    const code = "import fs from 'node:fs';\nfs.writeFileSync('/tmp/x', 'y');\nfs.promises.appendFile('/tmp/x', 'y');\n";
    expect(await problems(code, 'src/main/probe.ts')).toEqual(['2:no-restricted-syntax', '3:no-restricted-syntax']);
  });

  it('allows reads, stdout and the writer itself', async () => {
    expect(await problems("import { readFileSync } from 'node:fs';\nprocess.stdout.write(readFileSync('/tmp/x', 'utf8'));\n", 'src/cli/probe.ts')).toEqual([]);
    expect(await problems("import { writeSync } from 'node:fs';\nwriteSync(1, 'x');\n", 'src/node/files/atomic-write.ts')).toEqual([]);
  });

  it('does not apply outside src/ (tests write fixtures freely)', async () => {
    expect(await problems("import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/x', 'y');\n", 'test/probe.test.ts')).toEqual([]);
  });
});
