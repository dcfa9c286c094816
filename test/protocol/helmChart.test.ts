// A chart template through the real bundled server (dist/server.js) over LSP stdio: the server
// reads the chart around the opened template outside requests (values.yaml, then the
// daemonset.helm.valuesFiles setting, _helpers.tpl), asks for a CodeLens refresh, and then the
// placement answer and the CodeLens use the DaemonSet rendered with the chart defaults.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, TestServer } from '../support/lspClient';

const CHART = path.join(ROOT, 'examples', 'workspace', 'charts', 'node-agent');
let server: TestServer;
let workspace: string;
let refreshed: () => void = () => undefined;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-ws-'));
  fs.cpSync(CHART, workspace, { recursive: true });
  // The extra values file lets the GPU node in as well.
  fs.writeFileSync(path.join(workspace, 'values-gpu.yaml'), 'tolerations:\n  - operator: Exists\n');
  server = await startServer({ workspaceRoot: workspace, settings: { helm: { valuesFiles: ['values-gpu.yaml'] } } });
  server.connection.onRequest('workspace/codeLens/refresh', () => {
    refreshed();
    return null;
  });
  const changed = new Promise<void>((resolve) =>
    server.connection.onNotification('daemonset/clusterChanged', () => resolve()),
  );
  const status = (await server.connection.sendRequest('daemonset/clusterStatus')) as {
    state?: string;
    nodeCount?: number;
  } | null;
  if (status?.state !== 'ok' || !status.nodeCount) await changed;
});
after(async () => {
  await server.stop();
});

test('the placement answer and the CodeLens of a chart template use the chart defaults', async () => {
  const text = fs.readFileSync(path.join(CHART, 'templates', 'daemonset.yaml'), 'utf8');
  const next = () => new Promise<void>((resolve) => (refreshed = resolve));
  let wait = next();
  const uri = server.open('daemonset.yaml', text);
  let res: any;
  // The chart is read after didOpen; the server asks for a CodeLens refresh once it has it.
  for (let round = 0; round < 5; round++) {
    res = await server.connection.sendRequest('daemonset/placement', { uri });
    if (res?.chartDefaults) break;
    await wait;
    wait = next();
  }
  assert.ok(res.chartDefaults, `no chartDefaults in ${JSON.stringify(res).slice(0, 400)}`);
  assert.deepEqual(res.chartDefaults.valuesFiles, ['values.yaml', 'values-gpu.yaml']);
  assert.equal(res.chartDefaults.chart, 'node-agent');
  assert.deepEqual(res.chartDefaults.placementUnknown, []);
  assert.equal(res.daemonSets[0].name, 'node-agent');
  const verdict = (name: string) => res.result.nodes.find((n: { name: string }) => n.name === name);
  // values.yaml: amd64 only; values-gpu.yaml: every taint tolerated.
  assert.equal(verdict('arm-b1').shouldRun, false);
  assert.equal(verdict('arm-b1').reason, 'nodeSelector');
  assert.equal(verdict('gpu-a1').shouldRun, true);
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{
    command: { title: string };
  }>;
  assert.equal(lenses.length, 1);
  assert.match(
    lenses[0]!.command.title,
    new RegExp(`^Runs on ${res.result.desired} of \\d+ nodes? · .* · with chart defaults$`),
  );
  // The hover on a .Values reference shows the value with the chart defaults.
  const at = text.split('\n').findIndex((l) => l.includes('.Values.nodeSelector'));
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: at, character: text.split('\n')[at]!.indexOf('.Values.nodeSelector') + 9 },
  })) as { contents: { value: string } } | null;
  assert.match(
    hover?.contents.value ?? '',
    /`\.Values\.nodeSelector` with chart defaults \(defined in values\.yaml line \d+\)/,
  );
});
