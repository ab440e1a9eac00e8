/**
 * The exercise log as the renderer keeps it (docs/MODEL-ADDITIONS.md "Exercise log"): the entries
 * each frame brings, plus the trainer's own pauses (playback is the host's, so the sim worker never
 * sees them). A new session starts a new log, except a review (a replay of the recorded log),
 * which leaves the recording as it is. Pure: the panel feeds it the store's live state.
 */
import type { ExerciseLogEntry } from '../../shared/exercise-log';
import type { LiveFrame } from '../../shared/protocol';

export interface Recording {
  /** the session recorded */
  readonly jobId: string | null;
  readonly entries: readonly ExerciseLogEntry[];
  /** first and last simulated instants seen */
  readonly fromS: number | null;
  readonly toS: number | null;
  /** last frame seq taken (frames are taken once) */
  readonly seq: number;
  readonly playing: boolean;
}

export const emptyRecording: Recording = { jobId: null, entries: [], fromS: null, toS: null, seq: -1, playing: false };

/**
 * The recording after the store's live state changed (`review` true: a replay, not recorded): the
 * entries of a frame not taken yet, and a pause by the trainer (playing before, not now, and not
 * the script's pause nor the end).
 */
export function recordLive(rec: Recording, live: { readonly frame: LiveFrame | null; readonly playing: boolean }, review: boolean): Recording {
  const frame = live.frame;
  if (review || !frame) return rec;
  const fresh = frame.jobId !== rec.jobId;
  const base = fresh ? { ...emptyRecording, jobId: frame.jobId } : rec;
  let entries = base.entries;
  let seq = base.seq;
  if (frame.seq > base.seq) {
    entries = [...entries, ...(frame.exercise?.entries ?? [])];
    seq = frame.seq;
  }
  const scriptPaused = frame.exercise !== undefined && frame.exercise.pausedAtS !== null;
  if (!fresh && rec.playing && !live.playing && !frame.finished && !scriptPaused) {
    entries = [...entries, { tS: frame.tS, kind: 'pause', by: 'trainer', item: { atS: frame.tS, kind: 'pause', by: 'trainer' } }];
  }
  if (entries === rec.entries && seq === rec.seq && live.playing === rec.playing && !fresh) return rec;
  return { jobId: frame.jobId, entries, fromS: base.fromS ?? frame.tS, toS: frame.tS, seq, playing: live.playing };
}

/** The newest message or pause text of the log, for the room. */
export function lastMessage(entries: readonly ExerciseLogEntry[]): ExerciseLogEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if ((e.kind === 'message' || e.kind === 'pause') && e.text) return e;
  }
  return null;
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
