// Rollout findings on the current cluster, from the placement engine's planRollout. Never errors:
// the API server accepts these manifests; they roll out slower or harder than the author may
// expect on this cluster. Every message names the cluster source.
//   rolloutTooLong       the estimate exceeds daemonset.rollout.warnAfterMinutes
//   rolloutWholeCluster  a percentage that covers every desired node (all replaced at once)
//   rolloutSurgeNoRoom   maxSurge where a node has no room for the old and the new pod (host ports
//                        are the static hostPortWithSurge warning's)
import { DocumentModel, FieldPath, formatPath, ManifestObject, rangeOfPath } from '../../model';
import type { ManifestDiagnostic } from '../../model/manifestDiagnostic';
import { cachedRolloutPlan, formatSeconds } from '../../placement';
import type { DaemonSet, RolloutPlan } from '../../placement/types';
import type { FeatureContext } from '../context';

const ROLLING_UPDATE: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
const MAX_NAMES = 4;

export function rolloutDiagnostics(model: DocumentModel, ctx: FeatureContext): ManifestDiagnostic[] {
  const cluster = ctx.cluster;
  if (!cluster || model.skipped || cluster.state.nodes.length === 0) return [];
  const out: ManifestDiagnostic[] = [];
  for (const obj of model.daemonSets) {
    if (obj.templated || obj.document.errors.length > 0) continue;
    const value = obj.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const ds = value as DaemonSet;
    const template = ds.spec?.template?.spec;
    if (typeof template !== 'object' || template === null || Array.isArray(template)) continue;
    const plan = cachedRolloutPlan(ds, cluster.state);
    if (!plan || plan.mode === 'onDelete' || plan.problems.length > 0) continue;
    const report = (code: string, path: FieldPath, part: 'key' | 'value', message: string): void => {
      const [start, end] = rangeOfPath(obj, path, part);
      out.push({ code, severity: 'warning', message, path: formatPath(path), start, end });
    };
    checkDuration(report, plan, obj, ctx.settings.rollout?.warnAfterMinutes ?? 60, cluster.source);
    checkWholeCluster(report, plan, cluster.source);
    checkSurgeRoom(report, plan, cluster.source);
  }
  return out;
}

type Report = (code: string, path: FieldPath, part: 'key' | 'value', message: string) => void;

function budgetPath(plan: RolloutPlan): FieldPath {
  return [...ROLLING_UPDATE, plan.mode === 'surge' ? 'maxSurge' : 'maxUnavailable'];
}

function checkDuration(
  report: Report,
  plan: RolloutPlan,
  obj: ManifestObject,
  warnAfterMinutes: number,
  source: string,
): void {
  const total = plan.estimate?.totalSeconds;
  if (!(warnAfterMinutes > 0) || total === undefined || total <= warnAfterMinutes * 60) return;
  const field = plan.mode === 'surge' ? 'maxSurge' : 'maxUnavailable';
  const written = hasField(obj.value, budgetPath(plan));
  const message =
    `A rollout of a template change on ${source} takes at least ${formatSeconds(total)} by estimate ` +
    `(${plan.batches} batches of ${plan.perBatch} ${plan.perBatch === 1 ? 'node' : 'nodes'}, ${formatSeconds(plan.estimate!.perBatchSeconds)} each: ${plan.estimate!.basis}), ` +
    `more than daemonset.rollout.warnAfterMinutes (${warnAfterMinutes}). A larger ${field} (e.g. a percentage) replaces more nodes at once.`;
  // On the budget field when written; otherwise on the nearest field there is (updateStrategy or spec).
  report('rolloutTooLong', budgetPath(plan), written ? 'value' : 'key', message);
}

function checkWholeCluster(report: Report, plan: RolloutPlan, source: string): void {
  if (plan.wholeCluster === undefined) return;
  const message =
    plan.wholeCluster === 'maxUnavailable'
      ? `maxUnavailable ${plan.maxUnavailableValue} covers all ${plan.desired} desired nodes of ${source}: a rollout deletes every daemon pod at once, so no node keeps a running one until the new pods are up.`
      : `maxSurge ${plan.maxSurgeValue} covers all ${plan.desired} desired nodes of ${source}: a rollout starts a second pod on every node at once, so every node needs room for the old and the new pod together.`;
  report('rolloutWholeCluster', budgetPath(plan), 'value', message);
}

function checkSurgeRoom(report: Report, plan: RolloutPlan, source: string): void {
  const tight = plan.blockedNodes.filter((b) => b.reason === 'insufficientResources');
  if (tight.length === 0) return;
  const shown = tight
    .slice(0, MAX_NAMES)
    .map((b) => `${b.name} (${b.detail.replace(/^with the old pod still running: /, '')})`);
  const more = tight.length > MAX_NAMES ? `, … ${tight.length - MAX_NAMES} more` : '';
  const message =
    `On ${tight.length} ${tight.length === 1 ? 'node' : 'nodes'} of ${source} the surge pod does not fit next to the old pod: ${shown.join('; ')}${more}. ` +
    'The old pod is deleted only once the new one is available, so these nodes never update and the rollout never completes. Use maxUnavailable instead of maxSurge, or lower the requests.';
  report('rolloutSurgeNoRoom', budgetPath(plan), 'value', message);
}

function hasField(value: unknown, path: FieldPath): boolean {
  let cur = value;
  for (const step of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return false;
    if (!Object.hasOwn(cur, step as string)) return false;
    cur = (cur as Record<string, unknown>)[step as string];
  }
  return true;
}
