// What the API server accepts but authors regret, and the warnings the API server itself sends
// back for pod templates (pkg/api/pod/warnings.go: deprecated annotations, seccomp annotations).
// Kept few on purpose: each names a concrete consequence.
import type { FieldPath } from '../../model';
import { intOrPercentValue } from './daemonSetSpec';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD, SPEC, TEMPLATE_META } from './paths';

/** deprecatedAnnotations in warningsForPodSpecAndMeta */
const DEPRECATED_ANNOTATIONS: ReadonlyMap<string, string> = new Map([
  ['scheduler.alpha.kubernetes.io/critical-pod', 'non-functional in v1.16+; use the "priorityClassName" field instead'],
  ['security.alpha.kubernetes.io/sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
  ['security.alpha.kubernetes.io/unsafe-sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
]);

export function checkWarnings(r: Reporter, ds: Obj): void {
  const spec = obj(ds['spec']);
  const template = obj(spec?.['template']);
  const pod = obj(template?.['spec']);
  if (!pod) return;
  checkHostPortWithSurge(r, spec!, pod);
  checkAnnotations(r, obj(obj(template?.['metadata'])?.['annotations']), pod);

  // serviceAccount is the pre-1.0 alias the API server still copies into serviceAccountName.
  if (has(pod, 'serviceAccount')) {
    r.warning(
      'serviceAccountDeprecated',
      [...POD, 'serviceAccount'],
      'deprecated alias of serviceAccountName; use serviceAccountName',
      { part: 'key' },
    );
  }
  // The controller creates a pod only for the named node (nodeShouldRunDaemonPod).
  const nodeName = str(pod['nodeName']);
  if (nodeName) r.info('nodeNamePinned', [...POD, 'nodeName'], `the DaemonSet runs a pod only on node "${nodeName}"`);

  const containers = arr(pod['containers']);
  containers.forEach((raw, i) => {
    const c = obj(raw);
    if (c) checkImageTag(r, c, [...POD, 'containers', i]);
  });
  // Requests default to limits, so either one counts. With none at all the pods are BestEffort.
  const reserves = (raw: unknown) => {
    const resources = obj(obj(raw)?.['resources']);
    return ['cpu', 'memory'].some((k) => has(obj(resources?.['requests']), k) || has(obj(resources?.['limits']), k));
  };
  if (containers.length > 0 && !containers.some(reserves)) {
    r.info(
      'noResourceRequests',
      [...POD, 'containers'],
      'no container requests cpu or memory: the scheduler reserves nothing for the daemon pods, and as BestEffort pods they are the first evicted when a node runs short',
      {
        part: 'key',
      },
    );
  }
  arr(pod['initContainers']).forEach((raw, i) => {
    const c = obj(raw);
    if (c) checkImageTag(r, c, [...POD, 'initContainers', i]);
  });
}

/** A surge pod lands on the same node as the pod it replaces: it can never bind the same host port. */
function checkHostPortWithSurge(r: Reporter, spec: Obj, pod: Obj): void {
  const strategy = obj(spec['updateStrategy']);
  const type = str(strategy?.['type']) || 'RollingUpdate';
  const rolling = obj(strategy?.['rollingUpdate']);
  if (type !== 'RollingUpdate' || !has(rolling, 'maxSurge')) return;
  const surge = rolling!['maxSurge'];
  if (intOrPercentValue(surge) <= 0) return;
  const hostNetwork = pod['hostNetwork'] === true;
  let found: { port: number; path: FieldPath } | undefined;
  arr(pod['containers']).forEach((raw, ci) => {
    arr(obj(raw)?.['ports']).forEach((rawPort, pi) => {
      const p = obj(rawPort);
      const port = int(p?.['hostPort']) || (hostNetwork ? int(p?.['containerPort']) : undefined);
      if (!found && port) found = { port, path: [...POD, 'containers', ci, 'ports', pi] };
    });
  });
  if (!found) return;
  const how = hostNetwork ? `hostNetwork port ${found.port}` : `hostPort ${found.port}`;
  r.warning(
    'hostPortWithSurge',
    [...SPEC, 'updateStrategy', 'rollingUpdate', 'maxSurge'],
    `maxSurge ${JSON.stringify(surge)} with ${how}: the surge pod is placed on the same node and cannot bind the port while the old pod holds it, so the rollout never completes; use maxSurge: 0 with maxUnavailable instead`,
    { involves: [found.path] },
  );
}

function checkAnnotations(r: Reporter, annotations: Obj | undefined, pod: Obj): void {
  if (!annotations) return;
  const path = [...TEMPLATE_META, 'annotations'];
  for (const [key, message] of DEPRECATED_ANNOTATIONS) {
    if (Object.prototype.hasOwnProperty.call(annotations, key))
      r.warning('deprecatedAnnotation', [...path, key], message, { part: 'key' });
  }
  const podSeccomp = obj(obj(pod['securityContext'])?.['seccompProfile']);
  if (Object.prototype.hasOwnProperty.call(annotations, 'seccomp.security.alpha.kubernetes.io/pod') && !podSeccomp) {
    r.warning(
      'deprecatedAnnotation',
      [...path, 'seccomp.security.alpha.kubernetes.io/pod'],
      'non-functional in v1.27+; use the "seccompProfile" field instead',
      { part: 'key' },
    );
  }
  const containers = [...arr(pod['containers']), ...arr(pod['initContainers'])].map(obj).filter((c): c is Obj => !!c);
  for (const c of containers) {
    const name = str(c['name']);
    if (!name) continue;
    const sc = obj(c['securityContext']);
    const seccompKey = `container.seccomp.security.alpha.kubernetes.io/${name}`;
    if (Object.prototype.hasOwnProperty.call(annotations, seccompKey) && !has(sc, 'seccompProfile')) {
      r.warning(
        'deprecatedAnnotation',
        [...path, seccompKey],
        'non-functional in v1.27+; use the "seccompProfile" field instead',
        { part: 'key' },
      );
    }
    const appArmorKey = `container.apparmor.security.beta.kubernetes.io/${name}`;
    if (
      Object.prototype.hasOwnProperty.call(annotations, appArmorKey) &&
      !has(sc, 'appArmorProfile') &&
      !has(obj(pod['securityContext']), 'appArmorProfile')
    ) {
      r.warning(
        'deprecatedAnnotation',
        [...path, appArmorKey],
        'deprecated since v1.30; use the "appArmorProfile" field instead',
        { part: 'key' },
      );
    }
  }
}

/** A floating tag means every node may run a different build, and pulls on every restart. */
function checkImageTag(r: Reporter, c: Obj, path: FieldPath): void {
  const image = str(c['image']);
  if (!image || has(c, 'imagePullPolicy') || image.includes('@')) return;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : undefined;
  if (tag !== undefined && tag !== 'latest') return;
  const what = tag === undefined ? `has no tag, so ":latest" is used` : 'uses ":latest"';
  r.info(
    'imageLatest',
    [...path, 'image'],
    `image ${JSON.stringify(image)} ${what}: imagePullPolicy defaults to Always and nodes may run different builds; pin a version`,
  );
}
