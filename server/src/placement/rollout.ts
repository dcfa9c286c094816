// The rollout plan: what the DaemonSet controller does when the pod template changes, on the nodes
// the placement engine predicts. Pure arithmetic over the manifest and a PlacementResult.
//
// Mirrors (kubernetes/kubernetes, release 1.36):
//   pkg/apis/apps/v1/defaults.go                  SetDefaults_DaemonSet (RollingUpdate, 1 / 0, history 10)
//   pkg/apis/apps/validation/validation.go        ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet
//   staging/.../apimachinery/pkg/util/intstr      GetScaledValueFromIntOrPercent, getIntOrPercentValueSafely
//   pkg/controller/daemon/util/daemonset_util.go  UnavailableCount, SurgeCount
//   pkg/controller/daemon/update.go               updatedDesiredNodeCounts (the 0/0 guard), rollingUpdate
//
// How rollingUpdate proceeds (update.go), which the batch count follows:
//   - maxSurge 0: each sync deletes old *available* pods until maxUnavailable nodes are without an
//     available pod; the manage loop creates the new pods; the next deletions wait until those are
//     available (ready for minReadySeconds). New pods that never become available (Pending) keep
//     counting against maxUnavailable, so they slow the rollout and can stall it.
//   - maxSurge > 0: each sync creates new pods next to old available ones on up to maxSurge nodes;
//     an old pod is deleted once the new pod on its node is available. A surge pod that cannot start
//     while the old pod runs (the old pod holds its host port, or the node has no room for both)
//     keeps its surge slot forever: that node never updates.
//   A full rollout therefore takes ceil(desired / nodes-at-once) rounds.
//
// The estimate (ESTIMATE_MODEL) is a floor, not a prediction.

import type {
  ClusterState,
  Container,
  DaemonSet,
  NodeVerdict,
  PlacementResult,
  PodSpec,
  ResourceShortfall,
} from './types';
import type { BlockedNode, RolloutEstimate, RolloutPlan, RolloutStrategy } from './types';
import { asArray, asRecord, asString, isRecord, type UnknownRecord } from './shape';
import { predictPlacement } from './predict';
import { cachedPlacement } from './placementCache';
import { podHostPorts } from './hostPorts';
import { formatAmount, podRequests, resourceKind, resourceLabel } from './resources';

/** Words for the estimate, shown wherever the estimate is. */
export const ESTIMATE_MODEL =
  'Estimate: batches × (time for a new pod to become Ready + minReadySeconds). A pod is taken to be Ready ' +
  'when, for its slowest container, the startup probe and then the readiness probe have passed: each probe ' +
  'counts initialDelaySeconds + successThreshold × periodSeconds (the first probe that counts comes within one ' +
  'period after the initial delay); a container without probes is Ready as soon as it starts. Not counted: image ' +
  "pulls, container start-up, the old pods' termination (terminationGracePeriodSeconds) and controller sync delays, " +
  'so a real rollout takes longer.';

// --- intstr ------------------------------------------------------------------------------------

export type ScaledValue = { value: number; percent: boolean } | { error: string };

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, "N%" as N percent of `total` (rounded up
 * or down); any other string is an error (getIntOrPercentValueSafely: the `%` must end it and
 * strconv.Atoi must read the rest). `value` is an IntOrString as YAML/JSON gives it.
 */
export function scaledValueFromIntOrPercent(value: unknown, total: number, roundUp: boolean): ScaledValue {
  if (value === undefined || value === null) return { error: 'nil value for IntOrString' };
  if (typeof value === 'number') {
    // JSON decoding into IntOrString's int32 rejects fractions and out-of-range numbers.
    if (!Number.isInteger(value) || value > 2147483647 || value < -2147483648)
      return { error: `invalid value ${value}: not an int32` };
    return { value, percent: false };
  }
  if (typeof value !== 'string') return { error: 'invalid type: neither int nor percentage' };
  if (!value.endsWith('%')) return { error: 'invalid type: string is not a percentage' };
  const digits = value.slice(0, -1);
  // strconv.Atoi: an optional sign and decimal digits, within int64.
  if (!/^[+-]?[0-9]+$/.test(digits)) return { error: `invalid value "${value}"` };
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return { error: `invalid value "${value}": out of range` };
  const scaled = (n * total) / 100;
  return { value: roundUp ? Math.ceil(scaled) : Math.floor(scaled), percent: true };
}

// --- defaulting --------------------------------------------------------------------------------

export interface DefaultedUpdateStrategy {
  /** As written when set (validation decides whether it is supported), else RollingUpdate. */
  type: string;
  rollingUpdate?: { maxUnavailable?: unknown; maxSurge?: unknown };
}

/** SetDefaults_DaemonSet for the fields a rollout reads: updateStrategy and revisionHistoryLimit. */
export function defaultDaemonSetSpec(ds: DaemonSet | unknown): {
  updateStrategy: DefaultedUpdateStrategy;
  revisionHistoryLimit: unknown;
} {
  const spec = asRecord(asRecord(ds)?.['spec']);
  const written = asRecord(spec?.['updateStrategy']);
  const rawType = written?.['type'];
  const type =
    rawType === undefined || rawType === null || rawType === ''
      ? 'RollingUpdate'
      : typeof rawType === 'string'
        ? rawType
        : String(rawType);
  const strategy: DefaultedUpdateStrategy = { type };
  const rawRolling = written?.['rollingUpdate'];
  const rolling = asRecord(rawRolling);
  if (type === 'RollingUpdate') {
    const ru = rolling ?? {};
    strategy.rollingUpdate = {
      maxUnavailable: ru['maxUnavailable'] === undefined || ru['maxUnavailable'] === null ? 1 : ru['maxUnavailable'],
      maxSurge: ru['maxSurge'] === undefined || ru['maxSurge'] === null ? 0 : ru['maxSurge'],
    };
  } else if (rolling !== undefined) {
    // Kept as written: OnDelete ignores it (validation accepts it).
    strategy.rollingUpdate = { maxUnavailable: rolling['maxUnavailable'], maxSurge: rolling['maxSurge'] };
  }
  const history = spec?.['revisionHistoryLimit'];
  return { updateStrategy: strategy, revisionHistoryLimit: history === undefined || history === null ? 10 : history };
}

// --- the controller's counts ---------------------------------------------------------------------

/** util.UnavailableCount: 0 unless RollingUpdate; else maxUnavailable scaled, rounded up. */
export function unavailableCount(strategy: DefaultedUpdateStrategy, numberToSchedule: number): ScaledValue {
  if (strategy.type !== 'RollingUpdate' || strategy.rollingUpdate === undefined) return { value: 0, percent: false };
  return scaledValueFromIntOrPercent(strategy.rollingUpdate.maxUnavailable, numberToSchedule, true);
}

/** util.SurgeCount: 0 unless RollingUpdate with maxSurge set; else maxSurge scaled, rounded up. */
export function surgeCount(strategy: DefaultedUpdateStrategy, numberToSchedule: number): ScaledValue {
  if (strategy.type !== 'RollingUpdate' || strategy.rollingUpdate === undefined) return { value: 0, percent: false };
  const surge = strategy.rollingUpdate.maxSurge;
  if (surge === undefined || surge === null) return { value: 0, percent: false };
  return scaledValueFromIntOrPercent(surge, numberToSchedule, true);
}

export type DesiredNodeCounts =
  | { maxSurge: number; maxUnavailable: number; desiredNumberScheduled: number; fellBackToOneUnavailable: boolean }
  | { error: string };

/**
 * update.go updatedDesiredNodeCounts, given desiredNumberScheduled (the nodes where
 * NodeShouldRunDaemonPod says run): both budgets, and the guard that turns 0/0 on a non-empty set
 * into 1 unavailable.
 */
export function updatedDesiredNodeCounts(
  strategy: DefaultedUpdateStrategy,
  desiredNumberScheduled: number,
): DesiredNodeCounts {
  const unavailable = unavailableCount(strategy, desiredNumberScheduled);
  if ('error' in unavailable) return { error: `invalid value for MaxUnavailable: ${unavailable.error}` };
  const surge = surgeCount(strategy, desiredNumberScheduled);
  if ('error' in surge) return { error: `invalid value for MaxSurge: ${surge.error}` };
  const fellBack = desiredNumberScheduled > 0 && unavailable.value === 0 && surge.value === 0;
  return {
    maxSurge: surge.value,
    maxUnavailable: fellBack ? 1 : unavailable.value,
    desiredNumberScheduled,
    fellBackToOneUnavailable: fellBack,
  };
}

// --- validation (what the API server would reject; the plan still says what the controller does) --

const PERCENT = /^[0-9]+%$/;

/** ValidateDaemonSetUpdateStrategy / ValidateRollingUpdateDaemonSet, as short sentences. */
export function updateStrategyProblems(strategy: DefaultedUpdateStrategy): string[] {
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') {
    return [`updateStrategy.type "${strategy.type}" is not supported: use RollingUpdate or OnDelete`];
  }
  const problems: string[] = [];
  const ru = strategy.rollingUpdate ?? {};
  const amounts: Array<number | undefined> = [];
  for (const field of ['maxUnavailable', 'maxSurge'] as const) {
    const v = ru[field];
    if (typeof v === 'number' && Number.isInteger(v)) {
      if (v < 0) problems.push(`${field} must be greater than or equal to 0`);
      amounts.push(v);
    } else if (typeof v === 'string' && PERCENT.test(v)) {
      const n = Number(v.slice(0, -1));
      if (n > 100) problems.push(`${field} must not be greater than 100%`);
      amounts.push(n);
    } else {
      problems.push(`${field} must be an integer or a percentage such as "10%"`);
      amounts.push(undefined);
    }
  }
  const [u, s] = amounts;
  if (u !== undefined && s !== undefined) {
    if (u !== 0 && s !== 0) problems.push('maxSurge may not be set when maxUnavailable is non-zero');
    if (u === 0 && s === 0) problems.push('maxUnavailable cannot be 0 when maxSurge is 0');
  }
  return problems;
}

// --- the plan ------------------------------------------------------------------------------------

const plansBySnapshot = new WeakMap<ClusterState, WeakMap<object, RolloutPlan>>();

/**
 * planRollout on cachedPlacement, memoised the same way (per snapshot, per DaemonSet value
 * object): the hover, the warnings and the panel share one plan (and one surge check) per edit.
 * Callers must not mutate the plan. Undefined when `ds` is not an object.
 */
export function cachedRolloutPlan(ds: unknown, state: ClusterState): RolloutPlan | undefined {
  const placement = cachedPlacement(ds, state);
  if (placement === undefined) return undefined;
  let byObject = plansBySnapshot.get(state);
  if (byObject === undefined) plansBySnapshot.set(state, (byObject = new WeakMap()));
  let plan = byObject.get(ds as object);
  if (plan === undefined) {
    plan = planRollout(ds as DaemonSet, state, placement);
    byObject.set(ds as object, plan);
  }
  return plan;
}

export interface PlanOptions {
  /** The DaemonSet as it runs now: when its template equals the new one, apply replaces no pod. */
  previous?: DaemonSet;
}

/**
 * The rollout plan for a change of `ds`'s pod template on `cluster`. `placement` is
 * predictPlacement(ds, cluster), computed when not given. Never throws on typed input.
 */
export function planRollout(
  ds: DaemonSet,
  cluster: ClusterState,
  placement?: PlacementResult,
  options: PlanOptions = {},
): RolloutPlan {
  const result = placement ?? predictPlacement(ds, cluster);
  const { updateStrategy } = defaultDaemonSetSpec(ds);
  const problems = updateStrategyProblems(updateStrategy);
  const strategy: RolloutStrategy = updateStrategy.type === 'RollingUpdate' ? 'RollingUpdate' : 'OnDelete';
  const desired = result.desired;
  const pendingNodes = result.nodes.filter((v) => v.shouldRun && v.pending).map((v) => v.name);
  const minReadySeconds = nonNegativeInt(asRecord(asRecord(ds)?.['spec'])?.['minReadySeconds'], 0);
  const written = updateStrategy.rollingUpdate;
  const plan: RolloutPlan = {
    strategy,
    mode: strategy === 'OnDelete' ? 'onDelete' : 'unavailable',
    desired,
    maxUnavailable: 0,
    maxSurge: 0,
    maxUnavailableValue: showable(written?.maxUnavailable, 1),
    maxSurgeValue: showable(written?.maxSurge, 0),
    fellBackToOneUnavailable: false,
    perBatch: 0,
    batches: 0,
    completes: true,
    pendingNodes,
    blockedNodes: [],
    minReadySeconds,
    messages: [],
    problems,
  };

  if (updateStrategy.type !== 'RollingUpdate') {
    if (updateStrategy.type !== 'OnDelete') {
      plan.messages.push(
        `The controller does no rolling update for updateStrategy.type "${updateStrategy.type}" (and the API server rejects it).`,
      );
    }
    plan.messages.push(
      'OnDelete: applying a new template replaces no running pod. A node gets the new template only when its daemon pod is deleted ' +
        '(kubectl delete pod, a drain, an eviction): the controller then creates the replacement from the new template. ' +
        'Nodes that get a pod for the first time get the new template at once.',
    );
    if (desired > 0)
      plan.messages.push(
        `To update every node, delete the pods on the ${desired} ${plural(desired, 'node')} one by one, waiting for each new pod to be Ready.`,
      );
    return plan;
  }

  const counts = updatedDesiredNodeCounts(updateStrategy, desired);
  if ('error' in counts) {
    plan.completes = false;
    plan.messages.push(
      `The controller cannot roll out with this updateStrategy (${counts.error}): it replaces no pod.`,
    );
    return plan;
  }
  plan.maxUnavailable = counts.maxUnavailable;
  plan.maxSurge = counts.maxSurge;
  plan.fellBackToOneUnavailable = counts.fellBackToOneUnavailable;
  const surging = counts.maxSurge > 0;
  plan.mode = surging ? 'surge' : 'unavailable';
  const budget = surging ? counts.maxSurge : counts.maxUnavailable;

  if (options.previous !== undefined && sameTemplate(ds, options.previous)) {
    plan.templateUnchanged = true;
    plan.messages.push(
      'The pod template is unchanged, so applying this replaces no pod (only a template change starts a rollout).',
    );
    return plan;
  }
  if (desired === 0) {
    plan.messages.push('No node should run the pod on this cluster: there is nothing to roll out.');
    return plan;
  }

  plan.perBatch = Math.min(budget, desired);
  plan.batches = Math.ceil(desired / plan.perBatch);
  const writtenValue = surging ? written?.maxSurge : written?.maxUnavailable;
  if (typeof writtenValue === 'string' && desired >= 2 && plan.perBatch >= desired)
    plan.wholeCluster = surging ? 'maxSurge' : 'maxUnavailable';

  if (counts.fellBackToOneUnavailable) {
    plan.messages.push('maxUnavailable and maxSurge both come out 0, so the controller replaces 1 node at a time.');
  }
  plan.messages.unshift(budgetSentence(plan, surging ? plan.maxSurgeValue : plan.maxUnavailableValue, surging));
  if (plan.wholeCluster === 'maxUnavailable') {
    plan.messages.push(
      `Every node loses its daemon pod at the same time: ${plan.maxUnavailableValue} of ${desired} desired nodes is all of them.`,
    );
  } else if (plan.wholeCluster === 'maxSurge') {
    plan.messages.push(
      `Every node runs an old and a new pod at the same time (${plan.maxSurgeValue} of ${desired} desired nodes): each node needs room for both.`,
    );
  }

  if (surging) plan.blockedNodes = blockedSurgeNodes(ds, cluster, result);
  const stuck = pendingNodes.length + plan.blockedNodes.length;
  if (plan.blockedNodes.length > 0) {
    plan.completes = false;
    const reasons = new Set(plan.blockedNodes.map((b) => b.reason));
    const why =
      reasons.has('hostPort') && reasons.has('insufficientResources')
        ? 'the old pod holds a host port the new one needs, or the node has no room for both'
        : reasons.has('hostPort')
          ? 'the old pod holds a host port the new one needs'
          : 'the node has no room for the old and the new pod together';
    plan.messages.push(
      `On ${plan.blockedNodes.length} ${plural(plan.blockedNodes.length, 'node')} the surge pod cannot start while the old pod runs (${why}): ` +
        'the old pod is deleted only after the new one is available, so these nodes never update and the rollout never completes. Use maxUnavailable instead of maxSurge.',
    );
  }
  if (pendingNodes.length > 0) {
    plan.completes = false;
    plan.messages.push(
      `${pendingNodes.length} ${plural(pendingNodes.length, 'node')} would leave the new pod Pending: ` +
        `it never becomes available, so kubectl rollout status keeps waiting, and each such node keeps ${slotWords(budget, surging)} taken.`,
    );
  }
  if (stuck >= budget && stuck < desired) {
    plan.messages.push(
      `With ${stuck} ${plural(stuck, 'node that never becomes', 'nodes that never become')} available and room for ${budget} at a time, the rollout stalls before it reaches the other nodes.`,
    );
  }

  plan.estimate = estimate(ds, plan);
  return plan;
}

function slotWords(budget: number, surging: boolean): string {
  const what = surging ? 'surge' : 'unavailable';
  return budget === 1 ? `the only ${what} slot` : `one of the ${budget} ${what} slots`;
}

function budgetSentence(plan: RolloutPlan, value: string | number, surging: boolean): string {
  const field = surging ? 'maxSurge' : 'maxUnavailable';
  const at = `${plan.perBatch} ${plural(plan.perBatch, 'node')} at a time, ${plan.batches} ${plural(plan.batches, 'batch', 'batches')}`;
  const how = surging
    ? 'a new pod starts next to the old one, which is deleted once the new one is available'
    : 'old pods are deleted first, then replaced';
  const amount =
    typeof value === 'string'
      ? `${value} of ${plan.desired} desired ${plural(plan.desired, 'node')}`
      : `${value} of ${plan.desired} desired ${plural(plan.desired, 'node')}`;
  return `${field} ${amount} → ${at} (${how}).`;
}

// --- surge: where the new pod cannot start next to the old one ----------------------------------

const TWIN_NAME = ' rollout surge twin';

/**
 * Nodes where the DaemonSet would run (not Pending) but a second pod does not fit while the old
 * pod still runs. The old pod is the DaemonSet's own pod from the snapshot when it has one on the
 * node; otherwise it is taken to request and hold what the new template does (the usual case: an
 * image change). Both checks are predictPlacement runs on the same ClusterState, so the
 * snapshot's pod index is reused (no per-call rebuild):
 *   - nodes with an own pod: a twin of the DaemonSet that owns no pod, so the old pod counts
 *     against the node like any other pod (its requests and its host ports);
 *   - other nodes: the template's host ports are held by the old pod (blocked outright), and the
 *     resources are judged for twice the template's requests (overhead raised by the pod's total).
 * Not modelled: the old pod's slot in the node's `pods` allocatable on nodes without an own pod.
 */
function blockedSurgeNodes(ds: DaemonSet, cluster: ClusterState, result: PlacementResult): BlockedNode[] {
  const root = asRecord(ds) ?? {};
  const spec = asRecord(root['spec']) ?? {};
  const template = asRecord(spec['template']) ?? {};
  const podSpec = asRecord(template['spec']) ?? {};
  const namespace = asString(asRecord(root['metadata'])?.['namespace']);
  const withOwn: number[] = [];
  const withoutOwn: number[] = [];
  result.nodes.forEach((v: NodeVerdict, i) => {
    if (!v.shouldRun || v.pending) return;
    (v.hasOwnPod ? withOwn : withoutOwn).push(i);
  });
  const blocked = new Map<number, BlockedNode>();
  const hostPortBlock = (name: string, port: { port: number; protocol: string }): BlockedNode => ({
    name,
    reason: 'hostPort',
    detail: `host port ${port.port}/${port.protocol} stays held by the old pod until it is deleted`,
  });

  if (withOwn.length > 0) {
    const twin: DaemonSet = {
      ...(root as DaemonSet),
      metadata: namespace === undefined ? { name: TWIN_NAME } : { name: TWIN_NAME, namespace },
      spec: { ...(spec as object), selector: {} } as DaemonSet['spec'],
    };
    const twinResult = predictPlacement(twin, cluster);
    for (const i of withOwn) {
      const v = twinResult.nodes[i];
      if (v === undefined || !v.pending) continue;
      if (v.reason === 'hostPort' && v.hostPort) blocked.set(i, hostPortBlock(v.name, v.hostPort));
      else
        blocked.set(i, {
          name: v.name,
          reason: 'insufficientResources',
          detail: `with the old pod still running: ${v.detail}`,
        });
    }
  }

  if (withoutOwn.length > 0) {
    const ports = podHostPorts(podSpec as PodSpec);
    const first = ports[0];
    if (first !== undefined) {
      for (const i of withoutOwn) blocked.set(i, hostPortBlock(result.nodes[i]!.name, first));
    } else {
      const doubled = doubledRequests(podSpec);
      if (doubled !== undefined) {
        const twin: DaemonSet = {
          ...(root as DaemonSet),
          spec: { ...(spec as object), template: { ...(template as object), spec: doubled } } as DaemonSet['spec'],
        };
        const twinResult = predictPlacement(twin, cluster);
        for (const i of withoutOwn) {
          const v = twinResult.nodes[i];
          if (v === undefined || !v.pending || v.shortfalls === undefined) continue;
          blocked.set(i, {
            name: v.name,
            reason: 'insufficientResources',
            detail: `with the old pod still running: ${halfShortfalls(v.shortfalls)}`,
          });
        }
      }
    }
  }
  return [...blocked.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}

/** The pod spec with its overhead raised by the pod's total requests: the scheduler then counts it twice. */
function doubledRequests(podSpec: UnknownRecord): PodSpec | undefined {
  const total = podRequests(podSpec as PodSpec);
  const names = Object.keys(total).filter(
    (n) => (total[n] ?? 0) > 0 && resourceKind(n) !== 'pods' && resourceKind(n) !== 'ignored',
  );
  if (names.length === 0) return undefined;
  const overheadNow = podRequests({ overhead: asRecord(podSpec['overhead']) as PodSpec['overhead'] } as PodSpec);
  const overhead: Record<string, string> = {};
  for (const n of names) {
    const amount = (overheadNow[n] ?? 0) + (total[n] ?? 0);
    overhead[n] = n === 'cpu' ? `${amount}m` : `${amount}`;
  }
  return { ...(podSpec as PodSpec), overhead };
}

/** Shortfalls of the doubled pod, said for the new pod next to the old one. */
function halfShortfalls(shortfalls: readonly ResourceShortfall[]): string {
  return shortfalls
    .filter((s) => s.resource !== 'pods')
    .map((s) => {
      const needs = s.requested / 2;
      const free = s.free - needs;
      return `needs ${formatAmount(s.resource, needs)} ${resourceLabel(s.resource)}, ${free > 0 ? `${formatAmount(s.resource, free)} free` : 'none free'}`;
    })
    .join('; ');
}

// --- estimate ------------------------------------------------------------------------------------

interface ProbeTiming {
  seconds: number;
  words: string;
}

/** initialDelaySeconds + successThreshold × periodSeconds, with the API defaults (0, 1, 10). */
function probeTiming(probe: unknown, kind: string): ProbeTiming | undefined {
  const p = asRecord(probe);
  if (p === undefined) return undefined;
  const delay = nonNegativeInt(p['initialDelaySeconds'], 0);
  const period = positiveInt(p['periodSeconds'], 10);
  const success = positiveInt(p['successThreshold'], 1);
  const seconds = delay + success * period;
  const parts = [
    delay > 0 ? `initialDelaySeconds ${delay}` : '',
    `${success > 1 ? `${success} × ` : ''}periodSeconds ${period}`,
  ].filter((s) => s !== '');
  return { seconds, words: `${kind} probe ${parts.join(' + ')}` };
}

function containerReady(c: Container | unknown): { seconds: number; words: string[] } {
  const rec = asRecord(c);
  const words: string[] = [];
  let seconds = 0;
  for (const [field, kind] of [
    ['startupProbe', 'startup'],
    ['readinessProbe', 'readiness'],
  ] as const) {
    const t = probeTiming(rec?.[field], kind);
    if (t === undefined) continue;
    seconds += t.seconds;
    words.push(t.words);
  }
  return { seconds, words };
}

function estimate(ds: DaemonSet, plan: RolloutPlan): RolloutEstimate {
  const podSpec = asRecord(asRecord(asRecord(asRecord(ds)?.['spec'])?.['template'])?.['spec']);
  let slowest: { seconds: number; words: string[]; name: string } | undefined;
  for (const c of asArray(podSpec?.['containers'])) {
    const ready = containerReady(c);
    if (slowest === undefined || ready.seconds > slowest.seconds) {
      slowest = { ...ready, name: asString(asRecord(c)?.['name']) ?? '' };
    }
  }
  const readySeconds = slowest?.seconds ?? 0;
  const perBatchSeconds = readySeconds + plan.minReadySeconds;
  const parts: string[] = [];
  if (slowest !== undefined && slowest.words.length > 0) {
    parts.push(`${slowest.words.join(' + ')}${slowest.name ? ` (container ${slowest.name})` : ''}`);
  } else {
    parts.push('no startup or readiness probe (Ready once started)');
  }
  if (plan.minReadySeconds > 0) parts.push(`minReadySeconds ${plan.minReadySeconds}`);
  const basis = `${parts.join(' + ')} = ${formatSeconds(perBatchSeconds)} per batch`;
  if (!plan.completes) return { perBatchSeconds, basis, summary: 'never completes', model: ESTIMATE_MODEL };
  const totalSeconds = plan.batches * perBatchSeconds;
  const summary = `at least ${formatSeconds(totalSeconds)} (${plan.batches} ${plural(plan.batches, 'batch', 'batches')} × ${formatSeconds(perBatchSeconds)})`;
  return { perBatchSeconds, totalSeconds, basis, summary, model: ESTIMATE_MODEL };
}

/** "45s", "7m", "1h 5m", "2d 3h": whole units, for an estimate. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest === 0 ? `${m}m` : `${m}m ${rest}s`;
  }
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m === 0 ? `${h}h` : m === 60 ? `${h + 1}h` : `${h}h ${m}m`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.round((s % 86400) / 3600);
  return h === 0 ? `${d}d` : h === 24 ? `${d + 1}d` : `${d}d ${h}h`;
}

// --- helpers -------------------------------------------------------------------------------------

function sameTemplate(a: DaemonSet, b: DaemonSet): boolean {
  const ta = asRecord(asRecord(a)?.['spec'])?.['template'];
  const tb = asRecord(asRecord(b)?.['spec'])?.['template'];
  return canonical(ta) === canonical(tb);
}

/** JSON with sorted keys, so key order in the YAML does not count as a change. */
function canonical(value: unknown, depth = 0): string {
  if (depth > 64) return '…';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function showable(value: unknown, fallback: string | number): string | number {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' || typeof value === 'number' ? value : String(value);
}

function nonNegativeInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
