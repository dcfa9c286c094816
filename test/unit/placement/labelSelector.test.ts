// Label selectors: LabelSelectorAsSelector and Selector.Matches (apimachinery
// pkg/apis/meta/v1/helpers.go, pkg/labels/selector.go), and the orphan adoption that uses them
// (pkg/controller/controller_ref_manager.go PodControllerRefManager.ClaimPods). The adoption cases
// are TestClaimPods's (controller_ref_manager_test.go), with the selector `type=production`
// written both as matchLabels and as matchExpressions: the controller claims with the whole selector.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  labelSelectorAsSelector,
  labelSelectorMatches,
  predictPlacement,
  type ClusterState,
  type DaemonSet,
  type Pod,
} from '../../../server/src/placement';

const matches = (selector: unknown, labels: Record<string, string>): boolean | 'error' => {
  const compiled = labelSelectorAsSelector(selector);
  return compiled === undefined ? 'error' : labelSelectorMatches(compiled, labels);
};

const cases: Array<{ name: string; selector: unknown; labels: Record<string, string>; want: boolean | 'error' }> = [
  { name: 'nil selects nothing', selector: null, labels: { a: 'b' }, want: false },
  { name: 'empty selects everything', selector: {}, labels: { a: 'b' }, want: true },
  { name: 'matchLabels equal', selector: { matchLabels: { foo: 'bar' } }, labels: { foo: 'bar', x: 'y' }, want: true },
  { name: 'matchLabels other value', selector: { matchLabels: { foo: 'bar' } }, labels: { foo: 'baz' }, want: false },
  { name: 'matchLabels missing key', selector: { matchLabels: { foo: 'bar' } }, labels: {}, want: false },
  {
    name: 'In',
    selector: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'baz'] }] },
    labels: { foo: 'baz' },
    want: true,
  },
  {
    name: 'In without the key',
    selector: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
    labels: {},
    want: false,
  },
  {
    name: 'NotIn with another value',
    selector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] },
    labels: { foo: 'baz' },
    want: true,
  },
  {
    name: 'NotIn without the key',
    selector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] },
    labels: {},
    want: true,
  },
  {
    name: 'NotIn with the value',
    selector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] },
    labels: { foo: 'bar' },
    want: false,
  },
  {
    name: 'Exists',
    selector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
    labels: { foo: '' },
    want: true,
  },
  {
    name: 'DoesNotExist',
    selector: { matchExpressions: [{ key: 'foo', operator: 'DoesNotExist' }] },
    labels: { foo: 'bar' },
    want: false,
  },
  {
    name: 'matchLabels and matchExpressions are ANDed',
    selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'Exists' }] },
    labels: { a: 'b' },
    want: false,
  },
  {
    name: 'unknown operator is an error',
    selector: { matchExpressions: [{ key: 'foo', operator: 'Has', values: ['bar'] }] },
    labels: { foo: 'bar' },
    want: 'error',
  },
  {
    name: 'In without values is an error',
    selector: { matchExpressions: [{ key: 'foo', operator: 'In', values: [] }] },
    labels: { foo: 'bar' },
    want: 'error',
  },
  {
    name: 'Exists with values is an error',
    selector: { matchExpressions: [{ key: 'foo', operator: 'Exists', values: ['bar'] }] },
    labels: { foo: 'bar' },
    want: 'error',
  },
  {
    name: 'invalid key is an error',
    selector: { matchLabels: { '-foo': 'bar' } },
    labels: { '-foo': 'bar' },
    want: 'error',
  },
  {
    name: 'invalid value is an error',
    selector: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['a b'] }] },
    labels: { foo: 'a b' },
    want: 'error',
  },
];

for (const c of cases) {
  test(`labelSelector: ${c.name}`, () => {
    assert.equal(matches(c.selector, c.labels), c.want);
  });
}

// --- adoption (ClaimPods) ---------------------------------------------------------------

const productionLabel = { type: 'production' };
const testLabel = { type: 'testing' };
const selectors = {
  matchLabels: { matchLabels: { type: 'production' } },
  matchExpressions: { matchExpressions: [{ key: 'type', operator: 'In', values: ['production'] }] },
};

function daemonSet(selector: unknown): DaemonSet {
  return {
    metadata: { name: 'ds', namespace: 'default', uid: '123' },
    spec: {
      selector: selector as never,
      template: {
        metadata: { labels: productionLabel },
        spec: { containers: [{ name: 'c', resources: { requests: { cpu: '600m' } } }] },
      },
    },
  } as DaemonSet;
}

/** newPod of TestClaimPods, bound to a node of its own name; `owner` gives a controller reference. */
function newPod(
  name: string,
  labels: Record<string, string>,
  owner?: { kind: string; name: string; uid: string },
  namespace = 'default',
): Pod {
  return {
    metadata: {
      name,
      namespace,
      labels,
      ...(owner ? { ownerReferences: [{ ...owner, apiVersion: 'apps/v1', controller: true }] } : {}),
    },
    spec: { nodeName: `node-${name}`, containers: [{ name: 'c', resources: { requests: { cpu: '600m' } } }] },
    status: { phase: 'Running' },
  } as Pod;
}

/** Which pods the DaemonSet counts as its own: their node has room for its pod (1 CPU, 600m each). */
function claimed(selector: unknown, pods: Pod[]): string[] {
  const cluster: ClusterState = {
    nodes: pods.map((p) => ({
      metadata: { name: `node-${p.metadata?.name}` },
      status: { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } },
    })),
    pods,
  };
  return predictPlacement(daemonSet(selector), cluster)
    .nodes.filter((v) => v.reason === 'ok')
    .map((v) => v.name.replace('node-', ''));
}

for (const [form, selector] of Object.entries(selectors)) {
  test(`ClaimPods (${form}): claim pods with correct label`, () => {
    assert.deepEqual(claimed(selector, [newPod('pod1', productionLabel), newPod('pod2', testLabel)]), ['pod1']);
  });
  test(`ClaimPods (${form}): controller can not claim pods owned by another controller`, () => {
    const other = { kind: 'DaemonSet', name: 'other', uid: 'AAAAA' };
    assert.deepEqual(
      claimed(selector, [
        newPod('pod1', productionLabel, { kind: 'DaemonSet', name: 'ds', uid: '123' }),
        newPod('pod2', productionLabel, other),
      ]),
      ['pod1'],
    );
  });
  test(`ClaimPods (${form}): controller does not claim pods of different namespace`, () => {
    assert.deepEqual(
      claimed(selector, [newPod('pod1', productionLabel), newPod('pod2', productionLabel, undefined, 'fakens')]),
      ['pod1'],
    );
  });
}

test('ClaimPods: a selector with NotIn adopts the orphans it matches, not the others', () => {
  const selector = {
    matchLabels: { app: 'x' },
    matchExpressions: [{ key: 'type', operator: 'NotIn', values: ['testing'] }],
  };
  assert.deepEqual(
    claimed(selector, [
      newPod('pod1', { app: 'x', type: 'production' }),
      newPod('pod2', { app: 'x', type: 'testing' }),
      newPod('pod3', { app: 'x' }),
    ]),
    ['pod1', 'pod3'],
  );
});

test('ClaimPods: an invalid selector claims nothing', () => {
  const selector = { matchExpressions: [{ key: 'type', operator: 'Has', values: ['production'] }] };
  assert.deepEqual(claimed(selector, [newPod('pod1', productionLabel)]), []);
});
