// Container rules: validateContainers, validateInitContainers, validateEphemeralContainers and
// validateContainerCommon (pkg/apis/core/validation/validation.go), delegating ports, env,
// volume mounts, resources, probes and security contexts to their own modules.
import type { FieldPath } from '../../model';
import { duplicate, forbidden, invalid, notFound, notSupported, required, tooMany } from './fieldErrors';
import { isDNS1123Label } from './nameSyntax';
import { checkEnv, checkEnvFrom } from './env';
import { checkPorts } from './ports';
import { checkLifecycle, checkProbe } from './probes';
import { checkResources } from './resources';
import { checkContainerSecurityContext, podHostUsers } from './securityContext';
import { volumeVerdicts, type VolumeVerdicts } from './volumes';
import { descendingPath } from './volumeSources';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';

export function checkContainers(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  if (!pod) {
    // ValidatePodSpec → validateContainers: a template without a pod spec has no containers.
    if (obj(ds['spec'])) r.error('requiredField', [...POD, 'containers'], required(), { required: true });
    return;
  }
  const volumes = volumeVerdicts(pod);
  const grace = int(pod['terminationGracePeriodSeconds']) ?? 30;
  const hostUsers = podHostUsers(pod);
  // SetDefaults_PodSpec: an unset restartPolicy is Always.
  const podRestartPolicy = str(pod['restartPolicy']) || 'Always';

  // validateContainers: at least one, names unique among regular containers.
  const containers = arr(pod['containers']);
  if (has(pod, 'containers') && containers.length === 0)
    r.error('requiredField', [...POD, 'containers'], required(), { part: 'key' });
  const names = new Set<string>();
  containers.forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const path = [...POD, 'containers', i];
    checkCommon(r, c, path, volumes, hostUsers, podRestartPolicy);
    const name = str(c['name']);
    if (name !== undefined && name !== '') {
      if (names.has(name)) r.error('duplicateName', [...path, 'name'], duplicate(name));
      names.add(name);
    }
    if (has(c, 'lifecycle')) checkLifecycle(r, obj(c['lifecycle']), [...path, 'lifecycle'], grace);
    checkProbe(r, c['livenessProbe'], [...path, 'livenessProbe'], 'liveness', grace);
    checkProbe(r, c['readinessProbe'], [...path, 'readinessProbe'], 'readiness', grace);
    checkProbe(r, c['startupProbe'], [...path, 'startupProbe'], 'startup', grace);
    // validateContainers calls validateContainerRestartPolicy when PodValidationOptions.
    // AllowContainerRestartPolicyRules is set, which GetValidationOptionsFromPodSpecAndMeta (pkg/api/
    // pod/util.go) takes from the ContainerRestartRules gate (KEP-5307: alpha in 1.34, beta and on
    // by default since 1.35, pkg/features/kube_features.go), for pod templates as for pods. Without
    // it upstream reports Forbidden "may not be set for non-init containers"; a 1.36 server accepts
    // a container-level restartPolicy and restartPolicyRules. The pod's own restartPolicy stays
    // Always in a DaemonSet (ValidateDaemonSetSpec, checked in podSpec.ts).
    checkContainerRestartPolicy(r, c, path);
  });

  // validateInitContainers: names unique across init and regular containers; only sidecars
  // (restartPolicy: Always) may have probes and lifecycle hooks.
  arr(pod['initContainers']).forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const path = [...POD, 'initContainers', i];
    checkCommon(r, c, path, volumes, hostUsers, podRestartPolicy);
    const restartPolicy = c['restartPolicy'];
    const sidecar = restartPolicy === 'Always';
    // validateInitContainerRestartPolicy with AllowContainerRestartPolicyRules (see above): rules
    // need an explicit restartPolicy; a sidecar (Always) may not have rules unless the
    // RestartAllContainersOnContainerExits gate (alpha, off by default) is on; any other policy is
    // checked like a regular container's, so Never and OnFailure are accepted.
    if (!has(c, 'restartPolicy')) {
      if (arr(c['restartPolicyRules']).length > 0)
        r.error(
          'containerRestartPolicy',
          [...path, 'restartPolicy'],
          required('must specify restartPolicy when restart rules are used'),
          { at: [...path, 'restartPolicyRules'], part: 'key' },
        );
    } else if (sidecar) {
      if (arr(c['restartPolicyRules']).length > 0)
        r.error(
          'containerRestartPolicy',
          [...path, 'restartPolicyRules'],
          forbidden('restartPolicyRules are not allowed for init containers with restart policy Always'),
          { part: 'key' },
        );
    } else {
      checkContainerRestartPolicy(r, c, path);
    }
    const name = str(c['name']);
    if (name !== undefined && name !== '') {
      if (names.has(name)) r.error('duplicateName', [...path, 'name'], duplicate(name));
      names.add(name);
    }
    if (sidecar) {
      if (has(c, 'lifecycle')) checkLifecycle(r, obj(c['lifecycle']), [...path, 'lifecycle'], grace);
      checkProbe(r, c['livenessProbe'], [...path, 'livenessProbe'], 'liveness', grace);
      checkProbe(r, c['readinessProbe'], [...path, 'readinessProbe'], 'readiness', grace);
      checkProbe(r, c['startupProbe'], [...path, 'startupProbe'], 'startup', grace);
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (has(c, field))
          r.error(
            'initContainerField',
            [...path, field],
            forbidden('may not be set for init containers without restartPolicy=Always'),
            { part: 'key' },
          );
      }
    }
    // validateInitContainers rejects resizePolicy only without PodValidationOptions.
    // AllowSidecarResizePolicy, which GetValidationOptionsFromPodSpecAndMeta sets from the
    // InPlacePodVerticalScaling gate (GA and locked on since 1.35): a 1.36 server accepts it.
  });

  // ValidatePodTemplateSpec
  if (arr(pod['ephemeralContainers']).length > 0) {
    r.error(
      'ephemeralContainersForbidden',
      [...POD, 'ephemeralContainers'],
      forbidden('ephemeral containers not allowed in pod template'),
      { part: 'key' },
    );
  }
}

/** validateContainerCommon */
function checkCommon(
  r: Reporter,
  c: Obj,
  path: FieldPath,
  volumes: VolumeVerdicts,
  hostUsers: boolean,
  podRestartPolicy: string,
): void {
  const name = str(c['name']);
  if (name === '') r.error('requiredField', [...path, 'name'], required(), { required: true });
  else if (name !== undefined) {
    const errs = isDNS1123Label(name);
    // ValidateDNS1123Label: one Invalid per message.
    for (const e of errs) r.error('invalidName', [...path, 'name'], invalid(name, e));
  }
  const image = c['image'];
  if (image === undefined || image === null || image === '') {
    r.error('requiredField', [...path, 'image'], required(), { required: true, part: 'key' });
  }
  checkPorts(r, arr(c['ports']), [...path, 'ports']);
  checkEnv(r, arr(c['env']), [...path, 'env']);
  checkEnvFrom(r, arr(c['envFrom']), [...path, 'envFrom']);
  checkVolumeMounts(r, c, path, volumes);
  checkVolumeDevices(r, c, path, volumes);
  checkResources(r, obj(c['resources']), [...path, 'resources']);
  checkResizePolicy(r, c, path, podRestartPolicy);
  checkContainerSecurityContext(r, obj(c['securityContext']), [...path, 'securityContext'], hostUsers);
}

/**
 * ValidateVolumeMounts. Upstream checks subPath, subPathExpr, mountPropagation and
 * recursiveReadOnly at the list's path (fldPath.Child("subPath"), no index): so are they reported,
 * with the range on the mount's own field.
 */
function checkVolumeMounts(r: Reporter, c: Obj, path: FieldPath, volumes: VolumeVerdicts): void {
  const mountPaths = new Set<string>();
  const privileged = obj(c['securityContext'])?.['privileged'] === true;
  const devices = nameToPath(c['volumeDevices'], 'devicePath');
  const devicePaths = new Set(devices.values());
  const list = [...path, 'volumeMounts'];
  arr(c['volumeMounts']).forEach((raw, i) => {
    const m = obj(raw);
    if (!m) return;
    const at = [...list, i];
    const name = str(m['name']) ?? '';
    // IsMatchedVolume: the names of the volumes that validated (an empty name never matches).
    if (!volumes.valid.has(name) && (typeof m['name'] === 'string' || m['name'] === undefined || m['name'] === null)) {
      const failed = volumes.written.get(name);
      const hint =
        name !== '' && failed !== undefined ? ` (volume spec.template.spec.volumes[${failed}] has errors)` : '';
      r.error('volumeNotFound', [...at, 'name'], notFound(name) + hint, {
        crossField: true,
        involves: [[...POD, 'volumes']],
        part: has(m, 'name') ? 'value' : 'key',
      });
    }
    const mountPath = str(m['mountPath']);
    if (mountPath !== undefined) {
      if (mountPaths.has(mountPath))
        r.error('duplicateMountPath', [...at, 'mountPath'], invalid(mountPath, 'must be unique'));
      mountPaths.add(mountPath);
    }
    // ValidateVolumeMounts: no overlap with the container's volumeDevices (GetVolumeDeviceMap).
    if (devices.has(name))
      r.error('invalidVolumeMount', [...at, 'name'], invalid(name, 'must not already exist in volumeDevices'), {
        part: has(m, 'name') ? 'value' : 'key',
      });
    if (devicePaths.has(mountPath ?? ''))
      r.error(
        'invalidVolumeMount',
        [...at, 'mountPath'],
        invalid(mountPath ?? '', 'must not already exist as a path in volumeDevices'),
        { part: has(m, 'mountPath') ? 'value' : 'key' },
      );
    const subPath = str(m['subPath']) ?? '';
    const subPathExpr = str(m['subPathExpr']) ?? '';
    if (subPath !== '') descendingPath(r, subPath, [...list, 'subPath'], [...at, 'subPath'], 'invalidVolumeMount');
    if (subPathExpr !== '') {
      if (subPath !== '')
        r.error(
          'invalidVolumeMount',
          [...at, 'subPathExpr'],
          invalid(subPathExpr, 'subPathExpr and subPath are mutually exclusive'),
        );
      descendingPath(r, subPathExpr, [...list, 'subPathExpr'], [...at, 'subPathExpr'], 'invalidVolumeMount');
    }
    // validateMountPropagation
    const propagation = m['mountPropagation'];
    if (typeof propagation === 'string') {
      const propPath = [...list, 'mountPropagation'];
      const supported = ['Bidirectional', 'HostToContainer', 'None'];
      if (!supported.includes(propagation))
        r.error('unsupportedValue', propPath, notSupported(propagation, supported), {
          at: [...at, 'mountPropagation'],
        });
      if (propagation === 'Bidirectional' && !privileged) {
        r.error(
          'invalidVolumeMount',
          propPath,
          forbidden('Bidirectional mount propagation is available only to privileged containers'),
          {
            at: [...at, 'mountPropagation'],
            crossField: true,
            involves: [[...path, 'securityContext']],
          },
        );
      }
    }
    // validateMountRecursiveReadOnly
    const rro = m['recursiveReadOnly'];
    const rroPath = [...list, 'recursiveReadOnly'];
    const rroAt = [...at, 'recursiveReadOnly'];
    if (rro === 'Enabled' || rro === 'IfPossible') {
      if (m['readOnly'] !== true)
        r.error('invalidVolumeMount', rroPath, forbidden('may only be specified when readOnly is true'), { at: rroAt });
      if (typeof propagation === 'string' && propagation !== 'None') {
        r.error(
          'invalidVolumeMount',
          rroPath,
          forbidden('may only be specified when mountPropagation is None or not specified'),
          { at: rroAt },
        );
      }
    } else if (typeof rro === 'string' && rro !== 'Disabled') {
      r.error('unsupportedValue', rroPath, notSupported(rro, ['Disabled', 'Enabled', 'IfPossible']), { at: rroAt });
    }
  });
}

/** GetVolumeMountMap / GetVolumeDeviceMap: each entry's name → its path (a later entry wins). */
function nameToPath(list: unknown, key: 'mountPath' | 'devicePath'): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of arr(list)) {
    const e = obj(raw);
    if (e) map.set(str(e['name']) ?? '', str(e[key]) ?? '');
  }
  return map;
}

/**
 * ValidateVolumeDevices: each device names a valid PVC or ephemeral volume (isMatchedDevice), once,
 * at a unique path without backsteps, and neither its name nor its path is one of the container's
 * volumeMounts.
 */
function checkVolumeDevices(r: Reporter, c: Obj, path: FieldPath, volumes: VolumeVerdicts): void {
  const mounts = nameToPath(c['volumeMounts'], 'mountPath');
  const mountPaths = new Set(mounts.values());
  const names = new Set<string>();
  const paths = new Set<string>();
  arr(c['volumeDevices']).forEach((raw, i) => {
    const d = obj(raw);
    if (!d) return;
    const at = [...path, 'volumeDevices', i];
    const name = str(d['name']) ?? '';
    const devicePath = str(d['devicePath']) ?? '';
    const namePart = has(d, 'name') ? 'value' : 'key';
    const pathPart = has(d, 'devicePath') ? 'value' : 'key';
    const matched = volumes.valid.has(name);
    if (name === '') r.error('requiredField', [...at, 'name'], required(), { part: namePart, required: true });
    if (names.has(name)) r.error('invalidVolumeDevice', [...at, 'name'], invalid(name, 'must be unique'));
    if (matched && !volumes.block.has(name))
      r.error(
        'invalidVolumeDevice',
        [...at, 'name'],
        invalid(name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'),
        { crossField: true, involves: [[...POD, 'volumes']] },
      );
    if (!matched)
      r.error('invalidVolumeDevice', [...at, 'name'], notFound(name), {
        crossField: true,
        involves: [[...POD, 'volumes']],
        part: namePart,
      });
    if (devicePath === '')
      r.error('requiredField', [...at, 'devicePath'], required(), { part: pathPart, required: true });
    if (paths.has(devicePath))
      r.error('invalidVolumeDevice', [...at, 'devicePath'], invalid(devicePath, 'must be unique'));
    if (devicePath !== '' && devicePath.split('/').includes('..'))
      r.error('invalidVolumeDevice', [...at, 'devicePath'], invalid(devicePath, "can not contain backsteps ('..')"));
    else paths.add(devicePath);
    if (mounts.has(name))
      r.error('invalidVolumeDevice', [...at, 'name'], invalid(name, 'must not already exist in volumeMounts'), {
        part: namePart,
      });
    if (mountPaths.has(devicePath))
      r.error(
        'invalidVolumeDevice',
        [...at, 'devicePath'],
        invalid(devicePath, 'must not already exist as a path in volumeMounts'),
        { part: pathPart },
      );
    if (name !== '') names.add(name);
  });
}

/**
 * validateResizePolicy: errors on the list's path, except a repeated resource (on its entry). A
 * repeated resource is reported whatever its name; with the pod's restartPolicy Never every
 * restartPolicy other than NotRequired is Invalid as well.
 */
function checkResizePolicy(r: Reporter, c: Obj, path: FieldPath, podRestartPolicy: string): void {
  const list = [...path, 'resizePolicy'];
  const seen = new Set<string>();
  arr(c['resizePolicy']).forEach((raw, i) => {
    const p = obj(raw);
    if (!p) return;
    const at = [...list, i];
    const name = str(p['resourceName']) ?? '';
    if (seen.has(name)) r.error('invalidResizePolicy', at, duplicate(name), { at: [...at, 'resourceName'] });
    seen.add(name);
    if (name === '')
      r.error('invalidResizePolicy', list, required(), {
        at: [...at, 'resourceName'],
        part: has(p, 'resourceName') ? 'value' : 'key',
      });
    else if (name !== 'cpu' && name !== 'memory')
      r.error('invalidResizePolicy', list, notSupported(name, ['cpu', 'memory']), { at: [...at, 'resourceName'] });
    const policy = str(p['restartPolicy']) ?? '';
    if (policy === '')
      r.error('invalidResizePolicy', list, required(), {
        at: [...at, 'restartPolicy'],
        part: has(p, 'restartPolicy') ? 'value' : 'key',
      });
    else if (policy !== 'NotRequired' && policy !== 'RestartContainer') {
      r.error('invalidResizePolicy', list, notSupported(policy, ['NotRequired', 'RestartContainer']), {
        at: [...at, 'restartPolicy'],
      });
    }
    if (podRestartPolicy === 'Never' && policy !== 'NotRequired') {
      // Upstream reports one such error per entry at the list's path: the resource tells them apart.
      const message = invalid(policy, "must be 'NotRequired' when `restartPolicy` is 'Never'");
      r.error('invalidResizePolicy', list, `${message} (resourceName ${JSON.stringify(name)})`, {
        at: [...at, 'restartPolicy'],
        part: has(p, 'restartPolicy') ? 'value' : 'key',
        crossField: true,
        involves: [[...POD, 'restartPolicy']],
      });
    }
  });
}

const CONTAINER_RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];
const RESTART_RULE_ACTIONS = ['Restart'];
const RESTART_RULE_OPERATORS = ['In', 'NotIn'];
const MAX_RESTART_RULES = 20;
const MAX_RESTART_RULE_EXIT_CODES = 255;

/**
 * validateContainerRestartPolicy (pkg/apis/core/validation/validation.go): restartPolicy is
 * required when rules are given and one of Always, Never, OnFailure; at most 20 rules; each
 * rule's action is Restart (RestartAllContainers needs the alpha RestartAllContainersOnContainerExits
 * gate), its exitCodes are required, their operator is In or NotIn and at most 255 values.
 */
function checkContainerRestartPolicy(r: Reporter, c: Obj, path: FieldPath): void {
  const rulesPath = [...path, 'restartPolicyRules'];
  const rules = arr(c['restartPolicyRules']);
  if (!has(c, 'restartPolicy')) {
    if (rules.length === 0) return;
    r.error(
      'containerRestartPolicy',
      [...path, 'restartPolicy'],
      required('must specify restartPolicy when restart rules are used'),
      { at: rulesPath, part: 'key' },
    );
  } else {
    const policy = c['restartPolicy'];
    if (typeof policy === 'string' && !CONTAINER_RESTART_POLICIES.includes(policy))
      r.error('containerRestartPolicy', [...path, 'restartPolicy'], notSupported(policy, CONTAINER_RESTART_POLICIES));
  }
  if (rules.length > MAX_RESTART_RULES)
    r.error('containerRestartPolicy', rulesPath, tooMany(rules.length, MAX_RESTART_RULES), { part: 'key' });
  rules.forEach((raw, i) => {
    const rule = obj(raw);
    if (!rule) return;
    const rulePath = [...rulesPath, i];
    const action = rule['action'];
    if (action === undefined || action === null || typeof action === 'string') {
      const value = typeof action === 'string' ? action : '';
      if (!RESTART_RULE_ACTIONS.includes(value))
        r.error('containerRestartPolicy', [...rulePath, 'action'], notSupported(value, RESTART_RULE_ACTIONS), {
          at: has(rule, 'action') ? [...rulePath, 'action'] : rulePath,
        });
    }
    const exitCodes = obj(rule['exitCodes']);
    if (!exitCodes) {
      if (!has(rule, 'exitCodes'))
        r.error('containerRestartPolicy', [...rulePath, 'exitCodes'], required('must be specified'), {
          at: rulePath,
        });
      return;
    }
    const operator = exitCodes['operator'];
    if (operator === undefined || operator === null || typeof operator === 'string') {
      const value = typeof operator === 'string' ? operator : '';
      if (!RESTART_RULE_OPERATORS.includes(value))
        r.error(
          'containerRestartPolicy',
          [...rulePath, 'exitCodes', 'operator'],
          notSupported(value, RESTART_RULE_OPERATORS),
          { at: has(exitCodes, 'operator') ? [...rulePath, 'exitCodes', 'operator'] : [...rulePath, 'exitCodes'] },
        );
    }
    const values = arr(exitCodes['values']);
    if (values.length > MAX_RESTART_RULE_EXIT_CODES)
      r.error(
        'containerRestartPolicy',
        [...rulePath, 'exitCodes', 'values'],
        tooMany(values.length, MAX_RESTART_RULE_EXIT_CODES),
        { part: 'key' },
      );
  });
}
