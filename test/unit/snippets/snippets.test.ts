import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DAEMONSET_SNIPPETS, DaemonSetSnippet, snippetFile, snippetText } from '../../../server/src/features/completion/daemonSetSnippets';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose } from '../../../server/src/features/diagnostics';
import { parseDocumentModel } from '../../../server/src/model';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The snippet as inserted when every placeholder keeps its default. */
function expand(body: string): string {
  const defaults = new Map<string, string>();
  for (const m of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return body.replace(/\\([$}\\])|\$\{(\d+):([^}]*)\}|\$\{(\d+)\}|\$(\d+)/g, (_m, esc, n1, d, n2, n3) => {
    if (esc) return esc;
    if (n1) return d;
    return defaults.get(n2 ?? n3) ?? '';
  });
}

function inserted(s: DaemonSetSnippet): any {
  const docs = parseAllDocuments(expand(snippetText(s)), { version: '1.1' });
  assert.ok(Array.isArray(docs) && docs.length === 1, `${s.name}: one YAML document`);
  assert.deepEqual(docs[0].errors, [], `${s.name}: YAML errors`);
  return docs[0].toJS();
}

test('the extension contributes no VS Code snippet file (it would be offered at every position); the server offers them', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.contributes.snippets, undefined);
});

test('snippets/daemonset.code-snippets (for other editors) is generated from the one snippet table', () => {
  const file = path.join(ROOT, 'snippets', 'daemonset.code-snippets');
  if (process.env.UPDATE_SNIPPETS === '1') fs.writeFileSync(file, snippetFile());
  const onDisk = fs.readFileSync(file, 'utf8');
  assert.equal(onDisk, snippetFile(), 'out of date: run the snippet test with UPDATE_SNIPPETS=1');
  const json = JSON.parse(onDisk);
  assert.deepEqual(Object.keys(json), DAEMONSET_SNIPPETS.map((s) => s.name));
  for (const s of DAEMONSET_SNIPPETS) assert.equal(json[s.name].prefix, s.prefix);
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'package.json'), 'utf8'));
  assert.deepEqual(catalog.contributes.snippets, [{ language: 'yaml', path: './daemonset.code-snippets' }]);
});

test('the three classic uses and a plain skeleton are there', () => {
  assert.deepEqual(DAEMONSET_SNIPPETS.map((s) => s.prefix), [
    'daemonset',
    'daemonset-log-collector',
    'daemonset-node-monitoring',
    'daemonset-csi-node',
  ]);
});

test('placeholder expansion used by these tests (defaults, mirrors, escapes)', () => {
  assert.equal(expand('a: ${1:x}\nb: $1\nc: ${1}\nd: \\$(N)\n$0'), 'a: x\nb: x\nc: x\nd: $(N)\n');
});

for (const s of DAEMONSET_SNIPPETS) {
  test(`${s.name}: inserted as is, it is a DaemonSet the API server accepts`, () => {
    const ds = inserted(s);
    assert.equal(ds.apiVersion, 'apps/v1');
    assert.equal(ds.kind, 'DaemonSet');
    assert.match(ds.metadata.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    const model = parseDocumentModel(expand(snippetText(s)));
    assert.equal(model.daemonSets.length, 1);
    assert.deepEqual(model.problems, []);
    // What the API server would reject: nothing.
    const errors = diagnose(model, defaultContext()).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.code} ${d.path}: ${d.message}`), []);

    // The selector selects the template: every matchLabels entry is a template label.
    const selector = ds.spec.selector.matchLabels;
    const labels = ds.spec.template.metadata.labels;
    assert.ok(Object.keys(selector).length > 0);
    for (const [k, v] of Object.entries(selector)) assert.equal(labels[k], v, `template label ${k}`);

    // Requests and limits on every container.
    const containers = [...ds.spec.template.spec.containers, ...(ds.spec.template.spec.initContainers ?? [])];
    for (const c of containers) {
      assert.ok(Object.keys(c.resources?.requests ?? {}).length > 0, `${c.name}: requests`);
      assert.ok(Object.keys(c.resources?.limits ?? {}).length > 0, `${c.name}: limits`);
    }

    // RollingUpdate bounded by maxUnavailable; no surge (it cannot work with host ports).
    assert.equal(ds.spec.updateStrategy.type, 'RollingUpdate');
    assert.ok(ds.spec.updateStrategy.rollingUpdate.maxUnavailable !== undefined);
    assert.equal(ds.spec.updateStrategy.rollingUpdate.maxSurge, undefined);

    // Never a restartPolicy other than Always, never activeDeadlineSeconds.
    assert.ok([undefined, 'Always'].includes(ds.spec.template.spec.restartPolicy));
    assert.equal(ds.spec.template.spec.activeDeadlineSeconds, undefined);

    // With the host network, a hostPort must equal its containerPort.
    for (const c of containers) {
      for (const p of c.ports ?? []) {
        if (ds.spec.template.spec.hostNetwork && p.hostPort !== undefined) assert.equal(p.hostPort, p.containerPort);
      }
    }
  });

  test(`${s.name}: the selector and the template labels come from one placeholder`, () => {
    const lines = s.body;
    const selIdx = lines.findIndex((l) => l.trim() === 'matchLabels:');
    const tplIdx = lines.findIndex((l, i) => i > selIdx && l.trim() === 'labels:');
    const sel = lines[selIdx + 1].trim();
    const tpl = lines[tplIdx + 1].trim();
    assert.match(sel, /\$\{1:[^}]+\}/);
    assert.equal(sel, tpl);
  });
}

test('the diagnostics check above is not vacuous: a snippet with a wrong selector and restartPolicy fails it', () => {
  const text = expand(snippetText(DAEMONSET_SNIPPETS[0]))
    .replace('matchLabels:\n      app.kubernetes.io/name: node-agent', 'matchLabels:\n      app.kubernetes.io/name: other')
    .replace('    spec:\n      containers:', '    spec:\n      restartPolicy: Never\n      containers:');
  const errors = diagnose(parseDocumentModel(text), defaultContext()).filter((d) => d.severity === 'error');
  assert.ok(errors.length >= 2, JSON.stringify(errors));
});

test('log collector: /var/log read-only from the host, runs on control-plane nodes', () => {
  const ds = inserted(DAEMONSET_SNIPPETS[1]);
  const pod = ds.spec.template.spec;
  const vol = pod.volumes.find((v: any) => v.hostPath?.path === '/var/log');
  assert.ok(vol);
  const mount = pod.containers[0].volumeMounts.find((m: any) => m.name === vol.name);
  assert.equal(mount.readOnly, true);
  assert.deepEqual(pod.tolerations, [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]);
});

test('node monitoring agent: host network and PID, hostPort = containerPort, tolerates everything', () => {
  const pod = inserted(DAEMONSET_SNIPPETS[2]).spec.template.spec;
  assert.equal(pod.hostNetwork, true);
  assert.equal(pod.hostPID, true);
  assert.deepEqual(pod.tolerations, [{ operator: 'Exists' }]);
  const port = pod.containers[0].ports[0];
  assert.equal(port.hostPort, port.containerPort);
  assert.equal(pod.dnsPolicy, 'ClusterFirstWithHostNet');
});

test('CSI node plugin: privileged, Bidirectional into the kubelet dir, registration sidecar', () => {
  const pod = inserted(DAEMONSET_SNIPPETS[3]).spec.template.spec;
  const driver = pod.containers[0];
  assert.equal(driver.securityContext.privileged, true);
  const bidi = driver.volumeMounts.find((m: any) => m.mountPropagation === 'Bidirectional');
  assert.equal(bidi.mountPath, '/var/lib/kubelet');
  assert.equal(pod.volumes.find((v: any) => v.name === bidi.name).hostPath.path, '/var/lib/kubelet');
  const registrar = pod.containers.find((c: any) => c.name === 'node-driver-registrar');
  assert.ok(registrar.volumeMounts.some((m: any) => m.mountPath === '/registration'));
  assert.ok(pod.volumes.some((v: any) => v.hostPath?.path === '/var/lib/kubelet/plugins_registry/'));
  assert.equal(driver.args[1], '--node-id=$(NODE_NAME)');
});
