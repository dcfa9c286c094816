// One placement per (DaemonSet, snapshot). The CodeLens, the placement answer (the preview
// panel) and the cluster diagnostics all ask about the same DaemonSet against the same snapshot
// after each edit: the engine runs once and the three share its result.
//
// Keyed by identity, like the pod index (podIndex.ts): the snapshot's ClusterState (immutable
// once given to the engine: a changed cluster is a new ClusterState), then the DaemonSet value
// object (the document model builds it once per document version, and lends unchanged documents
// to the next version, so an edit elsewhere in the file keeps the entry). WeakMaps: an entry
// goes when either side is no longer referenced.
import type { ClusterState, DaemonSet, PlacementResult } from './types';
import { predictPlacement } from './predict';

const bySnapshot = new WeakMap<ClusterState, WeakMap<object, PlacementResult>>();
let runs = 0;

/** predictPlacement, memoised per (snapshot, DaemonSet object); undefined when `ds` is not an object. */
export function cachedPlacement(ds: unknown, state: ClusterState): PlacementResult | undefined {
  if (typeof ds !== 'object' || ds === null || Array.isArray(ds)) return undefined;
  let byObject = bySnapshot.get(state);
  if (byObject === undefined) bySnapshot.set(state, (byObject = new WeakMap()));
  let result = byObject.get(ds);
  if (result === undefined) {
    runs++;
    result = predictPlacement(ds as DaemonSet, state);
    byObject.set(ds, result);
  }
  return result;
}

/** How many times cachedPlacement has run the engine (for tests: consumers share one run). */
export function placementRuns(): number {
  return runs;
}
