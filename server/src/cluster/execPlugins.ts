// Exec credential plugins (`users[].user.exec` in a kubeconfig), run under supervision. The
// client library runs them with a bare spawn: a plugin that hangs is never stopped (nor the
// processes it starts), outlives the server, and its failure reads like the API server's. Here
// the library's ExecAuth.getCredential is replaced by ours, which:
//   - runs the plugin in its own process group, stdin closed (client-go's non-interactive mode);
//   - stops the whole group after the time limit, on dispose(), and when the server exits;
//   - names the plugin in every failure (could not start, exit status + stderr, no answer, not
//     an ExecCredential);
//   - caches a credential until its status.expirationTimestamp, as client-go and the library do.
// The ExecCredential contract: k8s.io/client-go/plugin/pkg/client/auth/exec (exec.go).
import { ChildProcess, spawn } from 'node:child_process';
import { ClusterCallError, formatMs } from './apiError';
import type { KubeConfig } from './kubeconfig';

interface ExecConfig {
  command?: string;
  args?: string[];
  env?: Array<{ name: string; value: string }>;
}

interface ExecCredential {
  status: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string };
}

/** What stays of stderr and stdout in memory (a plugin may print a lot). */
const MAX_OUTPUT = 1024 * 1024;

// Every plugin process still running in this process, so none survives the server's exit.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // detached: the child leads its own process group; a negative pid signals the whole group.
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

export class ExecPluginSupervisor {
  private readonly running = new Map<
    ChildProcess,
    { command: string; stop: (why: string) => void; closed: Promise<void> }
  >();
  private readonly cache = new Map<string, ExecCredential>();
  private disposed = false;

  constructor(private readonly timeoutMs: number) {}

  /** Takes over the exec plugins of `kc` (the library's ExecAuth authenticator). */
  install(kc: KubeConfig): void {
    const authenticators = (kc as unknown as { authenticators?: unknown[] }).authenticators ?? [];
    for (const a of authenticators) {
      if (a && typeof a === 'object' && 'execFn' in a && 'getCredential' in a) {
        (
          a as {
            getCredential: (user: {
              name: string;
              exec?: ExecConfig;
              authProvider?: { config?: { exec?: ExecConfig } };
            }) => Promise<ExecCredential | null>;
          }
        ).getCredential = (user) => this.credential(user.name, user.exec ?? user.authProvider?.config?.exec);
      }
    }
  }

  /** The commands of the plugins running now. */
  runningCommands(): string[] {
    return [...this.running.values()].map((r) => r.command);
  }

  /**
   * Stops every running plugin (its whole process group); their callers get `why`. Resolves
   * once they are gone (their output pipes closed: no process of the group holds them).
   */
  stopAll(why: string): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.stop(why);
    return Promise.all(all.map((r) => r.closed)).then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    void this.stopAll('the cluster source was closed');
  }

  private async credential(userName: string, exec: ExecConfig | undefined): Promise<ExecCredential | null> {
    if (!exec) return null;
    const cached = this.cache.get(userName);
    if (cached) {
      const expires = Date.parse(cached.status.expirationTimestamp ?? '');
      if (expires > Date.now()) return cached;
      this.cache.delete(userName);
    }
    const credential = await this.run(exec);
    if (credential.status.expirationTimestamp) this.cache.set(userName, credential);
    return credential;
  }

  private run(exec: ExecConfig): Promise<ExecCredential> {
    const command = exec.command;
    if (!command)
      return Promise.reject(new ClusterCallError('the kubeconfig user has an exec section without a command', 'auth'));
    const plugin = `exec credential plugin "${command}"`;
    if (this.disposed)
      return Promise.reject(new ClusterCallError(`${plugin} not run: the cluster source was closed`, 'auth'));
    const env = { ...process.env };
    for (const e of exec.env ?? []) if (e && typeof e.name === 'string') env[e.name] = String(e.value ?? '');
    return new Promise<ExecCredential>((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(command, Array.isArray(exec.args) ? exec.args.map(String) : [], {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
          windowsHide: true,
        });
      } catch (e) {
        reject(new ClusterCallError(`${plugin} could not be started: ${(e as Error).message}`, 'auth'));
        return;
      }
      let stdout = '';
      let stderr = '';
      let failure: string | undefined;
      child.stdout!.setEncoding('utf8');
      child.stderr!.setEncoding('utf8');
      child.stdout!.on('data', (d: string) => {
        if (stdout.length < MAX_OUTPUT) stdout += d;
      });
      child.stderr!.on('data', (d: string) => {
        if (stderr.length < MAX_OUTPUT) stderr += d;
      });
      const stop = (why: string): void => {
        failure ??= why;
        killGroup(child);
      };
      const timer = setTimeout(
        () => stop(`did not answer within ${formatMs(this.timeoutMs)}; it was stopped`),
        this.timeoutMs,
      );
      const closed = new Promise<void>((done) => child.once('close', () => done()));
      this.running.set(child, { command, stop, closed });
      live.add(child);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => live.forEach(killGroup));
      }
      child.on('error', (e: NodeJS.ErrnoException) => {
        failure ??=
          e.code === 'ENOENT' ? `could not be started: ${command} not found` : `could not be started: ${e.message}`;
      });
      // 'close' comes after the process exited and every holder of its stdout/stderr (children
      // it started) let go: after a group kill, the whole group is gone.
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        live.delete(child);
        // The group may hold more processes than the one that exited.
        if (code !== 0) killGroup(child);
        if (failure) return reject(new ClusterCallError(`${plugin} ${failure}`, 'auth'));
        if (code !== 0) {
          const said = firstLine(stderr.trim());
          return reject(
            new ClusterCallError(
              `${plugin} failed (${code === null ? `signal ${signal}` : `exit status ${code}`})${said ? `: ${said}` : ''}`,
              'auth',
            ),
          );
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(stdout);
        } catch {
          return reject(
            new ClusterCallError(`${plugin} printed something that is not an ExecCredential (JSON expected)`, 'auth'),
          );
        }
        const status = (parsed as { status?: unknown } | null)?.status;
        if (typeof status !== 'object' || status === null) {
          return reject(new ClusterCallError(`${plugin} printed an ExecCredential without a status`, 'auth'));
        }
        resolve(parsed as ExecCredential);
      });
    });
  }
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 300);
}
