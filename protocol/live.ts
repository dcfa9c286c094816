// The live status of a DaemonSet, as it goes over the wire with the placement answer: what
// `kubectl get ds` and `kubectl rollout status` print, and per node the actual daemon pods next
// to the prediction with the drift between them. Computed by server/src/placement/liveStatus.ts;
// imports nothing.

export interface LivePodView {
  name: string;
  phase: string;
  /** kubectl's STATUS for the common cases: Terminating, a container's waiting reason, or the phase. */
  status: string;
  /** "1/1": ready containers / containers, as kubectl's READY column. */
  ready: string;
  isReady: boolean;
  restarts: number;
  /** The pod's controller-revision-hash label. */
  revision?: string;
  /** kubectl's AGE ("3d4h"). */
  age: string;
  /** The pod runs a revision other than the DaemonSet's current one. */
  oldRevision: boolean;
}

export type LiveDriftKind =
  /** Predicted to run but the cluster has no (live) daemon pod there. */
  | 'missing'
  /** A pod runs where the edited manifest has shouldContinueRunning false: apply deletes it. */
  | 'wouldDelete'
  /** A pod runs where the edited manifest would not create one (kept until deleted). */
  | 'wouldNotRecreate'
  /** The pod is on an older ControllerRevision than the current one. */
  | 'oldRevision'
  /** The pod exists but the scheduler could not place it. */
  | 'unschedulable'
  /** Pods on a node the cluster snapshot does not list (or not bound yet). */
  | 'unknownNode';

export interface LiveDrift {
  kind: LiveDriftKind;
  message: string;
  /** The event the reason comes from (FailedDaemonPod, FailedScheduling, …). */
  event?: { reason: string; message: string; time?: string };
}

export interface LiveNodeRow {
  node: string;
  predicted: 'runs' | 'pending' | 'excluded' | 'unknown';
  /** Newest first. */
  pods: LivePodView[];
  drift: LiveDrift[];
}

export interface LiveStatusView {
  /** 'absent': read fine, the DaemonSet is not in the cluster; 'unavailable': the source has no live state. */
  state: 'ok' | 'connecting' | 'error' | 'absent' | 'unavailable';
  source: string;
  namespace: string;
  name: string;
  message?: string;
  readAt?: string;
  /** `kubectl get ds` headers and this DaemonSet's row. */
  getDs?: { headers: string[]; row: string[] };
  /** The same, laid out as kubectl prints it. */
  table?: string;
  /** `kubectl rollout status` (one look, --watch=false); error: kubectl's error message instead. */
  rolloutStatus?: { message: string; done: boolean; error?: boolean };
  currentRevision?: string;
  /** "live: 5/7 ready" */
  summary?: string;
  /** In the order of the placement result's nodes. */
  nodes: LiveNodeRow[];
  /** Pods on nodes the prediction does not know. */
  stray: LiveNodeRow[];
  /** How many rows carry drift. */
  driftCount?: number;
}
