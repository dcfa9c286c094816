// The DaemonSet-relevant checks of kube-linter, Polaris and Datree, and what DaemonSet Studio does
// about each: a code of the rules table (rules.ts) that covers it, or why it deliberately does not.
// docs/rules.md renders this table (rulesDoc.ts); test/unit/rules checks that every code named here
// is in the rules table.
//
// Check names were read from each tool's own check list (kube-linter pkg/builtinchecks/yamls and
// docs/generated/checks.md, Polaris checks/*.yaml, Datree pkg/defaultRules/defaultRules.yaml
// `uniqueName`s). A name marked `verified: false` could not be found there and is given as
// remembered.

export type Tool = 'kube-linter' | 'Polaris' | 'Datree';

export interface TheirCheck {
  tool: Tool;
  check: string;
  verified: boolean;
}

export interface ComparedRow {
  theirs: TheirCheck[];
  /** Codes of rules.ts that cover it (empty when not covered). */
  ours: string[];
  verdict: 'covered' | 'partly' | 'not covered' | 'not applicable';
  /** How, or why not. */
  note: string;
}

const kl = (check: string, verified = true): TheirCheck => ({ tool: 'kube-linter', check, verified });
const po = (check: string, verified = true): TheirCheck => ({ tool: 'Polaris', check, verified });
const dt = (check: string, verified = true): TheirCheck => ({ tool: 'Datree', check, verified });

export const COMPARED: readonly ComparedRow[] = [
  {
    theirs: [kl('no-readiness-probe'), po('readinessProbeMissing'), dt('CONTAINERS_MISSING_READINESSPROBE_KEY')],
    ours: ['noReadinessProbe'],
    verdict: 'covered',
    note: "once per pod, not per container: one probe gates the pod's readiness, and only for RollingUpdate (OnDelete has no budget to protect)",
  },
  {
    theirs: [kl('no-liveness-probe'), po('livenessProbeMissing'), dt('CONTAINERS_MISSING_LIVENESSPROBE_KEY')],
    ours: [],
    verdict: 'not covered',
    note: 'deliberately: a liveness probe restarts a daemon that is merely slow on a loaded node, and many node agents have no health endpoint',
  },
  {
    theirs: [
      kl('unset-memory-requirements'),
      po('memoryLimitsMissing'),
      po('memoryRequestsMissing'),
      dt('CONTAINERS_MISSING_MEMORY_LIMIT_KEY'),
      dt('CONTAINERS_MISSING_MEMORY_REQUEST_KEY'),
    ],
    ours: ['noMemoryLimit', 'noResourceRequests'],
    verdict: 'covered',
    note: 'a memory limit per container; requests once per pod (a BestEffort pod is what goes wrong)',
  },
  {
    theirs: [
      kl('unset-cpu-requirements'),
      po('cpuRequestsMissing'),
      po('cpuLimitsMissing'),
      dt('CONTAINERS_MISSING_CPU_REQUEST_KEY'),
      dt('CONTAINERS_MISSING_CPU_LIMIT_KEY'),
    ],
    ours: ['noResourceRequests'],
    verdict: 'partly',
    note: 'requests yes; CPU limits deliberately not asked for: throttling a node agent (CNI, log shipper) hurts the node more than it protects it',
  },
  {
    theirs: [kl('privileged-container'), po('runAsPrivileged'), dt('CONTAINERS_INCORRECT_PRIVILEGED_VALUE_TRUE')],
    ours: ['privilegedContainer'],
    verdict: 'covered',
    note: 'an info, not a warning: most CNI and CSI node plugins need it; raise it in .daemonset-lint.yaml to enforce',
  },
  {
    theirs: [kl('host-pid'), po('hostPIDSet'), dt('CONTAINERS_INCORRECT_HOSTPID_VALUE_TRUE')],
    ours: ['hostPidShared'],
    verdict: 'covered',
    note: 'info',
  },
  {
    theirs: [kl('host-ipc'), po('hostIPCSet'), dt('CONTAINERS_INCORRECT_HOSTIPC_VALUE_TRUE')],
    ours: ['hostIpcShared'],
    verdict: 'covered',
    note: 'info',
  },
  {
    theirs: [kl('host-network'), po('hostNetworkSet'), dt('CONTAINERS_INCORRECT_HOSTNETWORK_VALUE_TRUE')],
    ours: ['hostNetworkWithoutDnsPolicy'],
    verdict: 'partly',
    note: 'hostNetwork by itself is deliberately not reported (CNI plugins and node exporters need it); the consequence that bites, DNS, is',
  },
  {
    theirs: [
      po('dangerousCapabilities'),
      po('insecureCapabilities'),
      dt('CONTAINERS_INVALID_CAPABILITIES_VALUE'),
      kl('drop-net-raw-capability'),
    ],
    ours: ['broadCapability'],
    verdict: 'partly',
    note: 'ALL, SYS_ADMIN, SYS_MODULE and SYS_PTRACE only; NET_ADMIN, NET_RAW and BPF are what network agents exist for, so "must drop NET_RAW" is not asked',
  },
  {
    theirs: [kl('writable-host-mount'), kl('sensitive-host-mounts'), dt('CONTAINERS_INCORRECT_KEY_HOSTPATH')],
    ours: ['writableLogHostPath'],
    verdict: 'partly',
    note: 'only log directories, where read-only is certain to suffice; hostPath itself is what a node agent is for',
  },
  {
    theirs: [kl('docker-sock'), dt('CONTAINERS_INCORRECT_PATH_VALUE_DOCKERSOCKET')],
    ours: [],
    verdict: 'not covered',
    note: 'deliberately: container-runtime agents mount the runtime socket by design; no way to tell intent from the manifest',
  },
  {
    theirs: [kl('latest-tag'), po('tagNotSpecified'), dt('CONTAINERS_MISSING_IMAGE_VALUE_VERSION')],
    ours: ['imageLatest'],
    verdict: 'covered',
    note: 'no tag, or :latest',
  },
  {
    theirs: [po('pullPolicyNotAlways')],
    ours: [],
    verdict: 'not covered',
    note: 'deliberately: Always on every node of every rollout makes the registry a dependency of node recovery',
  },
  {
    theirs: [kl('priority-class-name'), po('priorityClassNotSet')],
    ours: ['noPriorityClass'],
    verdict: 'covered',
    note: "suggests system-node-critical, as kube-linter's accepted names and upstream add-ons do",
  },
  {
    theirs: [
      kl('run-as-non-root'),
      po('runAsRootAllowed'),
      dt('CONTAINERS_INCORRECT_RUNASNONROOT_VALUE'),
      kl('no-read-only-root-fs'),
      po('notReadOnlyRootFilesystem'),
      dt('CONTAINERS_INCORRECT_READONLYROOTFILESYSTEM_VALUE'),
    ],
    ours: [],
    verdict: 'not covered',
    note: 'not yet: pod-hardening checks that apply to any workload; a candidate for a later round',
  },
  {
    theirs: [
      kl('privilege-escalation-container'),
      po('privilegeEscalationAllowed'),
      dt('CONTAINERS_MISSING_KEY_ALLOWPRIVILEGEESCALATION'),
    ],
    ours: ['privilegeEscalation'],
    verdict: 'partly',
    note: 'the API server\'s rule (allowPrivilegeEscalation: false with privileged or CAP_SYS_ADMIN is rejected) is an error here; "must set it to false" is not asked',
  },
  {
    theirs: [po('hostPortSet'), dt('CONTAINERS_INCORRECT_KEY_HOSTPORT')],
    ours: ['duplicateHostPort', 'hostPortWithSurge'],
    verdict: 'partly',
    note: 'host ports are normal for node agents; what breaks (two containers on one port, a surge rollout that cannot start) is reported',
  },
  {
    theirs: [kl('mismatching-selector')],
    ours: ['selectorMismatch'],
    verdict: 'covered',
    note: 'an error, as the API server rejects it',
  },
  {
    theirs: [kl('unsafe-sysctls')],
    ours: ['invalidSysctl'],
    verdict: 'partly',
    note: "the API server's sysctl name and namespace checks; which sysctls are safe is the kubelet's allow-list, not known from the manifest",
  },
  {
    theirs: [kl('deprecated-service-account-field')],
    ours: ['serviceAccountDeprecated'],
    verdict: 'covered',
    note: "warning, as the API server's",
  },
  {
    theirs: [kl('no-extensions-v1beta'), dt('K8S_DEPRECATED_APIVERSION_1.16')],
    ours: ['removedApiVersion'],
    verdict: 'covered',
    note: 'an error: extensions/v1beta1 and apps/v1beta2 DaemonSets are not served since 1.16',
  },
  {
    theirs: [dt('WORKLOAD_INCORRECT_RESTARTPOLICY_VALUE_ALWAYS')],
    ours: ['restartPolicyNotAlways'],
    verdict: 'covered',
    note: 'an error, as the API server rejects it',
  },
  {
    theirs: [kl('no-rolling-update-strategy')],
    ours: [],
    verdict: 'not covered',
    note: 'deliberately: OnDelete is a legitimate choice for node agents whose restart disrupts the node (CNI, storage)',
  },
  {
    theirs: [
      kl('dangling-service'),
      kl('non-existent-service-account'),
      po('missingPodDisruptionBudget'),
      po('deploymentMissingReplicas'),
      kl('no-anti-affinity'),
      po('topologySpreadConstraint'),
    ],
    ours: [],
    verdict: 'not applicable',
    note: 'cross-object checks, or about replicas and spreading, which a DaemonSet does not have',
  },
  {
    theirs: [],
    ours: [
      'tolerateEverything',
      'noExecuteWithoutSeconds',
      'windowsNodesWithoutOsSelector',
      'rolloutTooLong',
      'rolloutWholeCluster',
      'placementNoNodes',
    ],
    verdict: 'covered',
    note: 'no counterpart in the three tools (tolerations and the cluster the DaemonSet runs on), besides every API-server-grade error',
  },
];
