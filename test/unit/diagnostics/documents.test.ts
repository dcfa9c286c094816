// Scope and robustness: only DaemonSets are checked (top-level or in a List), syntax errors,
// skipped files and Helm templates are reported once, API versions, kustomize patches, and no
// input makes diagnose throw (how long the largest inputs take: bench/documents.bench.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose } from '../../../server/src/features/diagnostics';
import { apiOnlyContext, check, edit, VALID } from './check';

const rows = (text: string) => check(text).map((r) => [r.code, r.severity, r.path, r.message, r.text]);

test('other kinds get nothing, even when invalid', () => {
  const deployment = VALID.replace('kind: DaemonSet', 'kind: Deployment').replace(
    '  selector:',
    '  replicas: yes\n  bogus: 1\n  selector:',
  );
  assert.deepEqual(check(`apiVersion: v1\nkind: Service\nspec:\n  nonsense: true\n---\n${deployment}`), []);
});

test('a DaemonSet inside a kind: List is checked, with paths relative to the item', () => {
  const ds = VALID.replace('      containers:', '      restartPolicy: OnFailure\n      containers:');
  const item = ds
    .trimEnd()
    .replace(/^/gm, '    ')
    .replace(/^ {4}apiVersion/, '  - apiVersion');
  const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: agent}\n${item}\n`;
  assert.deepEqual(rows(text), [
    [
      'restartPolicyNotAlways',
      'error',
      'spec.template.spec.restartPolicy',
      'Unsupported value: "OnFailure": supported values: "Always"',
      'OnFailure',
    ],
  ]);
});

test('YAML syntax errors are reported once each, in any document, and are all a broken DaemonSet gets', () => {
  const broken = VALID.replace('        - name: agent\n', '        - name: [agent\n');
  const got = rows(`apiVersion: v1\nkind: ConfigMap\ndata: {a: 1\n---\n${broken}`);
  assert.ok(got.length >= 2, JSON.stringify(got));
  assert.ok(
    got.every((r) => r[0] === 'yamlSyntax' && r[1] === 'error' && r[2] === ''),
    JSON.stringify(got),
  );
  assert.equal(new Set(got.map((r) => `${r[3]}@${r[4]}`)).size, got.length);
});

test('mid-edit: a half-typed key still gets the findings that are certain', () => {
  const text = VALID.replace(
    '      containers:',
    '      restartPolicy: Never\n      tolerations:\n        - key:\n      containers:',
  );
  assert.deepEqual(
    rows(text).map((r) => r[0]),
    ['restartPolicyNotAlways', 'tolerationOperator'],
  );
});

test('removed and unknown API versions', () => {
  const old = VALID.replace('apps/v1', 'extensions/v1beta1');
  assert.deepEqual(rows(old), [
    [
      'removedApiVersion',
      'error',
      'apiVersion',
      'no matches for kind "DaemonSet" in version "extensions/v1beta1": DaemonSets are served only as apps/v1 since Kubernetes 1.16',
      'extensions/v1beta1',
    ],
  ]);
  assert.deepEqual(
    rows(VALID.replace('apps/v1', 'apps/v1beta2')).map((r) => r[0]),
    ['removedApiVersion'],
  );
  assert.deepEqual(rows(VALID.replace('apps/v1', 'apps/v2')), [
    [
      'unknownApiVersion',
      'error',
      'apiVersion',
      'no matches for kind "DaemonSet" in version "apps/v2"; DaemonSets are served as apps/v1',
      'apps/v2',
    ],
  ]);
  assert.deepEqual(rows(VALID.replace('apiVersion: apps/v1\n', '')), [
    ['requiredField', 'error', 'apiVersion', 'Required value: apiVersion not set', 'kind'],
  ]);
});

test('a kustomize patch is recognised and only what it holds is checked', () => {
  const patch =
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: intel-gpu-plugin\nspec:\n  template:\n    spec:\n      nodeSelector:\n        intel.feature.node.kubernetes.io/gpu: "true"\n';
  assert.deepEqual(rows(patch), [
    [
      'kustomizePatch',
      'info',
      'kind',
      'treated as a kustomize patch (no spec.selector, and no containers or no template labels): only the fields present are checked',
      'DaemonSet',
    ],
  ]);
  assert.deepEqual(
    rows(patch.replace('"true"', 'true')).map((r) => r[0]),
    ['kustomizePatch', 'wrongType'],
  );
  // The usual image patch: containers but no selector and no labels; image-less containers are fine in a patch.
  const imagePatch =
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: agent:2.0\n        - name: sidecar\n          resources: {limits: {memory: 64Mi}}\n';
  assert.deepEqual(
    rows(imagePatch).map((r) => r[0]),
    ['kustomizePatch'],
  );
});

test('Helm templates: one info, no syntax errors, nothing on templated text, no required-field checks', () => {
  const chart = [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: {{ include "agent.fullname" . }}',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      {{- include "agent.selectorLabels" . | nindent 6 }}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: {{ .Values.app }}',
    '    spec:',
    '      restartPolicy: Never',
    '      containers:',
    '        - name: agent',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '          {{- if .Values.extra }}',
    '          bogusField: 1',
    '          {{- end }}',
    '',
  ].join('\n');
  const got = rows(chart);
  assert.deepEqual(
    got.map((r) => [r[0], r[1], r[2]]),
    [
      ['helmTemplate', 'info', ''],
      ['restartPolicyNotAlways', 'error', 'spec.template.spec.restartPolicy'],
      ['unknownField', 'error', 'spec.template.spec.containers[0].bogusField'],
    ],
  );
  assert.equal(got[0]![4], '{{ include "agent.fullname" . }}');
  // A templated apiVersion does not stop the checks.
  const capability = chart.replace('apiVersion: apps/v1', 'apiVersion: {{ include "agent.daemonset.apiVersion" . }}');
  assert.deepEqual(
    rows(capability).map((r) => r[0]),
    ['helmTemplate', 'restartPolicyNotAlways', 'unknownField'],
  );
});

test('an alias bomb is refused with one error, never expanded', () => {
  const bomb =
    'apiVersion: apps/v1\nkind: DaemonSet\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
  const got = rows(bomb);
  assert.deepEqual(
    got.map((r) => [r[0], r[1], r[4]]),
    [['yamlAliasLimit', 'error', 'kind']],
  );
  assert.match(String(got[0]![3]), /^not checked: .*alias/i);
});

test('binary junk and a 20 MB file get one clear info at the top', () => {
  const binary = rows('\u0000\u0001\u0002PNG\u0000junk');
  assert.deepEqual(
    binary.map((r) => [r[0], r[1], r[2]]),
    [['fileSkipped', 'info', '']],
  );
  assert.match(String(binary[0]![3]), /binary/);
  // How long this takes is measured in bench/documents.bench.ts.
  const big = VALID + `  # ${'x'.repeat(20 * 1024 * 1024)}\n`;
  const model = parseDocumentModel(big);
  const got = diagnose(model, defaultContext());
  assert.deepEqual(
    got.map((d) => [d.code, d.start]),
    [['fileSkipped', 0]],
  );
  assert.match(got[0]!.message, /20\.0 MB/);
  assert.deepEqual(model.documents, []);
});

test('10,000 documents in one file: every object is read, the 100 DaemonSets are checked', () => {
  // How long this takes is measured in bench/documents.bench.ts.
  const doc = edit('  name: agent', '  name: agent-N');
  const parts: string[] = [];
  for (let i = 0; i < 10_000; i++)
    parts.push(i % 100 === 0 ? doc.replace('agent-N', `agent-${i}`) : `kind: ConfigMap\nmetadata: {name: c${i}}\n`);
  const text = parts.join('---\n').replace('agent-100\n', 'agent-100\n  bogus: 1\n');
  const model = parseDocumentModel(text);
  const got = diagnose(model, apiOnlyContext());
  assert.equal(model.objects.length, 10_000);
  assert.equal(model.daemonSets.length, 100);
  const bogus = text.indexOf('bogus: 1');
  assert.deepEqual(
    got.map((d) => [d.code, d.path, d.start]),
    [['unknownField', 'metadata.bogus', bogus]],
  );
});

test('diagnostics can be turned off', () => {
  const model = parseDocumentModel(VALID.replace('apps/v1', 'extensions/v1beta1'));
  assert.deepEqual(diagnose(model, { settings: { diagnostics: { enable: false, bestPractices: true } } }), []);
});
