/**
 * The trainer slice: what a trainer is doing to the live session. The grade of the next injected
 * incident and whether a map click places it; the incident selected (by its marker or the incidents
 * table), the units that could go to it (nearest first) and the one chosen; and what the last action
 * came to, in words. Pure updaters (STYLE.md 13); the calls themselves are in ../sim-client/trainer.ts.
 */
import { filterCandidates } from './trainer-units';
import type { DispatchExplanation, LiveCandidate, LiveIncident, LiveInjectGrade, LiveTrainerOutcome } from '../../shared/protocol';

/** What the last action came to, as the panel says it (`ok` false: refused or failed). */
export interface TrainerMessage {
  readonly ok: boolean;
  readonly text: string;
}

export interface TrainerState {
  readonly grade: LiveInjectGrade;
  /** true while the next map click places an incident */
  readonly placing: boolean;
  /** the live session the selection belongs to */
  readonly jobId: string | null;
  readonly selected: number | null;
  /** candidates of `selected`, nearest by ETA first; null until they arrive */
  readonly candidates: readonly LiveCandidate[] | null;
  readonly loading: boolean;
  /** the unit chosen in "Assign unit" ('' = none yet) */
  readonly unit: string;
  readonly busy: boolean;
  readonly message: TrainerMessage | null;
  /** the text typed in "Find unit": narrows "Assign unit" by unit, station or state */
  readonly filter: string;
  /** the selected incident's dispatch decision record (with the candidates); null until it arrives */
  readonly explanation: DispatchExplanation | null;
  /** a diversion waiting for the trainer's confirmation: the unit and the incident it would leave */
  readonly confirm: { readonly unit: string; readonly from: number; readonly to: number } | null;
  /** the map full screen with a large clock and the live figures */
  readonly presenter: boolean;
}

export const initialTrainerState: TrainerState = {
  grade: 'I',
  placing: false,
  jobId: null,
  selected: null,
  candidates: null,
  loading: false,
  unit: '',
  busy: false,
  message: null,
  filter: '',
  explanation: null,
  confirm: null,
  presenter: false,
};


export function gradeChosen(state: TrainerState, grade: LiveInjectGrade): TrainerState {
  return { ...state, grade };
}

/** Arms (or cancels) placing an incident by a map click. */
export function placingSet(state: TrainerState, placing: boolean): TrainerState {
  return state.placing === placing ? state : { ...state, placing, ...(placing ? { message: null } : {}) };
}

/** A new live session: nothing is selected in it yet (the grade and the presenter view are kept). */
export function trainerSessionStarted(state: TrainerState, payload: { jobId: string }): TrainerState {
  return { ...initialTrainerState, grade: state.grade, presenter: state.presenter, jobId: payload.jobId };
}

/** Selects incident `incident` of session `jobId` (null: none); its candidates are asked for next. */
export function incidentSelected(state: TrainerState, payload: { jobId: string | null; incident: number | null }): TrainerState {
  if (payload.incident === state.selected && payload.jobId === state.jobId) return state;
  return { ...state, jobId: payload.jobId, selected: payload.incident, candidates: null, explanation: null, confirm: null, unit: '', loading: payload.incident !== null, message: null };
}

/** The candidates for an incident arrived (ignored when another one is selected by now). */
export function candidatesReceived(state: TrainerState, payload: { incident: number; candidates: readonly LiveCandidate[]; explanation?: DispatchExplanation | null }): TrainerState {
  if (payload.incident !== state.selected) return state;
  const candidates = sortByEta(payload.candidates);
  const keep = candidates.some((c) => c.unit === state.unit);
  return {
    ...state,
    candidates,
    explanation: payload.explanation ?? null,
    loading: false,
    unit: keep ? state.unit : (candidates.find((c) => c.etaS !== null && c.state !== 'custody')?.unit ?? ''),
  };
}

/** "Find unit" typed in: when the chosen unit no longer matches, the nearest reachable one that does is chosen. */
export function filterChanged(state: TrainerState, filter: string): TrainerState {
  const shown = filterCandidates(state.candidates ?? [], filter);
  const unit = shown.some((c) => c.unit === state.unit) ? state.unit : (shown.find((c) => c.etaS !== null)?.unit ?? state.unit);
  return { ...state, filter, unit };
}

/** Asks the trainer to confirm sending a busy unit (null: the question is withdrawn). */
export function confirmAsked(state: TrainerState, confirm: TrainerState['confirm']): TrainerState {
  return { ...state, confirm };
}

export function presenterSet(state: TrainerState, presenter: boolean): TrainerState {
  return state.presenter === presenter ? state : { ...state, presenter };
}

export function unitChosen(state: TrainerState, unit: string): TrainerState {
  return { ...state, unit };
}

export function actionStarted(state: TrainerState): TrainerState {
  return { ...state, busy: true };
}

/** An action's answer: the message says what happened; an inject selects the new incident. */
export function actionAnswered(state: TrainerState, payload: { outcome: LiveTrainerOutcome | null; jobId: string | null }): TrainerState {
  const { outcome } = payload;
  const done = { ...state, busy: false, loading: false };
  if (outcome === null) return { ...done, placing: false, message: { ok: false, text: 'No live session is running.' } };
  if (!outcome.ok) return { ...done, placing: false, confirm: null, message: { ok: false, text: refusalText(outcome) } };
  if (outcome.kind === 'inject') {
    return {
      ...done,
      placing: false,
      jobId: payload.jobId,
      selected: outcome.incident,
      candidates: null,
      explanation: null,
      confirm: null,
      unit: '',
      loading: true,
      message: { ok: true, text: `Incident ${outcome.incident} injected.` },
    };
  }
  if (outcome.kind === 'assign') {
    return { ...done, confirm: null, message: { ok: true, text: `Unit ${outcome.unit} assigned to incident ${outcome.incident}, arriving in ${etaMinutes(outcome.etaS)}.` } };
  }
  if (outcome.kind === 'standDown') {
    return { ...done, message: { ok: true, text: `Unit ${outcome.unit} stood down from incident ${outcome.incident}${outcome.closed ? ', which is now closed' : ''}.` } };
  }
  return candidatesReceived(done, { incident: outcome.incident, candidates: outcome.candidates, explanation: outcome.explanation ?? null });
}

/** Nearest first by ETA (turnout + travel), units that cannot reach it last; ties by unit id. */
export function sortByEta(candidates: readonly LiveCandidate[]): LiveCandidate[] {
  return [...candidates].sort((a, b) => (a.etaS ?? Infinity) - (b.etaS ?? Infinity) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/** "4.2 min"; "no route" when the unit cannot reach the incident. */
export function etaMinutes(etaS: number | null): string {
  return etaS === null ? 'no route' : `${(etaS / 60).toFixed(1)} min`;
}

/** One line of "Assign unit": 'CX-IRV-9, free, 4.2 min (the policy's choice)'. */
export function candidateLabel(c: LiveCandidate): string {
  return `${c.unit}, ${c.state}, ${etaMinutes(c.etaS)}${c.chosen ? " (the policy's choice)" : ''}`;
}

const REFUSALS: Readonly<Record<string, string>> = {
  NO_SUCH_INCIDENT: 'the incident is over',
  INCIDENT_NOT_READY: 'the call is still being handled',
  INCIDENT_FULLY_ASSIGNED: 'the incident has all the units it needs',
  NO_SUCH_UNIT: 'there is no such unit',
  UNIT_OFF_DUTY: 'the unit is off duty',
  UNIT_IN_CUSTODY: 'the unit is dealing with a prisoner',
  UNIT_ALREADY_ON_INCIDENT: 'the unit is already on this incident',
  NO_ROUTE: 'the unit cannot reach the incident',
  UNIT_NOT_ON_INCIDENT: 'the unit is not on an incident',
  OUTSIDE_AREA: 'the place is outside the modelled area',
  SESSION_OVER: 'the live run is over',
};

/** Why an action was refused, in words, with the simulator's own message after it. */
export function refusalText(outcome: Extract<LiveTrainerOutcome, { ok: false }>): string {
  const verb = outcome.kind === 'inject' ? 'Not injected' : outcome.kind === 'assign' ? 'Not assigned' : outcome.kind === 'standDown' ? 'Not stood down' : 'No candidates';
  if (outcome.reason === 'FAILED') return `${verb}: ${outcome.message}`;
  return `${verb}: ${REFUSALS[outcome.reason] ?? outcome.reason} (${outcome.message}).`;
}

/** Incidents for the trainer's table: injected ones first, then the newest calls, at most `limit`. */
export function incidentsForTable(incidents: readonly LiveIncident[], limit = 30): LiveIncident[] {
  return [...incidents].sort((a, b) => Number(b.injected) - Number(a.injected) || b.callS - a.callS || b.id - a.id).slice(0, limit);
}
