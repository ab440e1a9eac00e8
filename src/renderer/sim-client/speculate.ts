/**
 * Speculative runs of the neighbouring values (issue 14 aim 4: a changed number to new one-day
 * figures). A planner steps a resourcing number (a spin button, the arrow keys: one up or down).
 * Once the figures of the scenario in hand are in (the batch run done, no live session opening
 * or playing), the page quietly runs the one-day figures of the last changed number at one more
 * and one less (the way it last moved first), the rest of the scenario as it is, and keeps them
 * where it keeps what it ran (`runRemembered`, ./run.ts). A step to one of them then shows its
 * figures at once (the horizon's own run follows as before); results are deterministic, so they are
 * the figures a fresh run gives, byte for byte.
 *
 * Never in the way: any change of the store that ends the quiet (a change of the scenario or the
 * horizon, a run, a replay chosen, a live session opening or playing) cancels the speculative run
 * at once, before the new run is sent; nothing is shown from a speculative run until the user
 * asks for that scenario. Only the integer resourcing fields (units of a BCU or base on a shift,
 * call takers of a pool on a shift), only within their range, and only where a cancel stops a run
 * within milliseconds (Electron's workers, or a cross-origin isolated page: the cancel board; a
 * browser page without it would lose its worker to a cancel, src/web/web-spawn.ts).
 *
 * Measured (2026-12-07, `node scripts/measure-app.mjs --dir dist-web --loads 2 --changes 3`, pairs
 * against main 3609371 at load 5-11 on 2 cores): a step (+1) after the page settled 29-134 ms median
 * against 1.2-3.0 s; a jump (+5) 0.8-2.3 s against 1.2-2.1 s (the same within the noise); a jump
 * while a speculative run is going 0.8-2.8 s, the speculative run ending 11-15 ms after the jump's
 * run was asked for; first figures and live ready the same within the noise (nothing is fetched or
 * run before the first change).
 *
 * Loaded lazily (./auto-run.ts), so the page's first script stays small; it is handed ./run.ts's
 * functions rather than importing them (an import of ./run.ts from here made the bundler split the
 * store, React and zustand out of the main chunk into a chunk of their own that the page loads at once).
 */
import type { DesktopApi } from '../../shared/protocol';
import { LIMITS } from '../../shared/scenario/limits';
import { readResourcing, setBaseUnits, setBcuUnits, setCallTakers, type Resourcing } from '../scenario/resourcing';
import type { AppState, AppStore } from '../store';
import type { RawScenario, ScenarioState } from '../store/scenario-slice';
import type { newJobId, runRemembered } from './run';

/** A resourcing number the user changed: how to read and set it (the panel's own edit). */
export interface SteppedField {
  /** "units of BCU CW, early" */
  readonly name: string;
  readonly read: (raw: RawScenario) => number | undefined;
  /** the scenario with the field set to `n` (what the panel's field does with `n`) */
  readonly set: (raw: RawScenario, n: number) => RawScenario;
  readonly max: number;
  /** the way it last moved */
  readonly direction: 1 | -1;
}

type Cell = { readonly id: string | null; readonly shift: string; readonly from: number; readonly to: number };

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Cells (by id and shift) whose number differs between two readings. */
function changedCells(a: ReadonlyMap<string | null, Readonly<Record<string, number>>>, b: ReadonlyMap<string | null, Readonly<Record<string, number>>>, shifts: readonly string[]): Cell[] | null {
  if (a.size !== b.size) return null;
  const out: Cell[] = [];
  for (const [id, before] of a) {
    const after = b.get(id);
    if (!after) return null;
    for (const shift of shifts) if (before[shift] !== after[shift]) out.push({ id, shift, from: before[shift] ?? 0, to: after[shift] ?? 0 });
  }
  return out;
}

const pools = (r: Resourcing) => new Map(r.pools.map((p) => [p.id as string | null, p.perShift]));
const bcus = (r: Resourcing) => new Map(r.bcus.map((b) => [b.id, b.perShift]));
const bases = (r: Resourcing) => new Map(r.bcus.flatMap((b) => b.bases.map((base) => [base.id as string | null, base.perShift] as const)));

function field(name: string, max: number, read: (r: Resourcing) => number | undefined, set: SteppedField['set'], from: number, to: number): SteppedField {
  return { name, max, read: (raw) => read(readResourcing(raw)), set, direction: to >= from ? 1 : -1 };
}

/**
 * The integer resourcing field whose change turned `before` into `after`, or null when the change
 * was anything else (or more than one field). `label` is the edit's undo label ("Units, Camden,
 * early"): a change of one base's units is also a BCU's change; the label tells which field it was.
 * The field found is checked: setting it to its new value in `before` gives `after`.
 */
export function changedField(before: RawScenario, after: RawScenario, label = ''): SteppedField | null {
  if (before === after) return null;
  const a = readResourcing(before);
  const b = readResourcing(after);
  if (a.shifts.join('\n') !== b.shifts.join('\n')) return null;
  const takers = changedCells(pools(a), pools(b), a.shifts);
  const units = changedCells(bases(a), bases(b), a.shifts);
  if (!takers || !units) return null;
  const candidates: SteppedField[] = [];
  if (takers.length === 1 && units.length === 0) {
    const { id, shift, from, to } = takers[0]!;
    const pool = id!;
    candidates.push(field(`call takers of ${pool}, ${shift}`, LIMITS.staff, (r) => r.pools.find((p) => p.id === pool)?.perShift[shift], (raw, n) => setCallTakers(raw, pool, shift, n), from, to));
  }
  if (takers.length === 0 && units.length > 0 && units.every((c) => c.shift === units[0]!.shift)) {
    const shift = units[0]!.shift;
    const bcuOf = (baseId: string | null) => a.bcus.find((g) => g.bases.some((base) => base.id === baseId));
    const group = bcuOf(units[0]!.id);
    const oneBcu = group !== undefined && units.every((c) => bcuOf(c.id) === group);
    const bcuField = (): SteppedField | null => {
      if (!oneBcu) return null;
      const from = group.perShift[shift] ?? 0;
      const to = bcus(b).get(group.id)?.[shift] ?? 0;
      return field(`units of BCU ${group.id ?? '(none)'}, ${shift}`, LIMITS.units, (r) => r.bcus.find((g) => g.id === group.id)?.perShift[shift], (raw, n) => setBcuUnits(raw, group.id, shift, n), from, to);
    };
    const baseField = (): SteppedField | null => {
      if (units.length !== 1) return null;
      const { id, from, to } = units[0]!;
      const base = id!;
      return field(`units of base ${base}, ${shift}`, LIMITS.units, (r) => bases(r).get(base)?.[shift], (raw, n) => setBaseUnits(raw, base, shift, n), from, to);
    };
    const baseName = group?.bases.find((base) => base.id === units[0]!.id)?.name;
    const order = units.length === 1 && label === `Units, ${baseName}, ${shift}` ? [baseField, bcuField] : [bcuField, baseField];
    for (const make of order) {
      const made = make();
      if (made) candidates.push(made);
    }
  }
  for (const candidate of candidates) {
    const to = candidate.read(after);
    try {
      if (to !== undefined && sameJson(candidate.set(before, to), after)) return candidate;
    } catch {
      // not this field
    }
  }
  return null;
}

/** The scenarios with `field` one more and one less than in `raw` (the way it last moved first), within its range. */
export function neighbours(field: SteppedField, raw: RawScenario): RawScenario[] {
  const value = field.read(raw);
  if (value === undefined || !Number.isInteger(value)) return [];
  const out: RawScenario[] = [];
  for (const n of [value + field.direction, value - field.direction]) {
    if (n < 0 || n > field.max) continue;
    try {
      const next = field.set(raw, n);
      if (next !== raw) out.push(next);
    } catch {
      // not settable to n (the panel would refuse it too)
    }
  }
  return out;
}

/** What it needs of ./run.ts. */
export interface Runs {
  readonly runRemembered: typeof runRemembered;
  readonly newJobId: typeof newJobId;
}

export interface SpeculationOptions {
  /** whether a cancel stops a run within milliseconds (default: Electron, or a cross-origin isolated page) */
  readonly cancelsAtOnce?: (state: AppState) => boolean;
  /** told of each speculative run as it ends (tests, the page's timeline) */
  readonly onRun?: (scenario: RawScenario, jobId: string, ok: boolean) => void;
}

const cancelsAtOnce = (state: AppState): boolean => state.host.version?.host === 'electron' || (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

/** The page is quiet: the figures of the scenario in hand are in and no live session opens or plays. */
export function quiet(state: AppState): boolean {
  const { run, scenario, live } = state;
  return run.status === 'done' && run.revision === scenario.revision && run.replay === null && live.status !== 'starting' && !live.playing;
}

/** Starts speculating on `store`'s changes; returns the function that stops (and cancels what runs). */
/** @param since the scenario state the store's first change is to be compared with (default: the store's now) */
export function startSpeculation(api: DesktopApi, store: AppStore, runs: Runs, since: ScenarioState = store.getState().scenario, options: SpeculationOptions = {}): () => void {
  const fast = options.cancelsAtOnce ?? cancelsAtOnce;
  let seen = since;
  let stepped: SteppedField | null = null;
  /** the scenario whose neighbours were all run (or tried) */
  let done: RawScenario | null = null;
  let running: string | null = null;
  let generation = 0;

  const cancel = (): void => {
    generation += 1;
    if (running !== null) void api.cancel(running);
    running = null;
  };

  const speculate = async (raw: RawScenario, field: SteppedField, mine: number): Promise<void> => {
    for (const next of neighbours(field, raw)) {
      if (mine !== generation) return;
      const jobId = runs.newJobId('speculate');
      running = jobId;
      performance.mark?.('rs:speculate:start');
      const outcome = await runs.runRemembered(api, { jobId, scenario: next as Record<string, unknown>, days: 1 }).catch(() => null);
      performance.mark?.('rs:speculate:end');
      if (running === jobId) running = null;
      options.onRun?.(next, jobId, outcome?.ok === true);
    }
    if (mine === generation) done = raw;
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Starts speculating if the page is (still) quiet: in a task of its own, after what follows the figures in the same task (the live session reopening). */
  const maybeStart = (): void => {
    timer = null;
    const state = store.getState();
    const { current } = state.scenario;
    if (running !== null || stepped === null || done === current || !quiet(state) || !fast(state)) return;
    void speculate(current, stepped, ++generation);
  };

  const onState = (state: AppState): void => {
    const { scenario } = state;
    if (scenario.current !== seen.current || scenario.document !== seen.document) {
      const label = scenario.past[scenario.past.length - 1]?.label ?? '';
      stepped = scenario.document === seen.document ? changedField(seen.current, scenario.current, label) : null;
      cancel();
    }
    seen = scenario;
    if (!quiet(state)) {
      if (running !== null) cancel();
    } else if (running === null && stepped !== null && done !== scenario.current) timer ??= setTimeout(maybeStart, 0);
  };

  const unsubscribe = store.subscribe(onState);
  onState(store.getState());
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    cancel();
  };
}
