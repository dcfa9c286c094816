// A loopback Kubernetes-like API server for tests: enough of the real API for our live source
// and for a real `kubectl get nodes` (discovery, NodeList with limit/continue, watch streams
// with ADDED/MODIFIED/DELETED/ERROR 410, pods by field selector, bearer tokens), plus knobs to
// misbehave (stall, delay, garbage, drop or expire watches, forbid paths). Listens on
// 127.0.0.1 only, over HTTPS with the committed self-signed certificate by default.
// For the live status it also serves apps/v1 DaemonSets (list by field selector, get, watch, and
// the Table `kubectl get ds` asks for), namespaced pods by label selector (list, watch),
// ControllerRevisions and events (list by field selector); tests change them with upsert/remove
// and open watches see the change.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';

type Obj = Record<string, any>;

export interface FakeApiServerOptions {
  /** The bearer token accepted; anything else gets 401. */
  token?: string;
  nodes?: Obj[];
  pods?: Obj[];
  daemonSets?: Obj[];
  controllerRevisions?: Obj[];
  events?: Obj[];
  /** Plain HTTP where TLS is not the point. Default: HTTPS. */
  tls?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  accept?: string;
  userAgent?: string;
}

interface WatchConn {
  res: http.ServerResponse;
  socket: Socket;
  /** 'nodes', 'pods', 'daemonsets', …: which store's changes this watch sees. */
  resource: string;
  /** Namespace, label and field selectors of the watch. */
  matches(obj: Obj): boolean;
}

interface Event {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: Obj;
  resource: string;
}

/** Namespaced resources the fake keeps besides nodes. */
export type FakeResource = 'pods' | 'daemonsets' | 'controllerrevisions' | 'events';

const KINDS: Record<FakeResource, { kind: string; apiVersion: string }> = {
  pods: { kind: 'Pod', apiVersion: 'v1' },
  daemonsets: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  controllerrevisions: { kind: 'ControllerRevision', apiVersion: 'apps/v1' },
  events: { kind: 'Event', apiVersion: 'v1' },
};

/** Splits a label selector string at commas outside parentheses. */
function selectorTerms(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Label selectors as the API server reads them: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`. */
export function matchesLabelSelector(obj: Obj, selector: string | null): boolean {
  if (!selector) return true;
  const labels: Record<string, string> = obj.metadata?.labels ?? {};
  return selectorTerms(selector).every((term) => {
    let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
    if (m) {
      const values = (m[3] as string).split(',').map((v) => v.trim());
      const has = (m[1] as string) in labels && values.includes(labels[m[1] as string] as string);
      return m[2] === 'in' ? has : !has;
    }
    m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
    if (m) return m[2] === '!=' ? labels[m[1] as string] !== m[3] : labels[m[1] as string] === m[3];
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    return term in labels;
  });
}

function findFixtures(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'test', 'support', 'fixtures');
    if (existsSync(join(candidate, 'fake-apiserver.crt'))) return candidate;
    if (existsSync(join(dir, 'fixtures', 'fake-apiserver.crt'))) return join(dir, 'fixtures');
    dir = dirname(dir);
  }
  throw new Error('test/support/fixtures/fake-apiserver.crt not found');
}

export const FIXTURES_DIR = findFixtures();
export const FAKE_CA_FILE = join(FIXTURES_DIR, 'fake-apiserver.crt');

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function statusBody(code: number, reason: string, message: string): Obj {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function fieldValue(obj: Obj, field: string): string {
  let cur: unknown = obj;
  for (const part of field.split('.')) cur = cur && typeof cur === 'object' ? (cur as Obj)[part] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Field selectors as the API server reads them: `a=b,c!=d` (also `==`). */
function matchesFieldSelector(obj: Obj, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const neq = term.indexOf('!=');
    if (neq >= 0) return fieldValue(obj, term.slice(0, neq)) !== term.slice(neq + 2);
    const eq = term.indexOf('=');
    if (eq < 0) return true;
    const value = term.slice(eq + 1).replace(/^=/, '');
    return fieldValue(obj, term.slice(0, eq)) === value;
  });
}

export class FakeApiServer extends EventEmitter {
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  url = '';

  // Knobs. Each applies to every request until reset.
  /** Accept requests and never answer (a hung server). */
  stall = false;
  /** Answer after this many milliseconds. */
  delayMs = 0;
  /** 'list': list answers are HTML with a JSON content type; 'watch': watch streams send junk. */
  garbage: false | 'list' | 'watch' = false;
  /** Path prefixes answered with 403 Forbidden. */
  forbidden: string[] = [];
  /** The next request carrying a `continue` token gets 410 Expired (consumed once). */
  expireNextContinue = false;
  /** Hostile: every watch request gets 500 while lists keep working. */
  failWatches = false;

  private nodes = new Map<string, Obj>();
  /** resource → "namespace/name" → object. */
  private stores = new Map<FakeResource, Map<string, Obj>>();
  private rv = 1000;
  /** Watches asking for a version older than this get ERROR 410 (etcd compaction). */
  private compactedRv = 0;
  private events: Event[] = [];
  private watches = new Set<WatchConn>();
  private sockets = new Set<Socket>();
  private server: http.Server | https.Server;
  private readonly tls: boolean;

  private constructor(options: FakeApiServerOptions) {
    super();
    this.token = options.token ?? 'test-token-0123456789';
    this.tls = options.tls ?? true;
    for (const n of options.nodes ?? []) this.putNode(clone(n));
    for (const r of Object.keys(KINDS) as FakeResource[]) this.stores.set(r, new Map());
    for (const p of options.pods ?? []) this.put('pods', clone(p));
    for (const d of options.daemonSets ?? []) this.put('daemonsets', clone(d));
    for (const c of options.controllerRevisions ?? []) this.put('controllerrevisions', clone(c));
    for (const e of options.events ?? []) this.put('events', clone(e));
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => this.handle(req, res);
    this.server = this.tls
      ? https.createServer(
          { cert: readFileSync(FAKE_CA_FILE), key: readFileSync(join(FIXTURES_DIR, 'fake-apiserver.key')) },
          handler,
        )
      : http.createServer(handler);
    this.server.on(this.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // TLS handshakes that fail (a client that does not trust our CA) still hold a raw socket.
    if (this.tls) {
      this.server.on('connection', (socket: Socket) => {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      });
      this.server.on('tlsClientError', () => undefined);
    }
  }

  static async start(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
    const s = new FakeApiServer(options);
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = s.server.address() as AddressInfo;
    s.url = `${s.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    return s;
  }

  async close(): Promise<void> {
    for (const w of this.watches) w.socket.destroy();
    this.watches.clear();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with the first request (already recorded or future) matching `pred`. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, fromIndex = 0): Promise<RecordedRequest> {
    const seen = this.requests.slice(fromIndex).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const listener = (r: RecordedRequest): void => {
        if (pred(r)) {
          this.off('request', listener);
          resolve(r);
        }
      };
      this.on('request', listener);
    });
  }

  /** Resolves when the next watch stream is open and caught up (after `fromCount` watches). */
  waitForWatch(fromCount = this.watchesOpened): Promise<number> {
    if (this.watchesOpened > fromCount) return Promise.resolve(this.watchesOpened);
    return new Promise((resolve) => {
      const listener = (n: number): void => {
        if (n > fromCount) {
          this.off('watch', listener);
          resolve(n);
        }
      };
      this.on('watch', listener);
    });
  }

  watchesOpened = 0;

  get openWatches(): number {
    return this.watches.size;
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  nodeNames(): string[] {
    return [...this.nodes.keys()].sort();
  }

  // ---- cluster changes, delivered to open watches -------------------------------------

  addNode(node: Obj): void {
    this.record('ADDED', this.putNode(clone(node)));
  }

  modifyNode(name: string, change: (n: Obj) => void): void {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no node ${name}`);
    change(node);
    node.metadata.resourceVersion = String(++this.rv);
    this.record('MODIFIED', node);
  }

  deleteNode(name: string): void {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no node ${name}`);
    this.nodes.delete(name);
    node.metadata.resourceVersion = String(++this.rv);
    this.record('DELETED', node);
  }

  /** Creates or replaces a namespaced object (ADDED or MODIFIED to the watches); returns the stored copy. */
  upsert(resource: FakeResource, object: Obj): Obj {
    const key = `${object.metadata?.namespace ?? 'default'}/${object.metadata?.name}`;
    const existed = this.stores.get(resource)!.has(key);
    const stored = this.put(resource, clone(object));
    this.record(existed ? 'MODIFIED' : 'ADDED', stored, resource);
    return stored;
  }

  /** Changes a stored object in place (MODIFIED to the watches). */
  modify(resource: FakeResource, namespace: string, name: string, change: (o: Obj) => void): Obj {
    const o = this.get(resource, namespace, name);
    if (!o) throw new Error(`no ${resource} ${namespace}/${name}`);
    const next = clone(o);
    change(next);
    return this.upsert(resource, next);
  }

  remove(resource: FakeResource, namespace: string, name: string): void {
    const store = this.stores.get(resource)!;
    const o = store.get(`${namespace}/${name}`);
    if (!o) throw new Error(`no ${resource} ${namespace}/${name}`);
    store.delete(`${namespace}/${name}`);
    o.metadata.resourceVersion = String(++this.rv);
    this.record('DELETED', o, resource);
  }

  get(resource: FakeResource, namespace: string, name: string): Obj | undefined {
    const o = this.stores.get(resource)!.get(`${namespace}/${name}`);
    return o ? clone(o) : undefined;
  }

  /** Changes a node without telling the watches, so only a re-list can see it. */
  modifyNodeQuietly(name: string, change: (n: Obj) => void): void {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no node ${name}`);
    change(node);
    node.metadata.resourceVersion = String(++this.rv);
  }

  /** Cuts every open watch connection (no clean end of the chunked response). */
  dropWatches(): void {
    for (const w of this.watches) w.socket.destroy();
    this.watches.clear();
  }

  /** Forgets history up to now: watches are told 410 Gone, as after etcd compaction. */
  expireWatches(): void {
    this.compactedRv = this.rv;
    this.events = [];
    for (const w of this.watches) {
      w.res.end(
        `${JSON.stringify({ type: 'ERROR', object: statusBody(410, 'Expired', `too old resource version: ${this.rv - 1} (${this.rv})`) })}\n`,
      );
    }
    this.watches.clear();
  }

  /** Hostile: writes raw text to every open watch (e.g. a huge line without a newline). */
  writeToWatches(text: string): void {
    for (const w of this.watches) w.res.write(text);
  }

  /** Hostile: a flood of MODIFIED events, one per node, with `change` applied to each. */
  floodNodes(change: (n: Obj) => void): number {
    const names = this.nodeNames();
    for (const name of names) this.modifyNode(name, change);
    return names.length;
  }

  /** Ends every watch cleanly, as the server does when timeoutSeconds runs out. */
  endWatches(): void {
    for (const w of this.watches) w.res.end();
    this.watches.clear();
  }

  // ---- kubeconfig ------------------------------------------------------------------------

  /** Writes a real kubeconfig for this server; returns its path. */
  writeKubeconfig(
    file: string,
    opts: {
      token?: string;
      context?: string;
      trustCa?: boolean;
      server?: string;
      exec?: { command: string; args?: string[]; env?: Record<string, string> };
    } = {},
  ): string {
    const context = opts.context ?? 'fake';
    const server = opts.server ?? this.url;
    const trust = opts.trustCa ?? true;
    const clusterLines = [`    server: ${server}`];
    if (server.startsWith('http:')) clusterLines.push('    insecure-skip-tls-verify: true');
    else if (trust)
      clusterLines.push(`    certificate-authority-data: ${readFileSync(FAKE_CA_FILE).toString('base64')}`);
    const text = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: ${context}-cluster`,
      '  cluster:',
      ...clusterLines,
      'contexts:',
      `- name: ${context}`,
      '  context:',
      `    cluster: ${context}-cluster`,
      `    user: ${context}-user`,
      `current-context: ${context}`,
      'users:',
      `- name: ${context}-user`,
      '  user:',
      ...(opts.exec
        ? [
            '    exec:',
            '      apiVersion: client.authentication.k8s.io/v1',
            '      interactiveMode: Never',
            `      command: ${JSON.stringify(opts.exec.command)}`,
            `      args: ${JSON.stringify(opts.exec.args ?? [])}`,
            `      env: ${JSON.stringify(Object.entries(opts.exec.env ?? {}).map(([name, value]) => ({ name, value })))}`,
          ]
        : [`    token: ${opts.token ?? this.token}`]),
      '',
    ].join('\n');
    writeFileSync(file, text);
    return file;
  }

  // ---- serving ---------------------------------------------------------------------------

  private putNode(node: Obj): Obj {
    node.apiVersion ??= 'v1';
    node.kind ??= 'Node';
    node.metadata ??= {};
    node.metadata.resourceVersion = String(++this.rv);
    this.nodes.set(String(node.metadata.name), node);
    return node;
  }

  private put(resource: FakeResource, object: Obj): Obj {
    const k = KINDS[resource];
    object.apiVersion ??= k.apiVersion;
    object.kind ??= k.kind;
    object.metadata ??= {};
    object.metadata.namespace ??= 'default';
    object.metadata.resourceVersion = String(++this.rv);
    this.stores.get(resource)!.set(`${object.metadata.namespace}/${object.metadata.name}`, object);
    return object;
  }

  private all(resource: FakeResource): Obj[] {
    return [...this.stores.get(resource)!.values()].sort((a, b) => {
      const x = `${a.metadata.namespace}/${a.metadata.name}`;
      const y = `${b.metadata.namespace}/${b.metadata.name}`;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  private record(type: Event['type'], object: Obj, resource = 'nodes'): void {
    const ev: Event = { rv: this.rv, type, object: clone(object), resource };
    this.events.push(ev);
    for (const w of this.watches) if (w.resource === resource && w.matches(ev.object)) this.sendEvent(w, ev);
  }

  private sendEvent(w: WatchConn, ev: Event): void {
    if (this.garbage === 'watch') {
      w.res.write('<html>this is not a watch event</html>\n');
      return;
    }
    w.res.write(`${JSON.stringify({ type: ev.type, object: ev.object })}\n`);
  }

  private send(res: http.ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
    if (req.headers.authorization) rec.authorization = req.headers.authorization;
    if (req.headers.accept) rec.accept = req.headers.accept;
    if (req.headers['user-agent']) rec.userAgent = req.headers['user-agent'];
    this.requests.push(rec);
    this.emit('request', rec);

    if (this.stall) return; // held open until close() destroys the socket
    const respond = (): void => this.route(req, res, url);
    if (this.delayMs > 0) setTimeout(respond, this.delayMs).unref();
    else respond();
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      this.send(res, 401, statusBody(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const forbidden = this.forbidden.find((p) => path.startsWith(p));
    if (forbidden) {
      const resource = path.split('/').pop() ?? '';
      this.send(
        res,
        403,
        statusBody(
          403,
          'Forbidden',
          `${resource} is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "${resource}" in API group "" at the cluster scope`,
        ),
      );
      return;
    }
    if (req.method !== 'GET') {
      this.send(
        res,
        405,
        statusBody(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
      );
      return;
    }
    switch (path) {
      case '/version':
        return this.send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.2-fake', platform: 'linux/amd64' });
      case '/api':
        return this.send(res, 200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            { clientCIDR: '0.0.0.0/0', serverAddress: this.url.replace(/^https?:\/\//, '') },
          ],
        });
      case '/apis':
        return this.send(res, 200, {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [
            {
              name: 'apps',
              versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
              preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
            },
          ],
        });
      case '/apis/apps':
        return this.send(res, 200, {
          kind: 'APIGroup',
          apiVersion: 'v1',
          name: 'apps',
          versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
          preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
        });
      case '/apis/apps/v1':
        return this.send(res, 200, {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: 'apps/v1',
          resources: [
            {
              name: 'daemonsets',
              singularName: 'daemonset',
              namespaced: true,
              kind: 'DaemonSet',
              verbs: ['get', 'list', 'watch'],
              shortNames: ['ds'],
              categories: ['all'],
            },
            { name: 'daemonsets/status', singularName: '', namespaced: true, kind: 'DaemonSet', verbs: ['get'] },
            {
              name: 'controllerrevisions',
              singularName: 'controllerrevision',
              namespaced: true,
              kind: 'ControllerRevision',
              verbs: ['get', 'list', 'watch'],
            },
          ],
        });
      case '/api/v1':
        return this.send(res, 200, {
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [
            {
              name: 'nodes',
              singularName: 'node',
              namespaced: false,
              kind: 'Node',
              verbs: ['get', 'list', 'watch'],
              shortNames: ['no'],
            },
            {
              name: 'pods',
              singularName: 'pod',
              namespaced: true,
              kind: 'Pod',
              verbs: ['get', 'list', 'watch'],
              shortNames: ['po'],
              categories: ['all'],
            },
            {
              name: 'events',
              singularName: 'event',
              namespaced: true,
              kind: 'Event',
              verbs: ['get', 'list', 'watch'],
              shortNames: ['ev'],
            },
          ],
        });
      case '/api/v1/nodes':
        if (['1', 'true'].includes(url.searchParams.get('watch') ?? '')) return this.watchNodes(res, url);
        return this.list(
          res,
          url,
          'NodeList',
          [...this.nodes.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
        );
      case '/api/v1/pods':
        if (['1', 'true'].includes(url.searchParams.get('watch') ?? '')) {
          const selector = url.searchParams.get('fieldSelector');
          return this.watch(res, url, 'pods', (o) => matchesFieldSelector(o, selector));
        }
        return this.list(
          res,
          url,
          'PodList',
          this.all('pods').filter((p) => matchesFieldSelector(p, url.searchParams.get('fieldSelector'))),
        );
      default: {
        const namespaced =
          /^\/(api\/v1|apis\/apps\/v1)\/namespaces\/([^/]+)\/(pods|daemonsets|controllerrevisions|events)(?:\/([^/]+))?$/.exec(
            path,
          );
        if (namespaced)
          return this.namespaced(
            req,
            res,
            url,
            decodeURIComponent(namespaced[2] as string),
            namespaced[3] as FakeResource,
            namespaced[4] ? decodeURIComponent(namespaced[4]) : undefined,
          );
        const one = /^\/api\/v1\/nodes\/([^/]+)$/.exec(path);
        const node = one ? this.nodes.get(decodeURIComponent(one[1] as string)) : undefined;
        if (node) return this.send(res, 200, node);
        return this.send(res, 404, statusBody(404, 'NotFound', `the server could not find the requested resource`));
      }
    }
  }

  private namespaced(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    namespace: string,
    resource: FakeResource,
    name: string | undefined,
  ): void {
    const q = url.searchParams;
    const matches = (o: Obj): boolean =>
      o.metadata?.namespace === namespace &&
      matchesLabelSelector(o, q.get('labelSelector')) &&
      matchesFieldSelector(o, q.get('fieldSelector'));
    const table = resource === 'daemonsets' && /as=Table/.test(req.headers.accept ?? '');
    if (name !== undefined) {
      const o = this.stores.get(resource)!.get(`${namespace}/${name}`);
      const gr = resource === 'pods' || resource === 'events' ? resource : `${resource}.apps`;
      if (!o)
        return this.send(res, 404, {
          ...statusBody(404, 'NotFound', `${gr} "${name}" not found`),
          details: { name, group: gr.split('.')[1] ?? '', kind: resource },
        });
      return this.send(res, 200, table ? this.daemonSetTable([o]) : o);
    }
    if (['1', 'true'].includes(q.get('watch') ?? '')) return this.watch(res, url, resource, matches);
    const items = this.all(resource).filter(matches);
    if (table) return this.send(res, 200, this.daemonSetTable(items));
    return this.list(res, url, `${KINDS[resource].kind}List`, items, KINDS[resource].apiVersion);
  }

  /**
   * The Table an API server sends `kubectl get ds`: the columns and cells of printDaemonSet
   * (pkg/printers/internalversion/printers.go), numbers from .status. AGE is translateTimestampSince
   * (HumanDuration of now − creationTimestamp).
   */
  private daemonSetTable(items: Obj[]): Obj {
    const col = (name: string, type: string, format = '') => ({ name, type, format, description: '', priority: 0 });
    const formatLabels = (m: Record<string, string> | undefined): string => {
      const keys = Object.keys(m ?? {}).sort();
      return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
    };
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: this.resourceVersion },
      columnDefinitions: [
        col('Name', 'string', 'name'),
        col('Desired', 'integer'),
        col('Current', 'integer'),
        col('Ready', 'integer'),
        col('Up-to-date', 'integer'),
        col('Available', 'integer'),
        col('Node Selector', 'string'),
        col('Age', 'string'),
        { ...col('Containers', 'string'), priority: 1 },
        { ...col('Images', 'string'), priority: 1 },
        { ...col('Selector', 'string'), priority: 1 },
      ],
      rows: items.map((o) => {
        const s = o.status ?? {};
        const created = Date.parse(o.metadata?.creationTimestamp ?? '');
        return {
          cells: [
            o.metadata.name,
            s.desiredNumberScheduled ?? 0,
            s.currentNumberScheduled ?? 0,
            s.numberReady ?? 0,
            s.updatedNumberScheduled ?? 0,
            s.numberAvailable ?? 0,
            formatLabels(o.spec?.template?.spec?.nodeSelector),
            Number.isNaN(created) ? '<unknown>' : this.humanDuration(Date.now() - created),
            '',
            '',
            '',
          ],
          object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
        };
      }),
    };
  }

  /** Set by tests: the API server's HumanDuration (k8s.io/apimachinery/pkg/util/duration). */
  humanDuration: (ms: number) => string = (ms) => `${Math.trunc(ms / 1000)}s`;

  private list(res: http.ServerResponse, url: URL, kind: string, all: Obj[], apiVersion = 'v1'): void {
    if (this.garbage === 'list') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const token = url.searchParams.get('continue');
    let offset = 0;
    let listRv = this.resourceVersion;
    if (token) {
      if (this.expireNextContinue) {
        this.expireNextContinue = false;
        this.send(
          res,
          410,
          statusBody(
            410,
            'Expired',
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
          ),
        );
        return;
      }
      try {
        const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { rv: string; offset: number };
        offset = parsed.offset;
        listRv = parsed.rv;
      } catch {
        this.send(res, 400, statusBody(400, 'BadRequest', 'continue key is not valid'));
        return;
      }
    }
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const items = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const metadata: Obj = { resourceVersion: listRv };
    if (limit > 0 && offset + limit < all.length) {
      metadata.continue = Buffer.from(JSON.stringify({ rv: listRv, offset: offset + limit })).toString('base64url');
      metadata.remainingItemCount = all.length - offset - limit;
    }
    // Real list items carry no apiVersion/kind; the list does.
    const bare = items.map((i) => {
      const { apiVersion: _a, kind: _k, ...rest } = i;
      return rest;
    });
    this.send(res, 200, { kind, apiVersion, metadata, items: bare });
  }

  private watchNodes(res: http.ServerResponse, url: URL): void {
    this.watch(res, url, 'nodes', () => true);
  }

  private watch(res: http.ServerResponse, url: URL, resource: string, matches: (o: Obj) => boolean): void {
    if (this.failWatches) {
      this.send(res, 500, statusBody(500, 'InternalError', 'watch is broken on purpose'));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const from = Number(url.searchParams.get('resourceVersion') ?? '0');
    if (from > 0 && from < this.compactedRv) {
      res.end(
        `${JSON.stringify({ type: 'ERROR', object: statusBody(410, 'Expired', `too old resource version: ${from} (${this.compactedRv})`) })}\n`,
      );
      return;
    }
    const conn: WatchConn = { res, socket: res.socket as Socket, resource, matches };
    // resourceVersion 0 or absent means "start with the current state", as synthetic ADDs.
    const current =
      resource === 'nodes' ? [...this.nodes.values()] : this.all(resource as FakeResource).filter(matches);
    if (from === 0) for (const n of current) this.sendEvent(conn, { rv: this.rv, type: 'ADDED', object: n, resource });
    for (const ev of this.events)
      if (ev.rv > from && ev.resource === resource && matches(ev.object)) this.sendEvent(conn, ev);
    this.watches.add(conn);
    res.on('close', () => this.watches.delete(conn));
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? '0');
    if (timeoutSeconds > 0) {
      const timer = setTimeout(() => {
        if (this.watches.delete(conn)) res.end();
      }, timeoutSeconds * 1000);
      timer.unref();
      res.on('close', () => clearTimeout(timer));
    }
    this.watchesOpened++;
    this.emit('watch', this.watchesOpened);
  }
}

/** A realistic Node object for tests (the shape `kubectl get nodes -o json` prints). */
export function makeNode(
  name: string,
  extra: { labels?: Record<string, string>; taints?: Obj[]; cpu?: string; unschedulable?: boolean } = {},
): Obj {
  const spec: Obj = { podCIDR: '10.244.0.0/24' };
  if (extra.taints) spec.taints = extra.taints;
  if (extra.unschedulable) spec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: '2025-03-04T09:12:41Z',
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...(extra.labels ?? {}),
      },
    },
    spec,
    status: {
      allocatable: { cpu: extra.cpu ?? '4', memory: '16288736Ki', pods: '110' },
      capacity: { cpu: extra.cpu ?? '4', memory: '16391136Ki', pods: '110' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: '2025-06-12T08:41:07Z',
          lastTransitionTime: '2025-03-04T09:14:02Z',
        },
      ],
      nodeInfo: { architecture: 'amd64', operatingSystem: 'linux', kubeletVersion: 'v1.32.2' },
    },
  };
}

export function makePod(namespace: string, name: string, nodeName: string, cpu: string, phase = 'Running'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}` },
    spec: {
      nodeName,
      containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu } } }],
    },
    status: { phase },
  };
}
