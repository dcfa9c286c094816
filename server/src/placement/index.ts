// The pure placement engine: what the DaemonSet controller and the scheduler would do, node by
// node. No IO, no imports from outside this directory (see ARCHITECTURE.md).

export * from './types';
export { predictPlacement } from './predict';
export { cachedPlacement, placementRuns } from './placementCache';
export {
  daemonPodTolerations,
  DAEMON_POD_TOLERATIONS,
  type DaemonPodToleration,
  toleratesTaint,
  findUntoleratedTaint,
  formatTaint,
  isControllerToleration,
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_PID_PRESSURE,
  TAINT_UNSCHEDULABLE,
  TAINT_NETWORK_UNAVAILABLE,
} from './tolerations';
export {
  matchesNodeSelectorTerm,
  compileRequiredAffinity,
  compileTerm,
  compiledTermMatches,
  requiredAffinityMatches,
  explainAffinityMismatch,
  nodeLabelsAndName,
  type CompiledTerm,
  type CompiledRequiredAffinity,
  type NodeAffinityMismatch,
} from './nodeAffinity';
export {
  matchesNodeSelector,
  compileNodeSelector,
  firstNodeSelectorMismatch,
  describeNodeSelectorMismatch,
} from './nodeSelector';
export {
  parseQuantity,
  parseQuantityParts,
  isValidQuantity,
  quantityValue,
  quantityMilliValue,
  scaledValue,
  simpleScaledValue,
  type ParsedQuantity,
} from './quantity';
export {
  podRequests,
  aggregateContainerRequestsExact,
  requestedResourceNames,
  resourceKind,
  isExtendedResourceName,
  nodeAllocatable,
  formatAmount,
  type ResourceAmounts,
  type ResourceKind,
} from './resources';
export { podHostPorts, hostPortsConflict, formatHostPort, type HostPortClaim } from './hostPorts';
export {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  qualifiedNameProblems,
  labelValueProblems,
  isQualifiedName,
  isValidLabelValue,
  utf8Length,
  DNS1123_LABEL_FMT,
  DNS1123_SUBDOMAIN_FMT,
  QUALIFIED_NAME_FMT,
  LABEL_VALUE_FMT,
  type SyntaxProblem,
  type SyntaxRule,
  type NamePart,
} from './labelSyntax';
export {
  labelSelectorAsSelector,
  labelSelectorMatches,
  requirementMatches,
  selectsEverything,
  type CompiledLabelSelector,
  type LabelRequirement,
  type LabelSelectorOperator,
  type RequirementOperator,
} from './labelSelector';
export {
  planRollout,
  cachedRolloutPlan,
  scaledValueFromIntOrPercent,
  defaultDaemonSetSpec,
  unavailableCount,
  surgeCount,
  updatedDesiredNodeCounts,
  updateStrategyProblems,
  formatSeconds,
  ESTIMATE_MODEL,
  type ScaledValue,
  type DefaultedUpdateStrategy,
  type DesiredNodeCounts,
  type PlanOptions,
} from './rollout';
