// `daemonset rollout` as a user runs it: the real command (runRollout, and main's dispatch) on
// the bundled example cluster and on snapshot files, text and JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../../server/src/cli/cli';
import { runRollout } from '../../../server/src/cli/rollout';

const repo = resolve(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'ds-rollout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRollout(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
    packageRoot: repo,
    env: { HOME: dir },
  });
  return { code, out, err };
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

// Tolerates the control plane, wants host port 9100, surges 25% at a time.
const SHIPPER = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: shipper, namespace: logging}
spec:
  selector: {matchLabels: {app: shipper}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: "25%"}}
  minReadySeconds: 20
  template:
    metadata: {labels: {app: shipper}}
    spec:
      tolerations:
      - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
      containers:
      - name: shipper
        image: fluent/fluent-bit:3.2
        resources: {requests: {cpu: 10m, memory: 20Mi}}
        ports: [{containerPort: 9100, hostPort: 9100}]
        readinessProbe: {httpGet: {port: 9100}, initialDelaySeconds: 5, periodSeconds: 10}
`;

// amd64 workers only (no control plane, no GPU node): 10% of the desired nodes at a time.
const AGENT = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: agent}
  spec:
    selector: {matchLabels: {app: agent}}
    updateStrategy: {rollingUpdate: {maxUnavailable: 10%}}
    template:
      metadata: {labels: {app: agent}}
      spec:
        nodeSelector: {kubernetes.io/arch: amd64}
        tolerations: [{operator: Exists}]
        containers: [{name: a, image: busybox, readinessProbe: {exec: {command: [true]}, periodSeconds: 5, successThreshold: 2}}]
- apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: manual, namespace: ops}
  spec:
    selector: {matchLabels: {app: manual}}
    updateStrategy: {type: OnDelete}
    template:
      metadata: {labels: {app: manual}}
      spec:
        containers: [{name: m, image: busybox}]
`;

const NODES = `apiVersion: v1
kind: List
items:
${Array.from({ length: 7 }, (_, i) => `- {apiVersion: v1, kind: Node, metadata: {name: n${i}, labels: {kubernetes.io/arch: amd64}}, status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}}`).join('\n')}
`;

test("JSON has exactly the issue's keys first, with the effective numbers, on a snapshot", async () => {
  const { code, out, err } = await run([
    write('agent.yaml', AGENT),
    '--nodes',
    write('nodes.yaml', NODES),
    '--format',
    'json',
  ]);
  assert.equal(code, 0, err);
  const json = JSON.parse(out);
  const [agent, manual] = json.daemonsets;
  assert.deepEqual(Object.keys(agent).slice(0, 8), [
    'name',
    'namespace',
    'strategy',
    'desired',
    'maxUnavailable',
    'maxSurge',
    'batches',
    'blockedNodes',
  ]);
  assert.deepEqual(
    {
      name: agent.name,
      namespace: agent.namespace,
      strategy: agent.strategy,
      desired: agent.desired,
      maxUnavailable: agent.maxUnavailable,
      maxSurge: agent.maxSurge,
      batches: agent.batches,
      blockedNodes: agent.blockedNodes,
    },
    {
      name: 'agent',
      namespace: 'default',
      strategy: 'RollingUpdate',
      desired: 7,
      maxUnavailable: 1,
      maxSurge: 0,
      batches: 7,
      blockedNodes: [],
    },
  );
  assert.equal(
    agent.messages[0],
    'maxUnavailable 10% of 7 desired nodes → 1 node at a time, 7 batches (old pods are deleted first, then replaced).',
  );
  // Readiness probe: 2 × periodSeconds 5 = 10s a batch, 7 batches.
  assert.deepEqual([agent.estimate.perBatchSeconds, agent.estimate.totalSeconds], [10, 70]);
  assert.match(agent.estimate.model, /^Estimate: batches × /);
  assert.deepEqual(
    [
      manual.name,
      manual.namespace,
      manual.strategy,
      manual.desired,
      manual.maxUnavailable,
      manual.maxSurge,
      manual.batches,
      manual.blockedNodes,
    ],
    ['manual', 'ops', 'OnDelete', 7, 0, 0, 0, []],
  );
  assert.match(manual.messages[0], /^OnDelete: applying a new template replaces no running pod/);
  assert.deepEqual(json.cluster.nodes, 7);
});

test('text on the example cluster: a kubectl-style table, then per DaemonSet what happens, blocked nodes and the estimate model', async () => {
  const { code, out, err } = await run([write('shipper.yaml', SHIPPER)]);
  assert.equal(code, 0, err);
  const lines = out.split('\n');
  assert.equal(lines[0], 'Cluster: example cluster (9 nodes, 13 pods)');
  assert.match(
    lines[2]!,
    /^NAMESPACE\s+NAME\s+STRATEGY\s+DESIRED\s+MAX-UNAVAILABLE\s+MAX-SURGE\s+AT-ONCE\s+BATCHES\s+ESTIMATE$/,
  );
  assert.match(lines[3]!, /^logging\s+shipper\s+RollingUpdate\s+7\s+0\s+2\s+2\s+4\s+never completes$/);
  assert.equal(lines[5], 'logging/shipper (shipper.yaml):');
  assert.match(out, /maxSurge 25% of 7 desired nodes → 2 nodes at a time, 4 batches/);
  assert.match(
    out,
    /On 6 nodes the surge pod cannot start while the old pod runs \(the old pod holds a host port the new one needs\)/,
  );
  const blocked = lines
    .slice(lines.indexOf('  Blocked nodes:') + 2)
    .filter((l) => /^ {4}\S/.test(l))
    .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
  assert.deepEqual(blocked, [
    'cp-1 hostPort',
    'worker-a2 hostPort',
    'worker-b1 hostPort',
    'worker-b2 hostPort',
    'worker-b3 hostPort',
    'arm-b1 hostPort',
  ]);
  // worker-a1: another pod (not this DaemonSet's) holds 9100, so the new pod is Pending there anyway.
  assert.match(out, /\n {2}Pending nodes: worker-a1\n/);
  assert.match(
    out,
    /Estimate: readiness probe initialDelaySeconds 5 \+ periodSeconds 10 \(container shipper\) \+ minReadySeconds 20 = 35s per batch\./,
  );
  assert.match(out, /\nEstimate: batches × \(time for a new pod to become Ready \+ minReadySeconds\)/);
});

test('the same manifest in JSON lists the blocked nodes by name', async () => {
  const { out } = await run([write('shipper.yaml', SHIPPER), '-o', 'json']);
  const [shipper] = JSON.parse(out).daemonsets;
  assert.deepEqual(shipper.blockedNodes, ['cp-1', 'worker-a2', 'worker-b1', 'worker-b2', 'worker-b3', 'arm-b1']);
  assert.deepEqual(
    [shipper.maxUnavailable, shipper.maxSurge, shipper.batches, shipper.completes, shipper.estimate.totalSeconds],
    [0, 2, 4, false, undefined],
  );
});

test('usage errors exit 2: no file, unknown option, bad format, --pods without --nodes, a missing file, no DaemonSet', async () => {
  assert.equal((await run([])).code, 2);
  const unknown = await run(['x.yaml', '--bogus']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^daemonset rollout: unknown option --bogus\n/);
  assert.match((await run(['x.yaml', '--format', 'yaml'])).err, /--format must be text or json, not "yaml"/);
  assert.match((await run(['x.yaml', '--pods', 'p.yaml'])).err, /--pods goes with --nodes/);
  const missing = await run(['nope.yaml']);
  assert.deepEqual([missing.code, missing.err], [2, 'daemonset rollout: nope.yaml: no such file\n']);
  const none = await run([write('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n')]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no DaemonSet found/);
  const help = await run(['--help']);
  assert.deepEqual([help.code, help.out.startsWith('usage: daemonset rollout <files…>')], [0, true]);
});

test('names from files are shown with control characters escaped', async () => {
  const evil = SHIPPER.replace('name: shipper, namespace: logging', 'name: "ship\\u001b[31mper", namespace: logging');
  const { out } = await run([write('evil.yaml', evil)]);
  assert.ok(!out.includes('\u001b'));
  assert.match(out, /ship\\x1b\[31mper/);
});

test('main dispatches `rollout`', async () => {
  let out = '';
  const code = await main(['rollout', '--help'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir });
  assert.equal(code, 0);
  assert.match(out, /^usage: daemonset rollout/);
  let usage = '';
  await main(['--help'], { stdout: (s) => (usage += s), stderr: () => undefined, cwd: dir });
  assert.match(usage, /daemonset rollout <files…>/);
});
