// ValidateObjectMeta (name, namespace), ValidateLabels and ValidateAnnotations on the DaemonSet
// and on its pod template.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit } from './check';

const rows = (text: string) => check(text).map((r) => [r.code, r.path, r.message, r.text]);

test('name is required and a DNS subdomain; namespace is a DNS label', () => {
  assert.deepEqual(rows(edit('  name: agent\n', '')), [
    ['requiredField', 'metadata.name', 'Required value: name or generateName is required', 'metadata'],
  ]);
  assert.deepEqual(check(edit('  name: agent\n', '  generateName: agent-\n')), []);
  assert.deepEqual(rows(edit('  namespace: kube-system', '  namespace: kube.system')), [
    ['invalidName', 'metadata.namespace', 'Invalid value: "kube.system": must not contain dots', 'kube.system'],
  ]);
  assert.deepEqual(check(edit('  name: agent', '  name: agent.example.com')), []);
});

test('label keys, label values (63 characters at most) and template labels', () => {
  const long = 'v'.repeat(64);
  const text = edit(
    '  labels:\n    app: agent\n',
    `  labels:\n    app: agent\n    "app.kubernetes.io/part of": x\n    version: ${long}\n`,
  ).replace('        app: agent\n', '        app: agent\n        "-tier": web\n');
  const got = rows(text);
  assert.deepEqual(
    got.map((r) => [r[0], r[1], r[3]]),
    [
      // ValidateLabels reports on the map; ValidatePodTemplateSpec at spec.template.labels.
      ['invalidLabelKey', 'metadata.labels', '"app.kubernetes.io/part of"'],
      ['invalidLabelValue', 'metadata.labels', long],
      ['invalidLabelKey', 'spec.template.labels', '"-tier"'],
    ],
  );
  assert.match(String(got[1]![2]), /^Invalid value: "v+": must be no more than 63 characters$/);
});

test('annotation keys are qualified names (case-insensitive), values are free, all of them at most 256 KiB', () => {
  const ok = edit(
    '  labels:\n',
    '  annotations:\n    Example.COM/Owner: "team a, b & c"\n    description: "anything: goes"\n  labels:\n',
  );
  assert.deepEqual(check(ok), []);
  const bad = edit('  labels:\n', `  annotations:\n    "a/b/c": x\n    big: "${'x'.repeat(262144)}"\n  labels:\n`);
  assert.deepEqual(
    rows(bad).map((r) => [r[0], r[1], r[0] === 'annotationsTooLong' ? r[2] : r[3]]),
    [
      ['annotationsTooLong', 'metadata.annotations', 'Too long: may not be more than 262144 bytes'],
      ['invalidAnnotationKey', 'metadata.annotations', '"a/b/c"'],
    ],
  );
});
