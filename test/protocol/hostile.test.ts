// Issue 10 over LSP: the real bundled server stays responsive while a huge file is checked, and
// caps what one file reports.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { WorkDoneProgress } from 'vscode-languageserver-protocol/node';
import { compactList, daemonSetList, unknownFields } from '../support/hostileInputs';
import { startServer, TestServer } from '../support/lspClient';

let server: TestServer;

type Diag = { code?: string | number; severity?: number; message: string; range: { start: { line: number } } };

const SMALL = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: small
spec:
  selector:
    matchLabels:
      app: small
  template:
    metadata:
      labels:
        app: small
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:1.0.0
`;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('a hover on a small file is answered before the diagnostics of a huge List being checked', async () => {
  const small = server.open('small.yaml', SMALL);
  const hoverAt = { textDocument: { uri: small }, position: { line: 1, character: 2 } };
  // Warm up: the small file's settings and model are in place, so its hover needs no round trip.
  assert.ok(await server.connection.sendRequest('textDocument/hover', hoverAt));
  const list = daemonSetList(3000);
  const big = server.open('big-list.yaml', list);
  // First pull: the big file's settings are fetched and it is checked once. Then an edit: the
  // List is one YAML document, so the next pull parses and checks all of it again.
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: big } });
  server.change(big, list.replace('name: agent-2999', 'name: agent-x'), 2);
  const order: string[] = [];
  const diagnostics = server.connection
    .sendRequest('textDocument/diagnostic', { textDocument: { uri: big } })
    .then((r) => {
      order.push('diagnostics');
      return r as { items: Diag[] };
    });
  const hover = server.connection.sendRequest('textDocument/hover', hoverAt).then((r) => {
    order.push('hover');
    return r as { contents: { value: string } } | null;
  });
  const [report, answer] = await Promise.all([diagnostics, hover]);
  assert.deepEqual(order, ['hover', 'diagnostics']);
  assert.match(answer!.contents.value, /DaemonSet/);
  // All 3,000 items were checked (a noResourceRequests info each, plus the example cluster's
  // findings), then capped at 1,000 plus the count of the rest.
  assert.equal(report.items.length, 1001);
  const more = /^… and ([\d,]+) more not shown \(/.exec(report.items[1000]!.message);
  assert.ok(more, report.items[1000]!.message);
  assert.equal((Number(more[1]!.replace(/,/g, '')) + 1000) % 3000, 0);
});

test('a hover sent while ONE huge YAML document (a 15,000-item List) is being read is answered before its reading ends', async () => {
  const small = server.open('small-2.yaml', SMALL);
  const hoverAt = { textDocument: { uri: small }, position: { line: 1, character: 2 } };
  assert.ok(await server.connection.sendRequest('textDocument/hover', hoverAt));
  // One YAML document of ~3.6 MB: the reading (lexer, parser, our passes) must pause inside it.
  const big = server.open('list-15000.yaml', compactList(15000));
  const events: string[] = [];
  const token = 'pull-list-15000';
  let reading!: () => void;
  const readingSeen = new Promise<void>((resolve) => (reading = resolve));
  server.connection.onProgress(WorkDoneProgress.type, token, (p) => {
    const message = p.kind === 'end' ? 'end' : (p.message ?? '');
    // Consecutive reports of the same phase are one event.
    if (events[events.length - 1] !== message) events.push(message);
    if (message === 'Reading YAML') reading();
  });
  const diagnostics = server.connection
    .sendRequest('textDocument/diagnostic', { textDocument: { uri: big }, workDoneToken: token })
    .then((r) => {
      events.push('diagnostics');
      return r as { items: Diag[] };
    });
  // The pull said it is reading the big file (it gave way once): only now is the hover sent, so
  // it reaches the server while the document is being read, not before the reading starts.
  await Promise.race([readingSeen, diagnostics]);
  const answer = (await server.connection.sendRequest('textDocument/hover', hoverAt).then((r) => {
    events.push('hover');
    return r;
  })) as { contents: { value: string } } | null;
  const report = await diagnostics;
  assert.match(answer!.contents.value, /DaemonSet/);
  // Answered while the pull was still reading YAML (before it gave way in the checking phase).
  assert.deepEqual(events.slice(0, 2), ['Reading YAML', 'hover'], events.join(' → '));
  assert.deepEqual(events.slice(-3), ['Checking', 'end', 'diagnostics'], events.join(' → '));
  // Every item was read and checked: capped at 1,000 findings plus the count of the rest.
  assert.equal(report.items.length, 1001);
  assert.equal(report.items[1000]!.code, 'moreDiagnostics');
});

test('a file with 1,500 unknown fields reports 1,000 errors and a count of the rest', async () => {
  const uri = server.open('unknown.yaml', unknownFields(1500));
  const { items } = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: Diag[];
  };
  assert.equal(items.length, 1001);
  const last = items[items.length - 1]!;
  assert.equal(last.code, 'moreDiagnostics');
  assert.equal(last.severity, 1);
  assert.match(last.message, /… and [\d,]+ more not shown \(500 errors, /);
  const unknown = items.filter((d) => d.code === 'unknownField');
  assert.equal(unknown.length, 1000);
  // Each finding sits on its own key's line (fields 0..999: lines 13..1012).
  unknown.forEach((d, i) => assert.equal(d.range.start.line, 13 + i, d.message));
  assert.match(unknown[0]!.message, /notAField0/);
});
