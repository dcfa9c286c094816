// Whole diagnostics (code, path, message, the text the range covers) for the security-context rules
// the conformance tables check by type and path only: validateHostUsers' capitalised paths,
// ValidateSecurityContext's procMount, validateWindowsSecurityContextOptions and the template's
// seccomp/AppArmor annotations (ValidatePodSpecificAnnotations, validateSeccompAnnotationsAndFields).
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const errors = (text: string) =>
  check(text)
    .filter((r) => r.severity === 'error')
    .map((r) => [r.code, r.path, r.message, r.text]);
const pod = (lines: string) => VALID + lines;
const withAnnotations = (annotations: string, rest = '') =>
  VALID.replace(
    '      labels:\n        app: agent\n    spec:\n',
    `      labels:\n        app: agent\n      annotations:\n${annotations}    spec:\n`,
  ) + rest;
const C0 = 'spec.template.spec.containers[0]';

test('hostUsers: false with a host namespace: Forbidden at hostNetwork, HostPID (validateHostUsers)', () => {
  assert.deepEqual(errors(pod('      hostUsers: false\n      hostNetwork: true\n      hostPID: true\n')), [
    [
      'invalidSecurityContext',
      'spec.template.spec.hostNetwork',
      'Forbidden: when `pod.Spec.HostUsers` is false',
      'hostNetwork',
    ],
    [
      'invalidSecurityContext',
      'spec.template.spec.HostPID',
      'Forbidden: when `pod.Spec.HostUsers` is false',
      'hostPID',
    ],
  ]);
});

test('procMount Unmasked needs hostUsers: false; other values are not supported (ValidateSecurityContext)', () => {
  const ctr = (sc: string) =>
    pod('').replace('          resources:\n', `          securityContext: ${sc}\n          resources:\n`);
  assert.deepEqual(errors(ctr('{procMount: Unmasked}')), [
    [
      'invalidSecurityContext',
      `${C0}.securityContext.procMount`,
      'Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
      'Unmasked',
    ],
  ]);
  assert.deepEqual(
    errors(
      ctr('{procMount: Unmasked}').replace(
        '    spec:\n      containers:',
        '    spec:\n      hostUsers: false\n      containers:',
      ),
    ),
    [],
  );
  assert.deepEqual(
    errors(ctr('{procMount: Masked}')).map((r) => r[2]),
    ['Unsupported value: "Masked": supported values: "Default", "Unmasked"'],
  );
});

test('windowsOptions.runAsUserName (validateWindowsSecurityContextOptions)', () => {
  assert.deepEqual(errors(pod('      securityContext:\n        windowsOptions: {runAsUserName: "Container/User"}\n')), [
    [
      'invalidValue',
      'spec.template.spec.securityContext.windowsOptions.runAsUserName',
      'Invalid value: "Container/User": runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]',
      '"Container/User"',
    ],
  ]);
});

test('seccomp and AppArmor annotations: values, containers and agreement with the fields', () => {
  assert.deepEqual(errors(withAnnotations('        seccomp.security.alpha.kubernetes.io/pod: foo\n')), [
    [
      'invalidValue',
      'spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod',
      'Invalid value: "foo": must be a valid seccomp profile',
      'foo',
    ],
  ]);
  assert.deepEqual(
    errors(withAnnotations('        container.apparmor.security.beta.kubernetes.io/nope: runtime/default\n')),
    [
      [
        'invalidValue',
        'spec.template.annotations[container.apparmor.security.beta.kubernetes.io/nope]',
        'Invalid value: "nope": container not found',
        'container.apparmor.security.beta.kubernetes.io/nope',
      ],
    ],
  );
  assert.deepEqual(
    errors(
      withAnnotations(
        '        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n',
        '      securityContext:\n        seccompProfile: {type: Unconfined}\n',
      ),
    ),
    [
      [
        'invalidSecurityContext',
        'spec.template.spec.securityContext.seccompProfile.type',
        'Forbidden: seccomp type in annotation and field must match',
        'seccomp.security.alpha.kubernetes.io/pod',
      ],
    ],
  );
});
