// Custom LSP messages between the client and the server, and the types they carry. Defined
// once here; both sides import this folder, which imports nothing but its own files.
import type { LiveStatusView } from './live';
import type { NodeVerdict, PlacementResult } from './placement';
import type { RolloutPlan } from './rollout';

/** client → server: placement of the DaemonSet at `offset` (or the only/first one) in `uri`. */
export const PlacementRequest = 'daemonset/placement';
/** server → client: the cluster snapshot changed (source switched, file edited, watch event). */
export const ClusterChangedNotification = 'daemonset/clusterChanged';
/** client → server: the status of the current cluster source. */
export const ClusterStatusRequest = 'daemonset/clusterStatus';
/** client → server: list the kubeconfig contexts (for the source picker). */
export const ListContextsRequest = 'daemonset/listContexts';
/** client → server: re-read the cluster source now (command "DaemonSet: Reload Cluster"); answers its ClusterStatus. */
export const ReloadClusterRequest = 'daemonset/reloadCluster';
/** client → server: workspace trust was granted (a kubeconfig may now be used). */
export const TrustNotification = 'daemonset/trust';

/**
 * server → client: how many DaemonSets an open document holds (for a kustomization file: how
 * many it builds). Sent when the count of a document changes, read from the model its
 * diagnostics pull parsed; the client keeps the HAS_DAEMONSET_CONTEXT key from it.
 */
export const DocumentDaemonSetsNotification = 'daemonset/documentDaemonSets';

export interface DocumentDaemonSetsParams {
  uri: string;
  count: number;
}

export interface TrustParams {
  trusted: boolean;
}

export interface ListContextsParams {
  /** KUBECONFIG-style path list; empty = $KUBECONFIG or ~/.kube/config. */
  kubeconfig?: string;
}

export interface ListContextsResult {
  contexts: Array<{ name: string; cluster?: string; user?: string }>;
  current?: string;
  error?: string;
}

export interface PlacementParams {
  uri: string;
  /** Offset of the cursor; picks the DaemonSet under it. */
  offset?: number;
  /** Index into the file's DaemonSets; wins over offset. */
  index?: number;
  /**
   * Asks for the compact answer (the panel): `verdicts` instead of `result.nodes` and `rows`, and
   * the per-node static data (`nodes`) only when the cluster's nodes key differs from this one.
   * "" = the client holds no nodes table yet.
   */
  nodesKey?: string;
}

/** What a node shows that changes only with the cluster snapshot: sent once per snapshot. */
export interface ClusterNodesTable {
  /** Names this snapshot's node list; a new snapshot (file edit, watch event) has a new key. */
  key: string;
  names: string[];
  labels: Array<Record<string, string>>;
}

/** One distinct verdict of the compact answer (no node name; the range of its `path`). */
export interface PanelVerdict extends Pick<
  NodeVerdict,
  'shouldRun' | 'shouldContinueRunning' | 'pending' | 'reason' | 'detail' | 'notes' | 'hasOwnPod'
> {
  range?: PlacementNodeRow['range'];
}

/** The verdicts of one compact answer: most nodes share a handful of distinct verdicts. */
export interface PanelVerdicts {
  table: PanelVerdict[];
  /** Per node, in the order of the nodes table: an index into `table`. */
  index: number[];
}

export interface DaemonSetRef {
  index: number;
  name: string;
  namespace: string;
  /** 0-based line of the object's start, for the picker. */
  line: number;
}

export interface PlacementNodeRow {
  name: string;
  labels: Record<string, string>;
  /** Where in the manifest the verdict comes from (LSP range), for "reveal the responsible line". */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface PlacementResponse {
  uri: string;
  daemonSets: DaemonSetRef[];
  /** Index of the DaemonSet the result is for, or -1 when the file has none. */
  selected: number;
  cluster: ClusterStatus;
  result?: PlacementResult;
  /** Per node (same order as result.nodes): labels for grouping and the range of `path`. */
  rows?: PlacementNodeRow[];
  /** Compact answers (params.nodesKey set): the key of the cluster's nodes table. */
  nodesKey?: string;
  /** Compact answers: the nodes table, when the client's key was not `nodesKey`. */
  nodes?: ClusterNodesTable;
  /** Compact answers: the verdicts; `result.nodes` is then empty (counts are kept). */
  verdicts?: PanelVerdicts;
  /** Why there is no result (no DaemonSet, unparsable, no cluster). */
  message?: string;
  /** What a change of the pod template would do on this cluster (with `result`). */
  rollout?: RolloutPlan;
  /** The same namespace/name in the cluster: `kubectl get ds`, rollout status, pods and drift per node. */
  live?: LiveStatusView;
  /**
   * Set for a kustomization file: the DaemonSets are the merged ones it builds (resources +
   * strategic-merge patches + namespace, labels, images), not text of the file.
   */
  merged?: {
    /** Per DaemonSet (same order as daemonSets): its resource file and the patches applied. */
    sources: Array<{ source: string; patchedBy: string[] }>;
    /** What kustomize does that the preview leaves out. */
    notModelled: string[];
  };
  /**
   * Set for a Helm chart template: the DaemonSet is the template rendered with the chart
   * defaults (values.yaml, then the `daemonset.helm.valuesFiles`), not the text as written.
   */
  chartDefaults?: {
    /** The chart's name from Chart.yaml. */
    chart?: string;
    /** The values files used, relative to the chart folder, in the order applied. */
    valuesFiles: string[];
    /** Template parts the rendering could not resolve, as "line N: {{ expression }}". */
    unresolved: string[];
    /** The unresolved parts the placement depends on, as "field: {{ expression }}" (no result then). */
    placementUnknown: string[];
  };
}

export type ClusterState = 'ok' | 'connecting' | 'error';

export interface ClusterStatus {
  /** "example cluster", "snapshot nodes.yaml", "context kind-dev". */
  source: string;
  kind: 'example' | 'snapshot' | 'kubeconfig';
  state: ClusterState;
  message?: string;
  readAt?: string;
  nodeCount: number;
}
