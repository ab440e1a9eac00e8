/**
 * A progress bar on standard error, drawn only on a terminal (never when piped, never with
 * --json): long runs show they are alive without polluting output meant for programs.
 */
export interface Progress {
  /** fraction 0..1 of all work, with a short label. */
  update(fraction: number, label: string): void;
  done(): void;
}

const silent: Progress = { update: () => {}, done: () => {} };

export function progressBar(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return silent;
  let lastDrawn = -1;
  let lastText = '';
  return {
    update(fraction, label) {
      const pct = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
      if (pct === lastDrawn && label === lastText) return;
      lastDrawn = pct;
      lastText = label;
      const width = 30;
      const full = Math.round((pct / 100) * width);
      stream.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(pct).padStart(3)}% ${label}\x1b[K`);
    },
    done() {
      if (lastDrawn >= 0) stream.write('\r\x1b[K');
    },
  };
}
