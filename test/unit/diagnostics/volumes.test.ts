// ValidateVolumes / validateVolumeSource: names, exactly one source, file modes read as YAML 1.1.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const withVolumes = (lines: string) => VALID + '      volumes:\n' + lines;
const rows = (text: string) => check(text).map((r) => [r.code, r.path, r.message, r.text]);

test('file modes: 0640 is octal and fine, 640 is decimal and out of range', () => {
  assert.deepEqual(
    check(
      withVolumes(
        '        - name: cfg\n          secret:\n            secretName: agent\n            defaultMode: 0640\n',
      ),
    ),
    [],
  );
  assert.deepEqual(
    rows(
      withVolumes(
        '        - name: cfg\n          configMap:\n            name: agent\n            defaultMode: 640\n            items:\n              - {key: a, path: a.conf, mode: 01000}\n',
      ),
    ),
    [
      [
        'invalidFileMode',
        'spec.template.spec.volumes[0].configMap.defaultMode',
        'Invalid value: 640: must be a number between 0 and 0777 (octal), both inclusive; 640 is read as a decimal number: write 0640 for octal',
        '640',
      ],
      [
        'invalidFileMode',
        'spec.template.spec.volumes[0].configMap.items[0].mode',
        'Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
        '01000',
      ],
    ],
  );
});

test('volume names are DNS-1123 labels and unique; a volume has exactly one source', () => {
  const text = withVolumes(
    '        - name: Data\n          emptyDir: {}\n        - name: logs\n          emptyDir: {}\n        - name: logs\n          hostPath: {path: /var/log}\n          emptyDir: {}\n        - name: nothing\n',
  );
  const got = rows(text);
  assert.deepEqual(
    got.map((r) => [r[0], r[1], r[3]]),
    [
      ['invalidName', 'spec.template.spec.volumes[0].name', 'Data'],
      ['duplicateName', 'spec.template.spec.volumes[2].name', 'logs'],
      // validateVolumeSource visits emptyDir before hostPath, so hostPath is the extra one.
      ['volumeSource', 'spec.template.spec.volumes[2].hostPath', 'hostPath'],
      // volumes[3] has a name only: SetDefaults_Volume makes it an emptyDir, so it is valid.
    ],
  );
  assert.equal(got[2]![2], 'Forbidden: may not specify more than 1 volume type');
});

test('sources: hostPath without backsteps, secret and configMap names, relative item paths', () => {
  const text = withVolumes(
    '        - name: a\n          hostPath: {path: /var/../etc}\n        - name: b\n          secret: {}\n        - name: c\n          configMap:\n            name: c\n            items: [{key: k, path: /abs}]\n',
  );
  assert.deepEqual(rows(text), [
    [
      'invalidPath',
      'spec.template.spec.volumes[0].hostPath.path',
      `Invalid value: "/var/../etc": must not contain '..'`,
      '/var/../etc',
    ],
    ['requiredField', 'spec.template.spec.volumes[1].secret.secretName', 'Required value', 'secret'],
    [
      'invalidPath',
      'spec.template.spec.volumes[2].configMap.items[0].path',
      'Invalid value: "/abs": must be a relative path',
      '/abs',
    ],
  ]);
});

test('projected service account tokens last at least 10 minutes', () => {
  const text = withVolumes(
    '        - name: token\n          projected:\n            sources:\n              - serviceAccountToken: {path: token, expirationSeconds: 60}\n',
  );
  assert.deepEqual(rows(text), [
    [
      'invalidTokenExpiration',
      'spec.template.spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds',
      'Invalid value: 60: may not specify a duration less than 10 minutes',
      '60',
    ],
  ]);
});
