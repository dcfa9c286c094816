// The placement preview as a user reaches it: the CodeLens above a DaemonSet, clicked, opens a
// webview beside the editor listing the example cluster's nodes with a verdict for each.
// Webview content lives two frames deep: iframe.webview.ready > iframe#active-frame.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stopCodeServersOnSignals } from '../codeServer';
import { LANGUAGE_STATUS, UiSession } from './session';

stopCodeServersOnSignals();
let session: UiSession | undefined;

before(
  async () => {
    session = await UiSession.start();
  },
  { timeout: 180_000 },
);

after(async () => {
  await session?.stop();
});

test('clicking the placement CodeLens opens the preview with a verdict per node', { timeout: 120_000 }, async () => {
  assert.ok(session, 'the code-server session did not start');
  const s = session;
  try {
    const file = 'gpu-device-plugin.yaml';
    const editor = await s.openFile(file);
    const lens = editor.locator('.codelens-decoration a', { hasText: /^Runs on \d+ of \d+ node/ });
    await lens.first().waitFor({ timeout: 30_000 });
    const title = await lens.first().innerText();
    const [, runs, total] = /Runs on (\d+) of (\d+)/.exec(title)!;
    await lens.first().click();
    const view = s.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('h1', { hasText: 'nvidia-device-plugin' }).waitFor({ timeout: 30_000 });
    const rows = view.locator('[role="row"].row.node');
    await rows.first().waitFor();
    // The preview agrees with the lens: as many rows with the verdict "Runs" as the lens counts.
    const verdicts = await rows.locator('[role="gridcell"]:nth-child(2)').allInnerTexts();
    assert.ok(verdicts.length > 0, 'the preview lists no node');
    assert.equal(
      verdicts.filter((v) => v.trim() === 'Runs').length,
      Number(runs),
      `the lens says ${runs} of ${total}; the preview's verdicts: ${JSON.stringify(verdicts)}`,
    );
  } catch (e) {
    const dir = await s.capture('placement preview');
    const errors = s.recentErrors().join('\n');
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`,
      { cause: e },
    );
  }
});

test(
  'a chart template: the CodeLens and the preview place the DaemonSet with the chart defaults',
  { timeout: 120_000 },
  async () => {
    assert.ok(session, 'the code-server session did not start');
    const s = session;
    try {
      // examples/workspace/charts/node-agent: nodeSelector (amd64) and tolerations (control plane) in values.yaml.
      const editor = await s.openFile('daemonset.yaml');
      const lens = editor.locator('.codelens-decoration a', { hasText: /with chart defaults$/ });
      await lens.first().waitFor({ timeout: 30_000 });
      const title = await lens.first().innerText();
      const [, runs] = /^Runs on (\d+) of (\d+) node/.exec(title) ?? [];
      assert.ok(runs, `the lens does not say where the pods run: "${title}"`);
      await lens.first().click();
      const view = s.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await view.locator('h1', { hasText: 'node-agent' }).waitFor({ timeout: 30_000 });
      const origin = view.locator('.origin');
      await origin.waitFor({ timeout: 30_000 });
      const said = await origin.innerText();
      assert.match(said, /^With chart defaults: chart node-agent, rendered with values\.yaml\./, said);
      const rows = view.locator('[role="row"].row.node');
      await rows.first().waitFor();
      const verdictOf = async (name: string) =>
        (
          await view
            .locator('[role="row"].row.node', { has: view.getByRole('gridcell', { name, exact: true }) })
            .locator('[role="gridcell"]:nth-child(2)')
            .innerText()
        ).trim();
      // values.yaml's nodeSelector keeps the arm64 node out; its toleration lets the control plane in.
      assert.equal(await verdictOf('arm-b1'), 'Not scheduled');
      assert.equal(await verdictOf('cp-1'), 'Runs');
      // The lens counts the pods the controller creates: running and Pending ones.
      const verdicts = await rows.locator('[role="gridcell"]:nth-child(2)').allInnerTexts();
      const created = verdicts.filter((v) => v.trim() === 'Runs' || v.trim() === 'Pending').length;
      assert.equal(
        created,
        Number(runs),
        `the lens says ${title}; the preview's verdicts: ${JSON.stringify(verdicts)}`,
      );
    } catch (e) {
      const dir = await s.capture('chart placement preview');
      const errors = s.recentErrors().join('\n');
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`,
        { cause: e },
      );
    }
  },
);

test(
  'the preview button shows on DaemonSet files only; the YAML language status names the cluster',
  { timeout: 120_000 },
  async () => {
    assert.ok(session, 'the code-server session did not start');
    const s = session;
    try {
      fs.writeFileSync(
        path.join(s.workspace, 'settings-map.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
      );
      const button = s.page.locator(
        '.editor-group-container.active .editor-actions [aria-label^="Show Placement Preview"]',
      );
      await s.openFile('log-collector.yaml');
      await button.first().waitFor({ timeout: 30_000 });
      await s.page.locator(LANGUAGE_STATUS).first().waitFor({ timeout: 30_000 });
      const label = await s.page.locator(LANGUAGE_STATUS).first().getAttribute('aria-label');
      assert.match(label ?? '', /DaemonSet cluster: example cluster, \d+ nodes/);
      // A YAML file without a DaemonSet: the context key turns false and the button goes away.
      await s.openFile('settings-map.yaml');
      await button.first().waitFor({ state: 'detached', timeout: 30_000 });
      // Back through its tab (a second Quick Open of an already open file raced in the one e2e run).
      await s.page.locator('.tab', { hasText: 'log-collector.yaml' }).first().click();
      await s.editor('log-collector.yaml').locator('.view-line').first().waitFor();
      await button.first().waitFor({ timeout: 30_000 });
    } catch (e) {
      const dir = await s.capture('context key');
      const errors = s.recentErrors().join('\n');
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`,
        { cause: e },
      );
    }
  },
);
