import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainRolloutValue, factsAt, rolloutBudget, scaledValue } from '../../../server/src/schema/daemonSetFacts';
import { schemaAtPath } from '../../../server/src/schema/schema';

test('percentages scale like GetScaledValueFromIntOrPercent with roundUp', () => {
  assert.equal(scaledValue('10%', 10), 1);
  assert.equal(scaledValue('10%', 11), 2);
  assert.equal(scaledValue('10%', 1), 1);
  assert.equal(scaledValue('10%', 0), 0);
  assert.equal(scaledValue('0%', 50), 0);
  assert.equal(scaledValue('100%', 7), 7);
  assert.equal(scaledValue(3, 100), 3);
  assert.equal(scaledValue('3', 100), undefined);
  assert.equal(scaledValue('10.5%', 100), undefined);
  assert.equal(scaledValue(1.5, 100), undefined);
});

test('the rollout budget takes the defaults and the controller fallback', () => {
  assert.deepEqual(rolloutBudget({}, 20), { maxUnavailable: 1, maxSurge: 0, fellBackToOneUnavailable: false });
  assert.deepEqual(rolloutBudget({ maxUnavailable: '25%', maxSurge: '10%' }, 9), {
    maxUnavailable: 3,
    maxSurge: 1,
    fellBackToOneUnavailable: false,
  });
  assert.deepEqual(rolloutBudget({ maxUnavailable: '0%', maxSurge: 0 }, 5), {
    maxUnavailable: 1,
    maxSurge: 0,
    fellBackToOneUnavailable: true,
  });
  assert.deepEqual(rolloutBudget({ maxUnavailable: 0, maxSurge: 0 }, 0), {
    maxUnavailable: 0,
    maxSurge: 0,
    fellBackToOneUnavailable: false,
  });
  assert.equal(rolloutBudget({ maxSurge: 'lots' }, 5), undefined);
});

test('rollout values are explained in nodes', () => {
  assert.equal(
    explainRolloutValue('maxUnavailable', 2),
    '`2`: at most 2 nodes may be without an available daemon pod at once.',
  );
  assert.match(
    explainRolloutValue('maxSurge', '50%', { count: 3, source: 'snapshot nodes.yaml' }),
    /2 of 3 nodes if every node of snapshot nodes\.yaml runs it/,
  );
  assert.match(explainRolloutValue('maxSurge', 'half'), /not an integer or a percentage/);
});

test('every fact is about a field the schema knows', () => {
  const paths = [
    'spec.template.spec.restartPolicy',
    'spec.template.spec.tolerations',
    'spec.selector',
    'spec.updateStrategy.rollingUpdate.maxUnavailable',
    'spec.updateStrategy.rollingUpdate.maxSurge',
    'spec.template.spec.nodeName',
    'spec.template.spec.containers[].ports[].hostPort',
    'spec.minReadySeconds',
  ];
  for (const p of paths) {
    assert.ok(factsAt(p).length > 0, p);
    const steps = p.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), 0] : [s]));
    assert.ok(schemaAtPath(steps), p);
  }
});
