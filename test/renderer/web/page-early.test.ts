/**
 * The page's first data (src/web/page-early.ts) and the entry's API (src/web/deferred-api.ts): a
 * run the prebuilt figures answer is answered as soon as they are fetched, without waiting for the
 * host chunk, and the host hears of it (to check them, and so warm its first worker); anything
 * else goes to the host. The shared files' fetches wait for the prebuilt figures.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, RunOutcome } from '../../../src/shared/protocol';
import { canonicalJson } from '../../../src/shared/scenario/canonical';
import { deferredApi } from '../../../src/web/deferred-api';
import { pageEarly } from '../../../src/web/page-early';
import { Prebuilt } from '../../../src/web/prebuilt';
import type { PrebuiltLoad } from '../../../src/web/prebuilt-fetch';
import { fakeResults } from '../../host/fakes';

const SCENARIO = { name: 'baseline', steps: 3 };
const OUTCOME: RunOutcome = { ok: true, results: fakeResults(100, 7), replications: 1, wallMs: 900 };

function prebuilt(): Prebuilt {
  return Prebuilt.from({ format: 'response-sim-prebuilt/1', sim: 'fake-1', scenario: canonicalJson(SCENARIO), runs: [{ days: 1, outcome: OUTCOME }] }, 'fake-1')!;
}

function early(ready: Promise<Prebuilt | null>, preloaded = true) {
  const after: Promise<void>[] = [];
  const page = pageEarly({
    base: 'https://example.org/data/',
    preloaded: () => preloaded,
    fetchPrebuilt: (): PrebuiltLoad => ({ ready, live: ready }),
    fetchSharedFiles: (_base, wait) => (after.push(wait), null),
  });
  return { page, after };
}

describe("the page's first data", () => {
  it('answers a run of the prebuilt figures once they are fetched, and tells the host of it, before or after it listens', async () => {
    let arrive!: (p: Prebuilt) => void;
    const { page, after } = early(new Promise((resolve) => (arrive = resolve)));
    let sharedStarted = false;
    void after[0]!.then(() => (sharedStarted = true));
    const progress = vi.fn();
    const answer = page.run({ jobId: 'a', scenario: { steps: 3, name: 'baseline' }, days: 1 }, progress);
    await Promise.resolve();
    expect(sharedStarted, 'the shared files wait for the first figures').toBe(false);
    arrive(prebuilt());
    const outcome = await answer;
    expect(outcome?.ok && outcome.results).toEqual(OUTCOME.ok && OUTCOME.results);
    expect(progress).toHaveBeenCalledWith({ jobId: 'a', fraction: 1, replicationsDone: 1, replications: 1 });
    expect(sharedStarted).toBe(true);
    const heard: unknown[] = [];
    page.onUsed((scenario) => heard.push(scenario));
    expect(heard, 'a listener added later hears the runs answered before').toEqual([{ steps: 3, name: 'baseline' }]);
    await page.run({ jobId: 'b', scenario: SCENARIO, days: 1 });
    expect(heard).toHaveLength(2);
  });

  it('answers null for any other run, or where the site has no prebuilt figures (or they failed)', async () => {
    const { page } = early(Promise.resolve(prebuilt()));
    expect(await page.run({ jobId: 'a', scenario: { ...SCENARIO, steps: 4 }, days: 1 })).toBeNull();
    expect(await page.run({ jobId: 'b', scenario: SCENARIO, days: 2 })).toBeNull();
    const none = early(Promise.resolve(null), false);
    expect(none.page.prebuilt).toBeNull();
    expect(await none.page.run({ jobId: 'c', scenario: SCENARIO, days: 1 })).toBeNull();
    const failed = early(Promise.reject(new Error('offline')));
    expect(await failed.page.run({ jobId: 'd', scenario: SCENARIO, days: 1 })).toBeNull();
    const heard = vi.fn();
    failed.page.onUsed(heard);
    expect(heard).not.toHaveBeenCalled();
  });

  it("lets the entry's API answer the first figures before the host chunk is there; other calls wait for it", async () => {
    const { page } = early(Promise.resolve(prebuilt()));
    let arrive!: (api: DesktopApi) => void;
    const runScenario = vi.fn(async () => ({ ok: false as const, error: { kind: 'cancelled' as const } }));
    const api = deferredApi(new Promise((resolve) => (arrive = resolve)), Promise.resolve(page));
    const first = await api.runScenario({ jobId: 'a', scenario: SCENARIO, days: 1 });
    expect(first.ok, 'answered with the host chunk still loading').toBe(true);
    const other = api.runScenario({ jobId: 'b', scenario: SCENARIO, days: 2 });
    arrive({ runScenario } as unknown as DesktopApi);
    await expect(other).resolves.toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(runScenario).toHaveBeenCalledTimes(1);
    // A first-data chunk that failed to load: every run goes to the host.
    const without = deferredApi(Promise.resolve({ runScenario } as unknown as DesktopApi), Promise.reject(new Error('chunk not fetched')));
    await without.runScenario({ jobId: 'c', scenario: SCENARIO, days: 1 });
    expect(runScenario).toHaveBeenCalledTimes(2);
  });
});
