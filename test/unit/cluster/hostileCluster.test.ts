// Issue 10, live cluster: a hostile loopback API server (test/support/fakeApiServer.ts) and a
// hostile exec credential plugin. No sleeps: timers go through an injected scheduler, processes
// are awaited through their events.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runPlacement } from '../../../server/src/cli/placement';
import {
  KubeconfigSource,
  type KubeconfigSourceOptions,
  type Scheduler,
} from '../../../server/src/cluster/kubeconfigSource';
import type { ClusterSnapshot } from '../../../server/src/cluster/source';
import { FakeApiServer, makeNode } from '../../support/fakeApiServer';

const dir = mkdtempSync(join(tmpdir(), 'ds-hostile-'));
const sources: KubeconfigSource[] = [];
let server: FakeApiServer;

before(async () => {
  server = await FakeApiServer.start({
    nodes: Array.from({ length: 5000 }, (_, i) => makeNode(`node-${String(i).padStart(4, '0')}`)),
  });
});

after(async () => {
  for (const s of sources) s.dispose();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs every timer on the next turn of the event loop and records the delays asked for. */
class ImmediateScheduler implements Scheduler {
  readonly delays: number[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    return setImmediate(fn);
  }
  clearTimeout(handle: unknown): void {
    clearImmediate(handle as NodeJS.Immediate);
  }
}

async function open(kubeconfig: string, options: KubeconfigSourceOptions = {}): Promise<KubeconfigSource> {
  const s = await KubeconfigSource.create({ kubeconfig, timeoutMs: 10_000, watch: true, ...options });
  sources.push(s);
  return s;
}

function nextSnapshot(source: KubeconfigSource, pred: (s: ClusterSnapshot) => boolean): Promise<ClusterSnapshot> {
  return new Promise((resolve) => {
    const sub = source.onDidChange((s) => {
      if (pred(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  });
}

const nodeLists = (from: number): number =>
  server.requests.slice(from).filter((r) => r.path === '/api/v1/nodes' && !r.query.has('watch')).length;

test(
  'a watch line without a newline is cut at 4 Mi characters with a clear message, and the nodes are kept',
  { timeout: 60_000 },
  async () => {
    const scheduler = new ImmediateScheduler();
    const watches = server.watchesOpened;
    const source = await open(server.writeKubeconfig(join(dir, 'line.kubeconfig')), {
      scheduler,
      retryDelayMs: 60_000,
    });
    assert.equal((await source.load()).state.nodes.length, 5000);
    await server.waitForWatch(watches);
    const dropped = nextSnapshot(source, (s) => /without a line break/.test(s.status?.message ?? ''));
    const piece = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 6; i++) server.writeToWatches(piece);
    const snap = await dropped;
    assert.match(
      snap.status!.message,
      /sent a watch event line longer than 4 Mi characters without a line break \(an object in etcd is at most about 1\.5 MiB\)/,
    );
    assert.equal(snap.state.nodes.length, 5000, 'the last good nodes are kept');
    source.dispose();
  },
);

test(
  'a flood of 5,000 node updates is announced in a few coalesced notifications, not 5,000',
  { timeout: 60_000 },
  async () => {
    const scheduler = new ImmediateScheduler();
    const watches = server.watchesOpened;
    const source = await open(server.writeKubeconfig(join(dir, 'flood.kubeconfig')), { scheduler });
    await source.load();
    await server.waitForWatch(watches);
    let notifications = 0;
    source.onDidChange(() => notifications++);
    const allUpdated = nextSnapshot(source, (s) => s.state.nodes.every((n) => n.metadata?.labels?.['flood'] === 'yes'));
    const sent = server.floodNodes((n) => (n.metadata.labels.flood = 'yes'));
    assert.equal(sent, 5000);
    const snap = await allUpdated;
    assert.equal(snap.state.nodes.length, 5000);
    // Each notification follows one coalescing window (here: one turn of the event loop, in
    // which whole network chunks of events are applied). Without coalescing: 5,000.
    assert.ok(notifications >= 1 && notifications <= 500, `${notifications} notifications`);
    assert.ok(scheduler.delays.includes(250), 'the window asked for is 250 ms');
    source.dispose();
  },
);

test(
  'a watch that keeps failing while lists succeed backs off: the delay keeps doubling',
  { timeout: 60_000 },
  async () => {
    const scheduler = new ImmediateScheduler();
    const from = server.requests.length;
    server.failWatches = true;
    try {
      const source = await open(server.writeKubeconfig(join(dir, 'failing.kubeconfig')), {
        scheduler,
        retryDelayMs: 1000,
        maxRetryDelayMs: 16_000,
        pageSize: 5000,
      });
      const sevenLists = new Promise<void>((resolve) => {
        const check = (): void => {
          if (nodeLists(from) >= 7) {
            server.off('request', check);
            resolve();
          }
        };
        server.on('request', check);
      });
      void source.load();
      await sevenLists;
      source.dispose();
      const retries = scheduler.delays.filter((d) => d !== 250);
      // Every list succeeded; every watch failed. The delay is not reset by the good lists.
      assert.deepEqual(retries.slice(0, 6), [1000, 2000, 4000, 8000, 16_000, 16_000]);
    } finally {
      server.failWatches = false;
    }
  },
);

// --- exec credential plugins ---------------------------------------------------------------

const HANG = `#!/bin/sh
# A credential plugin that never answers, with a child of its own (it must die too).
sleep 600 &
echo "$$ $!" > "$DS_PIDS.tmp" && mv "$DS_PIDS.tmp" "$DS_PIDS"
wait
`;

const TOKEN = (token: string) => `#!/bin/sh
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "${token}"
`;

function script(name: string, text: string): void {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', name), text);
  chmodSync(join(dir, 'bin', name), 0o755);
}

/** Dead: no /proc entry, or a zombie waiting for its reaper. */
function gone(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, 'utf8')
      .replace(/^.*\) /s, '')
      .startsWith('Z');
  } catch {
    return true;
  }
}

/** Resolves with the pids the hanging plugin wrote (itself and its child) once it runs. */
function pluginPids(file: string): Promise<number[]> {
  return new Promise((resolve) => {
    const read = (): boolean => {
      if (!existsSync(file)) return false;
      resolve(readFileSync(file, 'utf8').trim().split(/\s+/).map(Number));
      return true;
    };
    const w = watch(dir, () => {
      if (read()) w.close();
    });
    if (read()) w.close();
  });
}

test(
  "a relative exec command is run from the kubeconfig's folder, not the working directory",
  { timeout: 30_000 },
  async () => {
    script('token.sh', TOKEN(server.token));
    const kc = server.writeKubeconfig(join(dir, 'relative.kubeconfig'), { exec: { command: './bin/token.sh' } });
    // The working directory (the repository) has no bin/token.sh.
    assert.ok(!existsSync(join(process.cwd(), 'bin', 'token.sh')));
    const source = await open(kc, { watch: false, pageSize: 5000 });
    const snap = await source.load();
    assert.equal(snap.status?.state, 'ok', snap.status?.message);
    assert.equal(snap.state.nodes.length, 5000);
    source.dispose();
  },
);

test(
  'a hanging exec plugin is stopped with its children at the time limit, and named',
  { timeout: 30_000 },
  async () => {
    script('hang.sh', HANG);
    const pids = join(dir, 'hang-timeout.pids');
    const kc = server.writeKubeconfig(join(dir, 'hang.kubeconfig'), {
      exec: { command: './bin/hang.sh', env: { DS_PIDS: pids } },
    });
    const source = await open(kc, { watch: false, timeoutMs: 1500 });
    const running = pluginPids(pids);
    const snap = await source.load();
    assert.equal(snap.status?.state, 'error');
    assert.match(
      snap.status!.message,
      /^exec credential plugin ".*bin\/hang\.sh" did not answer within 1\.5 s; it was stopped/,
    );
    const [shell, child] = await running;
    assert.ok(gone(shell!), `plugin ${shell} still running`);
    assert.ok(gone(child!), `plugin child ${child} still running`);
    source.dispose();
  },
);

test('disposing the source stops a plugin that is still running (no orphan)', { timeout: 30_000 }, async () => {
  const pids = join(dir, 'hang-dispose.pids');
  const kc = server.writeKubeconfig(join(dir, 'hang2.kubeconfig'), {
    exec: { command: './bin/hang.sh', env: { DS_PIDS: pids } },
  });
  const source = await open(kc, { watch: false, timeoutMs: 60_000 });
  const running = pluginPids(pids);
  const loading = source.load();
  const [shell, child] = await running;
  assert.ok(!gone(shell!) && !gone(child!), 'the plugin runs');
  source.dispose();
  await loading;
  assert.ok(gone(shell!), `plugin ${shell} still running`);
  assert.ok(gone(child!), `plugin child ${child} still running`);
});

test(
  'daemonset placement with a hanging exec plugin ends, names the plugin and leaves no process',
  { timeout: 30_000 },
  async () => {
    writeFileSync(
      join(dir, 'ds.yaml'),
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec: {containers: [{name: a, image: "r/a:1"}]}\n',
    );
    const pids = join(dir, 'hang-cli.pids');
    const kc = server.writeKubeconfig(join(dir, 'hang3.kubeconfig'), {
      exec: { command: './bin/hang.sh', env: { DS_PIDS: pids } },
    });
    const running = pluginPids(pids);
    let err = '';
    const code = await runPlacement(['ds.yaml', '--kubeconfig', kc, '--request-timeout', '1s'], {
      stdout: () => undefined,
      stderr: (s) => (err += s),
      cwd: dir,
      packageRoot: join(__dirname, '../../../..'),
      env: { HOME: dir },
    });
    assert.notEqual(code, 0);
    assert.match(err, /exec credential plugin ".*bin\/hang\.sh" did not answer within 1 s; it was stopped/);
    const [shell, child] = await running;
    assert.ok(gone(shell!) && gone(child!), 'no plugin process remains');
  },
);
