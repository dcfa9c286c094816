// Runs the extension-host suite (out/test/e2e/suite/index.js) inside code-server: the repository
// is loaded unpacked as the extension under development, a scratch copy of examples/workspace is
// the folder, and headless Chromium opens the workbench URL whose `payload` names both. VS Code
// calls window.codeAutomationLog / codeAutomationExit, which this page exposes, so the suite's
// log and exit code arrive here. Exits 0 when every test passed; on failure keeps a screenshot
// and the logs under test-results/extension-host/.
//
//   node out/test/e2e/runCodeServer.js [--suite <compiled index.js>] [--timeout <s>]
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  CodeServer,
  copyFolder,
  launchBrowser,
  makeProfile,
  newPage,
  Profile,
  remoteUri,
  repoRoot,
  resultsDir,
  saveLogs,
  startCodeServer,
  stopCodeServersOnSignals,
  tempDir,
  workbenchUrl,
} from './codeServer';

export interface SuiteRun {
  exitCode: number;
  /** One object per test, from $DAEMONSET_E2E_OUT/results.jsonl. */
  results: { suite: string; name: string; ok: boolean; ms: number; error?: string }[];
  /** Free-form JSON lines a suite wrote to $DAEMONSET_E2E_OUT/data.jsonl (the bench's samples). */
  data: Record<string, unknown>[];
  log: string[];
}

export interface SuiteOptions {
  suite: string;
  /** Folder to open; a scratch copy of examples/workspace when omitted. */
  folder?: string;
  timeoutMs: number;
  name: string;
  quiet?: boolean;
  /** Reuse a running code-server and browser (the bench runs several windows on one). */
  shared?: { cs: CodeServer; profile: Profile; browser: Browser; outDir: string };
}

function readJsonLines(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Loads one workbench window whose extension host runs `suite`, and waits for it to exit. */
export async function runSuiteInWindow(
  cs: CodeServer,
  browser: Browser,
  folder: string,
  opts: SuiteOptions,
): Promise<{ exitCode: number; page: Page; log: string[] }> {
  const { page } = await newPage(browser);
  const log: string[] = [];
  const say = (line: string) => {
    log.push(line);
    if (!opts.quiet) process.stdout.write(line + '\n');
  };
  page.on('console', (m) => {
    const text = m.text();
    // The extension host's console arrives here in extension development mode.
    if (text.includes('[e2e]')) say(text.replace(/^.*?\[e2e\]/, '[e2e]'));
    else log.push(`[console.${m.type()}] ${text}`);
  });
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  const exited = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      log.push(`[${type}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  const url = workbenchUrl(cs, folder, [
    ['extensionDevelopmentPath', remoteUri(cs, repoRoot)],
    ['extensionTestsPath', remoteUri(cs, path.resolve(opts.suite))],
  ]);
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      say(`[e2e] ${opts.name}: no exit within ${opts.timeoutMs / 1000} s`);
      resolve(124);
    }, opts.timeoutMs);
  });
  let onServerExit: (() => void) | undefined;
  const serverDied = new Promise<number>((resolve) => {
    onServerExit = () => {
      say('[e2e] code-server exited during the run');
      resolve(125);
    };
    cs.process.once('exit', onServerExit);
  });
  const exitCode = await Promise.race([exited, timedOut, serverDied]);
  clearTimeout(timer);
  cs.process.off('exit', onServerExit!);
  return { exitCode, page, log };
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteRun> {
  let cs: CodeServer | undefined = opts.shared?.cs;
  let browser: Browser | undefined = opts.shared?.browser;
  const tmp = tempDir('daemonset-e2e-');
  const outDir = opts.shared?.outDir ?? path.join(tmp, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of ['results.jsonl', 'data.jsonl']) fs.rmSync(path.join(outDir, f), { force: true });
  const profile = opts.shared?.profile ?? makeProfile(path.join(tmp, 'profile'));
  const folder = opts.folder ?? copyFolder(path.join(repoRoot, 'examples', 'workspace'), path.join(tmp, 'workspace'));
  let page: Page | undefined;
  let exitCode = 1;
  let log: string[] = [];
  try {
    cs ??= await startCodeServer({ profile, env: { DAEMONSET_E2E_OUT: outDir } });
    browser ??= await launchBrowser();
    ({ exitCode, page, log } = await runSuiteInWindow(cs, browser, folder, opts));
  } catch (e) {
    log.push(`[e2e] ${opts.name}: ${e instanceof Error ? e.stack : String(e)}`);
    process.stderr.write(`[e2e] ${opts.name}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  const results = readJsonLines(path.join(outDir, 'results.jsonl')) as SuiteRun['results'];
  const data = readJsonLines(path.join(outDir, 'data.jsonl'));
  if (exitCode !== 0) {
    const dir = path.join(resultsDir(), opts.name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (page) await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => undefined);
    fs.writeFileSync(path.join(dir, 'browser.log'), log.join('\n') + '\n');
    saveLogs(profile, cs, dir);
    process.stderr.write(`[e2e] ${opts.name}: screenshot and logs in ${path.relative(repoRoot, dir)}/\n`);
  }
  await page
    ?.context()
    .close()
    .catch(() => undefined);
  if (!opts.shared) {
    await browser?.close().catch(() => undefined);
    await cs?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { exitCode, results, data, log };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const suite = arg('--suite', path.join(__dirname, 'suite', 'index.js'));
  const timeoutMs = Number(arg('--timeout', '300')) * 1000;
  if (!fs.existsSync(suite))
    throw new Error(`${suite} is missing: compile it with \`npx tsc -p test/e2e/tsconfig.json\``);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js')))
    throw new Error('dist/client.js is missing: run `npm run build`');
  const start = Date.now();
  const run = await runSuite({ suite, timeoutMs, name: 'extension-host' });
  const passed = run.results.filter((r) => r.ok).length;
  const failed = run.results.length - passed;
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (run.results.length === 0) process.stdout.write('[e2e] extension-host: the suite reported no test\n');
  process.stdout.write(`[e2e] extension-host: code-server run took ${seconds} s, exit code ${run.exitCode}\n`);
  process.stdout.write(`extension-host: ${passed} passed, ${failed} failed\n`);
  process.exitCode = run.exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
  stopCodeServersOnSignals();
  main().catch((e) => {
    process.stderr.write(`[e2e] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
