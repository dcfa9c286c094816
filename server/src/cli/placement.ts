// `daemonset placement <manifest>`: where each DaemonSet in a manifest would run, node by node,
// on the bundled example cluster, a snapshot file or a live kubeconfig context.
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { exampleClusterFiles, EXAMPLE_CLUSTER_LABEL } from '../cluster/exampleCluster';
import { KubeconfigError } from '../cluster/kubeconfig';
import { KubeconfigSource, type KubeconfigSourceOptions } from '../cluster/kubeconfigSource';
import { SnapshotFileSource } from '../cluster/snapshotSource';
import { describeState, type ClusterSnapshot, type ClusterSource } from '../cluster/source';
import { predictPlacement } from '../placement/index';
import type { NodeVerdict, PlacementResult } from '../placement/types';
import {
  formatOption,
  modelOfFile,
  parseCommandArgs,
  readManifestFile,
  reportUsageError,
  stringValue,
  UsageError,
  type CliIo,
} from './io';
import { daemonSetsOf, extractDaemonSets } from './manifest';

export { extractDaemonSets };

const USAGE = `usage: daemonset placement <manifest> [--nodes <file>] [--pods <file>]
                           [--context <name>] [--kubeconfig <file>] [--request-timeout <10s>]
                           [--format text|json]

Predicts, node by node, where the DaemonSets in <manifest> would run.
Cluster: --nodes (a "kubectl get nodes -o yaml" file, with --pods for resource fit),
or --context/--kubeconfig (a live cluster), or by default the bundled example cluster.
Verdicts: runs | pending (created, but the scheduler cannot place it) |
          excluded (no new pod; the detail says whether an existing one keeps running)
`;

interface Options {
  manifest: string;
  nodes?: string;
  pods?: string;
  context?: string;
  kubeconfig?: string;
  timeoutMs?: number;
  format: 'text' | 'json';
}

export function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (!m) throw new UsageError(`--request-timeout: "${v}" is not a duration such as 10s or 500ms`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? n : unit === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0) throw new UsageError('--request-timeout must be more than zero');
  return ms;
}

function parsePlacementArgs(args: string[]): Options | 'help' {
  const { values, positionals: positional } = parseCommandArgs(args, {
    nodes: { type: 'string' },
    pods: { type: 'string' },
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    'request-timeout': { type: 'string' },
    format: { type: 'string', short: 'o' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const opts: Partial<Options> & { format: Options['format'] } = {
    format: formatOption(stringValue(values, 'format') ?? stringValue(values, 'output')),
  };
  for (const key of ['nodes', 'pods', 'context', 'kubeconfig'] as const) {
    const v = stringValue(values, key);
    if (v !== undefined) opts[key] = v;
  }
  const timeout = stringValue(values, 'request-timeout');
  if (timeout !== undefined) opts.timeoutMs = parseDuration(timeout);
  if (positional.length === 0) throw new UsageError('no manifest given');
  if (positional.length > 1) throw new UsageError(`one manifest at a time (got ${positional.join(', ')})`);
  if (opts.nodes && (opts.context || opts.kubeconfig))
    throw new UsageError('--nodes and --context/--kubeconfig choose different clusters; give one');
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

function verdictWord(v: NodeVerdict): string {
  if (v.shouldRun) return v.pending ? 'pending' : 'runs';
  // Like `kubectl get ds`, a node either counts towards DESIRED or not; whether a pod already
  // there survives is in the detail (and shouldContinueRunning in JSON).
  return 'excluded';
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3)))
          .join('')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

interface Outcome {
  name: string;
  namespace: string;
  where: string;
  result?: PlacementResult;
  error?: string;
}

export async function openSource(
  o: Pick<Options, 'nodes' | 'pods' | 'context' | 'kubeconfig' | 'timeoutMs'>,
  io: CliIo,
): Promise<ClusterSource> {
  if (o.nodes) {
    const opts: ConstructorParameters<typeof SnapshotFileSource>[0] = { nodesFile: resolve(io.cwd, o.nodes) };
    if (o.pods) opts.podsFile = resolve(io.cwd, o.pods);
    return new SnapshotFileSource(opts);
  }
  if (o.context || o.kubeconfig) {
    const opts: KubeconfigSourceOptions = { includePods: true, watch: false, env: io.env ?? process.env };
    if (o.context) opts.context = o.context;
    if (o.kubeconfig)
      opts.kubeconfig = o.kubeconfig
        .split(delimiter)
        .filter((p) => p)
        .map((p) => resolve(io.cwd, p));
    if (o.timeoutMs) opts.timeoutMs = o.timeoutMs;
    return KubeconfigSource.create(opts);
  }
  const root = io.packageRoot ?? findPackageRoot(__dirname);
  return new SnapshotFileSource({ ...exampleClusterFiles(root), label: EXAMPLE_CLUSTER_LABEL, id: 'example' });
}

export async function runPlacement(args: string[], io: CliIo): Promise<number> {
  let o: Options;
  try {
    const parsed = parsePlacementArgs(args);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    o = parsed;
  } catch (e) {
    return reportUsageError(io, 'placement', e, USAGE);
  }

  // The manifest first: a typo in its name should not wait on a cluster.
  const read = await readManifestFile(o.manifest, io);
  if (!read.ok) {
    io.stderr(`daemonset placement: ${o.manifest}: ${read.reason}\n`);
    return 2;
  }
  const model = modelOfFile(read);
  const { daemonSets, problems } = daemonSetsOf(model);
  if (daemonSets.length === 0) {
    const why = problems.length ? `: ${problems[0]}` : '';
    io.stderr(`daemonset placement: ${o.manifest}: no DaemonSet found${why}\n`);
    // A manifest that is there but broken (not YAML, nested too deep) is a finding, as in lint.
    return problems.length && !model.skipped ? 1 : 2;
  }
  for (const p of problems) io.stderr(`daemonset placement: warning: ${o.manifest}: ${p}\n`);
  for (const { object, where } of daemonSets) {
    if (object.templated)
      io.stderr(
        `daemonset placement: warning: ${o.manifest}: ${where} has template expressions ({{ … }}); the values inside them are unknown, the rest is used\n`,
      );
  }

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
    const outcome: Outcome = {
      name: ds.metadata?.name ?? '(unnamed)',
      namespace: ds.metadata?.namespace ?? 'default',
      where,
    };
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
      cluster: {
        source: snapshot.source,
        readAt: snapshot.readAt,
        nodes: snapshot.state.nodes.length,
        pods: snapshot.state.pods?.length ?? null,
      },
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
    ...outcomes.map((d) => [
      d.namespace,
      d.name,
      String(d.result?.desired ?? '-'),
      String(d.result?.pending ?? '-'),
      String(d.result?.excluded ?? '-'),
    ]),
  ]);
  for (const d of outcomes) {
    out += `\n${d.namespace}/${d.name}:\n`;
    if (d.error || !d.result) {
      out += `  ${d.error ?? 'no result'}\n`;
      continue;
    }
    out += table([
      ['NODE', 'VERDICT', 'REASON', 'DETAIL'],
      ...d.result.nodes.map((v) => [v.name, verdictWord(v), v.reason, v.detail]),
    ]);
  }
  io.stdout(out);
  return 0;
}
