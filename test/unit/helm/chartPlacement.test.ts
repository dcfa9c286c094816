// The placement preview and the CodeLens of a chart template, with the chart defaults: the
// session reads the chart (values.yaml, the valuesFiles setting, _helpers.tpl), the answer is
// the rendered DaemonSet's placement marked `chartDefaults`, and a placement field that stays
// unknown gives no result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HelmCharts } from '../../../server/src/session/helmCharts';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext, type FeatureContext } from '../../../server/src/features/context';
import { chartPlacementResponse } from '../../../server/src/features/placementAnswer';
import { codeLenses } from '../../../server/src/features/codeLens';
import { renderChart, usesChartDefaults } from '../../../server/src/model/helm/chartRendering';
import { chartClusterDiagnostics, parsePath } from '../../../server/src/features/cluster/chartDiagnostics';
import { readSettings } from '../../../server/src/session/settings';

const TEMPLATE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "agent.fullname" . }}
  labels:
    {{- include "agent.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "agent.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "agent.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: agent
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
`;

const HELPERS = `{{- define "agent.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "agent.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "agent.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- define "agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agent.name" . }}
{{- end }}
{{- define "agent.labels" -}}
{{ include "agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
`;

const VALUES = `image:
  repository: registry.example/agent
nodeSelector:
  disk: ssd
tolerations: []
`;

function node(name: string, labels: Record<string, string>, taints: unknown[] = []) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: { taints },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
}
const state = {
  nodes: [
    node('fast', { disk: 'ssd' }),
    node('slow', { disk: 'hdd' }),
    node('tainted', { disk: 'ssd' }, [{ key: 'gpu', effect: 'NoSchedule' }]),
  ],
  pods: [],
} as any;
const status = { state: 'ok', source: 'test', kind: 'example', nodeCount: 3 } as any;

function chartDir(extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-'));
  fs.mkdirSync(path.join(root, 'templates'));
  fs.writeFileSync(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: agent\nversion: 0.1.0\nappVersion: "3.1.4"\n');
  fs.writeFileSync(path.join(root, 'values.yaml'), VALUES);
  fs.writeFileSync(path.join(root, 'templates', '_helpers.tpl'), HELPERS);
  fs.writeFileSync(path.join(root, 'templates', 'daemonset.yaml'), TEMPLATE);
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

async function contextFor(root: string, valuesFiles: string[] = []): Promise<FeatureContext> {
  const charts = new HelmCharts();
  const view = await charts.refresh(path.join(root, 'templates', 'daemonset.yaml'), valuesFiles);
  assert.ok(view, 'the chart is found');
  return { ...defaultContext(), cluster: { source: 'test', readAt: 'now', state }, helm: view };
}

test('the preview of a chart template places the DaemonSet rendered with values.yaml, marked chartDefaults', async () => {
  const root = chartDir();
  const ctx = await contextFor(root);
  const model = parseDocumentModel(TEMPLATE, 1);
  assert.ok(usesChartDefaults(model, ctx.helm));
  const r = chartPlacementResponse(model, ctx.helm!, { uri: 'file:///chart/templates/daemonset.yaml' }, ctx, status);
  assert.ok(r.result, r.message);
  assert.deepEqual(
    r.result!.nodes.map((n) => [n.name, n.shouldRun]),
    [
      ['fast', true],
      ['slow', false],
      ['tainted', false],
    ],
  );
  assert.equal(r.chartDefaults?.chart, 'agent');
  assert.deepEqual(r.chartDefaults?.valuesFiles, ['values.yaml']);
  assert.deepEqual(r.chartDefaults?.placementUnknown, []);
  // The name depends on .Release.Name (printf of it is unknown as a whole): shown as `?`, listed with its line.
  assert.deepEqual(
    r.daemonSets.map((d) => [d.name, d.line]),
    [['?', 0]],
  );
  assert.ok(
    r.chartDefaults?.unresolved.some((u) => /^line 4: \{\{ printf .*\.Release\.Name/.test(u)),
    JSON.stringify(r.chartDefaults?.unresolved),
  );
  assert.ok(
    r.rows?.every((row) => row.range === undefined),
    'no ranges into rendered text',
  );

  const lenses = codeLenses(model, 'file:///chart/templates/daemonset.yaml', ctx);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.command!.title, 'Runs on 1 of 3 nodes · source: test · with chart defaults');
  assert.equal(lenses[0]!.range.start.line, 0);
});

test('the valuesFiles setting is applied after values.yaml (tolerations from the extra file)', async () => {
  const settings = readSettings({ helm: { valuesFiles: ['values-gpu.yaml', 42] } }).settings;
  assert.deepEqual(settings.helm, { valuesFiles: ['values-gpu.yaml'] });
  const root = chartDir({
    'values-gpu.yaml': 'tolerations:\n  - key: gpu\n    operator: Exists\n    effect: NoSchedule\n',
  });
  const ctx = await contextFor(root, settings.helm!.valuesFiles);
  const model = parseDocumentModel(TEMPLATE, 1);
  const r = chartPlacementResponse(model, ctx.helm!, { uri: 'file:///c/t.yaml' }, ctx, status);
  assert.deepEqual(r.chartDefaults?.valuesFiles, ['values.yaml', 'values-gpu.yaml']);
  assert.deepEqual(
    r.result!.nodes.filter((n) => n.shouldRun).map((n) => n.name),
    ['fast', 'tainted'],
  );
  // A HelmCharts asked with another list reads the chart again.
  const charts = new HelmCharts();
  const file = path.join(root, 'templates', 'daemonset.yaml');
  const a = await charts.refresh(file, []);
  const b = await charts.refresh(file, ['values-gpu.yaml']);
  assert.equal(a!.values.length, 1);
  assert.equal(b!.values.length, 2);
});

test('a placement field that depends on something unknown gives no result, and says which', async () => {
  const root = chartDir();
  const ctx = await contextFor(root);
  const text = TEMPLATE.replace('      {{- with .Values.tolerations }}', '      {{- with .Release.Namespace }}');
  const model = parseDocumentModel(text, 1);
  const r = chartPlacementResponse(model, ctx.helm!, { uri: 'file:///c/t.yaml' }, ctx, status);
  assert.equal(r.result, undefined);
  assert.match(
    r.message ?? '',
    /^Placement unknown with the chart defaults: spec\.template\.spec: \{\{ with \.Release\.Namespace \}\}/,
  );
  const lenses = codeLenses(model, 'file:///c/t.yaml', ctx);
  assert.equal(lenses[0]!.command!.title, 'Placement unknown with chart defaults: spec.template.spec is not resolved');
});

test('a template that fails with the defaults: no rendering, the reason in the answer', async () => {
  const root = chartDir();
  const ctx = await contextFor(root);
  const model = parseDocumentModel(
    `{{- if not .Values.license }}\n{{- fail "license is required" }}\n{{- end }}\n${TEMPLATE}`,
    1,
  );
  const r = chartPlacementResponse(model, ctx.helm!, { uri: 'file:///c/t.yaml' }, ctx, status);
  assert.equal(r.result, undefined);
  assert.match(r.message ?? '', /cannot be rendered with the chart defaults: .*license is required/);
});

test('a plain manifest in a chart folder (no template action) keeps the plain placement', async () => {
  const root = chartDir();
  const ctx = await contextFor(root);
  const model = parseDocumentModel(
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: a}]\n',
    1,
  );
  assert.equal(usesChartDefaults(model, ctx.helm), false);
  assert.match(
    codeLenses(model, 'file:///c/plain.yaml', ctx)[0]!.command!.title,
    /^Runs on 2 of 3 nodes · source: test$/,
  );
});

test('published charts with their values.yaml: the placement fields render to the chart defaults', async () => {
  const fixtures = path.resolve(__dirname, '../../../../test/fixtures/helm');
  const cases: Array<[string, unknown, unknown]> = [
    // node-problem-detector: tolerations from values.yaml, the name through _helpers.tpl (unknown: .Release.Name).
    ['node-problem-detector', [{ effect: 'NoSchedule', operator: 'Exists' }], undefined],
    // kured: its _helpers.tpl is not in the fixtures, so names and labels stay unknown; placement does not depend on them.
    [
      'kured',
      [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
      ],
      { 'kubernetes.io/os': 'linux' },
    ],
  ];
  for (const [chart, tolerations, nodeSelector] of cases) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `${chart}-`));
    fs.cpSync(path.join(fixtures, chart), root, { recursive: true });
    fs.writeFileSync(
      path.join(root, 'Chart.yaml'),
      `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\nappVersion: "1.0.0"\n`,
    );
    const template = path.join(root, 'templates', 'daemonset.yaml');
    const view = await new HelmCharts().refresh(template);
    const ctx: FeatureContext = { ...defaultContext(), cluster: { source: 'test', readAt: 'now', state }, helm: view! };
    const model = parseDocumentModel(fs.readFileSync(template, 'utf8'), 1);
    assert.ok(usesChartDefaults(model, ctx.helm), chart);
    const r = chartPlacementResponse(model, view!, { uri: `file:///${chart}` }, ctx, status);
    assert.ok(r.result, `${chart}: ${r.message}`);
    assert.deepEqual(r.chartDefaults?.placementUnknown, [], chart);
    const spec = (renderChart(model, view!).model.daemonSets[0]!.value as any).spec.template.spec;
    assert.deepEqual(spec.tolerations, tolerations, chart);
    assert.deepEqual(spec.nodeSelector, nodeSelector, chart);
  }
});

test('cluster findings of a chart template: computed with the chart defaults, said so, on the template field', async () => {
  const root = chartDir({ 'values-none.yaml': 'nodeSelector:\n  disk: nvme\n' });
  const ctx = await contextFor(root, ['values-none.yaml']);
  const model = parseDocumentModel(TEMPLATE, 1);
  const found = chartClusterDiagnostics(model, ctx);
  const none = found.find((d) => d.code === 'placementNoNodes');
  assert.ok(none, JSON.stringify(found.map((d) => [d.code, d.message])));
  assert.match(none!.message, /\(with chart defaults\)$/);
  assert.ok(found.every((d) => d.severity !== 'error' && d.data === undefined));
  // The template writes `nodeSelector:` literally: the finding is on that key (or an ancestor the template writes).
  const at = TEMPLATE.slice(none!.start, none!.end);
  assert.ok(['nodeSelector', 'spec', 'template', 'kind'].includes(at), at);
  // Nothing when a placement field is unknown, and nothing for a plain manifest.
  const unknown = parseDocumentModel(
    TEMPLATE.replace('{{- with .Values.nodeSelector }}', '{{- with .Release.Name }}'),
    1,
  );
  assert.deepEqual(chartClusterDiagnostics(unknown, ctx), []);
  assert.deepEqual(parsePath('spec.template.spec.containers[0].resources[nvidia.com/gpu]'), [
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'resources',
    'nvidia.com/gpu',
  ]);
});
