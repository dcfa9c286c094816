// The panel host (client/src/placementPanel.ts) against a fake `vscode`: following the editor,
// debouncing edits, dropping stale responses, the message protocol and restore after reload.
// Timers are node:test's mock timers; nothing waits for real time.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import type { PlacementPanelDeps } from '../../client/src/placementPanel';
import type { PlacementParams, PlacementResponse } from '../../protocol';
import {
  activate,
  doc,
  editor,
  events,
  fake,
  installFakeVscode,
  moveCursor,
  vscode,
  type FakeDocument,
  type FakePanel,
} from './fakeVscode';

installFakeVscode();
const { PlacementPanel } =
  require('../../client/src/placementPanel') as typeof import('../../client/src/placementPanel');

interface Call {
  uri: string;
  /** The DaemonSet choice (offset / index), without the nodes key. */
  params: Omit<PlacementParams, 'uri'>;
  /** The nodes table key the host said it holds. */
  nodesKey: string | undefined;
  resolve(r: PlacementResponse): void;
  reject(e: Error): void;
}

let calls: Call[];
let reveals: Array<{ uri: string; range: unknown }>;

function response(uri: string, selected: number, names: string[] = ['agent', 'gpu-agent']): PlacementResponse {
  return {
    uri,
    daemonSets: names.map((name, index) => ({ index, name, namespace: 'kube-system', line: index * 30 })),
    selected: names.length ? selected : -1,
    cluster: { source: 'example cluster', kind: 'example', state: 'ok', nodeCount: 0 },
  };
}

const deps = {
  extensionUri: vscode.Uri.file('/ext'),
  fetch: (uri: { toString(): string }, params: Omit<PlacementParams, 'uri'>) =>
    new Promise<PlacementResponse>((resolve, reject) => {
      const { nodesKey, ...choice } = params;
      calls.push({ uri: uri.toString(), params: choice, nodesKey, resolve, reject });
    }),
  reveal: (uri: { toString(): string }, range: unknown) => {
    reveals.push({ uri: uri.toString(), range });
  },
} as unknown as PlacementPanelDeps;

/** Let resolved fetches run their continuations (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function updates(panel: FakePanel): PlacementResponse[] {
  return (panel.posted as Array<{ type: string; response: PlacementResponse }>)
    .filter((m) => m.type === 'update')
    .map((m) => m.response);
}

let manifest: FakeDocument;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  calls = [];
  reveals = [];
  fake.panels.length = 0;
  fake.opened.length = 0;
  manifest = doc('/work/agents.yaml');
  activate(editor(manifest, 3));
});

afterEach(() => {
  PlacementPanel.instance?.dispose();
  mock.timers.reset();
});

async function openReady(): Promise<FakePanel> {
  PlacementPanel.createOrShow(deps);
  const panel = fake.panels.at(-1)!;
  panel.receive({ type: 'ready' });
  assert.equal(calls.length, 1);
  calls[0].resolve(response(calls[0].uri, 0));
  await settle();
  calls.length = 0;
  return panel;
}

describe('placement panel host', () => {
  test('opens beside the editor with a strict page and previews the active manifest once the webview is ready', async () => {
    PlacementPanel.createOrShow(deps);
    const panel = fake.panels[0];
    assert.equal(panel.viewType, 'daemonset.placementPreview');
    assert.deepEqual(panel.createOptions, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')],
      retainContextWhenHidden: false,
    });
    assert.match(panel.webview.html, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(panel.webview.html, /src="file:\/\/\/ext\/dist\/webview\.js"/);
    assert.deepEqual(
      calls.map((c) => [c.uri, c.params]),
      [['file:///work/agents.yaml', { offset: 3000 }]],
    );

    calls[0].resolve(response('file:///work/agents.yaml', 0));
    await settle();
    assert.deepEqual(panel.posted, [], 'nothing is posted before the script says ready');
    panel.receive({ type: 'ready' });
    assert.equal(updates(panel).length, 1);
    assert.equal(panel.title, 'Placement: agent');
    // A second show brings the same panel forward.
    PlacementPanel.createOrShow(deps);
    assert.equal(fake.panels.length, 1);
    assert.equal(panel.reveals, 1);
  });

  test('the nodes table comes once per snapshot: the host says which it holds and posts it to the webview only when new', async () => {
    const panel = await openReady();
    const table = { key: 'k1', names: ['a', 'b'], labels: [{ zone: 'z1' }, { zone: 'z2' }] };
    const compact = (key: string, withTable: boolean): PlacementResponse => ({
      ...response('file:///work/agents.yaml', 0),
      result: { desired: 1, pending: 0, excluded: 1, nodes: [] },
      nodesKey: key,
      verdicts: {
        table: [
          { shouldRun: true, shouldContinueRunning: true, pending: false, reason: 'ok', detail: 'fits' },
          { shouldRun: false, shouldContinueRunning: true, pending: false, reason: 'taint', detail: 'taint' },
        ],
        index: [0, 1],
      },
      ...(withTable ? { nodes: key === 'k1' ? table : { ...table, key } } : {}),
    });
    const edit = () => {
      events.change.fire({ document: manifest, contentChanges: [{}] });
      mock.timers.tick(250);
    };
    const posted = () => panel.posted as Array<{ type: string; response: PlacementResponse; nodes?: { key: string } }>;
    edit();
    assert.equal(calls[0].nodesKey, '', 'no table yet');
    calls[0].resolve(compact('k1', true));
    await settle();
    assert.equal(posted().at(-1)?.nodes?.key, 'k1');
    assert.equal(posted().at(-1)?.response.nodes, undefined, 'the table travels once, beside the response');
    edit();
    assert.equal(calls[1].nodesKey, 'k1');
    calls[1].resolve(compact('k1', false));
    await settle();
    assert.equal(posted().at(-1)?.nodes, undefined, 'the webview holds it already');
    // The webview reloads (hidden and shown): it gets the table again with the last answer.
    panel.receive({ type: 'ready' });
    assert.equal(posted().at(-1)?.nodes?.key, 'k1');
    // A new snapshot: a new table.
    edit();
    const last = calls.at(-1)!;
    assert.equal(last.nodesKey, 'k1');
    last.resolve(compact('k2', true));
    await settle();
    assert.equal(posted().at(-1)?.nodes?.key, 'k2');
  });

  test('edits are debounced: one request 250 ms after the last keystroke', async () => {
    const panel = await openReady();
    for (let i = 0; i < 5; i++) {
      events.change.fire({ document: manifest, contentChanges: [{}] });
      mock.timers.tick(100);
    }
    assert.equal(calls.length, 0);
    mock.timers.tick(150);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].params, { offset: 3000 });
    // Changes to other documents are ignored.
    events.change.fire({ document: doc('/work/other.yaml'), contentChanges: [{}] });
    mock.timers.tick(1000);
    assert.equal(calls.length, 1);
    assert.equal(updates(panel).length, 1);
  });

  test('a response older than the one shown is dropped', async () => {
    const panel = await openReady();
    events.change.fire({ document: manifest, contentChanges: [{}] });
    mock.timers.tick(250);
    events.change.fire({ document: manifest, contentChanges: [{}] });
    mock.timers.tick(250);
    assert.equal(calls.length, 2);
    const newer = { ...response('file:///work/agents.yaml', 0), message: 'newer' };
    calls[1].resolve(newer);
    await settle();
    calls[0].resolve({ ...response('file:///work/agents.yaml', 0), message: 'older' });
    await settle();
    assert.deepEqual(
      updates(panel)
        .slice(1)
        .map((r) => r.message),
      ['newer'],
    );
  });

  test('moving the cursor into another DaemonSet asks for it; moving inside one does not', async () => {
    await openReady();
    const e = vscode.window.activeTextEditor!;
    moveCursor(e, 10);
    mock.timers.tick(500);
    assert.equal(calls.length, 0);
    moveCursor(e, 31);
    mock.timers.tick(100);
    assert.deepEqual(
      calls.map((c) => c.params),
      [{ offset: 31000 }],
    );
  });

  test('the picker pins a DaemonSet; reveal calls back with the manifest and range; junk is ignored', async () => {
    const panel = await openReady();
    panel.receive({ type: 'select', index: 1 });
    mock.timers.tick(0);
    assert.deepEqual(
      calls.map((c) => c.params),
      [{ index: 1 }],
    );
    calls[0].resolve(response('file:///work/agents.yaml', 1));
    await settle();
    events.change.fire({ document: manifest, contentChanges: [{}] });
    mock.timers.tick(250);
    assert.deepEqual(calls[1].params, { index: 1 }, 'edits keep the picked DaemonSet');

    panel.receive({ type: 'reveal', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } } });
    assert.deepEqual(reveals, [{ uri: 'file:///work/agents.yaml', range: new vscode.Range(4, 2, 4, 9) }]);
    panel.receive({ type: 'reveal', range: { start: { line: -1, character: 0 }, end: {} } });
    panel.receive({ type: 'select', index: 'x' });
    panel.receive('<script>');
    mock.timers.tick(1000);
    assert.equal(reveals.length, 1);
    assert.equal(calls.length, 2);
  });

  test('switching to a YAML file without a DaemonSet keeps the preview; one with a DaemonSet is adopted', async () => {
    const panel = await openReady();
    const plain = doc('/work/service.yaml');
    activate(editor(plain));
    calls[0].resolve(response('file:///work/service.yaml', -1, []));
    await settle();
    assert.equal(updates(panel).length, 1);
    activate(editor(doc('/work/README.md', 'markdown')));
    assert.equal(calls.length, 1, 'non-YAML editors are not previewed');

    activate(editor(doc('/work/gpu.yaml')));
    calls[1].resolve(response('file:///work/gpu.yaml', 0, ['gpu-driver']));
    await settle();
    assert.equal(updates(panel).at(-1)!.uri, 'file:///work/gpu.yaml');
    events.change.fire({ document: manifest, contentChanges: [{}] });
    mock.timers.tick(250);
    assert.equal(calls.length, 2, 'the previous manifest is no longer followed');
  });

  test('a failed request is shown in the panel', async () => {
    const panel = await openReady();
    PlacementPanel.refresh();
    mock.timers.tick(0);
    calls[0].reject(new Error('server not running'));
    await settle();
    assert.deepEqual(panel.posted.at(-1), { type: 'failed', message: 'server not running' });
  });

  test('hidden, it asks nothing; shown again, the reloaded webview gets the last result and a fresh one', async () => {
    const panel = await openReady();
    panel.visible = false;
    panel.viewState.fire({});
    events.change.fire({ document: manifest, contentChanges: [{}] });
    mock.timers.tick(250);
    assert.equal(calls.length, 0);
    panel.visible = true;
    panel.viewState.fire({});
    const before = panel.posted.length;
    panel.receive({ type: 'ready' });
    assert.equal(panel.posted.length, before + 1);
    assert.equal(calls.length, 1);
  });

  test('after a window reload the serializer reopens the saved manifest and DaemonSet', async () => {
    const registration = PlacementPanel.registerSerializer(deps);
    activate(undefined);
    const panel = vscode.window.createWebviewPanel('daemonset.placementPreview', 'x', 1, {}) as unknown as FakePanel;
    await fake.serializer!.deserializeWebviewPanel(panel, {
      uri: 'file:///work/agents.yaml',
      selected: 1,
      filter: 'zone',
      groupBy: 'pool',
    });
    assert.deepEqual(fake.opened, ['file:///work/agents.yaml']);
    assert.deepEqual(panel.webview.options, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')],
    });
    assert.match(panel.webview.html, /Content-Security-Policy/);
    panel.receive({ type: 'ready' });
    assert.deepEqual(
      calls.map((c) => [c.uri, c.params]),
      [['file:///work/agents.yaml', { index: 1 }]],
    );
    registration.dispose();
  });

  test('disposing removes every listener', async () => {
    const panel = await openReady();
    panel.dispose();
    assert.equal(PlacementPanel.instance, undefined);
    assert.equal(events.activeEditor.size + events.selection.size + events.change.size + panel.messages.size, 0);
  });
});
