/**
 * The scenarios a comparison can take: the open scenario, the document it came from (as opened,
 * as last saved), the London baseline, and files the user adds (validated here as Open does).
 * Pure functions of the scenario slice, tested without React.
 */
import { parseScenario } from '../../shared/scenario';
import type { OpenedFile } from '../../shared/protocol';
import { LONDON_BASELINE } from '../scenarios';
import type { RawScenario, ScenarioState } from '../store/scenario-slice';

export interface Candidate {
  readonly id: string;
  readonly label: string;
  readonly scenario: RawScenario;
}

/** Variants beside the open scenario: "up to three more". */
export const MAX_MORE_VARIANTS = 3;

const nameOf = (raw: RawScenario, fallback: string): string => (typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : fallback);

/** The open scenario, with its edits. */
export function openCandidate(state: ScenarioState): Candidate {
  return { id: 'open', label: `${state.name}${state.modified ? ' (with your changes)' : ''}`, scenario: state.current };
}

/** What the open scenario can be compared with, the default baseline first. */
export function builtInCandidates(state: ScenarioState): Candidate[] {
  const out: Candidate[] = [];
  if (state.original !== state.current) out.push({ id: 'original', label: `${nameOf(state.original, state.origin)} (as opened)`, scenario: state.original });
  if (state.saved !== state.current && state.saved !== state.original) out.push({ id: 'saved', label: `${nameOf(state.saved, state.origin)} (as last saved)`, scenario: state.saved });
  out.push({ id: 'london', label: `${LONDON_BASELINE.label} (built in)`, scenario: LONDON_BASELINE.scenario });
  return out;
}

/** A file the user added as a candidate, or why it cannot be one (naming the file and the field). */
export function fileCandidate(file: OpenedFile): { ok: true; candidate: Candidate } | { ok: false; message: string } {
  const raw = file.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: `${file.name}: expected a scenario object (the file holds other JSON)` };
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    return { ok: false, message: `${file.name}: ${first.path || '(scenario)'}: ${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}` };
  }
  const scenario = raw as RawScenario;
  return { ok: true, candidate: { id: `file:${file.path}`, label: `${nameOf(scenario, file.name)} (${file.name})`, scenario } };
}

/** Horizons the panel offers: a day to four weeks. */
export const HORIZON_MIN_DAYS = 1;
export const HORIZON_MAX_DAYS = 28;

/** The horizon to start with: the run horizon, kept within a day and four weeks. */
export function defaultHorizon(days: number): number {
  return Math.min(HORIZON_MAX_DAYS, Math.max(HORIZON_MIN_DAYS, Math.round(days)));
}
