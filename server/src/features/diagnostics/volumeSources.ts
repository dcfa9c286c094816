// The per-source volume validators of validateVolumeSource (pkg/apis/core/validation/validation.go),
// with upstream's field paths kept as they are, quirks included: a downward API item's errors sit
// on the source (`downwardAPI.path`, `downwardAPI.mode`, no item index), a projected token's path
// on `projected.path`, and a second source of type downwardAPI/cephfs is reported at upstream's
// spellings `downwarAPI` and `cephFS`.
import type { FieldPath } from '../../model';
import { forbidden, inclusiveRange, invalid, notSupported, required, tooLongBytes } from './fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './nameSyntax';
import { isNegativeQuantity } from '../../placement/quantityOrder';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';

/** What the validators report through: the Reporter, or a wrapper that counts. */
export interface ErrorSink {
  error(
    code: string,
    path: FieldPath,
    message: string,
    opts?: { part?: 'key' | 'value'; required?: boolean; data?: unknown; at?: FieldPath },
  ): void;
  /** The source text of a field, when the sink knows it. */
  typed?(path: FieldPath): string | undefined;
}

/** fileModeErrorMsg */
export const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/**
 * Every VolumeSource field in the order validateVolumeSource visits them, with the path segment it
 * reports "may not specify more than 1 volume type" at.
 */
export const VOLUME_SOURCES: ReadonlyArray<readonly [field: string, forbiddenAt: string]> = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** The volume's sources as written (Go: the non-nil pointers; YAML null counts as unset). */
export function presentSources(v: Obj): string[] {
  return VOLUME_SOURCES.map(([f]) => f).filter((f) => has(v, f));
}

const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/** validateVolumeSource after SetDefaults_Volume (no source at all means emptyDir). */
export function checkVolumeSource(r: ErrorSink, v: Obj, at: FieldPath): void {
  let count = 0;
  for (const [field, forbiddenAt] of VOLUME_SOURCES) {
    if (!has(v, field)) continue;
    if (count > 0) {
      r.error('volumeSource', [...at, forbiddenAt], forbidden('may not specify more than 1 volume type'), {
        at: [...at, field],
        part: 'key',
      });
      continue;
    }
    count++;
    const src = obj(v[field]) ?? {};
    const p = [...at, field];
    switch (field) {
      case 'hostPath':
        hostPath(r, src, p);
        break;
      case 'gitRepo':
        if (empty(src['repository'])) r.error('requiredField', [...p, 'repository'], required(), { part: 'key' });
        descendingPath(r, str(src['directory']) ?? '', [...p, 'directory']);
        break;
      case 'gcePersistentDisk':
        if (empty(src['pdName'])) r.error('requiredField', [...p, 'pdName'], required(), { part: 'key' });
        partition(r, src, p);
        break;
      case 'awsElasticBlockStore':
        if (empty(src['volumeID'])) r.error('requiredField', [...p, 'volumeID'], required(), { part: 'key' });
        partition(r, src, p);
        break;
      case 'secret':
        if (empty(src['secretName'])) r.error('requiredField', [...p, 'secretName'], required(), { part: 'key' });
        fileMode(r, src, 'defaultMode', [...p, 'defaultMode']);
        keyToPaths(r, src['items'], [...p, 'items']);
        break;
      case 'configMap':
        if (empty(src['name'])) r.error('requiredField', [...p, 'name'], required(), { part: 'key' });
        fileMode(r, src, 'defaultMode', [...p, 'defaultMode']);
        keyToPaths(r, src['items'], [...p, 'items']);
        break;
      case 'nfs': {
        if (empty(src['server'])) r.error('requiredField', [...p, 'server'], required(), { part: 'key' });
        const path = str(src['path']) ?? '';
        if (path === '') r.error('requiredField', [...p, 'path'], required(), { part: 'key' });
        if (!path.startsWith('/'))
          r.error('invalidPath', [...p, 'path'], invalid(path, 'must be an absolute path'), {
            part: path === '' ? 'key' : 'value',
          });
        break;
      }
      case 'iscsi':
        iscsi(r, src, p);
        break;
      case 'glusterfs':
        if (empty(src['endpoints'])) r.error('requiredField', [...p, 'endpoints'], required(), { part: 'key' });
        if (empty(src['path'])) r.error('requiredField', [...p, 'path'], required(), { part: 'key' });
        break;
      case 'flocker': {
        const name = str(src['datasetName']) ?? '';
        const uuid = str(src['datasetUUID']) ?? '';
        if (name === '' && uuid === '')
          r.error('volumeSource', p, required('one of datasetName and datasetUUID is required'), { part: 'key' });
        if (name !== '' && uuid !== '')
          r.error(
            'volumeSource',
            p,
            invalid('resource', 'datasetName and datasetUUID can not be specified simultaneously'),
            { part: 'key' },
          );
        if (name.includes('/')) r.error('invalidValue', [...p, 'datasetName'], invalid(name, "must not contain '/'"));
        break;
      }
      case 'persistentVolumeClaim':
        if (empty(src['claimName'])) r.error('requiredField', [...p, 'claimName'], required(), { part: 'key' });
        break;
      case 'rbd':
        if (arr(src['monitors']).length === 0)
          r.error('requiredField', [...p, 'monitors'], required(), { part: 'key' });
        if (empty(src['image'])) r.error('requiredField', [...p, 'image'], required(), { part: 'key' });
        break;
      case 'cinder':
        if (empty(src['volumeID'])) r.error('requiredField', [...p, 'volumeID'], required(), { part: 'key' });
        if (obj(src['secretRef']) && empty(obj(src['secretRef'])!['name']))
          r.error('requiredField', [...p, 'secretRef', 'name'], required(), { part: 'key' });
        break;
      case 'cephfs':
        if (arr(src['monitors']).length === 0)
          r.error('requiredField', [...p, 'monitors'], required(), { part: 'key' });
        break;
      case 'quobyte':
        quobyte(r, src, p);
        break;
      case 'downwardAPI':
        fileMode(r, src, 'defaultMode', [...p, 'defaultMode']);
        for (const [i, item] of arr(src['items']).entries()) {
          const file = obj(item);
          if (file) downwardAPIFile(r, file, p, [...p, 'items', i]);
        }
        break;
      case 'fc':
        fc(r, src, p);
        break;
      case 'flexVolume':
        if (empty(src['driver'])) r.error('requiredField', [...p, 'driver'], required(), { part: 'key' });
        for (const k of Object.keys(obj(src['options']) ?? {})) {
          const slash = k.indexOf('/');
          const namespace = '.' + (slash >= 0 ? k.slice(0, slash) : k).toLowerCase();
          if (namespace.endsWith('.kubernetes.io') || namespace.endsWith('.k8s.io')) {
            r.error(
              'invalidValue',
              [...p, 'options', k],
              invalid(k, 'kubernetes.io and k8s.io namespaces are reserved'),
              { part: 'key' },
            );
          }
        }
        break;
      case 'azureFile':
        if (empty(src['secretName'])) r.error('requiredField', [...p, 'secretName'], required(), { part: 'key' });
        if (empty(src['shareName'])) r.error('requiredField', [...p, 'shareName'], required(), { part: 'key' });
        break;
      case 'vsphereVolume':
        if (empty(src['volumePath'])) r.error('requiredField', [...p, 'volumePath'], required(), { part: 'key' });
        break;
      case 'photonPersistentDisk':
        if (empty(src['pdID'])) r.error('requiredField', [...p, 'pdID'], required(), { part: 'key' });
        break;
      case 'portworxVolume':
        if (empty(src['volumeID'])) r.error('requiredField', [...p, 'volumeID'], required(), { part: 'key' });
        break;
      case 'azureDisk':
        azureDisk(r, src, p);
        break;
      case 'storageos': {
        const name = str(src['volumeName']) ?? '';
        if (name === '') r.error('requiredField', [...p, 'volumeName'], required(), { part: 'key' });
        else dnsLabel(r, name, [...p, 'volumeName']);
        const ns = str(src['volumeNamespace']) ?? '';
        if (ns !== '') dnsLabel(r, ns, [...p, 'volumeNamespace']);
        if (obj(src['secretRef']) && empty(obj(src['secretRef'])!['name']))
          r.error('requiredField', [...p, 'secretRef', 'name'], required(), { part: 'key' });
        break;
      }
      case 'projected':
        fileMode(r, src, 'defaultMode', [...p, 'defaultMode']);
        projectionSources(r, src, p);
        break;
      case 'scaleIO':
        for (const f of ['gateway', 'system', 'volumeName'])
          if (empty(src[f])) r.error('requiredField', [...p, f], required(), { part: 'key' });
        break;
      case 'csi':
        csiDriverName(r, str(src['driver']) ?? '', [...p, 'driver']);
        if (obj(src['nodePublishSecretRef'])) {
          const name = str(obj(src['nodePublishSecretRef'])!['name']) ?? '';
          if (name === '')
            r.error('requiredField', [...p, 'nodePublishSecretRef', 'name'], required(), { part: 'key' });
          else {
            // Upstream reports the name at csi.name.
            const errs = isDNS1123Subdomain(name);
            for (const e of errs)
              r.error('invalidName', [...p, 'name'], invalid(name, e), { at: [...p, 'nodePublishSecretRef', 'name'] });
          }
        }
        break;
      case 'ephemeral':
        if (!obj(src['volumeClaimTemplate']))
          r.error('requiredField', [...p, 'volumeClaimTemplate'], required(), { part: 'key' });
        break;
      case 'emptyDir':
        if (has(src, 'sizeLimit') && isNegativeQuantity(src['sizeLimit'])) {
          r.error('negativeValue', [...p, 'sizeLimit'], forbidden('SizeLimit field must be a valid resource quantity'));
        }
        break;
      case 'image': {
        // The reference is required on Pods only (ResourceIsPod), not in a template.
        const policy = src['pullPolicy'];
        if (typeof policy === 'string' && policy !== '' && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
          r.error('unsupportedValue', [...p, 'pullPolicy'], notSupported(policy, ['Always', 'IfNotPresent', 'Never']));
        }
        break;
      }
    }
  }
}

function hostPath(r: ErrorSink, src: Obj, p: FieldPath): void {
  const path = str(src['path']) ?? '';
  if (path === '') {
    r.error('requiredField', [...p, 'path'], required(), { part: 'key' });
    return;
  }
  noBacksteps(r, path, [...p, 'path']);
  const type = src['type'];
  const types = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
  if (typeof type === 'string' && !types.includes(type))
    r.error('unsupportedValue', [...p, 'type'], notSupported(type, types));
}

function partition(r: ErrorSink, src: Obj, p: FieldPath): void {
  const n = int(src['partition']);
  if (n !== undefined && (n < 0 || n > 255))
    r.error('invalidValue', [...p, 'partition'], invalid(n, inclusiveRange(1, 255)));
}

const IQN = /^iqn\.\d{4}-\d{2}\.([A-Za-z0-9.-]+)(:[^,;*&$|\s]+)$/;
const EUI = /^eui.[A-Za-z0-9]{16}$/;
const NAA = /^naa.[A-Za-z0-9]{32}$/;

function iqnErrors(value: string, whenNoPrefix: string): string | undefined {
  if (!value.startsWith('iqn') && !value.startsWith('eui') && !value.startsWith('naa')) return whenNoPrefix;
  if (value.startsWith('iqn') && !IQN.test(value)) return 'must be valid format';
  if (value.startsWith('eui') && !EUI.test(value)) return 'must be valid format';
  if (value.startsWith('naa') && !NAA.test(value)) return 'must be valid format';
  return undefined;
}

function iscsi(r: ErrorSink, src: Obj, p: FieldPath): void {
  if (empty(src['targetPortal'])) r.error('requiredField', [...p, 'targetPortal'], required(), { part: 'key' });
  const iqn = str(src['iqn']) ?? '';
  if (iqn === '') r.error('requiredField', [...p, 'iqn'], required(), { part: 'key' });
  else {
    const e = iqnErrors(iqn, 'must be valid format starting with iqn, eui, or naa');
    if (e) r.error('invalidValue', [...p, 'iqn'], invalid(iqn, e));
  }
  const lun = int(src['lun']);
  if (lun !== undefined && (lun < 0 || lun > 255))
    r.error('invalidValue', [...p, 'lun'], invalid(lun, inclusiveRange(0, 255)));
  if ((src['chapAuthDiscovery'] === true || src['chapAuthSession'] === true) && !obj(src['secretRef'])) {
    r.error('requiredField', [...p, 'secretRef'], required(), { part: 'key' });
  }
  const initiator = str(src['initiatorName']);
  if (initiator !== undefined) {
    // validateISCSIVolumeSource reports at "initiatorname", lower case.
    const at = [...p, 'initiatorName'];
    if (!initiator.startsWith('iqn') && !initiator.startsWith('eui') && !initiator.startsWith('naa')) {
      r.error(
        'invalidValue',
        [...p, 'initiatorname'],
        invalid(initiator, 'must be valid format starting with iqn, eui, or naa'),
        { at },
      );
    }
    const e = iqnErrors(initiator, '');
    if (e) r.error('invalidValue', [...p, 'initiatorname'], invalid(initiator, e), { at });
  }
}

function quobyte(r: ErrorSink, src: Obj, p: FieldPath): void {
  const registry = str(src['registry']) ?? '';
  const tenant = str(src['tenant']) ?? '';
  if (registry === '')
    r.error(
      'requiredField',
      [...p, 'registry'],
      required('must be a host:port pair or multiple pairs separated by commas'),
      { part: 'key' },
    );
  else if (tenant.length >= 65)
    r.error('requiredField', [...p, 'tenant'], required('must be a UUID and may not exceed a length of 64 characters'));
  else {
    for (const pair of registry.split(',')) {
      // net.SplitHostPort: host:port, [v6]:port
      if (!/^(\[[^\]]*\]|[^:[\]]*):[^:]*$/.test(pair)) {
        r.error(
          'invalidValue',
          [...p, 'registry'],
          invalid(registry, 'must be a host:port pair or multiple pairs separated by commas'),
        );
      }
    }
  }
  if (empty(src['volume'])) r.error('requiredField', [...p, 'volume'], required(), { part: 'key' });
}

function fc(r: ErrorSink, src: Obj, p: FieldPath): void {
  const wwns = arr(src['targetWWNs']);
  const wwids = arr(src['wwids']);
  if (wwns.length < 1 && wwids.length < 1)
    r.error('requiredField', [...p, 'targetWWNs'], required('must specify either targetWWNs or wwids, but not both'), {
      part: 'key',
    });
  if (wwns.length !== 0 && wwids.length !== 0)
    r.error(
      'invalidValue',
      [...p, 'targetWWNs'],
      invalid(wwns, 'targetWWNs and wwids can not be specified simultaneously'),
      { part: 'key' },
    );
  if (wwns.length !== 0) {
    const lun = src['lun'];
    if (lun === undefined || lun === null)
      r.error('requiredField', [...p, 'lun'], required('lun is required if targetWWNs is specified'), { part: 'key' });
    else if (typeof lun === 'number' && (lun < 0 || lun > 255))
      r.error('invalidValue', [...p, 'lun'], invalid(lun, inclusiveRange(0, 255)));
  }
}

function azureDisk(r: ErrorSink, src: Obj, p: FieldPath): void {
  if (empty(src['diskName'])) r.error('requiredField', [...p, 'diskName'], required(), { part: 'key' });
  const uri = str(src['diskURI']) ?? '';
  if (uri === '') r.error('requiredField', [...p, 'diskURI'], required(), { part: 'key' });
  const caching = str(src['cachingMode']);
  if (caching !== undefined && !['None', 'ReadOnly', 'ReadWrite'].includes(caching))
    r.error('unsupportedValue', [...p, 'cachingMode'], notSupported(caching, ['None', 'ReadOnly', 'ReadWrite']));
  const kind = str(src['kind']);
  if (kind !== undefined && !['Dedicated', 'Managed', 'Shared'].includes(kind))
    r.error('unsupportedValue', [...p, 'kind'], notSupported(kind, ['Dedicated', 'Managed', 'Shared']));
  if (kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    r.error(
      'unsupportedValue',
      [...p, 'diskURI'],
      notSupported(uri, [
        '/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}',
      ]),
    );
  }
  if (kind !== undefined && kind !== 'Managed' && !uri.startsWith('https://')) {
    r.error(
      'unsupportedValue',
      [...p, 'diskURI'],
      notSupported(uri, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd']),
    );
  }
}

/** ValidateCSIDriverName */
function csiDriverName(r: ErrorSink, driver: string, p: FieldPath): void {
  if (driver === '') r.error('requiredField', p, required(), { part: 'key' });
  if (driver.length > 63) r.error('invalidValue', p, 'Too long: may not be more than 63 bytes');
  for (const e of isDNS1123Subdomain(driver.toLowerCase())) r.error('invalidValue', p, invalid(driver, e));
}

function dnsLabel(r: ErrorSink, value: string, p: FieldPath): void {
  for (const e of isDNS1123Label(value)) r.error('invalidName', p, invalid(value, e));
}

/** validateDownwardAPIVolumeFile: `p` is the source's path (upstream passes it, not the item's). */
export function downwardAPIFile(r: ErrorSink, file: Obj, p: FieldPath, item: FieldPath): void {
  const path = str(file['path']) ?? '';
  if (path === '') r.error('requiredField', [...p, 'path'], required(), { at: [...item, 'path'], part: 'key' });
  localNonReservedPath(r, path, [...p, 'path'], [...item, 'path']);
  const fieldRef = obj(file['fieldRef']);
  const resourceFieldRef = obj(file['resourceFieldRef']);
  if (fieldRef) {
    objectFieldSelector(r, fieldRef, VOLUME_FIELD_PATHS, [...p, 'fieldRef'], [...item, 'fieldRef']);
    if (resourceFieldRef)
      r.error(
        'volumeSource',
        p,
        invalid('resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'),
        { at: item, part: 'key' },
      );
  } else if (resourceFieldRef) {
    const container = str(resourceFieldRef['containerName']) ?? '';
    const resource = str(resourceFieldRef['resource']) ?? '';
    if (container === '')
      r.error('requiredField', [...p, 'resourceFieldRef', 'containerName'], required(), {
        at: [...item, 'resourceFieldRef'],
        part: 'key',
      });
    else if (resource === '')
      r.error('requiredField', [...p, 'resourceFieldRef', 'resource'], required(), {
        at: [...item, 'resourceFieldRef'],
        part: 'key',
      });
    else if (!RESOURCE_FIELDS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
      r.error('unsupportedValue', [...p, 'resourceFieldRef', 'resource'], notSupported(resource, RESOURCE_FIELDS), {
        at: [...item, 'resourceFieldRef', 'resource'],
      });
    }
  } else {
    r.error('volumeSource', p, required('one of fieldRef and resourceFieldRef is required'), { at: item, part: 'key' });
  }
  const mode = int(file['mode']);
  if (mode !== undefined && (mode < 0 || mode > 0o777))
    r.error('invalidFileMode', [...p, 'mode'], invalid(mode, FILE_MODE_ERROR), { at: [...item, 'mode'] });
}

/** validContainerResourceFieldPathExpressions */
export const RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
/** validVolumeDownwardAPIFieldPathExpressions */
export const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];
/** validEnvDownwardAPIFieldPathExpressions */
export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** ConvertDownwardAPIFieldLabel's labels (pkg/api/pod); spec.host is converted to spec.nodeName. */
const FIELD_LABELS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** fieldpath.SplitMaybeSubscriptedPath */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const s = fieldPath.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/**
 * validateObjectFieldSelector (after SetDefaults_ObjectFieldSelector: apiVersion v1). Qualified-name
 * errors of a subscript sit on the selector itself (`fieldRef`), as upstream reports them.
 */
export function objectFieldSelector(
  r: ErrorSink,
  fs: Obj,
  expressions: readonly string[],
  p: FieldPath,
  range: FieldPath = p,
): void {
  const apiVersion = str(fs['apiVersion']) || 'v1';
  const fieldPath = str(fs['fieldPath']) ?? '';
  if (fieldPath === '') {
    r.error('requiredField', [...p, 'fieldPath'], required(), { at: [...range, 'fieldPath'], part: 'key' });
    return;
  }
  const at = [...range, 'fieldPath'];
  let converted: string;
  const sub = splitSubscript(fieldPath);
  if (apiVersion !== 'v1') {
    r.error(
      'invalidFieldPath',
      [...p, 'fieldPath'],
      invalid(fieldPath, `error converting fieldPath: unsupported pod version: ${apiVersion}`),
      { at },
    );
    return;
  } else if (sub) {
    if (sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') {
      r.error(
        'invalidFieldPath',
        [...p, 'fieldPath'],
        invalid(fieldPath, `error converting fieldPath: field label does not support subscript: ${fieldPath}`),
        { at },
      );
      return;
    }
    converted = fieldPath;
  } else if (fieldPath === 'spec.host') {
    converted = 'spec.nodeName';
  } else if (FIELD_LABELS.includes(fieldPath)) {
    converted = fieldPath;
  } else {
    r.error(
      'invalidFieldPath',
      [...p, 'fieldPath'],
      invalid(fieldPath, `error converting fieldPath: field label not supported: ${fieldPath}`),
      { at },
    );
    return;
  }
  if (sub) {
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    for (const e of isQualifiedName(key)) r.error('invalidFieldPath', p, invalid(key, e), { at });
    return;
  }
  if (!expressions.includes(converted))
    r.error('unsupportedValue', [...p, 'fieldPath'], notSupported(converted, expressions), { at });
}

/** validateKeyToPath over a list */
function keyToPaths(r: ErrorSink, items: unknown, p: FieldPath): void {
  arr(items).forEach((raw, i) => {
    const kp = obj(raw);
    if (!kp) return;
    const at = [...p, i];
    if (empty(kp['key'])) r.error('requiredField', [...at, 'key'], required(), { part: 'key' });
    const path = str(kp['path']) ?? '';
    if (path === '') r.error('requiredField', [...at, 'path'], required(), { part: 'key' });
    localNonReservedPath(r, path, [...at, 'path']);
    fileMode(r, kp, 'mode', [...at, 'mode']);
  });
}

function fileMode(r: ErrorSink, o: Obj, field: string, p: FieldPath): void {
  const mode = int(o[field]);
  if (mode !== undefined && (mode < 0 || mode > 0o777)) r.error('invalidFileMode', p, invalid(mode, FILE_MODE_ERROR));
}

/** validatePathNoBacksteps: '..' elements after filepath.ToSlash (a no-op on Linux: '/' only). */
function noBacksteps(r: ErrorSink, value: string, p: FieldPath, at: FieldPath = p, code = 'invalidPath'): boolean {
  if (value.split('/').includes('..')) {
    r.error(code, p, invalid(value, "must not contain '..'"), { at });
    return false;
  }
  return true;
}

/** validateLocalDescendingPath */
export function descendingPath(
  r: ErrorSink,
  value: string,
  p: FieldPath,
  at: FieldPath = p,
  code = 'invalidPath',
): void {
  if (value.startsWith('/')) r.error(code, p, invalid(value, 'must be a relative path'), { at });
  noBacksteps(r, value, p, at, code);
}

/** ValidateLocalNonReservedPath */
export function localNonReservedPath(r: ErrorSink, value: string, p: FieldPath, at: FieldPath = p): void {
  descendingPath(r, value, p, at);
  if (value.startsWith('..') && !value.startsWith('../'))
    r.error('invalidPath', p, invalid(value, "must not start with '..'"), { at });
}

/**
 * validateProjectionSources, a clusterTrustBundle source: by name (ValidateClusterTrustBundleName,
 * with the signer taken from a "signer:…:name" name) or by signer (ValidateSignerName), not both.
 * (The signer form's labelSelector, ValidateLabelSelector, is not checked here.)
 */
function clusterTrustBundleRef(r: ErrorSink, ctb: Obj, cp: FieldPath): void {
  const usingName = ctb['name'] !== undefined && ctb['name'] !== null;
  const usingSigner = ctb['signerName'] !== undefined && ctb['signerName'] !== null;
  if (usingName && usingSigner) {
    r.error('volumeSource', cp, invalid(ctb, 'only one of name and signerName may be used'), { part: 'key' });
  } else if (usingName) {
    const name = str(ctb['name']) ?? '';
    if (name === '') r.error('requiredField', [...cp, 'name'], required('must be a valid object name'));
    const split = name.lastIndexOf(':');
    for (const msg of clusterTrustBundleNameErrors(split >= 0 ? name.slice(0, split).replace(/:/g, '/') : '', name))
      r.error('invalidName', [...cp, 'name'], invalid(name, `not a valid clustertrustbundlename: ${msg}`));
    if (ctb['labelSelector'] !== undefined && ctb['labelSelector'] !== null)
      r.error(
        'volumeSource',
        [...cp, 'labelSelector'],
        invalid(ctb['labelSelector'], 'labelSelector must be unset if name is specified'),
        { part: 'key' },
      );
  } else if (usingSigner) {
    const signer = str(ctb['signerName']) ?? '';
    if (signer === '') r.error('requiredField', [...cp, 'signerName'], required('must be a valid signer name'));
    signerName(r, signer, [...cp, 'signerName']);
  } else {
    r.error('requiredField', cp, required('either name or signerName must be specified'), { part: 'key' });
  }
}

/** ValidateClusterTrustBundleName(signerName)(name, false) */
function clusterTrustBundleNameErrors(signer: string, name: string): string[] {
  if (signer === '') {
    if (name.includes(':')) return ['ClusterTrustBundle without signer name must not have ":" in its name'];
    return isDNS1123Subdomain(name);
  }
  const prefix = `${signer.replace(/\//g, ':')}:`;
  if (!name.startsWith(prefix))
    return [`ClusterTrustBundle for signerName ${signer} must be named with prefix ${prefix}`];
  return isDNS1123Subdomain(name.slice(prefix.length));
}

/** ValidateSignerName: <domain>/<path>, each dot-separated part a DNS label (domain) or subdomain (path). */
function signerName(r: ErrorSink, value: string, p: FieldPath): void {
  if (value === '') {
    r.error('requiredField', p, required());
    return;
  }
  const segments = value.split('/');
  if (segments.length !== 2) {
    r.error(
      'invalidName',
      p,
      invalid(value, "must be a fully qualified domain and path of the form 'example.com/signer-name'"),
    );
    return;
  }
  const [domain, path] = segments as [string, string];
  if (domain.length > 253) r.error('invalidName', p, tooLongBytes(253));
  const domainLabels = domain.split('.');
  for (const label of domainLabels) {
    const errs = isDNS1123Label(label);
    for (const e of errs) r.error('invalidName', p, invalid(domain, `validating label ${JSON.stringify(label)}: ${e}`));
    if (errs.length) break;
  }
  if (domainLabels.length < 2)
    r.error('invalidName', p, invalid(domain, 'should be a domain with at least two segments separated by dots'));
  for (const label of path.split('.')) {
    const errs = isDNS1123Subdomain(label);
    for (const e of errs) r.error('invalidName', p, invalid(path, `validating label ${JSON.stringify(label)}: ${e}`));
    if (errs.length) break;
  }
  const max = 253 + (253 + 63 + 1) + 1;
  if (value.length > max) r.error('invalidName', p, tooLongBytes(max));
}

/** validateProjectionSources */
function projectionSources(r: ErrorSink, projected: Obj, p: FieldPath): void {
  const paths = new Set<string>();
  const dup = (path: string, name: unknown, at: FieldPath) => {
    if (paths.has(path)) r.error('invalidPath', p, invalid(name, 'conflicting duplicate paths'), { at });
    paths.add(path);
  };
  arr(projected['sources']).forEach((raw, i) => {
    const source = obj(raw);
    if (!source) return;
    const sp = [...p, 'sources', i];
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      if (!has(source, kind)) continue;
      n++;
      const s = obj(source[kind]) ?? {};
      if (empty(s['name'])) r.error('requiredField', [...sp, kind, 'name'], required(), { part: 'key' });
      arr(s['items']).forEach((rawItem, j) => {
        const kp = obj(rawItem);
        if (!kp) return;
        const at = [...sp, kind, 'items', j];
        if (empty(kp['key'])) r.error('requiredField', [...at, 'key'], required(), { part: 'key' });
        const path = str(kp['path']) ?? '';
        if (path === '') r.error('requiredField', [...at, 'path'], required(), { part: 'key' });
        localNonReservedPath(r, path, [...at, 'path']);
        fileMode(r, kp, 'mode', [...at, 'mode']);
        if (path !== '') dup(path, s['name'] ?? '', [...at, 'path']);
      });
    }
    if (has(source, 'downwardAPI')) {
      n++;
      const dp = [...sp, 'downwardAPI'];
      arr(obj(source['downwardAPI'])?.['items']).forEach((rawItem, j) => {
        const file = obj(rawItem);
        if (!file) return;
        downwardAPIFile(r, file, dp, [...dp, 'items', j]);
        const path = str(file['path']) ?? '';
        if (path !== '') dup(path, path, [...dp, 'items', j, 'path']);
      });
    }
    if (has(source, 'serviceAccountToken')) {
      n++;
      const tp = [...sp, 'serviceAccountToken'];
      const token = obj(source['serviceAccountToken']) ?? {};
      // expirationSeconds defaults to 3600 (SetDefaults_ServiceAccountTokenProjection).
      const exp = int(token['expirationSeconds']) ?? 3600;
      if (exp < 600)
        r.error(
          'invalidTokenExpiration',
          [...tp, 'expirationSeconds'],
          invalid(exp, 'may not specify a duration less than 10 minutes'),
        );
      if (exp > 2 ** 32)
        r.error(
          'invalidTokenExpiration',
          [...tp, 'expirationSeconds'],
          invalid(exp, 'may not specify a duration larger than 2^32 seconds'),
        );
      const path = str(token['path']) ?? '';
      // Upstream reports the token's path at projected.path.
      if (path === '') r.error('requiredField', [...p, 'path'], required(), { at: [...tp, 'path'], part: 'key' });
      else localNonReservedPath(r, path, [...p, 'path'], [...tp, 'path']);
    }
    if (has(source, 'clusterTrustBundle')) {
      n++;
      const cp = [...sp, 'clusterTrustBundle'];
      const ctb = obj(source['clusterTrustBundle']) ?? {};
      clusterTrustBundleRef(r, ctb, cp);
      const path = str(ctb['path']) ?? '';
      if (path === '') r.error('requiredField', [...cp, 'path'], required(), { part: 'key' });
      localNonReservedPath(r, path, [...cp, 'path']);
      dup(path, path, [...cp, 'path']);
    }
    if (has(source, 'podCertificate')) n++;
    if (n > 1)
      r.error('volumeSource', sp, forbidden('may not specify more than 1 volume type per source'), { part: 'key' });
  });
}
