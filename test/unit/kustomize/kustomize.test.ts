// Kustomize: which files are patches, the strategic merge of a DaemonSet, and the preview of the
// DaemonSets a kustomization builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readKustomization, roleIn } from '../../../server/src/kustomize/kustomization';
import { strategicMerge } from '../../../server/src/kustomize/strategicMerge';
import { previewKustomization, rewriteImage } from '../../../server/src/kustomize/preview';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KustomizeFiles } from '../../../server/src/session/kustomizeFiles';
import { isKustomizationFile, KustomizePreviews } from '../../../server/src/session/kustomizePreviews';
import { mergedPlacementResponse } from '../../../server/src/features/placementAnswer';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext, type FeatureContext } from '../../../server/src/features/context';
import { diagnose } from '../../../server/src/features/diagnostics';

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: monitoring
resources:
  - base/daemonset.yaml
  - ../common
patchesStrategicMerge:
  - ./patches/resources.yaml
patches:
  - path: patches/tolerations.yaml
  - path: patches/json.yaml
    target: {kind: DaemonSet, name: agent}
commonLabels:
  team: infra
labels:
  - pairs: {tier: node}
images:
  - name: registry.example/agent
    newTag: "2.0"
configMapGenerator:
  - name: cfg
namePrefix: prod-
`;

const BASE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels: {app: agent}
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: registry.example/agent:1.0
          env:
            - {name: A, value: "1"}
            - {name: B, value: "2"}
        - name: sidecar
          image: busybox
      tolerations:
        - {key: a, operator: Exists}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
`;

test('a kustomization names its resources and patches; the rest is listed as not modelled', () => {
  const k = readKustomization(KUSTOMIZATION);
  assert.equal(k.error, undefined);
  assert.deepEqual(k.resources, ['base/daemonset.yaml', '../common']);
  assert.deepEqual(
    k.patches.map((p) => [p.path, p.targeted]),
    [
      ['./patches/resources.yaml', false],
      ['patches/tolerations.yaml', false],
      ['patches/json.yaml', true],
    ],
  );
  assert.equal(k.namespace, 'monitoring');
  assert.deepEqual(k.notModelled, ['configMapGenerator', 'namePrefix']);
  assert.equal(roleIn(k, 'patches/resources.yaml'), 'patch');
  assert.equal(roleIn(k, 'patches/tolerations.yaml'), 'patch');
  assert.equal(roleIn(k, 'base/daemonset.yaml'), 'resource');
  assert.equal(roleIn(k, 'other.yaml'), undefined);
  assert.equal(readKustomization('resources: [').error !== undefined, true);
  assert.equal(readKustomization('- a').error, 'not a mapping');
});

test('strategic merge: maps merge, null deletes, merge keys merge list items, other lists are replaced', () => {
  const base = {
    spec: {
      template: {
        spec: {
          containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }] }, { name: 'b' }],
          tolerations: [{ key: 't' }],
        },
      },
    },
  };
  const patch = {
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'a',
              env: [
                { name: 'B', value: '2' },
                { name: 'A', value: '9' },
              ],
              resources: { limits: { memory: '64Mi' } },
            },
            { name: 'b', $patch: 'delete' },
            { name: 'c', image: 'y' },
          ],
          tolerations: [{ key: 'u' }],
          nodeSelector: { disk: 'ssd' },
        },
      },
    },
  };
  const merged = strategicMerge(base, patch) as any;
  const spec = merged.spec.template.spec;
  assert.deepEqual(
    spec.containers.map((c: any) => c.name),
    ['a', 'c'],
  );
  assert.deepEqual(spec.containers[0].env, [
    { name: 'A', value: '9' },
    { name: 'B', value: '2' },
  ]);
  assert.equal(spec.containers[0].image, 'x');
  assert.deepEqual(spec.tolerations, [{ key: 'u' }]);
  assert.deepEqual(spec.nodeSelector, { disk: 'ssd' });
  assert.deepEqual(strategicMerge({ a: { b: 1, c: 2 } }, { a: { b: null } }), { a: { c: 2 } });
  assert.deepEqual(strategicMerge({ a: { b: 1, c: 2 } }, { a: { $patch: 'replace', d: 3 } }), { a: { d: 3 } });
  // The original is not changed.
  assert.equal(base.spec.template.spec.containers.length, 2);
});

test('the preview merges patches by kind and name, then namespace, labels and images', () => {
  const k = readKustomization(KUSTOMIZATION);
  const files = new Map([
    ['base/daemonset.yaml', BASE],
    [
      'patches/resources.yaml',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          resources: {requests: {cpu: 10m}}\n',
    ],
    [
      'patches/tolerations.yaml',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      tolerations:\n        - {operator: Exists}\n---\nkind: DaemonSet\nmetadata: {name: other}\n',
    ],
    ['patches/json.yaml', '- op: add\n  path: /spec/x\n  value: 1\n'],
  ]);
  const p = previewKustomization(k, files);
  assert.equal(p.daemonSets.length, 1);
  const d = p.daemonSets[0]!;
  assert.deepEqual(d.patchedBy, ['./patches/resources.yaml', 'patches/tolerations.yaml']);
  const v = d.value as any;
  assert.equal(v.metadata.namespace, 'monitoring');
  assert.deepEqual(v.metadata.labels, { app: 'agent', team: 'infra', tier: 'node' });
  assert.deepEqual(v.spec.selector.matchLabels, { app: 'agent', team: 'infra' });
  assert.deepEqual(v.spec.template.metadata.labels, { app: 'agent', team: 'infra' });
  assert.equal(v.spec.template.spec.containers[0].image, 'registry.example/agent:2.0');
  assert.equal(v.spec.template.spec.containers[1].image, 'busybox');
  assert.deepEqual(v.spec.template.spec.containers[0].resources, { requests: { cpu: '10m' } });
  assert.deepEqual(v.spec.template.spec.tolerations, [{ operator: 'Exists' }]);
  assert.deepEqual(p.notModelled, [
    '`configMapGenerator` is not modelled',
    '`namePrefix` is not modelled',
    'resource ../common (a folder, a remote base or an unreadable file) is not modelled',
    'patch patches/tolerations.yaml: no DaemonSet named "other" among the resources',
    'patch patches/json.yaml selects its targets with `target`: not modelled',
  ]);
});

test('the images transformer rewrites names, tags and digests of matching images only', () => {
  const k = {
    images: [
      { name: 'nginx', newName: 'reg/nginx', newTag: '1.25' },
      { name: 'busybox', digest: 'sha256:abc' },
      { name: 'host:5000/app', newTag: 'v2' },
    ],
  };
  assert.equal(rewriteImage('nginx:1.0', k), 'reg/nginx:1.25');
  assert.equal(rewriteImage('nginx', k), 'reg/nginx:1.25');
  assert.equal(rewriteImage('busybox:1', k), 'busybox@sha256:abc');
  assert.equal(rewriteImage('host:5000/app:v1', k), 'host:5000/app:v2');
  assert.equal(rewriteImage('host:5000/app', k), 'host:5000/app:v2');
  assert.equal(rewriteImage('nginxx:1', k), 'nginxx:1');
});

// --- the session layer and the diagnostics -----------------------------------------------------

/** A strategic-merge patch with containers and template labels: its shape looks like a manifest. */
const PATCH = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    metadata:
      labels:
        tier: node
    spec:
      containers:
        - name: agent
          resources:
            limits: {memory: 128Mi}
          hostPID: true
`;

function codes(text: string, ctx: FeatureContext): string[] {
  return diagnose(parseDocumentModel(text), ctx).map((d) => `${d.severity}:${d.code}:${d.path}`);
}

test('the session layer reads the kustomizations around a file and says whether it is a patch', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-'));
  fs.mkdirSync(path.join(root, 'overlay', 'patches'), { recursive: true });
  fs.mkdirSync(path.join(root, 'plain'));
  fs.writeFileSync(
    path.join(root, 'overlay', 'kustomization.yaml'),
    'resources: [../base]\npatches:\n  - path: patches/agent.yaml\n',
  );
  fs.writeFileSync(path.join(root, 'overlay', 'patches', 'agent.yaml'), PATCH);
  fs.writeFileSync(path.join(root, 'overlay', 'other.yaml'), PATCH);
  fs.writeFileSync(path.join(root, 'plain', 'agent.yaml'), PATCH);
  const files = new KustomizeFiles();
  const patch = path.join(root, 'overlay', 'patches', 'agent.yaml');
  assert.equal(files.viewOf(patch), undefined, 'nothing is known before it is read');
  assert.deepEqual(await files.refresh(patch), {
    kustomization: path.join(root, 'overlay', 'kustomization.yaml'),
    role: 'patch',
  });
  assert.deepEqual(await files.refresh(path.join(root, 'overlay', 'other.yaml')), {
    kustomization: path.join(root, 'overlay', 'kustomization.yaml'),
  });
  assert.equal(await files.refresh(path.join(root, 'plain', 'agent.yaml')), undefined);
  // A changed kustomization is read again.
  fs.writeFileSync(path.join(root, 'overlay', 'kustomization.yaml'), 'resources: [patches/agent.yaml]\n');
  assert.equal(files.invalidate(path.join(root, 'overlay', 'kustomization.yaml')), true);
  assert.equal(files.invalidate(path.join(root, 'overlay', 'other.yaml')), false);
  assert.deepEqual(await files.refresh(patch), {
    kustomization: path.join(root, 'overlay', 'kustomization.yaml'),
    role: 'resource',
  });
});

test('a file listed as a patch: every field present is checked, nothing is required', () => {
  const kustomization = '/repo/overlay/kustomization.yaml';
  const asPatch = codes(PATCH, { ...defaultContext(), kustomize: { kustomization, role: 'patch' } });
  assert.deepEqual(asPatch, [
    'info:kustomizePatch:kind',
    'error:unknownField:spec.template.spec.containers[0].hostPID',
  ]);
  const message = diagnose(parseDocumentModel(PATCH), {
    ...defaultContext(),
    kustomize: { kustomization, role: 'patch' },
  })[0]!.message;
  assert.equal(message, 'a patch in kustomization.yaml: only the fields present are checked');
  // Listed as a resource, or in a kustomization folder without being listed: a whole manifest, no shape guess.
  for (const role of ['resource', undefined] as const) {
    const got = codes(PATCH, { ...defaultContext(), kustomize: role ? { kustomization, role } : { kustomization } });
    assert.ok(got.includes('error:selectorMissing:spec.template.metadata.labels'), got.join(' '));
    assert.ok(got.includes('error:requiredField:spec.template.spec.containers[0].image'), got.join(' '));
    assert.ok(!got.some((c) => c.includes('kustomizePatch')));
  }
  // With no kustomization around the file, the shape guess stays: this one has labels and containers, so it is a manifest.
  assert.ok(codes(PATCH, defaultContext()).includes('error:selectorMissing:spec.template.metadata.labels'));
});

test('an open kustomization gets the placement of its merged DaemonSet, marked as merged', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kzp-'));
  fs.mkdirSync(path.join(root, 'base'));
  fs.writeFileSync(path.join(root, 'base', 'daemonset.yaml'), BASE);
  fs.writeFileSync(
    path.join(root, 'ssd.yaml'),
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      nodeSelector: {disk: ssd}\n',
  );
  const file = path.join(root, 'kustomization.yaml');
  const text =
    'resources: [base/daemonset.yaml, ../elsewhere]\npatches:\n  - path: ssd.yaml\nnamespace: edge\nreplicas: []\n';
  assert.equal(isKustomizationFile(file), true);
  assert.equal(isKustomizationFile(path.join(root, 'ssd.yaml')), false);
  const previews = new KustomizePreviews();
  const preview = await previews.refresh(file, 3, text);
  assert.equal(previews.get(file, 3), preview);
  assert.equal(previews.get(file, 4), undefined);
  assert.equal(preview.model.daemonSets.length, 1);
  assert.deepEqual(preview.sources, [{ source: 'base/daemonset.yaml', patchedBy: ['ssd.yaml'] }]);
  const node = (name: string, labels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  });
  const state = { nodes: [node('fast', { disk: 'ssd' }), node('slow', { disk: 'hdd' })], pods: [] } as any;
  const status = { state: 'ready', source: 'test' } as any;
  const r = mergedPlacementResponse(
    preview,
    { uri: 'file:///k/kustomization.yaml' },
    { ...defaultContext(), cluster: { source: 'test', readAt: 'now', state } },
    status,
  );
  assert.deepEqual(
    r.daemonSets.map((d) => [d.name, d.namespace, d.line]),
    [['agent', 'edge', 0]],
  );
  assert.deepEqual(r.merged?.sources, [{ source: 'base/daemonset.yaml', patchedBy: ['ssd.yaml'] }]);
  assert.deepEqual(r.merged?.notModelled, [
    '`replicas` is not modelled',
    'resource ../elsewhere (a folder, a remote base or an unreadable file) is not modelled',
  ]);
  assert.ok(r.result, r.message);
  // The patch's nodeSelector is in the merged DaemonSet: only the ssd node runs it.
  assert.deepEqual(
    r.result!.nodes.map((n) => [n.name, n.shouldRun]),
    [
      ['fast', true],
      ['slow', false],
    ],
  );
  assert.ok(r.rows!.every((row) => row.range === undefined));
  // A kustomization that builds no DaemonSet says so.
  const none = await previews.refresh(file, 4, 'resources: []\n');
  assert.equal(
    mergedPlacementResponse(none, { uri: 'file:///k/kustomization.yaml' }, defaultContext(), status).message,
    'The kustomization builds no DaemonSet from the files it names.',
  );
});
