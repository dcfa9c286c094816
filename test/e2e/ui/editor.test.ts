// What a user sees of the packaged extension in the editor: the completion list, a hover, a
// squiggle and its Problems entry, a quick fix that rewrites the file. One code-server window for
// the file; each test opens its example file with Quick Open and acts with keyboard and mouse.
// A failed test leaves a screenshot and the logs under test-results/ui/<test>/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stopCodeServersOnSignals } from '../codeServer';
import { UiSession } from './session';

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

function uiTest(name: string, fn: (s: UiSession) => Promise<void>): void {
  test(name, { timeout: 90_000 }, async () => {
    assert.ok(session, 'the code-server session did not start');
    try {
      await fn(session);
    } catch (e) {
      const dir = await session.capture(name);
      const errors = session.recentErrors().join('\n');
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n(screenshot and logs: ${dir})${errors ? `\nlast page errors:\n${errors}` : ''}`,
        { cause: e },
      );
    } finally {
      await session.closeWidgets();
    }
  });
}

uiTest('completion under spec: lists updateStrategy, minReadySeconds and template, not replicas', async (s) => {
  const file = 'new-daemonset.yaml';
  await s.openFile(file);
  // The first test of the window: the language client may still be starting.
  await s.serverReady();
  const end = s.where(file, '\nspec:', '\nspec:'.length);
  await s.goTo(end.line, end.column);
  await s.press('Enter');
  // Whatever the editor auto-indented, the new key is at two spaces under spec:.
  await s.press('Shift+Home');
  await s.page.keyboard.type('  ');
  await s.triggerSuggest();
  const shown = await s.suggestionLabels();
  await s.press('Escape');
  // The list is virtualised, so each wanted entry is looked up the way a user narrows it: by typing.
  for (const want of ['updateStrategy', 'minReadySeconds', 'template']) {
    const prefix = want.slice(0, 4);
    await s.page.keyboard.type(prefix);
    await s.triggerSuggest();
    const labels = await s.suggestionLabels();
    assert.ok(
      labels.includes(want),
      `typing "${prefix}" + Ctrl+Space lists ${JSON.stringify(labels)}, not ${want} (unfiltered: ${JSON.stringify(shown)})`,
    );
    await s.press('Escape');
    for (let i = 0; i < prefix.length; i++) await s.press('Backspace');
  }
  await s.page.keyboard.type('repl');
  await s.triggerSuggest();
  const labels = await s.suggestionLabels();
  assert.ok(!labels.includes('replicas'), `a DaemonSet spec offers replicas: ${JSON.stringify(labels)}`);
  await s.press('Escape');
  for (let i = 0; i < 4; i++) await s.press('Backspace');
  // Accepting an entry writes the key into the file.
  await s.page.keyboard.type('updateStr');
  await s.triggerSuggest();
  await s.page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'updateStrategy' }).first().click();
  await s.line(file, 'updateStrategy').waitFor();
});

uiTest('hovering updateStrategy shows its documentation', async (s) => {
  const file = 'log-collector.yaml';
  await s.openFile(file);
  const word = s.line(file, 'updateStrategy:').locator('span > span', { hasText: /^updateStrategy$/ });
  await word.hover();
  const want = 'An update strategy to replace existing DaemonSet pods with new pods.';
  await s.page
    .locator('.monaco-hover:visible', { hasText: want })
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => {
      const shown = await s.page.locator('.monaco-hover:visible').allInnerTexts();
      throw new Error(`no hover with "${want}"; hovers shown: ${JSON.stringify(shown)} (${e.message.split('\n')[0]})`);
    });
});

uiTest('restartPolicy: Never is squiggled and listed in Problems', async (s) => {
  const file = 'mistakes.yaml';
  const editor = await s.openFile(file);
  const squiggle = editor.locator('.squiggly-error').first();
  await squiggle.waitFor({ timeout: 30_000 });
  // The squiggle sits on the restartPolicy line (decorations and text are separate layers).
  const line = await s.line(file, 'restartPolicy: Never').boundingBox();
  const boxes = await editor
    .locator('.squiggly-error')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map(({ y, height }) => ({ y, height })));
  assert.ok(line, 'the restartPolicy line is not rendered');
  assert.ok(
    boxes.some((b) => b.y + b.height > line.y && b.y < line.y + line.height),
    `no error squiggle on the restartPolicy line (y=${line.y}); squiggles at y=${boxes.map((b) => b.y).join(', ')}`,
  );
  await s.press('Mod+Shift+M');
  const row = s.page.locator('.markers-panel .monaco-list-row', { hasText: 'Unsupported value: "Never"' });
  await row
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => {
      const shown = await s.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      throw new Error(
        `Problems has no 'Unsupported value: "Never"' entry: ${JSON.stringify(shown)} (${e.message.split('\n')[0]})`,
      );
    });
  const text = await row.first().innerText();
  assert.match(text, /daemonset/, `the Problems entry does not name its source: ${text}`);
  assert.match(text, /restartPolicyNotAlways/, `the Problems entry does not show its code: ${text}`);
});

uiTest('the "Rewrite to apps/v1" quick fix rewrites extensions/v1beta1 in the file', async (s) => {
  const file = 'legacy-api.yaml';
  const editor = await s.openFile(file);
  await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
  const at = s.where(file, 'apiVersion: extensions/v1beta1', 'apiVersion: '.length + 2);
  await s.goTo(at.line, at.column);
  await s.press('Mod+.');
  const item = s.page.locator('.action-widget .monaco-list-row', { hasText: 'Rewrite to apps/v1' });
  await item
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => {
      const shown = await s.page.locator('.action-widget .monaco-list-row').allInnerTexts();
      throw new Error(
        `no "Rewrite to apps/v1" code action; offered: ${JSON.stringify(shown)} (${e.message.split('\n')[0]})`,
      );
    });
  // Arrow keys move the focus to the fix and Enter applies it, as from the keyboard.
  const focused = s.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Rewrite to apps/v1' });
  const rows = await s.page.locator('.action-widget .monaco-list-row').count();
  for (let i = 0; i < rows && (await focused.count()) === 0; i++) await s.press('ArrowDown');
  await focused.waitFor();
  await s.press('Enter');
  await s.line(file, 'apiVersion: apps/v1').waitFor();
  await s.press('Mod+S');
  await s.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  const onDisk = fs.readFileSync(path.join(s.workspace, file), 'utf8');
  assert.match(onDisk, /^apiVersion: apps\/v1$/m, 'the saved file still has the old apiVersion');
  assert.doesNotMatch(onDisk, /extensions\/v1beta1\n/, 'the saved file still has extensions/v1beta1 as apiVersion');
});
