// The placement preview as a user reaches it: the CodeLens above a DaemonSet, clicked, opens a
// webview beside the editor listing the example cluster's nodes with a verdict for each.
// Webview content lives two frames deep: iframe.webview.ready > iframe#active-frame.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { stopCodeServersOnSignals } from '../codeServer';
import { UiSession } from './session';

stopCodeServersOnSignals();
let session: UiSession | undefined;

before(async () => {
  session = await UiSession.start();
}, { timeout: 180_000 });

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
    assert.equal(verdicts.filter((v) => v.trim() === 'Runs').length, Number(runs), `the lens says ${runs} of ${total}; the preview's verdicts: ${JSON.stringify(verdicts)}`);
  } catch (e) {
    const dir = await s.capture('placement preview');
    const errors = s.recentErrors().join('\n');
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`, { cause: e });
  }
});
