/**
 * The "Compare" button and the Compare panel it opens (./ComparePanel.tsx, fetched as a chunk of
 * its own on first opening). The panel stays mounted once opened, so closing it keeps a comparison
 * running and its results for when it is opened again.
 */
import { lazy, Suspense, useState } from 'react';

const ComparePanel = lazy(() => import('./ComparePanel').then((m) => ({ default: m.ComparePanel })));

export function Compare() {
  const [opened, setOpened] = useState(false);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          setOpened(true);
          setOpen((o) => !o);
        }}
      >
        Compare
      </button>
      {opened && (
        <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
          <ComparePanel hidden={!open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
