// volumeDevices (ValidateVolumeDevices and ValidateVolumeMounts' overlap checks) and resizePolicy
// (validateResizePolicy, validateInitContainers with AllowSidecarResizePolicy) as a user sees them:
// code, path, wording and the text each finding covers. Mirrors k8s.io/kubernetes
// pkg/apis/core/validation/validation.go.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, only } from './check';

const C0 = 'spec.template.spec.containers[0]';

/** VALID with `volumes` in the pod spec and `lines` (container fields) after the image. */
function withVolumes(volumes: string, lines: string): string {
  const text = edit(
    '          image: registry.example/agent:1.2.3\n',
    `          image: registry.example/agent:1.2.3\n${lines.replace(/^/gm, '          ')}\n`,
  );
  return edit('      containers:\n', `${volumes.replace(/^/gm, '      ')}\n      containers:\n`, text);
}

const VOLUMES = [
  'volumes:',
  '  - name: disk',
  '    persistentVolumeClaim: {claimName: disk}',
  '  - name: scratch',
  '    ephemeral:',
  '      volumeClaimTemplate:',
  '        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
  '  - name: host',
  '    hostPath: {path: /dev/sdb}',
].join('\n');

test('invalidVolumeDevice: a PVC or ephemeral volume, once, at a unique path without "..", apart from the mounts', () => {
  const rows = (lines: string) =>
    only(check(withVolumes(VOLUMES, lines)), 'invalidVolumeDevice', 'invalidVolumeMount', 'requiredField').map((r) => [
      r.code,
      r.path,
      r.message,
      r.text,
    ]);
  assert.deepEqual(
    rows('volumeDevices:\n  - {name: disk, devicePath: /dev/xvda}\n  - {name: scratch, devicePath: /dev/xvdb}'),
    [],
  );
  assert.deepEqual(rows('volumeDevices:\n  - {name: host, devicePath: /dev/xvda}'), [
    [
      'invalidVolumeDevice',
      `${C0}.volumeDevices[0].name`,
      'Invalid value: "host": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
      'host',
    ],
  ]);
  assert.deepEqual(rows('volumeDevices:\n  - {name: nope, devicePath: /dev/xvda}'), [
    ['invalidVolumeDevice', `${C0}.volumeDevices[0].name`, 'Not found: "nope"', 'nope'],
  ]);
  assert.deepEqual(
    rows('volumeDevices:\n  - {name: disk, devicePath: /dev/xvda}\n  - {name: scratch, devicePath: /dev/xvda}'),
    [
      [
        'invalidVolumeDevice',
        `${C0}.volumeDevices[1].devicePath`,
        'Invalid value: "/dev/xvda": must be unique',
        '/dev/xvda',
      ],
    ],
  );
  assert.deepEqual(rows('volumeDevices:\n  - {name: disk, devicePath: /dev/../xvda}'), [
    [
      'invalidVolumeDevice',
      `${C0}.volumeDevices[0].devicePath`,
      `Invalid value: "/dev/../xvda": can not contain backsteps ('..')`,
      '/dev/../xvda',
    ],
  ]);
  assert.deepEqual(rows('volumeDevices:\n  - {name: disk, devicePath: ""}'), [
    ['requiredField', `${C0}.volumeDevices[0].devicePath`, 'Required value', '""'],
  ]);
  // Both sides of an overlap: the device's name is a mount's, the mount's name is a device's.
  assert.deepEqual(
    rows('volumeMounts:\n  - {name: disk, mountPath: /data}\nvolumeDevices:\n  - {name: disk, devicePath: /dev/xvda}'),
    [
      [
        'invalidVolumeMount',
        `${C0}.volumeMounts[0].name`,
        'Invalid value: "disk": must not already exist in volumeDevices',
        'disk',
      ],
      [
        'invalidVolumeDevice',
        `${C0}.volumeDevices[0].name`,
        'Invalid value: "disk": must not already exist in volumeMounts',
        'disk',
      ],
    ],
  );
  assert.deepEqual(
    rows(
      'volumeMounts:\n  - {name: scratch, mountPath: /dev/xvda}\nvolumeDevices:\n  - {name: disk, devicePath: /dev/xvda}',
    ),
    [
      [
        'invalidVolumeMount',
        `${C0}.volumeMounts[0].mountPath`,
        'Invalid value: "/dev/xvda": must not already exist as a path in volumeDevices',
        '/dev/xvda',
      ],
      [
        'invalidVolumeDevice',
        `${C0}.volumeDevices[0].devicePath`,
        'Invalid value: "/dev/xvda": must not already exist as a path in volumeMounts',
        '/dev/xvda',
      ],
    ],
  );
});

test('invalidResizePolicy: empty resource Required, any repeat Duplicate, only NotRequired when the pod never restarts', () => {
  const rows = (text: string) => only(check(text), 'invalidResizePolicy').map((r) => [r.path, r.message, r.text]);
  const ctr = (lines: string, podLines = '') => {
    const text = edit(
      '          image: registry.example/agent:1.2.3\n',
      `          image: registry.example/agent:1.2.3\n${lines.replace(/^/gm, '          ')}\n`,
    );
    return podLines ? edit('      containers:\n', `      ${podLines}\n      containers:\n`, text) : text;
  };
  assert.deepEqual(rows(ctr('resizePolicy:\n  - {resourceName: "", restartPolicy: NotRequired}')), [
    [`${C0}.resizePolicy`, 'Required value', '""'],
  ]);
  assert.deepEqual(
    rows(
      ctr(
        'resizePolicy:\n  - {resourceName: gpu, restartPolicy: NotRequired}\n  - {resourceName: gpu, restartPolicy: NotRequired}',
      ),
    ),
    [
      [`${C0}.resizePolicy`, 'Unsupported value: "gpu": supported values: "cpu", "memory"', 'gpu'],
      [`${C0}.resizePolicy[1]`, 'Duplicate value: "gpu"', 'gpu'],
    ],
  );
  assert.deepEqual(
    rows(
      ctr(
        'resizePolicy:\n  - {resourceName: cpu, restartPolicy: RestartContainer}\n  - {resourceName: memory, restartPolicy: RestartContainer}',
        'restartPolicy: Never',
      ),
    ),
    [
      [
        `${C0}.resizePolicy`,
        `Invalid value: "RestartContainer": must be 'NotRequired' when \`restartPolicy\` is 'Never' (resourceName "cpu")`,
        'RestartContainer',
      ],
      [
        `${C0}.resizePolicy`,
        `Invalid value: "RestartContainer": must be 'NotRequired' when \`restartPolicy\` is 'Never' (resourceName "memory")`,
        'RestartContainer',
      ],
    ],
  );
  // AllowSidecarResizePolicy (InPlacePodVerticalScaling, GA): init containers may set it too.
  const init = edit(
    '      containers:\n',
    '      initContainers:\n        - name: init\n          image: busybox:1.36\n          resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n      containers:\n',
  );
  assert.deepEqual(
    check(init).filter((r) => r.severity === 'error'),
    [],
  );
});
