/**
 * The canonical form of a saved scenario file: the scenario object as the document holds it, keys
 * in the order the file had them (edits keep that order and add new keys at the end), as JSON with
 * two-space indents and a final newline. Parsing that text and writing it again gives the same
 * bytes, so save, open, save changes nothing.
 */
import type { RawScenario } from '../store/scenario-slice';

export function scenarioText(raw: RawScenario): string {
  return `${JSON.stringify(raw, null, 2)}\n`;
}

/** A file name to suggest for a scenario called `name`: "London baseline" -> "london-baseline.json". */
export function suggestedFileName(name: string): string {
  const stem = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'scenario'}.json`;
}
