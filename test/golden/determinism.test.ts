import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiveSession } from '../../src/sim';
import { buildWorld, noBuiltInData } from '../../src/world';
import { parsed, smallInput } from '../sim/fixtures/small';
import { goldenResultsJson } from './run-small';

function inWorker(): Promise<string> {
  return new Promise((resolve, reject) => {
    // tsx's CommonJS hook, then the TypeScript entry (as src/node/pool does for .ts entries).
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, 'worker.ts'))});\n`;
    const w = new Worker(boot, { eval: true });
    w.once('message', (json: string) => {
      resolve(json);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

describe('determinism', () => {
  it('the same scenario and seed give byte-identical results in-process, again, and in a worker thread', async () => {
    const first = await goldenResultsJson();
    expect(await goldenResultsJson(), 'run twice in one process').toBe(first);
    expect(await inWorker(), 'run in a worker_threads worker').toBe(first);
  });

  it('golden: the small scenario\'s results are pinned (change only on purpose, saying why in the commit)', async () => {
    const results = JSON.parse(await goldenResultsJson());
    const kpis = {
      meta: results.meta,
      calls: results.calls,
      grades: results.grades,
      meanUtilisationPct: results.units.meanUtilisationPct,
      firstUnits: results.units.byUnit.slice(0, 3),
      firstHours: results.hourly.slice(0, 3),
    };
    await expect(JSON.stringify(kpis, null, 2) + '\n').toMatchFileSnapshot('small.kpis.json');
  });

  it('golden: the first events of the small scenario are pinned', async () => {
    const scenario = parsed(smallInput());
    const session = createLiveSession(scenario, await buildWorld(scenario, noBuiltInData));
    const events: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = session.step()!;
      events.push(`${r.tS.toFixed(3)} ${r.event}${r.incident !== null ? ` incident=${r.incident}` : ''}${r.unit !== null ? ` unit=${r.unit}` : ''}`);
    }
    await expect(events.join('\n') + '\n').toMatchFileSnapshot('small.events.txt');
  });
});
