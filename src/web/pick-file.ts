/** Reading a scenario file the user picks in the browser (no paths: only the name and the content). */
import { parseJsonText } from '../shared/json-text';
import type { OpenFileOutcome } from '../shared/protocol';
import { LIMITS } from '../shared/scenario/limits';

/** What is read of a picked file. */
export type PickedFile = Pick<File, 'name' | 'size' | 'text'>;

/** Reads and parses a picked file; every failure is a value naming the file. */
export async function readPickedFile(file: PickedFile | null): Promise<OpenFileOutcome> {
  if (file === null) return { ok: false, reason: 'cancelled' };
  if (file.size > LIMITS.scenarioFileBytes) {
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    return { ok: false, reason: 'unreadable', message: `${file.name} is ${mb(file.size)}; scenario files over ${mb(LIMITS.scenarioFileBytes)} are refused` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `${file.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Line and column for any problem, depth checked before anything recursive, the content never quoted.
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, reason: 'not-json', message: `${file.name}: not valid JSON: ${parsed.message}` };
  return { ok: true, file: { path: file.name, name: file.name, raw: parsed.value } };
}
