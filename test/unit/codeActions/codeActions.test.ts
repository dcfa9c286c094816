// Quick fixes: each is checked by the text after applying its edits, and by the diagnostics of
// that text (the fix must remove the finding and add none).
import test from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { codeActions } from '../../../server/src/features/codeActions';
import { yaml } from '../../support/caret';
import { apiOnlyContext } from '../diagnostics/check';

const URI = 'file:///ds.yaml';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

function actionsFor(text: string, code?: string): CodeAction[] {
  const model = parseDocumentModel(text);
  // The best practices' own fixes are tested in diagnostics/bestPractices.test.ts.
  const diags = diagnose(model, apiOnlyContext())
    .filter((d) => !code || d.code === code)
    .map((d) => toLspDiagnostic(model, d));
  return codeActions(model, URI, WHOLE, diags, defaultContext());
}

function apply(text: string, action: CodeAction): string {
  const model = parseDocumentModel(text);
  const edits = [...(action.edit!.changes![URI] as TextEdit[])].sort(
    (a, b) => model.lines.offsetAt(b.range.start) - model.lines.offsetAt(a.range.start),
  );
  let out = text;
  for (const e of edits)
    out = out.slice(0, model.lines.offsetAt(e.range.start)) + e.newText + out.slice(model.lines.offsetAt(e.range.end));
  return out;
}

const errorsOf = (text: string) =>
  diagnose(parseDocumentModel(text), defaultContext())
    .filter((d) => d.severity === 'error')
    .map((d) => d.code);

const OLD = yaml`
  apiVersion: extensions/v1beta1
  kind: DaemonSet
  metadata:
    name: fluentd
  spec:
    template:
      metadata:
        labels:
          app: fluentd
          version: "1.0"
      spec:
        containers:
          - name: fluentd
            image: fluent/fluentd:v1.16
            resources: {requests: {cpu: 100m}}
`;

test('removedApiVersion: "Rewrite to apps/v1" adds the selector and the OnDelete strategy extensions/v1beta1 defaulted', () => {
  const [action, ...rest] = actionsFor(OLD);
  assert.equal(rest.length, 0);
  assert.equal(action!.title, 'Rewrite to apps/v1');
  assert.equal(action!.kind, 'quickfix');
  assert.equal(action!.diagnostics![0]!.code, 'removedApiVersion');
  const fixed = apply(OLD, action!);
  assert.equal(
    fixed,
    yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: fluentd
      spec:
        selector:
          matchLabels:
            app: fluentd
            version: "1.0"
        updateStrategy:
          type: OnDelete
        template:
          metadata:
            labels:
              app: fluentd
              version: "1.0"
          spec:
            containers:
              - name: fluentd
                image: fluent/fluentd:v1.16
                resources: {requests: {cpu: 100m}}
    `,
  );
  assert.deepEqual(errorsOf(fixed), []);
});

test('removedApiVersion from apps/v1beta2 with a selector only rewrites the version, in a List item and 4-space indentation', () => {
  const text =
    'kind: List\nitems:\n    -   apiVersion: apps/v1beta2\n        kind: DaemonSet\n        metadata: {name: x}\n        spec:\n            selector: {matchLabels: {app: x}}\n            template:\n                metadata: {labels: {app: x}}\n                spec: {containers: [{name: x, image: "x:1", resources: {limits: {memory: 1Gi}}}]}\n';
  const [action] = actionsFor(text);
  assert.equal(apply(text, action!), text.replace('apps/v1beta2', 'apps/v1'));
  assert.deepEqual(errorsOf(apply(text, action!)), []);
});

test('removedApiVersion keeps an existing updateStrategy and adds the old default type inside it', () => {
  const text = OLD.replace('  template:', '  updateStrategy:\n    rollingUpdate: {maxUnavailable: 2}\n  template:');
  const fixed = apply(text, actionsFor(text)[0]!);
  assert.match(fixed, /updateStrategy:\n {4}type: OnDelete\n {4}rollingUpdate: \{maxUnavailable: 2\}\n/);
  assert.match(fixed, /^spec:\n {2}selector:\n {4}matchLabels:\n/m);
});

test('wrongType from YAML 1.1: the fix quotes what was typed', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
      labels: {enabled: yes, port: 0640}
    spec:
      selector: {matchLabels: {app: agent}}
      template:
        metadata: {labels: {app: agent}}
        spec:
          containers:
            - name: agent
              image: agent:1.0
              resources: {requests: {cpu: 10m}}
              env:
                - name: DEBUG
                  value: on
  `;
  const actions = actionsFor(text);
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Quote yes so it stays a string', 'Quote 0640 so it stays a string', 'Quote on so it stays a string'],
  );
  let fixed = text;
  for (const a of [...actions].reverse()) fixed = apply(fixed, a);
  assert.match(fixed, /labels: \{enabled: "yes", port: "0640"\}/);
  assert.match(fixed, /value: "on"\n/);
  assert.deepEqual(errorsOf(fixed), []);
});

const VALID = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
  spec:
    selector:
      matchLabels:
        app: agent
    template:
      metadata:
        labels:
          app: agent
      spec:
        containers:
          - name: agent
            image: agent:1.0
            resources:
              requests: {cpu: 10m}
`;

test('restartPolicyNotAlways: set it to Always', () => {
  const text = VALID.replace('      containers:', '      restartPolicy: OnFailure\n      containers:');
  const [action] = actionsFor(text);
  assert.equal(action!.title, 'Set restartPolicy to Always');
  assert.equal(apply(text, action!), text.replace('OnFailure', 'Always'));
});

test('selectorMissing: add spec.selector from the template labels', () => {
  const text = VALID.replace('  selector:\n    matchLabels:\n      app: agent\n', '');
  const [action] = actionsFor(text);
  assert.equal(action!.title, 'Add spec.selector matching the template labels');
  assert.equal(apply(text, action!), VALID);
});

test('selectorMismatch: put the selector labels on the template (replace and add)', () => {
  const text = VALID.replace(
    '    matchLabels:\n      app: agent\n',
    '    matchLabels:\n      app: agent\n      tier: node\n',
  ).replace('        app: agent\n', '        app: agent-v2\n');
  const [action] = actionsFor(text);
  assert.equal(action!.title, "Add the selector's labels to the template labels");
  const fixed = apply(text, action!);
  assert.match(fixed, /labels:\n {8}tier: node\n {8}app: agent\n/);
  assert.deepEqual(errorsOf(fixed), []);
});

test('selectorMismatch with flow-style labels, and with no labels at all', () => {
  const flow = VALID.replace('      labels:\n        app: agent\n', '      labels: {team: a}\n');
  assert.match(apply(flow, actionsFor(flow)[0]!), /labels: \{team: a, app: agent\}/);
  const none = VALID.replace(
    '    metadata:\n      labels:\n        app: agent\n',
    '    metadata:\n      annotations: {a: b}\n',
  );
  const fixed = apply(none, actionsFor(none)[0]!);
  assert.match(fixed, /\n {4}metadata:\n {6}labels:\n {8}app: agent\n {6}annotations/);
  assert.deepEqual(errorsOf(fixed), []);
});

test('invalidFileMode: write the digits as octal', () => {
  const text = VALID + '      volumes:\n        - name: cfg\n          secret: {secretName: s, defaultMode: 640}\n';
  const [action] = actionsFor(text);
  assert.equal(action!.title, 'Write 0640 (octal)');
  assert.match(apply(text, action!), /defaultMode: 0640\}/);
});

test('deprecatedNodeLabel: use the GA label, keeping the quotes', () => {
  const text = VALID + '      nodeSelector:\n        "beta.kubernetes.io/os": linux\n';
  const [action] = actionsFor(text);
  assert.equal(action!.title, 'Use kubernetes.io/os');
  assert.match(apply(text, action!), /"kubernetes.io\/os": linux/);
});

test('only diagnostics overlapping the requested range get actions; other sources are ignored', () => {
  const text = VALID.replace('      containers:', '      restartPolicy: Never\n      containers:');
  const model = parseDocumentModel(text);
  const diags = diagnose(model, defaultContext()).map((d) => toLspDiagnostic(model, d));
  const at = diags[0]!.range.start;
  assert.equal(
    codeActions(
      model,
      URI,
      { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      diags,
      defaultContext(),
    ).length,
    0,
  );
  assert.equal(codeActions(model, URI, { start: at, end: at }, diags, defaultContext()).length, 1);
  assert.equal(
    codeActions(
      model,
      URI,
      WHOLE,
      diags.map((d) => ({ ...d, source: 'yaml' })),
      defaultContext(),
    ).length,
    0,
  );
});
