// The source picker: the example cluster, a snapshot file, or a kubeconfig context. It writes
// the choice to the workspace settings; the server reacts to the settings change.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ListContextsRequest,
  SETTINGS_SECTION,
  type ClusterSettings,
  type ListContextsParams,
  type ListContextsResult,
} from '../../protocol';

export async function pickClusterSource(client: LanguageClient): Promise<void> {
  const items: Array<vscode.QuickPickItem & { apply: () => Promise<void> }> = [];
  const config = () => vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.cluster`);
  const target = vscode.workspace.workspaceFolders
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  items.push({
    label: '$(beaker) Example cluster',
    description: 'bundled, offline',
    apply: async () => config().update('source', 'example', target),
  });
  items.push({
    label: '$(file) Snapshot file…',
    description: 'output of kubectl get nodes -o yaml',
    apply: async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { 'Node snapshot': ['yaml', 'yml', 'json'] },
        title: 'Choose a node snapshot (kubectl get nodes -o yaml)',
      });
      if (!picked?.[0]) return;
      await config().update('snapshotPath', picked[0].fsPath, target);
      await config().update('source', 'snapshot', target);
    },
  });
  if (!vscode.workspace.isTrusted) {
    items.push({
      label: '$(shield) Kubeconfig contexts are off in an untrusted workspace',
      description: 'a kubeconfig can run commands',
      apply: async () => undefined,
    });
  } else {
    let answer: ListContextsResult | undefined;
    try {
      answer = await client.sendRequest<ListContextsResult>(ListContextsRequest, {
        kubeconfig: config().get<ClusterSettings['kubeconfig']>('kubeconfig', ''),
      } satisfies ListContextsParams);
    } catch (e) {
      answer = { contexts: [], error: (e as Error).message };
    }
    for (const ctx of answer?.contexts ?? []) {
      items.push({
        label: `$(cloud) ${ctx.name}`,
        description: ctx.name === answer?.current ? 'current context' : ctx.cluster,
        apply: async () => {
          await config().update('context', ctx.name, target);
          await config().update('source', 'kubeconfig', target);
        },
      });
    }
    if (answer?.error)
      items.push({
        label: '$(warning) No kubeconfig contexts',
        description: answer.error,
        apply: async () => undefined,
      });
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: 'DaemonSet: cluster source for the placement preview',
    placeHolder: 'Where should the nodes come from?',
  });
  await choice?.apply();
}
