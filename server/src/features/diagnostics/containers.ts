// Container rules: validateContainers, validateInitContainers, validateEphemeralContainers and
// validateContainerCommon (pkg/apis/core/validation/validation.go), delegating ports, env,
// volume mounts, resources, probes and security contexts to their own modules.
import type { FieldPath } from '../../model';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './fieldErrors';
import { isDNS1123Label } from './nameSyntax';
import { checkEnv, checkEnvFrom } from './env';
import { checkPorts } from './ports';
import { checkLifecycle, checkProbe } from './probes';
import { checkResources } from './resources';
import { checkContainerSecurityContext } from './securityContext';
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
  const volumes = new Set(arr(pod['volumes']).map((v) => str(obj(v)?.['name'])).filter((n): n is string => !!n));
  const grace = int(pod['terminationGracePeriodSeconds']) ?? 30;

  // validateContainers: at least one, names unique among regular containers.
  const containers = arr(pod['containers']);
  if (has(pod, 'containers') && containers.length === 0) r.error('requiredField', [...POD, 'containers'], required(), { part: 'key' });
  const names = new Set<string>();
  containers.forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const path = [...POD, 'containers', i];
    checkCommon(r, c, path, volumes);
    const name = str(c['name']);
    if (name !== undefined && name !== '') {
      if (names.has(name)) r.error('duplicateName', [...path, 'name'], duplicate(name));
      names.add(name);
    }
    if (has(c, 'lifecycle')) checkLifecycle(r, obj(c['lifecycle']), [...path, 'lifecycle'], grace);
    checkProbe(r, c['livenessProbe'], [...path, 'livenessProbe'], 'liveness', grace);
    checkProbe(r, c['readinessProbe'], [...path, 'readinessProbe'], 'readiness', grace);
    checkProbe(r, c['startupProbe'], [...path, 'startupProbe'], 'startup', grace);
    if (has(c, 'restartPolicy')) r.error('containerRestartPolicy', [...path, 'restartPolicy'], forbidden('may not be set for non-init containers'), { part: 'key' });
  });

  // validateInitContainers: names unique across init and regular containers; only sidecars
  // (restartPolicy: Always) may have probes and lifecycle hooks.
  arr(pod['initContainers']).forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const path = [...POD, 'initContainers', i];
    checkCommon(r, c, path, volumes);
    const restartPolicy = c['restartPolicy'];
    const sidecar = restartPolicy === 'Always';
    if (typeof restartPolicy === 'string' && !sidecar) {
      r.error('containerRestartPolicy', [...path, 'restartPolicy'], notSupported(restartPolicy, ['Always']));
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
        if (has(c, field)) r.error('initContainerField', [...path, field], forbidden('may not be set for init containers without restartPolicy=Always'), { part: 'key' });
      }
    }
    if (has(c, 'resizePolicy')) r.error('initContainerField', [...path, 'resizePolicy'], invalid(c['resizePolicy'], 'must not be set for init containers'), { part: 'key' });
  });

  // ValidatePodTemplateSpec
  if (arr(pod['ephemeralContainers']).length > 0) {
    r.error('ephemeralContainersForbidden', [...POD, 'ephemeralContainers'], forbidden('ephemeral containers not allowed in pod template'), { part: 'key' });
  }
}

/** validateContainerCommon */
function checkCommon(r: Reporter, c: Obj, path: FieldPath, volumes: ReadonlySet<string>): void {
  const name = str(c['name']);
  if (name === '') r.error('requiredField', [...path, 'name'], required(), { required: true });
  else if (name !== undefined) {
    const errs = isDNS1123Label(name);
    if (errs.length) r.error('invalidName', [...path, 'name'], invalid(name, errs.join('; ')));
  }
  const image = c['image'];
  if (image === undefined || image === null || image === '') {
    r.error('requiredField', [...path, 'image'], required(), { required: true, part: 'key' });
  }
  checkPorts(r, arr(c['ports']), [...path, 'ports']);
  checkEnv(r, arr(c['env']), [...path, 'env']);
  checkEnvFrom(r, arr(c['envFrom']), [...path, 'envFrom']);
  checkVolumeMounts(r, c, path, volumes);
  checkResources(r, obj(c['resources']), [...path, 'resources']);
  checkContainerSecurityContext(r, obj(c['securityContext']), [...path, 'securityContext']);
}

/** ValidateVolumeMounts */
function checkVolumeMounts(r: Reporter, c: Obj, path: FieldPath, volumes: ReadonlySet<string>): void {
  const mountPaths = new Set<string>();
  const privileged = obj(c['securityContext'])?.['privileged'] === true;
  arr(c['volumeMounts']).forEach((raw, i) => {
    const m = obj(raw);
    if (!m) return;
    const at = [...path, 'volumeMounts', i];
    const name = str(m['name']);
    if (name && !volumes.has(name)) {
      r.error('volumeNotFound', [...at, 'name'], notFound(name), { crossField: true, involves: [[...POD, 'volumes']] });
    }
    const mountPath = str(m['mountPath']);
    if (mountPath) {
      if (mountPaths.has(mountPath)) r.error('duplicateMountPath', [...at, 'mountPath'], invalid(mountPath, 'must be unique'));
      mountPaths.add(mountPath);
    }
    const subPath = str(m['subPath']);
    const subPathExpr = str(m['subPathExpr']);
    if (subPath && subPathExpr) r.error('invalidVolumeMount', [...at, 'subPathExpr'], invalid(subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
    for (const [field, value] of [['subPath', subPath], ['subPathExpr', subPathExpr]] as const) {
      if (!value) continue;
      if (value.startsWith('/')) r.error('invalidVolumeMount', [...at, field], invalid(value, 'must be a relative path'));
      if (value.split(/[\\/]/).includes('..')) r.error('invalidVolumeMount', [...at, field], invalid(value, "must not contain '..'"));
    }
    // validateMountPropagation
    if (m['mountPropagation'] === 'Bidirectional' && !privileged) {
      r.error('invalidVolumeMount', [...at, 'mountPropagation'], forbidden('Bidirectional mount propagation is available only to privileged containers'), {
        crossField: true,
        involves: [[...path, 'securityContext']],
      });
    }
    // validateMountRecursiveReadOnly
    const rro = str(m['recursiveReadOnly']);
    if (rro === 'Enabled' || rro === 'IfPossible') {
      if (m['readOnly'] !== true) r.error('invalidVolumeMount', [...at, 'recursiveReadOnly'], forbidden('may only be specified when readOnly is true'));
    } else if (rro !== undefined && rro !== 'Disabled') {
      r.error('unsupportedValue', [...at, 'recursiveReadOnly'], notSupported(rro, ['Disabled', 'Enabled', 'IfPossible']));
    }
  });
}
