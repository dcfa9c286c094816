// validateContainers, validateInitContainers, validateContainerCommon and their helpers:
// names, images, ports, env, volume mounts, resources, probes and security contexts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, edit, VALID } from './check';

const C = '          image: registry.example/agent:1.2.3\n';
/** VALID with lines added to the first container. */
const container = (lines: string) => edit(C, C + lines);
const rows = (text: string) => check(text).map((r) => [r.code, r.path, r.message, r.text]);

test('container names are DNS-1123 labels, unique across containers and init containers', () => {
  const text = edit('        - name: agent\n', '        - name: Agent_1\n').replace(
    '      containers:',
    '      initContainers:\n        - name: agent-init\n          image: busybox:1.36\n        - name: agent-init\n          image: busybox:1.36\n      containers:',
  );
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[1], r[3]]),
    [
      ['duplicateName', 'spec.template.spec.initContainers[1].name', 'agent-init'],
      ['invalidName', 'spec.template.spec.containers[0].name', 'Agent_1'],
    ],
  );
  assert.match(String(rows(text)[1]![2]), /^Invalid value: "Agent_1": a lowercase RFC 1123 label must consist of/);
  const dup = edit(
    '      containers:\n',
    '      initContainers:\n        - name: agent\n          image: busybox:1.36\n      containers:\n',
  );
  assert.deepEqual(rows(dup), [
    ['duplicateName', 'spec.template.spec.initContainers[0].name', 'Duplicate value: "agent"', 'agent'],
  ]);
});

test('image is required', () => {
  assert.deepEqual(rows(edit(C, '')), [
    ['requiredField', 'spec.template.spec.containers[0].image', 'Required value', 'name'],
  ]);
  assert.deepEqual(rows(edit(C, '          image: ""\n')), [
    ['requiredField', 'spec.template.spec.containers[0].image', 'Required value', 'image'],
  ]);
});

test('ports: range, IANA names, duplicates, host port conflicts', () => {
  const text = container(
    '          ports:\n            - {name: metrics-port-too-long, containerPort: 70000}\n            - {name: http, containerPort: 80, hostPort: 8080}\n            - {name: http, containerPort: 81, hostPort: 8080}\n            - {containerPort: 53, hostPort: 8080, protocol: UDP}\n',
  );
  assert.deepEqual(rows(text), [
    [
      'invalidPortName',
      'spec.template.spec.containers[0].ports[0].name',
      'Invalid value: "metrics-port-too-long": must be no more than 15 characters',
      'metrics-port-too-long',
    ],
    [
      'invalidPort',
      'spec.template.spec.containers[0].ports[0].containerPort',
      'Invalid value: 70000: must be between 1 and 65535, inclusive',
      '70000',
    ],
    ['duplicatePortName', 'spec.template.spec.containers[0].ports[2].name', 'Duplicate value: "http"', 'http'],
    ['duplicateHostPort', 'spec.template.spec.containers[0].ports[2].hostPort', 'Duplicate value: "TCP//8080"', '8080'],
  ]);
});

test('with hostNetwork, hostPort must equal containerPort (or be left out)', () => {
  const text = container(
    '          ports:\n            - {containerPort: 9100, hostPort: 9101}\n            - {containerPort: 9200}\n',
  ).replace('      containers:', '      hostNetwork: true\n      containers:');
  assert.deepEqual(rows(text), [
    [
      'hostPortMismatch',
      'spec.template.spec.containers[0].ports[0].hostPort',
      'Invalid value: 9101: must match `containerPort` when `hostNetwork` is true',
      '9101',
    ],
  ]);
});

test('env: names, value vs valueFrom, exactly one source, supported fieldPaths', () => {
  const text = container(
    [
      '          env:',
      '            - name: "A=B"',
      '              value: x',
      '            - name: NODE',
      '              value: x',
      '              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}',
      '            - name: BOTH',
      '              valueFrom:',
      '                fieldRef: {fieldPath: status.hostIP}',
      '                secretKeyRef: {name: s, key: k}',
      '            - name: NONE',
      '              valueFrom: {}',
      '            - name: IP',
      '              valueFrom: {fieldRef: {fieldPath: status.nodeIP}}',
      '            - name: LABEL',
      '              valueFrom: {fieldRef: {fieldPath: "metadata.labels[\'app\']"}}',
      '',
    ].join('\n'),
  );
  const got = rows(text);
  assert.deepEqual(
    got.map((r) => [r[0], r[1], r[3]]),
    [
      ['invalidEnvName', 'spec.template.spec.containers[0].env[0].name', '"A=B"'],
      ['invalidValueFrom', 'spec.template.spec.containers[0].env[1].valueFrom', 'valueFrom'],
      ['invalidValueFrom', 'spec.template.spec.containers[0].env[2].valueFrom', 'valueFrom'],
      ['invalidValueFrom', 'spec.template.spec.containers[0].env[3].valueFrom', 'valueFrom'],
      ['invalidFieldPath', 'spec.template.spec.containers[0].env[4].valueFrom.fieldRef.fieldPath', 'status.nodeIP'],
    ],
  );
  assert.deepEqual(got.map((r) => r[2]).slice(0, 4), [
    `Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    'Invalid value: "": may not be specified when `value` is not empty',
    'Invalid value: "": may not have more than one field specified at a time',
    'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
  ]);
  // ConvertDownwardAPIFieldLabel does not know the label: upstream says so before any list.
  assert.equal(
    got[4]![2],
    'Invalid value: "status.nodeIP": error converting fieldPath: field label not supported: status.nodeIP',
  );
});

test('an env var that hides an earlier one is the API server warning', () => {
  const text = container(
    '          env:\n            - {name: A, value: "1"}\n            - {name: A, value: "2"}\n            - {name: B, value: "x"}\n            - {name: B, value: "$(B):y"}\n',
  );
  assert.deepEqual(rows(text), [
    [
      'duplicateEnv',
      'spec.template.spec.containers[0].env[1]',
      'hides previous definition of "A", which may be dropped when using apply',
      '{name: A, value: "2"}',
    ],
  ]);
});

test('volume mounts must name a volume and use distinct paths', () => {
  const text = container(
    '          volumeMounts:\n            - {name: cfg, mountPath: /etc/agent}\n            - {name: data, mountPath: /etc/agent}\n',
  ).replace(
    '      containers:',
    '      volumes:\n        - name: cfg\n          configMap: {name: agent}\n      containers:',
  );
  assert.deepEqual(rows(text), [
    ['volumeNotFound', 'spec.template.spec.containers[0].volumeMounts[1].name', 'Not found: "data"', 'data'],
    [
      'duplicateMountPath',
      'spec.template.spec.containers[0].volumeMounts[1].mountPath',
      'Invalid value: "/etc/agent": must be unique',
      '/etc/agent',
    ],
  ]);
});

test('requests above limits, and extended resources that must match their limits', () => {
  const text = edit(
    '              cpu: 100m\n              memory: 64Mi\n',
    '              cpu: 500m\n              memory: 64Mi\n              nvidia.com/gpu: 1\n            limits:\n              cpu: "0.25"\n              memory: 64Mi\n',
  );
  assert.deepEqual(rows(text), [
    // field.Invalid(reqPath, …): on resources.requests, the range on the request.
    [
      'requestExceedsLimit',
      'spec.template.spec.containers[0].resources.requests',
      'Invalid value: "500m": must be less than or equal to cpu limit of 0.25',
      '500m',
    ],
    [
      'limitRequired',
      'spec.template.spec.containers[0].resources.limits',
      'Required value: Limit must be set for non overcommitable resources ("nvidia.com/gpu")',
      'limits',
    ],
  ]);
  const equal = edit(
    '              cpu: 100m\n              memory: 64Mi\n',
    '              cpu: 300m\n              memory: 1Gi\n            limits:\n              cpu: "0.3"\n              memory: 1073741824\n',
  );
  assert.deepEqual(check(equal), []);
  const gpu = edit(
    '              cpu: 100m\n',
    '              cpu: 100m\n              nvidia.com/gpu: 0.5\n              storage: 1Gi\n',
  );
  // limits is absent, so its finding sits on resources, before the requests.
  assert.deepEqual(
    rows(gpu).map((r) => [r[0], r[1], r[3]]),
    [
      ['limitRequired', 'spec.template.spec.containers[0].resources.limits', 'resources'],
      ['invalidQuantity', 'spec.template.spec.containers[0].resources.requests[nvidia.com/gpu]', '0.5'],
      ['invalidResourceName', 'spec.template.spec.containers[0].resources.requests[storage]', 'storage'],
    ],
  );
});

test('integer resources: MilliValue rounds up before the whole-number test; huge pages need whole pages', () => {
  const RES = '          resources:\n            requests:\n              cpu: 100m\n              memory: 64Mi\n';
  const res = (limits: string, requests: string) =>
    edit(RES, `          resources:\n            limits: {${limits}}\n            requests: {${requests}}\n`);
  const ext = (q: string) => res(`example.com/device: "${q}"`, `cpu: 100m, example.com/device: "${q}"`);
  // ValidateResourceQuantityValue: value.MilliValue()%1000 (1.9999 → 2000m, 0.9999 → 1000m).
  for (const q of ['2', '1000m', '1.9999', '0.9999', '1.999000001']) assert.deepEqual(rows(ext(q)), [], q);
  for (const q of ['1500m', '1.0001', '0.999']) {
    assert.deepEqual(
      rows(ext(q)).map((r) => [r[0], r[1]]),
      [
        ['invalidQuantity', 'spec.template.spec.containers[0].resources.limits[example.com/device]'],
        ['invalidQuantity', 'spec.template.spec.containers[0].resources.requests[example.com/device]'],
      ],
      q,
    );
  }
  // validateResourceQuantityHugePageValue: a whole number of 2Mi pages.
  const huge = (q: string) => res(`memory: 64Mi, hugepages-2Mi: "${q}"`, `memory: 64Mi, hugepages-2Mi: "${q}"`);
  assert.deepEqual(rows(huge('4Mi')), []);
  const message = 'Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi';
  assert.deepEqual(
    rows(huge('3Mi')).map((r) => [r[0], r[1], r[2]]),
    [
      ['invalidQuantity', 'spec.template.spec.containers[0].resources.limits[hugepages-2Mi]', message],
      ['invalidQuantity', 'spec.template.spec.containers[0].resources.requests[hugepages-2Mi]', message],
    ],
  );
});

test('probes: exactly one handler, non-negative thresholds, successThreshold 1 for liveness and startup', () => {
  const text = container(
    [
      '          livenessProbe:',
      '            httpGet: {port: 8080}',
      '            tcpSocket: {port: 8080}',
      '            successThreshold: 2',
      '          readinessProbe:',
      '            periodSeconds: -1',
      '            successThreshold: 3',
      '            exec: {command: [cat, /ready]}',
      '          startupProbe:',
      '            failureThreshold: 30',
      '',
    ].join('\n'),
  );
  assert.deepEqual(rows(text), [
    [
      'probeHandler',
      'spec.template.spec.containers[0].livenessProbe.tcpSocket',
      'Forbidden: may not specify more than 1 handler type',
      'tcpSocket',
    ],
    [
      'probeSuccessThreshold',
      'spec.template.spec.containers[0].livenessProbe.successThreshold',
      'Invalid value: 2: must be 1',
      '2',
    ],
    [
      'negativeValue',
      'spec.template.spec.containers[0].readinessProbe.periodSeconds',
      'Invalid value: -1: must be greater than or equal to 0',
      '-1',
    ],
    [
      'probeHandler',
      'spec.template.spec.containers[0].startupProbe',
      'Required value: must specify a handler type',
      'startupProbe',
    ],
  ]);
});

test('init containers: no probes unless they are sidecars; container restartPolicy and restartPolicyRules', () => {
  const init = (lines: string) =>
    rows(
      edit(
        '      containers:',
        `      initContainers:\n        - name: setup\n          image: busybox:1.36\n${lines}      containers:`,
      ),
    );
  assert.deepEqual(init('          readinessProbe: {exec: {command: ["true"]}}\n'), [
    [
      'initContainerField',
      'spec.template.spec.initContainers[0].readinessProbe',
      'Forbidden: may not be set for init containers without restartPolicy=Always',
      'readinessProbe',
    ],
  ]);
  assert.deepEqual(
    init('          restartPolicy: Always\n          readinessProbe: {exec: {command: ["true"]}}\n'),
    [],
  );
  // ContainerRestartRules (beta, on by default since 1.35): validateInitContainerRestartPolicy.
  const rule =
    '          restartPolicyRules:\n            - {action: Restart, exitCodes: {operator: In, values: [42]}}\n';
  assert.deepEqual(init('          restartPolicy: OnFailure\n'), []);
  assert.deepEqual(init(`          restartPolicy: Never\n${rule}`), []);
  assert.deepEqual(init('          restartPolicy: Sometimes\n'), [
    [
      'containerRestartPolicy',
      'spec.template.spec.initContainers[0].restartPolicy',
      'Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
      'Sometimes',
    ],
  ]);
  assert.deepEqual(init(`          restartPolicy: Always\n${rule}`), [
    [
      'containerRestartPolicy',
      'spec.template.spec.initContainers[0].restartPolicyRules',
      'Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always',
      'restartPolicyRules',
    ],
  ]);
  assert.deepEqual(init(rule), [
    [
      'containerRestartPolicy',
      'spec.template.spec.initContainers[0].restartPolicy',
      'Required value: must specify restartPolicy when restart rules are used',
      'restartPolicyRules',
    ],
  ]);
  // validateContainers → validateContainerRestartPolicy: a regular container may set both.
  assert.deepEqual(rows(container('          restartPolicy: Always\n')), []);
  assert.deepEqual(rows(container(`          restartPolicy: OnFailure\n${rule}`)), []);
  assert.deepEqual(
    rows(
      container(
        '          restartPolicyRules:\n            - {action: RestartAllContainers, exitCodes: {operator: Is, values: [1]}}\n            - {action: Restart}\n',
      ),
    ),
    [
      [
        'containerRestartPolicy',
        'spec.template.spec.containers[0].restartPolicy',
        'Required value: must specify restartPolicy when restart rules are used',
        'restartPolicyRules',
      ],
      [
        'containerRestartPolicy',
        'spec.template.spec.containers[0].restartPolicyRules[0].action',
        'Unsupported value: "RestartAllContainers": supported values: "Restart"',
        'RestartAllContainers',
      ],
      [
        'containerRestartPolicy',
        'spec.template.spec.containers[0].restartPolicyRules[0].exitCodes.operator',
        'Unsupported value: "Is": supported values: "In", "NotIn"',
        'Is',
      ],
      [
        'containerRestartPolicy',
        'spec.template.spec.containers[0].restartPolicyRules[1].exitCodes',
        'Required value: must be specified',
        '{action: Restart}',
      ],
    ],
  );
});

test('security contexts: ids, privileged without escalation, seccomp Localhost', () => {
  const text = container(
    '          securityContext:\n            runAsUser: -1\n            privileged: true\n            allowPrivilegeEscalation: false\n            seccompProfile: {type: Localhost}\n',
  );
  assert.deepEqual(rows(text), [
    [
      'invalidId',
      'spec.template.spec.containers[0].securityContext.runAsUser',
      'Invalid value: -1: must be between 0 and 2147483647, inclusive',
      '-1',
    ],
    [
      'privilegeEscalation',
      'spec.template.spec.containers[0].securityContext',
      'Invalid value: {"privileged":true,"allowPrivilegeEscalation":false}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      'false',
    ],
    [
      'seccompLocalhost',
      'spec.template.spec.containers[0].securityContext.seccompProfile.localhostProfile',
      'Required value: must be set when seccomp type is Localhost',
      'seccompProfile',
    ],
  ]);
});

test('ephemeral containers are not allowed in a pod template', () => {
  const text = VALID + '      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n';
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[2]]),
    [['ephemeralContainersForbidden', 'Forbidden: ephemeral containers not allowed in pod template']],
  );
});

test('extended resources: requests must equal limits', () => {
  const text = edit(
    '              memory: 64Mi\n',
    '              memory: 64Mi\n              nvidia.com/gpu: 1\n            limits:\n              nvidia.com/gpu: 2\n',
  );
  assert.deepEqual(rows(text), [
    [
      'requestNotEqualLimit',
      'spec.template.spec.containers[0].resources.requests',
      'Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
      '1',
    ],
  ]);
});

test('envFrom: exactly one of configMapRef and secretRef', () => {
  const text = container(
    '          envFrom:\n            - configMapRef: {name: a}\n              secretRef: {name: b}\n            - prefix: X_\n',
  );
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[1], r[2]]),
    [
      // ValidateEnvFrom reports both on the list (field.Invalid(fldPath, …)), the range on the entry.
      [
        'invalidEnvFrom',
        'spec.template.spec.containers[0].envFrom',
        'Invalid value: "": may not have more than one field specified at a time',
      ],
      [
        'invalidEnvFrom',
        'spec.template.spec.containers[0].envFrom',
        'Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
      ],
    ],
  );
});
