// What the YAML language status item shows for each cluster state.
import test from 'node:test';
import assert from 'node:assert/strict';
import { clusterStatusView } from '../../../client/src/clusterStatusView';

test('before the first status: busy, informational', () => {
  const v = clusterStatusView(undefined);
  assert.equal(v.busy, true);
  assert.equal(v.severity, 'information');
  assert.match(v.accessibilityLabel, /^DaemonSet cluster: /);
});

test('a healthy source: its name with its kind icon, the node count as detail', () => {
  assert.deepEqual(clusterStatusView({ source: 'example cluster', kind: 'example', state: 'ok', nodeCount: 9 }), {
    text: '$(beaker) example cluster',
    detail: '9 nodes',
    severity: 'information',
    busy: false,
    accessibilityLabel: 'DaemonSet cluster: example cluster, 9 nodes',
  });
  assert.equal(
    clusterStatusView({ source: 'snapshot n.yaml', kind: 'snapshot', state: 'ok', nodeCount: 1 }).detail,
    '1 node',
  );
  assert.equal(
    clusterStatusView({ source: 'context kind', kind: 'kubeconfig', state: 'connecting', nodeCount: 0 }).busy,
    true,
  );
});

test('an error: error severity without nodes, warning when old nodes are still used, the message as detail', () => {
  const none = clusterStatusView({
    source: 'context prod',
    kind: 'kubeconfig',
    state: 'error',
    message: 'connection refused',
    nodeCount: 0,
  });
  assert.equal(none.severity, 'error');
  assert.equal(none.detail, 'connection refused');
  assert.match(none.text, /^\$\(warning\) context prod$/);
  assert.equal(
    clusterStatusView({ source: 'context prod', kind: 'kubeconfig', state: 'error', nodeCount: 4 }).severity,
    'warning',
  );
});

test('codicon syntax and line breaks from a context name or an error message are not rendered', () => {
  const v = clusterStatusView({
    source: 'context $(flame)x',
    kind: 'kubeconfig',
    state: 'error',
    message: 'bad\n$(alert)',
    nodeCount: 0,
  });
  assert.doesNotMatch(v.text.slice('$(warning)'.length), /\$\(/);
  assert.doesNotMatch(v.detail, /\$\(|\n/);
});
