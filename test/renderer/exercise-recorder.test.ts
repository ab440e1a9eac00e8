/**
 * The renderer's exercise recording (src/renderer/exercise/recorder.ts): each frame's entries taken
 * once, the trainer's pauses added, a new session starting a new log, a review leaving it alone.
 */
import { describe, expect, it } from 'vitest';
import { emptyRecording, lastMessage, recordLive } from '../../src/renderer/exercise/recorder';
import type { LiveFrame } from '../../src/shared/protocol';
import type { ExerciseLogEntry } from '../../src/shared/exercise-log';

const frame = (jobId: string, seq: number, tS: number, playing: boolean, entries: ExerciseLogEntry[] = [], pausedAtS: number | null = null): LiveFrame =>
  ({ jobId, seq, tS, playing, finished: false, exercise: { name: null, nextInjectS: null, pausedAtS, entries } }) as unknown as LiveFrame;

const msg = (tS: number, text: string): ExerciseLogEntry => ({ tS, kind: 'message', by: 'script', text });

describe('exercise recording in the renderer', () => {
  it('takes entries once, adds trainer pauses (not scripted ones), and starts again for a new session', () => {
    let r = recordLive(emptyRecording, { frame: frame('a', 0, 0, true, [msg(0, 'hi')]), playing: true }, false);
    r = recordLive(r, { frame: frame('a', 0, 0, true, [msg(0, 'hi')]), playing: true }, false);
    expect(r.entries).toHaveLength(1);
    r = recordLive(r, { frame: frame('a', 1, 50, true), playing: false }, false);
    expect(r.entries.map((e) => [e.kind, e.by, e.tS])).toEqual([
      ['message', 'script', 0],
      ['pause', 'trainer', 50],
    ]);
    r = recordLive(r, { frame: frame('a', 2, 60, true), playing: true }, false);
    r = recordLive(r, { frame: frame('a', 3, 90, false, [{ tS: 90, kind: 'pause', by: 'script', text: 'talk' }], 90), playing: false }, false);
    expect(r.entries.filter((e) => e.kind === 'pause')).toHaveLength(2);
    expect(lastMessage(r.entries)!.text).toBe('talk');
    expect(recordLive(r, { frame: frame('review', 0, 10, false, [msg(10, 'x')]), playing: false }, true)).toBe(r);
    const fresh = recordLive(r, { frame: frame('b', 0, 0, false), playing: false }, false);
    expect(fresh.entries).toEqual([]);
    expect(fresh.jobId).toBe('b');
  });
});
