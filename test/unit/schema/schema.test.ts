import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAEMONSET,
  groupVersionKind,
  propertiesOf,
  property,
  rootSchema,
  schemaAtPath,
  schemaHeader,
} from '../../../server/src/schema/schema';
import { explainPath } from '../../../server/src/model/fieldPath';
import { enumMeaning } from '../../../server/src/schema/enumMeanings';

const CONTAINER = ['spec', 'template', 'spec', 'containers', 0] as const;

test('the root is the DaemonSet definition, served as apps/v1', () => {
  const root = rootSchema();
  assert.equal(root.type, 'object');
  assert.equal(root.definition, DAEMONSET);
  assert.equal(root.explainType, 'DaemonSet');
  assert.equal(root.description, 'DaemonSet represents the configuration of a daemon set.');
  assert.deepEqual(groupVersionKind(), { group: 'apps', version: 'v1', kind: 'DaemonSet' });
  assert.deepEqual(
    propertiesOf(root).map((p) => p.name),
    ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  );
});

test('selector.matchLabels is a map of strings', () => {
  const node = schemaAtPath(['spec', 'selector', 'matchLabels']);
  assert.equal(node?.type, 'map');
  assert.equal(node?.explainType, 'map[string]string');
  assert.equal(node?.values?.type, 'string');
  // Map values are reached by any key.
  assert.equal(schemaAtPath(['spec', 'selector', 'matchLabels', 'app'])?.type, 'string');
});

test('a toleration operator carries its enum and default', () => {
  const node = schemaAtPath(['spec', 'template', 'spec', 'tolerations', 0, 'operator']);
  assert.equal(node?.type, 'string');
  assert.deepEqual(node?.enum, ['Equal', 'Exists', 'Lt', 'Gt']);
  assert.equal(node?.default, 'Equal');
  assert.deepEqual(schemaAtPath(['spec', 'template', 'spec', 'tolerations', 3, 'effect'])?.enum, [
    'NoExecute',
    'NoSchedule',
    'PreferNoSchedule',
  ]);
});

test('resources.limits is a map of Quantity', () => {
  const node = schemaAtPath([...CONTAINER, 'resources', 'limits']);
  assert.equal(node?.type, 'map');
  assert.equal(node?.explainType, 'map[string]Quantity');
  assert.equal(node?.values?.type, 'quantity');
  assert.equal(schemaAtPath([...CONTAINER, 'resources', 'limits', 'cpu'])?.explainType, 'Quantity');
});

test('rollingUpdate.maxSurge and maxUnavailable are IntOrString with defaults 0 and 1', () => {
  const surge = schemaAtPath(['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge']);
  const unavailable = schemaAtPath(['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']);
  assert.equal(surge?.type, 'intOrString');
  assert.equal(surge?.explainType, 'IntOrString');
  assert.equal(surge?.default, '0');
  assert.equal(unavailable?.type, 'intOrString');
  assert.equal(unavailable?.default, '1');
  assert.match(surge?.description ?? '', /^The maximum number of nodes with an existing available DaemonSet pod/);
});

test('unknown paths and steps of the wrong kind are undefined', () => {
  assert.equal(schemaAtPath(['spec', 'nope']), undefined);
  assert.equal(schemaAtPath(['spec', 'template', 'spec', 'containers', 'image']), undefined);
  assert.equal(schemaAtPath(['spec', 0]), undefined);
  assert.equal(schemaAtPath([...CONTAINER, 'image', 'deeper']), undefined);
  assert.equal(schemaAtPath(['spec'], 'io.k8s.api.core.v1.NotThere'), undefined);
  assert.throws(() => rootSchema('io.k8s.api.core.v1.NotThere'));
});

test('explain types read like kubectl explain', () => {
  const cases: Array<[Array<string | number>, string]> = [
    [['spec'], 'DaemonSetSpec'],
    [['spec', 'updateStrategy'], 'DaemonSetUpdateStrategy'],
    [['spec', 'template', 'spec', 'containers'], '[]Container'],
    [['spec', 'template', 'spec', 'containers', 0], 'Container'],
    [[...CONTAINER, 'args'], '[]string'],
    [[...CONTAINER, 'image'], 'string'],
    [[...CONTAINER, 'ports', 0, 'containerPort'], 'integer'],
    [['spec', 'template', 'spec', 'hostNetwork'], 'boolean'],
    [['metadata', 'creationTimestamp'], 'Time'],
    [['metadata', 'annotations'], 'map[string]string'],
    [['metadata', 'managedFields', 0, 'fieldsV1'], 'Object'],
    [['spec', 'template', 'spec', 'overhead'], 'map[string]Quantity'],
  ];
  for (const [path, explainType] of cases) {
    assert.equal(schemaAtPath(path)?.explainType, explainType, explainPath(path));
  }
  assert.equal(schemaAtPath([...CONTAINER, 'ports', 0, 'containerPort'])?.format, 'int32');
  assert.equal(schemaAtPath(['metadata', 'creationTimestamp'])?.type, 'time');
});

test('below a free-form object everything is any', () => {
  const node = schemaAtPath(['metadata', 'managedFields', 0, 'fieldsV1', 'f:metadata', 'f:labels']);
  assert.equal(node?.type, 'any');
});

test('required flags follow the definitions', () => {
  const spec = schemaAtPath(['spec'])!;
  assert.equal(property(spec, 'selector')?.required, true);
  assert.equal(property(spec, 'template')?.required, true);
  assert.equal(property(spec, 'updateStrategy')?.required, false);
  const podSpec = schemaAtPath(['spec', 'template', 'spec'])!;
  assert.equal(property(podSpec, 'containers')?.required, true);
  assert.equal(property(podSpec, 'initContainers')?.required, false);
  const container = schemaAtPath(CONTAINER)!;
  assert.equal(property(container, 'name')?.required, true);
  assert.equal(property(container, 'image')?.required, false);
  assert.equal(property(container, 'nope'), undefined);
  assert.equal(property(schemaAtPath([...CONTAINER, 'image'])!, 'x'), undefined);
  assert.deepEqual(propertiesOf(schemaAtPath([...CONTAINER, 'image'])!), []);
});

test('defaults come from descriptions and from the curated defaulting table', () => {
  const cases: Array<[Array<string | number>, string]> = [
    [['spec', 'updateStrategy', 'type'], 'RollingUpdate'],
    [['spec', 'revisionHistoryLimit'], '10'],
    [['spec', 'minReadySeconds'], '0'],
    [['spec', 'template', 'spec', 'restartPolicy'], 'Always'],
    [['spec', 'template', 'spec', 'dnsPolicy'], 'ClusterFirst'],
    [['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], '30'],
    [['spec', 'template', 'spec', 'schedulerName'], 'default-scheduler'],
    [[...CONTAINER, 'ports', 0, 'protocol'], 'TCP'],
    [[...CONTAINER, 'terminationMessagePath'], '/dev/termination-log'],
    [[...CONTAINER, 'volumeMounts', 0, 'subPath'], ''],
  ];
  for (const [path, value] of cases) assert.equal(schemaAtPath(path)?.default, value, explainPath(path));
  // "Defaults to Always if :latest tag is specified, or IfNotPresent otherwise" is conditional.
  assert.equal(schemaAtPath([...CONTAINER, 'imagePullPolicy'])?.default, undefined);
  assert.deepEqual(schemaAtPath([...CONTAINER, 'imagePullPolicy'])?.enum, ['Always', 'IfNotPresent', 'Never']);
});

test('list-map keys are carried for merge-keyed lists', () => {
  const containers = schemaAtPath(['spec', 'template', 'spec', 'containers']);
  assert.equal(containers?.type, 'array');
  assert.equal(containers?.items?.definition, 'io.k8s.api.core.v1.Container');
  const ports = schemaAtPath([...CONTAINER, 'ports']);
  assert.equal(ports?.listType, 'map');
  assert.deepEqual(ports?.listMapKeys, ['containerPort', 'protocol']);
});

test('nodes are cached and frozen', () => {
  assert.equal(schemaAtPath(['spec', 'template']), schemaAtPath(['spec', 'template']));
  assert.equal(rootSchema(), rootSchema());
  assert.ok(Object.isFrozen(schemaAtPath(['spec', 'template'])));
  // propertiesOf hands out a copy: a caller sorting it cannot reorder the cache.
  propertiesOf(rootSchema()).reverse();
  assert.equal(propertiesOf(rootSchema())[0]?.name, 'apiVersion');
});

test('the header carries the attribution and the source hash', () => {
  assert.equal(
    schemaHeader.attribution,
    'Derived from the Kubernetes OpenAPI spec, release 1.36, Copyright The Kubernetes Authors, Apache License 2.0',
  );
  assert.match(schemaHeader.sourceSha256, /^[0-9a-f]{64}$/);
  assert.equal(schemaHeader.root, DAEMONSET);
});

test('every enum value in the schema has a meaning', () => {
  const seen = new Set<string>();
  const walk = (node: ReturnType<typeof rootSchema>, depth: number): void => {
    const target = node.type === 'array' ? node.items : node;
    if (!target || target.type !== 'object' || !target.definition || seen.has(target.definition) || depth > 30) return;
    seen.add(target.definition);
    for (const p of propertiesOf(target)) {
      for (const v of p.schema.enum ?? []) {
        assert.ok(enumMeaning(target.definition, p.name, v), `${target.definition}.${p.name} = ${v}`);
      }
      walk(p.schema, depth + 1);
    }
  };
  walk(rootSchema(), 0);
  assert.ok(seen.size > 100, `walked ${seen.size} definitions`);
});
