// Rollout hover: on `updateStrategy` (and its type, rollingUpdate, maxUnavailable, maxSurge) and
// `minReadySeconds`, what a change of the pod template would do on the current cluster: the
// effective numbers ("10% of 7 desired nodes → 1 node at a time, 7 batches"), what blocks or
// stalls, and the duration estimate. Returns only this section; the server merges it with the
// schema hover. The numbers come from the placement engine's planRollout, never a second copy.
import type { Hover } from 'vscode-languageserver';
import { DocumentModel, FieldPath, locate, overlapsTemplates, startsWith, toRange } from '../../model';
import { cachedRolloutPlan } from '../../placement';
import type { RolloutPlan } from '../../placement/types';
import type { FeatureContext } from '../context';

const UPDATE_STRATEGY: FieldPath = ['spec', 'updateStrategy'];
const MIN_READY: FieldPath = ['spec', 'minReadySeconds'];
/** Node names listed before "…". */
const MAX_NAMES = 6;

export function rolloutHover(model: DocumentModel, offset: number, ctx: FeatureContext): Hover | null {
  const cluster = ctx.cluster;
  if (!cluster) return null;
  const loc = locate(model, offset);
  if (!loc || loc.object.kind !== 'DaemonSet') return null;
  const onStrategy = startsWith(loc.path, UPDATE_STRATEGY) && loc.path.length <= 4;
  const onMinReady = loc.path.length === 2 && startsWith(loc.path, MIN_READY);
  if (!onStrategy && !onMinReady) return null;
  const value = loc.object.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const range = loc.node?.range;
  if (range && overlapsTemplates(model, range[0], range[2])) return null;
  const plan = cachedRolloutPlan(value, cluster.state);
  if (!plan) return null;
  const markdown = rolloutMarkdown(plan, cluster.source, onMinReady);
  return {
    contents: { kind: 'markdown', value: markdown },
    ...(range ? { range: toRange(model, range[0], range[1]) } : {}),
  };
}

/** The hover text for a plan; the estimate first when the cursor is on minReadySeconds. */
export function rolloutMarkdown(plan: RolloutPlan, source: string, estimateFirst = false): string {
  const out: string[] = [`**Rollout on ${md(source)}** (when the pod template changes):`];
  const lines = plan.messages.map((m) => `- ${md(m)}`);
  for (const p of plan.problems) lines.unshift(`- The API server rejects this: ${md(p)}.`);
  const estimate = estimateLine(plan);
  if (estimate && estimateFirst) out.push(estimate);
  if (lines.length > 0) out.push(lines.join('\n'));
  if (estimate && !estimateFirst) out.push(estimate);
  if (plan.blockedNodes.length > 0) out.push(`Blocked: ${names(plan.blockedNodes.map((b) => b.name))}.`);
  if (plan.pendingNodes.length > 0) out.push(`Pending: ${names(plan.pendingNodes)}.`);
  return out.join('\n\n');
}

function estimateLine(plan: RolloutPlan): string | undefined {
  const e = plan.estimate;
  if (!e || plan.batches === 0) return undefined;
  return `**Estimated duration:** ${md(e.summary)}. Per batch: ${md(e.basis)}.\n\n*${md(e.model)}*`;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).map((n) => (n ? md(n) : '(unnamed)'));
  return list.length > MAX_NAMES ? `${shown.join(', ')}, … ${list.length - MAX_NAMES} more` : shown.join(', ');
}

/** Text from manifests and clusters stays text in markdown. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}
