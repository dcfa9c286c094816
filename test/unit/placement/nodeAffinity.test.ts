// nodeSelector and required node affinity, against the behaviour of
// k8s.io/component-helpers/scheduling/corev1/nodeaffinity (TestNodeSelectorMatch,
// TestRequiredNodeAffinity) and labels.Requirement.Matches.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  compileRequiredAffinity,
  explainAffinityMismatch,
  matchesNodeSelector,
  matchesNodeSelectorTerm,
  requiredAffinityMatches,
  type Node,
  type NodeAffinity,
  type NodeSelectorTerm,
} from '../../../server/src/placement';

const node: Node = {
  metadata: { name: 'node-1', labels: { foo: 'bar', zone: 'a', cores: '16', 'kubernetes.io/os': 'linux', odd: 'x1' } },
};

function required(terms: unknown): NodeAffinity {
  return { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as NodeSelectorTerm[] } };
}

function matches(affinity: NodeAffinity, target: Node = node): boolean {
  const meta = target.metadata ?? {};
  return requiredAffinityMatches(compileRequiredAffinity(affinity), meta.labels ?? {}, meta.name ?? '');
}

const expr = (key: string, operator: string, values?: string[]): NodeSelectorTerm => ({
  matchExpressions: [values === undefined ? { key, operator } : { key, operator, values }],
});

const termCases: Array<{ name: string; term: NodeSelectorTerm; match: boolean }> = [
  { name: 'In with the node value', term: expr('foo', 'In', ['bar', 'baz']), match: true },
  { name: 'In without the node value', term: expr('foo', 'In', ['baz']), match: false },
  { name: 'In on a missing label', term: expr('gpu', 'In', ['true']), match: false },
  { name: 'NotIn with another value', term: expr('foo', 'NotIn', ['baz']), match: true },
  { name: 'NotIn with the node value', term: expr('foo', 'NotIn', ['bar']), match: false },
  { name: 'NotIn on a missing label matches', term: expr('gpu', 'NotIn', ['true']), match: true },
  { name: 'Exists', term: expr('foo', 'Exists'), match: true },
  { name: 'Exists on a missing label', term: expr('gpu', 'Exists'), match: false },
  { name: 'DoesNotExist on a missing label', term: expr('gpu', 'DoesNotExist'), match: true },
  { name: 'DoesNotExist on a present label', term: expr('foo', 'DoesNotExist'), match: false },
  { name: 'Gt below the label', term: expr('cores', 'Gt', ['8']), match: true },
  { name: 'Gt equal is not greater', term: expr('cores', 'Gt', ['16']), match: false },
  { name: 'Lt above the label', term: expr('cores', 'Lt', ['32']), match: true },
  { name: 'Lt with a negative bound', term: expr('cores', 'Lt', ['-1']), match: false },
  { name: 'Gt on a non-integer label value', term: expr('odd', 'Gt', ['0']), match: false },
  { name: 'Gt on a missing label', term: expr('gpu', 'Gt', ['0']), match: false },
  {
    name: 'expressions in a term are ANDed',
    term: {
      matchExpressions: [
        { key: 'foo', operator: 'In', values: ['bar'] },
        { key: 'zone', operator: 'In', values: ['b'] },
      ],
    },
    match: false,
  },
  { name: 'prefixed keys work', term: expr('kubernetes.io/os', 'In', ['linux']), match: true },
  { name: 'unknown operator makes the term invalid', term: expr('foo', 'Equals', ['bar']), match: false },
  { name: 'In without values is invalid', term: expr('foo', 'In', []), match: false },
  { name: 'Exists with values is invalid', term: expr('foo', 'Exists', ['bar']), match: false },
  { name: 'Gt with two values is invalid', term: expr('cores', 'Gt', ['1', '2']), match: false },
  { name: 'Gt with a non-integer bound is invalid', term: expr('cores', 'Gt', ['1.5']), match: false },
  { name: 'an invalid key is invalid', term: expr('foo bar', 'Exists'), match: false },
  {
    name: 'an invalid value is invalid even if another would match',
    term: expr('foo', 'In', ['bar', 'not valid!']),
    match: false,
  },
  {
    name: 'matchFields metadata.name In',
    term: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
    match: true,
  },
  {
    name: 'matchFields metadata.name NotIn',
    term: { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] },
    match: false,
  },
  {
    name: 'matchFields with two values is invalid',
    term: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1', 'node-2'] }] },
    match: false,
  },
  {
    name: 'matchFields Exists is invalid',
    term: { matchFields: [{ key: 'metadata.name', operator: 'Exists' }] },
    match: false,
  },
  {
    name: 'matchFields only knows metadata.name',
    term: { matchFields: [{ key: 'metadata.uid', operator: 'NotIn', values: ['x'] }] },
    match: false,
  },
  {
    name: 'expressions and fields are ANDed',
    term: {
      matchExpressions: [{ key: 'foo', operator: 'Exists' }],
      matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }],
    },
    match: false,
  },
  { name: 'an empty term matches nothing', term: {}, match: false },
  { name: 'a term with empty lists matches nothing', term: { matchExpressions: [], matchFields: [] }, match: false },
];

for (const c of termCases) {
  test(`matchesNodeSelectorTerm: ${c.name}`, () => {
    assert.equal(matchesNodeSelectorTerm(c.term, node), c.match);
    assert.equal(matches(required([c.term])), c.match, 'the same term as the only required term');
  });
}

test('required affinity: terms are ORed and an invalid term does not spoil a valid one', () => {
  assert.equal(matches(required([expr('foo', 'In', ['nope']), expr('zone', 'In', ['a'])])), true);
  assert.equal(matches(required([expr('foo', 'Bogus', ['bar']), expr('zone', 'In', ['a'])])), true);
  assert.equal(matches(required([expr('foo', 'In', ['nope']), expr('zone', 'In', ['b'])])), false);
});

test('required affinity: empty term list and all-empty terms match nothing; absent affinity matches all', () => {
  assert.equal(matches(required([])), false);
  assert.equal(matches(required([{}, { matchExpressions: [] }])), false);
  assert.equal(
    matches({ requiredDuringSchedulingIgnoredDuringExecution: {} }),
    false,
    'nodeSelectorTerms missing: no term',
  );
  assert.equal(matches({}), true);
  assert.equal(
    matches({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: expr('gpu', 'Exists') }] }),
    true,
    'preferred never excludes',
  );
});

test('matchFields is ignored for a node without a name (extractNodeFields is empty)', () => {
  const nameless: Node = { metadata: { labels: { foo: 'bar' } } };
  assert.equal(
    matches(required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }]), nameless),
    true,
  );
});

test('label keys are own properties: a label selector for `constructor` does not see Object.prototype', () => {
  const bare: Node = { metadata: { name: 'n', labels: {} } };
  assert.equal(matches(required([expr('constructor', 'Exists')]), bare), false);
  assert.equal(matchesNodeSelector({ toString: 'x' }, bare), false);
});

test('explainAffinityMismatch: one term points at the failing expression', () => {
  const compiled = compileRequiredAffinity(
    required([
      {
        matchExpressions: [
          { key: 'foo', operator: 'In', values: ['bar'] },
          { key: 'gpu', operator: 'In', values: ['a', 'b'] },
        ],
      },
    ]),
  );
  const why = explainAffinityMismatch(compiled, node.metadata!.labels!, 'node-1');
  assert.equal(why.detail, 'node affinity `gpu In [a, b]` does not match (node has no label gpu)');
  assert.deepEqual(why.path, [
    'spec',
    'template',
    'spec',
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
    0,
    'matchExpressions',
    1,
  ]);
});

test('explainAffinityMismatch: several terms are each explained; invalid terms say why', () => {
  const compiled = compileRequiredAffinity(required([expr('foo', 'In', ['baz']), {}, expr('zone', 'Equals', ['a'])]));
  const why = explainAffinityMismatch(compiled, node.metadata!.labels!, 'node-1');
  assert.equal(
    why.detail,
    'none of the 2 node affinity terms matches: term 0: `foo In [baz]` does not match (node has foo=bar); ' +
      'term 2: is invalid and matches no node: operator "Equals" is not supported (In, NotIn, Exists, DoesNotExist, Gt, Lt)',
  );
  assert.deepEqual(why.path, [
    'spec',
    'template',
    'spec',
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
  ]);
});

test('explainAffinityMismatch: no usable term, and malformed shapes (paths)', () => {
  const TERMS = [
    'spec',
    'template',
    'spec',
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
  ];
  assert.deepEqual(explainAffinityMismatch(compileRequiredAffinity(required([])), {}, 'n').path, TERMS);
  const malformed = compileRequiredAffinity({
    requiredDuringSchedulingIgnoredDuringExecution: [{ matchExpressions: [] }],
  } as unknown as NodeAffinity);
  assert.equal(requiredAffinityMatches(malformed, {}, 'n'), false);
  assert.deepEqual(explainAffinityMismatch(malformed, {}, 'n').path, TERMS.slice(0, -1));
  const gt = compileRequiredAffinity(required([expr('odd', 'Gt', ['0'])]));
  assert.deepEqual(explainAffinityMismatch(gt, node.metadata!.labels!, 'node-1').path, [
    ...TERMS,
    0,
    'matchExpressions',
    0,
  ]);
});

test('explainAffinityMismatch wording: no usable term, malformed shapes, a non-integer for Gt', () => {
  assert.match(
    explainAffinityMismatch(compileRequiredAffinity(required([])), {}, 'n').detail,
    /no non-empty nodeSelectorTerms/,
  );
  const malformed = compileRequiredAffinity({
    requiredDuringSchedulingIgnoredDuringExecution: [{ matchExpressions: [] }],
  } as unknown as NodeAffinity);
  assert.match(explainAffinityMismatch(malformed, {}, 'n').detail, /must be an object with nodeSelectorTerms/);
  const gt = compileRequiredAffinity(required([expr('odd', 'Gt', ['0'])]));
  assert.equal(
    explainAffinityMismatch(gt, node.metadata!.labels!, 'node-1').detail,
    'node affinity `odd Gt 0` does not match (node has odd=x1, not an integer)',
  );
});

test('compileRequiredAffinity survives junk anywhere', () => {
  const junk: unknown[] = [
    null,
    5,
    'x',
    [],
    { requiredDuringSchedulingIgnoredDuringExecution: 'x' },
    required('x'),
    required([5, null, 'y']),
    required([{ matchExpressions: 'x' }]),
    required([{ matchExpressions: [null, 3, { key: 5, operator: [] }] }]),
    required([{ matchExpressions: [{ key: 'a', operator: 'In', values: 'a' }] }]),
    required([{ matchExpressions: [{ key: 'a', operator: 'In', values: [1, true] }] }]),
    required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [7] }] }]),
  ];
  for (const j of junk) {
    const compiled = compileRequiredAffinity(j);
    const labels = node.metadata!.labels!;
    const result = requiredAffinityMatches(compiled, labels, 'node-1');
    assert.equal(typeof result, 'boolean');
    if (!result) assert.equal(typeof explainAffinityMismatch(compiled, labels, 'node-1').detail, 'string');
  }
});

test('matchesNodeSelector: every key must be present with the same value; empty selects all', () => {
  assert.equal(matchesNodeSelector({ foo: 'bar', zone: 'a' }, node), true);
  assert.equal(matchesNodeSelector({ foo: 'bar', zone: 'b' }, node), false);
  assert.equal(matchesNodeSelector({ disktype: 'ssd' }, node), false);
  assert.equal(matchesNodeSelector({}, node), true);
  assert.equal(matchesNodeSelector(undefined, node), true);
  assert.equal(matchesNodeSelector({ foo: 'bar' }, { metadata: { labels: 'junk' } } as unknown as Node), false);
  assert.equal(
    matchesNodeSelector(
      { 'node-role.kubernetes.io/master': '' },
      { metadata: { labels: { 'node-role.kubernetes.io/master': '' } } },
    ),
    true,
  );
});
