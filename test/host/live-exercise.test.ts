/**
 * Exercise scripts through the host (issue 17): the real simulator's live sessions keep an exercise
 * log that each frame carries (new entries only), a scripted pause is reported in the frame, and the
 * driver pauses playback there and runs a Jump to a time (the script's next inject) flat out.
 */
import { describe, expect, it } from 'vitest';
import { LiveRegistry } from '../../src/host/live-worker';
import { LiveDriver, type LivePool } from '../../src/host/live-driver';
import { realSimulator } from '../../src/host/real-simulator';
import type { LiveFrame, WorkerCallName, WorkerCalls, WorkerResult } from '../../src/shared/protocol';
import { noBuiltInData } from '../../src/world';
import { quietInput } from '../sim/fixtures/small';
import { prepare } from '../sim/helpers';

const exercise = {
  kind: 'exercise',
  schemaVersion: 1,
  name: 'host test',
  scenario: 'quiet',
  timeline: [
    { atS: 100, kind: 'inject', grade: 'I', place: { lon: -0.14, lat: 51.5 } },
    { atS: 200, kind: 'pause', text: 'talk' },
    { atS: 5000, kind: 'inject', grade: 'S', place: { lon: -0.12, lat: 51.5 } },
  ],
};

describe('exercise scripts through the host', () => {
  it("the worker's frames carry the log once and the scripted pause", async () => {
    const { scenario, world } = await prepare(quietInput());
    const sim = realSimulator(noBuiltInData, () => 0);
    const registry = new LiveRegistry(() => 0);
    const first = registry.open('s', sim.openLive(scenario, world, { exercise }));
    expect(first.exercise).toEqual({ name: 'host test', nextInjectS: 100, pausedAtS: null, entries: [] });
    const f = registry.advance({ session: 's', toS: 1000 });
    expect(f.tS, 'stopped at the pause').toBe(200);
    expect(f.exercise!.pausedAtS).toBe(200);
    expect(f.exercise!.entries.map((e) => e.kind)).toEqual(['inject', 'pause']);
    expect(f.exercise!.nextInjectS).toBe(5000);
    const g = registry.advance({ session: 's', toS: 1000 });
    expect(g.tS).toBe(1000);
    expect(g.exercise!.entries.map((e) => e.kind), 'each entry sent once: only what is new (the unit arrived at 229 s)').toEqual(['arrived']);
    expect(() => sim.openLive(scenario, world, { exercise: { ...exercise, schemaVersion: 9 } })).toThrow(/exercise\.schemaVersion/);
  });

  it('the driver pauses at a scripted pause and jumps to the next inject', async () => {
    const { scenario, world } = await prepare(quietInput());
    const sim = realSimulator(noBuiltInData, () => 0);
    const registry = new LiveRegistry(() => 0);
    const pool: LivePool = {
      crashes: { count: 0, lastReason: null },
      async call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
        const r = request as never;
        const value =
          call === 'liveOpen'
            ? registry.open('j', sim.openLive(scenario, world, { exercise: (request as WorkerCalls['liveOpen']['request']).exercise }))
            : call === 'liveAdvance'
              ? registry.advance(r)
              : call === 'liveClose'
                ? { closed: registry.close('j') }
                : registry.trainer(r);
        return { ok: true, value } as WorkerResult<K>;
      },
    };
    let wall = 0;
    const timers = { after: (ms: number, fn: () => void) => { const t = setTimeout(fn, 0); wall += ms; return () => clearTimeout(t); } };
    const driver = new LiveDriver({ pool: () => pool, timers, now: () => wall });
    const frames: LiveFrame[] = [];
    void driver.start({ jobId: 'j', scenario: {}, exercise, playing: true, speed: 'max' }, (fr) => frames.push(fr));
    await expect.poll(() => frames.at(-1)?.exercise?.pausedAtS).toBe(200);
    expect(frames.at(-1)!.playing, 'paused by the script').toBe(false);
    driver.control('j', { kind: 'jump', toS: 5000 });
    await expect.poll(() => frames.at(-1)?.tS).toBe(5000);
    expect(frames.at(-1)!.exercise!.entries.some((e) => e.kind === 'inject' && e.tS === 5000)).toBe(true);
    driver.stop('j');
  });
});
