// Side by side with yaml-language-server (the peer), issue 12: the same requests, over stdio,
// against both servers on three generated documents. Prints the figures and the peer/ours ratios.
//
// The peer is installed on demand into bench/tmp/peer (gitignored; `npm install --prefix`), never
// as a dependency of this project. It is configured with a strict (additionalProperties: false),
// kind-gated JSON schema of apps/v1 DaemonSet generated from our own Kubernetes 1.36 schema
// (server/src/schema/k8s-schema.json, enum values included), associated with every *.yaml file.
//
// Each (document, server) pair runs in a fresh server process so the peak RSS (VmHWM) is the
// document's own. Ours is started as docs/editors.md tells an editor to start it.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(__dirname, '..', '..');
const PEER_VERSION = '2.0.0';
const PEER_DIR = path.join(ROOT, 'bench', 'tmp', 'peer');
const PEER_BIN = path.join(PEER_DIR, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_FILE = path.join(PEER_DIR, 'daemonset.schema.json');
const WORK_DIR = path.join(ROOT, 'bench', 'tmp', 'docs');
/** The flags docs/editors.md gives (the same the VS Code client starts the server with). */
const OUR_FLAGS = ['--max-semi-space-size=4'];
/** yaml-language-server validates 200 ms after the last change (yamlSettings.validationDelayMs). */
const PEER_VALIDATION_DELAY_MS = 200;
const REPEAT = 5;

// --- the peer and its schema ---------------------------------------------------------------

function ensurePeer(): string | undefined {
  if (fs.existsSync(PEER_BIN)) return undefined;
  fs.mkdirSync(PEER_DIR, { recursive: true });
  if (!fs.existsSync(path.join(PEER_DIR, 'package.json')))
    fs.writeFileSync(path.join(PEER_DIR, 'package.json'), '{ "private": true }\n');
  try {
    execFileSync(
      'npm',
      ['install', '--prefix', PEER_DIR, '--no-save', '--no-audit', '--no-fund', `yaml-language-server@${PEER_VERSION}`],
      { stdio: 'pipe' },
    );
  } catch (e) {
    return `could not install yaml-language-server@${PEER_VERSION} into bench/tmp/peer (offline?): ${(e as Error).message.split('\n')[0]}`;
  }
  return fs.existsSync(PEER_BIN) ? undefined : 'yaml-language-server installed without its bin/yaml-language-server';
}

interface CompactProp {
  type?: string;
  ref?: string;
  items?: CompactProp;
  values?: CompactProp;
  enum?: string[];
  format?: string;
  description?: string;
}
interface CompactDef {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, CompactProp>;
  required?: string[];
}

/** JSON Schema (draft-07) of apps/v1 DaemonSet from our compact schema: strict and kind-gated. */
export function daemonSetJsonSchema(compact: { definitions: Record<string, CompactDef> }): object {
  const prop = (p: CompactProp): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (p.description) out.description = p.description;
    if (p.ref) return { ...out, $ref: `#/definitions/${p.ref}` };
    if (p.type) out.type = p.type;
    if (p.enum) out.enum = p.enum;
    if (p.items) out.items = prop(p.items);
    if (p.values) out.additionalProperties = prop(p.values);
    return out;
  };
  const definitions: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(compact.definitions)) {
    if (def.properties) {
      const properties: Record<string, unknown> = {};
      for (const [name, p] of Object.entries(def.properties)) properties[name] = prop(p);
      definitions[id] = {
        type: 'object',
        description: def.description,
        properties,
        additionalProperties: false,
        ...(def.required ? { required: def.required } : {}),
      };
    } else if (def.format === 'int-or-string' || id.endsWith('.Quantity')) {
      definitions[id] = {
        description: def.description,
        anyOf: [{ type: 'string' }, { type: 'integer' }, ...(id.endsWith('.Quantity') ? [{ type: 'number' }] : [])],
      };
    } else {
      definitions[id] = { description: def.description, ...(def.type ? { type: def.type } : {}) };
    }
  }
  const root = 'io.k8s.api.apps.v1.DaemonSet';
  const ds = definitions[root] as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  ds.properties.apiVersion = { ...ds.properties.apiVersion, enum: ['apps/v1'] };
  ds.properties.kind = { ...ds.properties.kind, enum: ['DaemonSet'] };
  ds.required = ['apiVersion', 'kind', 'metadata', 'spec'];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'apps/v1 DaemonSet (Kubernetes 1.36), strict',
    definitions,
    if: { type: 'object', properties: { kind: { const: 'DaemonSet' } }, required: ['kind'] },
    then: { $ref: `#/definitions/${root}` },
  };
}

// --- the three documents --------------------------------------------------------------------

/** A 90-line DaemonSet with `envItems` env entries; the blank indented line is a pod-spec key spot. */
export function daemonSet(i: number, envItems = 1): string {
  const env = Array.from(
    { length: envItems },
    (_, k) => `            - name: VAR_${k}\n              value: "value-${k}"\n`,
  ).join('');
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent-${i}
  namespace: monitoring
  labels:
    app.kubernetes.io/name: agent-${i}
    app.kubernetes.io/part-of: observability
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: agent-${i}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: agent-${i}
    spec:
      serviceAccountName: agent
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
        - operator: Exists
          effect: NoExecute
      containers:
        - name: agent
          image: registry.example.com/agent:1.${i}.0
          imagePullPolicy: IfNotPresent
          args:
            - --path.rootfs=/host
            - --web.listen-address=:9100
          env:
${env}            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
          ports:
            - name: metrics
              containerPort: 9100
              hostPort: 9100
              protocol: TCP
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              cpu: 200m
              memory: 128Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: 9100
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /ready
              port: 9100
            periodSeconds: 5
          volumeMounts:
            - name: root
              mountPath: /host
              readOnly: true
              mountPropagation: HostToContainer
            - name: sys
              mountPath: /host/sys
              readOnly: true
          securityContext:
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: 65534
      
      volumes:
        - name: root
          hostPath:
            path: /
        - name: sys
          hostPath:
            path: /sys
        - name: proc
          hostPath:
            path: /proc
`;
}

interface Doc {
  label: string;
  text: string;
}

export function documents(): Doc[] {
  return [
    { label: '90 lines', text: daemonSet(0) },
    { label: '200 docs', text: Array.from({ length: 200 }, (_, i) => daemonSet(i)).join('---\n') },
    { label: '5,000-item env', text: daemonSet(0, 5000) },
  ];
}

// --- a generic LSP client over stdio ---------------------------------------------------------

interface Pos {
  line: number;
  character: number;
}

/** Position of `needle` (+delta) in the last YAML document of `text`. */
function posIn(text: string, needle: string, delta = 0): Pos {
  const base = text.lastIndexOf('apiVersion: apps/v1');
  const at = text.indexOf(needle, base);
  if (at < 0) throw new Error(`no '${needle}'`);
  const before = text.slice(0, at + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

interface Server {
  name: string;
  child: ChildProcess;
  conn: ProtocolConnection;
  /** Resolves with the next publishDiagnostics for `uri`. */
  nextPublished(uri: string): Promise<number>;
  pull: boolean;
}

async function start(name: 'ours' | 'peer'): Promise<Server> {
  const args =
    name === 'ours' ? [...OUR_FLAGS, path.join(ROOT, 'dist', 'server.js'), '--stdio'] : [PEER_BIN, '--stdio'];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: WORK_DIR });
  child.stderr!.resume();
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, Array<(n: number) => void>>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    const list = waiting.get(p.uri);
    waiting.delete(p.uri);
    for (const resolve of list ?? []) resolve(p.diagnostics.length);
  });
  const yamlSettings = {
    schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.yaml'] },
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    yamlVersion: '1.1',
  };
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((i) => (i.section === 'yaml' ? yamlSettings : i.section === 'daemonset' ? {} : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/codeLens/refresh', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('telemetry/event', () => undefined);
  conn.listen();
  const root = pathToFileURL(WORK_DIR).href;
  // The same capabilities for both; a generic editor (no VS Code-specific extensions).
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { didSave: false },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
        diagnostic: { dynamicRegistration: false },
      },
    },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  return {
    name,
    child,
    conn,
    pull: name === 'ours',
    nextPublished(uri) {
      return new Promise((resolve) => {
        const list = waiting.get(uri) ?? [];
        list.push(resolve);
        waiting.set(uri, list);
      });
    },
  };
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  try {
    await s.conn.sendRequest(ShutdownRequest.type);
    await s.conn.sendNotification(ExitNotification.type);
  } catch {
    s.child.kill();
  }
  await exited;
  s.conn.dispose();
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  open: number;
  completion: number[];
  completionItems: number[];
  hover: number;
  hoverAnswered: number;
  edit: number;
  rssMiB: number;
}

async function run(name: 'ours' | 'peer', doc: Doc, index: number): Promise<Figures> {
  const s = await start(name);
  try {
    const uri = pathToFileURL(path.join(WORK_DIR, `doc-${index}-${name}.yaml`)).href;
    const text = doc.text;
    // Diagnostics for the document's current state: pulled from ours, awaited from the peer.
    const diagnostics = async (send: () => Promise<void>): Promise<number> => {
      const published = s.pull ? undefined : s.nextPublished(uri);
      const t0 = now();
      await send();
      if (published) await published;
      else await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return now() - t0;
    };
    const open = await diagnostics(() =>
      s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      }),
    );

    const completionAt: Pos[] = [
      { line: posIn(text, '      \n      volumes:').line, character: 6 }, // a pod-spec key
      posIn(text, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: '.length), // enum values
      posIn(text, 'dnsPolicy: ClusterFirstWithHostNet', 'dnsPolicy: '.length),
    ];
    const hoverAt: Pos[] = [
      'updateStrategy',
      'hostNetwork',
      'imagePullPolicy',
      'containerPort',
      'mountPropagation',
    ].map((k) => posIn(text, `${k}:`, 2));
    const completion: number[] = [];
    const completionItems: number[] = [];
    for (const position of completionAt) {
      const times: number[] = [];
      let items = 0;
      for (let r = 0; r <= REPEAT; r++) {
        const t0 = now();
        const res = (await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as
          { items?: unknown[] } | unknown[] | null;
        if (r > 0) times.push(now() - t0); // the first one also compiles the code path
        items = Array.isArray(res) ? res.length : (res?.items?.length ?? 0);
      }
      completion.push(median(times));
      completionItems.push(items);
    }
    const hoverTimes: number[] = [];
    let hoverAnswered = 0;
    for (let r = 0; r <= REPEAT; r++) {
      for (const position of hoverAt) {
        const t0 = now();
        const res = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        if (r > 0) hoverTimes.push(now() - t0);
        else if (res) hoverAnswered++;
      }
    }
    const edits: number[] = [];
    const cpu = posIn(text, 'cpu: 50m', 'cpu: 5'.length);
    for (let v = 2; v < 12; v++) {
      const change = {
        range: { start: cpu, end: { line: cpu.line, character: cpu.character + 1 } },
        text: v % 2 ? '0' : '1',
      };
      edits.push(
        await diagnostics(() =>
          s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: v },
            contentChanges: [change],
          }),
        ),
      );
    }
    const status = fs.readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    return {
      open,
      completion,
      completionItems,
      hover: median(hoverTimes),
      hoverAnswered,
      edit: median(edits),
      rssMiB: hwm,
    };
  } finally {
    await stop(s);
  }
}

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const ratio = (peer: number, ours: number) => `${(peer / ours).toFixed(1)}×`;

async function main(): Promise<void> {
  const problem = ensurePeer();
  if (problem) {
    console.log(`Not measured: ${problem}.`);
    return;
  }
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const compact = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'schema', 'k8s-schema.json'), 'utf8'));
  fs.writeFileSync(SCHEMA_FILE, JSON.stringify(daemonSetJsonSchema(compact)));
  const peerVersion = JSON.parse(
    fs.readFileSync(path.join(PEER_DIR, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8'),
  ).version;

  const rows: string[] = [];
  const ratios: string[] = [];
  for (const [i, doc] of documents().entries()) {
    const lines = doc.text.split('\n').length - 1;
    // Alternate who goes first, so neither always runs on a cooler machine.
    const [a, b] = i % 2 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const);
    const first = await run(a, doc, i);
    const second = await run(b, doc, i);
    const ours = a === 'ours' ? first : second;
    const peer = a === 'ours' ? second : first;
    for (const [who, x] of [
      ['ours', ours],
      ['peer', peer],
    ] as const) {
      rows.push(
        `| ${doc.label} (${lines} lines) | ${who} | ${f(x.open)} | ${x.completion.map(f).join(' / ')} (${x.completionItems.join('/')} items) | ${f(x.hover)} (${x.hoverAnswered}/5) | ${f(x.edit)} | ${x.rssMiB.toFixed(0)} |`,
      );
    }
    const peerEditWork = Math.max(peer.edit - PEER_VALIDATION_DELAY_MS, 0.01);
    const peerOpenWork = Math.max(peer.open - PEER_VALIDATION_DELAY_MS, 0.01);
    ratios.push(
      `| ${doc.label} | ${ratio(peer.open, ours.open)} (${ratio(peerOpenWork, ours.open)}) | ${peer.completion.map((p, k) => ratio(p, ours.completion[k])).join(' / ')} | ${ratio(peer.hover, ours.hover)} | ${ratio(peer.edit, ours.edit)} (${ratio(peerEditWork, ours.edit)}) | ${(ours.rssMiB / peer.rssMiB).toFixed(2)} |`,
    );
  }
  console.log(
    `Ours: \`node ${OUR_FLAGS.join(' ')} dist/server.js --stdio\`; peer: yaml-language-server ${peerVersion} (\`bench/tmp/peer\`) with a strict, kind-gated apps/v1 DaemonSet JSON schema generated from server/src/schema/k8s-schema.json. A fresh process per document and server; the same generic client capabilities for both; times in ms, medians of ${REPEAT} after one warm-up request (edits: median of 10 one-line edits). Ours answers pulled diagnostics; the peer pushes them ${PEER_VALIDATION_DELAY_MS} ms after the last change (its validation delay), so open and edit ratios are given with that delay and, in brackets, without it.`,
  );
  console.log();
  console.log(
    '| document | server | open → diagnostics | completion: pod-spec key / imagePullPolicy value / dnsPolicy value | hover, 5 keys (answered) | edit → diagnostics | peak RSS MiB |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(rows.join('\n'));
  console.log();
  console.log('Ratios peer/ours (higher is better for us; peak RSS is ours/peer, lower is better):');
  console.log();
  console.log(
    '| document | open → diagnostics | completion (3 spots) | hover | edit → diagnostics | peak RSS ours/peer |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(ratios.join('\n'));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
