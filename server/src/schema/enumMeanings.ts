// What each allowed value of an enum field means. The v2 OpenAPI document carries enum values
// only in prose and without per-value text, so these are written in this project's words after
// the comments on the constants in k8s.io/api (core/v1/types.go, apps/v1/types.go), release 1.36.
// Keyed "<definition id>.<field>" like enums.json.
const MEANINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': {
    RollingUpdate:
      'When the template changes, the controller replaces the daemon pods itself, node by node, keeping within `rollingUpdate.maxUnavailable` and `rollingUpdate.maxSurge`.',
    OnDelete:
      'When the template changes, the controller does not touch running pods: a node gets a pod from the new template only after its old pod is deleted (by you or by eviction).',
  },
  'io.k8s.api.core.v1.Toleration.operator': {
    Equal: "The taint matches when its key and its value both equal the toleration's `key` and `value`.",
    Exists:
      'Any value of the taint key matches; `value` must be empty. With an empty `key` too, the toleration matches every taint.',
    Lt: "Numeric comparison between the taint's value and the toleration's `value` (both integers). Needs the TaintTolerationComparisonOperators feature gate (1.35+); rejected where it is off.",
    Gt: "Numeric comparison between the taint's value and the toleration's `value` (both integers). Needs the TaintTolerationComparisonOperators feature gate (1.35+); rejected where it is off.",
  },
  'io.k8s.api.core.v1.Toleration.effect': {
    NoSchedule: 'Tolerates taints that keep new pods off the node; pods already running stay.',
    PreferNoSchedule: 'Tolerates taints that only make the scheduler avoid the node when it can.',
    NoExecute:
      'Tolerates taints that also evict running pods (for `tolerationSeconds`, if set, then the pod is evicted).',
  },
  'io.k8s.api.core.v1.PodSpec.dnsPolicy': {
    ClusterFirst:
      'Cluster DNS first: names outside the cluster domain go to the upstream servers. With `hostNetwork: true` this falls back to `Default`.',
    ClusterFirstWithHostNet:
      'Like `ClusterFirst`, and also for pods on the host network — what a `hostNetwork` daemon usually wants.',
    Default: "The node's own resolver configuration (its resolv.conf), not the cluster DNS.",
    None: 'No DNS settings from Kubernetes: everything comes from `dnsConfig`.',
  },
  'io.k8s.api.core.v1.PodSpec.restartPolicy': {
    Always: 'Containers are restarted whenever they exit. The only value a DaemonSet accepts.',
    OnFailure: 'Containers are restarted only after a non-zero exit. Rejected in a DaemonSet.',
    Never: 'Containers are never restarted. Rejected in a DaemonSet.',
  },
  'io.k8s.api.core.v1.PodSpec.preemptionPolicy': {
    PreemptLowerPriority: 'The pod may evict lower-priority pods to make room for itself.',
    Never: 'The pod waits for room instead of evicting lower-priority pods.',
  },
  'io.k8s.api.core.v1.Container.imagePullPolicy': {
    Always: 'The kubelet resolves the image with the registry every time it starts the container.',
    IfNotPresent: 'The image is pulled only when the node does not have it yet.',
    Never: 'The image is never pulled; the container fails to start if the node lacks it.',
  },
  'io.k8s.api.core.v1.Container.terminationMessagePolicy': {
    File: 'The termination message is read only from `terminationMessagePath`.',
    FallbackToLogsOnError:
      'If the message file is empty and the container failed, the tail of its log (at most 2048 bytes or 80 lines) is used.',
  },
  'io.k8s.api.core.v1.ContainerPort.protocol': {
    TCP: 'TCP (the default).',
    UDP: 'UDP.',
    SCTP: "SCTP; the node's network plugin must support it.",
  },
  'io.k8s.api.core.v1.VolumeMount.mountPropagation': {
    None: 'No propagation: mounts made later on the host or in the container stay invisible to the other side.',
    HostToContainer: 'Mounts made on the host under this volume later appear in the container (rslave).',
    Bidirectional:
      'Mounts propagate both ways (rshared); only allowed in privileged containers — typical for storage daemons.',
  },
  'io.k8s.api.core.v1.HostPathVolumeSource.type': {
    '': 'No check: the path is mounted as it is (backwards-compatible behaviour).',
    DirectoryOrCreate: 'A directory; created empty (mode 0755, owned by the kubelet) if missing.',
    Directory: 'A directory that must already exist.',
    FileOrCreate: 'A file; created empty (mode 0644) if missing.',
    File: 'A file that must already exist.',
    Socket: 'A UNIX socket that must already exist.',
    CharDevice: 'A character device that must already exist.',
    BlockDevice: 'A block device that must already exist.',
  },
  'io.k8s.api.core.v1.HTTPGetAction.scheme': {
    HTTP: 'Plain HTTP.',
    HTTPS: 'HTTPS; the certificate is not verified.',
  },
  'io.k8s.api.core.v1.NodeSelectorRequirement.operator': {
    In: "The node label's value is one of `values`.",
    NotIn: 'The node label is absent or its value is none of `values`.',
    Exists: 'The node has the label (any value); `values` must be empty.',
    DoesNotExist: 'The node does not have the label; `values` must be empty.',
    Gt: 'The label value, read as an integer, is greater than the single integer in `values`.',
    Lt: 'The label value, read as an integer, is less than the single integer in `values`.',
  },
  'io.k8s.api.core.v1.TopologySpreadConstraint.whenUnsatisfiable': {
    DoNotSchedule: 'The pod stays pending rather than break `maxSkew`.',
    ScheduleAnyway: 'The pod is scheduled anyway, preferring placements that reduce the skew.',
  },
  'io.k8s.api.core.v1.SeccompProfile.type': {
    RuntimeDefault: "The container runtime's default seccomp profile.",
    Localhost: "A profile file on the node, named by `localhostProfile` (relative to the kubelet's seccomp directory).",
    Unconfined: 'No seccomp filtering.',
  },
};

/** What `value` means for the enum field `field` of `definition`, when it is a known value. */
export function enumMeaning(definition: string, field: string, value: string): string | undefined {
  const table = MEANINGS[`${definition}.${field}`];
  return table && Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
}
