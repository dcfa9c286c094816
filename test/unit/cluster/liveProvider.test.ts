// The kubeconfig live provider follows at most MAX_FOLLOWED DaemonSets, drops the least recently
// asked one (disposing its watch), and never waits in a lookup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FOLLOWED, WatchLiveProvider } from '../../../server/src/cluster/liveProvider';
import type { LiveDaemonSetWatch, LiveSnapshot } from '../../../server/src/cluster/liveWatch';

class FakeWatch {
  disposed = false;
  started = false;
  listeners: Array<(s: LiveSnapshot) => void> = [];
  constructor(readonly key: string) {}
  start(): Promise<LiveSnapshot> {
    this.started = true;
    return Promise.resolve(this.current());
  }
  current(): LiveSnapshot {
    return { state: 'ok', readAt: 'now', live: { pods: [], revisions: [], events: [] } };
  }
  onDidChange(l: (s: LiveSnapshot) => void) {
    this.listeners.push(l);
    return { dispose: () => undefined };
  }
  dispose(): void {
    this.disposed = true;
  }
}

test('at most MAX_FOLLOWED DaemonSets are followed; the least recently asked is dropped', async () => {
  const opened: FakeWatch[] = [];
  let changes = 0;
  const provider = new WatchLiveProvider(
    async (ns, name) => {
      const w = new FakeWatch(`${ns}/${name}`);
      opened.push(w);
      return w as unknown as LiveDaemonSetWatch;
    },
    () => 'context test',
  );
  provider.onDidChange(() => changes++);
  assert.equal(provider.lookup('a', 'x', false).state, 'unavailable', 'a lookup without follow starts nothing');
  assert.equal(opened.length, 0);
  for (let i = 0; i < MAX_FOLLOWED; i++) assert.equal(provider.lookup('ns', `ds${i}`, true).state, 'connecting');
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(provider.lookup('ns', 'ds0', true).state, 'ok'); // ds0 is now the most recent
  provider.lookup('ns', 'ds-new', true);
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(provider.size, MAX_FOLLOWED);
  const dropped = opened.filter((w) => w.disposed).map((w) => w.key);
  assert.deepEqual(dropped, ['ns/ds1']);
  assert.ok(opened.every((w) => w.started));
  opened[0]!.listeners.forEach((l) => l(opened[0]!.current()));
  assert.equal(changes, 1);
  provider.dispose();
  assert.ok(opened.every((w) => w.disposed));
});

test('a kubeconfig that cannot be used becomes an error lookup', async () => {
  const provider = new WatchLiveProvider(
    () => Promise.reject(new Error('no context named prod')),
    () => 'context prod',
  );
  let changed!: () => void;
  const change = new Promise<void>((resolve) => (changed = resolve));
  provider.onDidChange(() => changed());
  provider.lookup('a', 'b', true);
  await change;
  assert.deepEqual(provider.lookup('a', 'b', true), {
    source: 'context prod',
    state: 'error',
    message: 'no context named prod',
  });
  provider.dispose();
});
