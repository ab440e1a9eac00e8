/**
 * "Presenter view" in the live bar (issue 17 item 7): opens and closes the presenter view
 * (./PresenterView.tsx), which loads with the other panels; this button is on the first screen.
 */
import { update, useAppStore, useAppStoreApi } from '../store';
import { presenterSet } from '../store/trainer-slice';

/** Leaflet sizes the map to its box on a window resize: the box changes when the view opens or closes. */
export function resized(): void {
  window.dispatchEvent(new Event('resize'));
}

export function PresenterButton() {
  const store = useAppStoreApi();
  const on = useAppStore((s) => s.trainer.presenter);
  return (
    <button
      type="button"
      className="secondary"
      aria-pressed={on}
      title="The map full screen with a large clock and the live figures, for a projector (Escape leaves)"
      onClick={() => {
        update(store, 'trainer', presenterSet, !on);
        requestAnimationFrame(resized);
      }}
    >
      Presenter view
    </button>
  );
}

