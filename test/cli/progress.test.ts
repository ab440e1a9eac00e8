import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress bar', () => {
  it('draws on a terminal, redrawing only when the percentage or label changes, and clears at the end', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(true, stream);
    bar.update(0.5, 'replication 1/2');
    bar.update(0.501, 'replication 1/2');
    bar.update(1, 'replication 2/2');
    bar.done();
    expect(written).toHaveLength(3);
    expect(written[0]).toContain('[###############...............]  50% replication 1/2');
    expect(written[2]).toBe('\r\x1b[K');
  });

  it('stays silent when piped or asked to (--json)', () => {
    const piped = fakeStream(false);
    progressBar(true, piped.stream).update(0.5, 'x');
    const json = fakeStream(true);
    progressBar(false, json.stream).update(0.5, 'x');
    expect([...piped.written, ...json.written]).toEqual([]);
  });
});
