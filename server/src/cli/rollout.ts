// `daemonset rollout <files…>`: how a change of each DaemonSet's pod template would roll out on
// the bundled example cluster, a snapshot file or a live kubeconfig context: strategy, the
// effective maxUnavailable/maxSurge, nodes at once, batches, blocked and Pending nodes, and a
// duration estimate. Clusters and manifests load as `daemonset placement` loads them.
import { describeState, type ClusterSnapshot, type ClusterSource } from '../cluster/source';
import { parseDocumentModel } from '../model';
import { ESTIMATE_MODEL, formatSeconds, planRollout, predictPlacement } from '../placement/index';
import type { DaemonSet, RolloutPlan } from '../placement/types';
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
import { openSource, parseDuration } from './placement';

const USAGE = `usage: daemonset rollout <files…> [--nodes <file>] [--pods <file>]
                         [--context <name>] [--kubeconfig <file>] [--request-timeout <10s>]
                         [--format text|json]

Says how a change of each DaemonSet's pod template would roll out: the strategy, the effective
maxUnavailable/maxSurge (percentages of the desired nodes, rounded up), nodes replaced at once,
the number of batches, nodes where a surge pod cannot start, and an estimated duration.
Cluster: --nodes (a "kubectl get nodes -o yaml" file, with --pods for resource fit),
or --context/--kubeconfig (a live cluster), or by default the bundled example cluster.
`;

interface Options {
  files: string[];
  nodes?: string;
  pods?: string;
  context?: string;
  kubeconfig?: string;
  timeoutMs?: number;
  format: 'text' | 'json';
}

function options(args: string[]): Options | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    nodes: { type: 'string' },
    pods: { type: 'string' },
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    'request-timeout': { type: 'string' },
    format: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const o: Options = { files: positionals, format: formatOption(stringValue(values, 'format')) };
  for (const key of ['nodes', 'pods', 'context', 'kubeconfig'] as const) {
    const v = stringValue(values, key);
    if (v !== undefined) o[key] = v;
  }
  const timeout = stringValue(values, 'request-timeout');
  if (timeout !== undefined) o.timeoutMs = parseDuration(timeout);
  if (positionals.length === 0) throw new UsageError('no manifest given');
  if (o.nodes && (o.context || o.kubeconfig))
    throw new UsageError('--nodes and --context/--kubeconfig choose different clusters; give one');
  if (o.pods && !o.nodes) throw new UsageError('--pods goes with --nodes (a live cluster lists its own pods)');
  return o;
}

interface Outcome {
  file: string;
  name: string;
  namespace: string;
  plan?: RolloutPlan;
  error?: string;
}

/** Control characters from files and clusters are shown escaped, never sent to the terminal. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
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

/** "≈ 1m 10s", "never completes", "-": the ESTIMATE column. */
function estimateCell(plan: RolloutPlan | undefined): string {
  if (!plan || plan.mode === 'onDelete' || plan.batches === 0) return '-';
  if (!plan.completes) return 'never completes';
  const total = plan.estimate?.totalSeconds;
  return total === undefined || total === 0 ? '-' : `≥ ${formatSeconds(total)}`;
}

export async function runRollout(args: string[], io: CliIo): Promise<number> {
  let o: Options;
  try {
    const parsed = options(args);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    o = parsed;
  } catch (e) {
    return reportUsageError(io, 'rollout', e, USAGE);
  }

  // The manifests first: a typo in a name should not wait on a cluster. Read as the editor reads
  // them (the document model: Helm masking, kind: List items, YAML 1.1).
  const found: Array<{ file: string; ds: DaemonSet; where: string }> = [];
  for (const file of o.files) {
    const read = await readManifestFile(file, io);
    if (!read.ok) {
      io.stderr(`daemonset rollout: ${clean(file)}: ${read.reason}\n`);
      return 2;
    }
    const { daemonSets, problems } = daemonSetsOf(parseDocumentModel(read.text));
    for (const p of problems) io.stderr(`daemonset rollout: warning: ${clean(file)}: ${clean(p)}\n`);
    if (daemonSets.length === 0) io.stderr(`daemonset rollout: warning: ${clean(file)}: no DaemonSet found\n`);
    for (const { ds, where, object } of daemonSets) {
      if (object.templated)
        io.stderr(
          `daemonset rollout: warning: ${clean(file)}: ${where} has template expressions ({{ … }}); the values inside them are unknown, the rest is used\n`,
        );
      found.push({ file, ds, where });
    }
  }
  if (found.length === 0) {
    io.stderr('daemonset rollout: no DaemonSet found in the files given\n');
    return 2;
  }

  let source: ClusterSource;
  try {
    source = await openSource(o, io);
  } catch (e) {
    io.stderr(`daemonset rollout: ${clean((e as Error).message)}\n`);
    return 2;
  }
  let snapshot: ClusterSnapshot;
  try {
    snapshot = await source.load();
  } finally {
    source.dispose();
  }
  if (snapshot.status.state !== 'ok') {
    io.stderr(
      `daemonset rollout: cannot read the cluster (${clean(source.label)}): ${clean(snapshot.status.message ?? '')}\n`,
    );
    return 2;
  }

  const outcomes: Outcome[] = found.map(({ file, ds }) => {
    const out: Outcome = {
      file,
      name: String(ds.metadata?.name ?? '(unnamed)'),
      namespace: String(ds.metadata?.namespace ?? 'default'),
    };
    try {
      out.plan = planRollout(ds, snapshot.state, predictPlacement(ds, snapshot.state));
    } catch (e) {
      // The engine promises not to throw on typed input; a manifest is untyped, so guard anyway.
      out.error = `cannot plan the rollout: ${(e as Error).message}`;
    }
    return out;
  });

  if (o.format === 'json') {
    const json = {
      cluster: {
        source: snapshot.source,
        readAt: snapshot.readAt,
        nodes: snapshot.state.nodes.length,
        pods: snapshot.state.pods?.length ?? null,
      },
      daemonsets: outcomes.map(({ file, name, namespace, plan, error }) => ({
        name,
        namespace,
        strategy: plan?.strategy ?? 'RollingUpdate',
        desired: plan?.desired ?? 0,
        maxUnavailable: plan?.maxUnavailable ?? 0,
        maxSurge: plan?.maxSurge ?? 0,
        batches: plan?.batches ?? 0,
        blockedNodes: (plan?.blockedNodes ?? []).map((b) => b.name),
        file,
        ...(error ? { error } : {}),
        ...(plan
          ? {
              mode: plan.mode,
              perBatch: plan.perBatch,
              completes: plan.completes,
              pendingNodes: plan.pendingNodes,
              blocked: plan.blockedNodes,
              ...(plan.wholeCluster ? { wholeCluster: plan.wholeCluster } : {}),
              fellBackToOneUnavailable: plan.fellBackToOneUnavailable,
              minReadySeconds: plan.minReadySeconds,
              ...(plan.estimate ? { estimate: plan.estimate } : {}),
              messages: plan.messages,
              problems: plan.problems,
            }
          : {}),
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }

  let out = `Cluster: ${clean(snapshot.source)} (${describeState(snapshot.state)})\n\n`;
  out += table([
    ['NAMESPACE', 'NAME', 'STRATEGY', 'DESIRED', 'MAX-UNAVAILABLE', 'MAX-SURGE', 'AT-ONCE', 'BATCHES', 'ESTIMATE'],
    ...outcomes.map(({ name, namespace, plan }) => [
      clean(namespace),
      clean(name),
      plan?.strategy ?? '-',
      String(plan?.desired ?? '-'),
      String(plan?.maxUnavailable ?? '-'),
      String(plan?.maxSurge ?? '-'),
      String(plan?.perBatch ?? '-'),
      String(plan?.batches ?? '-'),
      estimateCell(plan),
    ]),
  ]);
  let estimated = false;
  for (const d of outcomes) {
    out += `\n${clean(d.namespace)}/${clean(d.name)} (${clean(d.file)}):\n`;
    if (d.error || !d.plan) {
      out += `  ${clean(d.error ?? 'no plan')}\n`;
      continue;
    }
    const plan = d.plan;
    for (const p of plan.problems) out += `  The API server rejects this: ${clean(p)}.\n`;
    for (const m of plan.messages) out += `  ${clean(m)}\n`;
    if (plan.estimate && plan.batches > 0) {
      estimated = true;
      const total = plan.estimate.totalSeconds;
      out += `  Estimate: ${clean(plan.estimate.basis)}${total ? `; at least ${formatSeconds(total)} in all` : ''}.\n`;
    }
    if (plan.blockedNodes.length > 0) {
      out += `  Blocked nodes:\n`;
      const rows = table([
        ['NODE', 'REASON', 'DETAIL'],
        ...plan.blockedNodes.map((b) => [clean(b.name), b.reason, clean(b.detail)]),
      ]);
      out += rows
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}\n`)
        .join('');
    }
    if (plan.pendingNodes.length > 0) out += `  Pending nodes: ${plan.pendingNodes.map(clean).join(', ')}\n`;
  }
  if (estimated) out += `\n${ESTIMATE_MODEL}\n`;
  io.stdout(out);
  return 0;
}
