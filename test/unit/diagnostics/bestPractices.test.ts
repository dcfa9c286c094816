// Node-agent best practices: each rule of BEST_PRACTICE_RULES is triggered by one edit of a clean
// DaemonSet and silent on the clean one; never an error; quick fixes remove their own finding and
// add none.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { BEST_PRACTICE_RULES } from '../../../server/src/features/diagnostics/bestPractices';
import { codeActions } from '../../../server/src/features/codeActions';
import { checkAll, edit, type Row } from './check';

/** A node agent that follows every rule. */
export const CLEAN = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      priorityClassName: system-node-critical
      containers:
        - name: agent
          image: registry.example/agent:1.2.3
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: varlog
              mountPath: /var/log
              readOnly: true
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
`;

const bp = (text: string): Row[] => {
  const codes = new Set(BEST_PRACTICE_RULES.map((r) => r.code));
  return checkAll(text).filter((r) => codes.has(r.code));
};
const rows = (text: string) => bp(text).map((r) => [r.code, r.severity, r.path, r.text]);

test('the clean node agent has no finding at all', () => {
  assert.deepEqual(checkAll(CLEAN), []);
});

test('the table: unique codes, never errors, a one-line why for each', () => {
  const codes = BEST_PRACTICE_RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of BEST_PRACTICE_RULES) {
    assert.notEqual(r.severity as string, 'error', r.code);
    assert.ok(r.summary.length > 20 && !r.summary.includes('\n'), r.code);
  }
});

test('hostNetwork without ClusterFirstWithHostNet: on hostNetwork, or on a ClusterFirst dnsPolicy', () => {
  assert.deepEqual(rows(edit('      priorityClassName', '      hostNetwork: true\n      priorityClassName', CLEAN)), [
    ['hostNetworkWithoutDnsPolicy', 'warning', 'spec.template.spec.hostNetwork', 'true'],
  ]);
  assert.deepEqual(
    rows(
      edit(
        '      priorityClassName',
        '      hostNetwork: true\n      dnsPolicy: ClusterFirst\n      priorityClassName',
        CLEAN,
      ),
    ),
    [['hostNetworkWithoutDnsPolicy', 'warning', 'spec.template.spec.dnsPolicy', 'ClusterFirst']],
  );
  for (const policy of ['ClusterFirstWithHostNet', 'Default', 'None']) {
    assert.deepEqual(
      rows(
        edit(
          '      priorityClassName',
          `      hostNetwork: true\n      dnsPolicy: ${policy}\n      priorityClassName`,
          CLEAN,
        ),
      ),
      [],
      policy,
    );
  }
  assert.deepEqual(
    rows(edit('      priorityClassName', '      hostNetwork: false\n      priorityClassName', CLEAN)),
    [],
  );
});

test('no priorityClassName', () => {
  assert.deepEqual(rows(edit('      priorityClassName: system-node-critical\n', '', CLEAN)), [
    ['noPriorityClass', 'warning', 'spec.template.spec.containers', 'containers'],
  ]);
  assert.deepEqual(
    rows(edit('system-node-critical', '""', CLEAN)).map((r) => r[0]),
    ['noPriorityClass'],
  );
});

test('no readiness probe: once per DaemonSet, and not for OnDelete', () => {
  const none = edit('          readinessProbe:\n            httpGet: {path: /ready, port: 8080}\n', '', CLEAN);
  assert.deepEqual(rows(none), [['noReadinessProbe', 'info', 'spec.template.spec.containers', 'containers']]);
  const twoContainers = edit(
    '      volumes:',
    '        - name: sidecar\n          image: registry.example/side:1.0\n          resources: {limits: {memory: 32Mi}}\n      volumes:',
    CLEAN,
  );
  assert.deepEqual(rows(twoContainers), [], 'one probe gates the pod');
  assert.deepEqual(rows(edit('  template:', '  updateStrategy: {type: OnDelete}\n  template:', none)), []);
});

test('no memory limit: per container, named', () => {
  const got = bp(edit('            limits:\n              memory: 128Mi\n', '', CLEAN));
  assert.deepEqual(
    got.map((r) => [r.code, r.severity, r.path, r.text]),
    [['noMemoryLimit', 'warning', 'spec.template.spec.containers[0].name', 'agent']],
  );
  assert.match(got[0]!.message, /container "agent" has no memory limit/);
});

test('privileged, hostPID, hostIPC and broad capabilities are infos on the field', () => {
  const text = edit(
    '          readinessProbe:',
    '          securityContext:\n            privileged: true\n            capabilities:\n              add: [NET_ADMIN, SYS_ADMIN, CAP_SYS_PTRACE]\n          readinessProbe:',
    edit('      priorityClassName', '      hostPID: true\n      hostIPC: true\n      priorityClassName', CLEAN),
  );
  assert.deepEqual(rows(text), [
    ['hostPidShared', 'info', 'spec.template.spec.hostPID', 'hostPID'],
    ['hostIpcShared', 'info', 'spec.template.spec.hostIPC', 'hostIPC'],
    ['privilegedContainer', 'info', 'spec.template.spec.containers[0].securityContext.privileged', 'true'],
    ['broadCapability', 'info', 'spec.template.spec.containers[0].securityContext.capabilities.add[1]', 'SYS_ADMIN'],
    [
      'broadCapability',
      'info',
      'spec.template.spec.containers[0].securityContext.capabilities.add[2]',
      'CAP_SYS_PTRACE',
    ],
  ]);
  assert.deepEqual(
    rows(
      edit(
        '          readinessProbe:',
        '          securityContext: {privileged: false, capabilities: {add: [NET_BIND_SERVICE]}}\n          readinessProbe:',
        CLEAN,
      ),
    ),
    [],
  );
});

test('a writable hostPath mount of /var/log or container logs; other host paths are not judged', () => {
  const writable = edit('              readOnly: true\n', '', CLEAN);
  assert.deepEqual(rows(writable), [
    ['writableLogHostPath', 'warning', 'spec.template.spec.containers[0].volumeMounts[0].name', 'varlog'],
  ]);
  assert.deepEqual(
    rows(edit('readOnly: true', 'readOnly: false', CLEAN)).map((r) => r[0]),
    ['writableLogHostPath'],
  );
  assert.deepEqual(
    rows(edit('            path: /var/log\n', '            path: /var/lib/docker/containers/\n', writable)).map(
      (r) => r[0],
    ),
    ['writableLogHostPath'],
  );
  assert.deepEqual(rows(edit('            path: /var/log\n', '            path: /run/agent\n', writable)), []);
  assert.deepEqual(
    rows(edit('            path: /var/log\n', '            path: /var/logs\n', writable)),
    [],
    'a prefix of the name is not the directory',
  );
});

test('tolerations: Exists without a key; NoExecute without seconds only when the others set them', () => {
  const tol = (yaml: string) =>
    edit('      priorityClassName', `      tolerations:\n${yaml}      priorityClassName`, CLEAN);
  assert.deepEqual(rows(tol('        - operator: Exists\n')), [
    ['tolerateEverything', 'info', 'spec.template.spec.tolerations[0].operator', 'Exists'],
  ]);
  assert.match(
    bp(tol('        - operator: Exists\n          effect: NoExecute\n'))[0]!.message,
    /every NoExecute taint/,
  );
  assert.deepEqual(rows(tol('        - key: dedicated\n          operator: Exists\n')), []);
  assert.deepEqual(
    rows(tol('        - key: a\n          operator: Exists\n          effect: NoExecute\n')),
    [],
    'a lone NoExecute toleration: forever is the usual intent',
  );
  assert.deepEqual(
    rows(
      tol(
        '        - key: a\n          operator: Exists\n          effect: NoExecute\n          tolerationSeconds: 300\n        - key: b\n          operator: Exists\n          effect: NoExecute\n',
      ),
    ),
    [['noExecuteWithoutSeconds', 'info', 'spec.template.spec.tolerations[1].effect', 'NoExecute']],
  );
});

test('the existing image rule covers images without a tag or with :latest (digests pass)', () => {
  const image = (ref: string) => checkAll(edit('registry.example/agent:1.2.3', ref, CLEAN)).map((r) => r.code);
  assert.deepEqual(image('registry.example/agent'), ['imageLatest']);
  assert.deepEqual(image('registry.example/agent:latest'), ['imageLatest']);
  assert.deepEqual(image('registry.example:5000/agent@sha256:' + 'a'.repeat(64)), []);
});

test('a kustomize patch and a Helm-templated value are not judged on what they leave out', () => {
  const patch =
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n';
  assert.deepEqual(rows(patch), []);
  const helm = edit(
    '      priorityClassName: system-node-critical',
    '      hostNetwork: {{ .Values.hostNetwork }}\n      priorityClassName: system-node-critical',
    CLEAN,
  );
  assert.deepEqual(rows(helm), []);
});

test('the setting turns the best practices off', () => {
  const ctx = defaultContext();
  const text = edit('      priorityClassName: system-node-critical\n', '', CLEAN);
  assert.deepEqual(
    diagnose(parseDocumentModel(text), { settings: { diagnostics: { enable: true, bestPractices: false } } }),
    [],
  );
  assert.equal(diagnose(parseDocumentModel(text), ctx).length, 1);
});

// --- quick fixes ---------------------------------------------------------------------------

const URI = 'file:///agent.yaml';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

function fix(text: string, code: string): { title: string; after: string } {
  const model = parseDocumentModel(text);
  const diags = diagnose(model, defaultContext())
    .filter((d) => d.code === code)
    .map((d) => toLspDiagnostic(model, d));
  assert.equal(diags.length, 1, `one ${code} in the fixture`);
  const actions: CodeAction[] = codeActions(model, URI, WHOLE, diags, defaultContext());
  assert.equal(actions.length, 1, `one fix for ${code}`);
  const edits = [...(actions[0]!.edit!.changes![URI] as TextEdit[])].sort(
    (a, b) => model.lines.offsetAt(b.range.start) - model.lines.offsetAt(a.range.start),
  );
  let after = text;
  for (const e of edits)
    after =
      after.slice(0, model.lines.offsetAt(e.range.start)) + e.newText + after.slice(model.lines.offsetAt(e.range.end));
  return { title: actions[0]!.title, after };
}

test('quick fixes leave the clean agent (or only the field they change)', () => {
  const cases: Array<[string, string, string]> = [
    [
      'hostNetworkWithoutDnsPolicy',
      edit('      priorityClassName', '      hostNetwork: true\n      priorityClassName', CLEAN),
      'Set dnsPolicy: ClusterFirstWithHostNet',
    ],
    [
      'hostNetworkWithoutDnsPolicy',
      edit(
        '      priorityClassName',
        '      hostNetwork: true\n      dnsPolicy: ClusterFirst\n      priorityClassName',
        CLEAN,
      ),
      'Set dnsPolicy: ClusterFirstWithHostNet',
    ],
    [
      'noPriorityClass',
      edit('      priorityClassName: system-node-critical\n', '', CLEAN),
      'Set priorityClassName: system-node-critical',
    ],
    [
      'hostPidShared',
      edit('      priorityClassName', '      hostPID: true\n      priorityClassName', CLEAN),
      'Set hostPID: false',
    ],
    [
      'hostIpcShared',
      edit('      priorityClassName', '      hostIPC: true\n      priorityClassName', CLEAN),
      'Set hostIPC: false',
    ],
    ['writableLogHostPath', edit('              readOnly: true\n', '', CLEAN), 'Mount it readOnly'],
    ['writableLogHostPath', edit('readOnly: true', 'readOnly: false', CLEAN), 'Mount it readOnly'],
  ];
  for (const [code, text, title] of cases) {
    const got = fix(text, code);
    assert.equal(got.title, title, code);
    assert.deepEqual(checkAll(got.after), [], `${code}: ${got.after}`);
  }
  // The inserted key lands in the pod spec, in the document's indentation.
  assert.match(
    fix(edit('      priorityClassName: system-node-critical\n', '', CLEAN), 'noPriorityClass').after,
    /\n {4}spec:\n {6}priorityClassName: system-node-critical\n {6}containers:/,
  );
  assert.match(
    fix(edit('              readOnly: true\n', '', CLEAN), 'writableLogHostPath').after,
    /- name: varlog\n {14}readOnly: true\n {14}mountPath: \/var\/log\n/,
  );
});
