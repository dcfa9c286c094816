// Live status of a DaemonSet next to the prediction: what `kubectl get ds` and
// `kubectl rollout status` print, the actual daemon pod on each node, and the drift between the
// cluster and the edited manifest. Pure: the objects come in as raw API JSON (read tolerantly,
// junk becomes "unknown"), `now` is passed in, nothing here does IO or throws on bad input.
import type { LiveDrift, LiveNodeRow, LivePodView, LiveStatusView } from '../../../protocol/live';
import type { PlacementResult } from './types';

export type { LiveDrift, LiveNodeRow, LivePodView, LiveStatusView } from '../../../protocol/live';

/** The label the DaemonSet controller puts on its pods and ControllerRevisions (apps.DefaultDaemonSetUniqueLabelKey). */
export const REVISION_HASH_LABEL = 'controller-revision-hash';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : undefined;
const int = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v)
    ? Math.trunc(v)
    : typeof v === 'string' && /^-?\d+$/.test(v)
      ? Number(v)
      : 0;
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === 'string') out[k] = x;
  return out;
};

export interface LiveDaemonSet {
  name: string;
  namespace: string;
  uid?: string;
  generation: number;
  creationTimestamp?: string;
  /** spec.selector as sent (a LabelSelector). */
  selector: unknown;
  /** spec.template.spec.nodeSelector. */
  nodeSelector: Record<string, string>;
  /** spec.updateStrategy.type; apps/v1 defaults it to RollingUpdate. */
  strategy: string;
  status: {
    desiredNumberScheduled: number;
    currentNumberScheduled: number;
    numberReady: number;
    updatedNumberScheduled: number;
    numberAvailable: number;
    numberMisscheduled: number;
    numberUnavailable: number;
    observedGeneration: number;
  };
}

export interface LivePod {
  name: string;
  namespace: string;
  uid?: string;
  nodeName?: string;
  labels: Record<string, string>;
  /** uid of the controlling owner (the DaemonSet). */
  controllerUid?: string;
  phase: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  readyContainers: number;
  containers: number;
  restarts: number;
  /** A waiting/terminated container reason (CrashLoopBackOff, ImagePullBackOff, …), as kubectl's STATUS shows it. */
  reason?: string;
  /** The scheduler's word when PodScheduled is False. */
  unschedulable?: string;
  /**
   * The node the pod is for: spec.nodeName, or before binding the node the controller's
   * `metadata.name` matchFields affinity names (ReplaceDaemonSetPodNodeNameNodeAffinity).
   */
  targetNode?: string;
}

export interface LiveRevision {
  name: string;
  revision: number;
  hash?: string;
  controllerUid?: string;
}

export interface LiveEvent {
  type: string;
  reason: string;
  message: string;
  involvedKind: string;
  involvedName: string;
  /** The latest of lastTimestamp, eventTime, series.lastObservedTime, firstTimestamp, creationTimestamp. */
  time?: string;
  count: number;
}

/** What the cluster holds for one DaemonSet. `daemonSet` undefined = not in the cluster. */
export interface LiveState {
  daemonSet?: LiveDaemonSet;
  pods: LivePod[];
  revisions: LiveRevision[];
  events: LiveEvent[];
}

function controllerUid(meta: Obj): string | undefined {
  const refs = Array.isArray(meta['ownerReferences']) ? meta['ownerReferences'] : [];
  for (const r of refs) if (isObj(r) && r['controller'] === true) return str(r['uid']);
  return undefined;
}

export function readDaemonSet(raw: unknown): LiveDaemonSet | undefined {
  const meta = obj(obj(raw)['metadata']);
  const name = str(meta['name']);
  if (!name) return undefined;
  const spec = obj(obj(raw)['spec']);
  const status = obj(obj(raw)['status']);
  const ds: LiveDaemonSet = {
    name,
    namespace: str(meta['namespace']) ?? 'default',
    generation: int(meta['generation']),
    selector: spec['selector'],
    nodeSelector: strMap(obj(obj(obj(spec['template'])['spec']))['nodeSelector']),
    strategy: str(obj(spec['updateStrategy'])['type']) ?? 'RollingUpdate',
    status: {
      desiredNumberScheduled: int(status['desiredNumberScheduled']),
      currentNumberScheduled: int(status['currentNumberScheduled']),
      numberReady: int(status['numberReady']),
      updatedNumberScheduled: int(status['updatedNumberScheduled']),
      numberAvailable: int(status['numberAvailable']),
      numberMisscheduled: int(status['numberMisscheduled']),
      numberUnavailable: int(status['numberUnavailable']),
      observedGeneration: int(status['observedGeneration']),
    },
  };
  const uid = str(meta['uid']);
  if (uid) ds.uid = uid;
  const created = str(meta['creationTimestamp']);
  if (created) ds.creationTimestamp = created;
  return ds;
}

export function readPod(raw: unknown): LivePod | undefined {
  const meta = obj(obj(raw)['metadata']);
  const name = str(meta['name']);
  if (!name) return undefined;
  const spec = obj(obj(raw)['spec']);
  const status = obj(obj(raw)['status']);
  const statuses = Array.isArray(status['containerStatuses']) ? status['containerStatuses'].filter(isObj) : [];
  const containers = Array.isArray(spec['containers']) ? spec['containers'].length : statuses.length;
  const pod: LivePod = {
    name,
    namespace: str(meta['namespace']) ?? 'default',
    labels: strMap(meta['labels']),
    phase: str(status['phase']) ?? 'Unknown',
    readyContainers: statuses.filter((c) => c['ready'] === true).length,
    containers,
    restarts: statuses.reduce((n, c) => n + int(c['restartCount']), 0),
  };
  const set = (
    k:
      | 'uid'
      | 'nodeName'
      | 'creationTimestamp'
      | 'deletionTimestamp'
      | 'controllerUid'
      | 'reason'
      | 'unschedulable'
      | 'targetNode',
    v: string | undefined,
  ): void => {
    if (v) pod[k] = v;
  };
  set('uid', str(meta['uid']));
  set('nodeName', str(spec['nodeName']));
  set('creationTimestamp', str(meta['creationTimestamp']));
  set('deletionTimestamp', str(meta['deletionTimestamp']));
  set('controllerUid', controllerUid(meta));
  // printPod: the pod's reason, then the last container's waiting/terminated reason wins.
  let reason = str(status['reason']);
  for (const c of statuses) {
    const state = obj(c['state']);
    const r = str(obj(state['waiting'])['reason']) ?? str(obj(state['terminated'])['reason']);
    if (r) reason = r;
  }
  set('reason', reason);
  if (!pod.nodeName) {
    const terms = obj(obj(obj(spec['affinity'])['nodeAffinity'])['requiredDuringSchedulingIgnoredDuringExecution'])[
      'nodeSelectorTerms'
    ];
    for (const t of Array.isArray(terms) ? terms : []) {
      for (const f of Array.isArray(obj(t)['matchFields']) ? (obj(t)['matchFields'] as unknown[]) : []) {
        const m = obj(f);
        const values = Array.isArray(m['values']) ? m['values'] : [];
        if (m['key'] === 'metadata.name' && m['operator'] === 'In' && values.length === 1)
          set('targetNode', str(values[0]));
      }
    }
  } else pod.targetNode = pod.nodeName;
  const conds = Array.isArray(status['conditions']) ? status['conditions'].filter(isObj) : [];
  const scheduled = conds.find((c) => c['type'] === 'PodScheduled' && c['status'] === 'False');
  if (scheduled) set('unschedulable', str(scheduled['message']) ?? str(scheduled['reason']) ?? 'Unschedulable');
  return pod;
}

export function readRevision(raw: unknown): LiveRevision | undefined {
  const meta = obj(obj(raw)['metadata']);
  const name = str(meta['name']);
  if (!name) return undefined;
  const rev: LiveRevision = { name, revision: int(obj(raw)['revision']) };
  const hash = strMap(meta['labels'])[REVISION_HASH_LABEL];
  if (hash) rev.hash = hash;
  const owner = controllerUid(meta);
  if (owner) rev.controllerUid = owner;
  return rev;
}

export function readEvent(raw: unknown): LiveEvent | undefined {
  const o = obj(raw);
  const involved = obj(o['involvedObject'] ?? o['regarding']);
  const reason = str(o['reason']);
  if (!reason) return undefined;
  const times = [
    o['lastTimestamp'],
    o['eventTime'],
    obj(o['series'])['lastObservedTime'],
    o['firstTimestamp'],
    obj(o['metadata'])['creationTimestamp'],
  ]
    .map(str)
    .filter((t): t is string => !!t && !Number.isNaN(Date.parse(t)));
  const ev: LiveEvent = {
    type: str(o['type']) ?? 'Normal',
    reason,
    message: str(o['message'] ?? o['note']) ?? '',
    involvedKind: str(involved['kind']) ?? '',
    involvedName: str(involved['name']) ?? '',
    count: int(o['count']) || 1,
  };
  const latest = times.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (latest) ev.time = latest;
  return ev;
}

// ---- formatting as kubectl does ------------------------------------------------------------

/**
 * HumanDuration of k8s.io/apimachinery/pkg/util/duration: ~2-3 significant figures; up to 2 s
 * in the future counts as now. Takes milliseconds.
 */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '<invalid>';
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince (pkg/printers/internalversion/printers.go): "<unknown>" for no time. */
export function age(timestamp: string | undefined, now: number): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** labels.FormatLabels: keys sorted, `k=v` joined by commas, "<none>" when empty. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

export const GET_DS_HEADERS = [
  'NAME',
  'DESIRED',
  'CURRENT',
  'READY',
  'UP-TO-DATE',
  'AVAILABLE',
  'NODE SELECTOR',
  'AGE',
] as const;

/** The cells printDaemonSet (pkg/printers/internalversion/printers.go) fills, from .status. */
export function getDsRow(ds: LiveDaemonSet, now: number): string[] {
  const s = ds.status;
  return [
    ds.name,
    String(s.desiredNumberScheduled),
    String(s.currentNumberScheduled),
    String(s.numberReady),
    String(s.updatedNumberScheduled),
    String(s.numberAvailable),
    formatLabels(ds.nodeSelector),
    age(ds.creationTimestamp, now),
  ];
}

/**
 * Rows as kubectl's table printer lays them out: text/tabwriter with minwidth 6, padding 3 and
 * spaces (cli-runtime printers.GetNewTabWriter); the last column is not padded.
 */
export function formatTable(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat(Math.max(6, (widths[i] ?? 0) + 3) - [...cell].length),
        )
        .join(''),
    )
    .join('\n')
    .concat('\n');
}

/** `kubectl get ds <name>` output, for one DaemonSet. */
export function formatGetDs(ds: LiveDaemonSet, now: number): string {
  return formatTable([[...GET_DS_HEADERS], getDsRow(ds, now)]);
}

export interface RolloutStatus {
  /** What kubectl prints on stdout (with its newline); empty when it fails. */
  message: string;
  done: boolean;
  /** kubectl's error (printed as `error: …`, exit 1) for a strategy other than RollingUpdate. */
  error?: string;
}

/**
 * DaemonSetStatusViewer.Status (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go),
 * what `kubectl rollout status ds/<name>` prints for one look at the object.
 */
export function rolloutStatus(ds: LiveDaemonSet): RolloutStatus {
  if (ds.strategy !== 'RollingUpdate') {
    // upstream formats RollingUpdateStatefulSetStrategyType here; its value is also "RollingUpdate".
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const s = ds.status;
  const q = JSON.stringify(ds.name);
  if (ds.generation <= s.observedGeneration) {
    if (s.updatedNumberScheduled < s.desiredNumberScheduled) {
      return {
        message: `Waiting for daemon set ${q} rollout to finish: ${s.updatedNumberScheduled} out of ${s.desiredNumberScheduled} new pods have been updated...\n`,
        done: false,
      };
    }
    if (s.numberAvailable < s.desiredNumberScheduled) {
      return {
        message: `Waiting for daemon set ${q} rollout to finish: ${s.numberAvailable} of ${s.desiredNumberScheduled} updated pods are available...\n`,
        done: false,
      };
    }
    return { message: `daemon set ${q} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

// ---- the pods, per node, next to the prediction --------------------------------------------

/** The DaemonSet's pods: owned by it when its uid is known, never ones being deleted twice over. */
export function podsOf(state: LiveState): LivePod[] {
  const uid = state.daemonSet?.uid;
  return state.pods.filter((p) => !uid || !p.controllerUid || p.controllerUid === uid);
}

/**
 * The current revision's hash: the DaemonSet's ControllerRevision with the highest `revision`
 * (the controller's constructHistory makes the one matching the template the newest). Undefined
 * when no revision is known.
 */
export function currentRevisionHash(state: LiveState): string | undefined {
  const uid = state.daemonSet?.uid;
  const mine = state.revisions.filter((r) => !uid || !r.controllerUid || r.controllerUid === uid);
  let best: LiveRevision | undefined;
  for (const r of mine) if (!best || r.revision > best.revision) best = r;
  return best?.hash ?? (best ? best.name.slice(best.name.lastIndexOf('-') + 1) : undefined);
}

function podStatus(p: LivePod): string {
  if (p.deletionTimestamp) return 'Terminating';
  return p.reason ?? p.phase;
}

function podView(p: LivePod, current: string | undefined, now: number): LivePodView {
  const view: LivePodView = {
    name: p.name,
    phase: p.phase,
    status: podStatus(p),
    ready: `${p.readyContainers}/${p.containers}`,
    isReady: p.containers > 0 && p.readyContainers === p.containers,
    restarts: p.restarts,
    age: age(p.creationTimestamp, now),
    oldRevision: !!current && !!p.labels[REVISION_HASH_LABEL] && p.labels[REVISION_HASH_LABEL] !== current,
  };
  const rev = p.labels[REVISION_HASH_LABEL];
  if (rev) view.revision = rev;
  return view;
}

/** The latest warning-ish event that explains why `node` has no pod, if any names it. */
function reasonForMissing(state: LiveState, node: string, podNames: ReadonlySet<string>): LiveEvent | undefined {
  const ds = state.daemonSet?.name;
  const relevant = state.events.filter((e) => {
    if (e.involvedKind === 'Pod' && podNames.has(e.involvedName))
      return e.reason === 'FailedScheduling' || e.type === 'Warning';
    if (e.involvedKind === 'DaemonSet' && e.involvedName === ds) {
      // FailedDaemonPod, FailedPlacement, FailedCreate… name the node in their message.
      return e.type === 'Warning' && new RegExp(`\\b${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(e.message);
    }
    return false;
  });
  return relevant.sort((a, b) => Date.parse(b.time ?? '') - Date.parse(a.time ?? ''))[0];
}

/**
 * Per node: the prediction, the actual daemon pods and the drift, as
 * podsShouldBeOnNode (pkg/controller/daemon/daemon_controller.go) would act on it: a node that
 * should run the pod and has none gets one created; a pod on a node where
 * shouldContinueRunning is false is deleted.
 */
export function liveNodes(
  prediction: PlacementResult | undefined,
  state: LiveState,
  now: number,
): { nodes: LiveNodeRow[]; stray: LiveNodeRow[] } {
  const current = currentRevisionHash(state);
  const byNode = new Map<string, LivePod[]>();
  for (const p of podsOf(state)) {
    const key = p.targetNode ?? '';
    byNode.set(key, [...(byNode.get(key) ?? []), p]);
  }
  const nodes: LiveNodeRow[] = [];
  const seen = new Set<string>();
  for (const v of prediction?.nodes ?? []) {
    seen.add(v.name);
    const pods = (byNode.get(v.name) ?? [])
      .slice()
      .sort((a, b) => Date.parse(b.creationTimestamp ?? '') - Date.parse(a.creationTimestamp ?? ''));
    const views = pods.map((p) => podView(p, current, now));
    const drift: LiveDrift[] = [];
    const alive = pods.filter((p) => !p.deletionTimestamp);
    if (v.shouldRun && alive.length === 0) {
      const ev = reasonForMissing(state, v.name, new Set(pods.map((p) => p.name)));
      const d: LiveDrift = {
        kind: 'missing',
        message: `predicted to run here, but the cluster has no daemon pod on ${v.name}${ev ? `: ${ev.reason}: ${ev.message}` : ''}`,
      };
      if (ev) d.event = { reason: ev.reason, message: ev.message, ...(ev.time ? { time: ev.time } : {}) };
      drift.push(d);
    }
    if (alive.length > 0 && !v.shouldContinueRunning) {
      drift.push({
        kind: 'wouldDelete',
        message: `the edited manifest excludes ${v.name} (${v.detail}): after apply the controller deletes ${alive.map((p) => p.name).join(', ')}`,
      });
    } else if (alive.length > 0 && !v.shouldRun) {
      drift.push({
        kind: 'wouldNotRecreate',
        message: `the edited manifest would not place a new pod on ${v.name} (${v.detail}); the running pod is kept, but once deleted it is not recreated`,
      });
    }
    for (const p of views) {
      if (p.oldRevision)
        drift.push({
          kind: 'oldRevision',
          message: `${p.name} runs revision ${p.revision}, not the current ${current}`,
        });
    }
    for (const p of alive) {
      if (p.unschedulable && p.phase === 'Pending')
        drift.push({ kind: 'unschedulable', message: `${p.name} is Pending: ${p.unschedulable}` });
    }
    const predicted: LiveNodeRow['predicted'] = !v.shouldRun ? 'excluded' : v.pending ? 'pending' : 'runs';
    nodes.push({ node: v.name, predicted, pods: views, drift });
  }
  const stray: LiveNodeRow[] = [];
  for (const [node, pods] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (seen.has(node)) continue;
    const views = pods.map((p) => podView(p, current, now));
    const drift: LiveDrift[] = [
      {
        kind: 'unknownNode',
        message: node
          ? `pods on node ${node}, which the cluster snapshot does not list`
          : 'pods not bound to a node yet',
      },
    ];
    for (const p of views)
      if (p.oldRevision)
        drift.push({
          kind: 'oldRevision',
          message: `${p.name} runs revision ${p.revision}, not the current ${current}`,
        });
    stray.push({ node: node || '(unscheduled)', predicted: 'unknown', pods: views, drift });
  }
  return { nodes, stray };
}

/** "live: 5/7 ready" for a CodeLens. */
export function liveSummary(ds: LiveDaemonSet): string {
  return `live: ${ds.status.numberReady}/${ds.status.desiredNumberScheduled} ready`;
}

/** Everything the panel shows in its Live section. */
export function liveStatusView(
  prediction: PlacementResult | undefined,
  state: LiveState | undefined,
  now: number,
  meta: {
    source: string;
    state: LiveStatusView['state'];
    message?: string;
    readAt?: string;
    namespace: string;
    name: string;
  },
): LiveStatusView {
  const base: LiveStatusView = {
    state: meta.state,
    source: meta.source,
    namespace: meta.namespace,
    name: meta.name,
    nodes: [],
    stray: [],
  };
  if (meta.message) base.message = meta.message;
  if (meta.readAt) base.readAt = meta.readAt;
  if (!state) return base;
  if (!state.daemonSet) {
    if (meta.state === 'ok') {
      base.state = 'absent';
      base.message = `The cluster has no DaemonSet ${meta.namespace}/${meta.name}: apply would create it.`;
    }
    return base;
  }
  const ds = state.daemonSet;
  base.getDs = { headers: [...GET_DS_HEADERS], row: getDsRow(ds, now) };
  base.table = formatGetDs(ds, now);
  const rs = rolloutStatus(ds);
  base.rolloutStatus = rs.error
    ? { message: rs.error, done: rs.done, error: true }
    : { message: rs.message.trimEnd(), done: rs.done };
  const current = currentRevisionHash(state);
  if (current) base.currentRevision = current;
  base.summary = liveSummary(ds);
  const { nodes, stray } = liveNodes(prediction, state, now);
  base.nodes = nodes;
  base.stray = stray;
  base.driftCount = [...nodes, ...stray].filter((n) => n.drift.length > 0).length;
  return base;
}

/** What a cluster source knows about one DaemonSet's live state, as features read it. */
export interface LiveLookup {
  /** The source's words: "example cluster", "context kind-dev". */
  source: string;
  state: 'ok' | 'connecting' | 'error' | 'unavailable';
  message?: string;
  readAt?: string;
  /** Undefined before the first read; `daemonSet` undefined when the cluster has none. */
  live?: LiveState;
}
