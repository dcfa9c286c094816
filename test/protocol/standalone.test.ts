// The server without VS Code: `node dist/server.js --stdio` started as docs/editors.md tells
// Neovim, Helix and Zed to start it, driven by a generic client (no initializationOptions, no
// workspace/configuration, no VS Code-specific capabilities).
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  ProtocolConnection,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT, SERVER } from '../support/lspClient';

const MISTAKE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      restartPolicy: Never
      containers:
        - name: agent
          image: fluent/fluent-bit:3.1
          imagePullPolicy: IfNotPresent
      
`;

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number; message: string }>;
}

interface Generic {
  child: ChildProcess;
  conn: ProtocolConnection;
  init: InitializeResult;
  /** Every publishDiagnostics, in order; `nextPublish` resolves with the next one. */
  published: Published[];
  nextPublish(): Promise<Published>;
  requests: string[];
}

const started: Generic[] = [];

async function startGeneric(capabilities: object, initializationOptions?: unknown): Promise<Generic> {
  // Exactly the documented command line: no extra Node flags.
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT });
  child.stderr!.resume();
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: Published[] = [];
  let waiting: Array<(p: Published) => void> = [];
  const requests: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    const w = waiting;
    waiting = [];
    for (const resolve of w) resolve(p);
  });
  // Requests a server may send; recorded so a test can say which ones came.
  for (const method of [
    'workspace/configuration',
    'client/registerCapability',
    'window/workDoneProgress/create',
    'workspace/diagnostic/refresh',
    'workspace/codeLens/refresh',
  ]) {
    conn.onRequest(method, () => {
      requests.push(method);
      return null;
    });
  }
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const root = pathToFileURL(ROOT).href;
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: null,
    capabilities,
    ...(initializationOptions ? { initializationOptions } : {}),
  });
  await conn.sendNotification(InitializedNotification.type, {});
  const g: Generic = {
    child,
    conn,
    init,
    published,
    requests,
    nextPublish: () => new Promise((resolve) => waiting.push(resolve)),
  };
  started.push(g);
  return g;
}

after(async () => {
  for (const g of started) {
    const exited = new Promise<void>((resolve) => g.child.once('exit', () => resolve()));
    await g.conn.sendRequest(ShutdownRequest.type);
    await g.conn.sendNotification(ExitNotification.type);
    await exited;
    g.conn.dispose();
  }
});

function at(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const uriOf = (name: string) => pathToFileURL(path.join(ROOT, `__standalone_${name}.yaml`)).href;

test('a client without pull diagnostics gets them published, for each version; completion and hover answer', async () => {
  const g = await startGeneric({ textDocument: { completion: {}, hover: {} } });
  assert.equal(
    g.init.capabilities.diagnosticProvider,
    undefined,
    'no pull diagnostics offered to a client that cannot pull',
  );
  const uri = uriOf('push');
  const first = g.nextPublish();
  await g.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: MISTAKE },
  });
  const p1 = await first;
  assert.equal(p1.uri, uri);
  assert.equal(p1.version, 1);
  assert.ok(
    p1.diagnostics.some((d) => d.code === 'restartPolicyNotAlways'),
    JSON.stringify(p1.diagnostics),
  );

  // An incremental edit fixes the mistake: the next publish is for version 2 and has no such finding.
  const second = g.nextPublish();
  const pos = at(MISTAKE, 'Never');
  await g.conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: pos, end: { line: pos.line, character: pos.character + 'Never'.length } }, text: 'Always' },
    ],
  });
  // The example cluster finishing its load re-publishes version 1 once: wait for version 2.
  let p2 = await second;
  for (let i = 0; i < 3 && p2.version !== 2; i++) p2 = await g.nextPublish();
  assert.equal(p2.version, 2);
  assert.ok(!p2.diagnostics.some((d) => d.code === 'restartPolicyNotAlways'), JSON.stringify(p2.diagnostics));

  const completion = (await g.conn.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: at(MISTAKE, '      \n', 6),
  })) as { items: Array<{ label: string }> };
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('hostNetwork') && labels.includes('tolerations'), labels.join(','));
  assert.ok(!labels.includes('containers'), 'present keys are not offered again');

  const values = (await g.conn.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: at(MISTAKE, 'IfNotPresent'),
  })) as { items: Array<{ label: string }> };
  assert.deepEqual(values.items.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);

  const hover = (await g.conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: at(MISTAKE, 'imagePullPolicy', 3),
  })) as { contents: { value: string } };
  assert.match(hover.contents.value, /Image pull policy/);
  assert.ok(
    !g.requests.includes('workspace/configuration'),
    'a client without the capability is not asked for settings',
  );
});

test('settings from initializationOptions apply without workspace/configuration (diagnostics off)', async () => {
  const g = await startGeneric({ textDocument: {} }, { settings: { diagnostics: { enable: false } } });
  const uri = uriOf('off');
  const first = g.nextPublish();
  await g.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: MISTAKE },
  });
  assert.deepEqual((await first).diagnostics, []);
  // ... and a didChangeConfiguration push turns them on again. (A publish may come first for
  // another reason, the example cluster finishing its load: wait for a few.)
  let next = g.nextPublish();
  await g.conn.sendNotification('workspace/didChangeConfiguration', {
    settings: { daemonset: { diagnostics: { enable: true } } },
  });
  let found = false;
  for (let i = 0; i < 4 && !found; i++) {
    const p = await next;
    next = g.nextPublish();
    found = p.diagnostics.some((d) => d.code === 'restartPolicyNotAlways');
  }
  assert.ok(found, JSON.stringify(g.published));
});

test('a client with pull diagnostics (and no configuration) pulls them; nothing is pushed', async () => {
  const g = await startGeneric({ textDocument: { diagnostic: {} } });
  assert.ok(g.init.capabilities.diagnosticProvider);
  const uri = uriOf('pull');
  await g.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: MISTAKE },
  });
  const report = (await g.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: Published['diagnostics'];
  };
  assert.ok(report.items.some((d) => d.code === 'restartPolicyNotAlways'));
  // The pull answered after the open was handled; a push would have been sent before it.
  assert.deepEqual(g.published, []);
});
