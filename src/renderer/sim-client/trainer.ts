/**
 * A trainer's actions through the injected API into the store: inject an incident where the map
 * was clicked, select an incident (asking for its candidates), assign the chosen unit. Refusals come
 * back as values and are shown; a rejected call (a bug) is logged and shown as a failure, never
 * swallowed.
 */
import type { DesktopApi, LiveTrainerAction, LiveTrainerOutcome } from '../../shared/protocol';
import { update, type AppStore } from '../store';
import { actionAnswered, actionStarted, incidentSelected } from '../store/trainer-slice';

/** The running live session's id, or null. */
function runningJob(store: AppStore): string | null {
  const { jobId, status } = store.getState().live;
  return jobId !== null && status === 'running' ? jobId : null;
}

async function act(api: DesktopApi, store: AppStore, action: LiveTrainerAction): Promise<LiveTrainerOutcome | null> {
  const jobId = runningJob(store);
  update(store, 'trainer', actionStarted, undefined);
  let outcome: LiveTrainerOutcome | null;
  try {
    outcome = jobId === null ? null : await api.liveTrainer(jobId, action);
  } catch (error) {
    console.error('liveTrainer failed', error);
    outcome = { ok: false, kind: action.kind, reason: 'FAILED', message: error instanceof Error ? error.message : String(error) };
  }
  update(store, 'trainer', actionAnswered, { outcome, jobId });
  return outcome;
}

/** Injects an incident of the chosen grade at a place; selects it and asks for its candidates. */
export async function injectAt(api: DesktopApi, store: AppStore, lon: number, lat: number): Promise<LiveTrainerOutcome | null> {
  const outcome = await act(api, store, { kind: 'inject', lon, lat, grade: store.getState().trainer.grade });
  if (outcome?.ok && outcome.kind === 'inject') await act(api, store, { kind: 'candidates', incident: outcome.incident });
  return outcome;
}

/** Selects an incident of the running session (null: none) and asks for its candidates. */
export async function selectIncident(api: DesktopApi, store: AppStore, incident: number | null): Promise<void> {
  update(store, 'trainer', incidentSelected, { jobId: store.getState().live.jobId, incident });
  if (incident !== null) await act(api, store, { kind: 'candidates', incident });
}

/** Sends the chosen unit to the selected incident; then asks again for the candidates (their states changed). */
export async function assignChosen(api: DesktopApi, store: AppStore): Promise<LiveTrainerOutcome | null> {
  const { selected, unit } = store.getState().trainer;
  if (selected === null || unit === '') return null;
  const outcome = await act(api, store, { kind: 'assign', incident: selected, unit });
  // The list's answer keeps the assignment's message (actionAnswered of candidates leaves it).
  if (outcome?.ok) await act(api, store, { kind: 'candidates', incident: selected });
  return outcome;
}
