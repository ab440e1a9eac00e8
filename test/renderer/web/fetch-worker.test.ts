/**
 * The page's fetch worker script (src/web/fetch.worker.ts): where the page may share memory it
 * fetches the shared files from its start, the graph first, before the page asks; asked, it says
 * so, then answers each URL in turn (null for a file it could not fetch) and closes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FETCH_ASKED, FETCH_REPLY, SHARED_DATA_FILES } from '../../../src/web/shared-fetch';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const ticks = async (until: () => boolean) => {
  for (let i = 0; i < 100 && !until(); i++) await new Promise((r) => setTimeout(r, 0));
};

function fakeScope() {
  const replies: { type: string; url?: string; buffer?: SharedArrayBuffer | null }[] = [];
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (m: (typeof replies)[number]) => replies.push(m),
    close: vi.fn(),
    location: { href: 'https://x/app/assets/fetch.worker-abc.js' },
  };
  return { scope, replies };
}

function stubFetch(asked: string[]) {
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return url.endsWith('.graph') ? new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Length': '3' } }) : new Response(null, { status: 404 });
  });
}

describe('the fetch worker', () => {
  it('fetches the shared files from its start where the page may share memory, and answers them when asked', async () => {
    const { scope, replies } = fakeScope();
    const asked: string[] = [];
    vi.stubGlobal('self', scope);
    vi.stubGlobal('crossOriginIsolated', true);
    stubFetch(asked);
    await import('../../../src/web/fetch.worker');
    await ticks(() => asked.length > 0);
    expect(asked[0], 'the graph, before the page asked').toBe('https://x/app/data/london-roads.graph');
    const urls = SHARED_DATA_FILES.map((f) => `https://x/app/data/${f}`);
    scope.onmessage!({ data: { urls } } as MessageEvent);
    expect(replies[0]).toEqual({ type: FETCH_ASKED });
    await ticks(() => replies.length > urls.length);
    expect(asked, 'each fetched once').toEqual(urls);
    expect(replies[1]).toMatchObject({ type: FETCH_REPLY, url: urls[0] });
    expect([...new Uint8Array(replies[1]!.buffer!)]).toEqual([1, 2, 3]);
    expect(replies[1]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(scope.close).toHaveBeenCalled();
  });

  it('fetches nothing before it is asked where the page may not share memory; asked, it fetches and answers null for a file not there', async () => {
    const { scope, replies } = fakeScope();
    const asked: string[] = [];
    vi.stubGlobal('self', scope);
    vi.stubGlobal('crossOriginIsolated', false);
    stubFetch(asked);
    await import('../../../src/web/fetch.worker');
    await ticks(() => false);
    expect(asked).toEqual([]);
    scope.onmessage!({ data: { urls: ['https://x/app/data/london-roads.graph', 'https://x/app/data/other.bin'] } } as MessageEvent);
    await ticks(() => replies.length >= 3);
    expect(replies.map((r) => [r.type, r.url, r.buffer === null ? null : r.buffer === undefined ? undefined : 'bytes'])).toEqual([
      [FETCH_ASKED, undefined, undefined],
      [FETCH_REPLY, 'https://x/app/data/london-roads.graph', 'bytes'],
      [FETCH_REPLY, 'https://x/app/data/other.bin', null],
    ]);
    expect(scope.onmessage, 'one message only').toBeNull();
  });
});
