import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { CompletionItem, CompletionList, InsertTextFormat, TextEdit } from 'vscode-languageserver';
import { complete } from '../../../server/src/features/completion';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import { parseDocumentModel } from '../../../server/src/model';
import type { ClusterState } from '../../../server/src/placement/types';
import { caret, yaml } from '../../support/caret';

function completeAt(
  textWithCaret: string,
  ctx: FeatureContext = defaultContext(),
): { list: CompletionList; text: string } {
  const { text, offset } = caret(textWithCaret);
  return { list: complete(parseDocumentModel(text), offset, ctx), text };
}

function labels(textWithCaret: string, ctx?: FeatureContext): string[] {
  return completeAt(textWithCaret, ctx).list.items.map((i) => i.label);
}

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in [${list.items.map((i) => i.label).join(', ')}]`);
  return found;
}

function newText(i: CompletionItem): string {
  return (i.textEdit as TextEdit).newText;
}

/** The text after accepting `label`, with snippet tab stops removed. */
function accept(textWithCaret: string, label: string): string {
  const { list, text } = completeAt(textWithCaret);
  const chosen = item(list, label);
  const edit = chosen.textEdit as TextEdit;
  const model = parseDocumentModel(text);
  const start = model.lines.offsetAt(edit.range.start);
  const end = model.lines.offsetAt(edit.range.end);
  const inserted =
    chosen.insertTextFormat === InsertTextFormat.Snippet
      ? edit.newText.replace(/\$\{\d+:([^}]*)\}|\$\d+/g, '$1')
      : edit.newText;
  return text.slice(0, start) + inserted + text.slice(end);
}

/** Labels in the order the editor shows them (by sortText, then label). */
function shown(list: CompletionList): string[] {
  return [...list.items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

const HEAD = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
`;

const POD = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
  spec:
    template:
      spec:
`;

// --- keys ---------------------------------------------------------------------------------

test('top level of a DaemonSet: metadata and spec; never status, never keys already there', () => {
  assert.deepEqual(labels(`${HEAD}\n$0`).sort(), ['metadata', 'spec']);
  assert.deepEqual(labels(`${HEAD}\nspec: {}\n$0\n`), ['metadata']);
});

test('spec children are the DaemonSetSpec fields: updateStrategy and minReadySeconds, no replicas or strategy', () => {
  const { list } = completeAt(`${HEAD}\nspec:\n  $0`);
  const got = list.items.map((i) => i.label).sort();
  assert.deepEqual(got, ['minReadySeconds', 'revisionHistoryLimit', 'selector', 'template', 'updateStrategy']);
  assert.ok(!got.includes('replicas') && !got.includes('strategy'));
  // Required first: selector and template head the list.
  assert.deepEqual(shown(list).slice(0, 2), ['selector', 'template']);
  const u = item(list, 'updateStrategy');
  assert.equal(u.detail, 'DaemonSetUpdateStrategy');
  assert.equal(u.documentation, 'An update strategy to replace existing DaemonSet pods with new pods.');
});

test('keys already present in the mapping are left out, wherever they are in the mapping', () => {
  const got = labels(`${HEAD}\nspec:\n  minReadySeconds: 5\n  $0\n  selector:\n    matchLabels: {app: a}\n`);
  assert.deepEqual(got.sort(), ['revisionHistoryLimit', 'template', 'updateStrategy']);
});

test('inserted keys carry their shape and indentation: object, array of objects, array of scalars, scalar', () => {
  const at = `${POD}      containers:\n        - name: agent\n          $0\n`;
  const { list } = completeAt(at);
  assert.equal(newText(item(list, 'resources')), 'resources:\n            $0');
  assert.equal(newText(item(list, 'ports')), 'ports:\n            - $0');
  assert.equal(newText(item(list, 'args')), 'args:\n            - $0');
  assert.equal(newText(item(list, 'image')), 'image: $0');
  assert.equal(item(list, 'image').insertTextFormat, InsertTextFormat.Snippet);
  // Accepting really nests the new field in the container.
  const after = parseDocument(accept(at, 'ports').replace(/- \n/, '- containerPort: 80\n')).toJS();
  assert.deepEqual(after.spec.template.spec.containers[0].ports, [{ containerPort: 80 }]);
  const obj = parseDocument(accept(at, 'resources').replace(/resources:\n( +)\n/, 'resources:\n$1limits: {}\n')).toJS();
  assert.deepEqual(obj.spec.template.spec.containers[0].resources, { limits: {} });
});

test('on a `- ` line of containers: the Container fields, name first (required)', () => {
  const { list } = completeAt(`${POD}      containers:\n        - $0`);
  const got = list.items.map((i) => i.label);
  for (const k of ['name', 'image', 'ports', 'volumeMounts', 'securityContext', 'resources'])
    assert.ok(got.includes(k), k);
  assert.equal(shown(list)[0], 'name');
  // Nested lines indent from the key after `- ` (column 10).
  assert.equal(newText(item(list, 'env')), 'env:\n            - $0');
});

test('a line indented under an array key without `- ` yet starts the first item', () => {
  const at = `${POD}      tolerations:\n        $0`;
  const { list } = completeAt(at);
  assert.equal(newText(item(list, 'operator')), '- operator: $0');
  assert.deepEqual(parseDocument(accept(at, 'operator') + 'Exists\n').toJS().spec.template.spec.tolerations, [
    { operator: 'Exists' },
  ]);
});

test("compact sequences (`- ` at the key's own column) and deeper blocks find the right mapping", () => {
  const got = labels(`${POD}      containers:\n      - name: a\n        $0\n`);
  assert.ok(got.includes('image') && !got.includes('name'));
  const probe = labels(
    `${POD}      containers:\n      - name: a\n        livenessProbe:\n          httpGet:\n            $0\n`,
  );
  assert.deepEqual(probe.sort(), ['host', 'httpHeaders', 'path', 'port', 'scheme']);
});

test('a partly typed key is replaced; on an existing key only the name is replaced', () => {
  const typed = completeAt(`${POD}      containers:\n        - name: a\n          ima$0`).list;
  const edit = item(typed, 'image').textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 13 } });
  const existing = completeAt(`${POD}      containers:\n        - name: a\n          ima$0ge: nginx\n`).list;
  const e2 = item(existing, 'imagePullPolicy').textEdit as TextEdit;
  assert.equal(e2.newText, 'imagePullPolicy');
  assert.deepEqual(e2.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 15 } });
});

test('system-set and forbidden fields are not offered: status, metadata.uid, activeDeadlineSeconds', () => {
  assert.ok(!labels(`${HEAD}\n$0`).includes('status'));
  const meta = labels(`${HEAD}\nmetadata:\n  $0`);
  assert.ok(meta.includes('name') && meta.includes('labels') && meta.includes('annotations'));
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields'])
    assert.ok(!meta.includes(k), k);
  const pod = labels(`${POD}        $0`);
  assert.ok(pod.includes('tolerations') && pod.includes('hostNetwork') && pod.includes('nodeSelector'));
  assert.ok(!pod.includes('activeDeadlineSeconds'));
});

test('a scalar key with known values re-opens the suggestions after insertion', () => {
  const { list } = completeAt(`${POD}        $0`);
  assert.equal(item(list, 'dnsPolicy').command?.command, 'editor.action.triggerSuggest');
  assert.equal(item(list, 'hostNetwork').command?.command, 'editor.action.triggerSuggest');
  assert.equal(item(list, 'schedulerName').command, undefined);
});

// --- values -------------------------------------------------------------------------------

const ENUM_CASES: Array<[string, string, string[]]> = [
  ['updateStrategy.type', `${HEAD}\nspec:\n  updateStrategy:\n    type: $0`, ['OnDelete', 'RollingUpdate']],
  ['toleration operator', `${POD}        tolerations:\n          - operator: $0`, ['Equal', 'Exists', 'Lt', 'Gt']],
  [
    'toleration effect',
    `${POD}        tolerations:\n          - key: a\n            effect: $0`,
    ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  ],
  [
    'node affinity operator',
    `${POD}        affinity:\n          nodeAffinity:\n            requiredDuringSchedulingIgnoredDuringExecution:\n              nodeSelectorTerms:\n                - matchExpressions:\n                    - key: a\n                      operator: $0`,
    ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  ],
  [
    'node affinity matchFields operator',
    `${POD}        affinity:\n          nodeAffinity:\n            requiredDuringSchedulingIgnoredDuringExecution:\n              nodeSelectorTerms:\n                - matchFields:\n                    - key: metadata.name\n                      operator: $0`,
    ['In', 'NotIn'],
  ],
  [
    'label selector operator',
    `${HEAD}\nspec:\n  selector:\n    matchExpressions:\n      - key: app\n        operator: $0`,
    ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  ],
  [
    'imagePullPolicy',
    `${POD}        containers:\n          - name: a\n            imagePullPolicy: $0`,
    ['Always', 'IfNotPresent', 'Never'],
  ],
  ['dnsPolicy', `${POD}        dnsPolicy: $0`, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']],
  [
    'port protocol',
    `${POD}        containers:\n          - name: a\n            ports:\n              - containerPort: 80\n                protocol: $0`,
    ['SCTP', 'TCP', 'UDP'],
  ],
  [
    'mountPropagation',
    `${POD}        containers:\n          - name: a\n            volumeMounts:\n              - name: v\n                mountPropagation: $0`,
    ['Bidirectional', 'HostToContainer', 'None'],
  ],
  [
    'hostPath type',
    `${POD}        volumes:\n          - name: v\n            hostPath:\n              path: /x\n              type: $0`,
    ['""', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  ],
  ['preemptionPolicy', `${POD}        preemptionPolicy: $0`, ['Never', 'PreemptLowerPriority']],
  [
    'terminationMessagePolicy',
    `${POD}        containers:\n          - name: a\n            terminationMessagePolicy: $0`,
    ['FallbackToLogsOnError', 'File'],
  ],
  [
    'seccompProfile type',
    `${POD}        securityContext:\n          seccompProfile:\n            type: $0`,
    ['Localhost', 'RuntimeDefault', 'Unconfined'],
  ],
  [
    'appArmorProfile type',
    `${POD}        securityContext:\n          appArmorProfile:\n            type: $0`,
    ['RuntimeDefault', 'Localhost', 'Unconfined'],
  ],
  [
    'fieldRef fieldPath',
    `${POD}        containers:\n          - name: a\n            env:\n              - name: NODE\n                valueFrom:\n                  fieldRef:\n                    fieldPath: $0`,
    [
      'spec.nodeName',
      'status.hostIP',
      'status.hostIPs',
      'metadata.name',
      'metadata.namespace',
      'metadata.uid',
      'status.podIP',
      'status.podIPs',
      'spec.serviceAccountName',
    ],
  ],
  ['boolean', `${POD}        hostNetwork: $0`, ['true', 'false']],
  ['apiVersion', `apiVersion: $0\nkind: DaemonSet\n`, ['apps/v1']],
  [
    'kind',
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n---\napiVersion: apps/v1\nkind: $0\nspec:\n  template: {}\n`,
    ['DaemonSet'],
  ],
];

for (const [name, text, expected] of ENUM_CASES) {
  test(`values: ${name}`, () => {
    assert.deepEqual(labels(text), expected);
  });
}

test('restartPolicy offers only Always, saying why', () => {
  const { list } = completeAt(`${POD}        restartPolicy: $0`);
  assert.deepEqual(
    list.items.map((i) => i.label),
    ['Always'],
  );
  assert.match(String(list.items[0].documentation), /OnFailure.*Never.*rejected/);
  // An init container's restartPolicy Always makes it a sidecar.
  const init = completeAt(`${POD}        initContainers:\n          - name: s\n            restartPolicy: $0`).list;
  assert.deepEqual(
    init.items.map((i) => i.label),
    ['Always'],
  );
});

test('values mark the default and explain each choice', () => {
  const { list } = completeAt(`${HEAD}\nspec:\n  updateStrategy:\n    type: $0`);
  assert.equal(item(list, 'RollingUpdate').detail, 'default');
  assert.match(String(item(list, 'OnDelete').documentation), /deleted/);
});

test('values are written as YAML strings: empty string quoted, booleans bare, after `key:` a space first', () => {
  const hostPath = completeAt(
    `${POD}        volumes:\n          - name: v\n            hostPath:\n              type: $0`,
  ).list;
  assert.equal(newText(item(hostPath, '""')), '""');
  assert.equal(newText(item(completeAt(`${POD}        hostPID: $0`).list, 'true')), 'true');
  assert.equal(newText(item(completeAt(`${POD}        hostPID:$0`).list, 'true')), ' true');
  // Inside quotes, the raw value replaces what is between them.
  const quoted = completeAt(`${POD}        dnsPolicy: "Clu$0st"`).list;
  const edit = item(quoted, 'ClusterFirst').textEdit as TextEdit;
  assert.equal(edit.newText, 'ClusterFirst');
  assert.deepEqual([edit.range.start.character, edit.range.end.character], [20, 25]);
  // A partly typed plain value is replaced whole.
  const partial = item(completeAt(`${POD}        dnsPolicy: Clu$0 # note`).list, 'None').textEdit as TextEdit;
  assert.deepEqual([partial.range.start.character, partial.range.end.character], [19, 22]);
});

// --- labels -------------------------------------------------------------------------------

const LABELLED = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  spec:
    selector:
      matchLabels:
        SEL
    template:
      metadata:
        labels:
          TPL
`;

test('selector matchLabels: keys and values from the template labels', () => {
  const text = LABELLED.replace('SEL', '$0').replace(
    'TPL',
    'app: agent\n        tier: "node"\n        enabled: "true"',
  );
  const { list } = completeAt(text);
  assert.deepEqual(
    list.items.map((i) => i.label),
    ['app', 'tier', 'enabled'],
  );
  assert.equal(newText(item(list, 'app')), 'app: agent');
  assert.equal(newText(item(list, 'enabled')), 'enabled: "true"');
  const present = LABELLED.replace('SEL', 'app: agent\n      $0').replace('TPL', 'app: agent\n        tier: node');
  assert.deepEqual(labels(present), ['tier']);
  const value = LABELLED.replace('SEL', 'tier: $0').replace('TPL', 'app: agent\n        tier: node');
  assert.deepEqual(labels(value), ['node']);
});

test('template labels: keys and values from the selector', () => {
  const text = LABELLED.replace('SEL', 'app: agent\n      zone: a').replace('TPL', '$0');
  assert.deepEqual(labels(text), ['app', 'zone']);
  const value = LABELLED.replace('SEL', 'app: agent').replace('TPL', 'app: $0');
  assert.deepEqual(labels(value), ['agent']);
});

test('selector matchExpressions: keys and values from the template labels', () => {
  const base = `${HEAD}\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n        tier: node\n  selector:\n    matchExpressions:\n      - key: `;
  assert.deepEqual(labels(`${base}$0`), ['app', 'tier']);
  assert.deepEqual(labels(`${base}tier\n        operator: In\n        values:\n          - $0`), ['node']);
});

// --- documents ----------------------------------------------------------------------------

test('a DaemonSet inside a kind: List gets completion, relative to the item', () => {
  const text = yaml`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        data: {}
      - kind: DaemonSet
        apiVersion: apps/v1
        spec:
          $0
  `;
  assert.ok(labels(text).includes('updateStrategy'));
  const value = 'kind: List\nitems:\n- kind: DaemonSet\n  spec:\n    updateStrategy:\n      type: $0\n';
  assert.deepEqual(labels(value), ['OnDelete', 'RollingUpdate']);
});

test('any key order and any document of a multi-document file', () => {
  const text =
    'kind: ConfigMap\napiVersion: v1\n---\nspec:\n  $0\nkind: DaemonSet\napiVersion: apps/v1\n---\nkind: Service\n';
  assert.ok(labels(text).includes('template'));
});

test('documents of other kinds get nothing (keys and values)', () => {
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: Deployment\nspec:\n  $0\n'), []);
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: $0\n'), []);
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: DaemonSet\n---\napiVersion: v1\nkind: Service\n$0'), []);
  // A YAML file that is not a Kubernetes object at all.
  assert.deepEqual(labels('services:\n  web:\n    image: nginx\n$0'), []);
});

test('a new empty file: apiVersion, kind and the DaemonSet snippets', () => {
  const { list } = completeAt('$0');
  const got = list.items.map((i) => i.label);
  assert.deepEqual(got.slice(0, 2), ['apiVersion', 'kind']);
  assert.equal(newText(item(list, 'apiVersion')), 'apiVersion: apps/v1');
  assert.equal(newText(item(list, 'kind')), 'kind: DaemonSet');
  for (const s of [
    'DaemonSet',
    'DaemonSet: log collector',
    'DaemonSet: node monitoring agent',
    'DaemonSet: CSI node plugin',
  ]) {
    assert.equal(item(list, s).insertTextFormat, InsertTextFormat.Snippet, s);
  }
  assert.match(newText(item(list, 'DaemonSet: log collector')), /^apiVersion: apps\/v1\nkind: DaemonSet\n/);
  // An empty document after others, with a comment, counts as empty too.
  assert.ok(labels('kind: ConfigMap\n---\n# agent\n$0').includes('DaemonSet: CSI node plugin'));
  // Once something is written, only the missing key; no whole manifests.
  assert.deepEqual(labels('apiVersion: apps/v1\n$0'), ['kind']);
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: $0'), ['DaemonSet']);
});

// --- robustness ---------------------------------------------------------------------------

test('broken YAML elsewhere in the document does not stop completion', () => {
  const text = `${POD}        containers:\n          - name: a\n            image: [broken\n        $0\n        hostPID: true\n`;
  const got = labels(text);
  assert.ok(got.includes('tolerations') && !got.includes('hostPID'));
  // A wrongly indented line above; a stray `- ` inside a mapping.
  assert.ok(labels(`${HEAD}\nmetadata:\n  name: oops\n   bad: indent\nspec:\n  $0\n`).includes('updateStrategy'));
  assert.ok(
    labels(
      `${POD}        containers:\n          - name: a\n            image: x\n           - broken\n        $0\n`,
    ).includes('volumes'),
  );
});

test('the cursor at the very end of the file, with or without a final line break', () => {
  assert.ok(labels(`${HEAD}\nspec:\n  upd$0`).includes('updateStrategy'));
  assert.deepEqual(labels(`${HEAD}\nspec:\n  updateStrategy:\n    type: Roll$0`), ['OnDelete', 'RollingUpdate']);
});

test('CRLF files: positions per line and inserted line breaks are CRLF', () => {
  const text = `${POD}      containers:\n        - name: a\n          $0\n`.replace(/\n/g, '\r\n');
  const { list } = completeAt(text);
  const ports = item(list, 'ports');
  assert.equal(newText(ports), 'ports:\r\n            - $0');
  assert.deepEqual((ports.textEdit as TextEdit).range.start, { line: 9, character: 10 });
  assert.deepEqual(labels(`${HEAD}\nspec:\n  updateStrategy:\n    type: $0\n`.replace(/\n/g, '\r\n')), [
    'OnDelete',
    'RollingUpdate',
  ]);
});

test('comments, block scalars, flow collections and Helm expressions get nothing', () => {
  assert.deepEqual(labels(`${HEAD}\nspec: # $0\n`), []);
  assert.deepEqual(labels(`${HEAD}\nmetadata:\n  annotations:\n    note: |\n      some $0\n`), []);
  assert.deepEqual(labels(`${HEAD}\nspec: {updateStrategy: {type: $0}}\n`), []);
  assert.deepEqual(labels(`${HEAD}\nmetadata:\n  name: {{ .Values.na$0me }}\n`), []);
  // A Helm-templated DaemonSet still completes outside the templates.
  assert.ok(labels(`${HEAD}\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  $0\n`).includes('updateStrategy'));
});

test('broken files still complete: a syntax error, a tab, an alias, a duplicate key or a truncated line elsewhere', () => {
  const SPEC_FIELDS = ['minReadySeconds', 'revisionHistoryLimit', 'selector', 'template', 'updateStrategy'];
  const cases: Array<[string, string, string[]]> = [
    [
      'an unfinished flow collection in the next document',
      `${HEAD}\nspec:\n  $0\n---\nkind: ConfigMap\ndata: {[\n`,
      SPEC_FIELDS,
    ],
    ['the same, after a blank line', `${HEAD}\nspec:\n  x: 1\n  $0\n\n---\nkind: ConfigMap\ndata: {[\n`, SPEC_FIELDS],
    ['a broken document before it', `kind: ConfigMap\ndata: {[\n---\n${HEAD}\nspec:\n  $0\n`, SPEC_FIELDS],
    ['a tab-indented line above', `${HEAD}\nmetadata:\n\tname: x\nspec:\n  $0\n`, SPEC_FIELDS],
    [
      'an anchor and alias (selector given)',
      `${HEAD}\nmetadata:\n  labels: &l {app: a}\nspec:\n  selector:\n    matchLabels: *l\n  $0\n`,
      ['minReadySeconds', 'revisionHistoryLimit', 'template', 'updateStrategy'],
    ],
    [
      'a duplicate key',
      `${HEAD}\nspec:\n  minReadySeconds: 1\n  minReadySeconds: 2\n  $0\n`,
      ['revisionHistoryLimit', 'selector', 'template', 'updateStrategy'],
    ],
    [
      'fifty unclosed brackets above',
      `${HEAD}\nmetadata:\n  annotations:\n    x: ${'['.repeat(50)}\nspec:\n  $0\n`,
      SPEC_FIELDS,
    ],
    ['a key cut off at the end of the file', `${HEAD}\nspec:\n  updateStr$0`, SPEC_FIELDS],
    [
      'a value cut off at the end of the file',
      `${HEAD}\nspec:\n  updateStrategy:\n    type: $0`,
      ['OnDelete', 'RollingUpdate'],
    ],
    [
      'a broken container below',
      `${HEAD}\nspec:\n  template:\n    spec:\n      restartPolicy: $0\n      containers:\n      - name: [broken\n`,
      ['Always'],
    ],
  ];
  for (const [what, text, expected] of cases) {
    const { text: plain } = caret(text);
    assert.ok(parseDocumentModel(plain).skipped === undefined, `${what}: the file is checked`);
    assert.deepEqual(labels(text).sort(), expected, what);
  }
});

test('any text at any offset gives a list (complete() has no catch of its own, so a throw fails here)', () => {
  const texts = [
    '',
    ':',
    '- - -',
    '{[',
    'kind: DaemonSet\n\t$0',
    '"\n',
    'kind: DaemonSet\nspec: &a\n  x: *a\n',
    '\u0000bin',
    '---\n---\n',
    'a:\n  - b:\n      - : c\n',
  ];
  for (const t of texts) {
    const model = parseDocumentModel(t.replace('$0', ''));
    for (let off = -1; off <= t.length + 1; off++) {
      const list = complete(model, off, defaultContext());
      assert.ok(Array.isArray(list.items));
    }
  }
  // And the sweep is not vacuous: a DaemonSet offers its top-level keys at the end of the file.
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: DaemonSet\n$0').sort(), ['metadata', 'spec']);
});

// --- cluster ------------------------------------------------------------------------------

const CLUSTER: ClusterState = {
  nodes: [
    {
      metadata: { name: 'cp-1', labels: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' } },
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    },
    {
      metadata: { name: 'gpu-1', labels: { 'kubernetes.io/os': 'linux', 'example.com/gpu': 'a100' } },
      spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
    },
    {
      metadata: { name: 'gpu-2', labels: { 'kubernetes.io/os': 'linux', 'example.com/gpu': 'h100' } },
      spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoExecute' }] },
    },
    { metadata: { name: 'win-1', labels: { 'kubernetes.io/os': 'windows' } } },
  ],
};
const WITH_CLUSTER: FeatureContext = {
  ...defaultContext(),
  cluster: { source: 'test', readAt: '2026-01-01T00:00:00Z', state: CLUSTER },
};

test('cluster: nodeSelector keys and values from node labels, with node counts', () => {
  const keys = completeAt(`${POD}        nodeSelector:\n          $0`, WITH_CLUSTER).list;
  assert.deepEqual(
    keys.items.map((i) => i.label),
    ['kubernetes.io/os', 'example.com/gpu', 'node-role.kubernetes.io/control-plane'],
  );
  assert.equal(item(keys, 'kubernetes.io/os').detail, 'node label · 4 of 4 nodes');
  assert.equal(newText(item(keys, 'kubernetes.io/os')), 'kubernetes.io/os: linux');
  assert.equal(
    newText(item(keys, 'node-role.kubernetes.io/control-plane')),
    'node-role.kubernetes.io/control-plane: ""',
  );
  const values = completeAt(`${POD}        nodeSelector:\n          kubernetes.io/os: $0`, WITH_CLUSTER).list;
  assert.deepEqual(
    values.items.map((i) => [i.label, i.detail]),
    [
      ['linux', 'kubernetes.io/os=linux · on 3 of 4 nodes'],
      ['windows', 'kubernetes.io/os=windows · on 1 of 4 nodes'],
    ],
  );
  // Without a cluster: no invented labels.
  assert.deepEqual(labels(`${POD}        nodeSelector:\n          $0`), []);
});

test('cluster: node affinity matchExpressions keys and values', () => {
  const base = `${POD}        affinity:\n          nodeAffinity:\n            requiredDuringSchedulingIgnoredDuringExecution:\n              nodeSelectorTerms:\n                - matchExpressions:\n                    - key: `;
  assert.deepEqual(labels(`${base}$0`, WITH_CLUSTER), [
    'kubernetes.io/os',
    'example.com/gpu',
    'node-role.kubernetes.io/control-plane',
  ]);
  const values = completeAt(
    `${base}example.com/gpu\n                      operator: In\n                      values:\n                        - $0`,
    WITH_CLUSTER,
  ).list;
  assert.deepEqual(
    values.items.map((i) => [i.label, i.detail]),
    [
      ['a100', 'example.com/gpu=a100 · on 1 of 4 nodes'],
      ['h100', 'example.com/gpu=h100 · on 1 of 4 nodes'],
    ],
  );
  const preferred = `${POD}        affinity:\n          nodeAffinity:\n            preferredDuringSchedulingIgnoredDuringExecution:\n              - weight: 1\n                preference:\n                  matchExpressions:\n                    - key: $0`;
  assert.ok(labels(preferred, WITH_CLUSTER).includes('example.com/gpu'));
});

test('cluster: toleration keys, values and effects from node taints, with node counts', () => {
  const keys = completeAt(`${POD}        tolerations:\n          - key: $0`, WITH_CLUSTER).list;
  assert.deepEqual(
    keys.items.map((i) => [i.label, i.detail]),
    [
      ['nvidia.com/gpu', 'taint · on 2 of 4 nodes'],
      ['node-role.kubernetes.io/control-plane', 'taint · on 1 of 4 nodes'],
    ],
  );
  const values = completeAt(
    `${POD}        tolerations:\n          - key: nvidia.com/gpu\n            operator: Equal\n            value: $0`,
    WITH_CLUSTER,
  ).list;
  assert.deepEqual(
    values.items.map((i) => i.label),
    ['present'],
  );
  const effects = completeAt(
    `${POD}        tolerations:\n          - key: nvidia.com/gpu\n            effect: $0`,
    WITH_CLUSTER,
  ).list;
  assert.deepEqual(
    effects.items.map((i) => [i.label, i.detail]),
    [
      ['NoSchedule', 'taint nvidia.com/gpu with this effect · on 1 of 4 nodes'],
      ['PreferNoSchedule', 'taint nvidia.com/gpu with this effect · on 0 of 4 nodes'],
      ['NoExecute', 'taint nvidia.com/gpu with this effect · on 1 of 4 nodes'],
    ],
  );
  // Without a cluster the effect list is the schema's.
  assert.deepEqual(labels(`${POD}        tolerations:\n          - effect: $0`), [
    'NoExecute',
    'NoSchedule',
    'PreferNoSchedule',
  ]);
});

// --- where whole-DaemonSet snippets are offered -------------------------------------------

test('whole-DaemonSet snippets only where a document can start', () => {
  const TOL = `${POD}        tolerations:\n          - key: node-role.kubernetes.io/control-plane\n`;
  const cases: Array<[string, boolean]> = [
    ['$0', true],
    ['dae$0', true], // the prefix typed at column 0 of an empty file
    ['# a comment\n$0', true],
    ['---\n$0', true],
    ['kind: ConfigMap\n---\n$0\n', true],
    ['kind: ConfigMap\n---\n$0\n---\nkind: Secret\n', true], // an empty chunk between two documents
    ['  $0', false], // indented: not a document start
    ['- $0', false], // a list item
    ['$0\napiVersion: apps/v1\n', false], // something else is in this document
    ['apiVersion: apps/v1\n$0', false],
    ['kind: ConfigMap\n---\n$0\nkind: Secret\n', false],
    [`${TOL}            $0`, false], // inside a toleration
    [`${TOL}            operator: Exists\n            key: $0`, false], // after `key:`
    [`${TOL}          - $0`, false],
    ['services:\n  web:\n    $0', false],
  ];
  const snippetNames = new Set([
    'DaemonSet',
    'DaemonSet: log collector',
    'DaemonSet: node monitoring agent',
    'DaemonSet: CSI node plugin',
  ]);
  const wrong: string[] = [];
  for (const [text, offered] of cases) {
    const got = completeAt(text).list.items.filter((i) => snippetNames.has(String(i.label)));
    if ((got.length === snippetNames.size) !== offered || (!offered && got.length > 0))
      wrong.push(`${JSON.stringify(text.slice(-40))}: ${got.length} snippets`);
  }
  assert.deepEqual(wrong, []);
});
