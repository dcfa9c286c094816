// Host ports: which ports a pod holds (schedutil.GetHostPorts + hostNetwork defaulting) and when
// two collide (HostPortInfo.CheckConflict; cases shaped like nodeports' TestNodePorts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { hostPortsConflict, podHostPorts, type HostPortClaim, type PodSpec } from '../../../server/src/placement';

function claim(hostIP: string, protocol: string, port: number): HostPortClaim {
  return { hostIP, protocol, port, path: [], field: 'hostPort' };
}

const conflictCases: Array<{ name: string; wanted: HostPortClaim; used: HostPortClaim; conflict: boolean }> = [
  {
    name: 'same ip, protocol and port',
    wanted: claim('127.0.0.1', 'UDP', 8080),
    used: claim('127.0.0.1', 'UDP', 8080),
    conflict: true,
  },
  {
    name: 'other port',
    wanted: claim('127.0.0.1', 'UDP', 8080),
    used: claim('127.0.0.1', 'UDP', 9090),
    conflict: false,
  },
  {
    name: 'same port, other protocol',
    wanted: claim('127.0.0.1', 'TCP', 8080),
    used: claim('127.0.0.1', 'UDP', 8080),
    conflict: false,
  },
  {
    name: 'same port, other specific ip',
    wanted: claim('127.0.0.1', 'TCP', 8001),
    used: claim('127.0.0.2', 'TCP', 8001),
    conflict: false,
  },
  {
    name: 'wanted 0.0.0.0 collides with any ip',
    wanted: claim('0.0.0.0', 'TCP', 8001),
    used: claim('127.0.0.1', 'TCP', 8001),
    conflict: true,
  },
  {
    name: 'used 0.0.0.0 collides with a specific ip',
    wanted: claim('10.0.10.10', 'TCP', 8001),
    used: claim('0.0.0.0', 'TCP', 8001),
    conflict: true,
  },
  {
    name: 'used 0.0.0.0 but other protocol',
    wanted: claim('10.0.10.10', 'TCP', 8001),
    used: claim('0.0.0.0', 'UDP', 8001),
    conflict: false,
  },
  {
    name: 'SCTP is a protocol of its own',
    wanted: claim('0.0.0.0', 'SCTP', 9000),
    used: claim('0.0.0.0', 'TCP', 9000),
    conflict: false,
  },
];

for (const c of conflictCases) {
  test(`hostPortsConflict: ${c.name}`, () => {
    assert.equal(hostPortsConflict(c.wanted, c.used), c.conflict);
  });
}

test('podHostPorts: containers and sidecars, not plain init containers; defaults TCP and 0.0.0.0', () => {
  const spec: PodSpec = {
    initContainers: [
      { name: 'setup', ports: [{ containerPort: 1, hostPort: 7001 }] },
      { name: 'proxy', restartPolicy: 'Always', ports: [{ containerPort: 2, hostPort: 7002, protocol: 'UDP' }] },
    ],
    containers: [
      { name: 'app', ports: [{ containerPort: 80 }, { containerPort: 9100, hostPort: 9100, hostIP: '10.0.0.1' }] },
    ],
  };
  assert.deepEqual(podHostPorts(spec), [
    { port: 7002, protocol: 'UDP', hostIP: '0.0.0.0', path: ['initContainers', 1, 'ports', 0], field: 'hostPort' },
    { port: 9100, protocol: 'TCP', hostIP: '10.0.0.1', path: ['containers', 0, 'ports', 1], field: 'hostPort' },
  ]);
});

test('podHostPorts: with hostNetwork every containerPort is a host port (SetDefaults_Pod)', () => {
  const spec: PodSpec = {
    hostNetwork: true,
    containers: [
      {
        ports: [
          { containerPort: 9100, name: 'metrics' },
          { containerPort: 53, protocol: 'UDP' },
        ],
      },
    ],
  };
  assert.deepEqual(
    podHostPorts(spec).map((c) => `${c.port}/${c.protocol} ${c.field}`),
    ['9100/TCP containerPort', '53/UDP containerPort'],
  );
});

test('podHostPorts: junk never throws', () => {
  for (const junk of [
    undefined,
    null,
    'x',
    { containers: 'x' },
    { containers: [null, { ports: 'x' }, { ports: [null, { hostPort: '80' }, { hostPort: -1 }] }] },
  ]) {
    assert.deepEqual(podHostPorts(junk as unknown as PodSpec), []);
  }
});
