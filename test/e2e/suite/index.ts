// The extension-host suite: loaded by VS Code as `extensionTestsPath` (code-server via
// runCodeServer.ts, desktop VS Code via runDesktop.ts) with the repository as the extension under
// development and a scratch copy of examples/workspace as the folder. It checks through the
// VS Code API what a user gets from the language server in a DaemonSet.
import * as vscode from 'vscode';
import { assert, runTests, TestCase } from './harness';
import {
  codeOf,
  describe,
  extensionId,
  hoverText,
  labelOf,
  open,
  positionOf,
  revert,
  until,
  untilAsync,
  waitForDiagnostics,
  waitForTab,
} from './editor';

const tests: TestCase[] = [
  {
    name: 'opening a DaemonSet activates the extension',
    fn: async () => {
      const ext = vscode.extensions.getExtension(extensionId);
      assert(ext, `${extensionId} is not installed in this window`);
      await open('log-collector.yaml');
      await until(() => ext.isActive, `${extensionId} to be active`);
    },
  },
  {
    name: 'completion at a new key under spec: offers DaemonSetSpec fields, not replicas',
    fn: async () => {
      const editor = await open('new-daemonset.yaml');
      try {
        // The top-level `spec:` (the comment above it mentions spec: too).
        const spec = positionOf(editor.document, '\nspec:', '\nspec:'.length);
        assert(await editor.edit((b) => b.insert(spec, '\n  ')), 'the edit was not applied');
        const at = new vscode.Position(spec.line + 1, 2);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          editor.document.uri,
          at,
        );
        const labels = list.items.map(labelOf);
        for (const want of ['updateStrategy', 'minReadySeconds', 'template']) {
          assert(labels.includes(want), `completion lacks ${want}; offered: ${labels.join(', ') || '(nothing)'}`);
        }
        assert(!labels.includes('replicas'), `completion offers replicas (a Deployment field): ${labels.join(', ')}`);
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: 'hover on updateStrategy shows its documentation',
    fn: async () => {
      const editor = await open('log-collector.yaml');
      const at = positionOf(editor.document, 'updateStrategy:', 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        at,
      );
      const text = hoverText(hovers);
      const want = 'An update strategy to replace existing DaemonSet pods with new pods.';
      assert(text.includes(want), `hover lacks "${want}"; got: ${text || '(no hover)'}`);
    },
  },
  {
    name: 'restartPolicy: Never in the pod template is an error (restartPolicyNotAlways)',
    fn: async () => {
      const editor = await open('mistakes.yaml');
      const uri = editor.document.uri;
      const ds = await waitForDiagnostics(
        uri,
        (d) => d.some((x) => codeOf(x) === 'restartPolicyNotAlways'),
        'restartPolicyNotAlways',
      );
      const d = ds.find((x) => codeOf(x) === 'restartPolicyNotAlways')!;
      assert(
        d.severity === vscode.DiagnosticSeverity.Error,
        `severity is ${vscode.DiagnosticSeverity[d.severity]}, not Error`,
      );
      assert(
        d.message.includes('Unsupported value: "Never"'),
        `message lacks 'Unsupported value: "Never"': ${d.message}`,
      );
      const line = positionOf(editor.document, 'restartPolicy: Never').line;
      assert(
        d.range.start.line === line,
        `the diagnostic is on line ${d.range.start.line + 1}, not on restartPolicy (line ${line + 1})`,
      );
    },
  },
  {
    name: 'diagnostics come from source "daemonset"',
    fn: async () => {
      for (const name of ['mistakes.yaml', 'legacy-api.yaml']) {
        const editor = await open(name);
        const ds = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'any diagnostic');
        const others = ds.filter((d) => d.source !== 'daemonset');
        assert(others.length === 0, `${name}: diagnostics from another source:\n${describe(others)}`);
      }
    },
  },
  {
    name: 'extensions/v1beta1 is an error (removedApiVersion) with a "Rewrite to apps/v1" quick fix that works',
    fn: async () => {
      const editor = await open('legacy-api.yaml');
      const doc = editor.document;
      try {
        const ds = await waitForDiagnostics(
          doc.uri,
          (d) => d.some((x) => codeOf(x) === 'removedApiVersion'),
          'removedApiVersion',
        );
        const d = ds.find((x) => codeOf(x) === 'removedApiVersion')!;
        assert(
          d.severity === vscode.DiagnosticSeverity.Error,
          `severity is ${vscode.DiagnosticSeverity[d.severity]}, not Error`,
        );
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          d.range,
        );
        const titles = actions.map((a) => a.title);
        // A bare Command has a string `command`; a CodeAction has an optional Command object.
        const fix = actions.find(
          (a): a is vscode.CodeAction => typeof a.command !== 'string' && a.title.startsWith('Rewrite to apps/v1'),
        );
        assert(fix, `no code action titled "Rewrite to apps/v1…"; offered: ${titles.join(' | ') || '(none)'}`);
        assert(
          fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind),
          `"${fix.title}" has kind ${fix.kind?.value ?? '(none)'}, not quickfix`,
        );
        if (fix.edit) assert(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        const line = doc
          .getText()
          .split('\n')
          .find((l) => l.startsWith('apiVersion:'));
        assert(line?.trim() === 'apiVersion: apps/v1', `after the fix the apiVersion line is "${line}"`);
        await waitForDiagnostics(
          doc.uri,
          (x) => !x.some((y) => codeOf(y) === 'removedApiVersion'),
          'removedApiVersion to go away',
        );
      } finally {
        await revert(editor);
      }
    },
  },
  {
    name: 'a CodeLens above the DaemonSet summarises its placement; its command opens the preview',
    fn: async () => {
      const editor = await open('gpu-device-plugin.yaml');
      const uri = editor.document.uri;
      let lenses: vscode.CodeLens[] = [];
      // Lenses appear once the server has read the cluster (it then asks the editor to refresh).
      await untilAsync(async () => {
        lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return lenses.some((l) => l.command?.command === 'daemonset.showPlacementPreview');
      }, 'a placement CodeLens');
      const lens = lenses.find((l) => l.command?.command === 'daemonset.showPlacementPreview')!;
      const kind = positionOf(editor.document, '\napiVersion:', 1).line;
      assert(
        lens.range.start.line === kind,
        `the lens is on line ${lens.range.start.line + 1}, not on the DaemonSet's first line (${kind + 1})`,
      );
      const m = /^Runs on (\d+) of (\d+) nodes?/.exec(lens.command!.title);
      assert(m, `the lens title does not say where the pods run: "${lens.command!.title}"`);
      // The GPU plugin selects only GPU nodes of the example cluster: some, not all.
      assert(Number(m[1]) > 0 && Number(m[1]) < Number(m[2]), `the GPU DaemonSet runs on ${m[1]} of ${m[2]} nodes`);
      // The lens's command opens the placement preview, a webview beside the editor.
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
      await waitForTab(
        (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('daemonset.placementPreview'),
        'the placement preview',
      );
    },
  },
];

export async function run(): Promise<void> {
  const results = await runTests('extension-host', tests);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${results.length} extension-host tests failed: ${failed.map((f) => f.name).join('; ')}`,
    );
}
