// `daemonset status`: the example cluster's live state offline, and a kubeconfig context on the
// loopback API server, in text and JSON.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../../server/src/cli/cli';
import { FakeApiServer, makeNode } from '../../support/fakeApiServer';
import { makeDaemonPod, makeDaemonSet, makeRevision } from '../../support/liveObjects';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), cwd, packageRoot: ROOT } as CliIo;
  const code = await main(args, io);
  return { code, out, err };
}

test('status on the example cluster: fluent-bit mid-rollout, drift per node', async () => {
  const r = await run(['status', 'examples/workspace/log-collector.yaml']);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.out,
    /^Cluster: example cluster \(9 nodes, 13 pods\)\n\nlogging\/fluent-bit:\nNAME {9}DESIRED {3}CURRENT {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}NODE SELECTOR {3}AGE\nfluent-bit {3}7 {9}6 {9}5 {7}4 {12}5 {11}<none> {10}\d+d\n/,
  );
  assert.match(
    r.out,
    /\nWaiting for daemon set "fluent-bit" rollout to finish: 4 out of 7 new pods have been updated\.\.\.\n/,
  );
  assert.match(
    r.out,
    /\n {2}arm-b1: predicted to run here, but the cluster has no daemon pod on arm-b1: FailedDaemonPod: /,
  );
  const json = await run(['status', 'examples/workspace/log-collector.yaml', '--format', 'json']);
  const parsed = JSON.parse(json.out);
  const ds = parsed.daemonsets[0];
  assert.deepEqual(
    [ds.namespace, ds.name, ds.state, ds.getDs.row.slice(0, 6), ds.currentRevision],
    ['logging', 'fluent-bit', 'ok', ['fluent-bit', '7', '6', '5', '4', '5'], '6d9f8c7b5'],
  );
  assert.deepEqual(
    ds.nodes.filter((n: any) => n.drift.length).map((n: any) => [n.node, n.drift.map((d: any) => d.kind)]),
    [
      ['worker-b1', ['oldRevision']],
      ['worker-b2', ['oldRevision']],
      ['worker-b3', ['unschedulable']],
      ['arm-b1', ['missing']],
    ],
  );
});

test('status for a DaemonSet the cluster does not have says apply would create it', async () => {
  const r = await run(['status', 'examples/workspace/new-daemonset.yaml']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /The cluster has no DaemonSet monitoring\/node-exporter: apply would create it\./);
});

test('status through a kubeconfig context: a pod the edited manifest excludes would be deleted', async () => {
  const ds = makeDaemonSet('ops', 'agent', {
    status: {
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    },
  });
  const api = await FakeApiServer.start({
    nodes: [makeNode('n1'), makeNode('n2', { labels: { 'kubernetes.io/arch': 'arm64' } })],
    daemonSets: [ds],
    pods: [makeDaemonPod(ds, 'n1', 'h1'), makeDaemonPod(ds, 'n2', 'h1')],
    controllerRevisions: [makeRevision(ds, 'h1', 1)],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-status-'));
  try {
    const kubeconfig = api.writeKubeconfig(path.join(dir, 'config'), { context: 'kind-fake' });
    const manifest = path.join(dir, 'agent.yaml');
    // The edit: amd64 only, so the pod on the arm64 node n2 goes away on apply.
    fs.writeFileSync(
      manifest,
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: ops}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      nodeSelector: {kubernetes.io/arch: amd64}\n      containers: [{name: c, image: busybox}]\n',
    );
    const r = await run(['status', manifest, '--kubeconfig', kubeconfig, '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const v = JSON.parse(r.out).daemonsets[0];
    assert.equal(v.rolloutStatus.message, 'daemon set "agent" successfully rolled out');
    const n2 = v.nodes.find((n: any) => n.node === 'n2');
    assert.deepEqual(
      n2.drift.map((d: any) => d.kind),
      ['wouldDelete'],
    );
    assert.match(n2.drift[0].message, /after apply the controller deletes agent-n2/);
  } finally {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
