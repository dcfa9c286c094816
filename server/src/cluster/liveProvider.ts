// Live status providers, one per kind of cluster source: the example cluster reads
// examples/cluster/live.yaml; a kubeconfig context follows each DaemonSet asked about with a
// LiveDaemonSetWatch (at most MAX_FOLLOWED at once, the least recently asked one is dropped).
// A lookup never waits: it answers what is known and, when asked to follow, starts reading in
// the background; the answer arrives as a change notification.
import { EventEmitter } from 'node:events';
import type { LiveLookup } from '../placement/liveStatus';
import { LiveFile } from './liveFile';
import type { LiveDaemonSetWatch, LiveSnapshot } from './liveWatch';
import type { Disposable } from './source';

export interface LiveProvider extends Disposable {
  /** What is known about namespace/name now; `follow` starts watching it (kubeconfig). */
  lookup(namespace: string, name: string, follow: boolean): LiveLookup;
  onDidChange(listener: () => void): Disposable;
}

export const MAX_FOLLOWED = 4;

function toLookup(source: string, s: LiveSnapshot): LiveLookup {
  const out: LiveLookup = { source, state: s.state, readAt: s.readAt };
  if (s.message) out.message = s.message;
  if (s.live) out.live = s.live;
  return out;
}

export class FileLiveProvider implements LiveProvider {
  private readonly file: LiveFile;
  private readonly events = new EventEmitter();
  private loaded = false;
  private loading: Promise<void> | undefined;

  constructor(
    file: string,
    private readonly label: string,
  ) {
    this.file = new LiveFile(file);
  }

  /** Reads the file (again). */
  load(): Promise<void> {
    this.loading = this.file.load().then(() => {
      this.loaded = true;
      this.events.emit('change');
    });
    return this.loading;
  }

  lookup(namespace: string, name: string): LiveLookup {
    if (!this.loaded) {
      if (!this.loading) void this.load();
      return { source: this.label, state: 'connecting', message: 'reading the live state' };
    }
    return toLookup(this.label, this.file.lookup(namespace, name));
  }

  onDidChange(listener: () => void): Disposable {
    this.events.on('change', listener);
    return { dispose: () => this.events.off('change', listener) };
  }

  dispose(): void {
    this.events.removeAllListeners();
  }
}

/** Opens a watch for namespace/name; rejects when the kubeconfig cannot be used. */
export type WatchOpener = (namespace: string, name: string) => Promise<LiveDaemonSetWatch>;

interface Followed {
  watch?: LiveDaemonSetWatch;
  error?: string;
  sub?: Disposable;
}

export class WatchLiveProvider implements LiveProvider {
  private readonly followed = new Map<string, Followed>();
  private readonly events = new EventEmitter();
  private disposed = false;

  constructor(
    private readonly open: WatchOpener,
    private readonly label: () => string,
    private readonly max = MAX_FOLLOWED,
  ) {}

  lookup(namespace: string, name: string, follow: boolean): LiveLookup {
    const key = `${namespace}/${name}`;
    let f = this.followed.get(key);
    if (f) {
      // most recently asked goes last
      this.followed.delete(key);
      this.followed.set(key, f);
    } else if (follow && !this.disposed) {
      f = {};
      this.followed.set(key, f);
      this.evict();
      const entry = f;
      this.open(namespace, name).then(
        (w) => {
          if (this.followed.get(key) !== entry || this.disposed) {
            w.dispose();
            return;
          }
          entry.watch = w;
          entry.sub = w.onDidChange(() => this.events.emit('change'));
          void w.start();
        },
        (e: unknown) => {
          entry.error = (e as Error).message;
          this.events.emit('change');
        },
      );
    }
    if (!f) return { source: this.label(), state: 'unavailable', message: 'not followed' };
    if (f.error) return { source: this.label(), state: 'error', message: f.error };
    if (!f.watch) return { source: this.label(), state: 'connecting', message: `reading DaemonSet ${key}` };
    return toLookup(this.label(), f.watch.current());
  }

  /** How many DaemonSets are followed now. */
  get size(): number {
    return this.followed.size;
  }

  onDidChange(listener: () => void): Disposable {
    this.events.on('change', listener);
    return { dispose: () => this.events.off('change', listener) };
  }

  dispose(): void {
    this.disposed = true;
    for (const f of this.followed.values()) this.drop(f);
    this.followed.clear();
    this.events.removeAllListeners();
  }

  private evict(): void {
    while (this.followed.size > this.max) {
      const [oldest, f] = this.followed.entries().next().value as [string, Followed];
      this.followed.delete(oldest);
      this.drop(f);
    }
  }

  private drop(f: Followed): void {
    f.sub?.dispose();
    f.watch?.dispose();
  }
}
