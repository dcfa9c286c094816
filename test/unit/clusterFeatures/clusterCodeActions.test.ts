import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clusterCodeActions } from '../../../server/src/features/cluster/codeActions';
import { clusterDiagnostics, UntoleratedTaintData } from '../../../server/src/features/cluster/diagnostics';
import type { FeatureContext } from '../../../server/src/features/context';
import { toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { DocumentModel, parseDocumentModel } from '../../../server/src/model';
import { predictPlacement } from '../../../server/src/placement';
import type { DaemonSet, Taint } from '../../../server/src/placement/types';
import { daemonSet, exampleContext, inlineContext, node } from './support';

const URI = 'file:///work/agent.yaml';

/** The cluster diagnostics as the server sends them (its own LSP conversion: path prefix, data merged). */
function lspDiagnostics(model: DocumentModel, ctx: FeatureContext): Diagnostic[] {
  return clusterDiagnostics(model, ctx).map((d) => toLspDiagnostic(model, d));
}

function untolerated(diags: Diagnostic[], key: string): Diagnostic {
  const d = diags.find((x) => x.code === 'untoleratedTaint' && (x.data as UntoleratedTaintData).taint.key === key);
  assert.ok(d, `no untoleratedTaint diagnostic for ${key}`);
  return d;
}

/**
 * Runs the quick fix for `key`'s taint, applies it, and checks the result the way a user would:
 * valid YAML, the engine now runs the pod on the nodes, and the diagnostic is gone.
 */
function applyFix(text: string, ctx: FeatureContext, key: string, dsIndex = 0): { fixed: string; action: CodeAction } {
  const model = parseDocumentModel(text);
  const diagnostic = untolerated(lspDiagnostics(model, ctx), key);
  const actions = clusterCodeActions(model, URI, diagnostic.range, [diagnostic], ctx);
  assert.equal(actions.length, 1);
  const action = actions[0];
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length === 1);
  const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);

  const after = parseDocumentModel(fixed);
  assert.deepEqual(after.problems, [], `the fixed text is valid YAML:\n${fixed}`);
  const ds = after.daemonSets[dsIndex];
  const result = predictPlacement(ds.value as DaemonSet, ctx.cluster!.state);
  for (const name of (diagnostic.data as UntoleratedTaintData).nodes) {
    const verdict = result.nodes.find((v) => v.name === name);
    assert.equal(verdict?.shouldRun, true, `${name} runs the pod after the fix: ${verdict?.detail}`);
  }
  assert.equal(
    lspDiagnostics(after, ctx).filter(
      (d) => d.code === 'untoleratedTaint' && (d.data as UntoleratedTaintData).taint.key === key,
    ).length,
    0,
  );
  return { fixed, action };
}

test("block list: the toleration is appended after the last item, at the items' indentation", async () => {
  const text = daemonSet(`
      tolerations:
      - key: dedicated
        operator: Exists   # ours
      containers:
      - name: agent
        image: busybox
`);
  const { fixed, action } = applyFix(text, await exampleContext(), 'node-role.kubernetes.io/control-plane');
  assert.equal(action.title, 'Tolerate taint `node-role.kubernetes.io/control-plane:NoSchedule` (1 node)');
  assert.ok(
    fixed.includes(`      tolerations:
      - key: dedicated
        operator: Exists   # ours
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
`),
  );
});

test('block list with indented dashes: the new item uses the same indentation', async () => {
  const text = daemonSet(`
      tolerations:
        - key: dedicated
          operator: Exists
      containers:
        - name: agent
          image: busybox
`);
  const { fixed } = applyFix(text, await exampleContext(), 'nvidia.com/gpu');
  assert.ok(
    fixed.includes(`        - key: dedicated
          operator: Exists
        - key: nvidia.com/gpu
          operator: Equal
          value: present
          effect: NoSchedule
`),
  );
});

test('no tolerations: a `tolerations:` key is added at the end of the pod spec, lists styled like `containers`', async () => {
  const ctx = await exampleContext();
  const compact = daemonSet('      hostNetwork: true\n');
  const { fixed, action } = applyFix(compact, ctx, 'nvidia.com/gpu');
  assert.equal(action.title, 'Tolerate taint `nvidia.com/gpu=present:NoSchedule` (1 node)');
  assert.ok(
    fixed.endsWith(`        image: busybox
      tolerations:
      - key: nvidia.com/gpu
        operator: Equal
        value: present
        effect: NoSchedule
`),
  );
  const indented = daemonSet(`
      containers:
        - name: agent
          image: busybox
      dnsPolicy: ClusterFirst
`);
  const second = applyFix(indented, ctx, 'node-role.kubernetes.io/control-plane').fixed;
  assert.ok(
    second.endsWith(`      dnsPolicy: ClusterFirst
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
`),
  );
});

test('flow style: `tolerations: []` is replaced by a block list; a non-empty flow list gets a flow item', async () => {
  const ctx = await exampleContext();
  const empty = daemonSet('      tolerations: []\n');
  const { fixed } = applyFix(empty, ctx, 'node-role.kubernetes.io/control-plane');
  // `containers` puts its dashes at the key's column, so the new list does too.
  assert.ok(
    fixed.includes(`      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
`),
    fixed,
  );
  const flow = daemonSet('      tolerations: [{key: dedicated, operator: Exists}]\n');
  const second = applyFix(flow, ctx, 'nvidia.com/gpu').fixed;
  assert.ok(
    second.includes(
      '      tolerations: [{key: dedicated, operator: Exists}, {key: nvidia.com/gpu, operator: Equal, value: present, effect: NoSchedule}]\n',
    ),
    second,
  );
});

test('an empty `tolerations:` (null) becomes a block list', async () => {
  const text = daemonSet('      tolerations:\n      hostNetwork: true\n');
  const { fixed } = applyFix(text, await exampleContext(), 'node-role.kubernetes.io/control-plane');
  assert.ok(
    fixed.includes(`      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      hostNetwork: true
`),
    fixed,
  );
});

test('values YAML 1.1 would not read as strings are quoted; NoExecute taints work the same way', () => {
  const taints: Taint[] = [
    { key: 'example.com/spot', value: 'true', effect: 'NoExecute' },
    { key: 'example.com/tier', value: '1', effect: 'NoSchedule' },
  ];
  const ctx = inlineContext([node('spot-1', {}, [taints[0]]), node('tier-1', {}, [taints[1]]), node('plain')]);
  const first = applyFix(daemonSet(), ctx, 'example.com/spot').fixed;
  assert.match(first, /- key: example\.com\/spot\n {8}operator: Equal\n {8}value: "true"\n {8}effect: NoExecute\n/);
  const flow = applyFix(
    daemonSet('      tolerations: [{operator: Equal, key: a, value: b}]\n'),
    ctx,
    'example.com/tier',
  ).fixed;
  assert.match(flow, /\{key: example\.com\/tier, operator: Equal, value: "1", effect: NoSchedule\}\]/);
});

test('CRLF line ends and a file without a final line break', async () => {
  const ctx = await exampleContext();
  const crlf = daemonSet('      tolerations:\n      - key: dedicated\n        operator: Exists\n').replace(
    /\n/g,
    '\r\n',
  );
  const { fixed } = applyFix(crlf, ctx, 'node-role.kubernetes.io/control-plane');
  assert.ok(
    fixed.includes(
      '      - key: node-role.kubernetes.io/control-plane\r\n        operator: Exists\r\n        effect: NoSchedule\r\n',
    ),
  );
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  const lastLine = daemonSet(
    '      containers:\n      - name: agent\n        image: busybox\n      tolerations:\n      - key: dedicated\n        operator: Exists\n',
  ).replace(/\n$/, '');
  const second = applyFix(lastLine, ctx, 'nvidia.com/gpu').fixed;
  assert.ok(
    second.endsWith(
      '        operator: Exists\n      - key: nvidia.com/gpu\n        operator: Equal\n        value: present\n        effect: NoSchedule',
    ),
    second,
  );
});

test('a DaemonSet inside a kind: List, after another document', async () => {
  const item = daemonSet('      tolerations:\n      - key: dedicated\n        operator: Exists\n', 'listed')
    .split('\n')
    .map((l, i) => (l === '' ? l : (i === 0 ? '- ' : '  ') + l))
    .join('\n');
  const text = `${daemonSet('', 'first')}---\napiVersion: v1\nkind: List\nitems:\n${item}`;
  const model = parseDocumentModel(text);
  const ctx = await exampleContext();
  const diags = lspDiagnostics(model, ctx).filter((d) => d.code === 'untoleratedTaint' && d.range.start.line > 20);
  const d = untolerated(diags, 'node-role.kubernetes.io/control-plane');
  const [action] = clusterCodeActions(model, URI, d.range, [d], ctx);
  const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), action.edit!.changes![URI]);
  assert.ok(
    fixed.includes(
      '          operator: Exists\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n',
    ),
    fixed,
  );
  const after = parseDocumentModel(fixed);
  assert.deepEqual(after.problems, []);
  const verdict = predictPlacement(after.daemonSets[1].value as DaemonSet, ctx.cluster!.state).nodes.find(
    (v) => v.name === 'cp-1',
  );
  assert.equal(verdict?.shouldRun, true);
  // The first DaemonSet is untouched.
  assert.equal(fixed.slice(0, text.indexOf('---')), text.slice(0, text.indexOf('---')));
});

test('a diagnostic whose data the client dropped is found again in the current model', async () => {
  const text = daemonSet();
  const model = parseDocumentModel(text);
  const ctx = await exampleContext();
  const d = untolerated(lspDiagnostics(model, ctx), 'nvidia.com/gpu');
  const stripped: Diagnostic = { ...d, data: undefined };
  const [action] = clusterCodeActions(model, URI, d.range, [stripped], ctx);
  assert.equal(action.title, 'Tolerate taint `nvidia.com/gpu=present:NoSchedule` (1 node)');
});

test('no action for other diagnostics, for diagnostics outside the range, or for a pod spec in flow style', async () => {
  const ctx = await exampleContext();
  const text = daemonSet('      tolerations:\n      - key: dedicated\n        operator: Exists\n');
  const model = parseDocumentModel(text);
  const diags = lspDiagnostics(model, ctx);
  const unused = diags.filter((d) => d.code === 'tolerationUnused');
  assert.equal(unused.length, 1);
  assert.deepEqual(clusterCodeActions(model, URI, unused[0].range, unused, ctx), []);
  const taint = untolerated(diags, 'nvidia.com/gpu');
  assert.deepEqual(
    clusterCodeActions(model, URI, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, [taint], ctx),
    [],
  );

  // A diagnostic from before the fix: the taint is tolerated now, so nothing is added twice.
  const { fixed } = applyFix(text, ctx, 'nvidia.com/gpu');
  assert.deepEqual(clusterCodeActions(parseDocumentModel(fixed), URI, taint.range, [taint], ctx), []);

  const flowSpec = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox}]}
`;
  const flowModel = parseDocumentModel(flowSpec);
  const flowDiag = untolerated(lspDiagnostics(flowModel, ctx), 'nvidia.com/gpu');
  assert.deepEqual(clusterCodeActions(flowModel, URI, flowDiag.range, [flowDiag], ctx), []);
});
