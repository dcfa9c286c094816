// What Kubernetes does with a DaemonSet beyond what the field descriptions say, each fact citing
// the code it mirrors (kubernetes/kubernetes, release 1.36). Written in this project's words.
// Pure data, wording and the rollout arithmetic: hover shows it; completion reuses it. The list
// of tolerations the controller adds is the engine's (placement/tolerations.ts).
import {
  DAEMON_POD_TOLERATIONS,
  scaledValueFromIntOrPercent,
  TAINT_NETWORK_UNAVAILABLE,
  updatedDesiredNodeCounts,
} from '../placement';

export interface DaemonSetFact {
  /** The field the fact is about, in explain form: `spec.template.spec.tolerations`. */
  path: string;
  /** Markdown, one short paragraph. */
  text: string;
  /** Where Kubernetes implements it. */
  source: string;
}

const VALIDATION = 'pkg/apis/apps/validation/validation.go';
const DAEMON_UTIL = 'pkg/controller/daemon/util/daemonset_util.go';
const UPDATE = 'pkg/controller/daemon/update.go';
const CONTROLLER = 'pkg/controller/daemon/daemon_controller.go';
const DEFAULTS = 'pkg/apis/apps/v1/defaults.go';
const NODE_PORTS = 'pkg/scheduler/framework/plugins/nodeports';

const TOLERATION_LIST = DAEMON_POD_TOLERATIONS.map(
  ({ toleration: t, onlyWithHostNetwork }) =>
    `\`${t.key}:${t.effect}\`${onlyWithHostNetwork ? ' (only with `hostNetwork: true`)' : ''}`,
).join(', ');

const HOST_PORT_SURGE =
  'With a `hostPort` in the template, a surge pod can never start: during the update the old and the new pod would need the same host port on the same node, so the new pod stays pending and the rollout never finishes. Use `maxSurge: 0` with host ports.';

const FACTS: readonly DaemonSetFact[] = [
  {
    path: 'spec.template.spec.restartPolicy',
    text: 'A DaemonSet accepts only `Always` here (the default); `OnFailure` and `Never` are rejected.',
    source: `${VALIDATION} ValidateDaemonSetSpec`,
  },
  {
    path: 'spec.template.spec.activeDeadlineSeconds',
    text: 'Must not be set in a DaemonSet: daemon pods are meant to run until the node or the DaemonSet goes away.',
    source: `${VALIDATION} ValidateDaemonSetSpec`,
  },
  {
    path: 'spec.template.spec.tolerations',
    text: `Besides these, the controller adds to every daemon pod: ${TOLERATION_LIST}, all with \`operator: Exists\` and no \`tolerationSeconds\`. Daemon pods therefore survive not-ready/unreachable nodes and land on cordoned nodes and nodes under resource pressure; any other taint needs a toleration here.`,
    source: `${DAEMON_UTIL} AddOrUpdateDaemonPodTolerations`,
  },
  {
    path: 'spec.template.spec.hostNetwork',
    text: `With \`hostNetwork: true\` the controller also tolerates \`${TAINT_NETWORK_UNAVAILABLE}:NoSchedule\`, so the daemon can start on nodes whose pod network is not up yet (how network plugins bootstrap).`,
    source: `${DAEMON_UTIL} AddOrUpdateDaemonPodTolerations`,
  },
  {
    path: 'spec.selector',
    text: "Must select the pod template's labels (`spec.template.metadata.labels`) and must not be empty. It cannot be changed after the DaemonSet is created: to change it, delete and re-create the DaemonSet (with `--cascade=orphan` to keep the pods).",
    source: `${VALIDATION} ValidateDaemonSetSpec, ValidateDaemonSetUpdate`,
  },
  {
    path: 'spec.template.metadata.labels',
    text: '`spec.selector` must match these labels, or the API server rejects the DaemonSet.',
    source: `${VALIDATION} ValidateDaemonSetSpec`,
  },
  {
    path: 'spec.updateStrategy',
    text: 'Unset, it becomes `type: RollingUpdate` with `maxUnavailable: 1` and `maxSurge: 0`.',
    source: `${DEFAULTS} SetDefaults_DaemonSet`,
  },
  {
    path: 'spec.updateStrategy.type',
    text: '`RollingUpdate` (default): the controller replaces pods itself within `maxUnavailable`/`maxSurge`. `OnDelete`: a node gets the new template only when its old pod is deleted; the controller never deletes pods for an update.',
    source: `${UPDATE} rollingUpdate; ${DEFAULTS} SetDefaults_DaemonSet`,
  },
  {
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    text: 'Counted in nodes: how many nodes may be without an available daemon pod during an update. A percentage is taken of the nodes that should run the pod and rounded **up**. Default `1`; cannot be `0` when `maxSurge` is `0`, and at most `100%`.',
    source: `${UPDATE} updatedDesiredNodeCounts; ${DAEMON_UTIL} UnavailableCount; ${VALIDATION} ValidateRollingUpdateDaemonSet`,
  },
  {
    path: 'spec.updateStrategy.rollingUpdate.maxSurge',
    text: `Counted in nodes: on how many nodes a new pod may start next to the old one, which is deleted once the new one is available. A percentage is taken of the nodes that should run the pod and rounded **up**. Default \`0\`. ${HOST_PORT_SURGE}`,
    source: `${UPDATE} updatedDesiredNodeCounts; ${DAEMON_UTIL} SurgeCount; ${NODE_PORTS}`,
  },
  {
    path: 'spec.minReadySeconds',
    text: 'A new daemon pod counts as available only after it has been ready this long. During a rolling update the controller waits for availability before it moves on, so this slows the rollout and counts against `maxUnavailable`/`maxSurge`. Default `0`.',
    source: `${UPDATE} rollingUpdate (podutil.IsPodAvailable)`,
  },
  {
    path: 'spec.revisionHistoryLimit',
    text: 'How many old ControllerRevisions are kept for `kubectl rollout undo`. Default `10`.',
    source: `${DEFAULTS} SetDefaults_DaemonSet; ${UPDATE} cleanupHistory`,
  },
  {
    path: 'spec.template.spec.nodeName',
    text: "Leave it empty. Daemon pods are placed by the default scheduler: the controller gives each pod a required node affinity on `metadata.name` of its node. A `nodeName` here limits the DaemonSet to that one node, and the pod skips the scheduler: only the kubelet's admission checks apply.",
    source: `${DAEMON_UTIL} ReplaceDaemonSetPodNodeNameNodeAffinity; ${CONTROLLER} NodeShouldRunDaemonPod`,
  },
  {
    path: 'spec.template.spec.affinity.nodeAffinity',
    text: "The controller evaluates the required node affinity itself to choose the nodes, then replaces the required terms on each pod with one term matching that node's `metadata.name`. Preferred terms have no effect: every eligible node gets a pod.",
    source: `${DAEMON_UTIL} ReplaceDaemonSetPodNodeNameNodeAffinity; ${CONTROLLER} NodeShouldRunDaemonPod`,
  },
  {
    path: 'spec.template.spec.containers[].ports[].hostPort',
    text: `Each node runs one daemon pod, so a host port is safe across nodes. ${HOST_PORT_SURGE}`,
    source: `${UPDATE} rollingUpdate; ${NODE_PORTS}`,
  },
];

/** The facts about the field at `explainPath` (`spec.template.spec.tolerations`). */
export function factsAt(explainPath: string): DaemonSetFact[] {
  return FACTS.filter((f) => f.path === explainPath);
}

/** What a DaemonSet is, for the hover on `kind`/`apiVersion`. */
export const DAEMONSET_SUMMARY: DaemonSetFact = {
  path: '',
  text: "The controller keeps one pod from the template on every node that matches the template's `nodeSelector` and required node affinity and whose taints are tolerated (plus the tolerations the controller adds itself); nodes joining the cluster get one, nodes leaving lose it. Served only as `apps/v1` since Kubernetes 1.16.",
  source: `${CONTROLLER} NodeShouldRunDaemonPod`,
};

// --- rolling-update arithmetic -------------------------------------------------------------

export type IntOrPercent = string | number;

/**
 * The node count an IntOrString stands for out of `total`, percentages rounded up — what
 * intstr.GetScaledValueFromIntOrPercent(value, total, true) returns. Undefined when the value is
 * neither an integer nor an integer percentage ("10%"), which the API server rejects.
 */
export function scaledValue(value: IntOrPercent, total: number): number | undefined {
  const scaled = scaledValueFromIntOrPercent(value, total, true);
  return 'error' in scaled ? undefined : scaled.value;
}

export interface RolloutBudget {
  maxUnavailable: number;
  maxSurge: number;
  /** Both came out 0 for a non-empty DaemonSet, so the controller used maxUnavailable 1. */
  fellBackToOneUnavailable: boolean;
}

/**
 * How many nodes an update may leave without an available pod, and on how many it may surge,
 * out of `desired` nodes that should run the pod (update.go updatedDesiredNodeCounts). Unset
 * fields take their defaults (1 and 0). Undefined when a value is malformed.
 */
export function rolloutBudget(
  rollingUpdate: { maxUnavailable?: IntOrPercent; maxSurge?: IntOrPercent },
  desired: number,
): RolloutBudget | undefined {
  // The engine's updatedDesiredNodeCounts, on the apps/v1 defaults (1 and 0) for unset fields.
  const counts = updatedDesiredNodeCounts(
    {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: rollingUpdate.maxUnavailable ?? 1, maxSurge: rollingUpdate.maxSurge ?? 0 },
    },
    desired,
  );
  if ('error' in counts) return undefined;
  return {
    maxUnavailable: counts.maxUnavailable,
    maxSurge: counts.maxSurge,
    fellBackToOneUnavailable: counts.fellBackToOneUnavailable,
  };
}

/**
 * One paragraph saying what a maxUnavailable/maxSurge value means in nodes. With `nodes` (from
 * the cluster snapshot), the numbers for that many nodes; otherwise a few example sizes.
 */
export function explainRolloutValue(
  field: 'maxUnavailable' | 'maxSurge',
  value: IntOrPercent,
  nodes?: { count: number; source: string },
): string {
  const what =
    field === 'maxUnavailable'
      ? 'may be without an available daemon pod at once'
      : 'may run a new pod next to the old one at once';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return `\`${value}\` is not an integer or a percentage; the API server rejects it.`;
    return `\`${value}\`: at most ${value} node${value === 1 ? '' : 's'} ${what}.${zeroNote(field, value)}`;
  }
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) return `\`${value}\` is not an integer or a percentage such as \`10%\`; the API server rejects it.`;
  const percent = Number(m[1]);
  const counts = (n: number) => `${scaledValue(value, n)} of ${n}`;
  const base = `\`${value}\` of the N nodes that should run the pod, rounded up, ${what}`;
  const examples = nodes
    ? ` — ${counts(nodes.count)} node${nodes.count === 1 ? '' : 's'} if every node of ${nodes.source} runs it`
    : ` — e.g. ${[1, 10, 25, 100].map(counts).join(', ')} nodes`;
  return `${base}${examples}.${zeroNote(field, percent)}`;
}

function zeroNote(field: 'maxUnavailable' | 'maxSurge', amount: number): string {
  if (amount !== 0) return '';
  return field === 'maxUnavailable'
    ? ' Zero requires `maxSurge` above zero; if both come out 0 the controller uses 1 unavailable node.'
    : ' Zero: no surge; old pods are deleted before new ones start.';
}
