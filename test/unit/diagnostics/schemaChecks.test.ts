// Strict decoding: unknown fields, JSON types (with YAML 1.1 surprises), enums, quantities and
// required fields, in the API server's words.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, only, VALID } from './check';

test('a valid DaemonSet gets no diagnostics at all', () => {
  assert.deepEqual(check(VALID), []);
});

test('unknown fields at any depth, with what the author probably meant', () => {
  const rows = only(
    check(
      edit('spec:\n  selector:', 'spec:\n  replicas: 3\n  strategy: {}\n  selector:').replace(
        'image: registry',
        'imagePullPolicyy: Always\n          image: registry',
      ),
    ),
    'unknownField',
  );
  assert.deepEqual(rows, [
    {
      code: 'unknownField',
      severity: 'error',
      path: 'spec.replicas',
      message:
        'unknown field "spec.replicas"; a DaemonSet runs one pod on each eligible node, so it has no replicas (that is a Deployment field)',
      text: 'replicas',
    },
    {
      code: 'unknownField',
      severity: 'error',
      path: 'spec.strategy',
      message: 'unknown field "spec.strategy"; did you mean "updateStrategy"? (strategy is the Deployment field)',
      text: 'strategy',
    },
    {
      code: 'unknownField',
      severity: 'error',
      path: 'spec.template.spec.containers[0].imagePullPolicyy',
      message: 'unknown field "spec.template.spec.containers[0].imagePullPolicyy"; did you mean "imagePullPolicy"?',
      text: 'imagePullPolicyy',
    },
  ]);
});

test('a wrongly cased field name is suggested in its right case', () => {
  const rows = check(edit('      containers:', '      hostnetwork: true\n      containers:'));
  assert.equal(rows[0]!.message, 'unknown field "spec.template.spec.hostnetwork"; did you mean "hostNetwork"?');
});

test('YAML 1.1 booleans and numbers where strings are required are type errors that show what was typed', () => {
  const text = edit('    app: agent\nspec:', '    app: agent\n    enabled: yes\nspec:').replace(
    'image: registry.example/agent:1.2.3',
    'image: registry.example/agent:1.2.3\n          args: [--port, 8080, on]\n          env:\n            - name: PORT\n              value: 0640',
  );
  const rows = only(check(text), 'wrongType');
  assert.deepEqual(
    rows.map((r) => [r.path, r.message, r.text]),
    [
      [
        'metadata.labels[enabled]',
        'got "boolean", expected "string"; YAML 1.1 reads unquoted yes as a boolean, quote it: "yes"',
        'yes',
      ],
      [
        'spec.template.spec.containers[0].args[1]',
        'got "integer", expected "string"; YAML 1.1 reads unquoted 8080 as a number, quote it: "8080"',
        '8080',
      ],
      [
        'spec.template.spec.containers[0].args[2]',
        'got "boolean", expected "string"; YAML 1.1 reads unquoted on as a boolean, quote it: "on"',
        'on',
      ],
      [
        'spec.template.spec.containers[0].env[0].value',
        'got "integer", expected "string"; YAML 1.1 reads unquoted 0640 as a number, quote it: "0640"',
        '0640',
      ],
    ],
  );
});

test('quoted values and nodeSelector strings are fine; objects where scalars belong are not', () => {
  assert.deepEqual(
    check(edit('      containers:', '      nodeSelector:\n        gpu: "true"\n        zone: "1"\n      containers:')),
    [],
  );
  const rows = check(
    edit('      containers:', '      hostNetwork: "true"\n      nodeSelector: [a]\n      containers:'),
  );
  assert.deepEqual(
    rows.map((r) => [r.code, r.path, r.message]),
    [
      ['wrongType', 'spec.template.spec.hostNetwork', 'got "string", expected "boolean"'],
      ['wrongType', 'spec.template.spec.nodeSelector', 'got "array", expected "object"'],
    ],
  );
});

test('enum values: the list the API server names', () => {
  const text = edit(
    '          image: registry.example/agent:1.2.3',
    '          image: registry.example/agent:1.2.3\n          imagePullPolicy: IfNotPresen\n          ports:\n            - containerPort: 53\n              protocol: udp',
  )
    .replace('      containers:', '      dnsPolicy: ClusterFirstWithHostNetwork\n      containers:')
    .replace('  template:', '  updateStrategy:\n    type: Rolling\n  template:');
  assert.deepEqual(
    only(check(text), 'unsupportedValue').map((r) => [r.path, r.message, r.text]),
    [
      // ValidateDaemonSetUpdateStrategy: field.NotSupported(fldPath, strategy, …) on updateStrategy itself.
      [
        'spec.updateStrategy',
        'Unsupported value: {"type":"Rolling"}: supported values: "RollingUpdate", "OnDelete"',
        'Rolling',
      ],
      [
        'spec.template.spec.dnsPolicy',
        'Unsupported value: "ClusterFirstWithHostNetwork": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
        'ClusterFirstWithHostNetwork',
      ],
      [
        'spec.template.spec.containers[0].imagePullPolicy',
        'Unsupported value: "IfNotPresen": supported values: "Always", "IfNotPresent", "Never"',
        'IfNotPresen',
      ],
      [
        'spec.template.spec.containers[0].ports[0].protocol',
        'Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"',
        'udp',
      ],
    ],
  );
});

test('empty enum values that the API server defaults are accepted', () => {
  const text = edit('  template:', '  updateStrategy:\n    type: ""\n  template:').replace(
    '      containers:',
    '      dnsPolicy: ""\n      containers:',
  );
  assert.deepEqual(check(text), []);
});

test('quantities: 128MB is not one, and the message names the regular expression', () => {
  const rows = check(edit('memory: 64Mi', 'memory: 128MB').replace('cpu: 100m', 'cpu: 0.5'));
  assert.deepEqual(rows, [
    {
      code: 'invalidQuantity',
      severity: 'error',
      path: 'spec.template.spec.containers[0].resources.requests[memory]',
      message: `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'; did you mean "128Mi"?`,
      text: '128MB',
    },
  ]);
  assert.deepEqual(check(edit('memory: 64Mi', 'memory: 1e3').replace('cpu: 100m', 'cpu: 2')), []);
});

test('missing required fields land on the parent key', () => {
  const text = edit('        - name: agent\n          image:', '        - image:').replace(
    '  selector:\n    matchLabels:\n      app: agent\n',
    '  selector:\n    matchExpressions:\n      - key: app\n        values: [agent]\n',
  );
  const rows = only(check(text), 'requiredField');
  assert.deepEqual(
    rows.map((r) => [r.path, r.message, r.text]),
    [['spec.template.spec.containers[0].name', 'Required value', 'image']],
  );
  // A requirement without an operator is not a missing field upstream: "not a valid selector operator".
  assert.deepEqual(
    only(check(text), 'invalidSelector').map((r) => [r.path, r.message, r.text]),
    [['spec.selector.matchExpressions[0].operator', 'Invalid value: "": not a valid selector operator', 'key']],
  );
});

test('a DaemonSet without a spec, or without a pod spec, gets the required fields it needs', () => {
  assert.deepEqual(
    check('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n').map((r) => [r.code, r.path, r.text]),
    [['selectorMissing', 'spec.template.metadata.labels', 'kind']],
  );
  const noPod =
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n';
  assert.deepEqual(
    check(noPod).map((r) => [r.code, r.path, r.text]),
    [['requiredField', 'spec.template.spec.containers', 'template']],
  );
});

test('YAML merge keys are followed, not reported as unknown fields', () => {
  const text = edit(
    '          resources:',
    '          <<: &common\n            imagePullPolicy: IfNotPresent\n          resources:',
  );
  assert.deepEqual(check(text), []);
});
