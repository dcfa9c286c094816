// Warnings and infos: accepted by the API server, regretted by authors — and the warnings the
// API server itself sends back for pod templates.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, VALID } from './check';

const rows = (text: string) => check(text).map((r) => [r.code, r.severity, r.path, r.message, r.text]);

test('hostPort with maxSurge > 0: the rollout can never finish', () => {
  const text = edit(
    '  template:',
    '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n  template:',
  ).replace(
    '          resources:',
    '          ports:\n            - {containerPort: 9100, hostPort: 9100}\n          resources:',
  );
  assert.deepEqual(rows(text), [
    [
      'hostPortWithSurge',
      'warning',
      'spec.updateStrategy.rollingUpdate.maxSurge',
      'maxSurge 1 with hostPort 9100: the surge pod is placed on the same node and cannot bind the port while the old pod holds it, so the rollout never completes; use maxSurge: 0 with maxUnavailable instead',
      '1',
    ],
  ]);
  // Without surge, or with OnDelete, there is nothing to say.
  assert.deepEqual(
    check(text.replace('maxSurge: 1', 'maxSurge: 0').replace('maxUnavailable: 0', 'maxUnavailable: 1')),
    [],
  );
});

test('hostNetwork ports count as host ports for the surge check', () => {
  const text = edit(
    '  template:',
    '  updateStrategy:\n    rollingUpdate: {maxSurge: 10%, maxUnavailable: 0}\n  template:',
  )
    .replace('      containers:', '      hostNetwork: true\n      containers:')
    .replace('          resources:', '          ports: [{containerPort: 9100}]\n          resources:');
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[3]]),
    [
      [
        'hostPortWithSurge',
        'maxSurge "10%" with hostNetwork port 9100: the surge pod is placed on the same node and cannot bind the port while the old pod holds it, so the rollout never completes; use maxSurge: 0 with maxUnavailable instead',
      ],
    ],
  );
});

test(':latest or untagged images without imagePullPolicy (info)', () => {
  assert.deepEqual(rows(edit('registry.example/agent:1.2.3', 'registry.example:5000/agent')), [
    [
      'imageLatest',
      'info',
      'spec.template.spec.containers[0].image',
      'image "registry.example:5000/agent" has no tag, so ":latest" is used: imagePullPolicy defaults to Always and nodes may run different builds; pin a version',
      'registry.example:5000/agent',
    ],
  ]);
  assert.deepEqual(
    rows(edit('registry.example/agent:1.2.3', 'agent:latest')).map((r) => r[0]),
    ['imageLatest'],
  );
  assert.deepEqual(check(edit('registry.example/agent:1.2.3', 'agent:latest\n          imagePullPolicy: Always')), []);
  assert.deepEqual(
    check(
      edit(
        'registry.example/agent:1.2.3',
        'agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      ),
    ),
    [],
  );
});

test('deprecated serviceAccount, deprecated annotations, nodeName pinning', () => {
  const text = edit(
    '      containers:',
    '      serviceAccount: agent\n      nodeName: node-1\n      containers:',
  ).replace(
    '      labels:\n        app: agent\n',
    '      labels:\n        app: agent\n      annotations:\n        scheduler.alpha.kubernetes.io/critical-pod: ""\n        seccomp.security.alpha.kubernetes.io/pod: docker/default\n',
  );
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[1], r[2], r[3]]),
    [
      [
        'deprecatedAnnotation',
        'warning',
        'spec.template.metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]',
        'non-functional in v1.16+; use the "priorityClassName" field instead',
      ],
      [
        'deprecatedAnnotation',
        'warning',
        'spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]',
        'non-functional in v1.27+; use the "seccompProfile" field instead',
      ],
      [
        'serviceAccountDeprecated',
        'warning',
        'spec.template.spec.serviceAccount',
        'deprecated alias of serviceAccountName; use serviceAccountName',
      ],
      ['nodeNamePinned', 'info', 'spec.template.spec.nodeName', 'the DaemonSet runs a pod only on node "node-1"'],
    ],
  );
});

test('no cpu or memory requests in any container (info, once per DaemonSet)', () => {
  const text = VALID.replace(
    '          resources:\n            requests:\n              cpu: 100m\n              memory: 64Mi\n',
    '',
  );
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[1], r[2], r[4]]),
    [['noResourceRequests', 'info', 'spec.template.spec.containers', 'containers']],
  );
  // Limits alone count: requests default to them.
  assert.deepEqual(check(VALID.replace('requests:', 'limits:')), []);
});
