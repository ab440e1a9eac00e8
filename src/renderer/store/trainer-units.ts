/**
 * The trainer's unit list, in words and filtered: "Find unit" narrows the candidates (every on-duty
 * unit, nearest by ETA first) by unit id, station or state; sending a unit that works on another
 * incident diverts it, which the trainer confirms first, told which incident it leaves. Pure.
 */
import type { LiveCandidate, LiveIncident } from '../../shared/protocol';

/** Candidates whose unit id, station or state contains every word of `filter` (case ignored), in the given order. */
export function filterCandidates(candidates: readonly LiveCandidate[], filter: string): LiveCandidate[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...candidates];
  return candidates.filter((c) => {
    const text = `${c.unit} ${c.station} ${c.state}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** The incident a candidate would leave if sent to `target`: the one it works on, when another; else null. */
export function leaves(candidate: LiveCandidate | undefined, target: number): number | null {
  const from = candidate?.incident;
  return from === undefined || from === null || from === target ? null : from;
}

const STATE_WORDS: Readonly<Record<string, string>> = {
  travelling: 'on its way to it',
  'on-scene': 'on scene there',
  custody: 'dealing with a prisoner from it',
};

/**
 * The question before a diversion: 'Divert CX-IRV-3 from incident 45 to incident 67? CX-IRV-3 is on
 * scene there; incident 45 (grade S) goes back to waiting for a unit.'
 */
export function divertConfirmText(unit: string, from: number, to: number, state: string | undefined, fromIncident: LiveIncident | undefined): string {
  const where = state && STATE_WORDS[state] ? ` ${unit} is ${STATE_WORDS[state]};` : '';
  const grade = fromIncident ? ` (grade ${fromIncident.grade})` : '';
  return `Divert ${unit} from incident ${from} to incident ${to}?${where} incident ${from}${grade} goes back to waiting for a unit.`;
}
