import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { extractDaemonSets, runPlacement } from '../../../server/src/cli/placement';
import { FakeApiServer, makeNode, makePod } from '../../support/fakeApiServer';

const repo = resolve(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  args: string[],
  env: NodeJS.ProcessEnv = { HOME: dir },
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runPlacement(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
    packageRoot: repo,
    env,
  });
  return { code, out, err };
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

// A log shipper like the Kubernetes docs example: tolerates the control plane, asks for
// 100m CPU / 200Mi, and wants host port 9100 for metrics.
const SHIPPER = `apiVersion: v1
kind: ServiceAccount
metadata: {name: shipper, namespace: logging}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: shipper, namespace: logging}
spec:
  selector: {matchLabels: {app: shipper}}
  template:
    metadata: {labels: {app: shipper}}
    spec:
      tolerations:
      - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
      containers:
      - name: shipper
        image: fluent/fluent-bit:3.2
        resources: {requests: {cpu: 100m, memory: 200Mi}}
        ports: [{containerPort: 9100, hostPort: 9100}]
`;

const ARM_ONLY_LIST = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: arm-agent}
  spec:
    selector: {matchLabels: {app: arm}}
    template:
      metadata: {labels: {app: arm}}
      spec:
        nodeSelector: {kubernetes.io/arch: arm64}
        containers: [{name: a, image: busybox}]
`;

test('text output on the bundled example cluster: a kubectl-style summary and one row per node', async () => {
  const { code, out, err } = await run([write('shipper.yaml', SHIPPER)]);
  assert.equal(code, 0, err);
  assert.equal(err, '');
  const lines = out.split('\n');
  assert.equal(lines[0], 'Cluster: example cluster (9 nodes, 13 pods)');
  assert.match(lines[2] ?? '', /^NAMESPACE\s+NAME\s+DESIRED\s+PENDING\s+EXCLUDED$/);
  assert.match(lines[3] ?? '', /^logging\s+shipper\s+7\s+2\s+2$/);
  assert.equal(lines[5], 'logging/shipper:');
  assert.match(lines[6] ?? '', /^NODE\s+VERDICT\s+REASON\s+DETAIL$/);
  const rows = Object.fromEntries(
    lines
      .slice(7)
      .filter((l) => l)
      .map((l) => {
        const [node, verdict, reason] = l.split(/\s+/);
        return [node, `${verdict} ${reason}`];
      }),
  );
  assert.deepEqual(rows, {
    'cp-1': 'runs ok',
    'worker-a1': 'pending hostPort',
    'worker-a2': 'runs ok',
    'worker-a3': 'excluded taint',
    'gpu-a1': 'excluded taint',
    'worker-b1': 'runs ok',
    'worker-b2': 'runs ok',
    'worker-b3': 'pending insufficientResources',
    'arm-b1': 'runs ok',
  });
});

test('JSON output has the documented shape, for DaemonSets inside a kind: List too', async () => {
  const { code, out } = await run([write('arm.yaml', ARM_ONLY_LIST), '--format', 'json']);
  assert.equal(code, 0);
  const json = JSON.parse(out) as {
    daemonsets: Array<Record<string, unknown> & { nodes: Array<Record<string, unknown>> }>;
  };
  assert.equal(json.daemonsets.length, 1);
  const d = json.daemonsets[0]!;
  assert.equal(d.name, 'arm-agent');
  assert.equal(d.namespace, 'default');
  assert.equal(d.desired, 1);
  assert.equal(d.pending, 0);
  assert.equal(d.nodes.length, 9);
  assert.deepEqual(Object.keys(d.nodes[0]!), [
    'name',
    'shouldRun',
    'shouldContinueRunning',
    'pending',
    'reason',
    'detail',
  ]);
  const arm = d.nodes.find((n) => n.name === 'arm-b1')!;
  assert.deepEqual([arm.shouldRun, arm.pending, arm.reason], [true, false, 'ok']);
  const amd = d.nodes.find((n) => n.name === 'worker-b1')!;
  assert.deepEqual([amd.shouldRun, amd.shouldContinueRunning, amd.reason], [false, false, 'nodeSelector']);
  assert.equal(typeof amd.detail, 'string');
});

test('--nodes/--pods read snapshot files', async () => {
  write(
    'nodes.yaml',
    'kind: NodeList\nitems:\n- metadata: {name: only, labels: {kubernetes.io/arch: arm64}}\n  status: {allocatable: {cpu: 1, memory: 1Gi, pods: 110}}\n',
  );
  write(
    'pods.yaml',
    'kind: PodList\nitems:\n- metadata: {name: hog, namespace: x}\n  spec: {nodeName: only, containers: [{name: c, resources: {requests: {cpu: 950m}}}]}\n  status: {phase: Running}\n',
  );
  const { code, out } = await run(['arm.yaml', '--nodes', 'nodes.yaml', '--pods=pods.yaml', '-o', 'json']);
  assert.equal(code, 0);
  const json = JSON.parse(out) as {
    cluster: { source: string };
    daemonsets: Array<{ desired: number; nodes: Array<{ name: string }> }>;
  };
  assert.equal(json.cluster.source, 'snapshot nodes.yaml');
  assert.deepEqual(
    json.daemonsets[0]?.nodes.map((n) => n.name),
    ['only'],
  );
  const shipper = await run(['shipper.yaml', '--nodes', 'nodes.yaml', '--pods', 'pods.yaml']);
  assert.match(shipper.out, /only\s+pending\s+insufficientResources\s+needs 100m CPU, 50m free/);
});

test('--context reads a live cluster through a kubeconfig', { timeout: 20_000 }, async () => {
  const server = await FakeApiServer.start({
    nodes: [makeNode('live-1'), makeNode('live-2', { cpu: '1' })],
    pods: [makePod('x', 'big', 'live-2', '950m')],
  });
  try {
    const kubeconfig = server.writeKubeconfig(join(dir, 'kubeconfig'), { context: 'kind-dev' });
    const { code, out, err } = await run(['shipper.yaml', '--context', 'kind-dev'], {
      HOME: dir,
      KUBECONFIG: kubeconfig,
    });
    assert.equal(code, 0, err);
    assert.match(out, /^Cluster: context kind-dev \(2 nodes, 1 pod\)/);
    assert.match(out, /live-1\s+runs\s+ok/);
    assert.match(out, /live-2\s+pending\s+insufficientResources/);
  } finally {
    await server.close();
  }
});

test(
  'exit 2 with a clear message: missing file, no DaemonSet, bad flags, unreachable context',
  { timeout: 20_000 },
  async () => {
    let r = await run(['nope.yaml']);
    assert.deepEqual([r.code, r.err], [2, 'daemonset placement: nope.yaml: no such file\n']);

    r = await run([write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n')]);
    assert.deepEqual([r.code, r.err], [2, 'daemonset placement: cm.yaml: no DaemonSet found\n']);

    r = await run([write('broken.yaml', 'kind: DaemonSet\nmetadata: {name: [\n')]);
    assert.equal(r.code, 1, 'a broken manifest is a finding (exit 1), not an unreadable input');
    assert.match(
      r.err,
      /^daemonset placement: broken\.yaml: no DaemonSet found: the document is not valid YAML \(line \d+, column \d+\)/,
    );

    r = await run(['shipper.yaml', '--format', 'yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format must be text or json, not "yaml"\nusage: daemonset placement/);
    r = await run(['shipper.yaml', '--pods', 'pods.yaml']);
    assert.match(r.err, /--pods goes with --nodes/);
    r = await run(['shipper.yaml', '--nodes']);
    assert.match(r.err, /--nodes needs a value/);

    r = await run(['shipper.yaml', '--nodes', 'missing-nodes.yaml']);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /cannot read the cluster \(snapshot missing-nodes\.yaml\): .*missing-nodes\.yaml: no such file/,
    );

    const port = await new Promise<number>((res) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    const fake = await FakeApiServer.start();
    const kubeconfig = fake.writeKubeconfig(join(dir, 'down'), {
      context: 'down',
      server: `https://127.0.0.1:${port}`,
    });
    await fake.close();
    r = await run(['shipper.yaml', '--kubeconfig', 'down', '--context', 'down', '--request-timeout', '2s']);
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      `daemonset placement: cannot read the cluster (context down): cannot reach https://127.0.0.1:${port}: connection refused (is the cluster running and the address right?)\n`,
    );

    r = await run(['shipper.yaml', '--kubeconfig', kubeconfig, '--context', 'staging']);
    assert.equal(r.code, 2);
    assert.match(r.err, /context "staging" is not in .*down; choose one of: down/);

    r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: daemonset placement <manifest>/);
  },
);

test('extractDaemonSets keeps DaemonSets from good documents and reports broken ones', () => {
  const { daemonSets, problems } = extractDaemonSets(`${SHIPPER}---\nkind: DaemonSet\nmetadata: {name: [\n`);
  assert.deepEqual(
    daemonSets.map((d) => [d.ds.metadata?.name, d.where]),
    [['shipper', 'document 2']],
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /^document 3 is not valid YAML/);
});

// The CLI reads manifests through the editor's document model: Helm templates are masked
// (the old extraction called such a file "not valid YAML") and List items are DaemonSets.
const HELM_SHIPPER = `{{- if .Values.shipper.enabled }}
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: shipper
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "shipper.labels" . | nindent 4 }}
spec:
  selector: {matchLabels: {app: shipper}}
  template:
    metadata: {labels: {app: shipper}}
    spec:
      nodeSelector: {kubernetes.io/arch: arm64}
      containers:
      - name: shipper
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
        resources:
          {{- toYaml .Values.resources | nindent 10 }}
{{- end }}
`;

test('a Helm-templated manifest: the DaemonSet is found (templates masked), with a warning naming the unknown values', async () => {
  const r = await run([write('helm-shipper.yaml', HELM_SHIPPER), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^daemonset placement: warning: helm-shipper\.yaml: the document has template expressions/);
  const json = JSON.parse(r.out);
  assert.deepEqual(
    json.daemonsets.map((d: { name: string }) => d.name),
    ['shipper'],
  );
  const ds = json.daemonsets[0];
  assert.ok(ds.nodes.length > 0);
  // The nodeSelector outside the templates is read: only arm64 nodes are desired.
  assert.ok(ds.nodes.some((n: { reason: string }) => n.reason === 'nodeSelector'));
  assert.equal(ds.desired + ds.excluded, ds.nodes.length);
});

test('a kind: List through the CLI: each DaemonSet item is placed and named by its item', async () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n${ARM_ONLY_LIST.split('\n').slice(3).join('\n')}`;
  const { daemonSets, problems } = extractDaemonSets(list);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    daemonSets.map((d) => [d.ds.metadata?.name, d.where]),
    [['arm-agent', 'the document items[1]']],
  );
  const r = await run([write('list.yaml', list)]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  assert.match(r.out, /^default\/arm-agent:$/m);
});
