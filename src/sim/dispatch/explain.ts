/**
 * Dispatch explained (docs/MODEL-ADDITIONS.md "Dispatch explained"): for every incident, the
 * decision record of each unit sent to it (the units weighed with their state and ETA, why each
 * other was passed over, the rule that chose) and why it waited. Written as the incident log's
 * `reason`, and kept whole for the live incidents of a live session (`full`), where ETAs are
 * worked out for every on-duty unit, not only those the rule weighed (from time 0: not in the warm-up).
 *
 * It hangs on the simulation's `explain` hook (model/state.ts DispatchHook): told of each unit
 * just before it is sent, and after each dispatch pass. It reads the state and never changes it,
 * so an explained run gives the same results, byte for byte, as one that is not.
 */
import type { DispatchDecision, DispatchExplanation, ExplainedUnit } from '../../shared/live';
import { GRADES } from '../../shared/scenario';
import { US, UNIT_STATE_NAMES } from '../fleet/fleet';
import { CS, type Call } from '../model/call';
import { openSlot } from '../model/dispatch-pass';
import type { DispatchHook, SimState } from '../model/state';
import { applyBorder, chooseUnit, diversionCandidates } from './choose';
import { countWords, judgeUnits, minutes, plain, scopeOf, type Judgement } from './judge';
import { waitReason } from './wait-reason';

/** Units listed in a decision record (the nearest; the one sent always among them). */
export const LISTED = 12;
/** Sends between drops of the records of incidents that are over (full mode). */
const PRUNE_EVERY = 256;

interface Record {
  readonly decisions: DispatchDecision[];
  readonly notes: string[];
}

const POLICY_WORDS: Readonly<{ [policy: string]: string }> = {
  'nearest-eta': 'the smallest ETA',
  'nearest-straight-line': 'the nearest by straight line',
  'home-station-first': "its own area's units first then the smallest ETA",
};

export class DispatchExplainer implements DispatchHook {
  private readonly records = new Map<number, Record>();
  /** incidents noted as waiting in their current wait (cleared when a unit is sent) */
  private readonly waitNoted = new Set<number>();
  /** incidents a unit was taken from: they may wait again */
  private readonly recheck = new Set<number>();
  private byHand = false;
  private lastPassS = -Infinity;
  private sends = 0;

  /** @param full keep whole records of live incidents, ETAs of every on-duty unit (live sessions) */
  constructor(
    private readonly sim: SimState,
    private readonly full: boolean,
  ) {}

  /** The next unit sent is sent by the trainer's hand (src/sim/live/override.ts). */
  byTrainer(): void {
    this.byHand = true;
  }

  /** A note on incident `id`'s record ('CX-IRV-3 stood down by the trainer'). */
  note(id: number, text: string): void {
    const clause = plain(text);
    this.sim.log?.addReason(id, clause);
    if (this.full) this.record(id).notes.push(clause);
  }

  sent(call: Call, slot: number, u: number): void {
    const sim = this.sim;
    const f = sim.fleet;
    const state = f.state[u]!;
    const how: DispatchDecision['how'] = this.byHand ? 'trainer' : state === US.TRAVELLING || state === US.ON_SCENE ? 'diversion' : 'policy';
    this.byHand = false;
    const turnoutS = call.slotTurnoutS[slot]!;
    const departS = sim.now + turnoutS;
    const scope = scopeOf(sim, call);
    let weighed: readonly number[] = scope.allowed;
    let rule: string;
    const policy = sim.scenario.dispatch.policy;
    if (how === 'diversion') {
      const from = sim.calls.get(f.incident[u]!);
      weighed = [...applyBorder(sim, call, diversionCandidates(sim, call)), ...scope.allowed];
      rule = `diverted from incident ${from?.id ?? '?'} (grade ${from ? GRADES[from.grade] : '?'}) by dispatch.divert: no free unit could go; ${policy} among the units it may divert`;
    } else if (how === 'trainer') {
      const policyPick = scope.allowed.length > 0 ? chooseUnit(sim, call, departS) : null;
      rule = `sent by the trainer's hand; the policy would have sent ${policyPick ? `${f.ids[policyPick.unit]} (ETA ${minutes(policyPick.timeS + turnoutS)})` : 'no unit (none free that it may take)'}`;
    } else {
      if (policy === 'home-station-first' && call.area >= 0) {
        const home = scope.allowed.filter((x) => f.areaOf(x) === call.area);
        if (home.includes(u)) weighed = home;
      }
      rule = `${policy}: ${POLICY_WORDS[policy] ?? policy} among ${weighed.length} free unit${weighed.length === 1 ? '' : 's'} ${scope.words}`;
    }
    // Every on-duty unit's ETA in live records, from time 0: a warm-up played through at once (a
    // day of London, thousands of dispatches) would cost seconds, for records nobody selects.
    const all = this.full && sim.now >= 0;
    const { units, counts } = judgeUnits(sim, call, scope, weighed, u, { departS, turnoutS, all, list: this.full ? LISTED : 2 });
    const mine = units.find((j) => j.u === u);
    const etaS = mine?.etaS ?? null;
    const next = nearest(units.filter((j) => j.verdict === 'slower'))[0];
    const prefix = call.slots > 1 ? `unit ${slot + 1} of ${call.slots}: ` : '';
    const passed = countWords(sim, counts, call.grade);
    const clause =
      `${prefix}${f.ids[u]} sent (ETA ${minutes(etaS)}) ${how === 'policy' ? `by ${rule}` : `- ${rule}`}` +
      (next ? `; next ${f.ids[next.u]} ${next.why}` : '') +
      (passed ? `; passed over ${passed}` : '');
    sim.log?.addReason(call.id, plain(clause));
    if (how !== 'policy') {
      const old = f.incident[u]!;
      if (old >= 0 && old !== call.id) {
        this.note(old, `${f.ids[u]} ${how === 'trainer' ? 'diverted by the trainer' : 'diverted'} to incident ${call.id}`);
        this.recheck.add(old);
      }
    }
    this.waitNoted.delete(call.id);
    if (this.full) {
      const listed = nearest(units).slice(0, LISTED);
      if (mine && !listed.includes(mine)) listed[listed.length - 1] = mine;
      this.record(call.id).decisions.push({
        tS: sim.now,
        slot,
        how,
        unit: f.ids[u]!,
        etaS,
        rule: plain(rule),
        candidates: listed.map((j) => explained(sim, j)),
        passedOver: counts,
      });
      if (++this.sends % PRUNE_EVERY === 0) this.prune();
    }
  }

  afterPass(): void {
    const sim = this.sim;
    const since = this.lastPassS;
    this.lastPassS = sim.now;
    const pending = sim.pending;
    for (let g = 0; g < 4; g++) {
      const list = pending.list(g);
      // Sorted by the time they joined: the newest are at the back.
      for (let i = list.length - 1; i >= pending.head(g) && list[i]!.pendingS >= since; i--) this.noteWait(list[i]!);
    }
    for (const id of this.recheck) {
      const call = sim.calls.get(id);
      if (call?.inPending) this.noteWait(call);
    }
    this.recheck.clear();
  }

  private noteWait(call: Call): void {
    if (this.waitNoted.has(call.id) || openSlot(call) < 0) return;
    this.waitNoted.add(call.id);
    const why = waitReason(this.sim, call, { queue: false });
    if (why !== null) this.sim.log?.addReason(call.id, plain(`waits: ${why}`));
  }

  /** The decision record of live incident `id` (null when it is not live), with why it waits now. */
  explanation(id: number): DispatchExplanation | null {
    const call = this.sim.calls.get(id);
    if (!call) return null;
    const r = this.records.get(id);
    const waiting = call.state === CS.ACTIVE && openSlot(call) < 0 ? null : waitReason(this.sim, call, { queue: true });
    return {
      incident: id,
      decisions: r?.decisions ?? [],
      notes: r?.notes ?? [],
      waiting: waiting === null ? null : plain(waiting),
      text: this.sim.log?.reason(id) ?? '',
    };
  }

  private record(id: number): Record {
    let r = this.records.get(id);
    if (!r) {
      r = { decisions: [], notes: [] };
      this.records.set(id, r);
    }
    return r;
  }

  /** Drops the records of incidents that are over. */
  private prune(): void {
    for (const id of this.records.keys()) if (!this.sim.calls.has(id)) this.records.delete(id);
  }
}

/** Nearest first by ETA (unknown or unreachable last), ties by unit number. */
function nearest(units: readonly Judgement[]): Judgement[] {
  return [...units].sort((a, b) => (a.etaS ?? Infinity) - (b.etaS ?? Infinity) || a.u - b.u);
}

function explained(sim: SimState, j: Judgement): ExplainedUnit {
  return { unit: sim.fleet.ids[j.u]!, state: UNIT_STATE_NAMES[sim.fleet.state[j.u]!]!, etaS: j.etaS, verdict: j.verdict, why: plain(j.why) };
}
