import { describe, expect, it } from 'vitest';
import { frameReceived, initialLiveState, liveEnded, liveStarting, playbackChanged, speedChosen } from '../../../src/renderer/store/live-slice';
import type { LiveFrame, LiveUnit } from '../../../src/shared/protocol';

const trip = { departS: 10, coords: [0, 0, 1, 1], timesS: [0, 100] };
const window = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };

function frame(jobId: string, seq: number, units: LiveUnit[], extra: Partial<LiveFrame> = {}): LiveFrame {
  return {
    jobId, seq, tS: seq * 10, startS: -100, endS: 1000, finished: false, units, incidents: [], callsWaiting: 0, pending: 0, busyUnits: 0,
    kpis: { lastHour: window, today: window }, step: null, workMs: 1, events: 1, playing: true, speed: 60, ...extra,
  };
}
const unit = (id: string, moving: boolean, withTrip = false): LiveUnit => ({ id, station: 'B', state: moving ? 'travelling' : 'free', lon: 0, lat: 0, incident: null, moving, ...(withTrip ? { trip } : {}) });

describe('live slice updaters', () => {
  const starting = liveStarting(speedChosen(initialLiveState, 600), { jobId: 'L1' });

  it('a new session starts empty but keeps the chosen speed', () => {
    expect(starting).toMatchObject({ jobId: 'L1', status: 'starting', speed: 600, frame: null, trips: {} });
  });

  it('keeps trips across frames that do not resend them, and drops them when units stop', () => {
    const f1 = frameReceived(starting, { frame: frame('L1', 0, [unit('A', true, true), unit('B', false)]), receivedAt: 5 });
    expect(f1).toMatchObject({ status: 'running', playing: true, receivedAt: 5, trips: { A: trip } });
    const f2 = frameReceived(f1, { frame: frame('L1', 1, [unit('A', true), unit('B', false)]), receivedAt: 6 });
    expect(f2.trips, 'still moving on the same trip: the same trips object').toBe(f1.trips);
    const f3 = frameReceived(f2, { frame: frame('L1', 2, [unit('A', false), unit('B', false)]), receivedAt: 7 });
    expect(f3.trips).toEqual({});
    expect(f1.trips, 'the earlier state is untouched').toEqual({ A: trip });
  });

  it('ignores frames of another session, and marks the end of the run', () => {
    expect(frameReceived(starting, { frame: frame('OLD', 0, []), receivedAt: 1 })).toBe(starting);
    const last = frameReceived(starting, { frame: frame('L1', 9, [], { finished: true, playing: false }), receivedAt: 1 });
    expect(last).toMatchObject({ status: 'finished', playing: false });
  });

  it('takes the playback a command answered, for its own session only', () => {
    expect(playbackChanged(starting, { jobId: 'L1', playback: { playing: true, speed: 10 } })).toMatchObject({ playing: true, speed: 10 });
    expect(playbackChanged(starting, { jobId: 'X', playback: { playing: true, speed: 10 } })).toBe(starting);
  });

  it('an end by error keeps the error; a stop keeps the last frame on the map', () => {
    const running = frameReceived(starting, { frame: frame('L1', 0, []), receivedAt: 1 });
    const crashed = liveEnded(running, { jobId: 'L1', outcome: { ok: false, error: { kind: 'worker-crashed', message: 'exited with code 3' } } });
    expect(crashed).toMatchObject({ status: 'failed', playing: false, error: { kind: 'worker-crashed' } });
    expect(frameReceived(crashed, { frame: frame('L1', 1, []), receivedAt: 2 }), 'no frames after a failure').toBe(crashed);
    const stopped = liveEnded(running, { jobId: 'L1', outcome: { ok: true, reason: 'stopped', tS: 0 } });
    expect(stopped).toMatchObject({ status: 'running', playing: false, frame: running.frame });
    expect(liveEnded(running, { jobId: 'other', outcome: { ok: true, reason: 'finished', tS: 0 } })).toBe(running);
  });
});
