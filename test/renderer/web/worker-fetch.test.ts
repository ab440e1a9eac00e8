/**
 * The shared files fetched in a worker of their own (src/web/worker-fetch.ts, src/web/fetch.worker.ts):
 * the page asks the entry's fetch worker at once and hands on what it answers; a file the worker
 * could not fetch stays null (the sim workers fetch it themselves); a fetch worker that cannot start,
 * fails, or never says it got the page's message is ended and the files it has not answered are
 * left to the page's own fetch (after the first data), as before.
 */
import { describe, expect, it } from 'vitest';
import { FETCH_ASKED, FETCH_REPLY, type FetchRequest } from '../../../src/web/shared-fetch';
import { ACK_MS, fetchInWorker, fetchSharedFilesInWorker, type FetchWorkerLike } from '../../../src/web/worker-fetch';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

class FakeFetchWorker implements FetchWorkerLike {
  readonly asked: FetchRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: FetchRequest): void {
    this.asked.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  ack(): void {
    this.onmessage?.({ data: { type: FETCH_ASKED } } as MessageEvent);
  }
  answer(url: string, buffer: SharedArrayBuffer | null): void {
    this.onmessage?.({ data: { type: FETCH_REPLY, url, buffer } } as MessageEvent);
  }
  fail(): void {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

/** A timer the test fires by hand. */
function manualTimer() {
  const due: { ms: number; fn: () => void; live: boolean }[] = [];
  return {
    after: (ms: number, fn: () => void) => {
      const entry = { ms, fn, live: true };
      due.push(entry);
      return () => void (entry.live = false);
    },
    fire: () => {
      for (const entry of due.splice(0)) if (entry.live) entry.fn();
    },
    pending: () => due.filter((e) => e.live).map((e) => e.ms),
  };
}

const bytes = (n: number): SharedArrayBuffer => new SharedArrayBuffer(n);

describe('the shared files fetched in a fetch worker', () => {
  it('asks the worker at once and hands on each answer; the page fetches nothing itself', async () => {
    const worker = new FakeFetchWorker();
    const timer = manualTimer();
    const pageFetched: string[] = [];
    const [graph, spaces] = fetchInWorker(['u/graph', 'u/spaces'], new Promise(() => {}), () => worker, async (url) => (pageFetched.push(url), null), timer.after);
    expect(worker.asked, 'asked at once: it has been fetching since it started').toEqual([{ urls: ['u/graph', 'u/spaces'] }]);
    expect(timer.pending()).toEqual([ACK_MS]);
    worker.ack();
    expect(timer.pending(), 'alive: no longer waited for').toEqual([]);
    const g = bytes(8);
    worker.answer('u/graph', g);
    expect(await graph).toBe(g);
    worker.answer('u/spaces', null);
    expect(await spaces, 'a file the worker could not fetch: the sim workers fetch it themselves').toBeNull();
    expect(pageFetched).toEqual([]);
    expect(worker.terminated).toBe(false);
  });

  it('leaves the files a failed worker had not answered to the page, which fetches them itself in turn after the first data', async () => {
    const worker = new FakeFetchWorker();
    const pageFetched: string[] = [];
    const fromPage = bytes(4);
    let firstData!: () => void;
    const after = new Promise<void>((resolve) => (firstData = resolve));
    const [graph, spaces] = fetchInWorker(['u/graph', 'u/spaces'], after, () => worker, async (url) => (pageFetched.push(url), fromPage), manualTimer().after);
    worker.ack();
    const g = bytes(8);
    worker.answer('u/graph', g);
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(await graph, 'answered before the failure: kept').toBe(g);
    await flush();
    expect(pageFetched, 'not before the first data').toEqual([]);
    firstData();
    expect(await spaces).toBe(fromPage);
    expect(pageFetched).toEqual(['u/spaces']);
  });

  it('ends a worker that never says it got the message (its script failed before the page listened), and the page fetches', async () => {
    const worker = new FakeFetchWorker();
    const timer = manualTimer();
    const fromPage = bytes(4);
    const [graph] = fetchInWorker(['u/graph'], Promise.resolve(), () => worker, async () => fromPage, timer.after);
    timer.fire();
    expect(worker.terminated).toBe(true);
    expect(await graph).toBe(fromPage);
  });

  it("falls back to the page's own fetch when the worker cannot start, or answers what it was not asked", async () => {
    const pageFetched: string[] = [];
    const fromPage = bytes(4);
    const page = async (url: string) => (pageFetched.push(url), fromPage);
    const [graph] = fetchInWorker(['u/graph'], Promise.resolve(), () => {
      throw new Error('no workers here');
    }, page, manualTimer().after);
    expect(await graph).toBe(fromPage);
    const worker = new FakeFetchWorker();
    const [other] = fetchInWorker(['u/graph'], Promise.resolve(), () => worker, page, manualTimer().after);
    worker.onmessage?.({ data: { type: 'something else' } } as MessageEvent);
    expect(await other).toBe(fromPage);
    expect(worker.terminated).toBe(true);
    expect(pageFetched).toEqual(['u/graph', 'u/graph']);
  });

  it('a failed page fetch after a failed worker is null (the sim workers fetch it themselves), never a rejection', async () => {
    const worker = new FakeFetchWorker();
    const [graph] = fetchInWorker(['u/graph'], Promise.resolve(), () => worker, () => Promise.reject(new Error('offline')), manualTimer().after);
    worker.onmessageerror?.({} as MessageEvent);
    expect(await graph).toBeNull();
  });

  it('fetches nothing where the page may not share memory, and names the files by their data/ name', async () => {
    let started = 0;
    expect(fetchSharedFilesInWorker('https://example.org/data/', Promise.resolve(), false, ['london-roads.graph'], () => (started++, new FakeFetchWorker()))).toBeNull();
    expect(started).toBe(0);
    const worker = new FakeFetchWorker();
    const fetches = fetchSharedFilesInWorker('https://example.org/data/', Promise.resolve(), true, ['london-roads.graph'], () => worker, undefined, manualTimer().after)!;
    expect(worker.asked).toEqual([{ urls: ['https://example.org/data/london-roads.graph'] }]);
    const g = bytes(8);
    worker.ack();
    worker.answer('https://example.org/data/london-roads.graph', g);
    expect(await fetches['london-roads.graph']).toBe(g);
  });
});
