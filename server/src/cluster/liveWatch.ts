// The live state of one DaemonSet in a kubeconfig cluster: the DaemonSet itself (a list with
// fieldSelector metadata.name, as `kubectl rollout status` reads it), its pods (label selector
// from spec.selector), its ControllerRevisions and the warning events that explain missing pods.
// The DaemonSet and its pods are watched with the same watch machinery as the nodes
// (watchStream.ts), resuming from the last resourceVersion after a clean end and listing again
// (with backoff) after a drop, a 410 or garbage. Revisions and events are listed again when the
// DaemonSet or its pods change. Everything is bounded: pages of 500, at most maxPods pods and
// maxEvents events. Nothing rejects or throws out of it; failures become a status.
import * as http from 'node:http';
import * as https from 'node:https';
import { EventEmitter } from 'node:events';
import { ClusterCallError, describeClusterError, withTimeout } from './apiError';
import type { KubeConfig } from './kubeconfig';
import { openWatch, type WatchEnd, type WatchHandle } from './watchStream';
import {
  readDaemonSet,
  readEvent,
  readPod,
  readRevision,
  type LiveDaemonSet,
  type LiveEvent,
  type LivePod,
  type LiveRevision,
  type LiveState,
} from '../placement/liveStatus';
import type { Disposable } from './source';

export interface LiveWatchOptions {
  namespace: string;
  name: string;
  /** Limit for every call. Default 10 s. */
  timeoutMs?: number;
  pageSize?: number;
  /** Pods kept at most (a DaemonSet has one per node; 5,000 nodes is the documented cluster limit). */
  maxPods?: number;
  /** Events kept at most, newest first. */
  maxEvents?: number;
  watchTimeoutSeconds?: number;
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  pageSize: 500,
  maxPods: 5_000,
  maxEvents: 200,
  watchTimeoutSeconds: 300,
  retryDelayMs: 1_000,
  maxRetryDelayMs: 30_000,
};

export interface LiveSnapshot {
  state: 'connecting' | 'ok' | 'error';
  message?: string;
  /** The last state read, kept through failures. */
  live?: LiveState;
  readAt: string;
}

type Obj = Record<string, unknown>;

/**
 * labels.Selector.String() of LabelSelectorAsSelector(sel): requirements sorted by key,
 * `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`. Undefined for a selector that selects
 * nothing or cannot be read (the controller then claims no pods).
 */
export function selectorQuery(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const sel = raw as Obj;
  const reqs: Array<[string, string]> = [];
  const ml = sel['matchLabels'];
  if (typeof ml === 'object' && ml !== null)
    for (const [k, v] of Object.entries(ml as Obj)) if (typeof v === 'string') reqs.push([k, `${k}=${v}`]);
  const me = Array.isArray(sel['matchExpressions']) ? sel['matchExpressions'] : [];
  for (const e of me) {
    const x = (e ?? {}) as Obj;
    const key = typeof x['key'] === 'string' ? x['key'] : undefined;
    const values = (Array.isArray(x['values']) ? x['values'] : []).map(String).sort();
    if (!key) return undefined;
    switch (x['operator']) {
      case 'In':
        reqs.push([key, `${key} in (${values.join(',')})`]);
        break;
      case 'NotIn':
        reqs.push([key, `${key} notin (${values.join(',')})`]);
        break;
      case 'Exists':
        reqs.push([key, key]);
        break;
      case 'DoesNotExist':
        reqs.push([key, `!${key}`]);
        break;
      default:
        return undefined;
    }
  }
  if (reqs.length === 0) return undefined; // an empty selector is refused by validation; never list every pod
  return reqs
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, s]) => s)
    .join(',');
}

interface ListResult {
  items: unknown[];
  resourceVersion: string;
}

export class LiveDaemonSetWatch {
  private readonly opts: typeof DEFAULTS & LiveWatchOptions;
  private readonly events = new EventEmitter();
  private readonly lifetime = new AbortController();
  private ds: LiveDaemonSet | undefined;
  private pods = new Map<string, LivePod>();
  private revisions: LiveRevision[] = [];
  private warnings: LiveEvent[] = [];
  private selector: string | undefined;
  private dsVersion = '';
  private podVersion = '';
  private status: LiveSnapshot['state'] = 'connecting';
  private message: string | undefined;
  private hasRead = false;
  private readAt = new Date().toISOString();
  private generation = 0;
  private dsWatch: WatchHandle | undefined;
  private podWatch: WatchHandle | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  constructor(
    private readonly kc: KubeConfig,
    private readonly server: string,
    options: LiveWatchOptions,
  ) {
    this.opts = {
      ...DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as typeof DEFAULTS & LiveWatchOptions;
    this.retryDelay = this.opts.retryDelayMs;
  }

  /** Lists now and then follows the watches. Never rejects. */
  start(): Promise<LiveSnapshot> {
    return this.relist();
  }

  current(): LiveSnapshot {
    const snap: LiveSnapshot = { state: this.status, readAt: this.readAt };
    if (this.message) snap.message = this.message;
    if (this.hasRead) {
      const live: LiveState = { pods: [...this.pods.values()], revisions: this.revisions, events: this.warnings };
      if (this.ds) live.daemonSet = this.ds;
      snap.live = live;
    }
    return snap;
  }

  onDidChange(listener: (s: LiveSnapshot) => void): Disposable {
    this.events.on('change', listener);
    return { dispose: () => this.events.off('change', listener) };
  }

  dispose(): void {
    this.generation++;
    this.lifetime.abort();
    this.stopWatches();
    clearTimeout(this.retryTimer);
    this.events.removeAllListeners();
  }

  get watching(): number {
    return (this.dsWatch ? 1 : 0) + (this.podWatch ? 1 : 0);
  }

  private get ns(): string {
    return encodeURIComponent(this.opts.namespace);
  }

  private emit(): void {
    if (this.lifetime.signal.aborted) return;
    this.readAt = new Date().toISOString();
    const snap = this.current();
    for (const l of this.events.listeners('change') as Array<(s: LiveSnapshot) => void>) {
      try {
        l(snap);
      } catch {
        // a listener owns its errors
      }
    }
  }

  private stopWatches(): void {
    this.dsWatch?.abort();
    this.podWatch?.abort();
    this.dsWatch = undefined;
    this.podWatch = undefined;
  }

  private async relist(): Promise<LiveSnapshot> {
    const gen = ++this.generation;
    this.stopWatches();
    clearTimeout(this.retryTimer);
    if (this.lifetime.signal.aborted) return this.current();
    try {
      const dsList = await this.list(
        `/apis/apps/v1/namespaces/${this.ns}/daemonsets`,
        { fieldSelector: `metadata.name=${this.opts.name}` },
        'listing the DaemonSet',
        1,
      );
      const ds = dsList.items.map(readDaemonSet).find((d) => d?.name === this.opts.name);
      let pods: LivePod[] = [];
      let podVersion = '';
      const selector = ds ? selectorQuery(ds.selector) : undefined;
      if (ds && selector) {
        const podList = await this.list(
          `/api/v1/namespaces/${this.ns}/pods`,
          { labelSelector: selector },
          'listing the daemon pods',
          this.opts.maxPods,
        );
        pods = podList.items.map(readPod).filter((p): p is LivePod => !!p);
        podVersion = podList.resourceVersion;
      }
      const [revisions, warnings] = ds && selector ? await this.readHistory(ds, selector) : [[], []];
      if (gen !== this.generation) return this.current();
      this.ds = ds;
      this.selector = selector;
      this.pods = new Map(pods.map((p) => [p.name, p]));
      this.revisions = revisions;
      this.warnings = warnings;
      this.dsVersion = dsList.resourceVersion;
      this.podVersion = podVersion;
      this.hasRead = true;
      this.status = 'ok';
      this.message = undefined;
      this.startWatches(gen);
    } catch (e) {
      if (gen !== this.generation) return this.current();
      this.status = 'error';
      this.message = describeClusterError(e, this.server, `reading DaemonSet ${this.opts.namespace}/${this.opts.name}`);
      this.scheduleRelist(gen);
    }
    this.emit();
    return this.current();
  }

  /** ControllerRevisions (listed with the DaemonSet's selector, as the controller lists its history) and warning events. */
  private async readHistory(ds: LiveDaemonSet, selector: string): Promise<[LiveRevision[], LiveEvent[]]> {
    const revs = await this.list(
      `/apis/apps/v1/namespaces/${this.ns}/controllerrevisions`,
      { labelSelector: selector },
      'listing ControllerRevisions',
      500,
    );
    const dsEvents = await this.list(
      `/api/v1/namespaces/${this.ns}/events`,
      { fieldSelector: `involvedObject.kind=DaemonSet,involvedObject.name=${ds.name}` },
      'listing events',
      this.opts.maxEvents,
    );
    const podEvents = await this.list(
      `/api/v1/namespaces/${this.ns}/events`,
      { fieldSelector: 'involvedObject.kind=Pod,reason=FailedScheduling' },
      'listing events',
      this.opts.maxEvents,
    );
    const events = [...dsEvents.items, ...podEvents.items]
      .map(readEvent)
      .filter((e): e is LiveEvent => !!e)
      .sort((a, b) => Date.parse(b.time ?? '') - Date.parse(a.time ?? ''))
      .slice(0, this.opts.maxEvents);
    return [revs.items.map(readRevision).filter((r): r is LiveRevision => !!r), events];
  }

  /** Re-reads revisions and events after a change; one at a time, the last change always read. */
  private refreshHistory(gen: number): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    const ds = this.ds;
    const selector = this.selector;
    if (!ds || !selector) return;
    this.refreshing = this.readHistory(ds, selector)
      .then(([revisions, warnings]) => {
        if (gen !== this.generation) return;
        this.revisions = revisions;
        this.warnings = warnings;
        this.emit();
      })
      .catch(() => undefined) // the watches carry on; the next change reads again
      .finally(() => {
        this.refreshing = undefined;
        if (this.refreshAgain && gen === this.generation) {
          this.refreshAgain = false;
          this.refreshHistory(gen);
        }
      });
  }

  private scheduleRelist(gen: number): void {
    clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.opts.maxRetryDelayMs);
    this.retryTimer = setTimeout(() => {
      if (gen === this.generation && !this.lifetime.signal.aborted) void this.relist();
    }, delay);
    this.retryTimer.unref?.();
  }

  private startWatches(gen: number): void {
    this.startDsWatch(gen);
    if (this.ds && this.selector) this.startPodWatch(gen);
  }

  private watchQuery(version: string, extra: Record<string, string>): Record<string, string> {
    return {
      ...extra,
      watch: '1',
      resourceVersion: version,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(this.opts.watchTimeoutSeconds),
    };
  }

  private startDsWatch(gen: number): void {
    this.dsWatch?.abort();
    this.dsWatch = openWatch(this.kc, this.server, {
      path: `/apis/apps/v1/namespaces/${this.ns}/daemonsets`,
      query: this.watchQuery(this.dsVersion, { fieldSelector: `metadata.name=${this.opts.name}` }),
      timeoutMs: this.opts.timeoutMs,
      idleMs: this.opts.watchTimeoutSeconds * 1000 + this.opts.timeoutMs,
      onEvent: (type, object) => {
        if (gen === this.generation) this.onDsEvent(type, object, gen);
      },
      onEnd: (end) => {
        if (gen === this.generation) this.watchEnded(end, gen, 'ds');
      },
    });
  }

  private startPodWatch(gen: number): void {
    this.podWatch?.abort();
    this.podWatch = openWatch(this.kc, this.server, {
      path: `/api/v1/namespaces/${this.ns}/pods`,
      query: this.watchQuery(this.podVersion, { labelSelector: this.selector ?? '' }),
      timeoutMs: this.opts.timeoutMs,
      idleMs: this.opts.watchTimeoutSeconds * 1000 + this.opts.timeoutMs,
      onEvent: (type, object) => {
        if (gen === this.generation) this.onPodEvent(type, object, gen);
      },
      onEnd: (end) => {
        if (gen === this.generation) this.watchEnded(end, gen, 'pods');
      },
    });
  }

  private static versionOf(object: unknown): string | undefined {
    const rv = ((object as Obj | undefined)?.['metadata'] as Obj | undefined)?.['resourceVersion'];
    return typeof rv === 'string' ? rv : undefined;
  }

  private onDsEvent(type: string, object: unknown, gen: number): void {
    const rv = LiveDaemonSetWatch.versionOf(object);
    if (rv) this.dsVersion = rv;
    if (type === 'BOOKMARK') return;
    const ds = readDaemonSet(object);
    if (!ds || ds.name !== this.opts.name) return;
    if (type === 'DELETED') {
      this.ds = undefined;
      this.pods.clear();
      this.podWatch?.abort();
      this.podWatch = undefined;
      this.emit();
      return;
    }
    const before = this.ds;
    const selector = selectorQuery(ds.selector);
    if (!before || selector !== this.selector || before.uid !== ds.uid) {
      // Created, re-created or a new selector: the pod set is another one; start over.
      void this.relist();
      return;
    }
    this.ds = ds;
    if (before.generation !== ds.generation || before.status.observedGeneration !== ds.status.observedGeneration)
      this.refreshHistory(gen);
    this.emit();
  }

  private onPodEvent(type: string, object: unknown, gen: number): void {
    const rv = LiveDaemonSetWatch.versionOf(object);
    if (rv) this.podVersion = rv;
    if (type === 'BOOKMARK') return;
    const pod = readPod(object);
    if (!pod) return;
    if (type === 'DELETED') this.pods.delete(pod.name);
    else if (type === 'ADDED' || type === 'MODIFIED') {
      if (!this.pods.has(pod.name) && this.pods.size >= this.opts.maxPods) return;
      this.pods.set(pod.name, pod);
    } else return;
    // A pod that went away or is stuck may have an event that says why.
    if (type !== 'MODIFIED' || pod.phase === 'Pending' || pod.phase === 'Failed') this.refreshHistory(gen);
    this.emit();
  }

  private watchEnded(end: WatchEnd, gen: number, which: 'ds' | 'pods'): void {
    if (this.lifetime.signal.aborted) return;
    if (end.kind === 'closed') {
      this.retryDelay = this.opts.retryDelayMs; // a full watch window: the link is healthy
      if (which === 'ds') this.startDsWatch(gen);
      else this.startPodWatch(gen);
      return;
    }
    this.stopWatches();
    this.generation++;
    const next = this.generation;
    if (end.kind === 'expired') {
      void this.relist();
      return;
    }
    this.status = end.kind === 'failed' ? 'error' : 'connecting';
    this.message =
      end.kind === 'failed'
        ? end.message
        : `re-reading DaemonSet ${this.opts.namespace}/${this.opts.name}: ${end.message}`;
    this.emit();
    this.scheduleRelist(next);
  }

  private async list(path: string, query: Record<string, string>, what: string, max: number): Promise<ListResult> {
    const items: unknown[] = [];
    let cont: string | undefined;
    let resourceVersion = '';
    let pages = 0;
    do {
      const q: Record<string, string> = { ...query, limit: String(this.opts.pageSize) };
      if (cont) q['continue'] = cont;
      const body = (await withTimeout(
        this.opts.timeoutMs,
        this.server,
        what,
        (signal) => getJson(this.kc, this.server, path, q, signal),
        this.lifetime.signal,
      )) as Obj | undefined;
      if (!body || typeof body !== 'object' || !Array.isArray(body['items'])) {
        throw new ClusterCallError(
          `the server at ${this.server} answered ${what} with something that is not a Kubernetes list`,
          'garbage',
        );
      }
      items.push(...(body['items'] as unknown[]));
      const meta = (body['metadata'] ?? {}) as Obj;
      resourceVersion = typeof meta['resourceVersion'] === 'string' ? meta['resourceVersion'] : resourceVersion;
      cont = typeof meta['continue'] === 'string' && meta['continue'] ? meta['continue'] : undefined;
      if (++pages > 1000) throw new ClusterCallError(`the server at ${this.server} kept paging ${what}`, 'garbage');
    } while (cont && items.length < max);
    return { items: items.slice(0, max), resourceVersion };
  }
}

const MAX_BODY = 64 * 1024 * 1024;

/** One GET of API JSON with the kubeconfig's credentials; rejects with `{ code, body }` on a non-200. */
export async function getJson(
  kc: KubeConfig,
  server: string,
  path: string,
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<unknown> {
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(server + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const mod = url.protocol === 'http:' ? http : https;
  const headers: http.OutgoingHttpHeaders = {
    ...(opts.headers as http.OutgoingHttpHeaders | undefined),
    Accept: 'application/json',
  };
  const options: https.RequestOptions = { method: 'GET', headers, signal };
  if (opts.agent) options.agent = opts.agent;
  if (opts.auth) options.auth = opts.auth;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          req.destroy();
          reject(new ClusterCallError(`the server at ${server} sent more than 64 MiB for ${path}`, 'garbage'));
          return;
        }
        chunks.push(c);
      });
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) {
          reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { code: res.statusCode ?? 0, body: text }));
          return;
        }
        try {
          resolve(JSON.parse(text));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
