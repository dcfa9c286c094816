// Types of the placement engine's input and output.
//
// Inputs mirror the JSON shape of the Kubernetes API objects (the subset the DaemonSet
// controller and the scheduler read), so a loader only has to check shapes, never rename.
// Everything is optional where the API allows it to be missing: the engine never throws on
// these types; what it cannot evaluate becomes a reason in its answer.
//
// The answer's types (PlacementResult and what it holds) go over the wire to the client, so they
// are defined in protocol/placement.ts, which imports nothing; they are re-exported here.
import type { Taint } from '../../../protocol/placement';

export type {
  FieldPath,
  NodeVerdict,
  PlacementReason,
  PlacementResult,
  ResourceShortfall,
  Taint,
} from '../../../protocol/placement';
export type {
  BlockedNode,
  RolloutEstimate,
  RolloutMode,
  RolloutPlan,
  RolloutStrategy,
} from '../../../protocol/rollout';

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
  creationTimestamp?: string;
  ownerReferences?: Array<{ kind?: string; name?: string; uid?: string; controller?: boolean }>;
}

export interface Toleration {
  key?: string;
  operator?: string; // Exists | Equal (default) | Lt | Gt
  value?: string;
  effect?: string; // empty = all effects
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string; // In | NotIn | Exists | DoesNotExist | Gt | Lt
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight?: number; preference?: NodeSelectorTerm }>;
}

/** Quantities are kept as the API writes them ("100m", "1Gi", 2); the engine parses them. */
export type QuantityValue = string | number;
export type ResourceList = Record<string, QuantityValue>;

export interface ContainerPort {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string; // TCP (default) | UDP | SCTP
}

export interface Container {
  name?: string;
  image?: string;
  ports?: ContainerPort[];
  resources?: { requests?: ResourceList; limits?: ResourceList };
  restartPolicy?: string; // "Always" on an init container = sidecar
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: { nodeAffinity?: NodeAffinity };
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  containers?: Container[];
  initContainers?: Container[];
  overhead?: ResourceList;
  /** Pod-level resources (PodLevelResources); when set they are what the scheduler counts. */
  resources?: { requests?: ResourceList; limits?: ResourceList };
  priorityClassName?: string;
}

export interface DaemonSet {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: ObjectMeta; spec?: PodSpec };
    updateStrategy?: {
      type?: string;
      rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number };
    };
    minReadySeconds?: number;
  };
}

export interface NodeCondition {
  type: string;
  status: string; // True | False | Unknown
  reason?: string;
  message?: string;
}

export interface Node {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { taints?: Taint[]; unschedulable?: boolean; providerID?: string; podCIDR?: string };
  status?: {
    allocatable?: ResourceList;
    capacity?: ResourceList;
    conditions?: NodeCondition[];
    nodeInfo?: { architecture?: string; operatingSystem?: string; kubeletVersion?: string };
  };
}

export interface Pod {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: { phase?: string };
}

/** One cluster as the engine sees it: nodes, and optionally the pods already bound to them. */
export interface ClusterState {
  nodes: Node[];
  /** When absent, resource fit and host-port conflicts are judged against empty nodes. */
  pods?: Pod[];
}
