// A chart's values: the session layer finds the chart above a template, and the hover on
// `.Values.x` shows the value with the chart defaults and where it is defined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HelmCharts } from '../../../server/src/session/helmCharts';
import { lookupValue, valuesReferenceAt } from '../../../server/src/model/helm/values';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { hover } from '../../../server/src/features/hover';

const TEMPLATE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "agent.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      priorityClassName: {{ .Values.missing.value }}
`;

const VALUES = `image:
  repository: registry.example/agent
  tag: "1.2.3"
nodeSelector:
  kubernetes.io/os: linux
`;

test('the reference under the offset is cut after its segment', () => {
  const at = TEMPLATE.indexOf('.Values.image.tag') + '.Values.im'.length;
  assert.deepEqual(valuesReferenceAt(TEMPLATE, at), { expression: '.Values.image', path: ['image'] });
  assert.deepEqual(valuesReferenceAt(TEMPLATE, at + 5)?.path, ['image', 'tag']);
  assert.equal(valuesReferenceAt(TEMPLATE, TEMPLATE.indexOf('apiVersion')), undefined);
  // The last values file that defines a path wins.
  const found = lookupValue(
    [
      { file: '/c/values.yaml', text: VALUES },
      { file: '/c/prod.yaml', text: 'image:\n  tag: "2.0"\n' },
    ],
    ['image', 'tag'],
  );
  assert.deepEqual(found.definedIn, { file: '/c/prod.yaml', line: 2 });
  assert.equal(found.value, '2.0');
  assert.equal(lookupValue([{ file: '/c/values.yaml', text: VALUES }], ['nope']).definedIn, undefined);
});

test('hover on .Values.x in a chart template shows its default and where it is defined', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-'));
  fs.mkdirSync(path.join(root, 'templates'));
  fs.writeFileSync(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: agent\nversion: 0.1.0\n');
  fs.writeFileSync(path.join(root, 'values.yaml'), VALUES);
  const file = path.join(root, 'templates', 'daemonset.yaml');
  fs.writeFileSync(file, TEMPLATE);
  const charts = new HelmCharts();
  assert.equal(charts.viewOf(file), undefined);
  const view = await charts.refresh(file);
  assert.equal(view?.name, 'agent');
  assert.deepEqual(charts.viewOf(file), view);
  const model = parseDocumentModel(TEMPLATE);
  const ctx = { ...defaultContext(), helm: view! };
  const text = (offset: number) => {
    const h = hover(model, offset, ctx);
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined;
  };
  assert.equal(
    text(TEMPLATE.indexOf('.Values.image.tag') + 16),
    '`.Values.image.tag` with chart defaults (defined in values.yaml line 3):\n\n```yaml\n1.2.3\n```',
  );
  assert.match(
    text(TEMPLATE.indexOf('.Values.nodeSelector') + 10)!,
    /nodeSelector` with chart defaults \(defined in values\.yaml line 4\):\n\n```yaml\nkubernetes\.io\/os: linux\n```/,
  );
  assert.equal(
    text(TEMPLATE.indexOf('.Values.missing.value') + 10),
    "`.Values.missing`: not defined in the chart's values files, so unknown (no default)",
  );
  // Without a chart, the field's own hover, no values.
  const plain = hover(model, TEMPLATE.indexOf('.Values.image.tag') + 16, defaultContext());
  assert.doesNotMatch(JSON.stringify(plain), /chart defaults/);
  // A changed values file is read again.
  fs.writeFileSync(path.join(root, 'values.yaml'), VALUES.replace('1.2.3', '1.2.4'));
  assert.equal(charts.invalidate(path.join(root, 'values.yaml')), true);
  const again = await charts.refresh(file);
  assert.match(again!.values[0]!.text, /1\.2\.4/);
});
