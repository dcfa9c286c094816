// The LSP shape: source, code, severity, range, and the field path in front of the message the
// way the API server prints it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { parseDocumentModel } from '../../../server/src/model';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { apiOnlyContext, edit, VALID } from './check';

function lsp(text: string) {
  const model = parseDocumentModel(text);
  return diagnose(model, apiOnlyContext()).map((d) => toLspDiagnostic(model, d));
}

test('restartPolicy reads like the API server: path, then the error', () => {
  const [d] = lsp(edit('      containers:', '      restartPolicy: Never\n      containers:'));
  assert.deepEqual(d, {
    range: { start: { line: 16, character: 21 }, end: { line: 16, character: 26 } },
    severity: DiagnosticSeverity.Error,
    code: 'restartPolicyNotAlways',
    source: 'daemonset',
    message: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    data: { path: 'spec.template.spec.restartPolicy' },
  });
});

test('unknown fields and API versions are whole sentences; warnings and infos keep their severity', () => {
  const got = lsp(edit('  selector:', '  replicas: 2\n  selector:').replace('registry.example/agent:1.2.3', 'agent'));
  assert.deepEqual(
    got.map((d) => [d.severity, d.message]),
    [
      [
        DiagnosticSeverity.Error,
        'unknown field "spec.replicas"; a DaemonSet runs one pod on each eligible node, so it has no replicas (that is a Deployment field)',
      ],
      [
        DiagnosticSeverity.Information,
        'spec.template.spec.containers[0].image: image "agent" has no tag, so ":latest" is used: imagePullPolicy defaults to Always and nodes may run different builds; pin a version',
      ],
    ],
  );
  const [removed] = lsp(VALID.replace('apps/v1', 'extensions/v1beta1'));
  assert.equal(
    removed!.message,
    'no matches for kind "DaemonSet" in version "extensions/v1beta1": DaemonSets are served only as apps/v1 since Kubernetes 1.16',
  );
  assert.deepEqual(removed!.data, { path: 'apiVersion', from: 'extensions/v1beta1' });
});

test('file-level diagnostics have no path prefix', () => {
  const [d] = lsp('kind: DaemonSet\nmetadata: {name: [x\n');
  assert.equal(d!.code, 'yamlSyntax');
  assert.doesNotMatch(String(d!.message), /^: /);
});
