/**
 * `npm run bench`: runs every bench/*.bench.ts in name order and prints one figure per line,
 * `name: value unit`. Pass names to run only some: `npm run bench -- routing sim`.
 *
 * A bench file exports `default async function (report: Report): Promise<void>`. `npm run bench`
 * runs the bundle (scripts/node-run.mjs: out/node/bench/*.bench.js); `tsx bench/run.ts` the sources.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export type Report = (name: string, value: number, unit: string) => void;
type Bench = (report: Report) => Promise<void>;

const report: Report = (name, value, unit) => {
  const shown = Number.isInteger(value) ? String(value) : value.toPrecision(4);
  console.log(`${name}: ${shown} ${unit}`);
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => /\.bench\.[jt]s$/.test(f))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    // From the bundle a bench is CommonJS, whose `import()` gives its exports object as `default`.
    const mod = (await import(path.join(__dirname, file))) as { default: Bench | { default: Bench } };
    await (typeof mod.default === 'function' ? mod.default : mod.default.default)(report);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
