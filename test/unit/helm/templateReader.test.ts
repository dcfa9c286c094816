// The Helm template reader: every template form is structure, a hole at its indentation or an
// unknown value, and the literal parts are checked like a plain manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTemplate } from '../../../server/src/model/helm/templateReader';
import { classify, scanActions } from '../../../server/src/model/helm/actions';
import { parseDocumentModel } from '../../../server/src/model';
import { runLint } from '../../../server/src/cli/lint';
import { check, only } from '../diagnostics/check';

const HEAD = ['apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: {{ include "agent.fullname" . }}'];

function ds(...body: string[]): string {
  return [...HEAD, ...body, ''].join('\n');
}

/** A chart DaemonSet whose selector, labels and pod spec parts come from templates. */
const CHART = ds(
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      {{- include "agent.selectorLabels" . | nindent 6 }}',
  '  template:',
  '    metadata:',
  '      labels:',
  '        {{- include "agent.selectorLabels" . | nindent 8 }}',
  '    spec:',
  '      {{- with .Values.tolerations }}',
  '      tolerations:',
  '        {{- toYaml . | nindent 8 }}',
  '      {{- end }}',
  '      containers:',
  '        - name: agent',
  '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
  '          resources:',
  '            {{- toYaml .Values.resources | nindent 12 }}',
);

const errors = (text: string) => check(text).filter((r) => r.severity === 'error');

test('the reader keeps the length of the text and marks every action', () => {
  const r = readTemplate(CHART);
  assert.equal(r.text.length, CHART.length);
  assert.equal(r.text.includes('{{'), false);
  assert.equal(r.actions.length, 9);
  assert.equal(parseDocumentModel(CHART).problems.length, 0);
  assert.deepEqual(errors(CHART), []);
});

test('actions are classified by their first word; strings and comments do not end an action', () => {
  const kinds = (s: string) => scanActions(s).map((a) => a.kind);
  assert.deepEqual(kinds('{{- if .a }}{{ else if .b }}{{ else }}{{ end }}'), ['if', 'elseIf', 'else', 'end']);
  assert.deepEqual(kinds('{{ with .x }}{{ range .y }}{{ define "z" }}{{ block "w" . }}'), [
    'with',
    'range',
    'define',
    'block',
  ]);
  assert.deepEqual(kinds('{{- /* a }} comment */ -}}{{ $x := 1 }}{{ fail "no" }}{{ break }}{{ "\\n" }}'), [
    'comment',
    'assign',
    'fail',
    'loopControl',
    'comment',
  ]);
  assert.deepEqual(kinds('{{ include "a}}b" . }}{{ printf `x}}` }}'), ['output', 'output']);
  assert.equal(classify('- if .broken'), 'if');
  // An action never closed ends at its line end.
  const open = scanActions('a: {{ .x\nb: c\n');
  assert.equal(open.length, 1);
  assert.equal(open[0]!.closed, false);
  assert.equal(open[0]!.end, 'a: {{ .x'.length);
});

test('whole-line if/else/end, with, range, define and comments are structure, not text', () => {
  const text = ds(
    '{{- /*',
    '  A multi-line comment',
    '*/ -}}',
    '{{- define "agent.unused" }}',
    'bogus: [',
    '{{- end }}',
    'spec:',
    '  {{- with .Values.updateStrategy }}',
    '  updateStrategy:',
    '    {{- toYaml . | nindent 4 }}',
    '  {{- end }}',
    '  selector:',
    '    matchLabels:',
    '      app: agent',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: agent',
    '    spec:',
    '      containers:',
    '        {{- range .Values.sidecars }}',
    '        - name: {{ .name }}',
    '          image: {{ .image }}',
    '        {{- end }}',
    '        - name: agent',
    '          image: agent:1.0',
  );
  const model = parseDocumentModel(text);
  assert.equal(model.problems.length, 0);
  assert.deepEqual(errors(text), []);
  const value = model.daemonSets[0]!.value as any;
  assert.equal(value.spec.template.spec.containers.length, 2);
  assert.equal(value.bogus, undefined, 'a define body is not rendered where it stands');
});

test('keys in different branches of if/else are not duplicates, and each reading keeps one branch', () => {
  const text = ds(
    'spec:',
    '  selector:',
    '    matchLabels: {app: agent}',
    '  template:',
    '    metadata:',
    '      labels: {app: agent}',
    '    spec:',
    '      containers:',
    '        - name: agent',
    '          image: agent:1.0',
    '          env:',
    '            - name: HOST_IP',
    '              {{- if .Values.proxy }}',
    '              value: 127.0.0.1',
    '              {{- else if .Values.all }}',
    '              value: 0.0.0.0',
    '              {{- else }}',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: status.hostIP',
    '              {{- end }}',
    '            {{- if .Values.debug }}',
    '            - name: LOG',
    '              value: debug',
    '            {{- else }}',
    '            - name: LOG',
    '              value: info',
    '            {{- end }}',
  );
  assert.equal(parseDocumentModel(text).problems.length, 0);
  assert.deepEqual(only(check(text), 'duplicateEnv', 'yamlSyntax'), []);
  const r0 = readTemplate(text, 0);
  const r2 = readTemplate(text, 2);
  assert.equal(r0.variants, 3);
  assert.match(r0.text, /value: 127\.0\.0\.1/);
  assert.doesNotMatch(r0.text, /0\.0\.0\.0|status\.hostIP/);
  assert.match(r2.text, /fieldPath: status\.hostIP/);
  assert.doesNotMatch(r2.text, /127\.0\.0\.1/);
});

test('a whole-line output is a hole at the indentation it produces: list item, entry, key or value', () => {
  const text = ds(
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: agent',
    '      {{- include "agent.selectorLabels" . | nindent 6 }}',
    '  template:',
    '    metadata:',
    '{{ include "agent.labelsBlock" . | indent 6 }}',
    '        app: agent',
    '    spec:',
    '      tolerations:',
    '        - key: a',
    '          operator: Exists',
    '{{ toYaml .Values.tolerations | indent 8 }}',
    '      nodeSelector:',
    '        {{- toYaml .Values.nodeSelector | nindent 8 }}',
    '      containers:',
    '        - name: agent',
    '          image: agent:1.0',
  );
  const r = readTemplate(text);
  assert.deepEqual(
    r.holes.map((h) => [h.indent, h.as]),
    [
      [6, 'entry'],
      [6, 'key'],
      [8, 'item'],
      [8, 'value'],
    ],
  );
  const model = parseDocumentModel(text);
  assert.equal(model.problems.length, 0);
  const spec = (model.daemonSets[0]!.value as any).spec.template.spec;
  assert.equal(spec.tolerations.length, 2);
  assert.equal(typeof spec.nodeSelector, 'string');
  assert.deepEqual(errors(text), []);
});

test('an inline action is an unknown value: no type error on it, literal neighbours still checked', () => {
  const text = CHART.replace(
    '    spec:\n',
    '    spec:\n      hostNetwork: {{ .Values.hostNetwork }}\n      hostPID: "yes"\n',
  );
  assert.deepEqual(
    errors(text).map((r) => [r.code, r.path]),
    [['wrongType', 'spec.template.spec.hostPID']],
  );
});

test('literal mistakes in a template are reported: replicas under spec, a removed apiVersion, a wrong type', () => {
  const withReplicas = CHART.replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:');
  assert.deepEqual(
    errors(withReplicas).map((r) => [r.code, r.path, r.text]),
    [['unknownField', 'spec.replicas', 'replicas']],
  );
  const removed = CHART.replace('apiVersion: apps/v1', 'apiVersion: apps/v1beta2');
  assert.deepEqual(
    errors(removed).map((r) => [r.code, r.text]),
    [['removedApiVersion', 'apps/v1beta2']],
  );
  // A templated apiVersion is not judged.
  const capability = CHART.replace('apiVersion: apps/v1', 'apiVersion: {{ include "agent.apiVersion" . }}');
  assert.deepEqual(errors(capability), []);
  // An unknown key is unknown whatever its templated value.
  const unknownKey = CHART.replace(
    '    spec:\n',
    '    spec:\n      tolerationz:\n        {{- toYaml .Values.t | nindent 8 }}\n',
  );
  assert.deepEqual(
    errors(unknownKey).map((r) => [r.code, r.path]),
    [['unknownField', 'spec.template.spec.tolerationz']],
  );
});

test('a selector that cannot match the literal labels is reported even when templates add labels', () => {
  const text = CHART.replace(
    '      {{- include "agent.selectorLabels" . | nindent 6 }}',
    '      app: agent\n      {{- include "agent.selectorLabels" . | nindent 6 }}',
  ).replace(
    '        {{- include "agent.selectorLabels" . | nindent 8 }}',
    '        {{- include "agent.selectorLabels" . | nindent 8 }}\n        app: agnet',
  );
  assert.deepEqual(
    errors(text).map((r) => [r.code, r.path, r.text]),
    [['selectorMismatch', 'spec.template.metadata.labels[app]', 'agnet']],
  );
  // The same literal value on both sides, or a templated value, is not a finding.
  assert.deepEqual(errors(text.replace('app: agnet', 'app: agent')), []);
  assert.deepEqual(errors(text.replace('app: agnet', 'app: {{ .Values.app }}')), []);
});

test('whole-line fail guards at the top and two actions on one line are read, not "not YAML"', async () => {
  const guarded = [
    '{{- if and .Values.a .Values.b }}{{ fail "set a or b, not both" }}{{ end }}',
    '{{- if not .Values.image }}',
    '{{- fail "image is required" }}',
    '{{- end }}',
    ...CHART.split('\n'),
  ].join('\n');
  const model = parseDocumentModel(guarded);
  assert.equal(model.problems.length, 0);
  assert.equal(model.daemonSets.length, 1);
  // `{{ w }}{{ t }}` after a mapping entry (the line ends with two actions).
  const twoActions = CHART.replace(
    '          image: "{{',
    '          {{- if .Values.x }}{{ "\\n" }}\n          image: "{{',
  ).replace('  template:\n', '  template:\n    {{ include "a" . }}{{ include "b" . }}\n');
  assert.doesNotThrow(() => check(twoActions));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-lint-'));
  fs.writeFileSync(
    path.join(dir, 'guarded.yaml'),
    guarded.replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:'),
  );
  fs.writeFileSync(path.join(dir, 'two.yaml'), twoActions);
  let out = '';
  let err = '';
  const code = await runLint(['guarded.yaml', 'two.yaml'], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
  });
  assert.equal(err, '');
  assert.equal(code, 1, out);
  assert.match(out, /guarded\.yaml:\d+:3 error unknownField/);
});

test('actions inside a block scalar stay text of the scalar', () => {
  const text = CHART.replace(
    '          resources:\n',
    [
      '          command:',
      '            - /bin/sh',
      '            - -c',
      '            - |',
      '              {{- if .Values.fix }}',
      '              chown root:{{ .Values.gid }} /x',
      '              {{- end }}',
      '              {{- range .Values.extra }}',
      '              {{ . }}',
      '              {{- end }}',
      '              echo done',
      '          resources:',
      '',
    ].join('\n'),
  );
  const model = parseDocumentModel(text);
  assert.equal(model.problems.length, 0);
  const c = (model.daemonSets[0]!.value as any).spec.template.spec.containers[0];
  assert.equal(c.command.length, 3);
  assert.match(c.command[2], /echo done/);
  assert.deepEqual(errors(text), []);
});

test('two optional blocks that both set a key: the YAML stays readable and the rest is checked', () => {
  const text = CHART.replace(
    '    spec:\n',
    [
      '    spec:',
      '    {{- with .Values.priorityClassName }}',
      '      priorityClassName: {{ . }}',
      '    {{- end }}',
      '      hostPID: maybe',
      '    {{- with .Values.worker.priorityClassName }}',
      '      priorityClassName: {{ . | quote }}',
      '    {{- end }}',
      '',
    ].join('\n'),
  );
  const r = readTemplate(text);
  assert.equal(r.inactive.length, 1);
  assert.deepEqual(
    errors(text).map((x) => [x.code, x.path]),
    [['wrongType', 'spec.template.spec.hostPID']],
  );
});
