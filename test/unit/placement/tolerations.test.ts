// ToleratesTaint (cases shaped like k8s.io/api/core/v1 TestTolerationToleratesTaint, incl. the
// 1.35 Lt/Gt operators), the tolerations the DaemonSet controller adds, and
// FindMatchingUntoleratedTaint's order.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  daemonPodTolerations,
  DAEMON_POD_TOLERATIONS,
  findUntoleratedTaint,
  formatTaint,
  toleratesTaint,
  type Taint,
  type Toleration,
} from '../../../server/src/placement';

const cases: Array<{ name: string; toleration: Toleration; taint: Taint; tolerated: boolean }> = [
  {
    name: 'same key and effect, Exists, taint without value',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'same key and effect, Exists, taint with a value',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'empty key and Exists matches every taint of that effect',
    toleration: { operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'empty key, Exists, empty effect matches everything',
    toleration: { operator: 'Exists' },
    taint: { key: 'nvidia.com/gpu', value: 'x', effect: 'NoExecute' },
    tolerated: true,
  },
  {
    name: 'empty effect matches every effect',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar' },
    taint: { key: 'foo', value: 'bar', effect: 'PreferNoSchedule' },
    tolerated: true,
  },
  {
    name: 'same key, effect and value, Equal',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'empty operator means Equal',
    toleration: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'different values with Equal',
    toleration: { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'value2', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'different effects',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'different keys',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'other', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Equal without value tolerates a taint without value',
    toleration: { key: 'foo', operator: 'Equal', effect: 'NoSchedule' },
    taint: { key: 'foo', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'unknown operator',
    toleration: { key: 'foo', operator: 'In', value: 'bar' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'operators are case-sensitive',
    toleration: { key: 'foo', operator: 'exists' },
    taint: { key: 'foo', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Lt: taint value below the bound',
    toleration: { key: 'cost', operator: 'Lt', value: '100', effect: 'NoSchedule' },
    taint: { key: 'cost', value: '50', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'Lt: equal is not less',
    toleration: { key: 'cost', operator: 'Lt', value: '100', effect: 'NoSchedule' },
    taint: { key: 'cost', value: '100', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Gt: taint value above the bound',
    toleration: { key: 'cost', operator: 'Gt', value: '100', effect: 'NoSchedule' },
    taint: { key: 'cost', value: '150', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'Gt: below the bound',
    toleration: { key: 'cost', operator: 'Gt', value: '100', effect: 'NoSchedule' },
    taint: { key: 'cost', value: '-5', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Gt: non-integer taint value',
    toleration: { key: 'cost', operator: 'Gt', value: '100', effect: 'NoSchedule' },
    taint: { key: 'cost', value: 'high', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Lt: non-integer toleration value',
    toleration: { key: 'cost', operator: 'Lt', value: '1.5', effect: 'NoSchedule' },
    taint: { key: 'cost', value: '1', effect: 'NoSchedule' },
    tolerated: false,
  },
  {
    name: 'Gt: int64 values beyond 2^53 compare exactly',
    toleration: { key: 'n', operator: 'Gt', value: '9007199254740992' },
    taint: { key: 'n', value: '9007199254740993', effect: 'NoSchedule' },
    tolerated: true,
  },
  {
    name: 'Gt: beyond int64 does not parse',
    toleration: { key: 'n', operator: 'Gt', value: '1' },
    taint: { key: 'n', value: '9223372036854775808', effect: 'NoSchedule' },
    tolerated: false,
  },
];

for (const c of cases) {
  test(`toleratesTaint: ${c.name}`, () => {
    assert.equal(toleratesTaint(c.toleration, c.taint), c.tolerated);
  });
}

test('toleratesTaint never throws on junk', () => {
  for (const junk of [null, undefined, 5, 'x', [], { key: 7, operator: {} }]) {
    assert.equal(toleratesTaint(junk as unknown as Toleration, { key: 'a', effect: 'NoSchedule' }), false);
    assert.equal(
      toleratesTaint({ operator: 'Exists' }, junk as unknown as Taint),
      junk !== null && typeof junk === 'object' && !Array.isArray(junk),
    );
  }
});

test('daemonPodTolerations adds the controller tolerations (AddOrUpdateDaemonPodTolerations)', () => {
  const added = daemonPodTolerations({});
  assert.deepEqual(
    added.map((t) => `${t.key}:${t.effect}:${t.operator}`),
    [
      'node.kubernetes.io/not-ready:NoExecute:Exists',
      'node.kubernetes.io/unreachable:NoExecute:Exists',
      'node.kubernetes.io/disk-pressure:NoSchedule:Exists',
      'node.kubernetes.io/memory-pressure:NoSchedule:Exists',
      'node.kubernetes.io/pid-pressure:NoSchedule:Exists',
      'node.kubernetes.io/unschedulable:NoSchedule:Exists',
    ],
  );
  const hostNetwork = daemonPodTolerations({ hostNetwork: true });
  assert.equal(hostNetwork.length, 7);
  assert.equal(hostNetwork[6]?.key, 'node.kubernetes.io/network-unavailable');
  assert.equal(hostNetwork[6]?.effect, 'NoSchedule');
});

test('daemonPodTolerations keeps user tolerations first and replaces an equal one that has tolerationSeconds', () => {
  const user: Toleration[] = [
    { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  const result = daemonPodTolerations({ tolerations: user });
  assert.equal(result.length, 7);
  assert.equal(result[0], user[0]);
  assert.equal(result[1]?.key, 'node.kubernetes.io/not-ready');
  assert.equal(result[1]?.tolerationSeconds, undefined, 'the infinite toleration replaces the bounded one in place');
  assert.equal(user[1]?.tolerationSeconds, 300, 'the input is not mutated');
});

test('daemonPodTolerations ignores non-list tolerations and non-object entries', () => {
  assert.equal(daemonPodTolerations({ tolerations: 'all' as unknown as Toleration[] }).length, 6);
  assert.equal(
    daemonPodTolerations({ tolerations: [null, 3, { operator: 'Exists' }] as unknown as Toleration[] }).length,
    7,
  );
  assert.equal(daemonPodTolerations(undefined).length, 6);
});

test('findUntoleratedTaint returns the first untolerated taint in node order, after the filter', () => {
  const taints: Taint[] = [
    { key: 'a', effect: 'PreferNoSchedule' },
    { key: 'b', effect: 'NoSchedule' },
    { key: 'c', effect: 'NoExecute' },
  ];
  const noScheduleOrExecute = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
  assert.equal(findUntoleratedTaint(taints, [], noScheduleOrExecute)?.key, 'b');
  assert.equal(findUntoleratedTaint(taints, [{ key: 'b', operator: 'Exists' }], noScheduleOrExecute)?.key, 'c');
  assert.equal(findUntoleratedTaint(taints, [{ operator: 'Exists' }], noScheduleOrExecute), undefined);
  assert.equal(findUntoleratedTaint(taints, [], (t) => t.effect === 'NoExecute')?.key, 'c');
});

test('formatTaint writes key=value:effect', () => {
  assert.equal(
    formatTaint({ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }),
    'nvidia.com/gpu=present:NoSchedule',
  );
  assert.equal(
    formatTaint({ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }),
    'node-role.kubernetes.io/master:NoSchedule',
  );
});

test('DAEMON_POD_TOLERATIONS is the list daemonPodTolerations applies (network-unavailable only with hostNetwork)', () => {
  assert.deepEqual(
    daemonPodTolerations({ hostNetwork: true }),
    DAEMON_POD_TOLERATIONS.map((t) => t.toleration),
  );
  assert.deepEqual(
    daemonPodTolerations({}),
    DAEMON_POD_TOLERATIONS.filter((t) => !t.onlyWithHostNetwork).map((t) => t.toleration),
  );
  assert.deepEqual(
    DAEMON_POD_TOLERATIONS.filter((t) => t.onlyWithHostNetwork).map((t) => t.toleration.key),
    ['node.kubernetes.io/network-unavailable'],
  );
});
