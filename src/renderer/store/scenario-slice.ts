/**
 * The scenario slice: the scenario the app shows and runs, as raw JSON (what a scenario file
 * holds), the copy it was opened as, and the resourcing edits made since. Pure updaters
 * (STYLE.md 13); the edits themselves are pure functions of src/renderer/scenario.
 *
 * A file that fails validation never replaces the current scenario: it is kept aside as
 * `openError` with every problem and its JSON path.
 */
import type { ScenarioIssue } from '../../shared/protocol';

/** A scenario object as in a file (`extends` resolved). */
export type RawScenario = Readonly<Record<string, unknown>>;

export interface ScenarioState {
  /** as opened (or built in) */
  readonly original: RawScenario;
  /** with the user's edits; what is run, after `demandMultiplier` */
  readonly current: RawScenario;
  /** shown name: the scenario's `name`, else the file name */
  readonly name: string;
  /** where it came from: "built in" or a file name */
  readonly origin: string;
  /** true once edited since opened */
  readonly modified: boolean;
  /** multiplies every stream's `callsPerDay` of `current` (1 = as opened) */
  readonly demandMultiplier: number;
  /** simulated days of the batch run (and of the live session) */
  readonly horizonDays: number;
  /** bumped by every change of what is run, so runs can tell a newer scenario from an older one */
  readonly revision: number;
  /** the last file that could not be opened, and why (the current scenario was kept) */
  readonly openError: { readonly file: string; readonly issues: readonly ScenarioIssue[] } | null;
}

export function initialScenarioState(raw: RawScenario, origin: string): ScenarioState {
  return {
    original: raw,
    current: raw,
    name: nameOf(raw, origin),
    origin,
    modified: false,
    demandMultiplier: 1,
    horizonDays: 1,
    revision: 0,
    openError: null,
  };
}

function nameOf(raw: RawScenario, fallback: string): string {
  return typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : fallback;
}

/** A validated scenario replaces the current one; edits and the multiplier start over. */
export function scenarioOpened(state: ScenarioState, payload: { raw: RawScenario; origin: string }): ScenarioState {
  return {
    ...state,
    original: payload.raw,
    current: payload.raw,
    name: nameOf(payload.raw, payload.origin),
    origin: payload.origin,
    modified: false,
    demandMultiplier: 1,
    revision: state.revision + 1,
    openError: null,
  };
}

/** A file that could not be used: the current scenario stays. */
export function scenarioRejected(state: ScenarioState, payload: { file: string; issues: readonly ScenarioIssue[] }): ScenarioState {
  return { ...state, openError: { file: payload.file, issues: payload.issues } };
}

export function openErrorDismissed(state: ScenarioState): ScenarioState {
  return state.openError === null ? state : { ...state, openError: null };
}

/** An edit of the resourcing (`edit` is a pure function of src/renderer/scenario/resourcing.ts). */
export function scenarioEdited(state: ScenarioState, edit: (raw: RawScenario) => RawScenario): ScenarioState {
  const current = edit(state.current);
  if (current === state.current) return state;
  return { ...state, current, modified: true, revision: state.revision + 1 };
}

export function demandMultiplierSet(state: ScenarioState, multiplier: number): ScenarioState {
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new Error(`demand multiplier must be a number > 0, got ${multiplier}`);
  if (multiplier === state.demandMultiplier) return state;
  return { ...state, demandMultiplier: multiplier, modified: true, revision: state.revision + 1 };
}

export function horizonSet(state: ScenarioState, days: number): ScenarioState {
  if (!(days > 0) || !Number.isFinite(days)) throw new Error(`horizon must be a number of days > 0, got ${days}`);
  if (days === state.horizonDays) return state;
  return { ...state, horizonDays: days, revision: state.revision + 1 };
}

/** Back to the scenario as opened. */
export function editsReset(state: ScenarioState): ScenarioState {
  if (!state.modified) return state;
  return { ...state, current: state.original, demandMultiplier: 1, modified: false, revision: state.revision + 1 };
}
