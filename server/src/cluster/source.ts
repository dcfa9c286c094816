// The one interface every cluster source implements (bundled example, snapshot files, live
// kubeconfig), so the language server and the CLI hold "a source" and never care which.
import type { ClusterState } from '../placement/types';
import type { LiveProvider } from './liveProvider';

export type ClusterSourceState = 'ok' | 'connecting' | 'error';

/** How the last read went. A failed read keeps the last good state so features stay useful. */
export interface ClusterStatus {
  state: ClusterSourceState;
  /** One line for a status bar or a log: "9 nodes", "401 Unauthorized: token rejected", … */
  message: string;
  /** The last state read successfully, when the current read failed or is still in flight. */
  lastGood?: ClusterState;
  /** ISO time of this status. */
  readAt: string;
}

export interface ClusterSnapshot {
  /** What the engine should use now: the fresh state, or the last good one after a failure. */
  state: ClusterState;
  /** The label of the source that produced it. */
  source: string;
  readAt: string;
  status: ClusterStatus;
  /** Set when status.state is 'error': the same words as status.message. */
  error?: string;
}

export interface Disposable {
  dispose(): void;
}

export interface ClusterSource extends Disposable {
  /** Stable identity, e.g. "example", "snapshot:/abs/nodes.yaml", "kubeconfig:kind-dev". */
  readonly id: string;
  /** Human words: "example cluster", "snapshot nodes.yaml", "context kind-dev". */
  readonly label: string;
  /** Reads the cluster now. Never rejects: failures come back as status 'error'. */
  load(): Promise<ClusterSnapshot>;
  /** Fires when the source learns the cluster changed without being asked (a watch event). */
  onDidChange(listener: (snapshot: ClusterSnapshot) => void): Disposable;
  /** The live status of DaemonSets (liveProvider.ts), for sources that have one. */
  readonly live?: LiveProvider;
}

export const EMPTY_CLUSTER: ClusterState = Object.freeze({ nodes: [] }) as ClusterState;

/** A status line that counts what was read, the same for every source. */
export function describeState(state: ClusterState): string {
  const nodes = `${state.nodes.length} node${state.nodes.length === 1 ? '' : 's'}`;
  return state.pods ? `${nodes}, ${state.pods.length} pod${state.pods.length === 1 ? '' : 's'}` : nodes;
}

export function okSnapshot(source: string, state: ClusterState, readAt = new Date().toISOString()): ClusterSnapshot {
  return { state, source, readAt, status: { state: 'ok', message: describeState(state), readAt } };
}

export function errorSnapshot(
  source: string,
  message: string,
  lastGood?: ClusterState,
  readAt = new Date().toISOString(),
): ClusterSnapshot {
  const status: ClusterStatus = { state: 'error', message, readAt };
  if (lastGood) status.lastGood = lastGood;
  return { state: lastGood ?? EMPTY_CLUSTER, source, readAt, status, error: message };
}

/** For sources whose content only changes when asked (files): listeners never fire. */
export const NO_CHANGES: Disposable = Object.freeze({ dispose(): void {} });
