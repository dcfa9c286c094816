// The panel's view model (client/webview/model.ts) in Node: verdict words, filter, grouping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildView,
  countsSummary,
  daemonSetAtLine,
  groupKeys,
  groupLabel,
  MAX_GROUP_KEYS,
  matchingNodes,
  prepare,
  reasonText,
  relativeTime,
  verdictKind,
  VERDICT_LABEL,
} from '../../client/webview/model';
import type { PlacementResponse } from '../../protocol';
import { makeResponse } from './harness';

describe('verdicts', () => {
  test('controller and scheduler outcomes map to the words the panel shows', () => {
    const cases: Array<[boolean, boolean, boolean, string]> = [
      [true, true, false, 'Runs'],
      [true, true, true, 'Pending'],
      [true, false, false, 'Runs but would be evicted'],
      [false, true, false, 'Not scheduled'],
      [false, false, false, 'Not scheduled'],
    ];
    for (const [shouldRun, shouldContinueRunning, pending, label] of cases) {
      assert.equal(
        VERDICT_LABEL[verdictKind({ shouldRun, shouldContinueRunning, pending })],
        label,
        `${shouldRun}/${shouldContinueRunning}/${pending}`,
      );
    }
  });

  test('the reason is the engine detail plus its notes, or plain words for the code', () => {
    assert.equal(
      reasonText({ reason: 'taint', detail: 'taint a=b:NoSchedule is not tolerated' }),
      'taint a=b:NoSchedule is not tolerated',
    );
    assert.equal(
      reasonText({ reason: 'ok', detail: 'fits', notes: ['cordoned', 'NotReady'] }),
      'fits (cordoned; NotReady)',
    );
    assert.equal(reasonText({ reason: 'hostPort', detail: '' }), 'a host port is already taken on the node');
  });
});

describe('filter and grouping', () => {
  const p = prepare(makeResponse(30));

  test('all terms must match the name, a key=value label, the verdict or the reason', () => {
    assert.equal(matchingNodes(p, '').length, 30);
    assert.deepEqual(matchingNodes(p, 'node-00001'), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    assert.deepEqual(matchingNodes(p, 'arch=arm64 ZONE-A'), [3, 15, 27]);
    assert.deepEqual(matchingNodes(p, 'pending'), [7, 17, 27]);
    assert.deepEqual(matchingNodes(p, 'nvidia.com/gpu'), [8, 18, 28]);
  });

  test('grouping by zone gives sorted groups with per-verdict counts; collapsed groups hide their nodes', () => {
    const v = buildView(p, '', 'topology.kubernetes.io/zone', new Set());
    assert.deepEqual(v.groups.map(groupLabel), ['zone-a', 'zone-b', 'zone-c']);
    assert.deepEqual(
      v.groups.map((g) => g.members.length),
      [10, 10, 10],
    );
    assert.equal(countsSummary(v.groups[0].counts), '7 run · 1 pending · 2 not scheduled');
    assert.equal(v.entries.length, 33);
    assert.equal(v.entries[0], -1);
    const collapsed = buildView(p, '', 'topology.kubernetes.io/zone', new Set(['=zone-b']));
    assert.equal(collapsed.entries.length, 23);
    assert.equal(collapsed.groups[1].collapsed, true);
  });

  test('nodes without the label form the last group; well-known keys are offered first', () => {
    const r: PlacementResponse = makeResponse(3);
    r.rows![1].labels = { 'b-custom': 'x', pool: 'gpu' };
    const q = prepare(r);
    const v = buildView(q, '', 'pool', new Set());
    assert.deepEqual(v.groups.map(groupLabel), ['gpu', '(label not set)']);
    assert.deepEqual(groupKeys(q), [
      'topology.kubernetes.io/zone',
      'node.kubernetes.io/instance-type',
      'kubernetes.io/arch',
      'pool',
      'b-custom',
      'kubernetes.io/hostname',
    ]);
  });

  test('a cluster with a distinct label key per node offers a bounded list', () => {
    const r = makeResponse(5000);
    r.rows!.forEach((row, i) => {
      row.labels[`unique-${i}`] = 'x';
    });
    assert.equal(groupKeys(prepare(r)).length, MAX_GROUP_KEYS);
  });

  test('a response without result or rows prepares to nothing and does not throw', () => {
    const q = prepare({
      uri: 'file:///x.yaml',
      daemonSets: [],
      selected: -1,
      cluster: { source: 's', kind: 'example', state: 'ok', nodeCount: 0 },
    });
    assert.equal(buildView(q, 'x', 'pool', new Set()).entries.length, 0);
  });
});

describe('helpers', () => {
  test('relative time', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    assert.equal(relativeTime('2025-01-01T11:59:58Z', now), 'just now');
    assert.equal(relativeTime('2025-01-01T11:59:18Z', now), '42 s ago');
    assert.equal(relativeTime('2025-01-01T11:55:00Z', now), '5 min ago');
    assert.equal(relativeTime('2025-01-01T09:00:00Z', now), '3 h ago');
    assert.equal(relativeTime('2024-12-29T12:00:00Z', now), '3 d ago');
    assert.equal(relativeTime('yesterday', now), '');
    assert.equal(relativeTime(undefined, now), '');
  });

  test('the DaemonSet under a line is the last one starting at or above it', () => {
    const list = [
      { index: 0, line: 0 },
      { index: 1, line: 30 },
      { index: 2, line: 61 },
    ];
    assert.equal(daemonSetAtLine(list, 12), 0);
    assert.equal(daemonSetAtLine(list, 30), 1);
    assert.equal(daemonSetAtLine(list, 200), 2);
    assert.equal(daemonSetAtLine([{ index: 0, line: 5 }], 1), 0);
    assert.equal(daemonSetAtLine([], 1), -1);
  });
});
