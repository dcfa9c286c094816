// ValidateTolerations
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const tolerations = (lines: string) =>
  check(VALID + '      tolerations:\n' + lines).map((r) => [r.code, r.path, r.message, r.text]);

test('common tolerations are valid', () => {
  assert.deepEqual(
    tolerations(
      '        - operator: Exists\n        - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}\n        - {key: dedicated, operator: Equal, value: gpu, effect: NoExecute, tolerationSeconds: 60}\n        - {key: CriticalAddonsOnly, operator: Exists}\n',
    ),
    [],
  );
});

test('an empty key needs operator Exists', () => {
  assert.deepEqual(tolerations('        - operator: Equal\n          effect: NoSchedule\n'), [
    [
      'tolerationOperator',
      'spec.template.spec.tolerations[0].operator',
      'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'Equal',
    ],
  ]);
  assert.deepEqual(
    tolerations('        - effect: NoSchedule\n').map((r) => [r[0], r[3]]),
    [['tolerationOperator', 'effect']],
  );
});

test('operator Exists forbids a value; tolerationSeconds needs NoExecute; effect enum', () => {
  assert.deepEqual(
    tolerations(
      '        - {key: a, operator: Exists, value: b}\n        - {key: a, effect: NoSchedule, tolerationSeconds: 30}\n        - {key: a, effect: NoExecution}\n',
    ),
    [
      // ValidateTolerations reports the value's errors on .operator.
      [
        'tolerationValue',
        'spec.template.spec.tolerations[0].operator',
        `Invalid value: "b": value must be empty when \`operator\` is 'Exists'`,
        'b',
      ],
      [
        'tolerationSeconds',
        'spec.template.spec.tolerations[1].effect',
        `Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
        'NoSchedule',
      ],
      [
        'unsupportedValue',
        'spec.template.spec.tolerations[2].effect',
        'Unsupported value: "NoExecution": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"',
        'NoExecution',
      ],
    ],
  );
});

test('keys and values use label syntax', () => {
  const got = tolerations('        - {key: "bad key", operator: Equal, value: "a b"}\n');
  assert.deepEqual(
    got.map((r) => [r[0], r[1]]),
    [
      ['invalidLabelKey', 'spec.template.spec.tolerations[0].key'],
      ['invalidLabelValue', 'spec.template.spec.tolerations[0].operator'],
    ],
  );
});

test('a key with a bad prefix and a bad name: one error per message (ValidateLabelName)', () => {
  const got = tolerations('        - {key: "-a-/-b-", operator: Exists}\n');
  assert.deepEqual(
    got.map((r) => [r[0], r[1]]),
    [
      ['invalidLabelKey', 'spec.template.spec.tolerations[0].key'],
      ['invalidLabelKey', 'spec.template.spec.tolerations[0].key'],
    ],
  );
  assert.match(String(got[0][2]), /prefix part/);
  assert.match(String(got[1][2]), /name part/);
});
