/** "What changed": the edits since the scenario was opened, in words (scenario/describe.ts). */
import { useMemo } from 'react';
import { areaAt } from '../map/locate';
import { describeChanges } from '../scenario/describe';
import { useAppStore } from '../store';

export function WhatChanged() {
  const original = useAppStore((s) => s.scenario.original);
  const current = useAppStore((s) => s.scenario.current);
  const origin = useAppStore((s) => s.scenario.name);
  const layers = useAppStore((s) => s.map.layers);
  const lines = useMemo(() => {
    const names = {
      areas: new Map((layers?.areas.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])),
      bcus: new Map((layers?.bcus?.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])),
      areaAt: (lon: number, lat: number) => areaAt(layers?.areas, lon, lat)?.name ?? null,
    };
    // `current` already holds the demand level (demandMultiplierSet scales its streams).
    return describeChanges(original, current, names);
  }, [original, current, layers]);
  return (
    <section className="panel what-changed" aria-labelledby="what-changed-title" data-testid="what-changed">
      <h2 id="what-changed-title">What changed</h2>
      {lines.length === 0 ? (
        <p className="hint">Nothing yet: this is {origin} as opened.</p>
      ) : (
        <>
          <p className="hint">Against {origin} as opened:</p>
          <ul>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
