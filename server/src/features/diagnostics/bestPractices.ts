// Best practices for node agents: what the API server accepts and a DaemonSet usually should not
// do. Never errors (the manifest is valid); each rule says in one line what goes wrong, and many
// carry a quick fix (features/codeActions.ts). The rules are the entries of rules.ts marked
// `bestPractice` (docs/rules.md and docs/best-practices.md are generated from them); a team turns one off or changes its severity
// with a `.daemonset-lint.yaml` or a suppression comment (server/src/lintConfig).
import type { FieldPath } from '../../model';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';
import { ruleSeverity } from './rules';

// The rules' severities, one-line whys, examples and quick-fix titles are their entries in the one
// table of codes (rules.ts, `bestPractice: true`); BEST_PRACTICE_RULES is re-exported from there.
export { BEST_PRACTICE_RULES } from './rules';

/** Reports a best practice with the severity its table entry gives. */
function say(r: Reporter, code: string, path: FieldPath, message: string, opts?: Parameters<Reporter['add']>[4]): void {
  r.add(code, ruleSeverity(code) ?? 'info', path, message, opts);
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
      say(
        r,
        'hostNetworkWithoutDnsPolicy',
        [...POD, policy === undefined ? 'hostNetwork' : 'dnsPolicy'],
        `hostNetwork: true with dnsPolicy ${policy ?? 'unset (ClusterFirst)'}: the kubelet gives the pod the node's resolv.conf, so cluster Services do not resolve; use dnsPolicy: ClusterFirstWithHostNet`,
      );
    }
  }
  if (!str(pod['priorityClassName'])) {
    say(
      r,
      'noPriorityClass',
      [...POD, 'containers'],
      'no priorityClassName: node agents are preempted or evicted before other pods when a node runs short; upstream add-ons use system-node-critical (or system-cluster-critical)',
      {
        part: 'key',
      },
    );
  }
  const strategy = str(obj(spec['updateStrategy'])?.['type']) ?? 'RollingUpdate';
  // A pod is ready when all its containers are (podutil.IsPodReady): one probe gates the rollout.
  if (strategy === 'RollingUpdate' && !containers.some((c) => has(obj(c), 'readinessProbe'))) {
    say(
      r,
      'noReadinessProbe',
      [...POD, 'containers'],
      'no container has a readinessProbe: a rolling update counts each new pod available as soon as it starts, so maxUnavailable protects nothing',
      {
        part: 'key',
      },
    );
  }
  containers.forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const at: FieldPath = [...POD, 'containers', i];
    const name = str(c['name']) ?? `containers[${i}]`;
    const limits = obj(obj(c['resources'])?.['limits']);
    if (!has(limits, 'memory')) {
      say(
        r,
        'noMemoryLimit',
        [...at, 'name'],
        `container "${name}" has no memory limit: a leak takes memory from the kubelet and every pod, on every node at once`,
      );
    }
  });
  [
    ...arr(pod['initContainers']).map((c, i) => ['initContainers', c, i] as const),
    ...containers.map((c, i) => ['containers', c, i] as const),
  ].forEach(([list, raw, i]) => {
    const c = obj(raw);
    const sc = obj(c?.['securityContext']);
    if (!c || !sc) return;
    const at: FieldPath = [...POD, list, i, 'securityContext'];
    if (sc['privileged'] === true) {
      say(
        r,
        'privilegedContainer',
        [...at, 'privileged'],
        'privileged: every capability and every host device; a compromised daemon owns the node. Prefer the capabilities and mounts it needs',
      );
    }
    arr(obj(sc['capabilities'])?.['add']).forEach((cap, j) => {
      const name = str(cap)?.toUpperCase().replace(/^CAP_/, '');
      if (name && BROAD_CAPABILITIES.has(name)) {
        say(
          r,
          'broadCapability',
          [...at, 'capabilities', 'add', j],
          `capability ${name} is close to root on the node; add only what the daemon uses`,
        );
      }
    });
  });
  if (pod['hostPID'] === true)
    say(r, 'hostPidShared', [...POD, 'hostPID'], 'hostPID: the daemon sees and can signal every process of the node', {
      part: 'key',
    });
  if (pod['hostIPC'] === true)
    say(r, 'hostIpcShared', [...POD, 'hostIPC'], "hostIPC: the node's shared memory and IPC are open to the daemon", {
      part: 'key',
    });
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
      say(
        r,
        'writableLogHostPath',
        [...POD, 'containers', i, 'volumeMounts', j, 'name'],
        `hostPath ${host} is mounted writable: a log collector only reads it; add readOnly: true`,
      );
    });
  });
}

/** Tolerations that tolerate more than an agent usually means to. */
function checkTolerationBreadth(r: Reporter, pod: Obj): void {
  const tolerations = arr(pod['tolerations']).map(obj);
  const noExecuteTimed = tolerations.some(
    (t) => str(t?.['effect']) === 'NoExecute' && int(t?.['tolerationSeconds']) !== undefined,
  );
  tolerations.forEach((t, i) => {
    if (!t) return;
    const at: FieldPath = [...POD, 'tolerations', i];
    // v1.Toleration.ToleratesTaint: an empty key with operator Exists matches every key.
    if (str(t['operator']) === 'Exists' && !str(t['key'])) {
      const effect = str(t['effect']);
      say(
        r,
        'tolerateEverything',
        [...at, 'operator'],
        `operator: Exists without a key tolerates every ${effect ? `${effect} ` : ''}taint: the pod stays on nodes being drained, failing or reserved for other work; tolerate the taints by key`,
      );
    } else if (str(t['effect']) === 'NoExecute' && !has(t, 'tolerationSeconds') && noExecuteTimed) {
      say(
        r,
        'noExecuteWithoutSeconds',
        [...at, 'effect'],
        'a NoExecute toleration without tolerationSeconds keeps the pod on the tainted node forever, while the other NoExecute tolerations here set tolerationSeconds',
      );
    }
  });
}
