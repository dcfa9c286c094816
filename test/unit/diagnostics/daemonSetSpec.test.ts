// ValidateDaemonSetSpec and ValidateDaemonSetUpdateStrategy, with SetDefaults_DaemonSet applied.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, only, VALID } from './check';

const noSelector = edit('  selector:\n    matchLabels:\n      app: agent\n', '');

test('a missing selector matches no labels (apps/v1 does not default it): the API server reports the template labels', () => {
  assert.deepEqual(check(noSelector), [
    {
      code: 'selectorMissing',
      severity: 'error',
      path: 'spec.template.metadata.labels',
      message:
        'Invalid value: {"app":"agent"}: `selector` does not match template `labels` (spec.selector is not set: a missing selector matches no labels)',
      text: 'spec',
    },
  ]);
});

test('the selector must match the template labels', () => {
  const rows = check(edit('      labels:\n        app: agent\n', '      labels:\n        app: agent-v2\n'));
  assert.deepEqual(rows, [
    {
      code: 'selectorMismatch',
      severity: 'error',
      path: 'spec.template.metadata.labels',
      message: 'Invalid value: {"app":"agent-v2"}: `selector` does not match template `labels`',
      text: 'labels',
    },
  ]);
});

test('matchExpressions are evaluated against the template labels', () => {
  const sel = (expr: string) =>
    edit('  selector:\n    matchLabels:\n      app: agent\n', `  selector:\n    matchExpressions:\n${expr}`);
  assert.deepEqual(check(sel('      - {key: app, operator: In, values: [agent, other]}\n')), []);
  assert.deepEqual(check(sel('      - {key: tier, operator: DoesNotExist}\n')), []);
  assert.deepEqual(
    only(check(sel('      - {key: app, operator: NotIn, values: [agent]}\n')), 'selectorMismatch').length,
    1,
  );
  assert.deepEqual(
    check(sel('      - {key: app, operator: Exists, values: [agent]}\n')).map((r) => [r.code, r.path, r.message]),
    [
      [
        'invalidSelector',
        'spec.selector.matchExpressions[0].values',
        "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
  );
  assert.deepEqual(
    check(sel('      - {key: app, operator: Equals, values: [agent]}\n')).map((r) => [r.code, r.message]),
    [['invalidSelector', 'Invalid value: "Equals": not a valid selector operator']],
  );
});

test('an empty selector is invalid for a DaemonSet', () => {
  const rows = check(edit('  selector:\n    matchLabels:\n      app: agent\n', '  selector: {}\n'));
  assert.deepEqual(
    rows.map((r) => [r.code, r.path, r.message, r.text]),
    [['selectorEmpty', 'spec.selector', 'Invalid value: {}: empty selector is invalid for daemonset', 'selector']],
  );
});

test('selector label syntax is checked', () => {
  const rows = check(
    edit('    matchLabels:\n      app: agent\n', '    matchLabels:\n      app: agent\n      "-bad": x\n'),
  );
  assert.deepEqual(
    rows.map((r) => [r.code, r.path, r.text]),
    [
      // ValidateLabels reports on the map, the range on the key.
      ['invalidLabelKey', 'spec.selector.matchLabels', '"-bad"'],
    ],
  );
  assert.match(rows[0]!.message, /^Invalid value: "-bad": name part must consist of alphanumeric characters/);
});

test('restartPolicy other than Always is rejected with the API server message', () => {
  const rows = check(edit('      containers:', '      restartPolicy: Never\n      containers:'));
  assert.deepEqual(rows, [
    {
      code: 'restartPolicyNotAlways',
      severity: 'error',
      path: 'spec.template.spec.restartPolicy',
      message: 'Unsupported value: "Never": supported values: "Always"',
      text: 'Never',
    },
  ]);
  assert.deepEqual(check(edit('      containers:', '      restartPolicy: Always\n      containers:')), []);
});

test('activeDeadlineSeconds is forbidden; negative minReadySeconds and revisionHistoryLimit are invalid', () => {
  const text = edit('      containers:', '      activeDeadlineSeconds: 30\n      containers:').replace(
    '  template:',
    '  minReadySeconds: -1\n  revisionHistoryLimit: -2\n  template:',
  );
  assert.deepEqual(
    check(text).map((r) => [r.code, r.path, r.message, r.text]),
    [
      ['negativeValue', 'spec.minReadySeconds', 'Invalid value: -1: must be greater than or equal to 0', '-1'],
      ['negativeValue', 'spec.revisionHistoryLimit', 'Invalid value: -2: must be greater than or equal to 0', '-2'],
      [
        'activeDeadlineSecondsForbidden',
        'spec.template.spec.activeDeadlineSeconds',
        'Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
        'activeDeadlineSeconds',
      ],
    ],
  );
  assert.deepEqual(check(edit('  template:', '  revisionHistoryLimit: 0\n  template:')), []);
});

const strategy = (s: string) =>
  check(edit('  template:', `  updateStrategy:\n${s}  template:`)).map((r) => [
    r.code,
    r.severity,
    r.path,
    r.message,
    r.text,
  ]);

test('rolling update with defaults applied: both zero is rejected', () => {
  assert.deepEqual(strategy('    rollingUpdate:\n      maxUnavailable: 0\n'), [
    [
      'rollingUpdateZero',
      'error',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      'Required value: cannot be 0 when maxSurge is 0',
      '0',
    ],
  ]);
  assert.deepEqual(strategy('    rollingUpdate:\n      maxUnavailable: 0%\n      maxSurge: 0\n'), [
    [
      'rollingUpdateZero',
      'error',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      'Required value: cannot be 0 when maxSurge is 0',
      '0%',
    ],
  ]);
});

test('maxSurge alone trips over the defaulted maxUnavailable of 1', () => {
  assert.deepEqual(strategy('    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n'), [
    [
      'rollingUpdateBothSet',
      'error',
      'spec.updateStrategy.rollingUpdate.maxSurge',
      'Invalid value: 1: may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1; set maxUnavailable: 0)',
      '1',
    ],
  ]);
  assert.deepEqual(strategy('    rollingUpdate:\n      maxSurge: 10%\n      maxUnavailable: 0\n'), []);
});

test('percentages over 100%, negatives and malformed int-or-percent values', () => {
  assert.deepEqual(strategy('    rollingUpdate:\n      maxUnavailable: 150%\n'), [
    [
      'percentOver100',
      'error',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      'Invalid value: "150%": must not be greater than 100%',
      '150%',
    ],
  ]);
  assert.deepEqual(strategy('    rollingUpdate:\n      maxUnavailable: -1\n'), [
    [
      'negativeValue',
      'error',
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      'Invalid value: -1: must be greater than or equal to 0',
      '-1',
    ],
  ]);
  const bad = strategy('    rollingUpdate:\n      maxUnavailable: ten\n');
  assert.deepEqual(
    bad.map((r) => r[0]),
    ['invalidIntOrPercent', 'rollingUpdateZero'],
  );
  assert.equal(
    bad[0]![3],
    `Invalid value: "ten": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
  );
  assert.deepEqual(strategy('    rollingUpdate:\n      maxUnavailable: 100%\n'), []);
});

test('rollingUpdate with type OnDelete is accepted but ignored (warning)', () => {
  assert.deepEqual(strategy('    type: OnDelete\n    rollingUpdate:\n      maxUnavailable: 0\n'), [
    [
      'rollingUpdateIgnored',
      'warning',
      'spec.updateStrategy.rollingUpdate',
      'is ignored when updateStrategy type is OnDelete: pods are replaced only when you delete them',
      'rollingUpdate',
    ],
  ]);
});

test('the valid fixture stays valid with every strategy spelled out', () => {
  assert.deepEqual(
    strategy('    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 0\n'),
    [],
  );
  assert.deepEqual(check(VALID.replace('kind: DaemonSet', 'kind: DaemonSet')), []);
});
