// Security contexts: ValidateSecurityContext (containers), validatePodSpecSecurityContext (pod),
// validateSeccompProfileField, ValidateAppArmorProfileField and validateSysctls
// (pkg/apis/core/validation/validation.go).
import type { FieldPath } from '../../model';
import { invalid, notSupported, required } from './fieldErrors';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';
import { checkSysctls } from './sysctls';

// apimachinery util/validation IsValidUserID / IsValidGroupID: 0 to math.MaxInt32 (libcontainer's limit).
const MAX_ID = 2147483647;
/** validFSGroupChangePolicies, as sets.List sorts them. */
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];
const ID_RANGE = `must be between 0 and ${MAX_ID}, inclusive`;

/** ValidateSecurityContext */
export function checkContainerSecurityContext(r: Reporter, sc: Obj | undefined, path: FieldPath): void {
  if (!sc) return;
  checkIds(r, sc, path, ['runAsUser', 'runAsGroup']);
  checkSeccomp(r, obj(sc['seccompProfile']), [...path, 'seccompProfile']);
  checkAppArmor(r, obj(sc['appArmorProfile']), [...path, 'appArmorProfile']);
  if (sc['allowPrivilegeEscalation'] === false) {
    if (sc['privileged'] === true) {
      // field.Invalid(fldPath, sc, …): on the security context, the range on allowPrivilegeEscalation.
      r.error(
        'privilegeEscalation',
        path,
        invalid(
          { privileged: true, allowPrivilegeEscalation: false },
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        ),
        {
          at: [...path, 'allowPrivilegeEscalation'],
          involves: [[...path, 'privileged']],
        },
      );
    }
    if (arr(obj(sc['capabilities'])?.['add']).includes('CAP_SYS_ADMIN')) {
      r.error(
        'privilegeEscalation',
        path,
        invalid(
          { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } },
          'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
        ),
        {
          at: [...path, 'allowPrivilegeEscalation'],
        },
      );
    }
  }
  // A procMount of Unmasked needs a user namespace (hostUsers: false), checked at the pod.
}

/** validatePodSpecSecurityContext */
export function checkPodSecurityContext(r: Reporter, pod: Obj, path: FieldPath): void {
  // shareProcessNamespace is a pod field in v1 but part of the security context internally:
  // upstream reports it at securityContext.shareProcessNamespace.
  if (pod['shareProcessNamespace'] === true && pod['hostPID'] === true) {
    r.error(
      'invalidSecurityContext',
      [...path, 'shareProcessNamespace'],
      invalid(true, 'ShareProcessNamespace and HostPID cannot both be enabled'),
      {
        at: [...POD, 'shareProcessNamespace'],
        involves: [[...POD, 'hostPID']],
      },
    );
  }
  const sc = obj(pod['securityContext']);
  if (!sc) return;
  checkIds(r, sc, path, ['runAsUser', 'runAsGroup', 'fsGroup']);
  arr(sc['supplementalGroups']).forEach((g, i) => {
    if (typeof g === 'number' && Number.isInteger(g) && (g < 0 || g > MAX_ID))
      r.error('invalidId', [...path, 'supplementalGroups', i], invalid(g, ID_RANGE));
  });
  // validateFSGroupChangePolicy: a value that is set (even "") must be one of the two policies.
  const policy = sc['fsGroupChangePolicy'];
  if (typeof policy === 'string' && !FS_GROUP_CHANGE_POLICIES.includes(policy))
    r.error('unsupportedValue', [...path, 'fsGroupChangePolicy'], notSupported(policy, FS_GROUP_CHANGE_POLICIES));
  checkSysctls(r, pod);
  checkSeccomp(r, obj(sc['seccompProfile']), [...path, 'seccompProfile']);
  checkAppArmor(r, obj(sc['appArmorProfile']), [...path, 'appArmorProfile']);
}

/** IsValidUserID / IsValidGroupID */
function checkIds(r: Reporter, sc: Obj, path: FieldPath, fields: readonly string[]): void {
  for (const field of fields) {
    const v = int(sc[field]);
    if (v !== undefined && (v < 0 || v > MAX_ID)) r.error('invalidId', [...path, field], invalid(v, ID_RANGE));
  }
}

/** validateSeccompProfileField */
function checkSeccomp(r: Reporter, sp: Obj | undefined, path: FieldPath): void {
  if (!sp) return;
  const type = str(sp['type']);
  if (type === 'Localhost') {
    const profile = str(sp['localhostProfile']);
    if (!has(sp, 'localhostProfile')) {
      r.error(
        'seccompLocalhost',
        [...path, 'localhostProfile'],
        required('must be set when seccomp type is Localhost'),
        { part: 'key' },
      );
    } else if (profile !== undefined && (profile.startsWith('/') || profile.split('/').includes('..'))) {
      r.error(
        'seccompLocalhost',
        [...path, 'localhostProfile'],
        invalid(profile, profile.startsWith('/') ? 'must be a relative path' : "must not contain '..'"),
      );
    }
  } else if (type !== undefined && has(sp, 'localhostProfile')) {
    r.error(
      'seccompLocalhost',
      [...path, 'localhostProfile'],
      invalid(sp, 'can only be set when seccomp type is Localhost'),
      { part: 'key' },
    );
  }
}

/** ValidateAppArmorProfileField */
function checkAppArmor(r: Reporter, ap: Obj | undefined, path: FieldPath): void {
  if (!ap) return;
  const type = str(ap['type']);
  if (type === 'Localhost') {
    const profile = str(ap['localhostProfile']);
    if (!profile || profile.trim() === '') {
      r.error(
        'appArmorLocalhost',
        [...path, 'localhostProfile'],
        required('must be set when AppArmor type is Localhost'),
        { part: 'key' },
      );
    } else if (profile.trim() !== profile) {
      r.error(
        'appArmorLocalhost',
        [...path, 'localhostProfile'],
        invalid(profile, 'must not be padded with whitespace'),
      );
    }
  } else if ((type === 'RuntimeDefault' || type === 'Unconfined') && has(ap, 'localhostProfile')) {
    r.error(
      'appArmorLocalhost',
      [...path, 'localhostProfile'],
      invalid(ap['localhostProfile'], 'can only be set when AppArmor type is Localhost'),
    );
  } else if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Unconfined') {
    r.error(
      'unsupportedValue',
      [...path, 'type'],
      `Unsupported value: ${JSON.stringify(type)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
    );
  }
}
