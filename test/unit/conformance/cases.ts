// Upstream test-table entries, transcribed. Paths are upstream's `field.Path` strings with the
// test's root replaced by the DaemonSet's (validateContainers' "containers" → spec.template.spec.
// containers, ValidateEnv's "field" → the first container's env, …). Entries are in upstream order.
import { c0, C0, container, Case, Excluded, Obj, pod, POD } from './upstream';
import { TOLERATION_CASES, TOLERATION_EXCLUDED } from './casesTolerations';
import { POD_SPEC_CASES, POD_SPEC_EXCLUDED } from './casesPodSpec';
import { AFFINITY_PROBE_CASES, AFFINITY_PROBE_EXCLUDED } from './casesAffinityProbes';
import { PORTS_RESOURCES_CASES, PORTS_RESOURCES_EXCLUDED } from './casesPortsResources';
import { SECURITY_CASES, SECURITY_EXCLUDED } from './casesSecurity';
import { OBJECT_META_CASES, OBJECT_META_EXCLUDED } from './casesObjectMeta';
import { CONTAINER_FIELDS_CASES, CONTAINER_FIELDS_EXCLUDED } from './casesContainerFields';
import { POD_FIELDS_CASES, POD_FIELDS_EXCLUDED } from './casesPodFields';
import { RESTART_RULES_CASES, RESTART_RULES_EXCLUDED } from './casesRestartRules';

const T = 'spec.template';

// ---------------------------------------------------------------------------------------------
// pkg/apis/apps/validation/validation_test.go: TestValidateDaemonSet, TestValidateDaemonSetUpdate
// ---------------------------------------------------------------------------------------------
const daemonSet: Case[] = [
  {
    test: 'TestValidateDaemonSet',
    name: 'success: OnDelete',
    ds: (d) => (d.spec.updateStrategy = { type: 'OnDelete' }),
    want: [],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'success: abc-123',
    ds: (d) => {
      d.metadata.name = 'abc-123';
      d.spec.updateStrategy = { type: 'OnDelete' };
    },
    want: [],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'success: hostnet',
    ds: (d) => {
      d.metadata.name = 'hostnet';
      d.spec.updateStrategy = { type: 'OnDelete' };
      pod(d).hostNetwork = true;
      pod(d).containers = [container('abc', { ports: [{ containerPort: 12345, protocol: 'TCP' }] })];
    },
    want: [],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'zero-length ID',
    ds: (d) => (d.metadata.name = ''),
    want: [['Required', 'metadata.name']],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'nil selector',
    ds: (d) => delete d.spec.selector,
    // A nil selector matches nothing (LabelSelectorAsSelector(nil) is labels.Nothing()).
    want: [['Invalid', `${T}.metadata.labels`]],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'empty selector',
    ds: (d) => (d.spec.selector = {}),
    want: [['Invalid', 'spec.selector']],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'selector_doesnt_match',
    ds: (d) => (d.spec.selector = { matchLabels: { foo: 'bar' } }),
    want: [['Invalid', `${T}.metadata.labels`]],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid template',
    ds: (d) => delete d.spec.template,
    want: [
      ['Invalid', `${T}.metadata.labels`],
      ['Required', `${POD}.containers`],
    ],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid_label',
    ds: (d) => (d.metadata.labels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }),
    want: [['Invalid', 'metadata.labels']],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid_annotation',
    ds: (d) => (d.metadata.annotations = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }),
    want: [['Invalid', 'metadata.annotations']],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid restart policy 1',
    ds: (d) => {
      delete d.spec.template.metadata;
      pod(d).restartPolicy = 'OnFailure';
    },
    want: [
      ['Invalid', `${T}.metadata.labels`],
      ['NotSupported', `${POD}.restartPolicy`],
    ],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid restart policy 2',
    ds: (d) => {
      delete d.spec.template.metadata;
      pod(d).restartPolicy = 'Never';
    },
    want: [
      ['Invalid', `${T}.metadata.labels`],
      ['NotSupported', `${POD}.restartPolicy`],
    ],
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'template may not contain ephemeral containers',
    ds: (d) => {
      d.spec.updateStrategy = { type: 'OnDelete' };
      pod(d).ephemeralContainers = [container('debug')];
    },
    want: [['Forbidden', `${POD}.ephemeralContainers`]],
  },
  // TestValidateDaemonSetUpdate: the entries whose error is a property of the new object alone.
  {
    test: 'TestValidateDaemonSetUpdate',
    name: 'success: change update strategy',
    ds: (d) => (d.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }),
    want: [],
  },
  {
    test: 'TestValidateDaemonSetUpdate',
    name: 'invalid selector',
    ds: (d) => {
      d.spec.updateStrategy = { type: 'OnDelete' };
      d.spec.selector = { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } };
    },
    want: [['Invalid', 'spec.selector.matchLabels']],
  },
  {
    test: 'TestValidateDaemonSetUpdate',
    name: 'invalid pod',
    ds: (d) => {
      d.spec.updateStrategy = { type: 'OnDelete' };
      pod(d).containers = [];
    },
    want: [['Required', `${POD}.containers`]],
  },
  {
    test: 'TestValidateDaemonSetUpdate',
    name: 'invalid update strategy',
    ds: (d) => (d.spec.updateStrategy = { type: 'Random' }),
    want: [['NotSupported', 'spec.updateStrategy']],
  },
];

// ---------------------------------------------------------------------------------------------
// pkg/apis/core/validation/validation_test.go: TestValidateContainers
// ---------------------------------------------------------------------------------------------
const withContainers =
  (...list: Obj[]) =>
  (d: Obj) =>
    (pod(d).containers = list);
const probe = (port: unknown, extra: Obj = {}): Obj => ({ tcpSocket: port === null ? {} : { port }, ...extra });
const negatives = {
  initialDelaySeconds: -1,
  timeoutSeconds: -1,
  periodSeconds: -1,
  successThreshold: -1,
  failureThreshold: -1,
  terminationGracePeriodSeconds: -1,
};

const containers: Case[] = [
  {
    test: 'TestValidateContainers',
    name: 'successCase',
    ds: withContainers(
      container('abc'),
      // backwards compatibility: containers in a pod template spec are not checked for whitespace
      container('def', { image: ' ' }),
      container('ghi', { image: ' some  ' }),
      container('123'),
      container('abc-123'),
      container('life-123', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }),
      container('resources-test', { resources: { limits: { cpu: '10', memory: '10G', 'my.org/resource': '10' } } }),
      container('resources-test-with-request-and-limit', {
        resources: { requests: { cpu: '10', memory: '10G' }, limits: { cpu: '10', memory: '10G' } },
      }),
      container('resources-request-limit-simple', { resources: { requests: { cpu: '8' }, limits: { cpu: '10' } } }),
      container('resources-request-limit-edge', {
        resources: {
          requests: { cpu: '10', memory: '10G', 'my.org/resource': '10' },
          limits: { cpu: '10', memory: '10G', 'my.org/resource': '10' },
        },
      }),
      container('resources-request-limit-partials', {
        resources: { requests: { cpu: '9.5', memory: '10G' }, limits: { cpu: '10', 'my.org/resource': '10' } },
      }),
      container('resources-request', { resources: { requests: { cpu: '9.5', memory: '10G' } } }),
      container('resources-resize-policy', {
        resizePolicy: [
          { resourceName: 'cpu', restartPolicy: 'NotRequired' },
          { resourceName: 'memory', restartPolicy: 'RestartContainer' },
        ],
      }),
      container('same-host-port-different-protocol', {
        ports: [
          { containerPort: 80, hostPort: 80, protocol: 'TCP' },
          { containerPort: 80, hostPort: 80, protocol: 'UDP' },
        ],
      }),
      container('fallback-to-logs-termination-message', { terminationMessagePolicy: 'FallbackToLogsOnError' }),
      container('file-termination-message'),
      container('env-from-source', { envFrom: [{ configMapRef: { name: 'test' } }] }),
      container('abc-1234', { securityContext: { privileged: true } }),
      container('live-123', { livenessProbe: probe(80, { successThreshold: 1 }) }),
      container('startup-123', { startupProbe: probe(80, { successThreshold: 1 }) }),
      container('resize-policy-cpu', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
      container('resize-policy-mem', { resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }] }),
      container('resize-policy-cpu-and-mem', {
        resizePolicy: [
          { resourceName: 'memory', restartPolicy: 'NotRequired' },
          { resourceName: 'cpu', restartPolicy: 'RestartContainer' },
        ],
      }),
    ),
    want: [],
  },
  {
    test: 'TestValidateContainers',
    name: 'zero-length name',
    ds: withContainers(container('')),
    want: [['Required', `${C0}.name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'zero-length-image',
    ds: withContainers(container('abc', { image: '' })),
    want: [['Required', `${C0}.image`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'name > 63 characters',
    ds: withContainers(container('a'.repeat(64))),
    want: [['Invalid', `${C0}.name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'name not a DNS label',
    ds: withContainers(container('a.b.c')),
    want: [['Invalid', `${C0}.name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'name not unique',
    ds: withContainers(container('abc'), container('abc')),
    want: [['Duplicate', `${POD}.containers[1].name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'zero-length image',
    ds: withContainers(container('abc', { image: '' })),
    want: [['Required', `${C0}.image`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'host port not unique',
    ds: withContainers(
      container('abc', { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }),
      container('def', { ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] }),
    ),
    want: [['Duplicate', `${POD}.containers[1].ports[0].hostPort`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'unknown volume name',
    ds: withContainers(container('abc', { volumeMounts: [{ name: 'anything', mountPath: '/foo' }] })),
    want: [['NotFound', `${C0}.volumeMounts[0].name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid lifecycle, no exec command.',
    ds: withContainers(container('life-123', { lifecycle: { preStop: { exec: {} } } })),
    want: [['Required', `${C0}.lifecycle.preStop.exec.command`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid lifecycle, no http port.',
    ds: withContainers(container('life-123', { lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } })),
    want: [['Invalid', `${C0}.lifecycle.preStop.httpGet.port`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid lifecycle, no tcp socket port.',
    ds: withContainers(container('life-123', { lifecycle: { preStop: { tcpSocket: {} } } })),
    want: [['Invalid', `${C0}.lifecycle.preStop.tcpSocket.port`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid lifecycle, zero tcp socket port.',
    ds: withContainers(container('life-123', { lifecycle: { preStop: { tcpSocket: { port: 0 } } } })),
    want: [['Invalid', `${C0}.lifecycle.preStop.tcpSocket.port`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid lifecycle, no action.',
    ds: withContainers(container('life-123', { lifecycle: { preStop: {} } })),
    want: [['Required', `${C0}.lifecycle.preStop`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    ds: withContainers(container('life-123', { readinessProbe: probe(80, { terminationGracePeriodSeconds: 10 }) })),
    want: [['Invalid', `${C0}.readinessProbe.terminationGracePeriodSeconds`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid liveness probe, no tcp socket port.',
    ds: withContainers(container('live-123', { livenessProbe: probe(null, { successThreshold: 1 }) })),
    want: [['Invalid', `${C0}.livenessProbe.tcpSocket.port`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid liveness probe, no action.',
    ds: withContainers(container('live-123', { livenessProbe: { successThreshold: 1 } })),
    want: [['Required', `${C0}.livenessProbe`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid liveness probe, successThreshold != 1',
    ds: withContainers(container('live-123', { livenessProbe: probe(80, { successThreshold: 2 }) })),
    want: [['Invalid', `${C0}.livenessProbe.successThreshold`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid startup probe, successThreshold != 1',
    ds: withContainers(container('startup-123', { startupProbe: probe(80, { successThreshold: 2 }) })),
    want: [['Invalid', `${C0}.startupProbe.successThreshold`]],
  },
  ...(['livenessProbe', 'readinessProbe', 'startupProbe'] as const).map((kind): Case => ({
    test: 'TestValidateContainers',
    name: `invalid ${kind.replace('Probe', '')} probe, negative numbers`,
    ds: withContainers(container('live-123', { [kind]: probe(80, negatives) })),
    want: [
      ['Invalid', `${C0}.${kind}.initialDelaySeconds`],
      ['Invalid', `${C0}.${kind}.timeoutSeconds`],
      ['Invalid', `${C0}.${kind}.periodSeconds`],
      ['Invalid', `${C0}.${kind}.successThreshold`],
      ['Invalid', `${C0}.${kind}.failureThreshold`],
      ['Invalid', `${C0}.${kind}.terminationGracePeriodSeconds`],
      // liveness/startup: "must be 1"; readiness: "must not be set for readinessProbes"
      kind === 'readinessProbe'
        ? ['Invalid', `${C0}.${kind}.terminationGracePeriodSeconds`]
        : ['Invalid', `${C0}.${kind}.successThreshold`],
    ],
  })),
  {
    test: 'TestValidateContainers',
    name: 'invalid message termination policy',
    ds: withContainers(container('life-123', { terminationMessagePolicy: 'Unknown' })),
    want: [['NotSupported', `${C0}.terminationMessagePolicy`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid compute resource',
    ds: withContainers(container('abc-123', { resources: { limits: { disk: '10G' } } })),
    want: [
      ['Invalid', `${C0}.resources.limits[disk]`],
      ['Invalid', `${C0}.resources.limits[disk]`],
    ],
  },
  {
    test: 'TestValidateContainers',
    name: 'Resource CPU invalid',
    ds: withContainers(container('abc-123', { resources: { limits: { cpu: '-10', memory: '0' } } })),
    want: [['Invalid', `${C0}.resources.limits[cpu]`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Resource Requests CPU invalid',
    ds: withContainers(container('abc-123', { resources: { requests: { cpu: '-10', memory: '0' } } })),
    want: [['Invalid', `${C0}.resources.requests[cpu]`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Resource Memory invalid',
    ds: withContainers(container('abc-123', { resources: { limits: { cpu: '0', memory: '-10' } } })),
    want: [['Invalid', `${C0}.resources.limits[memory]`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Request limit simple invalid',
    ds: withContainers(
      container('abc-123', { resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }),
    ),
    want: [['Invalid', `${C0}.resources.requests`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Invalid storage limit request',
    ds: withContainers(container('abc-123', { resources: { limits: { 'attachable-volumes-aws-ebs': '10' } } })),
    want: [
      ['Invalid', `${C0}.resources.limits[attachable-volumes-aws-ebs]`],
      ['Invalid', `${C0}.resources.limits[attachable-volumes-aws-ebs]`],
    ],
  },
  {
    test: 'TestValidateContainers',
    name: 'CPU request limit multiple invalid',
    ds: withContainers(
      container('abc-123', { resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }),
    ),
    want: [['Invalid', `${C0}.resources.requests`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Memory request limit multiple invalid',
    ds: withContainers(
      container('abc-123', { resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '5', memory: '4' } } }),
    ),
    want: [['Invalid', `${C0}.resources.requests`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Invalid env from',
    ds: withContainers(container('env-from-source', { envFrom: [{ configMapRef: { name: '$%^&*#' } }] })),
    want: [['Invalid', `${C0}.envFrom[0].configMapRef.name`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Unsupported resize policy for memory',
    ds: withContainers(
      container('resize-policy-mem-invalid', {
        resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainerrrr' }],
      }),
    ),
    want: [['NotSupported', `${C0}.resizePolicy`]],
  },
  {
    test: 'TestValidateContainers',
    name: 'Unsupported resize policy for CPU',
    ds: withContainers(
      container('resize-policy-cpu-invalid', {
        resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequired' }],
      }),
    ),
    want: [['NotSupported', `${C0}.resizePolicy`]],
  },
  // "Forbidden RestartPolicy: …" (Always, OnFailure, Never, invalid, empty) are in
  // casesRestartRules.ts's RESTART_RULES_EXCLUDED: they run with the ContainerRestartRules gate off.
];

// ---------------------------------------------------------------------------------------------
// TestValidateInitContainers (a regular container "app" is present)
// ---------------------------------------------------------------------------------------------
const I0 = `${POD}.initContainers[0]`;
const withInit =
  (...list: Obj[]) =>
  (d: Obj) => {
    pod(d).containers = [container('app', { image: 'nginx' })];
    pod(d).initContainers = list;
  };
const always = { restartPolicy: 'Always' };

const initContainers: Case[] = [
  {
    test: 'TestValidateInitContainers',
    name: 'successCase',
    ds: withInit(
      container('container-1-same-host-port-different-protocol', {
        ports: [
          { containerPort: 80, hostPort: 80, protocol: 'TCP' },
          { containerPort: 80, hostPort: 80, protocol: 'UDP' },
        ],
      }),
      container('container-2-same-host-port-different-protocol', {
        ports: [
          { containerPort: 80, hostPort: 80, protocol: 'TCP' },
          { containerPort: 80, hostPort: 80, protocol: 'UDP' },
        ],
      }),
      container('container-3-restart-always-with-lifecycle-hook-and-probes', {
        ...always,
        lifecycle: {
          postStart: { exec: { command: ['echo', 'post start'] } },
          preStop: { exec: { command: ['echo', 'pre stop'] } },
        },
        livenessProbe: probe(80, { successThreshold: 1 }),
        readinessProbe: probe(80),
        startupProbe: probe(80, { successThreshold: 1 }),
      }),
    ),
    want: [],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'empty name',
    ds: withInit(container('')),
    want: [['Required', `${I0}.name`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'name collision with regular container',
    ds: withInit(container('app')),
    want: [['Duplicate', `${I0}.name`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid termination message policy',
    ds: withInit(container('init', { terminationMessagePolicy: 'Unknown' })),
    want: [['NotSupported', `${I0}.terminationMessagePolicy`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'duplicate names',
    ds: withInit(container('init'), container('init')),
    want: [['Duplicate', `${POD}.initContainers[1].name`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'duplicate ports',
    ds: withInit(
      container('abc', {
        ports: [
          { containerPort: 8080, hostPort: 8080, protocol: 'TCP' },
          { containerPort: 8080, hostPort: 8080, protocol: 'TCP' },
        ],
      }),
    ),
    want: [['Duplicate', `${I0}.ports[1].hostPort`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'uses disallowed field: Lifecycle',
    ds: withInit(container('debug', { lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } })),
    want: [['Forbidden', `${I0}.lifecycle`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'uses disallowed field: LivenessProbe',
    ds: withInit(container('debug', { livenessProbe: probe(80, { successThreshold: 1 }) })),
    want: [['Forbidden', `${I0}.livenessProbe`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'uses disallowed field: ReadinessProbe',
    ds: withInit(container('debug', { readinessProbe: probe(80) })),
    want: [['Forbidden', `${I0}.readinessProbe`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'Container uses disallowed field: StartupProbe',
    ds: withInit(container('debug', { startupProbe: probe(80, { successThreshold: 1 }) })),
    want: [['Forbidden', `${I0}.startupProbe`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'Disallowed field with other errors should only return a single Forbidden',
    ds: withInit(container('debug', { startupProbe: probe(80, negatives) })),
    want: [['Forbidden', `${I0}.startupProbe`]],
  },
  // OnFailure and Never: see RESTART_RULES_EXCLUDED (accepted with the ContainerRestartRules gate on).
  ...['invalid', ''].map((policy): Case => ({
    test: 'TestValidateInitContainers',
    name: `Not supported RestartPolicy: ${policy || 'empty'}`,
    ds: withInit(container('init', { restartPolicy: policy })),
    want: [['NotSupported', `${I0}.restartPolicy`]],
  })),
  {
    test: 'TestValidateInitContainers',
    name: 'invalid startup probe in restartable container, successThreshold != 1',
    ds: withInit(container('restartable-init', { ...always, startupProbe: probe(80, { successThreshold: 2 }) })),
    want: [['Invalid', `${I0}.startupProbe.successThreshold`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
    ds: withInit(
      container('life-123', { ...always, readinessProbe: probe(80, { terminationGracePeriodSeconds: 10 }) }),
    ),
    want: [['Invalid', `${I0}.readinessProbe.terminationGracePeriodSeconds`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid liveness probe, successThreshold != 1',
    ds: withInit(container('live-123', { ...always, livenessProbe: probe(80, { successThreshold: 2 }) })),
    want: [['Invalid', `${I0}.livenessProbe.successThreshold`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid lifecycle, no exec command.',
    ds: withInit(container('life-123', { ...always, lifecycle: { preStop: { exec: {} } } })),
    want: [['Required', `${I0}.lifecycle.preStop.exec.command`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid lifecycle, no http port.',
    ds: withInit(
      container('life-123', { ...always, lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } }),
    ),
    want: [['Invalid', `${I0}.lifecycle.preStop.httpGet.port`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid lifecycle, no tcp socket port.',
    ds: withInit(container('life-123', { ...always, lifecycle: { preStop: { tcpSocket: {} } } })),
    want: [['Invalid', `${I0}.lifecycle.preStop.tcpSocket.port`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid lifecycle, zero tcp socket port.',
    ds: withInit(container('life-123', { ...always, lifecycle: { preStop: { tcpSocket: { port: 0 } } } })),
    want: [['Invalid', `${I0}.lifecycle.preStop.tcpSocket.port`]],
  },
  {
    test: 'TestValidateInitContainers',
    name: 'invalid lifecycle, no action.',
    ds: withInit(container('life-123', { ...always, lifecycle: { preStop: {} } })),
    want: [['Required', `${I0}.lifecycle.preStop`]],
  },
  {
    // Upstream runs its success table with PodValidationOptions.AllowSidecarResizePolicy, the
    // option GetValidationOptionsFromPodSpecAndMeta sets from InPlacePodVerticalScaling (GA, locked on).
    test: 'TestValidateInitContainers',
    name: 'successCase: container-4-allowed-resize-policy',
    ds: withInit(
      container('container-4-allowed-resize-policy', {
        resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
      }),
    ),
    want: [],
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidateEnv / TestValidateEnvFrom (root "field" = the first container's env / envFrom)
// ---------------------------------------------------------------------------------------------
const E0 = `${C0}.env[0]`;
const env =
  (...list: Obj[]) =>
  (d: Obj) =>
    (c0(d).env = list);
const fieldRef = (fieldPath: string) => ({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
const secretRef = { name: 'a-secret', key: 'a-key' };
const configMapRef = { name: 'some-config-map', key: 'some-key' };

const envCases: Case[] = [
  {
    test: 'TestValidateEnv',
    name: 'successCase',
    ds: env(
      { name: 'abc', value: 'value' },
      { name: 'ABC', value: 'value' },
      { name: 'AbC_123', value: 'value' },
      { name: 'abc', value: '' },
      { name: 'a.b.c', value: 'value' },
      { name: 'a-b-c', value: 'value' },
      ...[
        "metadata.annotations['key']",
        "metadata.labels['key']",
        'metadata.name',
        'metadata.namespace',
        'metadata.uid',
        'spec.nodeName',
        'spec.serviceAccountName',
        'status.hostIP',
        'status.podIP',
        'status.podIPs',
      ].map(fieldRef),
      { name: 'secret_value', valueFrom: { secretKeyRef: { name: 'some-secret', key: 'secret-key' } } },
      { name: 'ENV_VAR_1', valueFrom: { configMapKeyRef: configMapRef } },
    ),
    want: [],
  },
  { test: 'TestValidateEnv', name: 'zero-length name', ds: env({ name: '' }), want: [['Required', `${E0}.name`]] },
  {
    test: 'TestValidateEnv',
    name: 'value and valueFrom specified',
    ds: env({ name: 'abc', value: 'foo', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }),
    want: [['Invalid', `${E0}.valueFrom`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom without a source',
    ds: env({ name: 'abc', valueFrom: {} }),
    want: [['Invalid', `${E0}.valueFrom`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom.fieldRef and valueFrom.secretKeyRef specified',
    ds: env({
      name: 'abc',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, secretKeyRef: secretRef },
    }),
    want: [['Invalid', `${E0}.valueFrom`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom.fieldRef and valueFrom.configMapKeyRef set',
    ds: env({
      name: 'some_var_name',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, configMapKeyRef: configMapRef },
    }),
    want: [['Invalid', `${E0}.valueFrom`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom.fieldRef, valueFrom.secretKeyRef and valueFrom.configMapKeyRef specified',
    ds: env({
      name: 'abc',
      valueFrom: {
        fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
        secretKeyRef: secretRef,
        configMapKeyRef: configMapRef,
      },
    }),
    want: [['Invalid', `${E0}.valueFrom`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom.secretKeyRef.name invalid',
    ds: env({ name: 'abc', valueFrom: { secretKeyRef: { name: '$%^&*#', key: 'a-key' } } }),
    want: [['Invalid', `${E0}.valueFrom.secretKeyRef.name`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'valueFrom.configMapKeyRef.name invalid',
    ds: env({ name: 'abc', valueFrom: { configMapKeyRef: { name: '$%^&*#', key: 'some-key' } } }),
    want: [['Invalid', `${E0}.valueFrom.configMapKeyRef.name`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'missing FieldPath on ObjectFieldSelector',
    ds: env({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }),
    want: [['Required', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'invalid fieldPath',
    ds: env(fieldRef('metadata.whoops')),
    want: [['Invalid', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'metadata.name with subscript',
    ds: env(fieldRef("metadata.name['key']")),
    want: [['Invalid', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'metadata.labels without subscript',
    ds: env(fieldRef('metadata.labels')),
    want: [['NotSupported', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'metadata.annotations without subscript',
    ds: env(fieldRef('metadata.annotations')),
    want: [['NotSupported', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'metadata.annotations with invalid key',
    ds: env(fieldRef("metadata.annotations['invalid~key']")),
    want: [['Invalid', `${E0}.valueFrom.fieldRef`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'metadata.labels with invalid key',
    ds: env(fieldRef("metadata.labels['Www.k8s.io/test']")),
    want: [['Invalid', `${E0}.valueFrom.fieldRef`]],
  },
  {
    test: 'TestValidateEnv',
    name: 'unsupported fieldPath',
    ds: env(fieldRef('status.phase')),
    want: [['NotSupported', `${E0}.valueFrom.fieldRef.fieldPath`]],
  },
];

const envFrom =
  (...list: Obj[]) =>
  (d: Obj) =>
    (c0(d).envFrom = list);
const EF = `${C0}.envFrom`;
const envFromCases: Case[] = [
  {
    test: 'TestValidateEnvFrom',
    name: 'successCase',
    ds: envFrom(
      { configMapRef: { name: 'abc' } },
      { prefix: 'pre_', configMapRef: { name: 'abc' } },
      { prefix: 'a.b', configMapRef: { name: 'abc' } },
      { secretRef: { name: 'abc' } },
      { prefix: 'pre_', secretRef: { name: 'abc' } },
      { prefix: 'a.b', secretRef: { name: 'abc' } },
    ),
    want: [],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'zero-length name (configMapRef)',
    ds: envFrom({ configMapRef: { name: '' } }),
    want: [['Required', `${EF}[0].configMapRef.name`]],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'invalid name (configMapRef)',
    ds: envFrom({ configMapRef: { name: '$' } }),
    want: [['Invalid', `${EF}[0].configMapRef.name`]],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'zero-length name (secretRef)',
    ds: envFrom({ secretRef: { name: '' } }),
    want: [['Required', `${EF}[0].secretRef.name`]],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'invalid name (secretRef)',
    ds: envFrom({ secretRef: { name: '&' } }),
    want: [['Invalid', `${EF}[0].secretRef.name`]],
  },
  // "field: Invalid value": upstream reports these two at the list, not at the entry.
  { test: 'TestValidateEnvFrom', name: 'no refs', ds: envFrom({}), want: [['Invalid', EF]] },
  {
    test: 'TestValidateEnvFrom',
    name: 'multiple refs',
    ds: envFrom({ secretRef: { name: 'abc' }, configMapRef: { name: 'abc' } }),
    want: [['Invalid', EF]],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'invalid secret ref name',
    ds: envFrom({ secretRef: { name: '$%^&*#' } }),
    want: [['Invalid', `${EF}[0].secretRef.name`]],
  },
  {
    test: 'TestValidateEnvFrom',
    name: 'invalid config ref name',
    ds: envFrom({ configMapRef: { name: '$%^&*#' } }),
    want: [['Invalid', `${EF}[0].configMapRef.name`]],
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidateVolumeMounts, TestValidateSubpathMutuallyExclusive, TestValidateMountPropagation
// ---------------------------------------------------------------------------------------------
const VM = `${C0}.volumeMounts`;
const mountVolumes = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: '123', hostPath: { path: '/foo/baz', type: '' } },
  {
    name: 'ephemeral',
    ephemeral: {
      volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } },
    },
  },
];
const mounts = (list: Obj[], securityContext?: Obj) => (d: Obj) => {
  pod(d).volumes = mountVolumes;
  c0(d).volumeMounts = list;
  if (securityContext) c0(d).securityContext = securityContext;
};

const volumeMounts: Case[] = [
  {
    test: 'TestValidateVolumeMounts',
    name: 'successCase',
    ds: mounts([
      { name: 'abc', mountPath: '/foo' },
      { name: '123', mountPath: '/bar' },
      { name: 'abc-123', mountPath: '/baz' },
      { name: 'abc-123', mountPath: '/baa', subPath: '' },
      { name: 'abc-123', mountPath: '/bab', subPath: 'baz' },
      { name: 'abc-123', mountPath: 'd:', subPath: '' },
      { name: 'abc-123', mountPath: 'F:', subPath: '' },
      { name: 'abc-123', mountPath: 'G:\\mount', subPath: '' },
      { name: 'abc-123', mountPath: '/bac', subPath: '.baz' },
      { name: 'abc-123', mountPath: '/bad', subPath: '..baz' },
      { name: 'ephemeral', mountPath: '/foobar' },
      { name: '123', mountPath: '/rro-nil', readOnly: true },
      { name: '123', mountPath: '/rro-disabled', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-disabled-2', readOnly: false, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-ifpossible', readOnly: true, recursiveReadOnly: 'IfPossible' },
      { name: '123', mountPath: '/rro-enabled', readOnly: true, recursiveReadOnly: 'Enabled' },
      {
        name: '123',
        mountPath: '/rro-enabled-2',
        readOnly: true,
        recursiveReadOnly: 'Enabled',
        mountPropagation: 'None',
      },
    ]),
    want: [],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'empty name',
    ds: mounts([{ name: '', mountPath: '/foo' }]),
    want: [
      ['Required', `${VM}[0].name`],
      ['NotFound', `${VM}[0].name`],
    ],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'name not found',
    ds: mounts([{ name: '', mountPath: '/foo' }]),
    want: [
      ['Required', `${VM}[0].name`],
      ['NotFound', `${VM}[0].name`],
    ],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'empty mountpath',
    ds: mounts([{ name: 'abc', mountPath: '' }]),
    want: [['Required', `${VM}[0].mountPath`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'mountpath collision',
    ds: mounts([
      { name: 'foo', mountPath: '/path/a' },
      { name: 'bar', mountPath: '/path/a' },
    ]),
    want: [
      ['NotFound', `${VM}[0].name`],
      ['NotFound', `${VM}[1].name`],
      ['Invalid', `${VM}[1].mountPath`],
    ],
  },
  // ValidateVolumeMounts checks subPath at fldPath.Child("subPath"): the list's path, no index.
  {
    test: 'TestValidateVolumeMounts',
    name: 'absolute subpath',
    ds: mounts([{ name: 'abc', mountPath: '/bar', subPath: '/baz' }]),
    want: [['Invalid', `${VM}.subPath`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'subpath in ..',
    ds: mounts([{ name: 'abc', mountPath: '/bar', subPath: '../baz' }]),
    want: [['Invalid', `${VM}.subPath`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'subpath contains ..',
    ds: mounts([{ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }]),
    want: [['Invalid', `${VM}.subPath`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'subpath ends in ..',
    ds: mounts([{ name: 'abc', mountPath: '/bar', subPath: './..' }]),
    want: [['Invalid', `${VM}.subPath`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'disabled MountPropagation feature gate',
    ds: mounts([{ name: 'abc', mountPath: '/bar', mountPropagation: 'Bidirectional' }]),
    want: [['Forbidden', `${VM}.mountPropagation`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'rro but not ro',
    ds: mounts([{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'Enabled' }]),
    want: [['Forbidden', `${VM}.recursiveReadOnly`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'rro with incompatible propagation',
    ds: mounts([
      {
        name: '123',
        mountPath: '/rro-bad2',
        readOnly: true,
        recursiveReadOnly: 'Enabled',
        mountPropagation: 'HostToContainer',
      },
    ]),
    want: [['Forbidden', `${VM}.recursiveReadOnly`]],
  },
  {
    test: 'TestValidateVolumeMounts',
    name: 'rro-if-possible but not ro',
    ds: mounts([{ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'IfPossible' }]),
    want: [['Forbidden', `${VM}.recursiveReadOnly`]],
  },
  {
    test: 'TestValidateSubpathMutuallyExclusive',
    name: 'subpath and subpathexpr not specified',
    ds: mounts([{ name: 'abc-123', mountPath: '/bab' }]),
    want: [],
  },
  {
    test: 'TestValidateSubpathMutuallyExclusive',
    name: 'subpath expr specified',
    ds: mounts([{ name: 'abc-123', mountPath: '/bab', subPathExpr: '$(POD_NAME)' }]),
    want: [],
  },
  {
    test: 'TestValidateSubpathMutuallyExclusive',
    name: 'subpath specified',
    ds: mounts([{ name: 'abc-123', mountPath: '/bab', subPath: 'baz' }]),
    want: [],
  },
  {
    test: 'TestValidateSubpathMutuallyExclusive',
    name: 'subpath and subpathexpr specified',
    ds: mounts([{ name: 'abc-123', mountPath: '/bab', subPath: 'baz', subPathExpr: '$(POD_NAME)' }]),
    want: [['Invalid', `${VM}[0].subPathExpr`]],
  },
  ...(
    [
      ['implicitly non-privileged container + no propagation', undefined, undefined, []],
      ['implicitly non-privileged container + HostToContainer', undefined, 'HostToContainer', []],
      ['non-privileged container + None', undefined, 'None', []],
      [
        'error: implicitly non-privileged container + Bidirectional',
        undefined,
        'Bidirectional',
        [['Forbidden', `${VM}.mountPropagation`]],
      ],
      ['explicitly non-privileged container + no propagation', false, undefined, []],
      ['explicitly non-privileged container + HostToContainer', false, 'HostToContainer', []],
      [
        'explicitly non-privileged container + Bidirectional',
        false,
        'Bidirectional',
        [['Forbidden', `${VM}.mountPropagation`]],
      ],
      ['privileged container + no propagation', true, undefined, []],
      ['privileged container + HostToContainer', true, 'HostToContainer', []],
      ['privileged container + Bidirectional', true, 'Bidirectional', []],
      [
        'error: privileged container + invalid mount propagation',
        true,
        'invalid',
        [['NotSupported', `${VM}.mountPropagation`]],
      ],
    ] as Array<[string, boolean | undefined, string | undefined, Case['want']]>
  ).map(([name, privileged, propagation, want]): Case => ({
    test: 'TestValidateMountPropagation',
    name,
    ds: (d) => {
      pod(d).volumes = [{ name: 'foo', hostPath: { path: '/foo/baz', type: '' } }];
      const m: Obj = { name: 'foo', mountPath: '/foo' };
      if (propagation) m['mountPropagation'] = propagation;
      c0(d).volumeMounts = [m];
      if (privileged !== undefined) c0(d).securityContext = { privileged };
    },
    want,
  })),
];

// ---------------------------------------------------------------------------------------------
// Test_validateProbe (root "test" = a probe of the first container)
// ---------------------------------------------------------------------------------------------
const exec = { exec: { command: ['echo'] } };
const probeCases: Case[] = [
  {
    test: 'Test_validateProbe',
    name: 'empty probe',
    ds: (d) => (c0(d).readinessProbe = {}),
    want: [['Required', `${C0}.readinessProbe`]],
  },
  { test: 'Test_validateProbe', name: 'exec handler', ds: (d) => (c0(d).readinessProbe = { ...exec }), want: [] },
  ...['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'].map(
    (f): Case => ({
      test: 'Test_validateProbe',
      name: `${f} -1`,
      ds: (d) => (c0(d).readinessProbe = { ...exec, [f]: -1 }),
      want: [['Invalid', `${C0}.readinessProbe.${f}`]],
    }),
  ),
  {
    test: 'Test_validateProbe',
    name: 'terminationGracePeriodSeconds -1',
    ds: (d) => (c0(d).livenessProbe = { ...exec, terminationGracePeriodSeconds: -1 }),
    want: [['Invalid', `${C0}.livenessProbe.terminationGracePeriodSeconds`]],
  },
  {
    test: 'Test_validateProbe',
    name: 'terminationGracePeriodSeconds 0',
    ds: (d) => (c0(d).livenessProbe = { ...exec, terminationGracePeriodSeconds: 0 }),
    want: [['Invalid', `${C0}.livenessProbe.terminationGracePeriodSeconds`]],
  },
  {
    test: 'Test_validateProbe',
    name: 'terminationGracePeriodSeconds 1',
    ds: (d) => (c0(d).livenessProbe = { ...exec, terminationGracePeriodSeconds: 1 }),
    want: [],
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidateKeyToPath (a configMap volume's items), TestValidatePodDNSConfig
// ---------------------------------------------------------------------------------------------
const KP = `${POD}.volumes[0].configMap.items[0]`;
const keyToPath = (item: Obj) => (d: Obj) =>
  (pod(d).volumes = [{ name: 'cfg', configMap: { name: 'cfg', items: [item] } }]);
const keyToPathCases: Case[] = (
  [
    [{ key: 'k', path: 'p' }, []],
    [{ key: 'k', path: 'p/p/p/p' }, []],
    [{ key: 'k', path: 'p/..p/p../p..p' }, []],
    [{ key: 'k', path: 'p', mode: 0o644 }, []],
    [{ key: '', path: 'p' }, [['Required', `${KP}.key`]]],
    [{ key: 'k', path: '' }, [['Required', `${KP}.path`]]],
    [{ key: 'k', path: '..p' }, [['Invalid', `${KP}.path`]]],
    [{ key: 'k', path: '../p' }, [['Invalid', `${KP}.path`]]],
    [{ key: 'k', path: 'p/../p' }, [['Invalid', `${KP}.path`]]],
    [{ key: 'k', path: 'p/..' }, [['Invalid', `${KP}.path`]]],
    [{ key: 'k', path: 'p', mode: 0o1000 }, [['Invalid', `${KP}.mode`]]],
    [{ key: 'k', path: 'p', mode: -1 }, [['Invalid', `${KP}.mode`]]],
  ] as Array<[Obj, Case['want']]>
).map(([item, want], i): Case => ({
  test: 'TestValidateKeyToPath',
  name: `[${i}] ${JSON.stringify(item)}`,
  ds: keyToPath(item),
  want,
}));

const DNS = `${POD}.dnsConfig`;
const letters = (n: number) => 'a'.repeat(n);
const dns = (config: Obj, policy?: string) => (d: Obj) => {
  pod(d).dnsConfig = config;
  if (policy) pod(d).dnsPolicy = policy;
};
const thirtyTwo = [
  'custom',
  'mydomain.com',
  'local',
  'cluster.local',
  'svc.cluster.local',
  'default.svc.cluster.local.',
  ...Array.from({ length: 26 }, (_, i) => String(i + 7)),
];
const dnsCases: Case[] = [
  { test: 'TestValidatePodDNSConfig', name: 'valid: empty DNSConfig', ds: dns({}), want: [] },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 1 option',
    ds: dns({ options: [{ name: 'ndots', value: '2' }] }),
    want: [],
  },
  { test: 'TestValidatePodDNSConfig', name: 'valid: 1 nameserver', ds: dns({ nameservers: ['127.0.0.1'] }), want: [] },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: DNSNone with 1 nameserver',
    ds: dns({ nameservers: ['127.0.0.1'] }, 'None'),
    want: [],
  },
  { test: 'TestValidatePodDNSConfig', name: 'valid: 1 search path', ds: dns({ searches: ['custom'] }), want: [] },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 1 search path with trailing period',
    ds: dns({ searches: ['custom.'] }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 3 nameservers and 6 search paths(legacy)',
    ds: dns({
      nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'],
      searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local.'],
    }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 3 nameservers and 32 search paths',
    ds: dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], searches: thirtyTwo }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 256 characters in search path list(legacy)',
    ds: dns({ searches: [letters(1), ...Array(5).fill(letters(50))] }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 2048 characters in search path list',
    ds: dns({ searches: [letters(64), ...Array(31).fill(letters(63))] }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: ipv6 nameserver',
    ds: dns({ nameservers: ['FE80::0202:B3FF:FE1E:8329'] }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid: 4 nameservers',
    ds: dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'] }),
    want: [['Invalid', `${DNS}.nameservers`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 7 search paths',
    ds: dns({
      searches: [
        'custom',
        'mydomain.com',
        'local',
        'cluster.local',
        'svc.cluster.local',
        'default.svc.cluster.local',
        'exceeded',
      ],
    }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid: 33 search paths',
    ds: dns({ searches: [...thirtyTwo, '33'] }),
    want: [['Invalid', `${DNS}.searches`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'valid: 257 characters in search path list',
    ds: dns({ searches: [letters(2), ...Array(5).fill(letters(50))] }),
    want: [],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid: 2049 characters in search path list',
    ds: dns({ searches: [letters(65), ...Array(31).fill(letters(63))] }),
    want: [['Invalid', `${DNS}.searches`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid search path',
    ds: dns({ searches: ['custom?'] }),
    want: [['Invalid', `${DNS}.searches[0]`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid nameserver',
    ds: dns({ nameservers: ['invalid'] }),
    want: [['Invalid', `${DNS}.nameservers[0]`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid empty option name',
    ds: dns({ options: [{ value: '2' }] }),
    want: [['Required', `${DNS}.options[0]`]],
  },
  {
    test: 'TestValidatePodDNSConfig',
    name: 'invalid: DNSNone with 0 nameserver',
    ds: dns({ searches: ['custom'] }, 'None'),
    want: [['Required', `${DNS}.nameservers`]],
  },
];

export const CASES: Case[] = [
  ...daemonSet,
  ...containers,
  ...initContainers,
  ...envCases,
  ...envFromCases,
  ...volumeMounts,
  ...probeCases,
  ...keyToPathCases,
  ...dnsCases,
];

/** Entries of the same tables that a diagnostic on a DaemonSet manifest cannot (or must not) mirror. */
export const EXCLUDED: Excluded[] = [
  {
    test: 'TestValidateDaemonSet',
    name: 'invalid_label 2',
    reason:
      'no selector and no template labels: the object is read as a kustomize patch (kustomizePatch info) and only the fields present are checked, so the label mismatch is not reported',
  },
  {
    test: 'TestValidateDaemonSet',
    name: 'missing-namespace',
    reason:
      'kubectl fills the namespace from the kubeconfig context (and the request URL); a manifest without one is valid',
  },
  ...[
    'change daemon name',
    'negative templateGeneration',
    'decreased templateGeneration',
    'unchanged templateGeneration upon template update',
  ].map((name) => ({
    test: 'TestValidateDaemonSetUpdate',
    name,
    reason:
      'update-only rule (compares with the stored object) or spec.templateGeneration, an internal field apps/v1 does not serve',
  })),
  ...['invalid lifecycle, no http path.', 'invalid lifecycle, no http scheme.'].flatMap((name) => [
    {
      test: 'TestValidateContainers',
      name,
      reason: 'defaulted before validation (SetDefaults_HTTPGetAction: path "/", scheme HTTP)',
    },
    {
      test: 'TestValidateInitContainers',
      name,
      reason: 'defaulted before validation (SetDefaults_HTTPGetAction: path "/", scheme HTTP)',
    },
  ]),
  {
    test: 'TestValidateContainers',
    name: 'empty message termination policy',
    reason: 'defaulted before validation (SetDefaults_Container: File)',
  },
  {
    test: 'TestValidateContainers',
    name: 'privilege disabled',
    reason: 'depends on the API server flag --allow-privileged (default true), not on the manifest',
  },
  {
    test: 'TestValidateContainers',
    name: 'invalid env var name',
    reason:
      'runs with RelaxedEnvironmentVariableValidation off; the gate is GA since 1.34, so the API server accepts "ev!1"',
  },
  {
    test: 'TestValidateInitContainers',
    name: 'Not supported ResizePolicy: invalid',
    reason:
      'runs with PodValidationOptions.AllowSidecarResizePolicy off; the API server sets it from InPlacePodVerticalScaling, GA and locked on since 1.35',
  },
  {
    test: 'TestValidateEnv',
    name: 'missing APIVersion on ObjectFieldSelector',
    reason: 'defaulted before validation (SetDefaults_ObjectFieldSelector: v1)',
  },
  ...['invalid name a', 'invalid name b', 'invalid name c', 'invalid name d'].flatMap((name) => [
    {
      test: 'TestValidateEnv (updateErrorCase)',
      name,
      reason: 'strict (pre-1.34) env var names; RelaxedEnvironmentVariableValidation is GA',
    },
    {
      test: 'TestValidateEnvFrom (updateErrorCase)',
      name,
      reason: 'strict (pre-1.34) env var prefixes; RelaxedEnvironmentVariableValidation is GA',
    },
  ]),
  ...['subPath not allowed for image volume sources', 'subPathExpr not allowed for image volume sources'].map(
    (name) => ({
      test: 'TestValidateVolumeMounts',
      name,
      reason: 'image volumes gained subPath support while beta (1.33); the rule depends on the server version',
    }),
  ),
  {
    test: 'TestValidateMountPropagation',
    name: 'no container + Bidirectional',
    reason: 'internal call without a container; a manifest always has one',
  },
  {
    test: 'TestValidateEphemeralContainers',
    name: '(whole table)',
    reason: 'a pod template may not have ephemeral containers at all (covered by TestValidateDaemonSet)',
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidateVolumes (root "field" = spec.template.spec.volumes; upstream matches the path suffix)
// ---------------------------------------------------------------------------------------------
const V0 = `${POD}.volumes[0]`;
const vol = (name: string, source: Obj) => (d: Obj) => (pod(d).volumes = [{ name, ...source }]);
const labelsRef = (path: string, extra: Obj = {}) => ({
  path,
  fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' },
  ...extra,
});
const iscsi = (extra: Obj) => ({
  iscsi: {
    targetPortal: '127.0.0.1',
    iqn: 'iqn.2015-02.example.com:test',
    lun: 1,
    fsType: 'ext4',
    readOnly: false,
    ...extra,
  },
});
const volumeTable: Array<[string, string, Obj, Case['want']]> = [
  ['valid alpha name', 'empty', { emptyDir: {} }, []],
  ['valid num name', '123', { emptyDir: {} }, []],
  ['valid alphanum name', 'empty-123', { emptyDir: {} }, []],
  ['valid numalpha name', '123-empty', { emptyDir: {} }, []],
  ['zero-length name', '', { emptyDir: {} }, [['Required', `${V0}.name`]]],
  ['name > 63 characters', 'a'.repeat(64), { emptyDir: {} }, [['Invalid', `${V0}.name`]]],
  ['name has dots', 'a.b.c', { emptyDir: {} }, [['Invalid', `${V0}.name`]]],
  ['name not a DNS label', 'Not a DNS label!', { emptyDir: {} }, [['Invalid', `${V0}.name`]]],
  [
    'more than one source',
    'dups',
    { emptyDir: {}, hostPath: { path: '/mnt/path', type: 'Directory' } },
    [['Forbidden', `${V0}.hostPath`]],
  ],
  ['default HostPath', 'hostpath', { hostPath: { path: '/mnt/path', type: 'Directory' } }, []],
  ['valid HostPath', 'hostpath', { hostPath: { path: '/mnt/path', type: 'Socket' } }, []],
  [
    'invalid HostPath',
    'hostpath',
    { hostPath: { path: '/mnt/path', type: 'invalid' } },
    [['NotSupported', `${V0}.hostPath.type`]],
  ],
  [
    'invalid HostPath backsteps',
    'hostpath',
    { hostPath: { path: '/mnt/path/..', type: 'Directory' } },
    [['Invalid', `${V0}.hostPath.path`]],
  ],
  [
    'valid GcePersistentDisk',
    'gce-pd',
    { gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } },
    [],
  ],
  [
    'valid AWSElasticBlockStore',
    'aws-ebs',
    { awsElasticBlockStore: { volumeID: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } },
    [],
  ],
  [
    'valid GitRepo',
    'git-repo',
    { gitRepo: { repository: 'my-repo', revision: 'hashstring', directory: 'target' } },
    [],
  ],
  ['valid GitRepo in .', 'git-repo-dot', { gitRepo: { repository: 'my-repo', directory: '.' } }, []],
  [
    'valid GitRepo with .. in name',
    'git-repo-dot-dot-foo',
    { gitRepo: { repository: 'my-repo', directory: '..foo' } },
    [],
  ],
  [
    'GitRepo starts with ../',
    'gitrepo',
    { gitRepo: { repository: 'foo', directory: '../dots/bar' } },
    [['Invalid', `${V0}.gitRepo.directory`]],
  ],
  [
    'GitRepo contains ..',
    'gitrepo',
    { gitRepo: { repository: 'foo', directory: 'dots/../bar' } },
    [['Invalid', `${V0}.gitRepo.directory`]],
  ],
  [
    'GitRepo absolute target',
    'gitrepo',
    { gitRepo: { repository: 'foo', directory: '/abstarget' } },
    [['Invalid', `${V0}.gitRepo.directory`]],
  ],
  ['valid ISCSI', 'iscsi', iscsi({}), []],
  ['valid IQN: eui format', 'iscsi', iscsi({ iqn: 'eui.0123456789ABCDEF' }), []],
  ['valid IQN: naa format', 'iscsi', iscsi({ iqn: 'naa.62004567BA64678D0123456789ABCDEF' }), []],
  ['empty portal', 'iscsi', iscsi({ targetPortal: '' }), [['Required', `${V0}.iscsi.targetPortal`]]],
  ['empty iqn', 'iscsi', iscsi({ iqn: '' }), [['Required', `${V0}.iscsi.iqn`]]],
  [
    'invalid IQN: iqn format',
    'iscsi',
    iscsi({ iqn: 'iqn.2015-02.example.com:test;ls;' }),
    [['Invalid', `${V0}.iscsi.iqn`]],
  ],
  ['invalid IQN: eui format', 'iscsi', iscsi({ iqn: 'eui.0123456789ABCDEFGHIJ' }), [['Invalid', `${V0}.iscsi.iqn`]]],
  [
    'invalid IQN: naa format',
    'iscsi',
    iscsi({ iqn: 'naa.62004567BA_4-78D.123456789ABCDEF' }),
    [['Invalid', `${V0}.iscsi.iqn`]],
  ],
  ['valid initiatorName', 'iscsi', iscsi({ initiatorName: 'iqn.2015-02.example.com:init' }), []],
  [
    'invalid initiatorName',
    'iscsi',
    iscsi({ initiatorName: '2015-02.example.com:init' }),
    [['Invalid', `${V0}.iscsi.initiatorname`]],
  ],
  [
    'empty secret (discovery CHAP)',
    'iscsi',
    iscsi({ chapAuthDiscovery: true }),
    [['Required', `${V0}.iscsi.secretRef`]],
  ],
  ['empty secret (session CHAP)', 'iscsi', iscsi({ chapAuthSession: true }), [['Required', `${V0}.iscsi.secretRef`]]],
  ['valid Secret', 'secret', { secret: { secretName: 'my-secret' } }, []],
  ['valid Secret with defaultMode', 'secret', { secret: { secretName: 'my-secret', defaultMode: 0o644 } }, []],
  [
    'valid Secret with projection and mode',
    'secret',
    { secret: { secretName: 'my-secret', items: [{ key: 'key', path: 'filename', mode: 0o644 }] } },
    [],
  ],
  [
    'valid Secret with subdir projection',
    'secret',
    { secret: { secretName: 'my-secret', items: [{ key: 'key', path: 'dir/filename' }] } },
    [],
  ],
  [
    'secret with missing path',
    'secret',
    { secret: { secretName: 's', items: [{ key: 'key', path: '' }] } },
    [['Required', `${V0}.secret.items[0].path`]],
  ],
  [
    'secret with leading ..',
    'secret',
    { secret: { secretName: 's', items: [{ key: 'key', path: '../foo' }] } },
    [['Invalid', `${V0}.secret.items[0].path`]],
  ],
  [
    'secret with .. inside',
    'secret',
    { secret: { secretName: 's', items: [{ key: 'key', path: 'foo/../bar' }] } },
    [['Invalid', `${V0}.secret.items[0].path`]],
  ],
  [
    'secret with invalid positive defaultMode',
    'secret',
    { secret: { secretName: 's', defaultMode: 0o1000 } },
    [['Invalid', `${V0}.secret.defaultMode`]],
  ],
  [
    'secret with invalid negative defaultMode',
    'secret',
    { secret: { secretName: 's', defaultMode: -1 } },
    [['Invalid', `${V0}.secret.defaultMode`]],
  ],
  ['valid ConfigMap', 'cfgmap', { configMap: { name: 'my-cfgmap' } }, []],
  ['valid ConfigMap with defaultMode', 'cfgmap', { configMap: { name: 'my-cfgmap', defaultMode: 0o644 } }, []],
  [
    'valid ConfigMap with projection and mode',
    'cfgmap',
    { configMap: { name: 'my-cfgmap', items: [{ key: 'key', path: 'filename', mode: 0o644 }] } },
    [],
  ],
  [
    'valid ConfigMap with subdir projection',
    'cfgmap',
    { configMap: { name: 'my-cfgmap', items: [{ key: 'key', path: 'dir/filename' }] } },
    [],
  ],
  [
    'configmap with missing path',
    'cfgmap',
    { configMap: { name: 'c', items: [{ key: 'key', path: '' }] } },
    [['Required', `${V0}.configMap.items[0].path`]],
  ],
  [
    'configmap with leading ..',
    'cfgmap',
    { configMap: { name: 'c', items: [{ key: 'key', path: '../foo' }] } },
    [['Invalid', `${V0}.configMap.items[0].path`]],
  ],
  [
    'configmap with .. inside',
    'cfgmap',
    { configMap: { name: 'c', items: [{ key: 'key', path: 'foo/../bar' }] } },
    [['Invalid', `${V0}.configMap.items[0].path`]],
  ],
  [
    'configmap with invalid positive defaultMode',
    'cfgmap',
    { configMap: { name: 'c', defaultMode: 0o1000 } },
    [['Invalid', `${V0}.configMap.defaultMode`]],
  ],
  [
    'configmap with invalid negative defaultMode',
    'cfgmap',
    { configMap: { name: 'c', defaultMode: -1 } },
    [['Invalid', `${V0}.configMap.defaultMode`]],
  ],
  ['valid Glusterfs', 'glusterfs', { glusterfs: { endpoints: 'host1', path: 'path', readOnly: false } }, []],
  [
    'empty hosts',
    'glusterfs',
    { glusterfs: { endpoints: '', path: 'path', readOnly: false } },
    [['Required', `${V0}.glusterfs.endpoints`]],
  ],
  [
    'empty path',
    'glusterfs',
    { glusterfs: { endpoints: 'host', path: '', readOnly: false } },
    [['Required', `${V0}.glusterfs.path`]],
  ],
  ['valid Flocker -- datasetUUID', 'flocker', { flocker: { datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } }, []],
  ['valid Flocker -- datasetName', 'flocker', { flocker: { datasetName: 'datasetName' } }, []],
  ['both empty', 'flocker', { flocker: { datasetName: '' } }, [['Required', `${V0}.flocker`]]],
  [
    'both specified',
    'flocker',
    { flocker: { datasetName: 'datasetName', datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } },
    [['Invalid', `${V0}.flocker`]],
  ],
  [
    'slash in flocker datasetName',
    'flocker',
    { flocker: { datasetName: 'foo/bar' } },
    [['Invalid', `${V0}.flocker.datasetName`]],
  ],
  ['valid RBD', 'rbd', { rbd: { monitors: ['foo'], image: 'bar', fsType: 'ext4' } }, []],
  [
    'empty rbd monitors',
    'rbd',
    { rbd: { monitors: [], image: 'bar', fsType: 'ext4' } },
    [['Required', `${V0}.rbd.monitors`]],
  ],
  ['empty image', 'rbd', { rbd: { monitors: ['foo'], image: '', fsType: 'ext4' } }, [['Required', `${V0}.rbd.image`]]],
  [
    'valid Cinder',
    'cinder',
    { cinder: { volumeID: '29ea5088-4f60-4757-962e-dba678767887', fsType: 'ext4', readOnly: false } },
    [],
  ],
  ['valid CephFS', 'cephfs', { cephfs: { monitors: ['foo'] } }, []],
  ['empty cephfs monitors', 'cephfs', { cephfs: { monitors: [] } }, [['Required', `${V0}.cephfs.monitors`]]],
  [
    'valid DownwardAPI',
    'downwardapi',
    {
      downwardAPI: {
        items: [
          labelsRef('labels'),
          { path: 'labels with subscript', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['key']" } },
          {
            path: 'labels with complex subscript',
            fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['test.example.com/key']" },
          },
          { path: 'annotations', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.annotations' } },
          {
            path: 'annotations with subscript',
            fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['key']" },
          },
          {
            path: 'annotations with complex subscript',
            fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['TEST.EXAMPLE.COM/key']" },
          },
          { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
          { path: 'name', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
          labelsRef('path/with/subdirs'),
          labelsRef('path/./withdot'),
          labelsRef('path/with/embedded..dotdot'),
          labelsRef('path/with/leading/..dotdot'),
          { path: 'cpu_limit', resourceFieldRef: { containerName: 'test-container', resource: 'limits.cpu' } },
          { path: 'cpu_request', resourceFieldRef: { containerName: 'test-container', resource: 'requests.cpu' } },
          { path: 'memory_limit', resourceFieldRef: { containerName: 'test-container', resource: 'limits.memory' } },
          {
            path: 'memory_request',
            resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' },
          },
        ],
      },
    },
    [],
  ],
  [
    'hugepages-downwardAPI-enabled',
    'downwardapi',
    {
      downwardAPI: {
        items: [
          {
            path: 'hugepages_request',
            resourceFieldRef: { containerName: 'test-container', resource: 'requests.hugepages-2Mi' },
          },
          {
            path: 'hugepages_limit',
            resourceFieldRef: { containerName: 'test-container', resource: 'limits.hugepages-2Mi' },
          },
        ],
      },
    },
    [],
  ],
  ['downapi valid defaultMode', 'downapi', { downwardAPI: { defaultMode: 0o644 } }, []],
  ['downapi valid item mode', 'downapi', { downwardAPI: { items: [labelsRef('path', { mode: 0o644 })] } }, []],
  // validateDownwardAPIVolumeFile gets the source's path: errors on an item have no index.
  [
    'downapi invalid positive item mode',
    'downapi',
    { downwardAPI: { items: [labelsRef('path', { mode: 0o1000 })] } },
    [['Invalid', `${V0}.downwardAPI.mode`]],
  ],
  [
    'downapi invalid negative item mode',
    'downapi',
    { downwardAPI: { items: [labelsRef('path', { mode: -1 })] } },
    [['Invalid', `${V0}.downwardAPI.mode`]],
  ],
  [
    'downapi empty metatada path',
    'downapi',
    { downwardAPI: { items: [labelsRef('')] } },
    [['Required', `${V0}.downwardAPI.path`]],
  ],
  [
    'downapi absolute path',
    'downapi',
    { downwardAPI: { items: [labelsRef('/absolutepath')] } },
    [['Invalid', `${V0}.downwardAPI.path`]],
  ],
  [
    'downapi dot dot path',
    'downapi',
    { downwardAPI: { items: [labelsRef('../../passwd')] } },
    [['Invalid', `${V0}.downwardAPI.path`]],
  ],
  [
    'downapi dot dot file name',
    'downapi',
    { downwardAPI: { items: [labelsRef('..badFileName')] } },
    [['Invalid', `${V0}.downwardAPI.path`]],
  ],
  [
    'downapi dot dot first level dirent',
    'downapi',
    { downwardAPI: { items: [labelsRef('..badDirName/goodFileName')] } },
    [['Invalid', `${V0}.downwardAPI.path`]],
  ],
  [
    'downapi fieldRef and ResourceFieldRef together',
    'downapi',
    {
      downwardAPI: {
        items: [
          labelsRef('test', { resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' } }),
        ],
      },
    },
    [['Invalid', `${V0}.downwardAPI`]],
  ],
  [
    'downapi invalid positive defaultMode',
    'downapi',
    { downwardAPI: { defaultMode: 0o1000 } },
    [['Invalid', `${V0}.downwardAPI.defaultMode`]],
  ],
  [
    'downapi invalid negative defaultMode',
    'downapi',
    { downwardAPI: { defaultMode: -1 } },
    [['Invalid', `${V0}.downwardAPI.defaultMode`]],
  ],
  [
    'FC valid targetWWNs and lun',
    'fc',
    { fc: { targetWWNs: ['some_wwn'], lun: 1, fsType: 'ext4', readOnly: false } },
    [],
  ],
  ['FC valid wwids', 'fc', { fc: { wwids: ['some_wwid'], fsType: 'ext4', readOnly: false } }, []],
  [
    'FC empty targetWWNs and wwids',
    'fc',
    { fc: { targetWWNs: [], lun: 1, wwids: [], fsType: 'ext4', readOnly: false } },
    [['Required', `${V0}.fc.targetWWNs`]],
  ],
  [
    'FC invalid: both targetWWNs and wwids simultaneously',
    'fc',
    { fc: { targetWWNs: ['some_wwn'], lun: 1, wwids: ['some_wwid'], fsType: 'ext4' } },
    [['Invalid', `${V0}.fc.targetWWNs`]],
  ],
  [
    'FC valid targetWWNs and empty lun',
    'fc',
    { fc: { targetWWNs: ['wwn'], fsType: 'ext4', readOnly: false } },
    [['Required', `${V0}.fc.lun`]],
  ],
  [
    'FC valid targetWWNs and invalid lun',
    'fc',
    { fc: { targetWWNs: ['wwn'], lun: 256, fsType: 'ext4', readOnly: false } },
    [['Invalid', `${V0}.fc.lun`]],
  ],
  ['valid FlexVolume', 'flex-volume', { flexVolume: { driver: 'kubernetes.io/blue', fsType: 'ext4' } }, []],
  ['valid AzureFile', 'azure-file', { azureFile: { secretName: 'key', shareName: 'share', readOnly: false } }, []],
  [
    'AzureFile empty secret',
    'azure-file',
    { azureFile: { secretName: '', shareName: 'share', readOnly: false } },
    [['Required', `${V0}.azureFile.secretName`]],
  ],
  [
    'AzureFile empty share',
    'azure-file',
    { azureFile: { secretName: 'name', shareName: '', readOnly: false } },
    [['Required', `${V0}.azureFile.shareName`]],
  ],
  [
    'valid Quobyte',
    'quobyte',
    {
      quobyte: {
        registry: 'registry:7861',
        volume: 'volume',
        readOnly: false,
        user: 'root',
        group: 'root',
        tenant: 'ThisIsSomeTenantUUID',
      },
    },
    [],
  ],
  [
    'empty registry quobyte',
    'quobyte',
    { quobyte: { volume: '/test', tenant: 'ThisIsSomeTenantUUID' } },
    [['Required', `${V0}.quobyte.registry`]],
  ],
  [
    'wrong format registry quobyte',
    'quobyte',
    { quobyte: { registry: 'registry7861', volume: '/test', tenant: 'ThisIsSomeTenantUUID' } },
    [['Invalid', `${V0}.quobyte.registry`]],
  ],
  [
    'wrong format multiple registries quobyte',
    'quobyte',
    { quobyte: { registry: 'registry:7861,reg2', volume: '/test', tenant: 'ThisIsSomeTenantUUID' } },
    [['Invalid', `${V0}.quobyte.registry`]],
  ],
  [
    'empty volume quobyte',
    'quobyte',
    { quobyte: { registry: 'registry:7861', tenant: 'ThisIsSomeTenantUUID' } },
    [['Required', `${V0}.quobyte.volume`]],
  ],
  ['empty tenant quobyte', 'quobyte', { quobyte: { registry: 'registry:7861', volume: '/test', tenant: '' } }, []],
  [
    'too long tenant quobyte',
    'quobyte',
    {
      quobyte: {
        registry: 'registry:7861',
        volume: '/test',
        tenant:
          'this is too long to be a valid uuid so this test has to fail on the maximum length validation of the tenant.',
      },
    },
    [['Required', `${V0}.quobyte.tenant`]],
  ],
  ['valid AzureDisk', 'azure-disk', { azureDisk: { diskName: 'foo', diskURI: 'https://blob/vhds/bar.vhd' } }, []],
  [
    'AzureDisk empty disk name',
    'azure-disk',
    { azureDisk: { diskName: '', diskURI: 'https://blob/vhds/bar.vhd' } },
    [['Required', `${V0}.azureDisk.diskName`]],
  ],
  [
    'AzureDisk empty disk uri',
    'azure-disk',
    { azureDisk: { diskName: 'foo', diskURI: '' } },
    [['Required', `${V0}.azureDisk.diskURI`]],
  ],
  [
    'valid scaleio volume',
    'scaleio-volume',
    { scaleIO: { gateway: 'http://abcd/efg', system: 'test-system', volumeName: 'test-vol-1' } },
    [],
  ],
  [
    'ScaleIO with empty name',
    'scaleio-volume',
    { scaleIO: { gateway: 'http://abcd/efg', system: 'test-system', volumeName: '' } },
    [['Required', `${V0}.scaleIO.volumeName`]],
  ],
  [
    'ScaleIO with empty gateway',
    'scaleio-volume',
    { scaleIO: { gateway: '', system: 'test-system', volumeName: 'test-vol-1' } },
    [['Required', `${V0}.scaleIO.gateway`]],
  ],
  [
    'ScaleIO with empty system',
    'scaleio-volume',
    { scaleIO: { gateway: 'http://agc/efg/gateway', system: '', volumeName: 'test-vol-1' } },
    [['Required', `${V0}.scaleIO.system`]],
  ],
  [
    'ProjectedVolumeSource more than one projection in a source',
    'projected-volume',
    { projected: { sources: [{ secret: { name: 'foo' } }, { secret: { name: 'foo' }, downwardAPI: {} }] } },
    [['Forbidden', `${V0}.projected.sources[1]`]],
  ],
  [
    'ProjectedVolumeSource more than one projection in a source (no names)',
    'projected-volume',
    { projected: { sources: [{ secret: {} }, { secret: {}, downwardAPI: {} }] } },
    [
      ['Required', `${V0}.projected.sources[0].secret.name`],
      ['Required', `${V0}.projected.sources[1].secret.name`],
      ['Forbidden', `${V0}.projected.sources[1]`],
    ],
  ],
  [
    'valid image volume on pod',
    'image-volume',
    { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
    [],
  ],
  [
    'image volume with empty name',
    '',
    { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
    [['Required', `${V0}.name`]],
  ],
  [
    'image volume with empty reference on other object',
    'image-volume',
    { image: { reference: '', pullPolicy: 'IfNotPresent' } },
    [],
  ],
  [
    'image volume with wrong pullPolicy',
    'image-volume',
    { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'wrong' } },
    [['NotSupported', `${V0}.image.pullPolicy`]],
  ],
];
const volumes: Case[] = [
  ...volumeTable.map(([name, volName, source, want]): Case => ({
    test: 'TestValidateVolumes',
    name,
    ds: vol(volName, source),
    want,
  })),
  {
    test: 'TestValidateVolumes',
    name: 'dupsCase',
    ds: (d) =>
      (pod(d).volumes = [
        { name: 'abc', emptyDir: {} },
        { name: 'abc', emptyDir: {} },
      ]),
    want: [['Duplicate', `${POD}.volumes[1].name`]],
  },
];
CASES.push(...volumes);
EXCLUDED.push(
  {
    test: 'TestValidateVolumes',
    name: 'no volume source',
    reason:
      'defaulted before validation: SetDefaults_Volume gives a volume with no source an emptyDir (a name-only volume is valid)',
  },
  {
    test: 'TestValidateVolumes',
    name: 'image volume with empty reference on pod',
    reason: 'PodValidationOptions.ResourceIsPod: the reference is only required on a Pod, not in a pod template',
  },
);

CASES.push(...TOLERATION_CASES);
EXCLUDED.push(...TOLERATION_EXCLUDED);
CASES.push(...POD_SPEC_CASES);
EXCLUDED.push(...POD_SPEC_EXCLUDED);
CASES.push(...AFFINITY_PROBE_CASES);
EXCLUDED.push(...AFFINITY_PROBE_EXCLUDED);
CASES.push(...PORTS_RESOURCES_CASES);
EXCLUDED.push(...PORTS_RESOURCES_EXCLUDED);
CASES.push(...SECURITY_CASES);
EXCLUDED.push(...SECURITY_EXCLUDED);
CASES.push(...OBJECT_META_CASES);
EXCLUDED.push(...OBJECT_META_EXCLUDED);
CASES.push(...CONTAINER_FIELDS_CASES);
EXCLUDED.push(...CONTAINER_FIELDS_EXCLUDED);
CASES.push(...POD_FIELDS_CASES);
EXCLUDED.push(...POD_FIELDS_EXCLUDED);
CASES.push(...RESTART_RULES_CASES);
EXCLUDED.push(...RESTART_RULES_EXCLUDED);
