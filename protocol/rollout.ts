// The rollout plan as it goes over the wire (the engine computes it: server/src/placement/rollout.ts):
// what the DaemonSet controller does when the pod template changes. Re-exported by placement/types.ts.
// A live status (the cluster's actual DaemonSet and pods) is meant to sit next to a plan, not in
// it: the plan is computed from the manifest and the prediction alone.

export type RolloutStrategy = 'RollingUpdate' | 'OnDelete';

/** How the controller replaces pods: one budget of the two is in force (ValidateRollingUpdateDaemonSet). */
export type RolloutMode = 'unavailable' | 'surge' | 'onDelete';

/** A node where a surge pod cannot start while the old pod runs, so its update never finishes. */
export interface BlockedNode {
  name: string;
  reason: 'hostPort' | 'insufficientResources';
  /** Plain words: "host port 9100/TCP stays held by the old pod until it is deleted". */
  detail: string;
}

/** A rough duration of the rollout, from probe timings and minReadySeconds (see ESTIMATE_MODEL). */
export interface RolloutEstimate {
  /** Seconds one batch waits for its new pods to become available. */
  perBatchSeconds: number;
  /** batches × perBatchSeconds; absent when the rollout never completes. */
  totalSeconds?: number;
  /** What a batch waits for, in words. */
  basis: string;
  /** "at least 3m 30s (7 batches × 30s)", or "never completes". */
  summary: string;
  /** How the estimate is made and what it leaves out (ESTIMATE_MODEL). */
  model: string;
}

export interface RolloutPlan {
  strategy: RolloutStrategy;
  mode: RolloutMode;
  /** Nodes where the pod should run, Pending ones included (desiredNumberScheduled). */
  desired: number;
  /** Effective values after defaulting, rounding up and the controller's 0/0 guard (0 for OnDelete). */
  maxUnavailable: number;
  maxSurge: number;
  /** As written in the manifest, or the apps/v1 default, for the wording ("10%", 1). */
  maxUnavailableValue: string | number;
  maxSurgeValue: string | number;
  /** Both resolved to 0 on a non-empty set, so the controller used 1 unavailable. */
  fellBackToOneUnavailable: boolean;
  /** Nodes replaced at once (0 for OnDelete and when nothing is replaced). */
  perBatch: number;
  /** Rounds of replacement a full rollout takes (0 for OnDelete and when nothing is replaced). */
  batches: number;
  /** Whether the controller can bring every desired node to an available new pod. */
  completes: boolean;
  /** Desired nodes whose new pod the scheduler would leave Pending. */
  pendingNodes: string[];
  /** Surge only: nodes where the new pod cannot start next to the old one. */
  blockedNodes: BlockedNode[];
  /** A percentage that resolves to every desired node (2 or more): all nodes are replaced at once. */
  wholeCluster?: 'maxUnavailable' | 'maxSurge';
  /** The template compared with a previous one was unchanged: apply replaces no pod. */
  templateUnchanged?: boolean;
  minReadySeconds: number;
  estimate?: RolloutEstimate;
  /** Plain sentences, most important first: what happens, what stalls, what OnDelete means. */
  messages: string[];
  /** What the API server would reject in updateStrategy (the plan is then what the controller would do with it). */
  problems: string[];
}
