// Security contexts: ValidateSecurityContext (containers), validatePodSpecSecurityContext (pod),
// validateSeccompProfileField, ValidateAppArmorProfileField and validateSysctls
// (pkg/apis/core/validation/validation.go).
import type { FieldPath } from '../../model';
import { forbidden, invalid, notSupported, required, tooLongBytes } from './fieldErrors';
import { isDNS1123Subdomain } from './nameSyntax';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD, TEMPLATE } from './paths';
import { checkSysctls } from './sysctls';
import { descendingPath } from './volumeSources';

// apimachinery util/validation IsValidUserID / IsValidGroupID: 0 to math.MaxInt32 (libcontainer's limit).
const MAX_ID = 2147483647;
/** validFSGroupChangePolicies, as sets.List sorts them. */
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];
/** validSupplementalGroupsPolicies, sorted. */
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];
/** validSELinuxChangePolicies, sorted. */
const SELINUX_CHANGE_POLICIES = ['MountOption', 'Recursive'];
const ID_RANGE = `must be between 0 and ${MAX_ID}, inclusive`;
/** ValidateAppArmorProfileField: PATH_MAX - 1. */
const MAX_LOCALHOST_PROFILE = 4095;

/** ValidateSecurityContext */
export function checkContainerSecurityContext(
  r: Reporter,
  sc: Obj | undefined,
  path: FieldPath,
  hostUsers = true,
): void {
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
  const procMount = sc['procMount'];
  if (typeof procMount === 'string') {
    // ValidateProcMountType; Unmasked needs a user namespace (hostUsers: false).
    if (procMount !== 'Default' && procMount !== 'Unmasked')
      r.error('unsupportedValue', [...path, 'procMount'], notSupported(procMount, ['Default', 'Unmasked']));
    if (hostUsers && procMount === 'Unmasked')
      r.error(
        'invalidSecurityContext',
        [...path, 'procMount'],
        invalid(procMount, '`hostUsers` must be false to use `Unmasked`'),
        {
          involves: [[...POD, 'hostUsers']],
          crossField: true,
        },
      );
  }
  checkWindowsOptions(r, obj(sc['windowsOptions']), [...path, 'windowsOptions']);
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
  // validateSupplementalGroupsPolicy and validateSELinuxChangePolicy: a value that is set (even "")
  // must be one of the known ones (sets.List order). MountOption is refused only when the API server
  // runs without the SELinuxChangePolicy feature (AllowOnlyRecursiveSELinuxChangePolicy).
  for (const [field, values] of [
    ['supplementalGroupsPolicy', SUPPLEMENTAL_GROUPS_POLICIES],
    ['seLinuxChangePolicy', SELINUX_CHANGE_POLICIES],
  ] as const) {
    const v = sc[field];
    if (typeof v === 'string' && !(values as readonly string[]).includes(v))
      r.error('unsupportedValue', [...path, field], notSupported(v, values));
  }
  checkSysctls(r, pod);
  checkSeccomp(r, obj(sc['seccompProfile']), [...path, 'seccompProfile']);
  checkWindowsOptions(r, obj(sc['windowsOptions']), [...path, 'windowsOptions']);
  checkAppArmor(r, obj(sc['appArmorProfile']), [...path, 'appArmorProfile']);
}

/** The pod's spec.hostUsers (default true): ValidatePodSpec passes it to ValidateSecurityContext. */
export function podHostUsers(pod: Obj): boolean {
  return pod['hostUsers'] !== false;
}

/**
 * validateHostUsers: a pod in a user namespace (hostUsers: false) may not share the host's
 * network, PID or IPC namespace. Upstream's paths for the last two are "HostPID" and "HostIPC".
 */
export function checkHostUsers(r: Reporter, pod: Obj): void {
  if (pod['hostUsers'] !== false) return;
  const detail = forbidden('when `pod.Spec.HostUsers` is false');
  const involves = [[...POD, 'hostUsers']];
  if (pod['hostNetwork'] === true)
    r.error('invalidSecurityContext', [...POD, 'hostNetwork'], detail, { part: 'key', involves });
  if (pod['hostPID'] === true)
    r.error('invalidSecurityContext', [...POD, 'HostPID'], detail, { part: 'key', at: [...POD, 'hostPID'], involves });
  if (pod['hostIPC'] === true)
    r.error('invalidSecurityContext', [...POD, 'HostIPC'], detail, { part: 'key', at: [...POD, 'hostIPC'], involves });
}

// validateWindowsSecurityContextOptions
const MAX_GMSA_SPEC_KIB = 64;
const MAX_RUN_AS_DOMAIN = 256;
const MAX_RUN_AS_USER = 104;
const CTRL = /[\x00-\x1f\x7f]/;
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const WINDOWS_DNS_DOMAIN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const INVALID_USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const ONLY_DOTS_SPACES = /^[. ]+$/;

/** validateWindowsSecurityContextOptions */
function checkWindowsOptions(r: Reporter, wo: Obj | undefined, path: FieldPath): void {
  if (!wo) return;
  const specName = str(wo['gmsaCredentialSpecName']);
  if (specName !== undefined) {
    for (const e of isDNS1123Subdomain(specName))
      r.error('invalidValue', [...path, 'gmsaCredentialSpecName'], invalid(specName, e));
  }
  const spec = str(wo['gmsaCredentialSpec']);
  if (spec !== undefined) {
    const at = [...path, 'gmsaCredentialSpec'];
    if (spec === '') r.error('invalidValue', at, invalid(spec, 'gmsaCredentialSpec cannot be an empty string'));
    else if (Buffer.byteLength(spec, 'utf8') > MAX_GMSA_SPEC_KIB * 1024)
      r.error(
        'invalidValue',
        at,
        invalid('<gmsaCredentialSpec>', `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC_KIB} KiB`),
      );
  }
  const name = str(wo['runAsUserName']);
  if (name === undefined) return;
  const at = [...path, 'runAsUserName'];
  const bad = (detail: string) => r.error('invalidValue', at, invalid(name, detail));
  if (name === '') return bad('runAsUserName cannot be an empty string');
  if (CTRL.test(name)) return bad('runAsUserName cannot contain control characters');
  const parts = name.split('\\');
  if (parts.length > 2) return bad('runAsUserName cannot contain more than one backslash');
  const hasDomain = parts.length === 2;
  const domain = hasDomain ? parts[0]! : '';
  const user = hasDomain ? parts[1]! : parts[0]!;
  if (Buffer.byteLength(domain, 'utf8') >= MAX_RUN_AS_DOMAIN)
    bad(`runAsUserName's Domain length must be under ${MAX_RUN_AS_DOMAIN} characters`);
  if (hasDomain && !(NETBIOS.test(domain) || WINDOWS_DNS_DOMAIN.test(domain)))
    bad("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  const userLength = Buffer.byteLength(user, 'utf8');
  if (userLength === 0) bad("runAsUserName's User cannot be empty");
  else if (userLength > MAX_RUN_AS_USER)
    bad(`runAsUserName's User length must not be longer than ${MAX_RUN_AS_USER} characters`);
  if (ONLY_DOTS_SPACES.test(user)) bad("runAsUserName's User cannot contain only periods or spaces");
  if (INVALID_USER_CHARS.test(user))
    bad('runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]');
}

/**
 * validateWindowsHostProcessPod: a pod's hostProcess and its containers' must agree; if any
 * container is a HostProcess container (its own setting, or the pod's inherited) all must be,
 * and the pod must use the host network. (Allowed only when the cluster allows privileged pods,
 * which the checks assume.)
 */
export function checkWindowsHostProcess(r: Reporter, pod: Obj): void {
  const podHostProcess = obj(obj(pod['securityContext'])?.['windowsOptions'])?.['hostProcess'];
  const podValue = typeof podHostProcess === 'boolean' ? podHostProcess : undefined;
  let count = 0;
  let hostProcessCount = 0;
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    arr(pod[list]).forEach((raw, i) => {
      const c = obj(raw);
      if (!c) return;
      count++;
      const v = obj(obj(c['securityContext'])?.['windowsOptions'])?.['hostProcess'];
      const value = typeof v === 'boolean' ? v : undefined;
      const at = [...POD, list, i, 'securityContext', 'windowsOptions', 'hostProcess'];
      if (podValue !== undefined && value !== undefined && podValue !== value)
        r.error(
          'invalidSecurityContext',
          at,
          invalid(value, `pod hostProcess value must be identical if both are specified, was ${podValue}`),
          { involves: [[...POD, 'securityContext', 'windowsOptions', 'hostProcess']], crossField: true },
        );
      if (value === true || (value === undefined && podValue === true)) hostProcessCount++;
    });
  }
  if (hostProcessCount === 0) return;
  if (hostProcessCount !== count)
    r.error(
      'invalidSecurityContext',
      POD,
      invalid('', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'),
      { part: 'key', crossField: true },
    );
  if (pod['hostNetwork'] !== true)
    r.error(
      'invalidSecurityContext',
      [...POD, 'hostNetwork'],
      invalid(false, 'hostNetwork must be true if pod contains any hostProcess containers'),
      { part: 'key', crossField: true },
    );
}

/** IsValidUserID / IsValidGroupID */
function checkIds(r: Reporter, sc: Obj, path: FieldPath, fields: readonly string[]): void {
  for (const field of fields) {
    const v = int(sc[field]);
    if (v !== undefined && (v < 0 || v > MAX_ID)) r.error('invalidId', [...path, field], invalid(v, ID_RANGE));
  }
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** validateSeccompProfileField */
function checkSeccomp(r: Reporter, sp: Obj | undefined, path: FieldPath): void {
  if (!sp) return;
  const type = str(sp['type']);
  // validateSeccompProfileType: an empty type is Required (the schema's required-field check).
  if (type !== undefined && type !== '' && !SECCOMP_TYPES.includes(type))
    r.error('unsupportedValue', [...path, 'type'], notSupported(type, SECCOMP_TYPES));
  if (type === 'Localhost') {
    const profile = str(sp['localhostProfile']);
    if (!has(sp, 'localhostProfile')) {
      r.error(
        'seccompLocalhost',
        [...path, 'localhostProfile'],
        required('must be set when seccomp type is Localhost'),
        { part: 'key' },
      );
    } else if (profile !== undefined) {
      // validateLocalDescendingPath: both of its errors when both apply.
      descendingPath(r, profile, [...path, 'localhostProfile'], [...path, 'localhostProfile'], 'seccompLocalhost');
    }
  } else if (has(sp, 'localhostProfile')) {
    // Any other type, including none (Required by the schema): field.Invalid(…, sp, …).
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
    // A padded profile is Invalid even when it is only whitespace; an empty one is Required.
    if (profile !== undefined && profile.trim() !== profile) {
      r.error(
        'appArmorLocalhost',
        [...path, 'localhostProfile'],
        invalid(profile, 'must not be padded with whitespace'),
      );
    } else if (!profile) {
      r.error(
        'appArmorLocalhost',
        [...path, 'localhostProfile'],
        required('must be set when AppArmor type is Localhost'),
        { part: 'key' },
      );
    }
    if (profile !== undefined && utf8Length(profile) > MAX_LOCALHOST_PROFILE)
      r.error('appArmorLocalhost', [...path, 'localhostProfile'], tooLongBytes(MAX_LOCALHOST_PROFILE));
  } else if ((type === 'RuntimeDefault' || type === 'Unconfined') && has(ap, 'localhostProfile')) {
    r.error(
      'appArmorLocalhost',
      [...path, 'localhostProfile'],
      invalid(ap['localhostProfile'], 'can only be set when AppArmor type is Localhost'),
    );
  } else if (type !== undefined && type !== '' && type !== 'RuntimeDefault' && type !== 'Unconfined') {
    // An empty type is Required ("type is required when appArmorProfile is set"), as the schema reports.
    r.error(
      'unsupportedValue',
      [...path, 'type'],
      `Unsupported value: ${JSON.stringify(type)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
    );
  }
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const LOCALHOST = 'localhost/';

/**
 * The deprecated seccomp and AppArmor annotations of the pod template: ValidatePodSpecificAnnotations
 * (ValidateSeccompPodAnnotations, ValidateAppArmorPodAnnotations) checks their values, then
 * validateSeccompAnnotationsAndFields and validateAppArmorAnnotationsAndFieldsMatchOnCreate require
 * an annotation and the field it stands for to agree (all called by ValidatePodTemplateSpec).
 */
export function checkSecurityAnnotations(r: Reporter, value: unknown, pod: Obj): void {
  const annotations = obj(value);
  if (!annotations) return;
  const where = (key: string): FieldPath => [...TEMPLATE, 'metadata', 'annotations', key];
  const containers = visitContainers(pod);
  for (const [key, raw] of Object.entries(annotations)) {
    if (typeof raw !== 'string') continue;
    // ValidateSeccompProfile, at fldPath.Child(key).
    if (key === SECCOMP_POD_ANNOTATION || key.startsWith(SECCOMP_CONTAINER_PREFIX))
      checkSeccompAnnotation(r, raw, [...TEMPLATE, 'annotations', key], where(key));
    if (key.startsWith(APPARMOR_CONTAINER_PREFIX)) {
      // fldPath.Key(key): upstream prints the key in brackets.
      const path = [...TEMPLATE, `annotations[${key}]`];
      const name = key.slice(APPARMOR_CONTAINER_PREFIX.length);
      if (!containers.some(([c]) => c['name'] === name))
        r.error('invalidValue', path, invalid(name, 'container not found'), {
          part: 'key',
          at: where(key),
          crossField: true,
        });
      // ValidateAppArmorProfileFormat
      if (raw !== '' && raw !== 'runtime/default' && raw !== 'unconfined' && !raw.startsWith(LOCALHOST))
        r.error('invalidValue', path, invalid(raw, `invalid AppArmor profile name: ${JSON.stringify(raw)}`), {
          at: where(key),
        });
    }
  }

  // validateSeccompAnnotationsAndFields
  const podSc = obj(pod['securityContext']);
  const podSeccomp = obj(podSc?.['seccompProfile']);
  const podAnnotation = annotations[SECCOMP_POD_ANNOTATION];
  if (podSeccomp && typeof podAnnotation === 'string')
    seccompMatch(
      r,
      podAnnotation,
      podSeccomp,
      [...POD, 'securityContext', 'seccompProfile'],
      where(SECCOMP_POD_ANNOTATION),
    );
  for (const [c, at] of containers) {
    const sp = obj(obj(c['securityContext'])?.['seccompProfile']);
    const key = SECCOMP_CONTAINER_PREFIX + String(c['name'] ?? '');
    const a = annotations[key];
    if (sp && typeof a === 'string') seccompMatch(r, a, sp, [...at, 'securityContext', 'seccompProfile'], where(key));
  }

  // validateAppArmorAnnotationsAndFieldsMatchOnCreate (not for windows pods)
  if (obj(pod['os'])?.['name'] === 'windows') return;
  const podAppArmor = obj(podSc?.['appArmorProfile']);
  for (const [c, at] of containers) {
    const profile = obj(obj(c['securityContext'])?.['appArmorProfile']) ?? podAppArmor;
    if (!profile) continue;
    const key = APPARMOR_CONTAINER_PREFIX + String(c['name'] ?? '');
    const a = annotations[key];
    if (typeof a !== 'string') continue;
    const path = [...at, 'securityContext', 'appArmorProfile'];
    const typeMismatch = () =>
      r.error(
        'invalidSecurityContext',
        [...path, 'type'],
        forbidden('apparmor type in annotation and field must match'),
        { part: 'key', at: where(key), crossField: true },
      );
    switch (profile['type']) {
      case 'Unconfined':
        if (a !== 'unconfined') typeMismatch();
        break;
      case 'RuntimeDefault':
        if (a !== 'runtime/default') typeMismatch();
        break;
      case 'Localhost':
        if (!a.startsWith(LOCALHOST)) typeMismatch();
        else if (a.slice(LOCALHOST.length) !== str(profile['localhostProfile']))
          r.error(
            'invalidSecurityContext',
            [...path, 'localhostProfile'],
            forbidden('apparmor profile in annotation and field must match'),
            { part: 'key', at: where(key), crossField: true },
          );
        break;
    }
  }
}

/** ValidateSeccompProfile: a seccomp annotation's value. */
function checkSeccompAnnotation(r: Reporter, value: string, path: FieldPath, at: FieldPath): void {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return;
  if (value.startsWith(LOCALHOST)) {
    descendingPath(r, value.slice(LOCALHOST.length), path, at, 'invalidValue');
    return;
  }
  r.error('invalidValue', path, invalid(value, 'must be a valid seccomp profile'), { at });
}

/** validateSeccompAnnotationsAndFieldsMatch */
function seccompMatch(r: Reporter, annotation: string, sp: Obj, path: FieldPath, at: FieldPath): void {
  const typeMismatch = () =>
    r.error('invalidSecurityContext', [...path, 'type'], forbidden('seccomp type in annotation and field must match'), {
      part: 'key',
      at,
      crossField: true,
    });
  switch (sp['type']) {
    case 'Unconfined':
      if (annotation !== 'unconfined') typeMismatch();
      break;
    case 'RuntimeDefault':
      if (annotation !== 'runtime/default' && annotation !== 'docker/default') typeMismatch();
      break;
    case 'Localhost':
      if (!annotation.startsWith(LOCALHOST)) typeMismatch();
      else if (annotation.slice(LOCALHOST.length) !== str(sp['localhostProfile']))
        r.error(
          'invalidSecurityContext',
          [...path, 'localhostProfile'],
          forbidden('seccomp profile in annotation and field must match'),
          { part: 'key', at, crossField: true },
        );
      break;
  }
}

/** podshelper.VisitContainersWithPath: init containers, containers, ephemeral containers. */
function visitContainers(pod: Obj): Array<[Obj, FieldPath]> {
  const out: Array<[Obj, FieldPath]> = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    arr(pod[list]).forEach((raw, i) => {
      const c = obj(raw);
      if (c) out.push([c, [...POD, list, i]]);
    });
  }
  return out;
}
