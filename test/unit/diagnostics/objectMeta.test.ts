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

test('generateName: a DNS subdomain once its trailing dash is masked; the generated name is checked as metadata.name', () => {
  assert.deepEqual(check(edit('  name: agent\n', '  generateName: agent-\n')), []);
  assert.deepEqual(rows(edit('  name: agent\n', '  generateName: Agent-\n')), [
    [
      'invalidName',
      'metadata.generateName',
      "Invalid value: \"Agent-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'Agent-',
    ],
    [
      'invalidName',
      'metadata.name',
      "Invalid value: \"Agent-bcdfg\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'Agent-',
    ],
  ]);
});

test('ownerReferences: every error on the list path, the range on the item; one controller', () => {
  const refs = (items: string) => edit('  labels:\n', `  ownerReferences:\n${items}  labels:\n`);
  assert.deepEqual(check(refs('    - apiVersion: v1\n      kind: Pod\n      name: p\n      uid: "1"\n')), []);
  assert.deepEqual(
    rows(refs('    - apiVersion: a/b/c\n      kind: Event\n      name: e\n')).map((r) => [r[0], r[1], r[3]]),
    [
      // The missing uid is shown on the item (its first line).
      ['invalidOwnerReference', 'metadata.ownerReferences.uid', 'apiVersion: a/b/c'],
      ['invalidOwnerReference', 'metadata.ownerReferences.apiVersion', 'a/b/c'],
    ],
  );
  const two = rows(
    refs(
      '    - {apiVersion: v1, kind: Event, name: a, uid: "1"}\n' +
        '    - {apiVersion: v1, kind: Pod, name: b, uid: "2", controller: true}\n' +
        '    - {apiVersion: v1, kind: Pod, name: c, uid: "3", controller: true}\n',
    ),
  );
  assert.deepEqual(
    two.map((r) => [r[0], r[1], r[3]]),
    [
      ['invalidOwnerReference', 'metadata.ownerReferences', '{apiVersion: v1, kind: Event, name: a, uid: "1"}'],
      ['invalidOwnerReference', 'metadata.ownerReferences', 'true'],
    ],
  );
  assert.match(String(two[0]![2]), /\/v1, Kind=Event is disallowed from being an owner$/);
  assert.match(String(two[1]![2]), /Found "true" in references for Pod\/b and Pod\/c$/);
});

test('finalizers: qualified names, standard or domain-qualified, not orphan and foregroundDeletion together', () => {
  const fin = (items: string) => edit('  labels:\n', `  finalizers:\n${items}  labels:\n`);
  assert.deepEqual(check(fin('    - kubernetes\n    - example.com/cleanup\n')), []);
  assert.deepEqual(
    rows(fin('    - cleanup\n    - orphan\n    - foregroundDeletion\n    - a/b/c\n')).map((r) => [r[0], r[1], r[2]]),
    [
      [
        'invalidFinalizer',
        'metadata.finalizers',
        'Invalid value: ["cleanup","orphan","foregroundDeletion","a/b/c"]: finalizer orphan and foregroundDeletion cannot be both set',
      ],
      [
        'invalidFinalizer',
        'metadata.finalizers[0]',
        'Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
      [
        'invalidFinalizer',
        'metadata.finalizers',
        "Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  );
});

test('length limits count UTF-8 bytes, as Go len() does', () => {
  const value = 'ā'.repeat(40); // 40 characters, 80 bytes: too long, and not the label syntax
  const got = rows(edit('  labels:\n    app: agent\n', `  labels:\n    app: agent\n    tier: ${value}\n`));
  assert.deepEqual(
    got.map((r) => [r[0], r[1]]),
    [
      ['invalidLabelValue', 'metadata.labels'],
      ['invalidLabelValue', 'metadata.labels'],
    ],
  );
  assert.match(String(got[0]![2]), /must be no more than 63 characters$/);
});
