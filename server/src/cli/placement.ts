// `daemonset placement <manifest>`: where each DaemonSet in a manifest would run, node by node,
// on the bundled example cluster, a snapshot file or a live kubeconfig context.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { exampleClusterFiles, EXAMPLE_CLUSTER_LABEL } from '../cluster/exampleCluster';
import { yamlProblem } from '../cluster/snapshot';
import { KubeconfigError } from '../cluster/kubeconfig';
import { KubeconfigSource, type KubeconfigSourceOptions } from '../cluster/kubeconfigSource';
import { SnapshotFileSource } from '../cluster/snapshotSource';
import { describeState, type ClusterSnapshot, type ClusterSource } from '../cluster/source';
import { predictPlacement } from '../placement/index';
import type { DaemonSet, NodeVerdict, PlacementResult } from '../placement/types';

export interface PlacementIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** Where examples/cluster lives; found from this module's location when absent. */
  packageRoot?: string;
  /** KUBECONFIG and HOME come from here; process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

const USAGE = `usage: daemonset placement <manifest> [--nodes <file>] [--pods <file>]
                           [--context <name>] [--kubeconfig <file>] [--request-timeout <10s>]
                           [--format text|json]

Predicts, node by node, where the DaemonSets in <manifest> would run.
Cluster: --nodes (a "kubectl get nodes -o yaml" file, with --pods for resource fit),
or --context/--kubeconfig (a live cluster), or by default the bundled example cluster.
Verdicts: runs | pending (created, but the scheduler cannot place it) |
          excluded (no new pod; the detail says whether an existing one keeps running)
`;

const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

interface Options {
  manifest: string;
  nodes?: string;
  pods?: string;
  context?: string;
  kubeconfig?: string;
  timeoutMs?: number;
  format: 'text' | 'json';
}

class UsageError extends Error {}

function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (!m) throw new UsageError(`--request-timeout: "${v}" is not a duration such as 10s or 500ms`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? n : unit === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0) throw new UsageError('--request-timeout must be more than zero');
  return ms;
}

function parseArgs(args: string[]): Options | 'help' {
  const positional: string[] = [];
  const opts: Partial<Options> & { format: Options['format'] } = { format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-h' || arg === '--help') return 'help';
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--nodes':
        opts.nodes = value();
        break;
      case '--pods':
        opts.pods = value();
        break;
      case '--context':
        opts.context = value();
        break;
      case '--kubeconfig':
        opts.kubeconfig = value();
        break;
      case '--request-timeout':
        opts.timeoutMs = parseDuration(value());
        break;
      case '--format':
      case '--output':
      case '-o': {
        const f = value();
        if (f !== 'json' && f !== 'text') throw new UsageError(`--format must be text or json, not "${f}"`);
        opts.format = f;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (positional.length === 0) throw new UsageError('no manifest given');
  if (positional.length > 1) throw new UsageError(`one manifest at a time (got ${positional.join(', ')})`);
  if (opts.nodes && (opts.context || opts.kubeconfig)) throw new UsageError('--nodes and --context/--kubeconfig choose different clusters; give one');
  if (opts.pods && !opts.nodes) throw new UsageError('--pods goes with --nodes (a live cluster lists its own pods)');
  return { ...opts, manifest: positional[0] as string };
}

/** The directory holding package.json of this package, from the CLI bundle or the compiled tree. */
function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'examples', 'cluster', 'nodes.yaml')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return start;
}

interface FoundDaemonSet {
  ds: DaemonSet;
  where: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every DaemonSet document, also inside `kind: List` items; other documents are ignored. */
export function extractDaemonSets(text: string): { daemonSets: FoundDaemonSet[]; problems: string[] } {
  const daemonSets: FoundDaemonSet[] = [];
  const problems: string[] = [];
  // YAML 1.1 as the API server's decoder reads manifests (0640 is octal, yes/no are booleans).
  const docs = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const where = list.length > 1 ? `document ${i + 1}` : 'the document';
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      problems.push(`${where} is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${yamlProblem(err.message)}`);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push(`${where} cannot be read: ${(e as Error).message}`);
      return;
    }
    if (!isObj(value)) return;
    if (value.kind === 'DaemonSet') daemonSets.push({ ds: value as DaemonSet, where });
    else if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, j) => {
        if (isObj(item) && item.kind === 'DaemonSet') daemonSets.push({ ds: item as DaemonSet, where: `${where} items[${j}]` });
      });
    }
  });
  return { daemonSets, problems };
}

function verdictWord(v: NodeVerdict): string {
  if (v.shouldRun) return v.pending ? 'pending' : 'runs';
  // Like `kubectl get ds`, a node either counts towards DESIRED or not; whether a pod already
  // there survives is in the detail (and shouldContinueRunning in JSON).
  return 'excluded';
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd()).join('\n') + '\n';
}

interface Outcome {
  name: string;
  namespace: string;
  where: string;
  result?: PlacementResult;
  error?: string;
}

async function openSource(o: Options, io: PlacementIo): Promise<ClusterSource> {
  if (o.nodes) {
    const opts: ConstructorParameters<typeof SnapshotFileSource>[0] = { nodesFile: resolve(io.cwd, o.nodes) };
    if (o.pods) opts.podsFile = resolve(io.cwd, o.pods);
    return new SnapshotFileSource(opts);
  }
  if (o.context || o.kubeconfig) {
    const opts: KubeconfigSourceOptions = { includePods: true, watch: false, env: io.env ?? process.env };
    if (o.context) opts.context = o.context;
    if (o.kubeconfig) opts.kubeconfig = o.kubeconfig.split(delimiter).filter((p) => p).map((p) => resolve(io.cwd, p));
    if (o.timeoutMs) opts.timeoutMs = o.timeoutMs;
    return KubeconfigSource.create(opts);
  }
  const root = io.packageRoot ?? findPackageRoot(__dirname);
  return new SnapshotFileSource({ ...exampleClusterFiles(root), label: EXAMPLE_CLUSTER_LABEL, id: 'example' });
}

export async function runPlacement(args: string[], io: PlacementIo): Promise<number> {
  let o: Options;
  try {
    const parsed = parseArgs(args);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    o = parsed;
  } catch (e) {
    io.stderr(`daemonset placement: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }

  // The manifest first: a typo in its name should not wait on a cluster.
  const manifestPath = resolve(io.cwd, o.manifest);
  let text: string;
  try {
    const st = statSync(manifestPath);
    if (!st.isFile()) throw new Error('is not a file');
    if (st.size > MAX_MANIFEST_BYTES) throw new Error(`is over ${MAX_MANIFEST_BYTES / 1048576} MiB`);
    text = readFileSync(manifestPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`daemonset placement: ${o.manifest}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 2;
  }
  const { daemonSets, problems } = extractDaemonSets(text);
  if (daemonSets.length === 0) {
    const why = problems.length ? `: ${problems[0]}` : '';
    io.stderr(`daemonset placement: ${o.manifest}: no DaemonSet found${why}\n`);
    return 2;
  }
  for (const p of problems) io.stderr(`daemonset placement: warning: ${o.manifest}: ${p}\n`);

  let source: ClusterSource;
  try {
    source = await openSource(o, io);
  } catch (e) {
    const msg = e instanceof KubeconfigError ? e.message : (e as Error).message;
    io.stderr(`daemonset placement: ${msg}\n`);
    return 2;
  }
  let snapshot: ClusterSnapshot;
  try {
    snapshot = await source.load();
  } finally {
    source.dispose();
  }
  if (snapshot.status.state !== 'ok') {
    io.stderr(`daemonset placement: cannot read the cluster (${source.label}): ${snapshot.status.message}\n`);
    return 2;
  }

  const outcomes: Outcome[] = daemonSets.map(({ ds, where }) => {
    const outcome: Outcome = { name: ds.metadata?.name ?? '(unnamed)', namespace: ds.metadata?.namespace ?? 'default', where };
    try {
      outcome.result = predictPlacement(ds, snapshot.state);
    } catch (e) {
      // The engine promises not to throw on typed input; a manifest is untyped, so guard anyway.
      outcome.error = `cannot predict placement: ${(e as Error).message}`;
    }
    return outcome;
  });

  if (o.format === 'json') {
    const json = {
      cluster: { source: snapshot.source, readAt: snapshot.readAt, nodes: snapshot.state.nodes.length, pods: snapshot.state.pods?.length ?? null },
      daemonsets: outcomes.map((d) => ({
        name: d.name,
        namespace: d.namespace,
        desired: d.result?.desired ?? 0,
        pending: d.result?.pending ?? 0,
        excluded: d.result?.excluded ?? 0,
        ...(d.error ? { error: d.error } : {}),
        nodes: (d.result?.nodes ?? []).map((v) => ({
          name: v.name,
          shouldRun: v.shouldRun,
          shouldContinueRunning: v.shouldContinueRunning,
          pending: v.pending,
          reason: v.reason,
          detail: v.detail,
        })),
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }

  let out = `Cluster: ${snapshot.source} (${describeState(snapshot.state)})\n\n`;
  out += table([
    ['NAMESPACE', 'NAME', 'DESIRED', 'PENDING', 'EXCLUDED'],
    ...outcomes.map((d) => [d.namespace, d.name, String(d.result?.desired ?? '-'), String(d.result?.pending ?? '-'), String(d.result?.excluded ?? '-')]),
  ]);
  for (const d of outcomes) {
    out += `\n${d.namespace}/${d.name}:\n`;
    if (d.error || !d.result) {
      out += `  ${d.error ?? 'no result'}\n`;
      continue;
    }
    out += table([['NODE', 'VERDICT', 'REASON', 'DETAIL'], ...d.result.nodes.map((v) => [v.name, verdictWord(v), v.reason, v.detail])]);
  }
  io.stdout(out);
  return 0;
}
