// `npm start` (scripts/demo.sh bundles this file with esbuild and runs it): code-server on
// 127.0.0.1:$PORT (default 8080) with the packaged extension installed into a demo profile and
// examples/workspace open. Runs until Ctrl-C. With --check (or CI=true) it instead verifies in
// headless Chromium that the workbench loads, and that opening mistakes.yaml activates the
// extension and shows its diagnostics, and that the demo DaemonSet log-collector.yaml's CodeLens
// opens the placement preview with its Rollout section and its Live section (the example
// cluster's live.yaml: `kubectl get ds` and `kubectl rollout status`); saves a screenshot as
// test-results/demo.png and exits 0.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  codeServerRoot,
  installVsix,
  launchBrowser,
  makeProfile,
  newPage,
  portIsFree,
  Profile,
  quietSettings,
  repoRoot,
  resultsDir,
  saveLogs,
  startCodeServer,
  tempDir,
  waitForWorkbench,
  workbenchUrl,
} from './codeServer';
import { defaultVsix, LANGUAGE_STATUS } from './ui/session';

const say = (line: string) => process.stdout.write(`demo: ${line}\n`);

/** A demo profile that outlives a run, so a user's settings and open editors persist. */
function demoProfile(check: boolean): Profile {
  if (check) return makeProfile(path.join(tempDir('daemonset-demo-'), 'profile'));
  const dir = path.join(path.dirname(codeServerRoot()), 'demo-profile');
  const settings = path.join(dir, 'user-data', 'User', 'settings.json');
  const existing = fs.existsSync(settings)
    ? (JSON.parse(fs.readFileSync(settings, 'utf8')) as Record<string, unknown>)
    : {};
  // Word-based suggestions stay off so the completion list shows what the extension offers.
  return makeProfile(dir, { ...quietSettings, ...existing });
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check') || process.env.CI === 'true';
  const port = Number(process.env.PORT || 8080);
  // PORT=0: any free port (scripts/e2e.sh, so parallel runs on one machine never clash).
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    say(`PORT=${process.env.PORT} is not a port number`);
    return 2;
  }
  if (port !== 0 && !(await portIsFree(port))) {
    say(
      `port ${port} on 127.0.0.1 is already taken. Stop what listens there, or choose another: PORT=${port + 1} npm start`,
    );
    return 1;
  }
  const workspace = path.join(repoRoot, 'examples', 'workspace');
  const profile = demoProfile(check);
  const vsix = defaultVsix();
  await installVsix(profile, vsix);
  say(`installed ${path.relative(repoRoot, vsix)} into ${profile.extensionsDir}`);
  const cs = await startCodeServer({ profile, port: port || undefined });
  const url = workbenchUrl(cs, workspace);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await cs.stop();
    process.exit(code);
  };
  if (!check) {
    say('DaemonSet Studio is running in code-server (VS Code in the browser).');
    say(`open ${url}`);
    say(
      'try: new-daemonset.yaml (completion), mistakes.yaml and legacy-api.yaml (diagnostics, quick fix), gpu-device-plugin.yaml (placement), log-collector.yaml (rollout and live status in the preview)',
    );
    say('press Ctrl-C to stop');
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(0));
    cs.process.once('exit', (code) => {
      if (!stopping) {
        say(`code-server exited (${code}):\n${cs.output().slice(-2000)}`);
        process.exit(1);
      }
    });
    return new Promise<number>(() => undefined);
  }

  say(`checking ${url} in headless Chromium`);
  const browser = await launchBrowser();
  const shot = path.join(resultsDir(), 'demo.png');
  try {
    const { page } = await newPage(browser);
    await page.goto(url);
    await waitForWorkbench(page);
    // As a user would: open a DaemonSet with a mistake from the explorer.
    const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mistakes.yaml' });
    await file.waitFor({ timeout: 60_000 });
    await file.click();
    const editor = page.locator('.editor-instance .monaco-editor[data-uri$="/mistakes.yaml"]');
    await editor.locator('.view-line').first().waitFor({ timeout: 30_000 });
    // Opening YAML activates the extension: its language status item joins the `{}` entry beside
    // the language mode (whose aria-label lists the items' labels), and the language server's
    // diagnostics are drawn as squiggles.
    await page.locator(LANGUAGE_STATUS).first().waitFor({ timeout: 60_000 });
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    say('the workbench loaded, the extension is active and reports diagnostics');
    // The demo DaemonSet: its CodeLens opens the preview, with the Rollout and Live sections.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'log-collector.yaml' }).click();
    const demo = page.locator('.editor-instance .monaco-editor[data-uri$="/log-collector.yaml"]');
    const lens = demo.locator('.codelens-decoration a', { hasText: /^Runs on \d+ of \d+ node/ });
    await lens.first().waitFor({ timeout: 60_000 });
    await lens.first().click();
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('h1', { hasText: 'fluent-bit' }).waitFor({ timeout: 60_000 });
    const batches = view.locator('section.rollout dd[data-fact="batches"]');
    await batches.waitFor({ timeout: 30_000 });
    const getDs = view.locator('section.live pre.live-getds', {
      hasText: /NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE/,
    });
    await getDs.waitFor({ timeout: 30_000 });
    await view
      .locator('section.live .live-rollout', { hasText: 'kubectl rollout status ds/fluent-bit' })
      .waitFor({ timeout: 30_000 });
    const rollout = (await view.locator('section.rollout .rollout-summary').innerText()).trim();
    const live = (await view.locator('section.live .live-summary').innerText()).trim();
    await page.screenshot({ path: shot });
    say(
      `log-collector.yaml's preview shows the Rollout section (${rollout}) and the Live section (${live}); screenshot: ${path.relative(repoRoot, shot)}`,
    );
    return 0;
  } catch (e) {
    const dir = path.join(resultsDir(), 'demo');
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: path.join(dir, 'failure.png') }).catch(() => undefined);
    saveLogs(profile, cs, dir);
    say(
      `the check failed: ${e instanceof Error ? e.message : String(e)}\nscreenshot and logs: ${path.relative(repoRoot, dir)}/`,
    );
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    fs.rmSync(path.dirname(profile.dir), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    say(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
