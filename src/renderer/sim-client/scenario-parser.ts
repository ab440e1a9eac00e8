/**
 * The scenario schema (src/shared/scenario, with zod: about a third of the page's code) fetched
 * after the page's first script (issue 14, aim 6). `scenarioParser()` is it once fetched, else
 * null; `loadScenarioParser()` fetches it (once).
 */
export type ScenarioModule = typeof import('../../shared/scenario');

let loaded: ScenarioModule | null = null;
let pending: Promise<ScenarioModule> | null = null;

export function loadScenarioParser(): Promise<ScenarioModule> {
  pending ??= import('../../shared/scenario').then((module) => (loaded = module));
  pending.catch(() => (pending = null));
  return pending;
}

export function scenarioParser(): ScenarioModule | null {
  return loaded;
}
