/**
 * A trainer's actions through the injected API into the store: inject an incident where the map
 * was clicked, select an incident (asking for its candidates), assign the chosen unit. Refusals come
 * back as values and are shown; a rejected call (a bug) is logged and shown as a failure, never
 * swallowed.
 */
import type { DesktopApi, LiveTrainerAction, LiveTrainerOutcome } from '../../shared/protocol';
import { update, type AppStore } from '../store';
import { actionAnswered, actionStarted, candidatesReceived, confirmAsked, incidentSelected } from '../store/trainer-slice';
import { leaves } from '../store/trainer-units';

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

/**
 * Sends the chosen unit to the selected incident; then asks again for the candidates (their states
 * changed). A unit working on another incident is not sent yet: the trainer is asked to confirm the
 * diversion first (`confirm`, answered by confirmDivert or cancelled).
 */
export async function assignChosen(api: DesktopApi, store: AppStore): Promise<LiveTrainerOutcome | null> {
  const { selected, unit, candidates } = store.getState().trainer;
  if (selected === null || unit === '') return null;
  const from = leaves(candidates?.find((c) => c.unit === unit), selected);
  if (from !== null) {
    update(store, 'trainer', confirmAsked, { unit, from, to: selected });
    return null;
  }
  return send(api, store, selected, unit);
}

/** The trainer confirmed the diversion asked about: send the unit. */
export async function confirmDivert(api: DesktopApi, store: AppStore): Promise<LiveTrainerOutcome | null> {
  const { confirm } = store.getState().trainer;
  if (confirm === null) return null;
  update(store, 'trainer', confirmAsked, null);
  return send(api, store, confirm.to, confirm.unit);
}

/** Stands `unit` down from its incident; then asks again for the selected incident's candidates. */
export async function standDownUnit(api: DesktopApi, store: AppStore, unit: string): Promise<LiveTrainerOutcome | null> {
  const outcome = await act(api, store, { kind: 'standDown', unit });
  const { selected } = store.getState().trainer;
  if (outcome?.ok && selected !== null) await act(api, store, { kind: 'candidates', incident: selected });
  return outcome;
}

/**
 * Asks again for the selected incident's candidates and decision record without touching the
 * message or the buttons (while the session plays, so that the list stays current).
 */
export async function refreshCandidates(api: DesktopApi, store: AppStore): Promise<void> {
  const jobId = runningJob(store);
  const { selected } = store.getState().trainer;
  if (jobId === null || selected === null) return;
  try {
    const outcome = await api.liveTrainer(jobId, { kind: 'candidates', incident: selected });
    if (outcome?.ok && outcome.kind === 'candidates') update(store, 'trainer', candidatesReceived, { incident: outcome.incident, candidates: outcome.candidates, explanation: outcome.explanation ?? null });
  } catch (error) {
    console.error('liveTrainer (refresh) failed', error);
  }
}

async function send(api: DesktopApi, store: AppStore, selected: number, unit: string): Promise<LiveTrainerOutcome | null> {
  const outcome = await act(api, store, { kind: 'assign', incident: selected, unit });
  // The list's answer keeps the assignment's message (actionAnswered of candidates leaves it).
  if (outcome?.ok) await act(api, store, { kind: 'candidates', incident: selected });
  return outcome;
}
