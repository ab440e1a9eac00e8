/**
 * The one report document (src/report): one scenario gives the reviewer's report, several the
 * comparison; both carry a static map of the areas with a legend that says which colour is better,
 * assumptions in words, how it was made (random numbers, warm-up, hashes, seeds, the command), and
 * nothing that loads from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { outlinesFromFeatures, reportDocumentHtml, type ReportDocument } from '../../../src/report';
import { divergingMap } from '../../../src/report/static-map';
import { combineReplications, replicationSeed, runScenario } from '../../../src/sim';
import type { Scenario } from '../../../src/shared/scenario';
import { buildWorld, noBuiltInData } from '../../../src/world';
import { parsed, quietInput, twoAreas } from '../../sim/fixtures/small';

async function runs(scenario: Scenario, n: number) {
  const world = await buildWorld(scenario, noBuiltInData);
  return Array.from({ length: n }, (_, r) => runScenario(scenario, world, { seed: replicationSeed(scenario.seed, r), days: 0.5 }).results);
}

function selfContained(html: string): void {
  expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
  expect(html).not.toMatch(/url\(|@import/i);
  expect(html).toContain("default-src 'none'");
  expect(html, 'no raw JSON').not.toMatch(/\{&quot;|\{"/);
}

describe('the report document', () => {
  const input = () => ({
    ...quietInput(),
    demand: { streams: [{ line: '999', callsPerDay: 120, gradeMix: { I: 0.5, S: 0.5 } }], points: [{ lon: -0.17, lat: 51.5 }, { lon: -0.08, lat: 51.5 }] },
    areas: { source: twoAreas(), groups: { NW: ['WEST'], NE: ['EAST'] } },
  });

  it('one scenario: map with legend, assumptions in words, how it was made', async () => {
    const scenario = parsed(input() as never);
    const rs = await runs(scenario, 3);
    const doc: ReportDocument = {
      scenarios: [{ file: 'two-areas.json', scenario, combined: combineReplications(rs), runs: rs }],
      command: 'npm run sim -- report two-areas.json --seed 1 --days 0.5 --replications 3 --out r.html',
      dataHashes: [],
      outlines: outlinesFromFeatures(twoAreas().features),
    };
    const html = reportDocumentHtml(doc);
    selfContained(html);
    expect(html).toMatch(/<svg[^>]*aria-label="Grade I incidents reached within target, by area"/);
    expect(html, 'legend names the best end').toContain('(darkest: best)');
    expect((html.match(/<path d="M/g) ?? []).length, 'one shape per area').toBe(2);
    expect(html).toContain('<h2>Assumptions</h2>');
    expect(html).toContain('<h2>How this was made</h2>');
    expect(html).toContain(`<td>scenario hash (sha256)</td><td>${rs[0]!.meta.scenarioHash}</td>`);
    expect(html).toContain(`<td>seeds</td><td>${rs.map((r) => r.meta.seed).join(', ')}</td>`);
    expect(html).toContain('<p><code>npm run sim -- report two-areas.json --seed 1 --days 0.5 --replications 3 --out r.html</code></p>');
    expect(html).toMatch(/sfc32[\s\S]*warm-up/);
    expect(html).toContain('only what the scenario files give');
    expect(reportDocumentHtml(doc), 'the same inputs give the same bytes').toBe(html);
  });

  it('a comparison: a diverging map per variant, its legend saying which colour is better', async () => {
    const base = parsed(input() as never);
    const variant = parsed({ ...input(), name: 'Reserve', dispatch: { reserve: { S: 1 } } } as never);
    const [a, b] = [await runs(base, 3), await runs(variant, 3)];
    const html = reportDocumentHtml({
      scenarios: [
        { file: 'base.json', scenario: base, combined: combineReplications(a), runs: a },
        { file: 'variant.json', scenario: variant, combined: combineReplications(b), runs: b },
      ],
      command: 'npm run sim -- compare base.json variant.json --seed 1 --days 0.5 --replications 3',
      dataHashes: [],
      outlines: outlinesFromFeatures(twoAreas().features),
    });
    selfContained(html);
    expect(html).toMatch(/<svg[^>]*aria-label="Variant 1 against the baseline: grade I within target, by borough"/);
    expect(html).toContain('better: more grade I incidents reached within target');
    expect(html).toContain('no detectable difference (the 95% interval of the difference includes zero)');
    expect(html).toContain('1 unit per BCU held back from grade S work');
    expect(html).toContain('the baseline and the variants see the same calls (common random numbers)');
  });

  it('diverging colours follow the verdict, not the sign', () => {
    const outlines = outlinesFromFeatures(twoAreas().features);
    const svg = divergingMap('t', outlines, new Map([
      ['WEST', { mean: 5, half: 1, verdict: 'better' as const }],
      ['EAST', { mean: -0.5, half: 2, verdict: 'no detectable difference' as const }],
    ]), 'points', 'more within target', 'c');
    expect(svg).toMatch(/fill="#08519c"[^>]*><title>WEST area: \+5,0 ± 1,0 points, better|fill="#08519c"[^>]*><title>WEST area: \+5\.0 ± 1\.0 points, better/);
    expect(svg).toMatch(/fill="#e0e0e0"[^>]*><title>EAST area: −0\.5 ± 2\.0 points, no detectable difference/);
  });
});
