/**
 * The scenario slice: the scenario in hand as a document. It holds the raw JSON (what a scenario
 * file holds), the copy it was opened as, the copy last saved (or opened: what "modified" and
 * "Revert to saved" compare with), where it lives, and the history of edits for undo and redo.
 * Pure updaters (STYLE.md 13); the edits themselves are pure functions of src/renderer/scenario.
 *
 * Every change of the scenario goes through `scenarioEdited` and is one undo step; so is "Revert
 * to saved". Opening, creating or recovering a document starts a new history. What is run is
 * `current` as it is: the demand multiplier is folded into its streams' `callsPerDay`, so what is
 * saved is what is run. The run horizon is a run option (not saved): the scenario's own `days`
 * unless the user chose another.
 *
 * A file that fails validation never replaces the current scenario: it is kept aside as
 * `openError` with every problem and its JSON path.
 */
import type { ScenarioIssue } from '../../shared/protocol';

/** A scenario object as in a file (`extends` resolved). */
export type RawScenario = Readonly<Record<string, unknown>>;

/** One undo (or redo) step: the scenario to go back to, and what the step did ("Units, NA, early"). */
export interface HistoryStep {
  readonly scenario: RawScenario;
  readonly label: string;
}

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** The label of an edit given none; edits with this label are never merged. */
export const DEFAULT_EDIT_LABEL = 'Edit';

export interface ScenarioState {
  /** as opened, created or recovered: the scenario the document came from */
  readonly original: RawScenario;
  /** as last saved (or as opened): "modified" and "Revert to saved" compare with it */
  readonly saved: RawScenario;
  /** with the user's edits: what is shown, run and saved */
  readonly current: RawScenario;
  /** shown name: the scenario's `name`, else the file name */
  readonly name: string;
  /** where it came from: "built in", a template's name, or a file name */
  readonly origin: string;
  /** the file it is saved in: a path (desktop) or the host's token for a picked file (browser); null = never saved */
  readonly path: string | null;
  /** that file's name, for the title; null = never saved */
  readonly fileName: string | null;
  /** true while `current` differs from `saved` */
  readonly modified: boolean;
  /** undo steps, oldest first */
  readonly past: readonly HistoryStep[];
  /** redo steps, next first */
  readonly future: readonly HistoryStep[];
  /** identity of the document: bumped by New, Open and Recover (not by edits or Save), so runs of different documents are not compared */
  readonly document: number;
  /** simulated days the user chose for runs, or null: the scenario's own `days` */
  readonly chosenDays: number | null;
  /** bumped by every change of what is run, so runs can tell a newer scenario from an older one */
  readonly revision: number;
  /** the last file that could not be opened, and why (the current scenario was kept) */
  readonly openError: { readonly file: string; readonly issues: readonly ScenarioIssue[] } | null;
}

export function initialScenarioState(raw: RawScenario, origin: string): ScenarioState {
  return {
    original: raw,
    saved: raw,
    current: raw,
    name: nameOf(raw, origin),
    origin,
    path: null,
    fileName: null,
    modified: false,
    past: [],
    future: [],
    document: 0,
    chosenDays: null,
    revision: 0,
    openError: null,
  };
}

function nameOf(raw: RawScenario, fallback: string): string {
  return typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : fallback;
}

/** The scenario's `days` as the simulator reads it (MODEL.md: 7 when left out). */
export function scenarioDays(raw: RawScenario): number {
  return typeof raw.days === 'number' && raw.days > 0 && Number.isFinite(raw.days) ? raw.days : 7;
}

/** The days runs simulate, and whether the user chose them (else they are the scenario's). */
export function runHorizon(state: ScenarioState): { readonly days: number; readonly chosen: boolean } {
  return state.chosenDays === null ? { days: scenarioDays(state.current), chosen: false } : { days: state.chosenDays, chosen: true };
}

/** "7 days, from the scenario" or "1 day, chosen". */
export function horizonLabel(state: ScenarioState): string {
  const { days, chosen } = runHorizon(state);
  return `${days} day${days === 1 ? '' : 's'}, ${chosen ? 'chosen' : 'from the scenario'}`;
}

/** A new document: `raw` as opened (or created, or recovered), with an empty history. */
export interface DocumentPayload {
  readonly raw: RawScenario;
  /** "built in", a template's name, or the file name */
  readonly origin: string;
  /** the file it lives in, when it has one */
  readonly path?: string | null;
  readonly fileName?: string | null;
}

function newDocument(state: ScenarioState, payload: DocumentPayload, saved: RawScenario = payload.raw, original: RawScenario = saved): ScenarioState {
  return {
    ...state,
    original,
    saved,
    current: payload.raw,
    name: nameOf(payload.raw, payload.fileName ?? payload.origin),
    origin: payload.origin,
    path: payload.path ?? null,
    fileName: payload.fileName ?? null,
    modified: payload.raw !== saved,
    past: [],
    future: [],
    document: state.document + 1,
    revision: state.revision + 1,
    openError: null,
  };
}

/** A validated scenario replaces the current one (from a file, or New from a template); the history starts over. */
export function scenarioOpened(state: ScenarioState, payload: DocumentPayload): ScenarioState {
  return newDocument(state, payload);
}

/**
 * A document recovered after a crash: `raw` with its unsaved edits, `saved` what its file held
 * (the same object when nothing differs), `original` where it came from.
 */
export function scenarioRecovered(state: ScenarioState, payload: DocumentPayload & { readonly saved: RawScenario; readonly original: RawScenario }): ScenarioState {
  return newDocument(state, payload, payload.saved, payload.original);
}

/** `scenario` was written to the file `path` (named `fileName`): it is the saved copy now. */
export function scenarioSaved(state: ScenarioState, payload: { readonly scenario: RawScenario; readonly path: string; readonly fileName: string }): ScenarioState {
  const next: ScenarioState = {
    ...state,
    saved: payload.scenario,
    path: payload.path,
    fileName: payload.fileName,
    origin: payload.fileName,
    name: nameOf(state.current, payload.fileName),
    modified: state.current !== payload.scenario,
  };
  return next;
}

/** A file that could not be used: the current scenario stays. */
export function scenarioRejected(state: ScenarioState, payload: { file: string; issues: readonly ScenarioIssue[] }): ScenarioState {
  return { ...state, openError: { file: payload.file, issues: payload.issues } };
}

export function openErrorDismissed(state: ScenarioState): ScenarioState {
  return state.openError === null ? state : { ...state, openError: null };
}

function withCurrent(state: ScenarioState, current: RawScenario, past: readonly HistoryStep[], future: readonly HistoryStep[]): ScenarioState {
  return { ...state, current, name: nameOf(current, state.fileName ?? state.origin), modified: current !== state.saved, past, future, revision: state.revision + 1 };
}

/**
 * An edit of the scenario: `edit` is a pure function of the raw scenario (src/renderer/scenario),
 * returning the same object when it changes nothing (then nothing happens). Each edit is one undo
 * step and clears the redo steps. Consecutive edits with the same explicit `label` (typing in one
 * field: "1", then "12") merge into one step unless `mergeSameLabel` is false (the workbench's
 * edits: two drags of one base are two steps); edits without a label never merge.
 */
export function scenarioEdited(state: ScenarioState, edit: (raw: RawScenario) => RawScenario, label: string = DEFAULT_EDIT_LABEL, mergeSameLabel = true): ScenarioState {
  const current = edit(state.current);
  if (current === state.current) return state;
  const last = state.past[state.past.length - 1];
  const merge = mergeSameLabel && label !== DEFAULT_EDIT_LABEL && last !== undefined && last.label === label && state.future.length === 0 && state.current !== state.saved;
  const past = merge ? state.past : [...state.past, { scenario: state.current, label }].slice(-HISTORY_LIMIT);
  return withCurrent(state, current, past, []);
}

/** What Undo would undo ("Units, NA, early"), or null when there is nothing to undo. */
export function undoLabel(state: ScenarioState): string | null {
  return state.past[state.past.length - 1]?.label ?? null;
}

/** What Redo would redo, or null. */
export function redoLabel(state: ScenarioState): string | null {
  return state.future[0]?.label ?? null;
}

/** Takes back the last edit (or revert). */
export function undone(state: ScenarioState): ScenarioState {
  const step = state.past[state.past.length - 1];
  if (!step) return state;
  return withCurrent(state, step.scenario, state.past.slice(0, -1), [{ scenario: state.current, label: step.label }, ...state.future]);
}

/** Does again the last edit undone. */
export function redone(state: ScenarioState): ScenarioState {
  const step = state.future[0];
  if (!step) return state;
  return withCurrent(state, step.scenario, [...state.past, { scenario: state.current, label: step.label }], state.future.slice(1));
}

/** Back to the scenario as last saved (or opened), as one undoable step. */
export function revertedToSaved(state: ScenarioState): ScenarioState {
  if (state.current === state.saved) return state;
  const saved = state.saved;
  return scenarioEdited(state, () => saved, 'Revert to saved');
}

/** Calls per day of every stream added up. */
function totalCalls(raw: RawScenario): number {
  const demand = raw.demand as { streams?: unknown } | undefined;
  const streams = Array.isArray(demand?.streams) ? (demand.streams as unknown[]) : [];
  return streams.reduce<number>((sum, s) => {
    const calls = (s as { callsPerDay?: unknown } | null)?.callsPerDay;
    return sum + (typeof calls === 'number' && Number.isFinite(calls) ? calls : 0);
  }, 0);
}

/**
 * The demand multiplier shown: the calls a day of `current` against those of the scenario the
 * document came from (1 when that had none), to 3 decimals. It is not state of its own: setting it
 * scales the streams of `current` (`demandMultiplierSet`), so the file saved holds what was run.
 */
export function demandMultiplierOf(state: ScenarioState): number {
  const before = totalCalls(state.original);
  if (!(before > 0)) return 1;
  return Math.round((totalCalls(state.current) / before) * 1000) / 1000;
}

/** Calls per day rounded to a millionth, so 5966 x 1.1 is saved as 6562.6 and not 6562.600000000001. */
const roundCalls = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Sets the demand multiplier: every stream's `callsPerDay` of `current` is scaled by one factor so
 * that their total is the original's times `multiplier`, as one undo step (repeated changes merge).
 */
export function demandMultiplierSet(state: ScenarioState, multiplier: number): ScenarioState {
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new Error(`demand multiplier must be a number > 0, got ${multiplier}`);
  if (multiplier === demandMultiplierOf(state)) return state;
  const before = totalCalls(state.original);
  const now = totalCalls(state.current);
  if (!(now > 0)) return state; // no calls to scale
  const factor = before > 0 ? (multiplier * before) / now : multiplier;
  return scenarioEdited(
    state,
    (raw) => {
      const demand = raw.demand as Record<string, unknown> | undefined;
      if (typeof demand !== 'object' || demand === null || !Array.isArray(demand.streams)) return raw;
      const streams = (demand.streams as unknown[]).map((s) => {
        const stream = s as Record<string, unknown> | null;
        return stream !== null && typeof stream === 'object' && typeof stream.callsPerDay === 'number'
          ? { ...stream, callsPerDay: roundCalls(stream.callsPerDay * factor) }
          : s;
      });
      return { ...raw, demand: { ...demand, streams } };
    },
    'Demand multiplier',
  );
}

/** The run horizon: `days` chosen by the user, or null for the scenario's own. Not an edit of the scenario. */
export function horizonSet(state: ScenarioState, days: number | null): ScenarioState {
  if (days !== null && (!(days > 0) || !Number.isFinite(days))) throw new Error(`horizon must be a number of days > 0, got ${days}`);
  if (days === state.chosenDays) return state;
  return { ...state, chosenDays: days, revision: state.revision + 1 };
}
