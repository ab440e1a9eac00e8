/**
 * What the planner is told after moving or adding a base: how far and which way it moved, and where
 * it lies on the road network (the host's snap, MODEL.md "Travel": a unit leaves a base by its
 * nearest road position). Pure, so it is tested without React.
 */
import { compassWord, metresBetween } from '../scenario/raw';
import type { BaseMove, BaseSnap } from '../store/workbench-slice';

/** "1.2 km" or "350 m". */
export function distanceText(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`;
}

/** "1.2 km east" / "350 m north-west" between two positions. */
export function movedText(lon1: number, lat1: number, lon2: number, lat2: number): string {
  return `${distanceText(metresBetween(lon1, lat1, lon2, lat2))} ${compassWord(lon1, lat1, lon2, lat2)}`;
}

/** Where the move put the base on the roads, as a clause; the snap is for this move or not yet come. */
export function roadText(move: BaseMove, snap: BaseSnap | null): string {
  if (!snap || snap.move !== move) return 'finding the nearest road…';
  if (snap.error !== null) return `its nearest road could not be found (${snap.error})`;
  if (snap.road === null) return 'the scenario travels in straight lines, so there is no road network to snap to';
  const at = `${snap.road.lat.toFixed(5)}, ${snap.road.lon.toFixed(5)}`;
  return snap.road.distanceM < 1 ? `on the road network at ${at}` : `on the road network at ${at}, ${distanceText(snap.road.distanceM)} from the marker`;
}

/** "Brixton moved 1.2 km east; on the road network at 51.46210, -0.11490, 35 m from the marker". */
export function moveText(move: BaseMove, snap: BaseSnap | null): string {
  const what = move.from === null ? `${move.name} added at ${move.to[1].toFixed(5)}, ${move.to[0].toFixed(5)}` : `${move.name} moved ${movedText(move.from[0], move.from[1], move.to[0], move.to[1])}`;
  return `${what}; ${roadText(move, snap)}`;
}
