// The API server's paths and quirks that issue 9 names, checked as whole diagnostics (code, path,
// message and the text the range covers), plus the rules that were missing: spec.os.name,
// sysctls with host namespaces, shareProcessNamespace with hostPID, template annotations, and a
// kind/apiVersion the server does not serve. Upstream functions are named in each test.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, VALID } from '../diagnostics/check';

const rows = (text: string) => check(text).map((r) => [r.code, r.path, r.message, r.text]);
const errors = (text: string) =>
  check(text)
    .filter((r) => r.severity === 'error')
    .map((r) => [r.code, r.path, r.message, r.text]);
const pod = (lines: string) => VALID + lines;
const C0 = 'spec.template.spec.containers[0]';

test('map keys are written [key]: resources.limits[memory], nodeSelector[...] (field.Path.Key)', () => {
  assert.deepEqual(errors(edit('              memory: 64Mi\n', '              memory: -64Mi\n')), [
    [
      'negativeValue',
      `${C0}.resources.requests[memory]`,
      'Invalid value: "-64Mi": must be greater than or equal to 0',
      '-64Mi',
    ],
  ]);
  assert.deepEqual(
    rows(pod('      nodeSelector:\n        beta.kubernetes.io/os: linux\n')).map((r) => [r[0], r[1]]),
    [['deprecatedNodeLabel', 'spec.template.spec.nodeSelector[beta.kubernetes.io/os]']],
  );
});

test('label and annotation errors sit on the map (ValidateLabels/ValidateAnnotations), template ones at spec.template.labels/annotations', () => {
  const text = edit(
    '      labels:\n        app: agent\n',
    '      labels:\n        app: agent\n        "bad key": x\n      annotations:\n        "a/b/c": z\n',
  );
  assert.deepEqual(errors(text), [
    [
      'invalidLabelKey',
      'spec.template.labels',
      `Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      '"bad key"',
    ],
    [
      'invalidAnnotationKey',
      'spec.template.annotations',
      `Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      '"a/b/c"',
    ],
  ]);
  const big = edit(
    '      labels:\n        app: agent\n',
    `      labels:\n        app: agent\n      annotations:\n        big: "${'x'.repeat(262144)}"\n`,
  );
  assert.deepEqual(
    errors(big).map((r) => [r[0], r[1], r[2], r[3]]),
    [['annotationsTooLong', 'spec.template.annotations', 'Too long: may not be more than 262144 bytes', 'annotations']],
  );
});

test('toleration value errors sit on .operator (ValidateTolerations)', () => {
  assert.deepEqual(
    errors(
      pod(
        '      tolerations:\n        - {key: a, operator: Exists, value: b}\n        - {key: a, operator: Equal, value: "a b"}\n',
      ),
    ),
    [
      [
        'tolerationValue',
        'spec.template.spec.tolerations[0].operator',
        `Invalid value: "b": value must be empty when \`operator\` is 'Exists'`,
        'b',
      ],
      [
        'invalidLabelValue',
        'spec.template.spec.tolerations[1].operator',
        `Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        '"a b"',
      ],
    ],
  );
  // tolerationSeconds without NoExecute: on .effect even when effect is not written.
  assert.deepEqual(errors(pod('      tolerations:\n        - {key: a, operator: Exists, tolerationSeconds: 5}\n')), [
    [
      'tolerationSeconds',
      'spec.template.spec.tolerations[0].effect',
      `Invalid value: "": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
      'key',
    ],
  ]);
});

test('subPath, mountPropagation and recursiveReadOnly errors use the volumeMounts path without index (ValidateVolumeMounts)', () => {
  const text = pod('      volumes:\n        - {name: data, emptyDir: {}}\n').replace(
    '          resources:\n',
    '          volumeMounts:\n            - {name: data, mountPath: /a, subPath: ../x, mountPropagation: Bidirectional}\n          resources:\n',
  );
  assert.deepEqual(errors(text), [
    ['invalidVolumeMount', `${C0}.volumeMounts.subPath`, `Invalid value: "../x": must not contain '..'`, '../x'],
    [
      'invalidVolumeMount',
      `${C0}.volumeMounts.mountPropagation`,
      'Forbidden: Bidirectional mount propagation is available only to privileged containers',
      'Bidirectional',
    ],
  ]);
});

test('a volume with only a name is valid (SetDefaults_Volume makes it an emptyDir)', () => {
  const text = pod('      volumes:\n        - name: scratch\n').replace(
    '          resources:\n',
    '          volumeMounts:\n            - {name: scratch, mountPath: /scratch}\n          resources:\n',
  );
  assert.deepEqual(errors(text), []);
});

test('a mount naming a volume that failed validation also gets NotFound (ValidateVolumes drops it)', () => {
  const text = pod('      volumes:\n        - {name: cfg, configMap: {name: cfg, defaultMode: 1000}}\n').replace(
    '          resources:\n',
    '          volumeMounts:\n            - {name: cfg, mountPath: /etc/cfg}\n          resources:\n',
  );
  assert.deepEqual(
    errors(text).map((r) => [r[0], r[1]]),
    [
      ['volumeNotFound', `${C0}.volumeMounts[0].name`],
      ['invalidFileMode', 'spec.template.spec.volumes[0].configMap.defaultMode'],
    ],
  );
});

test('spec.os.name is linux or windows; a windows pod may not set Linux-only fields (validateOS, validateWindows)', () => {
  assert.deepEqual(errors(pod('      os: {name: Linux}\n')), [
    [
      'unsupportedValue',
      // validateOS reports on spec.os (field.NotSupported(fldPath, os.Name, …)); the range is the name.
      'spec.template.spec.os',
      'Unsupported value: "Linux": supported values: "linux", "windows"',
      'Linux',
    ],
  ]);
  assert.deepEqual(
    errors(pod('      os: {name: ""}\n')).map((r) => [r[0], r[1], r[2]]),
    [['requiredField', 'spec.template.spec.os.name', 'Required value: cannot be empty']],
  );
  assert.deepEqual(
    errors(
      pod('      os: {name: windows}\n      hostPID: true\n      securityContext:\n        runAsUser: 1000\n'),
    ).map((r) => [r[0], r[1], r[2]]),
    [
      ['osForbiddenField', 'spec.template.spec.hostPID', 'Forbidden: cannot be set for a windows pod'],
      [
        'osForbiddenField',
        'spec.template.spec.securityContext.runAsUser',
        'Forbidden: cannot be set for a windows pod',
      ],
    ],
  );
  assert.deepEqual(
    errors(pod('      os: {name: linux}\n      securityContext:\n        windowsOptions: {runAsUserName: x}\n')).map(
      (r) => [r[0], r[1], r[2]],
    ),
    [
      [
        'osForbiddenField',
        'spec.template.spec.securityContext.windowsOptions',
        'Forbidden: windows options cannot be set for a linux pod',
      ],
    ],
  );
});

test('sysctls: names, duplicates, and net.* / IPC sysctls with hostNetwork / hostIPC (validateSysctls, ValidateHostSysctl)', () => {
  const text = pod(
    '      hostNetwork: true\n      hostIPC: true\n      securityContext:\n        sysctls:\n          - {name: net.core.somaxconn, value: "1024"}\n          - {name: kernel.shm_rmid_forced, value: "1"}\n          - {name: Kernel.Bad, value: "1"}\n          - {name: vm.swappiness, value: "1"}\n          - {name: vm.swappiness, value: "2"}\n',
  );
  assert.deepEqual(
    errors(text).map((r) => [r[0], r[1], r[2]]),
    [
      [
        'invalidSysctl',
        'spec.template.spec.securityContext.sysctls[0].name',
        `Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true`,
      ],
      [
        'invalidSysctl',
        'spec.template.spec.securityContext.sysctls[1].name',
        `Invalid value: "kernel.shm_rmid_forced": may not be specified when 'hostIPC' is true`,
      ],
      [
        'invalidSysctl',
        'spec.template.spec.securityContext.sysctls[2].name',
        'Invalid value: "Kernel.Bad": must have at most 253 characters and match regex ([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?',
      ],
      ['invalidSysctl', 'spec.template.spec.securityContext.sysctls[4].name', 'Duplicate value: "vm.swappiness"'],
    ],
  );
});

test('shareProcessNamespace with hostPID: reported at securityContext.shareProcessNamespace, as upstream builds it', () => {
  assert.deepEqual(errors(pod('      hostPID: true\n      shareProcessNamespace: true\n')), [
    [
      'invalidSecurityContext',
      'spec.template.spec.securityContext.shareProcessNamespace',
      'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
      'true',
    ],
  ]);
});

test('a kind or apiVersion the server does not serve, case mistakes included: no matches for kind', () => {
  assert.deepEqual(errors(edit('kind: DaemonSet', 'kind: Daemonset')), [
    [
      'unknownKind',
      'kind',
      'no matches for kind "Daemonset" in version "apps/v1"; did you mean "DaemonSet"?',
      'Daemonset',
    ],
  ]);
  assert.deepEqual(errors(edit('apiVersion: apps/v1', 'apiVersion: Apps/v1')), [
    [
      'unknownApiVersion',
      'apiVersion',
      'no matches for kind "DaemonSet" in version "Apps/v1"; DaemonSets are served as apps/v1',
      'Apps/v1',
    ],
  ]);
  // Other kinds are left alone.
  assert.deepEqual(check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'), []);
});
