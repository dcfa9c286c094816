// Holds the current cluster source and its last snapshot. The cluster is read on start-up, on a
// setting change, on a command and by a watch — never inside a request: features read `view`.
import * as path from 'node:path';
import { ExampleClusterSource } from '../cluster/exampleCluster';
import { SnapshotFileSource } from '../cluster/snapshotSource';
import type { ClusterSnapshot, ClusterSource, Disposable } from '../cluster/source';
import type { ClusterView } from '../features/context';
import type { ClusterStatus } from '../../../protocol';
import type { LiveLookup } from '../placement/liveStatus';
import { ClusterSettings, DEFAULT_CLUSTER_SETTINGS } from './settings';

export type KubeconfigFactory = (settings: ClusterSettings) => ClusterSource;

export interface ClusterSessionOptions {
  packageRoot: string;
  /** Resolves relative snapshot paths. */
  workspaceRoot?: string;
  /** Live sources are created lazily through this factory (keeps the k8s client out of start-up). */
  kubeconfig?: KubeconfigFactory;
}

export class ClusterSession {
  private source: ClusterSource;
  private kind: ClusterStatus['kind'] = 'example';
  private snapshot: ClusterSnapshot | undefined;
  private watch: Disposable | undefined;
  private liveWatch: Disposable | undefined;
  private settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS;
  private trusted = true;
  /** What the current source was built from (only the keys it uses); undefined before the first configure. */
  private sourceKey: string | undefined;
  private loading: Promise<void> | undefined;
  private note: string | undefined;
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ClusterSessionOptions) {
    this.source = new ExampleClusterSource(options.packageRoot);
  }

  /** Features read this: the last good cluster, or undefined before the first read. */
  get view(): ClusterView | undefined {
    if (!this.snapshot) return undefined;
    return { source: this.source.label, readAt: this.snapshot.readAt, state: this.snapshot.state };
  }

  get status(): ClusterStatus {
    const s = this.snapshot;
    const status: ClusterStatus = {
      source: this.source.label,
      kind: this.kind,
      state: s ? s.status.state : 'connecting',
      nodeCount: s ? s.state.nodes.length : 0,
    };
    const message = [this.note, s?.status.message].filter(Boolean).join(' ');
    if (message) status.message = message;
    if (s) status.readAt = s.readAt;
    return status;
  }

  /**
   * The live state of namespace/name as the source knows it now (no waiting). `follow` asks a
   * live cluster to start watching it; what it reads arrives as a change (onDidChange).
   */
  liveLookup(namespace: string, name: string, follow: boolean): LiveLookup {
    if (this.source.live) return this.source.live.lookup(namespace, name, follow);
    return {
      source: this.source.label,
      state: 'unavailable',
      message:
        'Snapshot files carry no live state: choose a kubeconfig context (or the example cluster) to compare with the cluster.',
    };
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Applies settings (and workspace trust). The source is re-created only when a key it uses
   * changed (see `sourceKeyOf`): the same settings twice, or a change of a key the current
   * source ignores (`podsPath` while on a kubeconfig, `context` while on the example), rebuild
   * nothing — so a kubeconfig `exec` credential plugin runs once per real change.
   */
  async configure(settings: ClusterSettings, trusted: boolean): Promise<void> {
    this.settings = settings;
    this.trusted = trusted;
    const key = sourceKeyOf(settings, trusted, this.options.kubeconfig !== undefined, (p) => this.resolve(p));
    if (key === this.sourceKey) return this.loading;
    this.sourceKey = key;
    this.replaceSource(this.createSource());
    const loading = this.reload();
    this.loading = loading;
    return loading;
  }

  /** Reads the current source again (a command, or a snapshot file saved). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const snapshot = await this.source.load();
    if (generation !== this.generation) return; // a newer source or read won
    this.snapshot = snapshot;
    this.emit();
  }

  /** True when `file` is one of the current source's snapshot files. */
  usesFile(file: string): boolean {
    if (this.kind !== 'snapshot') return false;
    const f = path.resolve(file);
    return (
      f === this.resolve(this.settings.snapshotPath) ||
      (!!this.settings.podsPath && f === this.resolve(this.settings.podsPath))
    );
  }

  dispose(): void {
    this.watch?.dispose();
    this.liveWatch?.dispose();
    this.source.dispose();
    this.listeners.clear();
  }

  private createSource(): ClusterSource {
    this.note = undefined;
    const s = this.settings;
    if (s.source === 'snapshot' && s.snapshotPath) {
      this.kind = 'snapshot';
      const opts: ConstructorParameters<typeof SnapshotFileSource>[0] = { nodesFile: this.resolve(s.snapshotPath) };
      if (s.podsPath) opts.podsFile = this.resolve(s.podsPath);
      return new SnapshotFileSource(opts);
    }
    if (s.source === 'kubeconfig') {
      if (!this.trusted) {
        this.note =
          'Workspace not trusted: kubeconfig contexts are not used (they can run commands); showing the example cluster.';
      } else if (this.options.kubeconfig) {
        this.kind = 'kubeconfig';
        return this.options.kubeconfig(s);
      }
    }
    if (s.source === 'snapshot' && !s.snapshotPath)
      this.note = 'No snapshot file set (daemonset.cluster.snapshotPath); showing the example cluster.';
    this.kind = 'example';
    return new ExampleClusterSource(this.options.packageRoot);
  }

  private replaceSource(next: ClusterSource): void {
    this.watch?.dispose();
    this.liveWatch?.dispose();
    this.source.dispose();
    this.source = next;
    this.liveWatch = next.live?.onDidChange(() => this.emit());
    this.snapshot = undefined;
    this.watch = next.onDidChange((snapshot) => {
      this.snapshot = snapshot;
      this.emit();
    });
  }

  private resolve(p: string): string {
    return path.resolve(this.options.workspaceRoot ?? process.cwd(), p);
  }

  private emit(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // a listener's failure must not stop the others
      }
    }
  }
}

/**
 * The settings the source for `s` is built from, as a string: two settings with the same key
 * build the same source. Only the keys the chosen source reads are in it.
 */
export function sourceKeyOf(
  s: ClusterSettings,
  trusted: boolean,
  live: boolean,
  resolve: (p: string) => string,
): string {
  if (s.source === 'snapshot' && s.snapshotPath) {
    return JSON.stringify(['snapshot', resolve(s.snapshotPath), s.podsPath ? resolve(s.podsPath) : '']);
  }
  if (s.source === 'kubeconfig' && trusted && live) {
    return JSON.stringify(['kubeconfig', s.kubeconfig, s.context, s.resourceFit, s.timeoutMs]);
  }
  // The example cluster; the note shown with it depends on why it was chosen.
  const why =
    s.source === 'kubeconfig' ? (trusted ? 'no-live' : 'untrusted') : s.source === 'snapshot' ? 'no-path' : '';
  return JSON.stringify(['example', why]);
}
