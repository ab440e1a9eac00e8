/**
 * The sensitivity table of docs/CALIBRATION.md: the London baseline with demand at 0.8, 0.9, 1.1,
 * 1.2 and 1.3 times and units at 0.8, 0.9 and 1.1 times, each run with replications through the
 * command line (`run --json`), printed as a Markdown table: I and S within target and their mean
 * response times, each with its 95 % half-width, and unit utilisation.
 *
 *   npx tsx scripts/sensitivity.ts [--days 7] [--replications 5] [--base FILE] [--out DIR]
 *
 * Scenario files of the variants are written to DIR (default a temporary folder), one per row.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baselineFile, readScenario, scaleDemand, scaleFleet } from './strain-variants';

interface Grade {
  withinTargetPct: number;
  meanResponseS: number;
  ci95?: { withinTargetPct: number; meanResponseS: number };
}
interface Results {
  grades: { I: Grade; S: Grade };
  units: { meanUtilisationPct: number };
}

export const VARIANTS: readonly { label: string; demand: number; units: number }[] = [
  { label: 'baseline', demand: 1, units: 1 },
  ...[0.8, 0.9, 1.1, 1.2, 1.3].map((d) => ({ label: `demand x ${d}`, demand: d, units: 1 })),
  ...[0.8, 0.9, 1.1].map((u) => ({ label: `units x ${u}`, demand: 1, units: u })),
];

function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : fallback;
}

const pm = (v: number, ci: number | undefined, digits: number): string => `${v.toFixed(digits)} ± ${(ci ?? 0).toFixed(digits)}`;
const minutes = (g: Grade): string => pm(g.meanResponseS / 60, g.ci95 ? g.ci95.meanResponseS / 60 : undefined, 1);

function main(argv: readonly string[]): void {
  const days = option(argv, '--days', '7');
  const reps = option(argv, '--replications', '5');
  const base = path.resolve(option(argv, '--base', baselineFile()));
  const out = path.resolve(option(argv, '--out', mkdtempSync(path.join(os.tmpdir(), 'sensitivity-'))));
  mkdirSync(out, { recursive: true });
  const scenario = readScenario(base);
  const cli = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  console.log(`Base ${path.basename(base)}, ${days} days x ${reps} replications; ± is the 95 % half-width across replications.\n`);
  console.log('| Variant | I within 15 min % | Mean I (min) | S within 60 min % | Mean S (min) | Utilisation % |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const v of VARIANTS) {
    const file = path.join(out, `${v.label.replace(/[^a-z0-9.]+/gi, '-')}.json`);
    const variant = { ...scenario, demand: { ...scenario.demand, streams: scaleDemand(scenario.demand.streams, v.demand) }, fleet: scaleFleet(scenario.fleet, v.units) };
    writeFileSync(file, JSON.stringify(variant));
    const text = execFileSync(tsx, [cli, 'run', file, '--days', days, '--replications', reps, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const r = JSON.parse(text) as Results;
    const { I, S } = r.grades;
    console.log(
      `| ${v.label} | ${pm(I.withinTargetPct, I.ci95?.withinTargetPct, 1)} | ${minutes(I)} | ${pm(S.withinTargetPct, S.ci95?.withinTargetPct, 1)} | ${minutes(S)} | ${r.units.meanUtilisationPct.toFixed(1)} |`,
    );
  }
}

if (require.main === module) main(process.argv.slice(2));
