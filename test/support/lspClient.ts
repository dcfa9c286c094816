// Protocol-test helper: starts the REAL bundled server (dist/server.js) as a child process and
// talks LSP to it over stdio, as an editor would.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../../client/src/serverLaunch';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  stderr: () => string;
  logs: string[];
  open(name: string, text: string, version?: number): string;
  change(uri: string, text: string, version: number): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The `daemonset` settings section answered to workspace/configuration. */
  settings?: unknown;
  workspaceRoot?: string;
  trusted?: boolean;
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  // The same flags the extension starts the server with (client/src/extension.ts).
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((i) => (i.section === 'daemonset' ? (opts.settings ?? {}) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.listen();
  const root = opts.workspaceRoot ?? ROOT;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        diagnostic: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
    initializationOptions: { trusted: opts.trusted !== false, settings: opts.settings ?? {} },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  let counter = 0;
  return {
    connection,
    process: child,
    stderr: () => stderr,
    logs,
    open(name, text, version = 1) {
      const uri = pathToFileURL(path.join(root, `__test_${counter++}_${name}`)).href;
      void connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version, text },
      });
      return uri;
    },
    change(uri, text, version) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        child.kill();
      }
      await exited;
      connection.dispose();
    },
  };
}
