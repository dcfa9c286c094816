// A live cluster reached through a kubeconfig context. Nodes are listed page by page
// (limit + continue, as kubectl does) and then kept current by a watch, like client-go's
// reflector: a clean end of the watch resumes from the last resourceVersion; a dropped
// connection, garbage or 410 Gone lead to a fresh list. Pods are listed (and watched) only when
// resource fit is asked for. Every call has a time limit, every failure becomes a status with
// the last good state kept, and nothing rejects or throws out of load().
import { EventEmitter } from 'node:events';
import type { ClusterState, Node, Pod } from '../placement/types';
import { ObjectShapeError, toNode, toPod } from './apiObjects';
import { ClusterCallError, describeClusterError, formatMs, withTimeout } from './apiError';
import { ExecPluginSupervisor } from './execPlugins';
import {
  kubernetesClient,
  loadKubeconfig,
  selectContext,
  type K8s,
  type KubeConfig,
  type KubeconfigLocation,
} from './kubeconfig';
import {
  describeState,
  type ClusterSnapshot,
  type ClusterSource,
  type ClusterStatus,
  type Disposable,
  EMPTY_CLUSTER,
} from './source';
import { openWatch, type WatchEnd, type WatchHandle } from './watchStream';
import { LiveDaemonSetWatch, type LiveWatchOptions } from './liveWatch';

export interface KubeconfigSourceOptions extends KubeconfigLocation {
  /** Context to use; the kubeconfig's current-context when absent. */
  context?: string;
  /** Limit for every single call (a page, a pod list, credentials, watch headers). Default 10 s. */
  timeoutMs?: number;
  /** Nodes per list page; kubectl uses 500. */
  pageSize?: number;
  /** List the pods on each node, so the engine can judge resource fit and host ports. */
  includePods?: boolean;
  /** Keep the nodes current with a watch after the first load. */
  watch?: boolean;
  /** First wait before retrying after a failure; doubles up to maxRetryDelayMs. Default 1 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** The server ends each watch after this many seconds and we resume; kubectl picks 5–10 min. */
  watchTimeoutSeconds?: number;
  /** Watch events within this window become one change notification. Default 250 ms. */
  coalesceMs?: number;
  /** Timers for retries and coalescing (tests inject a deterministic one). */
  scheduler?: Scheduler;
}

/** The timers the source uses: retries after failures, and coalescing of watch events. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Scheduler = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

const DEFAULTS = {
  timeoutMs: 10_000,
  pageSize: 500,
  retryDelayMs: 1_000,
  maxRetryDelayMs: 30_000,
  watchTimeoutSeconds: 300,
  coalesceMs: 250,
};

// A pod that finished no longer holds resources or ports on its node (`kubectl describe node`
// uses the same selector).
const RUNNING_POD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

type CoreV1Api = InstanceType<K8s['CoreV1Api']>;

function byName(a: Node, b: Node): number {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

export class KubeconfigSource implements ClusterSource {
  readonly id: string;
  readonly label: string;
  readonly server: string;

  private readonly opts: typeof DEFAULTS & KubeconfigSourceOptions;
  private readonly api: CoreV1Api;
  private readonly events = new EventEmitter();
  private readonly lifetime = new AbortController();

  private nodes = new Map<string, Node>();
  /** Running pods by namespace/name (includePods): listed once, then kept current by their own watch. */
  private pods: Map<string, Pod> | undefined;
  private podVersion = '';
  private podWatch: WatchHandle | undefined;
  private lastGood: ClusterState | undefined;
  private status: ClusterStatus;
  private readAt: string;
  private resourceVersion = '';
  private generation = 0;
  private watchHandle: WatchHandle | undefined;
  private retryTimer: unknown;
  private retryDelay: number;
  private flushTimer: unknown;
  private readonly timers: Scheduler;
  private readonly execPlugins: ExecPluginSupervisor;

  /** Reads the kubeconfig and picks the context; throws KubeconfigError when they are unusable. */
  static async create(options: KubeconfigSourceOptions = {}): Promise<KubeconfigSource> {
    const k8s = await kubernetesClient();
    const { kc, files } = await loadKubeconfig(options);
    const context = selectContext(kc, options.context, files);
    return new KubeconfigSource(k8s, kc, context, options);
  }

  private constructor(
    private readonly k8s: K8s,
    private readonly kc: KubeConfig,
    readonly context: string,
    options: KubeconfigSourceOptions,
  ) {
    this.opts = { ...DEFAULTS, ...stripUndefined(options) };
    this.id = `kubeconfig:${context}`;
    this.label = `context ${context}`;
    this.server = kc.getCurrentCluster()?.server ?? '(no server)';
    this.api = kc.makeApiClient(k8s.CoreV1Api);
    this.retryDelay = this.opts.retryDelayMs;
    this.timers = options.scheduler ?? REAL_TIMERS;
    this.execPlugins = new ExecPluginSupervisor(this.opts.timeoutMs);
    this.execPlugins.install(kc);
    this.readAt = new Date().toISOString();
    this.status = { state: 'connecting', message: `not read yet from ${this.server}`, readAt: this.readAt };
  }

  /** Lists now (restarting the watch when enabled). Never rejects. */
  load(): Promise<ClusterSnapshot> {
    return this.relist();
  }

  /** The latest snapshot without any IO: what a request handler may read. */
  current(): ClusterSnapshot {
    const state = this.status.state === 'ok' ? this.currentState() : (this.lastGood ?? EMPTY_CLUSTER);
    const snap: ClusterSnapshot = { state, source: this.label, readAt: this.readAt, status: { ...this.status } };
    if (this.status.state === 'error') snap.error = this.status.message;
    return snap;
  }

  /** The live state of one DaemonSet (liveWatch.ts), with this source's credentials and time limit. */
  watchDaemonSet(options: LiveWatchOptions): LiveDaemonSetWatch {
    return new LiveDaemonSetWatch(this.kc, this.server, { timeoutMs: this.opts.timeoutMs, ...options });
  }

  onDidChange(listener: (snapshot: ClusterSnapshot) => void): Disposable {
    this.events.on('change', listener);
    return { dispose: () => this.events.off('change', listener) };
  }

  dispose(): void {
    this.generation++;
    this.lifetime.abort();
    this.stopWatch();
    this.stopPodWatch();
    this.cancelTimers();
    this.execPlugins.dispose();
    this.events.removeAllListeners();
  }

  private cancelTimers(): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    if (this.flushTimer !== undefined) this.timers.clearTimeout(this.flushTimer);
    this.retryTimer = undefined;
    this.flushTimer = undefined;
  }

  private get disposed(): boolean {
    return this.lifetime.signal.aborted;
  }

  private currentState(): ClusterState {
    const nodes = [...this.nodes.values()].sort(byName);
    return this.pods ? { nodes, pods: [...this.pods.values()] } : { nodes };
  }

  private setStatus(state: ClusterStatus['state'], message: string): void {
    this.readAt = new Date().toISOString();
    this.status = { state, message, readAt: this.readAt };
    if (state !== 'ok' && this.lastGood) this.status.lastGood = this.lastGood;
  }

  private emit(): void {
    if (this.disposed) return;
    const snapshot = this.current();
    // Listeners run inside watch callbacks and timers: one that throws must neither break the
    // watch nor surface as an unhandled rejection.
    for (const listener of this.events.listeners('change') as Array<(s: ClusterSnapshot) => void>) {
      try {
        listener(snapshot);
      } catch {
        // ignored on purpose; the listener owns its errors
      }
    }
  }

  private stopWatch(): void {
    this.watchHandle?.abort();
    this.watchHandle = undefined;
  }

  private async relist(): Promise<ClusterSnapshot> {
    const gen = ++this.generation;
    this.stopWatch();
    this.cancelTimers();
    if (this.disposed) return this.current();
    if (this.status.state !== 'ok') this.setStatus('connecting', `reading nodes from ${this.server}`);
    try {
      const { nodes, resourceVersion } = await this.listNodes();
      // Pods kept current by a running watch are not listed again (a load is then one node list).
      const listPods = this.opts.includePods && !(this.opts.watch && this.podWatch && this.pods);
      const pods = listPods ? await this.listPods() : undefined;
      if (gen !== this.generation) return this.current(); // a newer list or dispose() won
      this.nodes = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
      if (pods) {
        this.pods = new Map(pods.pods.map((p) => [podKey(p), p]));
        this.podVersion = pods.resourceVersion;
      }
      this.resourceVersion = resourceVersion;
      this.lastGood = this.currentState();
      // The backoff is NOT reset here: a server whose lists work but whose watches fail would
      // otherwise be listed again every retryDelayMs (29 full lists of 5,000 nodes in 30 s). It
      // resets when a watch ran its full window (watchEnded 'closed').
      this.setStatus('ok', describeState(this.lastGood));
      if (this.opts.watch) this.startWatch(gen);
      if (this.opts.watch && pods) this.startPodWatch();
    } catch (e) {
      if (gen !== this.generation) return this.current();
      this.setStatus('error', describeClusterError(e, this.server, 'listing nodes'));
      if (this.opts.watch) this.scheduleRelist(gen);
    }
    this.emit();
    return this.current();
  }

  private scheduleRelist(gen: number): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.opts.maxRetryDelayMs);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (gen === this.generation && !this.disposed) void this.relist();
    }, delay);
  }

  private async call<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(this.opts.timeoutMs, this.server, what, work, this.lifetime.signal);
    } catch (e) {
      // The call was waiting for an exec credential plugin: it is the one to blame (and stop).
      const plugins = this.execPlugins.runningCommands();
      if (e instanceof ClusterCallError && e.kind === 'timeout' && plugins.length > 0) {
        const why = `did not answer within ${formatMs(this.opts.timeoutMs)}; it was stopped`;
        await this.execPlugins.stopAll(why);
        throw new ClusterCallError(`exec credential plugin "${plugins[0]}" ${why} (${what} at ${this.server})`, 'auth');
      }
      throw e;
    }
  }

  private requestOptions(signal: AbortSignal): Parameters<CoreV1Api['listNode']>[1] {
    // The generated client takes the AbortSignal through a request middleware.
    return {
      middleware: [
        {
          pre: (ctx) => {
            ctx.setSignal(signal as Parameters<typeof ctx.setSignal>[0]);
            return new this.k8s.Observable(Promise.resolve(ctx));
          },
          post: (rsp) => new this.k8s.Observable(Promise.resolve(rsp)),
        },
      ],
      middlewareMergeStrategy: 'append',
    };
  }

  private async listNodes(): Promise<{ nodes: Node[]; resourceVersion: string }> {
    // One restart is allowed: a continue token can expire (410) in a long paged list.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.listNodePages();
      } catch (e) {
        if (attempt === 0 && (e as { code?: unknown }).code === 410) continue;
        throw e;
      }
    }
  }

  private async listNodePages(): Promise<{ nodes: Node[]; resourceVersion: string }> {
    const nodes: Node[] = [];
    let cont: string | undefined;
    let resourceVersion = '';
    let page = 0;
    do {
      page++;
      const what = page === 1 ? 'listing nodes' : `listing nodes (page ${page})`;
      const list = await this.call(what, (signal) => {
        const param: { limit: number; _continue?: string } = { limit: this.opts.pageSize };
        if (cont) param._continue = cont;
        return this.api.listNode(param, this.requestOptions(signal));
      });
      if (!list || !Array.isArray(list.items)) {
        throw new ClusterCallError(
          `the server at ${this.server} answered ${what} with something that is not a NodeList`,
          'garbage',
        );
      }
      for (const [i, item] of list.items.entries()) nodes.push(this.toNode(item, `items[${i}] of the node list`));
      resourceVersion = list.metadata?.resourceVersion ?? resourceVersion;
      cont = list.metadata?._continue || undefined;
      if (page > 100_000)
        throw new ClusterCallError(`the server at ${this.server} kept paging the node list`, 'garbage');
    } while (cont);
    return { nodes, resourceVersion };
  }

  private toNode(raw: unknown, where: string): Node {
    try {
      return toNode(raw, where);
    } catch (e) {
      if (e instanceof ObjectShapeError)
        throw new ClusterCallError(`the server at ${this.server} sent a malformed Node: ${e.message}`, 'garbage');
      throw e;
    }
  }

  /** One paged list of the running pods of all nodes (`kubectl describe node`'s selector). */
  private async listPods(): Promise<{ pods: Pod[]; resourceVersion: string }> {
    const pods: Pod[] = [];
    let cont: string | undefined;
    let resourceVersion = '';
    let page = 0;
    do {
      page++;
      const what = page === 1 ? 'listing pods' : `listing pods (page ${page})`;
      const list = await this.call(what, (signal) => {
        const param: { fieldSelector: string; limit: number; _continue?: string } = {
          fieldSelector: RUNNING_POD_SELECTOR,
          limit: this.opts.pageSize,
        };
        if (cont) param._continue = cont;
        return this.api.listPodForAllNamespaces(param, this.requestOptions(signal));
      }).catch((e: unknown) => {
        throw new ClusterCallError(describeClusterError(e, this.server, what), 'other');
      });
      if (!list || !Array.isArray(list.items)) {
        throw new ClusterCallError(
          `the server at ${this.server} answered ${what} with something that is not a PodList`,
          'garbage',
        );
      }
      for (const [j, item] of list.items.entries()) {
        try {
          pods.push(toPod(item, `items[${j}] of the pod list`));
        } catch (e) {
          if (e instanceof ObjectShapeError)
            throw new ClusterCallError(`the server at ${this.server} sent a malformed Pod: ${e.message}`, 'garbage');
          throw e;
        }
      }
      resourceVersion = list.metadata?.resourceVersion ?? resourceVersion;
      cont = list.metadata?._continue || undefined;
      if (page > 100_000)
        throw new ClusterCallError(`the server at ${this.server} kept paging the pod list`, 'garbage');
    } while (cont);
    return { pods, resourceVersion };
  }

  private stopPodWatch(): void {
    this.podWatch?.abort();
    this.podWatch = undefined;
  }

  /**
   * The pods' own watch (all pods: one that finishes arrives as MODIFIED and leaves the map).
   * A clean end resumes from the last version; anything else forgets the watched pods, so the
   * next list (a load, or the retry this schedules) lists them again.
   */
  private startPodWatch(): void {
    this.stopPodWatch();
    const handle: WatchHandle = openWatch(this.kc, this.server, {
      path: '/api/v1/pods',
      query: {
        watch: '1',
        resourceVersion: this.podVersion,
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(this.opts.watchTimeoutSeconds),
      },
      timeoutMs: this.opts.timeoutMs,
      idleMs: this.opts.watchTimeoutSeconds * 1000 + this.opts.timeoutMs,
      onEvent: (type, object) => {
        if (this.podWatch === handle) this.applyPodEvent(type, object);
      },
      onEnd: (end) => {
        if (this.podWatch !== handle || this.disposed) return;
        this.podWatch = undefined;
        if (end.kind === 'closed') {
          this.startPodWatch();
          return;
        }
        // Expired, dropped or refused: list again (nodes and pods), with the source's backoff.
        this.pods = undefined;
        this.setStatus('connecting', `re-reading pods from ${this.server}: ${end.message}`);
        this.emit();
        if (end.kind === 'expired') void this.relist();
        else this.scheduleRelist(this.generation);
      },
      applyCredentials: (opts) => this.call('getting credentials', () => this.kc.applyToHTTPSOptions(opts)),
    });
    this.podWatch = handle;
  }

  private applyPodEvent(type: string, object: unknown): void {
    const rv = (object as { metadata?: { resourceVersion?: unknown } } | undefined)?.metadata?.resourceVersion;
    if (typeof rv === 'string') this.podVersion = rv;
    if (type === 'BOOKMARK' || !this.pods) return;
    let pod: Pod;
    try {
      pod = toPod(object, `a ${type} pod watch event`);
    } catch {
      // Not to be trusted any more: forget the watch and its pods, list again.
      this.stopPodWatch();
      this.pods = undefined;
      this.scheduleRelist(this.generation);
      return;
    }
    const key = podKey(pod);
    const phase = pod.status?.phase;
    if ((type === 'ADDED' || type === 'MODIFIED') && phase !== 'Succeeded' && phase !== 'Failed')
      this.pods.set(key, pod);
    else if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') this.pods.delete(key);
    else return;
    this.scheduleFlush(this.generation);
  }

  private startWatch(gen: number): void {
    this.stopWatch();
    const query: Record<string, string> = {
      watch: '1',
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(this.opts.watchTimeoutSeconds),
    };
    this.watchHandle = openWatch(this.kc, this.server, {
      path: '/api/v1/nodes',
      query,
      timeoutMs: this.opts.timeoutMs,
      // The server ends the watch after timeoutSeconds; silence well beyond that means a dead link.
      idleMs: this.opts.watchTimeoutSeconds * 1000 + this.opts.timeoutMs,
      onEvent: (type, object) => {
        if (gen === this.generation) this.applyEvent(type, object, gen);
      },
      onEnd: (end) => {
        if (gen === this.generation) this.watchEnded(end, gen);
      },
      applyCredentials: (opts) => this.call('getting credentials', () => this.kc.applyToHTTPSOptions(opts)),
    });
  }

  private applyEvent(type: string, object: unknown, gen: number): void {
    const rv = (object as { metadata?: { resourceVersion?: unknown } } | undefined)?.metadata?.resourceVersion;
    if (type === 'BOOKMARK') {
      if (typeof rv === 'string') this.resourceVersion = rv;
      return;
    }
    let node: Node;
    try {
      node = toNode(object, `a ${type} watch event`);
    } catch (e) {
      // A malformed object means we can no longer trust the stream: start over from a list.
      this.watchEnded(
        { kind: 'dropped', message: `the server at ${this.server} sent a malformed Node: ${(e as Error).message}` },
        gen,
      );
      return;
    }
    const name = node.metadata?.name ?? '';
    if (type === 'ADDED' || type === 'MODIFIED') this.nodes.set(name, node);
    else if (type === 'DELETED') this.nodes.delete(name);
    else return;
    if (typeof rv === 'string') this.resourceVersion = rv;
    this.scheduleFlush(gen);
  }

  /**
   * Watch events are applied at once but announced together: one change notification per
   * coalesceMs window (a flood of 5,000 node updates used to re-sort every node and refresh
   * every editor 5,000 times).
   */
  private scheduleFlush(gen: number): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = this.timers.setTimeout(() => {
      this.flushTimer = undefined;
      if (gen !== this.generation || this.disposed) return;
      // The pods' watch failed and a list of them is pending: no state without its pods.
      if (this.opts.includePods && !this.pods) return;
      this.lastGood = this.currentState();
      this.setStatus('ok', describeState(this.lastGood));
      this.emit();
    }, this.opts.coalesceMs);
  }

  private watchEnded(end: WatchEnd, gen: number): void {
    this.stopWatch();
    if (this.disposed) return;
    if (end.kind === 'closed') {
      // Normal end of a watch window: pick up where we were, as client-go does. A watch that
      // lasted its whole window is healthy: failures start the backoff from the beginning again.
      this.retryDelay = this.opts.retryDelayMs;
      this.startWatch(gen);
      return;
    }
    // Events applied but not yet announced belong to the state this failure keeps as last good.
    if (this.flushTimer !== undefined) {
      this.timers.clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.lastGood = this.currentState();
    }
    if (end.kind === 'expired') {
      // 410 Gone: the version we hold is too old to resume; a fresh list is the only way.
      this.setStatus('connecting', `re-reading nodes from ${this.server}: ${end.message}`);
      this.emit();
      void this.relist();
      return;
    }
    this.setStatus(
      end.kind === 'failed' ? 'error' : 'connecting',
      end.kind === 'failed' ? end.message : `re-reading nodes from ${this.server}: ${end.message}`,
    );
    this.emit();
    // Backoff even after a plain drop: a server that accepts lists but breaks every watch must
    // not be hammered.
    this.scheduleRelist(gen);
  }
}

function podKey(p: Pod): string {
  return `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export { ClusterCallError };
