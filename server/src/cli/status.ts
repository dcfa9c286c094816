// `daemonset status <manifest>`: for each DaemonSet of the manifest, the same namespace/name in
// the cluster: `kubectl get ds`, `kubectl rollout status` (one look), and per node the actual
// daemon pods next to the prediction, with the drift. The bundled example cluster (with its
// live.yaml) by default, or a kubeconfig context.
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { exampleClusterFiles, exampleLiveFile, EXAMPLE_CLUSTER_LABEL } from '../cluster/exampleCluster';
import { KubeconfigError } from '../cluster/kubeconfig';
import { KubeconfigSource, type KubeconfigSourceOptions } from '../cluster/kubeconfigSource';
import { LiveFile } from '../cluster/liveFile';
import type { LiveSnapshot } from '../cluster/liveWatch';
import { SnapshotFileSource } from '../cluster/snapshotSource';
import { describeState, type ClusterSnapshot } from '../cluster/source';
import { parseDocumentModel } from '../model';
import { predictPlacement } from '../placement/index';
import { formatTable, liveStatusView, type LiveStatusView } from '../placement/liveStatus';
import {
  formatOption,
  parseCommandArgs,
  readManifestFile,
  reportUsageError,
  stringValue,
  UsageError,
  type CliIo,
} from './io';
import { daemonSetsOf } from './manifest';

const USAGE = `usage: daemonset status <manifest> [--context <name>] [--kubeconfig <file>] [--format text|json]

For each DaemonSet in <manifest>, the one with the same namespace and name in the cluster:
its "kubectl get ds" row, "kubectl rollout status", and per node the actual daemon pods
next to the prediction for the manifest, with the drift (a predicted pod that is missing,
a pod that apply would delete, pods on an old revision).
Cluster: --context/--kubeconfig (a live cluster), or by default the bundled example cluster.
`;

interface Options {
  manifest: string;
  context?: string;
  kubeconfig?: string;
  format: 'text' | 'json';
}

function parseStatusArgs(args: string[]): Options | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    format: { type: 'string', short: 'o' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no manifest given');
  if (positionals.length > 1) throw new UsageError(`one manifest at a time (got ${positionals.join(', ')})`);
  const o: Options = {
    manifest: positionals[0] as string,
    format: formatOption(stringValue(values, 'format') ?? stringValue(values, 'output')),
  };
  const context = stringValue(values, 'context');
  const kubeconfig = stringValue(values, 'kubeconfig');
  if (context !== undefined) o.context = context;
  if (kubeconfig !== undefined) o.kubeconfig = kubeconfig;
  return o;
}

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

interface Reader {
  label: string;
  nodes(): Promise<ClusterSnapshot>;
  live(namespace: string, name: string): Promise<LiveSnapshot>;
  dispose(): void;
}

async function openReader(o: Options, io: CliIo): Promise<Reader> {
  if (o.context || o.kubeconfig) {
    const opts: KubeconfigSourceOptions = { includePods: true, watch: false, env: io.env ?? process.env };
    if (o.context) opts.context = o.context;
    if (o.kubeconfig)
      opts.kubeconfig = o.kubeconfig
        .split(delimiter)
        .filter((p) => p)
        .map((p) => resolve(io.cwd, p));
    const source = await KubeconfigSource.create(opts);
    return {
      label: source.label,
      nodes: () => source.load(),
      async live(namespace, name) {
        const w = source.watchDaemonSet({ namespace, name });
        try {
          return await w.start();
        } finally {
          w.dispose();
        }
      },
      dispose: () => source.dispose(),
    };
  }
  const root = io.packageRoot ?? findPackageRoot(__dirname);
  const nodes = new SnapshotFileSource({ ...exampleClusterFiles(root), label: EXAMPLE_CLUSTER_LABEL, id: 'example' });
  const file = new LiveFile(exampleLiveFile(root));
  const loaded = file.load();
  return {
    label: EXAMPLE_CLUSTER_LABEL,
    nodes: () => nodes.load(),
    live: async (namespace, name) => {
      await loaded;
      return file.lookup(namespace, name);
    },
    dispose: () => nodes.dispose(),
  };
}

function textOf(v: LiveStatusView): string {
  let out = `${v.namespace}/${v.name}:\n`;
  if (!v.table) return `${out}  ${v.message ?? v.state}\n`;
  out += v.table;
  if (v.rolloutStatus)
    out += `\n${v.rolloutStatus.error ? `error: ${v.rolloutStatus.message}` : v.rolloutStatus.message}\n`;
  const rows = [...v.nodes, ...v.stray];
  if (rows.length) {
    out += `\n${formatTable([
      ['NODE', 'PREDICTED', 'POD', 'STATUS', 'READY', 'RESTARTS', 'REVISION', 'AGE', 'DRIFT'],
      ...rows.map((r) => {
        const p = r.pods[0];
        return [
          r.node,
          r.predicted,
          p ? p.name + (r.pods.length > 1 ? ` (+${r.pods.length - 1})` : '') : '-',
          p?.status ?? '',
          p?.ready ?? '',
          p ? String(p.restarts) : '',
          p?.revision ?? '',
          p?.age ?? '',
          r.drift.map((d) => d.kind).join(',') || '-',
        ];
      }),
    ])}`;
    const drift = rows.flatMap((r) => r.drift.map((d) => `  ${r.node}: ${d.message}`));
    if (drift.length) out += `\nDrift:\n${drift.join('\n')}\n`;
  }
  return out;
}

export async function runStatus(args: string[], io: CliIo): Promise<number> {
  let o: Options;
  try {
    const parsed = parseStatusArgs(args);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    o = parsed;
  } catch (e) {
    return reportUsageError(io, 'status', e, USAGE);
  }
  const read = await readManifestFile(o.manifest, io);
  if (!read.ok) {
    io.stderr(`daemonset status: ${o.manifest}: ${read.reason}\n`);
    return 2;
  }
  const { daemonSets, problems } = daemonSetsOf(parseDocumentModel(read.text));
  if (daemonSets.length === 0) {
    io.stderr(`daemonset status: ${o.manifest}: no DaemonSet found${problems.length ? `: ${problems[0]}` : ''}\n`);
    return 2;
  }
  for (const p of problems) io.stderr(`daemonset status: warning: ${o.manifest}: ${p}\n`);

  let reader: Reader;
  try {
    reader = await openReader(o, io);
  } catch (e) {
    io.stderr(`daemonset status: ${e instanceof KubeconfigError ? e.message : (e as Error).message}\n`);
    return 2;
  }
  try {
    const snapshot = await reader.nodes();
    if (snapshot.status.state !== 'ok') {
      io.stderr(`daemonset status: cannot read the cluster (${reader.label}): ${snapshot.status.message}\n`);
      return 2;
    }
    const now = Date.now();
    const views: LiveStatusView[] = [];
    let failed = false;
    for (const { ds } of daemonSets) {
      const name = ds.metadata?.name ?? '';
      const namespace = ds.metadata?.namespace ?? 'default';
      const live = await reader.live(namespace, name);
      if (live.state !== 'ok') failed = true;
      const meta: Parameters<typeof liveStatusView>[3] = {
        source: reader.label,
        state: live.state,
        namespace,
        name,
        readAt: live.readAt,
      };
      if (live.message) meta.message = live.message;
      views.push(liveStatusView(predictPlacement(ds, snapshot.state), live.live, now, meta));
    }
    if (o.format === 'json')
      io.stdout(
        `${JSON.stringify({ cluster: { source: reader.label, nodes: snapshot.state.nodes.length }, daemonsets: views }, null, 2)}\n`,
      );
    else io.stdout(`Cluster: ${reader.label} (${describeState(snapshot.state)})\n\n${views.map(textOf).join('\n')}`);
    return failed ? 2 : 0;
  } finally {
    reader.dispose();
  }
}
