// Taints and tolerations as the DaemonSet controller applies them.

import type { PodSpec, Taint, Toleration } from './types';
import { asArray, asRecord, asString, isRecord } from './shape';
import { parseInt64Text } from './quantity';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** Mirrors v1.Toleration.ToleratesTaint, including the numeric Lt/Gt operators of 1.35+. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  const tol = asRecord(toleration);
  const tnt = asRecord(taint);
  if (tol === undefined || tnt === undefined) return false;
  // A field of the wrong type means the API would have refused the toleration: it tolerates nothing.
  for (const field of TOLERATION_TEXT_FIELDS) {
    const v = tol[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return false;
  }
  const effect = asString(tol['effect']) ?? '';
  const key = asString(tol['key']) ?? '';
  const taintKey = asString(tnt['key']) ?? '';
  const taintValue = asString(tnt['value']) ?? '';
  if (effect.length > 0 && effect !== (asString(tnt['effect']) ?? '')) return false;
  if (key.length > 0 && key !== taintKey) return false;
  const value = asString(tol['value']) ?? '';
  switch (asString(tol['operator']) ?? '') {
    case '':
    case 'Equal':
      return value === taintValue;
    case 'Exists':
      return true;
    case 'Lt':
    case 'Gt': {
      // compareNumericValues: both sides must parse as int64; taint < toleration for Lt.
      const bound = parseInt64Text(value);
      const actual = parseInt64Text(taintValue);
      if (bound === undefined || actual === undefined) return false;
      return tol['operator'] === 'Lt' ? actual < bound : actual > bound;
    }
    default:
      return false;
  }
}

/**
 * The pod's tolerations after util.AddOrUpdateDaemonPodTolerations: the user's, plus
 * not-ready/unreachable NoExecute, disk/memory/pid-pressure and unschedulable NoSchedule, and
 * network-unavailable NoSchedule for hostNetwork pods. Non-object entries are dropped.
 */
export function daemonPodTolerations(podSpec: PodSpec | undefined): Toleration[] {
  const spec = asRecord(podSpec);
  let tolerations: Toleration[] = asArray(spec?.['tolerations']).filter(isRecord) as Toleration[];
  for (const added of CONTROLLER_TOLERATIONS) tolerations = addOrUpdateToleration(tolerations, added);
  if (spec?.['hostNetwork'] === true) tolerations = addOrUpdateToleration(tolerations, NETWORK_UNAVAILABLE_TOLERATION);
  return tolerations;
}

/** True for the tolerations daemonPodTolerations adds on the controller's behalf. */
export function isControllerToleration(toleration: Toleration): boolean {
  return toleration === NETWORK_UNAVAILABLE_TOLERATION || CONTROLLER_TOLERATIONS.includes(toleration);
}

// v1helper.AddOrUpdateTolerationInPodSpec: a toleration equal in key, effect, operator and
// value is replaced (dropping its tolerationSeconds); otherwise the new one is appended.
function addOrUpdateToleration(list: Toleration[], toleration: Toleration): Toleration[] {
  let updated = false;
  const out: Toleration[] = [];
  for (const existing of list) {
    if (sameToleration(existing, toleration)) {
      if (existing.tolerationSeconds === undefined) return list;
      out.push(toleration);
      updated = true;
    } else {
      out.push(existing);
    }
  }
  if (!updated) out.push(toleration);
  return out;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.effect ?? '') === (b.effect ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '')
  );
}

/**
 * v1helper.FindMatchingUntoleratedTaint: the first taint passing the filter that no
 * toleration tolerates, in the node's order.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  include: (taint: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints) {
    if (!include(taint)) continue;
    if (!tolerations.some((tol) => toleratesTaint(tol, taint))) return taint;
  }
  return undefined;
}

/** "key=value:Effect", or "key:Effect" without a value. */
export function formatTaint(taint: Taint): string {
  const t = asRecord(taint);
  const key = asString(t?.['key']) ?? '';
  const value = asString(t?.['value']) ?? '';
  const effect = asString(t?.['effect']) ?? '';
  return `${key}${value.length > 0 ? `=${value}` : ''}:${effect}`;
}

function frozen(toleration: Toleration): Toleration {
  return Object.freeze(toleration);
}

const TOLERATION_TEXT_FIELDS = ['key', 'operator', 'value', 'effect'] as const;

const CONTROLLER_TOLERATIONS: readonly Toleration[] = Object.freeze([
  frozen({ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute' }),
  frozen({ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute' }),
  frozen({ key: TAINT_DISK_PRESSURE, operator: 'Exists', effect: 'NoSchedule' }),
  frozen({ key: TAINT_MEMORY_PRESSURE, operator: 'Exists', effect: 'NoSchedule' }),
  frozen({ key: TAINT_PID_PRESSURE, operator: 'Exists', effect: 'NoSchedule' }),
  frozen({ key: TAINT_UNSCHEDULABLE, operator: 'Exists', effect: 'NoSchedule' }),
]);

const NETWORK_UNAVAILABLE_TOLERATION: Toleration = frozen({
  key: TAINT_NETWORK_UNAVAILABLE,
  operator: 'Exists',
  effect: 'NoSchedule',
});

/** One toleration AddOrUpdateDaemonPodTolerations adds, and whether only for hostNetwork pods. */
export interface DaemonPodToleration {
  toleration: Readonly<Toleration>;
  onlyWithHostNetwork: boolean;
}

/**
 * The tolerations the DaemonSet controller adds to every daemon pod, in the order it adds them
 * (pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations): the one list
 * daemonPodTolerations applies and the hover names.
 */
export const DAEMON_POD_TOLERATIONS: readonly DaemonPodToleration[] = Object.freeze([
  ...CONTROLLER_TOLERATIONS.map((toleration) => Object.freeze({ toleration, onlyWithHostNetwork: false })),
  Object.freeze({ toleration: NETWORK_UNAVAILABLE_TOLERATION, onlyWithHostNetwork: true }),
]);
