/**
 * The index of free units (src/sim/fleet/free-units.ts) and the availability lists dispatch reads
 * from it (availableIn*, anyAvailable in src/sim/dispatch/choose.ts), checked against scans of the
 * whole fleet at every event of random runs.
 */
import { describe, expect, it } from 'vitest';
import { anyAvailable, availableAll, availableInArea, availableInSlot, availableUnits } from '../../../src/sim/dispatch/choose';
import { FreeUnits, SortedIntSet } from '../../../src/sim/fleet/free-units';
import { US } from '../../../src/sim/fleet/fleet';
import { Simulation } from '../../../src/sim/model/simulation';
import { streamRng } from '../../../src/sim';
import { prepare } from '../helpers';
import { randomScenario } from './random-scenarios';

describe('SortedIntSet', () => {
  it('keeps its members sorted through random adds and deletes, as a Set would', () => {
    const rng = streamRng(5, 'sorted-int-set');
    const set = new SortedIntSet(2);
    const ref = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = Math.floor(rng.next() * 300);
      if (rng.next() < 0.55) {
        expect(set.add(x), `add ${x}`).toBe(!ref.has(x));
        ref.add(x);
      } else {
        expect(set.delete(x), `delete ${x}`).toBe(ref.has(x));
        ref.delete(x);
      }
      expect(set.size).toBe(ref.size);
      expect(set.has(x)).toBe(ref.has(x));
    }
    expect(set.toArray()).toEqual([...ref].sort((a, b) => a - b));
    for (let i = 0; i < set.size; i++) expect(set.at(i)).toBe(set.toArray()[i]);
  });
});

describe('FreeUnits', () => {
  it('indexes a unit by slot and area, and refuses a unit made available twice or freed twice', () => {
    const free = new FreeUnits(Int32Array.of(0, 1, 0), Int32Array.of(2, -1, 0), 2, 3);
    free.add(2);
    free.add(1);
    expect(free.all.toArray()).toEqual([1, 2]);
    expect(free.bySlot[0]!.toArray()).toEqual([2]);
    expect(free.byArea[0]!.toArray()).toEqual([2]);
    expect(free.byArea[2]!.toArray()).toEqual([]);
    expect(() => free.add(2)).toThrow(/unit 2 is already available/);
    free.delete(2);
    expect(() => free.delete(2)).toThrow(/unit 2 is not available/);
    expect(free.all.toArray()).toEqual([1]);
  });
});

describe('availability from the index', () => {
  it('equals the scans of the whole fleet at every event of random runs, for every grade, BCU and area', async () => {
    let checked = 0;
    let held = 0;
    for (let k = 0; k < 8; k++) {
      const { scenario, world } = await prepare(randomScenario(k));
      const sim = new Simulation(scenario, world, { incidentLog: false });
      const f = sim.fleet;
      const areaCount = world.areas!.ids.length;
      let step = 0;
      while (sim.step()) {
        if (step++ % 7 !== 0) continue;
        const freeNow = f.all.filter((u) => f.state[u] === US.FREE || f.state[u] === US.RETURNING);
        expect(f.free.all.toArray(), `scenario ${k}, t=${sim.now}: the free set`).toEqual(freeNow);
        // The weighed units: every RETURNING one, and the lowest FREE one of each station.
        const weighedNow = freeNow.filter((u) => f.state[u] === US.RETURNING || !freeNow.some((x) => x < u && f.state[x] === US.FREE && f.station[x] === f.station[u]));
        expect(f.reps.all.toArray(), `scenario ${k}, t=${sim.now}: the weighed set`).toEqual(weighedNow);
        for (let b = 0; b < f.unitsByBcu.length; b++) expect(f.reps.bySlot[b]!.toArray()).toEqual(weighedNow.filter((u) => f.slotOfUnit[u] === b));
        for (let a = 0; a < areaCount; a++) expect(f.reps.byArea[a]!.toArray()).toEqual(weighedNow.filter((u) => f.areaOfUnit[u] === a));
        const committedNow = f.all.filter((u) => f.state[u] === US.TRAVELLING || f.state[u] === US.ON_SCENE);
        expect(f.committed.toArray(), `scenario ${k}, t=${sim.now}: the committed set`).toEqual(committedNow);
        for (let g = 0; g < 4; g++) {
          const all = availableUnits(sim, g);
          expect(availableAll(sim, g), `scenario ${k}, t=${sim.now}, grade ${g}: all`).toEqual(all);
          expect(anyAvailable(sim, g), `scenario ${k}, t=${sim.now}, grade ${g}: any`).toBe(all.length > 0);
          if (all.length < freeNow.length) held++;
          for (let b = 0; b < f.unitsByBcu.length; b++) {
            expect(availableInSlot(sim, g, b), `scenario ${k}, grade ${g}, BCU slot ${b}`).toEqual(availableUnits(sim, g, f.unitsByBcu[b]!));
          }
          for (let a = 0; a < areaCount; a++) {
            expect(availableInArea(sim, g, a), `scenario ${k}, grade ${g}, area ${a}`).toEqual(availableUnits(sim, g, f.unitsByArea.get(a) ?? []));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Reserves must have held units back often enough for the comparison to mean something.
    expect(held, 'checks where a reserve held some free unit back').toBeGreaterThan(100);
  }, 60_000);
});
