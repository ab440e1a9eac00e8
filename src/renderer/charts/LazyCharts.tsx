/**
 * The charts panel with its code (the charts and uPlot) in a chunk of its own, fetched when the panel
 * is first drawn, so the page's first script stays small (issue 14, aim 6). Until it arrives the panel
 * shows its title and one line.
 */
import { lazy, Suspense } from 'react';

const Charts = lazy(() => import('./Charts').then((module) => ({ default: module.Charts })));

export function LazyCharts() {
  return (
    <Suspense
      fallback={
        <section className="panel charts" aria-labelledby="charts-title">
          <h2 id="charts-title">Charts</h2>
          <p className="muted">Loading the charts…</p>
        </section>
      }
    >
      <Charts />
    </Suspense>
  );
}
