// The rollout features on a cluster: hover numbers, warnings (duration over the setting, a
// percentage covering every node, surge without room), the plan attached to the placement
// answer, and the setting read through readSettings. The engine is never mocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, defaultContext, type FeatureContext } from '../../../server/src/features/context';
import { placementResponse } from '../../../server/src/features/placementAnswer';
import { withRollout } from '../../../server/src/features/rollout/answer';
import { rolloutDiagnostics } from '../../../server/src/features/rollout/diagnostics';
import { rolloutHover } from '../../../server/src/features/rollout/hover';
import { parseDocumentModel } from '../../../server/src/model';
import type { ManifestDiagnostic } from '../../../server/src/model/manifestDiagnostic';
import { readSettings } from '../../../server/src/session/settings';
import { caret } from '../../support/caret';
import { exampleContext, inlineContext, node, withCaret } from './support';

/** A DaemonSet with `specLines` (2-space indented keys under spec) and `container` lines under the container. */
function ds(specLines: string, container = '', name = 'agent'): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: monitoring
spec:
${specLines.replace(/^\n/, '').replace(/\s+$/, '')}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: busybox
${container.replace(/^\n/, '').replace(/\s+$/, '')}
`;
}

const seven = (): FeatureContext =>
  inlineContext(
    Array.from({ length: 7 }, (_, i) => node(`n${i}`)),
    [],
    'snapshot seven.yaml',
  );

function hoverAt(textWithCaret: string, ctx: FeatureContext): string | null {
  const { text, offset } = caret(textWithCaret);
  const h = rolloutHover(parseDocumentModel(text), offset, ctx);
  return h ? (h.contents as { value: string }).value : null;
}

function diagnose(text: string, ctx: FeatureContext): Array<ManifestDiagnostic & { text: string }> {
  const out = rolloutDiagnostics(parseDocumentModel(text), ctx).map((d) => ({
    ...d,
    text: text.slice(d.start, d.end),
  }));
  for (const d of out) {
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.includes(ctx.cluster!.source), `${d.code} names the source: ${d.message}`);
  }
  return out;
}

const TEN_PERCENT = ds(`
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  minReadySeconds: 30`);

// --- hover ------------------------------------------------------------------------------------

test('hover on maxUnavailable: 10% of 7 desired nodes → 1 node at a time, 7 batches, with the estimate', () => {
  const md = hoverAt(withCaret(TEN_PERCENT, 'maxUnav$0ailable'), seven())!;
  assert.match(md, /^\*\*Rollout on snapshot seven\.yaml\*\* \(when the pod template changes\):/);
  assert.match(md, /- maxUnavailable 10% of 7 desired nodes → 1 node at a time, 7 batches/);
  assert.match(
    md,
    /\*\*Estimated duration:\*\* at least 3m 30s \(7 batches × 30s\)\. Per batch: no startup or readiness probe \(Ready once started\) \+ minReadySeconds 30 = 30s per batch\./,
  );
  assert.match(md, /\*Estimate: batches × /);
});

test('hover on updateStrategy, its type, rollingUpdate and minReadySeconds gives the plan; elsewhere nothing', () => {
  for (const at of ['update$0Strategy', 'type: Rolling$0Update', 'rolling$0Update:', 'minReady$0Seconds']) {
    assert.match(hoverAt(withCaret(TEN_PERCENT, at), seven()) ?? '', /1 node at a time, 7 batches/, at);
  }
  // minReadySeconds: the estimate comes first.
  const md = hoverAt(withCaret(TEN_PERCENT, 'minReady$0Seconds'), seven())!;
  assert.ok(md.indexOf('Estimated duration') < md.indexOf('maxUnavailable 10%'));
  assert.equal(hoverAt(withCaret(TEN_PERCENT, 'image: busy$0box'), seven()), null);
  assert.equal(hoverAt(withCaret(TEN_PERCENT, 'maxUnav$0ailable'), defaultContext()), null);
});

test('hover with maxSurge and a hostPort on the example cluster names the blocked nodes', async () => {
  const text = ds(
    `
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1`,
    `
        ports:
        - containerPort: 9100
          hostPort: 9100`,
  );
  const md = hoverAt(withCaret(text, 'max$0Surge'), await exampleContext())!;
  assert.match(md, /maxSurge 1 of 6 desired nodes → 1 node at a time, 6 batches/);
  assert.match(md, /the surge pod cannot start while the old pod runs/);
  assert.match(md, /\*\*Estimated duration:\*\* never completes\./);
  assert.match(md, /^Blocked: worker-a2, worker-b1, worker-b2, worker-b3, arm-b1\.$/m);
  assert.match(md, /^Pending: worker-a1\.$/m);
});

test('hover on OnDelete says what deleting does', () => {
  const md = hoverAt(withCaret(ds('  updateStrategy:\n    type: OnDelete'), 'On$0Delete'), seven())!;
  assert.match(md, /OnDelete: applying a new template replaces no running pod/);
  assert.match(md, /delete the pods on the 7 nodes one by one/);
});

test('hover escapes markdown in what comes from the manifest', () => {
  const md = hoverAt(withCaret(ds('  updateStrategy:\n    type: "<b>*x*</b>"'), 'update$0Strategy'), seven())!;
  assert.ok(md.includes('\\<b\\>\\*x\\*\\</b\\>'), md);
});

// --- diagnostics ------------------------------------------------------------------------------

test('rolloutTooLong: over daemonset.rollout.warnAfterMinutes, on the written maxUnavailable; 0 turns it off', () => {
  const text = ds(`
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 1
  minReadySeconds: 600`);
  const ctx = seven();
  const [d, ...rest] = diagnose(text, ctx);
  assert.equal(rest.length, 0);
  assert.equal(d!.code, 'rolloutTooLong');
  assert.equal(d!.path, 'spec.updateStrategy.rollingUpdate.maxUnavailable');
  assert.equal(d!.text, '1');
  assert.equal(
    d!.message,
    'A rollout of a template change on snapshot seven.yaml takes at least 1h 10m by estimate (7 batches of 1 node, 10m each: ' +
      'no startup or readiness probe (Ready once started) + minReadySeconds 600 = 10m per batch), more than daemonset.rollout.warnAfterMinutes (60). ' +
      'A larger maxUnavailable (e.g. a percentage) replaces more nodes at once.',
  );
  assert.deepEqual(diagnose(text, { ...ctx, settings: { ...DEFAULT_SETTINGS, rollout: { warnAfterMinutes: 0 } } }), []);
  assert.deepEqual(
    diagnose(text, { ...ctx, settings: { ...DEFAULT_SETTINGS, rollout: { warnAfterMinutes: 120 } } }),
    [],
  );
  // Without updateStrategy in the text, the finding lands on the nearest field there is.
  const unset = ds('  minReadySeconds: 600');
  const [u] = diagnose(unset, ctx);
  assert.equal(u!.code, 'rolloutTooLong');
  assert.equal(u!.text, 'spec');
});

test('rolloutWholeCluster: maxUnavailable 100% (and maxSurge 100%) on the value; 60% of 7 is not all', () => {
  const all = diagnose(ds('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 100%'), seven());
  assert.deepEqual(
    all.map((d) => [d.code, d.text]),
    [['rolloutWholeCluster', '100%']],
  );
  assert.match(
    all[0]!.message,
    /^maxUnavailable 100% covers all 7 desired nodes of snapshot seven\.yaml: a rollout deletes every daemon pod at once/,
  );
  const surge = diagnose(
    ds('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 100%'),
    seven(),
  );
  assert.deepEqual(
    surge.map((d) => [d.code, d.path]),
    [['rolloutWholeCluster', 'spec.updateStrategy.rollingUpdate.maxSurge']],
  );
  assert.deepEqual(diagnose(ds('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 60%'), seven()), []);
});

test('rolloutSurgeNoRoom: a node with room for one pod but not two, named with its shortfall', () => {
  const nodes = [node('roomy'), node('tight', {}, [], { cpu: '1500m', memory: '8Gi', pods: '110' })];
  const text = ds(
    '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1',
    '        resources: {requests: {cpu: "1"}}',
  );
  const [d, ...rest] = diagnose(text, inlineContext(nodes));
  assert.equal(rest.length, 0);
  assert.equal(d!.code, 'rolloutSurgeNoRoom');
  assert.equal(d!.text, '1');
  assert.match(
    d!.message,
    /^On 1 node of snapshot tiny\.yaml the surge pod does not fit next to the old pod: tight \(needs 1 CPU, 500m free\)\./,
  );
  // The same with maxUnavailable: nothing to say.
  assert.deepEqual(
    diagnose(text.replace('maxUnavailable: 0\n      maxSurge: 1', 'maxUnavailable: 1'), inlineContext(nodes)),
    [],
  );
});

test('no findings without a cluster, for OnDelete, or for a strategy the API server rejects (static diagnostics say that)', () => {
  const text = ds('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 100%');
  assert.deepEqual(rolloutDiagnostics(parseDocumentModel(text), defaultContext()), []);
  assert.deepEqual(diagnose(ds('  updateStrategy:\n    type: OnDelete\n  minReadySeconds: 99999'), seven()), []);
  assert.deepEqual(diagnose(ds('  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 150%'), seven()), []);
});

// --- panel data and settings -----------------------------------------------------------------

test('withRollout attaches the plan of the selected DaemonSet to the placement answer', async () => {
  const text = `${ds('  minReadySeconds: 5', '', 'first')}---\n${TEN_PERCENT}`;
  const model = parseDocumentModel(text);
  const ctx = await exampleContext();
  const status = { source: 'example cluster', kind: 'example' as const, state: 'ok' as const, nodeCount: 9 };
  const second = withRollout(
    placementResponse(model, 'file:///x.yaml', { uri: 'file:///x.yaml', index: 1 }, ctx, status),
    model,
    ctx,
  );
  assert.equal(second.selected, 1);
  assert.deepEqual(
    [second.rollout?.strategy, second.rollout?.desired, second.rollout?.maxUnavailable, second.rollout?.batches],
    ['RollingUpdate', second.result!.desired, 1, second.result!.desired],
  );
  // No result (no cluster): no plan.
  const none = withRollout(
    placementResponse(model, 'file:///x.yaml', { uri: 'file:///x.yaml' }, defaultContext(), status),
    model,
    defaultContext(),
  );
  assert.equal(none.rollout, undefined);
});

test('daemonset.rollout.warnAfterMinutes is read through readSettings (default 60; junk falls back)', () => {
  assert.deepEqual(readSettings(undefined).settings.rollout, { warnAfterMinutes: 60 });
  assert.deepEqual(readSettings({ rollout: { warnAfterMinutes: 15 } }).settings.rollout, { warnAfterMinutes: 15 });
  assert.deepEqual(readSettings({ rollout: { warnAfterMinutes: 0 } }).settings.rollout, { warnAfterMinutes: 0 });
  assert.deepEqual(readSettings({ rollout: { warnAfterMinutes: -4 } }).settings.rollout, { warnAfterMinutes: 60 });
  assert.deepEqual(readSettings({ rollout: { warnAfterMinutes: '5' } }).settings.rollout, { warnAfterMinutes: 60 });
  assert.deepEqual(readSettings({ rollout: 'x' }).settings.rollout, { warnAfterMinutes: 60 });
});
