/**
 * Why an incident waits for a unit (docs/MODEL-ADDITIONS.md "Dispatch explained"): no unit on
 * duty; no free unit it may take (how many are busy, held in reserve for higher grades, outside the
 * border rule, off duty) and none to divert; free units that cannot reach it; or one may go, and the
 * next dispatch pass sends it. Reads the state only.
 */
import { GRADES } from '../../shared/scenario';
import { CS, type Call } from '../model/call';
import { openSlot } from '../model/dispatch-pass';
import type { SimState } from '../model/state';
import { applyBorder, diversionCandidates } from './choose';
import { countWords, etasOf, judgeUnits, scopeOf } from './judge';

/**
 * Why `call` waits now, in words; null when it does not (over, or every unit it needs sent).
 * With `queue`, also how many incidents are ahead of it in the pending queue (a walk of the queue:
 * live sessions only).
 */
export function waitReason(sim: SimState, call: Call, opts: { queue: boolean }): string | null {
  if (call.state === CS.DECIDING) return "being decided (the dispatcher's decision time)";
  if (call.state === CS.WAITING || call.state === CS.IN_HANDLING) return 'still a call being handled';
  if (call.state !== CS.ACTIVE) return null;
  const slot = openSlot(call);
  if (slot < 0) return null;
  const which = call.slots > 1 ? `unit ${slot + 1} of ${call.slots}: ` : '';
  const turnoutS = call.slotTurnoutS[slot]!;
  const departS = sim.now + turnoutS;
  const scope = scopeOf(sim, call);
  const ahead = opts.queue ? queueAhead(sim, call) : 0;
  const queued = ahead > 0 ? `; ${ahead} incident${ahead === 1 ? '' : 's'} ahead of it in the queue` : '';
  if (scope.allowed.length > 0) {
    const reachable = etasOf(sim, call, scope.allowed, departS, turnoutS).some((e) => e !== null);
    if (!reachable) return `${which}no free unit it may take can reach it (${scope.allowed.length} free ${scope.words})`;
    return `${which}${scope.allowed.length} free unit${scope.allowed.length === 1 ? '' : 's'} may take it (${scope.words}): the next dispatch pass sends one${queued}`;
  }
  const { counts: byVerdict } = judgeUnits(sim, call, scope, [], -1, { departS, turnoutS, all: false, list: 0 });
  if (Object.keys(byVerdict).every((k) => k === 'off-duty')) return `${which}no unit on duty`;
  const counts = countWords(sim, byVerdict, call.grade);
  let divert = '';
  const d = sim.scenario.dispatch.divert;
  if (d && d.to.includes(GRADES[call.grade]!)) {
    const candidates = diversionCandidates(sim, call);
    const allowed = applyBorder(sim, call, candidates);
    divert =
      candidates.length === 0
        ? `; none to divert (dispatch.divert takes units from ${d.from.join(' and ')} incidents)`
        : allowed.length === 0
          ? `; ${candidates.length} could be diverted but are outside the border rule`
          : `; ${allowed.length} may be diverted: the next dispatch pass diverts one`;
  }
  return `${which}no free unit it may take: ${counts}${divert}${queued}`;
}

/** Incidents served before `call` by the pending queue's order (higher grades, then earlier). */
function queueAhead(sim: SimState, call: Call): number {
  let n = 0;
  const pending = sim.pending;
  for (let g = 0; g < call.grade; g++) n += pending.count(g);
  const list = pending.list(call.grade);
  for (let i = pending.head(call.grade); i < list.length && list[i] !== call; i++) n++;
  return n;
}
