// Generated hostile inputs (issue 10), shared by the regression tests and bench/hostile.bench.ts:
// nothing megabyte-sized is committed, every input is built from its size.

const POD_SPEC_HEAD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
`;

const CONTAINERS = `      containers:
        - name: agent
          image: registry.example.com/agent:1.0.0
`;

/** A DaemonSet whose `metadata.labels` has `n` (valid, distinct) keys. */
export function manyKeysMap(n: number): string {
  const lines: string[] = ['apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', '  labels:'];
  for (let i = 0; i < n; i++) lines.push(`    key-${i}: v${i}`);
  lines.push(
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: agent',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: agent',
    '    spec:',
  );
  return lines.join('\n') + '\n' + CONTAINERS;
}

/** A DaemonSet whose pod spec has `n` unknown fields (each one an `unknownField` error). */
export function unknownFields(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`      notAField${i}: ${i}`);
  return POD_SPEC_HEAD + lines.join('\n') + '\n' + CONTAINERS;
}

/** One DaemonSet as a `kind: List` item, at the List's two-space indentation. */
export function listItem(i: number): string {
  return `  - apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent-${i}
    spec:
      selector:
        matchLabels:
          app: agent-${i}
      template:
        metadata:
          labels:
            app: agent-${i}
        spec:
          containers:
            - name: agent
              image: registry.example.com/agent:1.${i}.0
`;
}

/** A `kind: List` of `n` DaemonSets. */
export function daemonSetList(n: number): string {
  const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
  for (let i = 0; i < n; i++) parts.push(listItem(i));
  return parts.join('');
}

/** A DaemonSet whose container has an env list of `lines` lines (`lines / 2` variables). */
export function longEnvList(lines: number): string {
  const env: string[] = [];
  for (let i = 0; i < lines / 2; i++) env.push(`            - name: VAR_${i}\n              value: "${i}"`);
  return POD_SPEC_HEAD + CONTAINERS + '          env:\n' + env.join('\n') + '\n';
}

/** A node as `kubectl get nodes -o yaml` writes it (one `items` entry), about 1 KB. */
export function snapshotNode(i: number): string {
  return `- apiVersion: v1
  kind: Node
  metadata:
    labels:
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: node-${i}
      kubernetes.io/os: linux
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1${'abc'[i % 3]}
    name: node-${i}
    resourceVersion: "${100000 + i}"
    uid: 00000000-0000-4000-8000-${String(i).padStart(12, '0')}
  spec:
    providerID: aws:///eu-west-1a/i-0${i.toString(16).padStart(16, '0')}
${i % 50 === 0 ? '    taints:\n    - effect: NoSchedule\n      key: dedicated\n      value: gpu\n' : ''}  status:
    allocatable:
      cpu: 7910m
      ephemeral-storage: "95491281146"
      memory: 31619252Ki
      pods: "58"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      memory: 32636084Ki
      pods: "58"
    conditions:
    - lastHeartbeatTime: "2025-06-12T08:41:07Z"
      lastTransitionTime: "2025-03-04T09:13:10Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    nodeInfo:
      architecture: amd64
      kubeletVersion: v1.36.0
      operatingSystem: linux
`;
}

/** A node snapshot file of about `bytes` bytes. */
export function snapshotText(bytes: number): string {
  const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const n = snapshotNode(i);
    parts.push(n);
    size += n.length;
  }
  parts.push('metadata:\n  resourceVersion: ""\n');
  return parts.join('');
}

/** A short List item (flow style inside), so 15,000 of them stay under the editor's 4 MB. */
export function compactListItem(i: number): string {
  return `  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: a${i}}
    spec:
      selector: {matchLabels: {app: a${i}}}
      template:
        metadata: {labels: {app: a${i}}}
        spec: {containers: [{name: a, image: "r/a:1"}]}
`;
}

/**
 * A `kind: List` of `n` DaemonSets, compact items, with the block-style listItem(i) at `blockAt`
 * (where a bench puts its cursor).
 */
export function compactList(n: number, blockAt = Math.floor(n / 2)): string {
  const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
  for (let i = 0; i < n; i++) parts.push(i === blockAt ? listItem(i) : compactListItem(i));
  return parts.join('');
}
