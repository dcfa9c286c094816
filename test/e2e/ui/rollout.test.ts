// The panel's Rollout and Live sections in code-server, on the bundled example cluster: what the
// preview shows is compared with what the CLI prints for the same file (`daemonset rollout` and
// `daemonset status --format json`, run by the test on the session's workspace copy), never with
// numbers written here. The hover on maxUnavailable, and an edit of maxUnavailable that the panel
// follows, are checked the same way. Webview content lives two frames deep (UiSession.preview).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import type { PageElement } from '../../browser/pageGlobals';
import { stopCodeServersOnSignals } from '../codeServer';
import { expectedLive, watchLive } from './panel';
import { cliJson, UiSession } from './session';

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
  test(name, { timeout: 120_000 }, async () => {
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

const FILE = 'log-collector.yaml';
const NAME = 'fluent-bit';

/** The Rollout section's facts (dd[data-fact]) as shown. */
async function rolloutFacts(view: FrameLocator): Promise<Record<string, string>> {
  await view.locator('section.rollout dd[data-fact="strategy"]').waitFor();
  const pairs = await view
    .locator('section.rollout dd[data-fact]')
    .evaluateAll((dds) =>
      dds.map((dd) => [(dd as unknown as PageElement).dataset.fact ?? '', (dd.textContent ?? '').trim()]),
    );
  return Object.fromEntries(pairs);
}

/** "1" or "50% → 4": the effective number the panel shows for a budget. */
const effective = (shown: string | undefined): string | undefined => shown?.split('→').pop()?.trim();

/** What the panel must show for a plan printed by `daemonset rollout --format json`. */
function expectedFacts(plan: any): Record<string, string> {
  const want: Record<string, string> = { strategy: plan.strategy, desired: String(plan.desired) };
  if (plan.strategy === 'RollingUpdate') {
    Object.assign(want, {
      maxUnavailable: String(plan.maxUnavailable),
      maxSurge: String(plan.maxSurge),
      perBatch: String(plan.perBatch),
      batches: String(plan.batches),
    });
  }
  return want;
}

function shownFacts(facts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { strategy: facts.strategy ?? '', desired: facts.desired ?? '' };
  for (const key of ['maxUnavailable', 'maxSurge', 'perBatch', 'batches'])
    if (key in facts) out[key] = effective(facts[key]) ?? '';
  return out;
}

async function rolloutOf(s: UiSession): Promise<any> {
  const out = await cliJson(['rollout', path.join(s.workspace, FILE)], s.workspace);
  const plan = out.daemonsets.find((d: any) => d.name === NAME);
  assert.ok(plan, `daemonset rollout printed no ${NAME}: ${JSON.stringify(out)}`);
  return plan;
}

uiTest(
  'the Rollout section shows the numbers `daemonset rollout` prints, and the maxUnavailable hover says them',
  async (s) => {
    const plan = await rolloutOf(s);
    const view = await s.openPreview(FILE, NAME);
    const facts = await rolloutFacts(view);
    assert.deepEqual(
      shownFacts(facts),
      expectedFacts(plan),
      `the panel's Rollout facts ${JSON.stringify(facts)} differ from the CLI's plan`,
    );
    const summary = (await view.locator('section.rollout .rollout-summary').innerText()).trim();
    assert.ok(
      summary.includes(
        `${plan.perBatch} ${plan.perBatch === 1 ? 'node' : 'nodes'} at a time · ${plan.batches} ${plan.batches === 1 ? 'batch' : 'batches'}`,
      ),
      `the Rollout summary "${summary}" does not say ${plan.perBatch} at a time, ${plan.batches} batches`,
    );
    assert.equal(
      summary.includes('never completes'),
      !plan.completes,
      `summary "${summary}" vs completes=${plan.completes}`,
    );
    // What the CLI explains is listed in the section, line for line.
    const messages = (await view.locator('section.rollout .rollout-messages li').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(
      messages,
      plan.messages.map((m: string) => m.trim()),
    );
    const pending = view.locator('section.rollout .rollout-pending');
    if (plan.pendingNodes.length > 0)
      assert.equal(
        (await pending.innerText()).trim(),
        `Pending nodes (${plan.pendingNodes.length}): ${plan.pendingNodes.join(', ')}`,
      );
    else assert.equal(await pending.isVisible(), false);

    // The hover on maxUnavailable in the editor: the same numbers, in the same words as the CLI.
    const word = s.line(FILE, 'maxUnavailable:').locator('span > span', { hasText: /^maxUnavailable$/ });
    await word.hover();
    const hover = s.page.locator('.monaco-hover:visible', { hasText: `of ${plan.desired} desired node` }).first();
    await hover.waitFor({ timeout: 20_000 }).catch(async (e: Error) => {
      const shown = await s.page.locator('.monaco-hover:visible').allInnerTexts();
      throw new Error(
        `no rollout hover on maxUnavailable; hovers shown: ${JSON.stringify(shown)} (${e.message.split('\n')[0]})`,
      );
    });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.ok(
      text.includes(plan.messages[0].replace(/\s+/g, ' ')),
      `the hover "${text}" does not say "${plan.messages[0]}"`,
    );
    assert.match(text, new RegExp(`Rollout on example cluster`), `the hover does not name the cluster: ${text}`);
  },
);

uiTest(
  'editing maxUnavailable to a percentage: the panel follows, with the rounded-up number the CLI prints after save',
  async (s) => {
    const before = await rolloutOf(s);
    const view = await s.openPreview(FILE, NAME);
    await rolloutFacts(view);
    const at = s.where(FILE, 'maxUnavailable: 1', 'maxUnavailable: '.length);
    await s.goTo(at.line, at.column);
    await s.press('Shift+End');
    await s.page.keyboard.type('50%');
    await s.line(FILE, 'maxUnavailable: 50%').waitFor();
    await s.press('Mod+S');
    await s.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    assert.match(
      fs.readFileSync(path.join(s.workspace, FILE), 'utf8'),
      /maxUnavailable: 50%\n/,
      'the edit did not reach the file',
    );
    const plan = await rolloutOf(s);
    assert.notEqual(
      plan.maxUnavailable,
      before.maxUnavailable,
      'the CLI prints the same maxUnavailable after the edit: the test would prove nothing',
    );
    // The panel re-asks on edits: wait for the new budget, then compare everything with the CLI.
    await view
      .locator('section.rollout dd[data-fact="maxUnavailable"]', {
        hasText: new RegExp(`^50% → ${plan.maxUnavailable}$`),
      })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: Error) => {
        const shown = await view.locator('section.rollout dd[data-fact="maxUnavailable"]').allInnerTexts();
        throw new Error(
          `the panel shows maxUnavailable ${JSON.stringify(shown)}, the CLI ${plan.maxUnavailable} (${e.message.split('\n')[0]})`,
        );
      });
    assert.deepEqual(shownFacts(await rolloutFacts(view)), expectedFacts(plan));
  },
);

uiTest(
  "the Live section shows the example cluster's live state as `daemonset status` prints it: kubectl get ds, rollout status, pods per node",
  async (s) => {
    const statusOf = async (): Promise<any> => {
      const out = await cliJson(['status', path.join(s.workspace, FILE)], s.workspace);
      const st = out.daemonsets.find((d: any) => d.name === NAME);
      assert.ok(st, `daemonset status printed no ${NAME}: ${JSON.stringify(out)}`);
      return st;
    };
    const first = await statusOf();
    assert.equal(first.state, 'ok', `the CLI reads no live state: ${JSON.stringify(first)}`);
    const view = await s.openPreview(FILE, NAME);
    const getDs = view.locator('section.live pre.live-getds');
    await getDs.waitFor({ timeout: 30_000 });
    const table = await getDs.textContent();
    // AGE is relative to now: the panel's table equals the CLI's from before or after it was read.
    const last = await statusOf();
    assert.ok(
      table === first.table || table === last.table,
      `the panel's kubectl get ds:\n${table}\nthe CLI's:\n${first.table}`,
    );
    const header = (table ?? '')
      .split('\n')[0]!
      .trim()
      .split(/\s{2,}/);
    assert.deepEqual(header, [
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'NODE SELECTOR',
      'AGE',
    ]);
    assert.deepEqual(header, first.getDs.headers);

    const rollout = (await view.locator('section.live .live-rollout').innerText()).trim();
    assert.equal(rollout, `$ kubectl rollout status ds/${NAME} -n ${first.namespace}\n${first.rolloutStatus.message}`);
    const line = (await view.locator('section.live .live-summary').innerText()).trim();
    assert.ok(line.startsWith(first.summary), `the Live line "${line}" does not start with "${first.summary}"`);

    // Per node: the daemon pod next to the prediction, and the drift kinds, as the CLI lists them.
    const shown = await view.locator('body').evaluate(watchLive, null);
    const want = expectedLive(first);
    assert.deepEqual(shown.rows, want.rows);
    assert.equal(shown.rollout, want.rollout);
    assert.ok(
      want.rows.some((r) => r.drift.length > 0),
      'the example live state has no drift: the comparison of drift proves nothing',
    );
  },
);
