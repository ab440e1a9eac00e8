import { describe, expect, it } from 'vitest';
import { buildResults } from '../../../src/sim/metrics/results';
import { CallPool, NO_SLOTS } from '../../../src/sim/model/call';
import { Simulation } from '../../../src/sim/model/simulation';
import { runScenario } from '../../../src/sim/run';
import { smallInput } from '../fixtures/small';
import { prepare, stable } from '../helpers';

describe('CallPool', () => {
  it('hands out a call object with slot arrays of the length asked for, reusing what it was given', () => {
    const pool = new CallPool();
    const a = pool.take(1);
    expect(a.slotUnit).toHaveLength(1);
    expect(a.slotDone).toHaveLength(1);
    pool.give(a);
    const b = pool.take(1);
    expect(b).toBe(a);
    expect(b.slotOnSceneS).toBe(a.slotOnSceneS);
    pool.give(b);
    const c = pool.take(3);
    expect(c).toBe(a);
    for (const slots of [c.slotUnit, c.slotOnSceneS, c.slotTurnoutS, c.slotDispatchS, c.slotDone]) expect(slots).toHaveLength(3);
    pool.give(c);
    const d = pool.take(0);
    expect(d.slotUnit).toBe(NO_SLOTS);
    expect(pool.size).toBe(0);
  });

  it('changes no result: a run that uses finished calls again gives the bytes of one that does not', async () => {
    const input = smallInput();
    input.days = 3;
    input.grades = { ...input.grades, I: { arrestProbability: 0.2, unitsRequired: 2 } };
    const { scenario, world } = await prepare(input);
    const plain = new Simulation(scenario, world, { incidentLog: false });
    while (plain.step());
    expect(plain.callPool).toBeNull();
    const pooled = new Simulation(scenario, world, { incidentLog: false });
    pooled.recycleCalls();
    while (pooled.step());
    // Calls were handed back and out again (the pool holds the ones over at the end).
    expect(pooled.callPool!.size).toBeGreaterThan(0);
    expect(pooled.nextCallId).toBe(plain.nextCallId);
    const bytes = stable(buildResults(plain, { wallMs: 0 }));
    expect(stable(buildResults(pooled, { wallMs: 0 }))).toBe(bytes);
    expect(stable(runScenario(scenario, world, { incidentLog: false }).results)).toBe(bytes);
  });
});
