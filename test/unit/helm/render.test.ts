// Rendering a chart template with the chart defaults: one test per form the issue lists, and
// the rule that what cannot be resolved stays unknown (a marker), never a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { mergeValues, renderWithDefaults, UNKNOWN_TOKEN } from '../../../server/src/model/helm/render';

const render = (
  template: string,
  values: unknown,
  helpers: string[] = [],
  chart = { name: 'agent', appVersion: '2.0.0' },
) => renderWithDefaults(template, { values, helpers, chart });
const data = (template: string, values: unknown, helpers: string[] = []) =>
  parse(render(template, values, helpers).text);

test('.Values.a.b resolves to the value; a missing leaf renders empty as Helm does', () => {
  const r = render('image: {{ .Values.image.repository }}\ntag: "{{ .Values.image.missing }}"\n', {
    image: { repository: 'reg/agent' },
  });
  assert.deepEqual(parse(r.text), { image: 'reg/agent', tag: '' });
  assert.deepEqual(r.unknowns, []);
  assert.deepEqual(r.valuesRead, ['image.missing', 'image.repository']);
});

test('a field of a missing map is unknown (Helm stops on the nil pointer), never empty', () => {
  const r = render('name: {{ .Values.nope.deeper }}\n', {});
  assert.match(r.text, /^name: __unknown_0__$/m);
  assert.equal(r.unknowns[0]!.expression, '.Values.nope.deeper');
  assert.equal(r.unknowns[0]!.line, 0);
});

test('| default: the value when set, the default when empty or missing', () => {
  const t =
    'a: {{ .Values.tag | default .Chart.AppVersion }}\nb: {{ .Values.none | default "x" }}\nc: {{ default "y" .Values.empty }}\n';
  assert.deepEqual(data(t, { tag: 'v1.2', empty: '' }), { a: 'v1.2', b: 'x', c: 'y' });
  assert.deepEqual(data(t, {}), { a: '2.0.0', b: 'x', c: 'y' });
});

test('| quote and squote quote the value (a number stays text)', () => {
  assert.deepEqual(data('a: {{ .Values.port | quote }}\nb: {{ .Values.s | squote }}\n', { port: 8080, s: 'v' }), {
    a: '8080',
    b: 'v',
  });
  assert.match(render('a: {{ .Values.port | quote }}\n', { port: 8080 }).text, /^a: "8080"$/m);
});

test('toYaml .Values.x | nindent N puts the mapping at that indentation', () => {
  const t = `spec:
  template:
    spec:
      nodeSelector:
        {{- toYaml .Values.nodeSelector | nindent 8 }}
      tolerations:
        {{- toYaml .Values.tolerations | nindent 8 }}
      containers: []
`;
  const values = {
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
  };
  assert.deepEqual(data(t, values).spec.template.spec, {
    nodeSelector: values.nodeSelector,
    tolerations: values.tolerations,
    containers: [],
  });
});

test('{{- with .Values.x }}…{{- end }}: rendered with the dot rebound when set, left out when empty', () => {
  const t = `spec:
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- else }}
  affinity: none
  {{- end }}
  hostNetwork: true
`;
  assert.deepEqual(data(t, { nodeSelector: { a: 'b' }, affinity: {} }), {
    spec: { nodeSelector: { a: 'b' }, affinity: 'none', hostNetwork: true },
  });
  assert.deepEqual(data(t, { affinity: { x: 1 } }), { spec: { affinity: { x: 1 }, hostNetwork: true } });
});

test('if / else if / else pick the branch text/template picks (empty map and 0 are false)', () => {
  const t = `{{- if .Values.a }}
x: a
{{- else if eq .Values.mode "b" }}
x: b
{{- else }}
x: other
{{- end }}
`;
  assert.deepEqual(data(t, { a: true }), { x: 'a' });
  assert.deepEqual(data(t, { a: {}, mode: 'b' }), { x: 'b' });
  assert.deepEqual(data(t, { a: 0, mode: 'c' }), { x: 'other' });
  assert.deepEqual(data('{{- if not .Values.off }}\ny: 1\n{{- end }}\n', { off: false }), { y: 1 });
});

test('include of simple _helpers.tpl label templates, with nindent and with .Chart', () => {
  const helpers = `{{/* Common labels */}}
{{- define "agent.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agent.name" . }}
{{- end }}

{{- define "agent.labels" -}}
{{ include "agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
`;
  const t = `metadata:
  labels:
    {{- include "agent.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "agent.selectorLabels" . | nindent 6 }}
`;
  assert.deepEqual(data(t, {}, [helpers]), {
    metadata: { labels: { 'app.kubernetes.io/name': 'agent', 'app.kubernetes.io/version': '2.0.0' } },
    spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'agent' } } },
  });
  assert.deepEqual(data(t, { nameOverride: 'custom' }, [helpers]).spec.selector.matchLabels, {
    'app.kubernetes.io/name': 'custom',
  });
});

test('.Release is unknown: an include using it keeps its known lines and marks the unknown value', () => {
  const helpers = `{{- define "x.labels" -}}
app: x
release: {{ .Release.Name }}
{{- end }}`;
  const r = render('labels:\n  {{- include "x.labels" . | nindent 2 }}\n', {}, [helpers]);
  const v = parse(r.text) as { labels: Record<string, string> };
  assert.equal(v.labels.app, 'x');
  assert.match(v.labels.release!, UNKNOWN_TOKEN);
  assert.equal(r.unknowns.length, 1);
  assert.equal(r.unknowns[0]!.expression, '.Release.Name');
  assert.equal(r.unknowns[0]!.line, 1, 'the line of the include in the template');
});

test('an unknown whole-line output keeps its parent a list or a mapping', () => {
  const t = `tolerations:
  - key: a
    operator: Exists
  {{- include "not.defined" . | nindent 2 }}
labels:
  a: b
  {{- include "not.defined" . | nindent 2 }}
`;
  const v = parse(render(t, {}).text) as { tolerations: unknown[]; labels: Record<string, string> };
  assert.equal(v.tolerations.length, 2);
  assert.match(String(v.tolerations[1]), UNKNOWN_TOKEN);
  assert.equal(Object.keys(v.labels).length, 2);
});

test('an unknown condition makes the block unknown rather than picking a branch', () => {
  const t = `spec:
  {{- if .Capabilities.APIVersions.Has "x/v1" }}
  nodeSelector:
    a: b
  {{- end }}
  hostNetwork: true
`;
  const r = render(t, {});
  const v = parse(r.text) as { spec: Record<string, unknown> };
  assert.equal(v.spec.hostNetwork, true);
  assert.equal(v.spec.nodeSelector, undefined);
  assert.ok(
    Object.keys(v.spec).some((k) => UNKNOWN_TOKEN.test(k)),
    r.text,
  );
  assert.match(r.unknowns[0]!.expression, /^if \.Capabilities/);
});

test('range over a list and a map, with variables; an empty list takes the else branch', () => {
  const t = `env:
  {{- range .Values.env }}
  - name: {{ .name }}
  {{- end }}
labels:
  {{- range $k, $v := .Values.labels }}
  {{ $k }}: {{ $v | quote }}
  {{- end }}
none:
  {{- range .Values.empty }}
  - x
  {{- else }}
  - empty
  {{- end }}
`;
  assert.deepEqual(data(t, { env: [{ name: 'A' }, { name: 'B' }], labels: { z: 1, a: 'b' }, empty: [] }), {
    env: [{ name: 'A' }, { name: 'B' }],
    labels: { a: 'b', z: '1' },
    none: ['empty'],
  });
});

test('$ is the root inside with; $x := assigns; printf formats', () => {
  const t = `{{- $name := printf "%s-%s" .Chart.Name "ds" }}
{{- with .Values.image }}
image: {{ .repository }}:{{ .tag | default $.Chart.AppVersion }}
name: {{ $name }}
{{- end }}
`;
  assert.deepEqual(data(t, { image: { repository: 'r' } }), { image: 'r:2.0.0', name: 'agent-ds' });
});

test('functions not modelled, .Files, lookup and tpl are unknown', () => {
  const r = render(
    'a: {{ .Files.Get "x" }}\nb: {{ lookup "v1" "Node" "" "" }}\nc: {{ tpl .Values.t . }}\nd: {{ sha256sum "x" }}\n',
    { t: 'x' },
  );
  assert.equal(r.unknowns.length, 4);
  for (const l of r.text.trim().split('\n')) assert.match(l, UNKNOWN_TOKEN);
});

test('fail reached with the defaults: no rendering, the reason given; required of an empty value is unknown', () => {
  const r = render('{{- if not .Values.x }}\n{{- fail "x is required" }}\n{{- end }}\na: 1\n', {});
  assert.match(r.error ?? '', /x is required/);
  const q = render('a: {{ required "set b" .Values.b }}\n', {});
  assert.match(q.text, UNKNOWN_TOKEN);
});

test('values files coalesce: later wins, maps merge, null deletes', () => {
  assert.deepEqual(
    mergeValues([
      { a: { b: 1, c: 2 }, d: [1], e: 'x' },
      { a: { c: 3 }, d: [2], e: null },
    ]),
    { a: { b: 1, c: 3 }, d: [2] },
  );
});

test('hostile input: unclosed actions, deep include recursion and huge ranges end without throwing', () => {
  assert.doesNotThrow(() => render('a: {{ .Values.x\nb: {{ "unclosed }}\n{{- end }}{{- else }}', {}));
  const loop = '{{- define "l" }}{{ include "l" . }}{{- end }}';
  const r = render('a: {{ include "l" . }}\n', {}, [loop]);
  assert.match(r.text, UNKNOWN_TOKEN);
  const big = render(
    '{{- range .Values.n }}{{- range $.Values.n }}{{- range $.Values.n }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{- end }}{{- end }}{{- end }}',
    { n: Array.from({ length: 200 }, (_, i) => i) },
  );
  assert.ok(big.error !== undefined || big.text.length <= 5 * 1024 * 1024);
});
