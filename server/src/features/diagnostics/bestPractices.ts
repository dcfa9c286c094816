// Best practices for node agents: what the API server accepts and a DaemonSet usually should not
// do. Never errors (the manifest is valid); each rule says in one line what goes wrong, and many
// carry a quick fix (features/codeActions.ts). The rules are listed in BEST_PRACTICE_RULES, which
// docs/best-practices.md describes and the tests walk; a team turns one off or changes its severity
// with a `.daemonset-lint.yaml` or a suppression comment (server/src/lintConfig).
import type { FieldPath } from '../../model';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Severity } from '../../model/manifestDiagnostic';
import type { Reporter } from './reporter';
import { POD } from './paths';

export interface BestPracticeRule {
  code: string;
  severity: Exclude<Severity, 'error'>;
  /** One line: what goes wrong. */
  why: string;
  /** The quick fix's title, when the editor offers one. */
  quickFix?: string;
  /** The rule needs a cluster snapshot (features/cluster/diagnostics.ts reports it). */
  cluster?: boolean;
  /** The corresponding checks of other linters, for docs/best-practices.md. */
  alsoIn?: string;
}

export const BEST_PRACTICE_RULES: readonly BestPracticeRule[] = [
  {
    code: 'hostNetworkWithoutDnsPolicy',
    severity: 'warning',
    why: 'With hostNetwork the default dnsPolicy (ClusterFirst) falls back to the node\'s resolver: the pod cannot resolve cluster Services.',
    quickFix: 'Set dnsPolicy: ClusterFirstWithHostNet',
    alsoIn: 'Datree K8S_HOSTNETWORK_DNS_POLICY (none in kube-linter/Polaris)',
  },
  {
    code: 'noPriorityClass',
    severity: 'warning',
    why: 'Without a priorityClassName a node agent is among the first pods preempted or evicted when a node runs short; upstream add-ons use system-node-critical.',
    quickFix: 'Set priorityClassName: system-node-critical',
    alsoIn: 'Polaris priorityClassNotSet (ignore by default); kube-linter priority-class-name (opt-in)',
  },
  {
    code: 'noReadinessProbe',
    severity: 'info',
    why: 'Without a readiness probe a rolling update counts each new pod available as soon as it starts, so maxUnavailable protects nothing.',
    alsoIn: 'kube-linter no-readiness-probe; Polaris readinessProbeMissing; Datree CONTAINERS_MISSING_READINESSPROBE',
  },
  {
    code: 'noMemoryLimit',
    severity: 'warning',
    why: 'A container without a memory limit can take the node\'s memory from the kubelet and every other pod on every node at once.',
    alsoIn: 'kube-linter unset-memory-requirements; Polaris memoryLimitsMissing; Datree CONTAINERS_MISSING_MEMORY_LIMIT_KEY',
  },
  {
    code: 'privilegedContainer',
    severity: 'info',
    why: 'A privileged container has every capability and all host devices: a compromise of the daemon is a compromise of every node.',
    alsoIn: 'kube-linter privileged-container; Polaris privilegeEscalationAllowed/runAsPrivileged; Datree CONTAINERS_INCORRECT_PRIVILEGED_VALUE_TRUE',
  },
  {
    code: 'hostPidShared',
    severity: 'info',
    why: 'hostPID lets the daemon see and signal every process of the node.',
    quickFix: 'Remove hostPID',
    alsoIn: 'kube-linter host-pid; Polaris hostPIDSet; Datree CONTAINERS_INCORRECT_HOSTPID_VALUE',
  },
  {
    code: 'hostIpcShared',
    severity: 'info',
    why: 'hostIPC shares the node\'s System V IPC and POSIX shared memory with the daemon.',
    quickFix: 'Remove hostIPC',
    alsoIn: 'kube-linter host-ipc; Polaris hostIPCSet; Datree CONTAINERS_INCORRECT_HOSTIPC_VALUE',
  },
  {
    code: 'broadCapability',
    severity: 'info',
    why: 'ALL, SYS_ADMIN, SYS_MODULE and SYS_PTRACE are close to root on the node; add only the capabilities the daemon uses.',
    alsoIn: 'Polaris dangerousCapabilities/insecureCapabilities; Datree CONTAINERS_INVALID_CAPABILITIES_VALUE; kube-linter drop-net-raw-capability (partly)',
  },
  {
    code: 'writableLogHostPath',
    severity: 'warning',
    why: 'A log collector only reads /var/log and container logs: a writable hostPath mount lets it rewrite the node\'s logs.',
    quickFix: 'Mount it readOnly',
    alsoIn: 'kube-linter sensitive-host-mounts (any mount); Datree CONTAINERS_INCORRECT_READONLYROOTFILESYSTEM_VALUE (root fs, not hostPath)',
  },
  {
    code: 'tolerateEverything',
    severity: 'info',
    why: 'operator: Exists without a key tolerates every taint, NoExecute ones too: the pod stays on nodes that are being drained, failing or reserved.',
    alsoIn: 'none (kube-linter, Polaris and Datree do not look at tolerations)',
  },
  {
    code: 'noExecuteWithoutSeconds',
    severity: 'info',
    why: 'Other NoExecute tolerations of this pod set tolerationSeconds; without it this one keeps the pod on a tainted node forever.',
    alsoIn: 'none',
  },
  {
    code: 'windowsNodesWithoutOsSelector',
    severity: 'warning',
    why: 'The cluster has Windows nodes and the DaemonSet does not select kubernetes.io/os: its Linux image is scheduled there and never starts.',
    quickFix: 'Add nodeSelector kubernetes.io/os: linux',
    cluster: true,
    alsoIn: 'none (needs the cluster)',
  },
];

const SEVERITY = new Map(BEST_PRACTICE_RULES.map((rule) => [rule.code, rule.severity]));

/** Reports a best practice with the severity its table entry gives. */
function say(r: Reporter, code: string, path: FieldPath, message: string, opts?: Parameters<Reporter['add']>[4]): void {
  r.add(code, SEVERITY.get(code) ?? 'info', path, message, opts);
}

/** Capabilities that amount to (nearly) root on the node. */
const BROAD_CAPABILITIES = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE']);
/** Host directories a log collector reads (and never needs to write). */
const LOG_DIRS = ['/var/log', '/var/lib/docker/containers'];

export function checkBestPractices(r: Reporter, ds: Obj): void {
  // A kustomize patch carries only what it changes: an absent field says nothing.
  if (r.incomplete) return;
  const spec = obj(ds['spec']);
  const pod = obj(obj(spec?.['template'])?.['spec']);
  if (!spec || !pod) return;
  const containers = arr(pod['containers']);
  if (containers.length === 0) return;

  // pkg/apis/core/v1/defaults.go SetDefaults_PodSpec: dnsPolicy defaults to ClusterFirst, which for
  // a hostNetwork pod the kubelet treats as Default (pkg/kubelet/network/dns getPodDNSType).
  if (pod['hostNetwork'] === true) {
    const policy = str(pod['dnsPolicy']);
    if (policy === undefined || policy === 'ClusterFirst') {
      say(r,
        'hostNetworkWithoutDnsPolicy',
        [...POD, policy === undefined ? 'hostNetwork' : 'dnsPolicy'],
        `hostNetwork: true with dnsPolicy ${policy ?? 'unset (ClusterFirst)'}: the kubelet gives the pod the node's resolv.conf, so cluster Services do not resolve; use dnsPolicy: ClusterFirstWithHostNet`,
      );
    }
  }
  if (!str(pod['priorityClassName'])) {
    say(r, 'noPriorityClass', [...POD, 'containers'], 'no priorityClassName: node agents are preempted or evicted before other pods when a node runs short; upstream add-ons use system-node-critical (or system-cluster-critical)', {
      part: 'key',
    });
  }
  const strategy = str(obj(spec['updateStrategy'])?.['type']) ?? 'RollingUpdate';
  // A pod is ready when all its containers are (podutil.IsPodReady): one probe gates the rollout.
  if (strategy === 'RollingUpdate' && !containers.some((c) => has(obj(c), 'readinessProbe'))) {
    say(r, 'noReadinessProbe', [...POD, 'containers'], 'no container has a readinessProbe: a rolling update counts each new pod available as soon as it starts, so maxUnavailable protects nothing', {
      part: 'key',
    });
  }
  containers.forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const at: FieldPath = [...POD, 'containers', i];
    const name = str(c['name']) ?? `containers[${i}]`;
    const limits = obj(obj(c['resources'])?.['limits']);
    if (!has(limits, 'memory')) {
      say(r, 'noMemoryLimit', [...at, 'name'], `container "${name}" has no memory limit: a leak takes memory from the kubelet and every pod, on every node at once`);
    }
  });
  [...arr(pod['initContainers']).map((c, i) => ['initContainers', c, i] as const), ...containers.map((c, i) => ['containers', c, i] as const)].forEach(([list, raw, i]) => {
    const c = obj(raw);
    const sc = obj(c?.['securityContext']);
    if (!c || !sc) return;
    const at: FieldPath = [...POD, list, i, 'securityContext'];
    if (sc['privileged'] === true) {
      say(r, 'privilegedContainer', [...at, 'privileged'], 'privileged: every capability and every host device; a compromised daemon owns the node. Prefer the capabilities and mounts it needs');
    }
    arr(obj(sc['capabilities'])?.['add']).forEach((cap, j) => {
      const name = str(cap)?.toUpperCase().replace(/^CAP_/, '');
      if (name && BROAD_CAPABILITIES.has(name)) {
        say(r, 'broadCapability', [...at, 'capabilities', 'add', j], `capability ${name} is close to root on the node; add only what the daemon uses`);
      }
    });
  });
  if (pod['hostPID'] === true) say(r, 'hostPidShared', [...POD, 'hostPID'], 'hostPID: the daemon sees and can signal every process of the node', { part: 'key' });
  if (pod['hostIPC'] === true) say(r, 'hostIpcShared', [...POD, 'hostIPC'], "hostIPC: the node's shared memory and IPC are open to the daemon", { part: 'key' });
  checkLogMounts(r, pod);
  checkTolerationBreadth(r, pod);
}

/** hostPath volumes of log directories mounted without readOnly. */
function checkLogMounts(r: Reporter, pod: Obj): void {
  const logVolumes = new Map<string, string>();
  for (const raw of arr(pod['volumes'])) {
    const v = obj(raw);
    const path = str(obj(v?.['hostPath'])?.['path'])?.replace(/\/+$/, '');
    const name = str(v?.['name']);
    if (name && path && LOG_DIRS.some((d) => path === d || path.startsWith(`${d}/`))) logVolumes.set(name, path);
  }
  if (logVolumes.size === 0) return;
  arr(pod['containers']).forEach((raw, i) => {
    arr(obj(raw)?.['volumeMounts']).forEach((rawMount, j) => {
      const m = obj(rawMount);
      const host = logVolumes.get(str(m?.['name']) ?? '');
      if (!m || host === undefined || m['readOnly'] === true) return;
      say(r, 'writableLogHostPath', [...POD, 'containers', i, 'volumeMounts', j, 'name'], `hostPath ${host} is mounted writable: a log collector only reads it; add readOnly: true`);
    });
  });
}

/** Tolerations that tolerate more than an agent usually means to. */
function checkTolerationBreadth(r: Reporter, pod: Obj): void {
  const tolerations = arr(pod['tolerations']).map(obj);
  const noExecuteTimed = tolerations.some((t) => str(t?.['effect']) === 'NoExecute' && int(t?.['tolerationSeconds']) !== undefined);
  tolerations.forEach((t, i) => {
    if (!t) return;
    const at: FieldPath = [...POD, 'tolerations', i];
    // v1.Toleration.ToleratesTaint: an empty key with operator Exists matches every key.
    if (str(t['operator']) === 'Exists' && !str(t['key'])) {
      const effect = str(t['effect']);
      say(r, 'tolerateEverything', [...at, 'operator'], `operator: Exists without a key tolerates every ${effect ? `${effect} ` : ''}taint: the pod stays on nodes being drained, failing or reserved for other work; tolerate the taints by key`);
    } else if (str(t['effect']) === 'NoExecute' && !has(t, 'tolerationSeconds') && noExecuteTimed) {
      say(r, 'noExecuteWithoutSeconds', [...at, 'effect'], 'a NoExecute toleration without tolerationSeconds keeps the pod on the tainted node forever, while the other NoExecute tolerations here set tolerationSeconds');
    }
  });
}
