// One code-server window with the PACKAGED extension (.vsix) installed, as a user gets it, on a
// scratch copy of examples/workspace; helpers that act through the keyboard and mouse and wait on
// what the workbench shows (DOM elements), never on timers.
import * as fs from 'node:fs';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import {
  CodeServer,
  copyFolder,
  installVsix,
  launchBrowser,
  makeProfile,
  newPage,
  Profile,
  quietSettings,
  repoRoot,
  resultsDir,
  saveLogs,
  startCodeServer,
  tempDir,
  waitForWorkbench,
  workbenchUrl,
} from '../codeServer';

export function defaultVsix(): string {
  if (process.env.DAEMONSET_VSIX) return path.resolve(process.env.DAEMONSET_VSIX);
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
}

/**
 * The workbench's `{}` language status entry once it lists the extension's cluster item: the
 * entry's aria-label joins its items' accessibility labels (client/src/clusterStatusView.ts).
 */
export const LANGUAGE_STATUS = '#status\\.languageStatus[aria-label*="DaemonSet cluster"]';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export interface SessionOptions {
  vsix?: string;
  /** User settings on top of the quiet test settings (e.g. a kubeconfig cluster source). */
  settings?: Record<string, unknown>;
  /** Called with the scratch workspace before code-server opens it (to add files). */
  prepare?: (workspace: string) => void;
}

/**
 * Runs the repository's CLI (`bin/daemonset.js`, the dist/cli.js bundle) with `--format json` and
 * parses what it prints. Asynchronous, so a loopback API server in this process keeps answering.
 */
export function cliJson(args: string[], cwd = repoRoot): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin', 'daemonset.js'), ...args, '--format', 'json'],
      { cwd, encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`daemonset ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        try {
          resolve(JSON.parse(stdout));
        } catch (e) {
          reject(new Error(`daemonset ${args.join(' ')} printed no JSON (${String(e)}):\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

export class UiSession {
  readonly log: string[] = [];

  private constructor(
    readonly tmp: string,
    readonly profile: Profile,
    readonly workspace: string,
    readonly cs: CodeServer,
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async start(opts: SessionOptions = {}): Promise<UiSession> {
    const vsix = opts.vsix ?? defaultVsix();
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\``);
    const tmp = tempDir('daemonset-ui-');
    const profile = makeProfile(path.join(tmp, 'profile'), { ...quietSettings, ...opts.settings });
    await installVsix(profile, vsix);
    const workspace = copyFolder(path.join(repoRoot, 'examples', 'workspace'), path.join(tmp, 'workspace'));
    opts.prepare?.(workspace);
    const cs = await startCodeServer({ profile });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const { page } = await newPage(browser);
      const session = new UiSession(tmp, profile, workspace, cs, browser, page);
      page.on('console', (m) => session.log.push(`[console.${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => session.log.push(`[pageerror] ${e.message}`));
      await page.goto(workbenchUrl(cs, workspace));
      await waitForWorkbench(page);
      // The explorer lists the workspace once the remote file system is connected.
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: 'log-collector.yaml' })
        .waitFor({ timeout: 60_000 });
      return session;
    } catch (e) {
      await browser?.close().catch(() => undefined);
      await cs.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.cs.stop();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  /** Keeps a screenshot, the browser console and code-server's logs of a failed test. */
  async capture(testName: string): Promise<string> {
    const slug = testName
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    const dir = path.join(resultsDir(), 'ui', slug);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => undefined);
    fs.writeFileSync(path.join(dir, 'browser.log'), this.log.join('\n') + '\n');
    saveLogs(this.profile, this.cs, dir);
    return dir;
  }

  /** The last few errors the page logged (an extension's exception shows up here), for failure messages. */
  recentErrors(n = 3): string[] {
    return this.log.filter((l) => l.startsWith('[console.error]') || l.startsWith('[pageerror]')).slice(-n);
  }

  /** The editor showing `name` (Monaco sets data-uri on its root element). */
  editor(name: string): Locator {
    return this.page.locator(`.editor-instance .monaco-editor[data-uri$="/${name}"]`);
  }

  /** The rendered line of `name` whose text contains `text` (Monaco renders spaces as U+00A0: pass a string, which Playwright matches whitespace-normalised). */
  line(name: string, text: string | RegExp): Locator {
    return this.editor(name).locator('.view-line', { hasText: text });
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys.replace(/Mod/g, mod));
  }

  /** Quick Open (Ctrl+P), as a user opens a file; resolves when its editor shows text and has focus. */
  async openFile(name: string): Promise<Locator> {
    await this.closeWidgets();
    await this.press('Mod+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.press('Enter');
    const editor = this.editor(name);
    await editor.locator('.view-line').first().waitFor();
    await editor.locator('textarea.inputarea, .native-edit-context').first().waitFor({ state: 'attached' });
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return editor;
  }

  /**
   * Resolves when the language server has read the active document: the editor title shows
   * "Show Placement Preview", which the extension enables from the server's DaemonSet count for
   * that document (the context key daemonset.activeHasDaemonSet). Before it, the language client
   * may not be running yet, and Ctrl+Space would list nothing.
   */
  async serverReady(): Promise<void> {
    await this.page
      .locator('.editor-group-container.active .editor-actions [aria-label^="Show Placement Preview"]')
      .first()
      .waitFor({ timeout: 60_000 });
  }

  /** The placement preview's content: two frames deep (iframe.webview.ready > iframe#active-frame). */
  preview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /**
   * Opens `file` and clicks its placement CodeLens ("Runs on N of M nodes"), as a user opens the
   * preview; resolves when the preview's title names the DaemonSet `name`.
   */
  async openPreview(file: string, name: string): Promise<FrameLocator> {
    const editor = await this.openFile(file);
    const lens = editor.locator('.codelens-decoration a', { hasText: /^Runs on \d+ of \d+ node/ });
    await lens.first().waitFor({ timeout: 30_000 });
    await lens.first().click();
    const view = this.preview();
    await view.locator('h1', { hasText: name }).waitFor({ timeout: 30_000 });
    return view;
  }

  /** Go to Line (Ctrl+G) `line:column`, 1-based, as shown in the status bar. */
  async goTo(line: number, column: number): Promise<void> {
    await this.press('Mod+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** 1-based line and column of `needle` in the workspace file on disk (plus `offset` characters). */
  where(name: string, needle: string, offset = 0): { line: number; column: number } {
    const text = fs.readFileSync(path.join(this.workspace, name), 'utf8');
    const i = text.indexOf(needle);
    if (i < 0) throw new Error(`"${needle}" is not in ${name}`);
    const before = text.slice(0, i + offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  /** Escape until no suggest, hover or quick-input widget is left open. */
  async closeWidgets(): Promise<void> {
    const open = this.page.locator(
      '.suggest-widget.visible, .quick-input-widget:visible, .monaco-hover:visible, .action-widget:visible',
    );
    for (let i = 0; i < 3 && (await open.count()) > 0; i++) await this.press('Escape');
  }

  /** The labels of the rows the suggest widget shows now. */
  async suggestionLabels(): Promise<string[]> {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row .label-name');
    return (await rows.allTextContents()).map((t) => t.trim());
  }

  /** Ctrl+Space; resolves when the widget lists something or says it has no suggestions. */
  async triggerSuggest(): Promise<void> {
    await this.press('Control+Space');
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    const none = this.page.locator('.suggest-widget.visible .message', { hasText: 'No suggestions' });
    await rows.or(none).filter({ visible: true }).first().waitFor();
  }
}
