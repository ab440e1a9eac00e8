/** Which file a pool's worker thread starts (src/node/pool/entry.ts). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNING_BUNDLED, workerEntry } from '../../../src/node/pool/entry';

const root = path.resolve('/checkout');
const twin = path.join(root, 'out', 'node', 'src', 'node', 'sim-worker.js');
const source = path.join(root, 'src', 'node', 'sim-worker.ts');

describe('workerEntry', () => {
  it('from source (as under vitest): a .ts entry goes through tsx, a .js entry as it is', () => {
    expect(RUNNING_BUNDLED).toBe(false);
    expect(workerEntry(source)).toEqual({ file: source, tsx: true });
    expect(workerEntry('/app/out/main/sim-worker.js')).toEqual({ file: '/app/out/main/sim-worker.js', tsx: false });
  });

  it('from the bundle: a .ts entry of the checkout becomes its bundled twin', () => {
    const context = { bundled: true, root, exists: (f: string) => f === twin };
    expect(workerEntry(source, context)).toEqual({ file: twin, tsx: false });
  });

  it('from the bundle: an entry without a twin, or outside the checkout, still goes through tsx', () => {
    const context = { bundled: true, root, exists: () => false };
    expect(workerEntry(source, context)).toEqual({ file: source, tsx: true });
    const outside = path.resolve('/elsewhere/worker.ts');
    expect(workerEntry(outside, { bundled: true, root, exists: () => true })).toEqual({ file: outside, tsx: true });
  });

  it('not bundled: a twin that exists is not used', () => {
    expect(workerEntry(source, { bundled: false, root, exists: () => true })).toEqual({ file: source, tsx: true });
  });
});
