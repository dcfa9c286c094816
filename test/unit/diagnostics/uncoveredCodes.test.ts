// Codes that had no test: one table per code, with cases that trigger it and cases that do not,
// asserting code and path; the wording is checked in its own test at the end. The rules mirror
// k8s.io/kubernetes pkg/apis/core/validation (ValidateAppArmorProfileField,
// validatePodSpecSecurityContext, validateObjectFieldSelector, validateConfigMapKeySelector /
// validateSecretKeySelector, validateProbe / validateHTTPHeader / validateSleepAction,
// ValidateVolumeMounts / validateMountPropagation / validateMountRecursiveReadOnly).
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit } from './check';

const POD = 'spec.template.spec';
const C0 = `${POD}.containers[0]`;

/** VALID with `lines` (indented for the pod spec, 6 spaces) before the containers. */
function pod(lines: string): string {
  return edit('      containers:\n', `${lines.replace(/^/gm, '      ')}\n      containers:\n`);
}

/** VALID with `lines` (indented for the container, 10 spaces) after the image. */
function container(lines: string, podLines = ''): string {
  const text = edit(
    '          image: registry.example/agent:1.2.3\n',
    `          image: registry.example/agent:1.2.3\n${lines.replace(/^/gm, '          ')}\n`,
  );
  return podLines
    ? edit('      containers:\n', `${podLines.replace(/^/gm, '      ')}\n      containers:\n`, text)
    : text;
}

type Case = [what: string, text: string, paths: string[]];

function table(code: string, cases: Case[]): void {
  for (const [what, text, paths] of cases) {
    const rows = check(text);
    assert.deepEqual(
      rows.filter((r) => r.code === code).map((r) => r.path),
      paths,
      `${code}: ${what}`,
    );
  }
}

test('appArmorLocalhost: a Localhost profile needs its name, unpadded; other types take none', () => {
  const pa = `${POD}.securityContext.appArmorProfile.localhostProfile`;
  const ca = `${C0}.securityContext.appArmorProfile.localhostProfile`;
  table('appArmorLocalhost', [
    ['pod: Localhost without a profile', pod('securityContext:\n  appArmorProfile:\n    type: Localhost'), [pa]],
    [
      'pod: Localhost with a blank profile',
      pod('securityContext:\n  appArmorProfile:\n    type: Localhost\n    localhostProfile: "  "'),
      [pa],
    ],
    [
      'pod: a padded profile',
      pod('securityContext:\n  appArmorProfile:\n    type: Localhost\n    localhostProfile: " k8s-apparmor "'),
      [pa],
    ],
    [
      'pod: RuntimeDefault with a profile',
      pod('securityContext:\n  appArmorProfile:\n    type: RuntimeDefault\n    localhostProfile: k8s-apparmor'),
      [pa],
    ],
    [
      'container: Unconfined with a profile',
      container('securityContext:\n  appArmorProfile:\n    type: Unconfined\n    localhostProfile: x'),
      [ca],
    ],
    [
      'pod: Localhost with a profile',
      pod('securityContext:\n  appArmorProfile:\n    type: Localhost\n    localhostProfile: k8s-apparmor-example'),
      [],
    ],
    ['pod: RuntimeDefault alone', pod('securityContext:\n  appArmorProfile:\n    type: RuntimeDefault'), []],
    [
      'container: Localhost with a profile',
      container('securityContext:\n  appArmorProfile:\n    type: Localhost\n    localhostProfile: p'),
      [],
    ],
    [
      'an unknown type is another code',
      pod('securityContext:\n  appArmorProfile:\n    type: Strict\n    localhostProfile: p'),
      [],
    ],
  ]);
});

test('invalidSecurityContext: shareProcessNamespace and hostPID cannot both be true', () => {
  const at = `${POD}.securityContext.shareProcessNamespace`;
  table('invalidSecurityContext', [
    // shareProcessNamespace is a pod field; upstream reports it at securityContext.shareProcessNamespace.
    ['both true', pod('hostPID: true\nshareProcessNamespace: true'), [at]],
    ['only shareProcessNamespace', pod('shareProcessNamespace: true'), []],
    ['only hostPID', pod('hostPID: true\nsecurityContext:\n  runAsNonRoot: true'), []],
    ['hostPID false', pod('hostPID: false\nshareProcessNamespace: true'), []],
  ]);
});

test('invalidFieldPath: a label or annotation subscript in fieldRef must be a qualified name', () => {
  const env = (fieldPath: string) =>
    container(`env:\n  - name: X\n    valueFrom:\n      fieldRef:\n        fieldPath: "${fieldPath}"`);
  // validateObjectFieldSelector reports a subscript's qualified-name errors on fieldRef itself.
  const at = `${C0}.env[0].valueFrom.fieldRef`;
  table('invalidFieldPath', [
    ['a label key with a space', env("metadata.labels['bad key']"), [at]],
    ['an annotation key with two slashes', env("metadata.annotations['a/b/c']"), [at]],
    // IsQualifiedName("") says both "must be non-empty" and the regex message, so upstream reports two.
    ['an empty label key', env("metadata.labels['']"), [at, at]],
    ['a qualified label key', env("metadata.labels['app.kubernetes.io/name']"), []],
    ['an annotation key (lowercased before the check)', env("metadata.annotations['Example.COM/Owner']"), []],
    ['a plain field', env('spec.nodeName'), []],
  ]);
});

test('invalidKey: configMapKeyRef and secretKeyRef keys must be valid ConfigMap keys', () => {
  const ref = (kind: string, key: string) =>
    container(`env:\n  - name: X\n    valueFrom:\n      ${kind}:\n        name: settings\n        key: "${key}"`);
  table('invalidKey', [
    ['a slash in a configMap key', ref('configMapKeyRef', 'a/b'), [`${C0}.env[0].valueFrom.configMapKeyRef.key`]],
    ['a space in a secret key', ref('secretKeyRef', 'my key'), [`${C0}.env[0].valueFrom.secretKeyRef.key`]],
    ['..', ref('configMapKeyRef', '..'), [`${C0}.env[0].valueFrom.configMapKeyRef.key`]],
    ['a dotted key', ref('configMapKeyRef', 'app.properties'), []],
    ['dashes and underscores', ref('secretKeyRef', 'tls_cert-1'), []],
  ]);
});

test('invalidProbe: grace periods, readiness grace, header names and sleep seconds', () => {
  const probe = (kind: string, body: string) => container(`${kind}:\n${body.replace(/^/gm, '  ')}`);
  table('invalidProbe', [
    [
      'terminationGracePeriodSeconds 0',
      probe('livenessProbe', 'tcpSocket: {port: 80}\nterminationGracePeriodSeconds: 0'),
      [`${C0}.livenessProbe.terminationGracePeriodSeconds`],
    ],
    [
      'a readiness probe with a grace period',
      probe('readinessProbe', 'tcpSocket: {port: 80}\nterminationGracePeriodSeconds: 10'),
      [`${C0}.readinessProbe.terminationGracePeriodSeconds`],
    ],
    [
      'a header name with a space',
      probe('livenessProbe', 'httpGet:\n  port: 80\n  httpHeaders:\n    - name: "X Bad"\n      value: v'),
      // validateHTTPGetAction reports on ".httpHeaders" (no index); the range is the name.
      [`${C0}.livenessProbe.httpGet.httpHeaders`],
    ],
    // PodLifecycleSleepActionAllowZero: 0 is a valid sleep; the error sits on `sleep`.
    ['a preStop sleep of 0 s', container('lifecycle:\n  preStop:\n    sleep: {seconds: 0}'), []],
    [
      'a preStop sleep longer than the grace period',
      container('lifecycle:\n  preStop:\n    sleep: {seconds: 60}', 'terminationGracePeriodSeconds: 30'),
      [`${C0}.lifecycle.preStop.sleep`],
    ],
    [
      'a liveness grace period of 10',
      probe('livenessProbe', 'tcpSocket: {port: 80}\nterminationGracePeriodSeconds: 10'),
      [],
    ],
    [
      'a good header name',
      probe('livenessProbe', 'httpGet:\n  port: 80\n  httpHeaders:\n    - name: X-Custom-Header\n      value: v'),
      [],
    ],
    ['a sleep within the grace period', container('lifecycle:\n  preStop:\n    sleep: {seconds: 5}'), []],
  ]);
});

test('invalidVolumeMount: subPath rules, Bidirectional only when privileged, recursiveReadOnly needs readOnly', () => {
  const mount = (fields: string, securityContext = '') =>
    pod('volumes:\n  - name: data\n    emptyDir: {}').replace(
      '          image: registry.example/agent:1.2.3\n',
      `          image: registry.example/agent:1.2.3\n${securityContext}          volumeMounts:\n            - name: data\n              mountPath: /data\n${fields.replace(/^/gm, '              ')}\n`,
    );
  const at = `${C0}.volumeMounts[0]`;
  table('invalidVolumeMount', [
    ['subPath and subPathExpr', mount('subPath: a\nsubPathExpr: $(POD)'), [`${at}.subPathExpr`]],
    // ValidateVolumeMounts checks subPath/subPathExpr at the list's path (no index).
    ['an absolute subPath', mount('subPath: /etc'), [`${C0}.volumeMounts.subPath`]],
    ['.. in subPathExpr', mount('subPathExpr: a/../b'), [`${C0}.volumeMounts.subPathExpr`]],
    [
      'Bidirectional, not privileged',
      mount('mountPropagation: Bidirectional'),
      [`${C0}.volumeMounts.mountPropagation`],
    ],
    [
      'recursiveReadOnly without readOnly',
      mount('recursiveReadOnly: Enabled'),
      [`${C0}.volumeMounts.recursiveReadOnly`],
    ],
    ['a relative subPath', mount('subPath: logs/app'), []],
    [
      'Bidirectional, privileged',
      mount('mountPropagation: Bidirectional', '          securityContext:\n            privileged: true\n'),
      [],
    ],
    ['recursiveReadOnly with readOnly', mount('readOnly: true\nrecursiveReadOnly: IfPossible'), []],
    ['recursiveReadOnly Disabled', mount('recursiveReadOnly: Disabled'), []],
  ]);
});

test("wording of the six codes, in the API server's words", () => {
  const message = (text: string, code: string) => check(text).find((r) => r.code === code)?.message;
  assert.equal(
    message(pod('securityContext:\n  appArmorProfile:\n    type: Localhost'), 'appArmorLocalhost'),
    'Required value: must be set when AppArmor type is Localhost',
  );
  assert.equal(
    message(pod('hostPID: true\nshareProcessNamespace: true'), 'invalidSecurityContext'),
    'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
  );
  assert.match(
    message(
      container(`env:\n  - name: X\n    valueFrom:\n      fieldRef:\n        fieldPath: "metadata.labels['bad key']"`),
      'invalidFieldPath',
    )!,
    /^Invalid value: "bad key": name part must consist of alphanumeric characters/,
  );
  assert.match(
    message(
      container(
        'env:\n  - name: X\n    valueFrom:\n      configMapKeyRef:\n        name: settings\n        key: "a/b"',
      ),
      'invalidKey',
    )!,
    /^Invalid value: "a\/b": a valid config key must consist of alphanumeric characters, '-', '_' or '\.'/,
  );
  assert.equal(
    message(container('readinessProbe:\n  tcpSocket: {port: 80}\n  terminationGracePeriodSeconds: 10'), 'invalidProbe'),
    'Invalid value: 10: must not be set for readinessProbes',
  );
  assert.equal(
    message(container('lifecycle:\n  preStop:\n    sleep: {seconds: 60}'), 'invalidProbe'),
    'Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
  );
  const mounted = pod('volumes:\n  - name: data\n    emptyDir: {}').replace(
    '          image: registry.example/agent:1.2.3\n',
    '          image: registry.example/agent:1.2.3\n          volumeMounts:\n            - name: data\n              mountPath: /data\n              subPath: /etc\n',
  );
  assert.equal(message(mounted, 'invalidVolumeMount'), 'Invalid value: "/etc": must be a relative path');
});
