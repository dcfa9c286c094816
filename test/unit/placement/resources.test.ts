// podRequests against k8s.io/component-helpers/resource PodRequests (sidecar formula of
// KEP-753, pod overhead, pod-level resources with defaultPodRequests), plus resource naming.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregateContainerRequestsExact,
  formatAmount,
  isExtendedResourceName,
  podRequests,
  resourceKind,
  type PodSpec,
} from '../../../server/src/placement';

const req = (requests: Record<string, string | number>) => ({ resources: { requests } });

test('podRequests: regular containers are summed; cpu in millicores, memory in bytes', () => {
  assert.deepEqual(
    podRequests({ containers: [req({ cpu: '100m', memory: '64Mi' }), req({ cpu: '0.25', memory: '1Gi' })] }),
    {
      cpu: 350,
      memory: 64 * 2 ** 20 + 2 ** 30,
    },
  );
});

test('podRequests: init containers run one at a time, so the pod needs max(sum, largest init)', () => {
  // The example in computePodResourceRequest's comment: IC1 2/1G, IC2 2/3G, C1 2/1G, C2 1/1G → 3 cpu, 3G.
  const spec: PodSpec = {
    initContainers: [req({ cpu: '2', memory: '1G' }), req({ cpu: '2', memory: '3G' })],
    containers: [req({ cpu: '2', memory: '1G' }), req({ cpu: '1', memory: '1G' })],
  };
  assert.deepEqual(podRequests(spec), { cpu: 3000, memory: 3e9 });
});

test('podRequests: sidecars (restartPolicy Always) add to the sum and to every later init container', () => {
  const spec: PodSpec = {
    initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '1' } } }, req({ cpu: '2' })],
    containers: [req({ cpu: '1' })],
  };
  // sum = 1 (container) + 1 (sidecar) = 2; the init container needs 2 + 1 (sidecar before it) = 3.
  assert.deepEqual(podRequests(spec), { cpu: 3000 });
  const sidecarsOnly: PodSpec = {
    initContainers: [
      { restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } },
      { restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } },
    ],
    containers: [req({ cpu: '1' })],
  };
  assert.deepEqual(podRequests(sidecarsOnly), { cpu: 2000 });
});

test('aggregateContainerRequestsExact (the exact sum validation uses) agrees with podRequests on requests as written', () => {
  const specs: PodSpec[] = [
    { containers: [req({ cpu: '100m', memory: '64Mi' }), req({ cpu: '0.25', memory: '1Gi' })] },
    {
      initContainers: [req({ cpu: '2', memory: '1G' }), req({ cpu: '2', memory: '3G' })],
      containers: [req({ cpu: '2', memory: '1G' }), req({ cpu: '1', memory: '1G' })],
    },
    {
      initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '1' } } }, req({ cpu: '2' })],
      containers: [req({ cpu: '1' })],
    },
    {
      initContainers: [
        req({ cpu: '3', memory: '10Mi' }),
        { restartPolicy: 'Always', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
        req({ cpu: '1', memory: '5Gi' }),
        { restartPolicy: 'Always', resources: { requests: { cpu: '250m' } } },
      ],
      containers: [req({ cpu: '1', memory: '100Mi' })],
    },
  ];
  for (const spec of specs) {
    const exact = aggregateContainerRequestsExact(spec);
    const asScheduled: Record<string, number> = {};
    for (const [name, q] of exact) {
      assert.ok(q, `${name} parses`);
      const value = Number(q.n) * 10 ** q.ten;
      asScheduled[name] = name === 'cpu' ? Math.round(value * 1000) : Math.round(value);
    }
    assert.deepEqual(asScheduled, podRequests(spec), JSON.stringify(spec));
  }
});

test('podRequests: a container limit stands in for a missing request (SetDefaults_Pod)', () => {
  const spec: PodSpec = {
    containers: [{ resources: { limits: { cpu: '1', 'nvidia.com/gpu': '1' }, requests: { cpu: '200m' } } }],
  };
  assert.deepEqual(podRequests(spec), { cpu: 200, 'nvidia.com/gpu': 1 });
});

test('podRequests: overhead is added', () => {
  const spec: PodSpec = {
    containers: [req({ cpu: '100m', memory: '100Mi' })],
    overhead: { cpu: '250m', memory: '120Mi' },
  };
  assert.deepEqual(podRequests(spec), { cpu: 350, memory: 220 * 2 ** 20 });
});

test('podRequests: pod-level requests replace the container sum for cpu and memory only', () => {
  const spec: PodSpec = {
    resources: { requests: { cpu: '2', memory: '1Gi' } },
    containers: [req({ cpu: '100m', memory: '100Mi', 'example.com/dongle': '1' })],
  };
  assert.deepEqual(podRequests(spec), { cpu: 2000, memory: 2 ** 30, 'example.com/dongle': 1 });
});

test('podRequests: pod-level limits default pod requests only where containers request nothing (defaultPodRequests)', () => {
  const noContainerRequests: PodSpec = { resources: { limits: { cpu: '1', memory: '1Gi' } }, containers: [{}] };
  assert.deepEqual(podRequests(noContainerRequests), { cpu: 1000, memory: 2 ** 30 });
  const containerCpu: PodSpec = {
    resources: { limits: { cpu: '1', memory: '1Gi' } },
    containers: [req({ cpu: '300m' })],
  };
  assert.deepEqual(podRequests(containerCpu), { cpu: 300, memory: 2 ** 30 });
});

test('podRequests: overhead is added on top of pod-level requests', () => {
  const spec: PodSpec = {
    resources: { requests: { cpu: '1' } },
    containers: [req({ cpu: '100m' })],
    overhead: { cpu: '100m' },
  };
  assert.deepEqual(podRequests(spec), { cpu: 1100 });
});

test('podRequests: cpu sums exactly before rounding up per pod', () => {
  // Two half-millicores are one millicore (MilliValue of the sum), not two.
  assert.deepEqual(podRequests({ containers: [req({ cpu: '0.5m' }), req({ cpu: '500u' })] }), { cpu: 1 });
});

test('podRequests: invalid quantities count as zero; junk never throws', () => {
  assert.deepEqual(podRequests({ containers: [req({ memory: '128MB', cpu: '1' })] }), { cpu: 1000, memory: 0 });
  for (const junk of [
    undefined,
    null,
    5,
    'x',
    [],
    { containers: 'x' },
    { containers: [null, 5, { resources: 'x' }, { resources: { requests: 'x' } }] },
    { initContainers: [{ restartPolicy: 'Always', resources: { limits: [] } }] },
    { resources: 5, overhead: 'x' },
  ]) {
    assert.deepEqual(podRequests(junk as unknown as PodSpec), {});
  }
});

test('resourceKind mirrors the scheduler: native, scalar (extended, hugepages, kubernetes.io/), ignored', () => {
  assert.equal(resourceKind('cpu'), 'cpu');
  assert.equal(resourceKind('memory'), 'memory');
  assert.equal(resourceKind('ephemeral-storage'), 'ephemeral-storage');
  assert.equal(resourceKind('pods'), 'pods');
  assert.equal(resourceKind('nvidia.com/gpu'), 'scalar');
  assert.equal(resourceKind('hugepages-2Mi'), 'scalar');
  assert.equal(resourceKind('attachable-volumes-aws-ebs'), 'scalar');
  assert.equal(resourceKind('kubernetes.io/batch-cpu'), 'scalar');
  assert.equal(resourceKind('storage'), 'ignored');
  assert.equal(isExtendedResourceName('nvidia.com/gpu'), true);
  assert.equal(isExtendedResourceName('requests.nvidia.com/gpu'), false);
  assert.equal(isExtendedResourceName('kubernetes.io/gpu'), false);
  assert.equal(isExtendedResourceName('Bad_Domain/gpu'), false);
});

test('formatAmount picks the unit a human would write', () => {
  assert.equal(formatAmount('cpu', 200), '200m');
  assert.equal(formatAmount('cpu', 2000), '2');
  assert.equal(formatAmount('memory', 128 * 2 ** 20), '128Mi');
  assert.equal(formatAmount('memory', 38052 * 1024), '~37.2Mi');
  assert.equal(formatAmount('memory', 10e6), '10M');
  assert.equal(formatAmount('memory', 1536 * 2 ** 20), '~1.5Gi');
  assert.equal(formatAmount('memory', 100e6), '100M');
  assert.equal(formatAmount('memory', 256000 * 2 ** 20), '250Gi');
  assert.equal(formatAmount('memory', 1234567), '~1.2Mi');
  assert.equal(formatAmount('memory', 1000), '1k');
  assert.equal(formatAmount('memory', 999), '999');
  assert.equal(formatAmount('nvidia.com/gpu', 8), '8');
});
