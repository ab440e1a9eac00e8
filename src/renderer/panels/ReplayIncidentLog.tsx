/**
 * "Demand from incident log" (issue 17 item 6, docs/MODEL-ADDITIONS.md "Trace replay"): picks a CSV (the
 * incidents.csv that `run --out` writes, or time,longitude,latitude,grade), checks it with the
 * simulator's own parser (src/shared/trace-csv.ts, fetched when first needed), and from then on
 * the runs replay its calls instead of random demand; "Random demand" returns to normal runs. A
 * malformed file is refused with the message naming its line and column, and the demand stays.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { MAX_APP_TRACE_BYTES } from '../../shared/trace-limits';
import { update, useAppStore, useAppStoreApi, type AppStore } from '../store';
import { demandKey, replayChosen } from '../store/run-slice';

/** What reading a picked file gives: an error to show, or nothing (the replay is chosen). */
export async function chooseReplayFile(store: AppStore, file: File): Promise<string | null> {
  if (file.size > MAX_APP_TRACE_BYTES) return `${file.name} is ${Math.round(file.size / 1048576)} MB; replay files over ${MAX_APP_TRACE_BYTES / 1048576} MB are refused`;
  let csv: string;
  try {
    csv = await readText(file);
  } catch (error) {
    return `${file.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const { parseTraceCsv } = await import('../../shared/trace-csv');
  let calls: number;
  try {
    calls = parseTraceCsv(csv, file.name).length;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (calls === 0) return `${file.name}: no calls to replay (every row is an injected incident, or the file has only its header)`;
  update(store, 'run', replayChosen, { name: file.name, csv, calls });
  return null;
}

/** A file's text (`Blob.text`, or a FileReader where a DOM lacks it). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not be read'));
    reader.readAsText(file);
  });
}

export function ReplayIncidentLog() {
  const store = useAppStoreApi();
  const replay = useAppStore((s) => s.run.replay);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const picked = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(await chooseReplayFile(store, file));
  };

  return (
    <section aria-label="Demand" className="replay" data-testid="replay">
      {replay === null ? (
        // Not "Replay …": accessible names are matched as substrings, and "Replay" holds "Play".
        <button type="button" className="secondary" onClick={() => input.current?.click()} title="Drive demand from a recorded incident log (CSV) instead of random arrivals">
          Demand from incident log
        </button>
      ) : (
        <p className="replay-status">
          <span data-testid="replay-status">Runs use {demandKey(replay)}.</span>{' '}
          <button type="button" className="secondary" onClick={() => update(store, 'run', replayChosen, null)}>
            Random demand
          </button>
        </p>
      )}
      <input ref={input} type="file" accept=".csv,text/csv" hidden data-testid="replay-file" aria-label="Incident log file" onChange={(e) => void picked(e)} />
      {error !== null && (
        <div role="alert" className="failure" data-testid="replay-error">
          <p>The incident log was not replayed: {error}</p>
        </div>
      )}
    </section>
  );
}
