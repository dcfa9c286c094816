// The end-to-end harness: a code-server (a real VS Code 1.100 with a Node extension host) in its
// own process group on a free loopback port, with a throw-away profile, and Debian's Chromium
// driven by playwright-core. Shared by the extension-host launcher, the UI tests, the demo and
// the bench. code-server is installed once per machine by scripts/setup-e2e.sh.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** The repository: the nearest folder above this file (compiled to out/… or bundled) with our package.json. */
export const repoRoot = findRepoRoot(__dirname);
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'daemonset-studio'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no daemonset-studio package.json above ${from}`);
  }
}
export const extensionId = 'daemonset-studio.daemonset-studio';
export const codeServerVersion = '4.100.3';

/** Mirrors test/e2e/env.sh. */
export function codeServerRoot(): string {
  if (process.env.DAEMONSET_CODE_SERVER_DIR) return process.env.DAEMONSET_CODE_SERVER_DIR;
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'daemonset-studio', `code-server-${codeServerVersion}`);
}

export function codeServerEntry(): string {
  const root = codeServerRoot();
  const entry = path.join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(root, '.complete')) || !fs.existsSync(entry)) {
    throw new Error(`code-server is not prepared in ${root}: run \`bash scripts/setup-e2e.sh\` first`);
  }
  return entry;
}

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** User settings for a test profile: nothing that pops up, nothing that reaches the network. */
export const quietSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  // Completion lists hold only what language features offer, not words from open files.
  'editor.wordBasedSuggestions': 'off',
  'editor.minimap.enabled': false,
};

export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  /** code-server writes its own logs under XDG_DATA_HOME; kept inside the profile. */
  dataHome: string;
}

export function makeProfile(dir: string, settings: Record<string, unknown> = quietSettings): Profile {
  const profile: Profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    configFile: path.join(dir, 'config.yaml'),
    dataHome: path.join(dir, 'xdg-data'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.mkdirSync(profile.dataHome, { recursive: true });
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  return profile;
}

function codeServerArgs(profile: Profile): string[] {
  return [
    '--config',
    profile.configFile,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

function codeServerEnv(profile: Profile, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: profile.dataHome, ...extra };
  // The repository's npm settings and a parent's inspector must not reach VS Code's processes.
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/** Installs a packaged .vsix into the profile, as `code --install-extension` does. */
export async function installVsix(profile: Profile, vsix: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [codeServerEntry(), ...codeServerArgs(profile), '--force', '--install-extension', vsix],
    { env: codeServerEnv(profile), timeout: 120_000 },
  );
  const out = `${stdout}${stderr}`;
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export interface CodeServer {
  url: string;
  port: number;
  authority: string;
  process: ChildProcess;
  /** Everything code-server printed. */
  output(): string;
  /** Ends code-server's whole process group (the extension hosts and language servers too). */
  stop(): Promise<void>;
}

export interface StartOptions {
  profile: Profile;
  port?: number;
  /** A folder to open when the URL names none. */
  folder?: string;
  env?: NodeJS.ProcessEnv;
  /** Upper bound on start-up, not a wait. */
  timeoutMs?: number;
  echo?: boolean;
}

const running = new Set<CodeServer>();
function stopAllSync(): void {
  for (const cs of running) {
    try {
      if (cs.process.pid) process.kill(-cs.process.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.once('exit', stopAllSync);

/** For launchers and test files: a SIGTERM/SIGINT (CI's timeout, Ctrl-C) also ends the code-servers. */
export function stopCodeServersOnSignals(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      stopAllSync();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * Starts code-server on `opts.port`, or on a free port. A free port is found by binding port 0
 * and closing it, so another process (several e2e runs share the machine) may take it before
 * code-server binds it: on EADDRINUSE a new free port is tried, up to 3 times.
 */
export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCodeServerOnce(opts, opts.port ?? (await freePort()));
    } catch (e) {
      if (opts.port !== undefined || attempt >= 3 || !(e instanceof PortTaken)) throw e;
      if (opts.echo) process.stderr.write(`${e.message}; trying another port\n`);
    }
  }
}

class PortTaken extends Error {}

async function startCodeServerOnce(opts: StartOptions, port: number): Promise<CodeServer> {
  const args = [
    codeServerEntry(),
    ...codeServerArgs(opts.profile),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (opts.folder) args.push(opts.folder);
  // detached: its own process group, so stop() can end the extension hosts it forks as well.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(opts.profile, { PORT: undefined, ...opts.env }),
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cs: CodeServer = {
    url: `http://127.0.0.1:${port}/`,
    port,
    authority: `127.0.0.1:${port}`,
    process: child,
    output: () => output,
    stop: async () => {
      running.delete(cs);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const pid = child.pid!;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
      // Extension hosts may outlive their parent by a moment; the group dies with them.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    },
  };
  running.add(cs);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void cs.stop();
      reject(new Error(`code-server did not start within ${opts.timeoutMs ?? 60_000} ms:\n${output}`));
    }, opts.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (opts.echo) process.stderr.write(text);
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(cs);
      if (/EADDRINUSE/.test(output)) reject(new PortTaken(`port ${port} was taken before code-server bound it`));
      else reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return cs;
}

/** A workbench URL: the folder and, for the extension-host suite, the development payload. */
export function workbenchUrl(cs: CodeServer, folder: string, payload?: [string, string][]): string {
  let url = `${cs.url}?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the machine as the workbench names it: on code-server's side of the connection. */
export function remoteUri(cs: CodeServer, absPath: string): string {
  return `vscode-remote://${cs.authority}${absPath}`;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Debian Chromium with a fresh profile (Playwright makes a new user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run \`bash scripts/setup-e2e.sh\``);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/** Resolves when the workbench has restored: its status bar is there and the explorer shows the folder. */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

export function resultsDir(): string {
  const dir = path.join(repoRoot, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies code-server's logs (server, extension host, language client output) next to a failure. */
export function saveLogs(profile: Profile, cs: CodeServer | undefined, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  if (cs) fs.writeFileSync(path.join(into, 'code-server.log'), cs.output());
  const logs = path.join(profile.userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(into, 'vscode-logs'), { recursive: true });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A scratch copy of a folder, so tests may edit and save files freely. */
export function copyFolder(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}
