// The placement engine's answer, as it goes over the wire to the client (and the webview).
// The engine (server/src/placement/types.ts) re-exports these types; they import nothing.

/** A field path inside the DaemonSet object, e.g. ['spec','template','spec','tolerations',0]. */
export type FieldPath = ReadonlyArray<string | number>;

export interface Taint {
  key: string;
  value?: string;
  effect: string; // NoSchedule | PreferNoSchedule | NoExecute
  timeAdded?: string;
}

export type PlacementReason =
  'ok' | 'nodeName' | 'nodeSelector' | 'nodeAffinity' | 'taint' | 'insufficientResources' | 'hostPort';

export interface ResourceShortfall {
  resource: string;
  /** What the daemon pod requests, in the resource's canonical unit (millicores for cpu, bytes otherwise). */
  requested: number;
  /** Allocatable minus what pods already on the node request. */
  free: number;
  allocatable: number;
}

export interface NodeVerdict {
  name: string;
  /** The controller creates a daemon pod on this node. */
  shouldRun: boolean;
  /** An existing daemon pod on this node is kept (NoExecute taints evict; NoSchedule ones do not). */
  shouldContinueRunning: boolean;
  /** The pod is created, but the scheduler would leave it Pending (resources, host ports). */
  pending: boolean;
  reason: PlacementReason;
  /** Plain words: "taint nvidia.com/gpu=present:NoSchedule is not tolerated". */
  detail: string;
  /** Manifest field responsible for the verdict, relative to the DaemonSet object. */
  path?: FieldPath;
  taint?: Taint;
  shortfalls?: ResourceShortfall[];
  hostPort?: { port: number; protocol: string; hostIP?: string; conflictingPod?: string };
  /** Facts that did not change the verdict but matter to a reader (cordoned, NotReady, ...). */
  notes?: string[];
  /** The snapshot's pods include one of this DaemonSet's own pods on this node. */
  hasOwnPod?: boolean;
}

export interface PlacementResult {
  /** Nodes where shouldRun, as the controller counts desiredNumberScheduled. */
  desired: number;
  /** Of those, how many the scheduler would leave Pending. */
  pending: number;
  /** Nodes where the controller would not run the pod. */
  excluded: number;
  nodes: NodeVerdict[];
}
