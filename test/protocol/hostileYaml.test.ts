// Issue 10: nesting deep enough to overflow the `yaml` package's stack once killed the language
// server (SIGABRT on the parse after a recovered overflow). The server is a child process here,
// so an abort fails these tests instead of the runner.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, TestServer } from '../support/lspClient';
import { blockMaps, blockSeqs, flowMaps, flowSeqs, twoDocs } from '../support/hostileYaml';

let server: TestServer;
type Diag = { code?: string | number; severity?: number; message: string; range: { start: { line: number } } };
const pull = async (uri: string): Promise<Diag[]> =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] })
    .items;

const GOOD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
`;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const inputs: Record<string, string> = {
  'flow 2x1000': twoDocs(flowSeqs(1000)),
  'flow 2x5000': twoDocs(flowSeqs(5000)),
  'flow 100000': flowSeqs(100_000),
  'flow maps 2x5000': twoDocs(flowMaps(5000)),
  'block maps 2x1000': twoDocs(blockMaps(1000)),
  'block seqs 2x5000': twoDocs(blockSeqs(5000)),
  'block seqs 100000': blockSeqs(100_000),
  'in a DaemonSet': `${GOOD}    nodeSelector: {a: ${flowSeqs(5000)}}\n---\n${GOOD}`,
};

for (const [name, text] of Object.entries(inputs)) {
  test(`too deep (${name}): one yamlTooDeep error per document, no crash, completion answers`, async () => {
    const uri = server.open(`${name.replace(/\W+/g, '-')}.yaml`, text);
    const items = await pull(uri);
    const deep = items.filter((d) => d.code === 'yamlTooDeep');
    const docs = text.split('\n---\n').length;
    assert.equal(deep.length, name === 'in a DaemonSet' ? 1 : docs, JSON.stringify(items.map((d) => d.code)));
    assert.ok(
      deep.every(
        (d) =>
          d.severity === 1 && /^YAML nesting deeper than \d+ levels; this document was not parsed$/.test(d.message),
      ),
    );
    // Completion re-parses the cursor's document (cursorContext.ts): the same guard applies.
    await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    assert.equal(server.process.exitCode, null, `server exited: ${server.stderr().slice(-500)}`);
  });
}

test('after all of them, the server still answers on a good document', async () => {
  // Parse them all once more in the same process: the abort used to come on a later parse.
  for (const [name, text] of Object.entries(inputs))
    await pull(server.open(`again-${name.replace(/\W+/g, '-')}.yaml`, text));
  const uri = server.open('good.yaml', GOOD);
  assert.deepEqual(
    (await pull(uri)).filter((d) => d.severity === 1),
    [],
  );
  const hover = await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 5, character: 4 },
  });
  assert.ok(hover);
  assert.equal(server.process.exitCode, null);
});
