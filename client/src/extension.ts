// Extension entry: starts the language server for YAML documents, owns the language status
// item, the DaemonSet context key, the commands and the placement panel. The client is thin: it never evaluates manifests itself.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  ClusterChangedNotification,
  ClusterStatus,
  ClusterStatusRequest,
  DocumentDaemonSetsNotification,
  type DocumentDaemonSetsParams,
  HAS_DAEMONSET_CONTEXT,
  OPEN_EXAMPLE_COMMAND,
  PlacementRequest,
  PlacementResponse,
  RELOAD_CLUSTER_COMMAND,
  ReloadClusterRequest,
  SELECT_SOURCE_COMMAND,
  SHOW_PREVIEW_COMMAND,
  TrustNotification,
  type TrustParams,
} from '../../protocol';
import { pickClusterSource } from './clusterPicker';
import { DaemonSetContext } from './daemonSetContext';
import { ClusterLanguageStatus } from './languageStatus';
import { PlacementPanel, PlacementPanelDeps } from './placementPanel';
import { SERVER_EXEC_ARGV } from './serverLaunch';
import { EXAMPLE_DAEMONSET } from './walkthrough';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  /** The running language client (for tests and other extensions). */
  client: LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      // Snapshot files may change on disk; the server reloads the ones it uses.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,tpl}'),
    },
    // Trust only: the server asks for the settings itself (workspace/configuration), once.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    outputChannelName: 'DaemonSet',
  };
  client = new LanguageClient('daemonset', 'DaemonSet Language Server', serverOptions, clientOptions);

  const statusBar = new ClusterLanguageStatus();
  context.subscriptions.push(statusBar);
  // The context key of the menus' `when` clauses: the server counts each document's DaemonSets.
  const hasDaemonSet = new DaemonSetContext(
    (value) => void vscode.commands.executeCommand('setContext', HAS_DAEMONSET_CONTEXT, value),
  );
  const serverUri = (doc: vscode.TextDocument | undefined) =>
    doc ? client!.code2ProtocolConverter.asUri(doc.uri) : undefined;
  client.onNotification(DocumentDaemonSetsNotification, (p: DocumentDaemonSetsParams) => hasDaemonSet.update(p));
  hasDaemonSet.activate(serverUri(vscode.window.activeTextEditor?.document));
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((e) => hasDaemonSet.activate(serverUri(e?.document))),
    vscode.workspace.onDidCloseTextDocument((doc) => hasDaemonSet.forget(serverUri(doc)!)),
  );
  // The panel may be restored before the server is up: its requests wait for the start.
  const started = client.start();
  const placement: PlacementPanelDeps = {
    extensionUri: context.extensionUri,
    fetch: async (uri, params) => {
      await started;
      return client!.sendRequest<PlacementResponse>(PlacementRequest, {
        uri: client!.code2ProtocolConverter.asUri(uri),
        ...params,
      });
    },
  };
  context.subscriptions.push(
    PlacementPanel.registerSerializer(placement),
    vscode.commands.registerCommand(SHOW_PREVIEW_COMMAND, (uri?: unknown, index?: unknown) => {
      const panel = PlacementPanel.createOrShow(placement);
      // From the CodeLens: (document uri, DaemonSet index).
      if (typeof uri === 'string' && typeof index === 'number') panel.showDaemonSet(vscode.Uri.parse(uri, true), index);
    }),
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, async () => {
      // Untitled, so the user's edits never touch the installed extension's files.
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE_DAEMONSET));
      const doc = await vscode.workspace.openTextDocument({
        language: 'yaml',
        content: new TextDecoder().decode(bytes),
      });
      await vscode.window.showTextDocument(doc);
    }),
    vscode.commands.registerCommand(SELECT_SOURCE_COMMAND, () => client && pickClusterSource(client)),
    vscode.commands.registerCommand(RELOAD_CLUSTER_COMMAND, async () => {
      statusBar.show(undefined);
      statusBar.show(await client?.sendRequest<ClusterStatus>(ReloadClusterRequest));
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client?.sendNotification(TrustNotification, { trusted: true } satisfies TrustParams),
    ),
    { dispose: () => PlacementPanel.instance?.dispose() },
  );

  await started;
  context.subscriptions.push({ dispose: () => void client?.stop() });
  client.onNotification(ClusterChangedNotification, (status: ClusterStatus) => {
    statusBar.show(status);
    PlacementPanel.refresh();
  });
  client.sendRequest<ClusterStatus | null>(ClusterStatusRequest).then(
    (status) => statusBar.show(status ?? undefined),
    (e) => client?.warn(`cluster status unavailable: ${(e as Error).message}`),
  );
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
