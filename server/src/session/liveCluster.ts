// Adapts the live kubeconfig source to the session: the source is created on first load (reading
// a kubeconfig is async and may fail), and a failure becomes an error snapshot, never a throw.
import { KubeconfigSource } from '../cluster/kubeconfigSource';
import { listContexts } from '../cluster/kubeconfig';
import { WatchLiveProvider } from '../cluster/liveProvider';
import { errorSnapshot, type ClusterSnapshot, type ClusterSource, type Disposable } from '../cluster/source';
import type { ClusterSettings } from './settings';

class LazyKubeconfigSource implements ClusterSource {
  readonly id: string;
  readonly label: string;
  private inner: Promise<KubeconfigSource> | undefined;
  private readonly listeners = new Set<(s: ClusterSnapshot) => void>();
  private innerSubscription: Disposable | undefined;
  private disposed = false;
  /** DaemonSets the panel asks about are followed with their own watches, on the same credentials. */
  readonly live = new WatchLiveProvider(
    (namespace, name) => this.source().then((s) => s.watchDaemonSet({ namespace, name })),
    () => this.label,
  );

  constructor(private readonly settings: ClusterSettings) {
    this.id = `kubeconfig:${settings.context || '(current)'}`;
    this.label = settings.context ? `context ${settings.context}` : 'current kubeconfig context';
  }

  async load(): Promise<ClusterSnapshot> {
    let source: KubeconfigSource;
    try {
      source = await this.source();
    } catch (e) {
      this.inner = undefined; // try again on the next load (the kubeconfig may be fixed)
      return errorSnapshot(this.label, (e as Error).message);
    }
    return source.load();
  }

  onDidChange(listener: (s: ClusterSnapshot) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.disposed = true;
    this.live.dispose();
    this.innerSubscription?.dispose();
    void this.inner?.then(
      (s) => s.dispose(),
      () => undefined,
    );
    this.listeners.clear();
  }

  private source(): Promise<KubeconfigSource> {
    if (!this.inner) {
      const s = this.settings;
      this.inner = KubeconfigSource.create({
        ...(s.kubeconfig ? { kubeconfig: s.kubeconfig } : {}),
        ...(s.context ? { context: s.context } : {}),
        timeoutMs: s.timeoutMs,
        includePods: s.resourceFit,
        watch: true,
      }).then((src) => {
        if (this.disposed) {
          src.dispose();
          return src;
        }
        (this as { label: string }).label = src.label;
        this.innerSubscription = src.onDidChange((snap) => this.listeners.forEach((l) => l(snap)));
        return src;
      });
    }
    return this.inner;
  }
}

export function createKubeconfigSource(settings: ClusterSettings): ClusterSource {
  return new LazyKubeconfigSource(settings);
}

export async function listKubeconfigContexts(
  kubeconfig: string,
): Promise<{ contexts: Array<{ name: string; cluster?: string }>; current?: string; error?: string }> {
  try {
    const contexts = await listContexts(kubeconfig ? { kubeconfig } : {});
    return {
      contexts: contexts.map((c) => ({ name: c.name, cluster: c.cluster })),
      current: contexts.find((c) => c.current)?.name,
    };
  } catch (e) {
    return { contexts: [], error: (e as Error).message };
  }
}
