// Keystroke → updated placement preview, through the real server: a one-line edit
// (didChange) followed by the `daemonset/placement` request the panel sends, on a snapshot
// cluster of 1,000 and 10,000 generated nodes. The webview's own render time is measured by
// bench/preview.bench.ts; the two add up to what a user waits for (after the panel's 250 ms
// typing debounce).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer } from '../test/support/lspClient';

const MANIFEST = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels: {app: node-agent}
  template:
    metadata:
      labels: {app: node-agent}
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: registry.example.com/agent:1.0.0
          ports: [{containerPort: 9100, hostPort: 9100}]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
`;

function nodesYaml(n: number): string {
  const out = ['apiVersion: v1', 'kind: List', 'items:'];
  for (let i = 0; i < n; i++) {
    const zone = `zone-${i % 3}`;
    const taint = i % 10 === 0 ? '\n    taints:\n    - {key: dedicated, value: gpu, effect: NoSchedule}' : '';
    out.push(`- apiVersion: v1
  kind: Node
  metadata:
    name: node-${i}
    labels: {kubernetes.io/os: linux, kubernetes.io/arch: ${i % 7 === 0 ? 'arm64' : 'amd64'}, topology.kubernetes.io/zone: ${zone}}
  spec:${taint || ' {}'}
  status:
    allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}`);
  }
  return out.join('\n') + '\n';
}

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

async function run(n: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-keystroke-'));
  fs.writeFileSync(path.join(dir, 'nodes.yaml'), nodesYaml(n));
  const server = await startServer({
    workspaceRoot: dir,
    settings: { cluster: { source: 'snapshot', snapshotPath: 'nodes.yaml' } },
  });
  try {
    // Wait until the snapshot is read (the notification, or a status that already says so).
    const loaded = new Promise<void>((resolve) => {
      server.connection.onNotification('daemonset/clusterChanged', (s: { nodeCount: number }) => {
        if (s.nodeCount === n) resolve();
      });
    });
    const status = (await server.connection.sendRequest('daemonset/clusterStatus')) as { nodeCount: number };
    if (status.nodeCount !== n) await loaded;
    const uri = server.open('ds.yaml', MANIFEST);
    await server.connection.sendRequest('daemonset/placement', { uri });
    let version = 1;
    const edits = async (params: Record<string, unknown>, count: (res: any) => number): Promise<number[]> => {
      const times: number[] = [];
      for (let k = 0; k < 30; k++) {
        version++;
        const text = MANIFEST.replace('cpu: 100m', `cpu: ${100 + (version % 50)}m`);
        const t0 = process.hrtime.bigint();
        server.change(uri, text, version);
        const res = await server.connection.sendRequest('daemonset/placement', { uri, ...params });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (count(res) !== n) throw new Error(`expected ${n} verdicts`);
      }
      return times;
    };
    const full = stats(await edits({}, (res) => res.result.nodes.length));
    // The panel's compact answer: the nodes table once (the key it holds), then verdicts only.
    const first = (await server.connection.sendRequest('daemonset/placement', { uri, nodesKey: '' })) as {
      nodesKey: string;
    };
    const compact = stats(
      await edits({ nodesKey: first.nodesKey }, (res) => (res.nodes ? -1 : res.verdicts.index.length)),
    );
    return `| ${n.toLocaleString('en')} | ${full.median.toFixed(1)} | ${full.p95.toFixed(1)} | ${compact.median.toFixed(1)} | ${compact.p95.toFixed(1)} |`;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows = [
    "| nodes | keystroke → full placement answer (with labels), median ms (30) | p95 ms | keystroke → compact answer (the panel's, verdicts only), median ms (30) | p95 ms |",
    '| ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const n of [1000, 10000]) rows.push(await run(n));
  console.log(rows.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
