// Pod-level rules of ValidatePodSpec: referenced names, DNS policy and config, host aliases,
// the pod security context, topology spread and the grace period.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const pod = (lines: string) => check(VALID + lines).map((r) => [r.code, r.severity, r.path, r.message, r.text]);

test('dnsPolicy None needs a dnsConfig with nameservers', () => {
  assert.deepEqual(pod('      dnsPolicy: None\n'), [
    [
      'dnsConfigRequired',
      'error',
      'spec.template.spec.dnsConfig',
      'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
      'spec',
    ],
  ]);
  assert.deepEqual(pod('      dnsPolicy: None\n      dnsConfig:\n        searches: [svc.cluster.local]\n'), [
    [
      'dnsConfigRequired',
      'error',
      'spec.template.spec.dnsConfig.nameservers',
      'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
      'dnsConfig',
    ],
  ]);
  assert.deepEqual(pod('      dnsPolicy: None\n      dnsConfig:\n        nameservers: [10.96.0.10]\n'), []);
});

test('dnsConfig: at most 3 nameservers, IP addresses, search domains', () => {
  const got = pod(
    '      dnsConfig:\n        nameservers: [1.1.1.1, 8.8.8.8, "2001:db8::1", 9.9.9.9, dns.example]\n        searches: [ok.example., Bad_Domain]\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[4]]),
    [
      ['invalidDnsConfig', 'spec.template.spec.dnsConfig.nameservers', 'nameservers'],
      ['invalidIP', 'spec.template.spec.dnsConfig.nameservers[4]', 'dns.example'],
      ['invalidName', 'spec.template.spec.dnsConfig.searches[1]', 'Bad_Domain'],
    ],
  );
  assert.match(String(got[0]![3]), /must not have more than 3 nameservers$/);
  assert.equal(
    got[1]![3],
    'Invalid value: "dns.example": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  );
});

test('names of service accounts, nodes and priority classes are DNS subdomains', () => {
  const got = pod('      serviceAccountName: Agent\n      priorityClassName: system-node-critical\n');
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[4]]),
    [['invalidName', 'spec.template.spec.serviceAccountName', 'Agent']],
  );
});

test('pod security context: ids, sysctls, seccomp', () => {
  const got = pod(
    '      securityContext:\n        fsGroup: -5\n        sysctls: [{name: "net.ipv4.ip_forward", value: "1"}, {name: "Bad!", value: "1"}]\n        seccompProfile: {type: RuntimeDefault, localhostProfile: x.json}\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2]]),
    [
      ['invalidId', 'spec.template.spec.securityContext.fsGroup'],
      ['invalidSysctl', 'spec.template.spec.securityContext.sysctls[1].name'],
      ['seccompLocalhost', 'spec.template.spec.securityContext.seccompProfile.localhostProfile'],
    ],
  );
});

test('hostNetwork and hostPID are fine; a negative grace period is replaced by 1 (warning)', () => {
  assert.deepEqual(pod('      hostNetwork: true\n      hostPID: true\n      dnsPolicy: ClusterFirstWithHostNet\n'), []);
  assert.deepEqual(pod('      terminationGracePeriodSeconds: -1\n'), [
    [
      'negativeGracePeriod',
      'warning',
      'spec.template.spec.terminationGracePeriodSeconds',
      '-1 is replaced by 1 when the pods are created; use 0 to stop pods immediately',
      '-1',
    ],
  ]);
});

test('topology spread maxSkew and host aliases', () => {
  const got = pod(
    '      topologySpreadConstraints:\n        - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n      hostAliases:\n        - {ip: 10.0.0.300, hostnames: [db.local]}\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[3]]),
    [
      [
        'invalidValue',
        'spec.template.spec.topologySpreadConstraints[0].maxSkew',
        'Invalid value: 0: must be greater than zero',
      ],
      [
        'invalidIP',
        'spec.template.spec.hostAliases[0].ip',
        'Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ],
  );
});

test('pod-level lists and maps: spread constraints, scheduling gates, overhead, resource claims, preemption policy', () => {
  const at = (lines: string) => pod(lines).map((r) => [r[0], r[2], r[4]]);
  // ValidateSpreadConstraintNotRepeat: on the first of the pair, the range on its list item.
  assert.deepEqual(
    at(
      '      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n        - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n',
    ),
    [
      [
        'duplicateEntry',
        'spec.template.spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}',
        '{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}',
      ],
    ],
  );
  // validateSchedulingGates: reported on the gate, the range on its name.
  assert.deepEqual(at('      schedulingGates:\n        - name: example.com/a\n        - name: example.com/a\n'), [
    ['duplicateEntry', 'spec.template.spec.schedulingGates[1]', 'example.com/a'],
  ]);
  // validateOverhead: upstream prints overhead.limits[<name>]; the range is the key written.
  assert.deepEqual(
    at('      overhead:\n        my.org: 10m\n').map((r) => [r[1], r[2]]),
    [
      ['spec.template.spec.overhead.limits[my.org]', 'my.org'],
      ['spec.template.spec.overhead.limits[my.org]', 'my.org'],
    ],
  );
  // validateResourceClaimNames: an unknown claim, the range on its name.
  const claims = pod(
    '      resourceClaims:\n        - {name: gpu, resourceClaimTemplateName: gpu-template}\n      initContainers:\n        - name: init\n          image: busybox:1.36\n          resources:\n            claims:\n              - name: tpu\n',
  );
  assert.deepEqual(
    claims.map((r) => [r[0], r[2], r[3], r[4]]),
    [
      [
        'resourceClaimNotFound',
        'spec.template.spec.initContainers[0].resources.claims[0]',
        'Not found: "tpu": must be one of the names in pod.spec.resourceClaims: gpu',
        'tpu',
      ],
    ],
  );
  // ValidatePreemptionPolicy: an empty policy is missing, not unsupported.
  assert.deepEqual(at('      preemptionPolicy: ""\n'), [
    ['requiredField', 'spec.template.spec.preemptionPolicy', '""'],
  ]);
});

test('pod-level resources: names, claims, and the containers against the pod (validatePodResources)', () => {
  const at = (lines: string) => pod(lines).map((r) => [r[0], r[2], r[3], r[4]]);
  // Pod-level limits only: a missing pod-level request is not compared with the containers'.
  assert.deepEqual(at('      resources:\n        limits: {cpu: "1", memory: 1Gi}\n'), []);
  // validatePodResourceConsistency: the request is below the containers' 100m.
  assert.deepEqual(at('      resources:\n        requests: {cpu: 50m, memory: 64Mi}\n'), [
    [
      'podLevelResources',
      'spec.template.spec.resources.requests[cpu]',
      'Invalid value: "50m": must be greater than or equal to aggregate container requests of 100m',
      '50m',
    ],
  ]);
  // AggregateContainerRequests: a sidecar adds to the sum and to each later init container's need.
  const inits =
    '      initContainers:\n        - {name: sidecar, image: a:1, restartPolicy: Always, resources: {requests: {cpu: 100m}}}\n        - {name: init, image: a:1, resources: {requests: {cpu: 300m}}}\n';
  assert.deepEqual(
    at(inits + '      resources:\n        requests: {cpu: 300m}\n').map((r) => r[2]),
    ['Invalid value: "300m": must be greater than or equal to aggregate container requests of 400m'],
  );
  assert.deepEqual(at(inits + '      resources:\n        requests: {cpu: 400m}\n'), []);
  // A container limit above the pod limit: upstream's path, the range on the container's limit.
  const limits = check(VALID_LIMITS + '      resources:\n        limits: {cpu: "1"}\n').map((r) => [
    r.code,
    r.path,
    r.text,
  ]);
  assert.deepEqual(limits, [['podLevelResources', 'spec.template.spec.resources.containers[0][cpu].limits', '"2"']]);
  // validatePodResourceName: cpu, memory and hugepages-* only; claims are forbidden.
  assert.deepEqual(
    at(
      '      resources:\n        limits: {ephemeral-storage: 1Gi, memory: 1Gi, hugepages-2Mi: 4Mi}\n        requests: {hugepages-2Mi: 4Mi}\n        claims: [{name: gpu}]\n',
    ).map((r) => [r[0], r[1], r[2]]),
    [
      [
        'invalidResourceName',
        'spec.template.spec.resources.limits[ephemeral-storage]',
        'Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"',
      ],
      [
        'podLevelResources',
        'spec.template.spec.resources.claims',
        'Forbidden: claims cannot be set for Resources at pod-level',
      ],
    ],
  );
});

const VALID_LIMITS = VALID.replace(
  '              memory: 64Mi\n',
  '              memory: 64Mi\n            limits:\n              cpu: "2"\n',
);
