// spec.os: validateOS, then validateLinux or validateWindows (pkg/apis/core/validation, called at the
// end of ValidatePodSpec): the name is linux or windows, and each OS forbids the other's fields.
// A field counts as set when it is present (Go: a non-nil pointer), even `privileged: false`.
import type { FieldPath } from '../../model';
import { forbidden, notSupported, required } from './fieldErrors';
import { arr, has, obj, type Obj } from '../../model/plainValues';
import type { ErrorSink } from './volumeSources';
import { CONTAINER_LISTS, POD } from './paths';

const VALID_OS = ['linux', 'windows'];
const WINDOWS = 'cannot be set for a windows pod';
const LINUX = 'windows options cannot be set for a linux pod';

/** Pod security context fields a windows pod may not set (validateWindows). */
const WINDOWS_POD_FORBIDDEN = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
];
/** Container security context fields a windows pod may not set. */
const WINDOWS_CONTAINER_FORBIDDEN = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
];

export function checkPodOs(r: ErrorSink, pod: Obj): void {
  const os = pod['os'];
  if (os === undefined || os === null) return;
  const path = [...POD, 'os', 'name'];
  const name = obj(os)?.['name'];
  if (name === undefined || name === null || name === '') {
    r.error('requiredField', path, required('cannot be empty'), { part: 'key' });
    return;
  }
  if (typeof name !== 'string') return; // a wrong type is reported by the schema checks
  if (!VALID_OS.includes(name)) {
    // validateOS: field.NotSupported(fldPath, os.Name, …) on spec.os itself.
    r.error('unsupportedValue', [...POD, 'os'], notSupported(name, VALID_OS), { at: path });
    return;
  }
  const sc = obj(pod['securityContext']);
  if (name === 'linux') {
    if (has(sc, 'windowsOptions'))
      r.error('osForbiddenField', [...POD, 'securityContext', 'windowsOptions'], forbidden(LINUX), { part: 'key' });
    forEachContainer(pod, (c, at) => {
      if (has(obj(c['securityContext']), 'windowsOptions'))
        r.error('osForbiddenField', [...at, 'securityContext', 'windowsOptions'], forbidden(LINUX), { part: 'key' });
    });
    return;
  }
  // windows: the pod-level fields that are Linux-only (internally part of the security context)
  for (const f of ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace']) {
    // hostPID/hostIPC count when true; hostUsers and shareProcessNamespace when set at all.
    const v = pod[f];
    const set = f === 'hostPID' || f === 'hostIPC' ? v === true : v !== undefined && v !== null;
    if (set) r.error('osForbiddenField', [...POD, f], forbidden(WINDOWS), { part: 'key' });
  }
  for (const f of WINDOWS_POD_FORBIDDEN) {
    if (f === 'supplementalGroups' ? arr(sc?.[f]).length > 0 : has(sc, f))
      r.error('osForbiddenField', [...POD, 'securityContext', f], forbidden(WINDOWS), { part: 'key' });
  }
  if (arr(sc?.['sysctls']).length > 0)
    r.error('osForbiddenField', [...POD, 'securityContext', 'sysctls'], forbidden(WINDOWS), { part: 'key' });
  forEachContainer(pod, (c, at) => {
    const csc = obj(c['securityContext']);
    for (const f of WINDOWS_CONTAINER_FORBIDDEN) {
      if (has(csc, f)) r.error('osForbiddenField', [...at, 'securityContext', f], forbidden(WINDOWS), { part: 'key' });
    }
  });
}

/** podshelper.VisitContainersWithPath: containers, init containers, ephemeral containers. */
function forEachContainer(pod: Obj, fn: (c: Obj, at: FieldPath) => void): void {
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    arr(pod[list]).forEach((raw, i) => {
      const c = obj(raw);
      if (c) fn(c, [...POD, list, i]);
    });
  }
  void CONTAINER_LISTS;
}
