// nodeSelector (ValidateLabels), node affinity (ValidateNodeSelector and friends), pod affinity
// terms, and the API server's warnings for deprecated node labels.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const pod = (lines: string) => check(VALID + lines).map((r) => [r.code, r.severity, r.path, r.message, r.text]);
const required = (exprs: string) =>
  pod(
    '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n' +
      exprs,
  );
const T =
  'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]';

test('a typical node affinity is valid', () => {
  assert.deepEqual(
    required(
      '                  - {key: kubernetes.io/os, operator: In, values: [linux]}\n                  - {key: gpu-count, operator: Gt, values: ["1"]}\n                  - {key: spot, operator: DoesNotExist}\n',
    ),
    [],
  );
});

test('operators and their values', () => {
  assert.deepEqual(
    required(
      '                  - {key: a, operator: In, values: []}\n                  - {key: b, operator: Exists, values: [x]}\n                  - {key: c, operator: Gt, values: ["1", "2"]}\n                  - {key: d, operator: Lt, values: [ten]}\n                  - {key: e, operator: Has}\n',
    ),
    [
      [
        'nodeSelectorValues',
        'error',
        `${T}.matchExpressions[0].values`,
        "Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'values',
      ],
      [
        'nodeSelectorValues',
        'error',
        `${T}.matchExpressions[1].values`,
        "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'values',
      ],
      [
        'nodeSelectorValues',
        'error',
        `${T}.matchExpressions[2].values`,
        "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
        'values',
      ],
      [
        'nodeSelectorNotInteger',
        'warning',
        `${T}.matchExpressions[3].values[0]`,
        `"ten" is not an integer, so 'Lt' never matches a node`,
        'ten',
      ],
      [
        'invalidSelector',
        'error',
        `${T}.matchExpressions[4].operator`,
        'Invalid value: "Has": not a valid selector operator',
        'Has',
      ],
    ],
  );
});

test('matchFields: only metadata.name, with In/NotIn and exactly one value', () => {
  const got = pod(
    '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchFields:\n                  - {key: metadata.name, operator: In, values: [a, b]}\n                  - {key: metadata.labels, operator: Exists}\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[3]]),
    [
      [
        'nodeSelectorValues',
        `${T}.matchFields[0].values`,
        "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      ],
      [
        'invalidSelector',
        `${T}.matchFields[1].key`,
        'Invalid value: "metadata.labels": not a valid field selector key',
      ],
      ['invalidSelector', `${T}.matchFields[1].operator`, 'Invalid value: "Exists": not a valid selector operator'],
    ],
  );
});

test('empty nodeSelectorTerms, preferred weights, pod affinity topology keys', () => {
  const got = pod(
    [
      '      affinity:',
      '        nodeAffinity:',
      '          requiredDuringSchedulingIgnoredDuringExecution:',
      '            nodeSelectorTerms: []',
      '          preferredDuringSchedulingIgnoredDuringExecution:',
      '            - weight: 0',
      '              preference: {matchExpressions: [{key: a, operator: Exists}]}',
      '        podAntiAffinity:',
      '          requiredDuringSchedulingIgnoredDuringExecution:',
      '            - labelSelector: {matchLabels: {app: agent}}',
      '              topologyKey: ""',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[3]]),
    [
      [
        'nodeSelectorTerms',
        'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
        'Required value: must have at least one node selector term',
      ],
      [
        'invalidWeight',
        'spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
        'Invalid value: 0: must be in the range 1-100',
      ],
      [
        'requiredField',
        'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
        'Required value: can not be empty',
      ],
      // ValidateLabelName(""): one Invalid per IsQualifiedName message.
      [
        'invalidLabelKey',
        'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
        'Invalid value: "": name part must be non-empty',
      ],
      [
        'invalidLabelKey',
        'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey',
        `Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
  );
});

test('nodeSelector keys and values use label syntax', () => {
  const got = pod('      nodeSelector:\n        "example.com/": x\n        disk: "needs space"\n');
  // ValidateLabels: one error per message, each on the nodeSelector map (the range on the key or value).
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[3], r[4]]),
    [
      [
        'invalidLabelKey',
        'spec.template.spec.nodeSelector',
        'Invalid value: "example.com/": name part must be non-empty',
        '"example.com/"',
      ],
      [
        'invalidLabelKey',
        'spec.template.spec.nodeSelector',
        `Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
        '"example.com/"',
      ],
      [
        'invalidLabelValue',
        'spec.template.spec.nodeSelector',
        `Invalid value: "needs space": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        '"needs space"',
      ],
    ],
  );
});

test('deprecated node labels are the API server warnings', () => {
  const got = pod('      nodeSelector:\n        beta.kubernetes.io/os: linux\n').concat(
    required('                  - {key: beta.kubernetes.io/arch, operator: In, values: [amd64]}\n'),
  );
  assert.deepEqual(got, [
    [
      'deprecatedNodeLabel',
      'warning',
      'spec.template.spec.nodeSelector[beta.kubernetes.io/os]',
      'deprecated since v1.14; use "kubernetes.io/os" instead',
      'beta.kubernetes.io/os',
    ],
    [
      'deprecatedNodeLabel',
      'warning',
      `${T}.matchExpressions[0].key`,
      'deprecated since v1.14; use "kubernetes.io/arch" instead',
      'beta.kubernetes.io/arch',
    ],
  ]);
});

// ValidateNodeSelectorRequirement with allowInvalidLabelValueInRequiredNodeAffinity false (a new
// object): required terms' values must be label values; preferred terms' need not be.
test('required node affinity values are label values; preferred ones are not checked', () => {
  assert.deepEqual(
    required('                  - {key: zone, operator: In, values: [ok, "not ok"]}\n').map((r) => [r[0], r[2], r[3]]),
    [
      [
        'invalidLabelValue',
        `${T}.matchExpressions[0].values[1]`,
        `Invalid value: "not ok": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
  );
  assert.deepEqual(
    pod(
      [
        '      affinity:',
        '        nodeAffinity:',
        '          preferredDuringSchedulingIgnoredDuringExecution:',
        '            - weight: 1',
        '              preference: {matchExpressions: [{key: zone, operator: In, values: ["not ok"]}]}',
        '',
      ].join('\n'),
    ),
    [],
  );
});
