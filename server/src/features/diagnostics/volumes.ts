// Volumes: ValidateVolumes and validateVolumeSource with the per-source validators that matter
// for DaemonSets (hostPath, secret, configMap, downwardAPI, projected, emptyDir), and
// validateKeyToPath (pkg/apis/core/validation/validation.go). File modes are read the way YAML
// 1.1 reads them: 0640 is octal (416), 640 is decimal and out of range.
import type { FieldPath } from '../../model';
import { duplicate, forbidden, invalid, required } from './fieldErrors';
import { isDNS1123Label } from './nameSyntax';
import { isNegativeQuantity } from '../../placement/quantityOrder';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';

/** fileModeErrorMsg */
export const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Every field of VolumeSource, in the order validateVolumeSource visits them (a volume sets exactly one). */
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

export interface FileModeFixData {
  /** The digits as typed, to be rewritten with a leading 0 (octal). */
  octal: string;
}

export function checkVolumes(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  const names = new Set<string>();
  arr(pod?.['volumes']).forEach((raw, i) => {
    const v = obj(raw);
    if (!v) return;
    const at = [...POD, 'volumes', i];
    const name = str(v['name']);
    if (name) {
      const errs = isDNS1123Label(name);
      if (errs.length) r.error('invalidName', [...at, 'name'], invalid(name, errs.join('; ')));
      if (names.has(name)) r.error('duplicateName', [...at, 'name'], duplicate(name));
      names.add(name);
    }
    const present = SOURCES.filter((s) => has(v, s));
    if (present.length === 0) r.error('volumeSource', at, required('must specify a volume type'), { required: true });
    for (const extra of present.slice(1)) r.error('volumeSource', [...at, extra], forbidden('may not specify more than 1 volume type'), { part: 'key' });
    checkSource(r, v, at);
  });
}

function checkSource(r: Reporter, v: Obj, at: FieldPath): void {
  const hostPath = obj(v['hostPath']);
  const p = str(hostPath?.['path']);
  if (p && p.split(/[\\/]/).includes('..')) r.error('invalidPath', [...at, 'hostPath', 'path'], invalid(p, "must not contain '..'"));

  const secret = obj(v['secret']);
  if (secret) {
    if (!str(secret['secretName'])) r.error('requiredField', [...at, 'secret', 'secretName'], required(), { required: true, part: 'key' });
    checkMode(r, secret, [...at, 'secret'], 'defaultMode');
    checkItems(r, secret['items'], [...at, 'secret', 'items']);
  }
  const configMap = obj(v['configMap']);
  if (configMap) {
    if (!str(configMap['name'])) r.error('requiredField', [...at, 'configMap', 'name'], required(), { required: true, part: 'key' });
    checkMode(r, configMap, [...at, 'configMap'], 'defaultMode');
    checkItems(r, configMap['items'], [...at, 'configMap', 'items']);
  }
  const downwardAPI = obj(v['downwardAPI']);
  if (downwardAPI) {
    checkMode(r, downwardAPI, [...at, 'downwardAPI'], 'defaultMode');
    arr(downwardAPI['items']).forEach((raw, i) => {
      const item = obj(raw);
      if (!item) return;
      const ip = [...at, 'downwardAPI', 'items', i];
      checkRelativePath(r, item['path'], [...ip, 'path']);
      checkMode(r, item, ip, 'mode');
      const n = ['fieldRef', 'resourceFieldRef'].filter((s) => has(item, s)).length;
      if (n === 0) r.error('volumeSource', ip, required('one of fieldRef and resourceFieldRef is required'), { required: true });
      else if (n > 1) r.error('volumeSource', ip, invalid('resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    });
  }
  const projected = obj(v['projected']);
  if (projected) {
    checkMode(r, projected, [...at, 'projected'], 'defaultMode');
    arr(projected['sources']).forEach((raw, i) => {
      const src = obj(raw);
      if (!src) return;
      const sp = [...at, 'projected', 'sources', i];
      const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'].filter((k) => has(src, k));
      if (kinds.length > 1) r.error('volumeSource', sp, forbidden('may not specify more than 1 volume type'), { part: 'value' });
      for (const k of ['secret', 'configMap']) {
        const s = obj(src[k]);
        if (s) checkItems(r, s['items'], [...sp, k, 'items']);
      }
      const token = obj(src['serviceAccountToken']);
      const exp = int(token?.['expirationSeconds']);
      if (exp !== undefined && exp < 600) r.error('invalidTokenExpiration', [...sp, 'serviceAccountToken', 'expirationSeconds'], invalid(exp, 'may not specify a duration less than 10 minutes'));
      if (exp !== undefined && exp > 2 ** 32) r.error('invalidTokenExpiration', [...sp, 'serviceAccountToken', 'expirationSeconds'], invalid(exp, 'may not specify a duration larger than 2^32 seconds'));
      if (token && has(token, 'path')) checkRelativePath(r, token['path'], [...sp, 'serviceAccountToken', 'path']);
    });
  }
  const emptyDir = obj(v['emptyDir']);
  if (emptyDir && has(emptyDir, 'sizeLimit') && isNegativeQuantity(emptyDir['sizeLimit'])) {
    r.error('negativeValue', [...at, 'emptyDir', 'sizeLimit'], forbidden('SizeLimit field must be a valid resource quantity'));
  }
}

/** validateKeyToPath */
function checkItems(r: Reporter, value: unknown, path: FieldPath): void {
  arr(value).forEach((raw, i) => {
    const item = obj(raw);
    if (!item) return;
    checkRelativePath(r, item['path'], [...path, i, 'path']);
    checkMode(r, item, [...path, i], 'mode');
  });
}

/** ValidateLocalNonReservedPath */
function checkRelativePath(r: Reporter, value: unknown, path: FieldPath): void {
  const p = str(value);
  if (!p) return;
  if (p.startsWith('/')) r.error('invalidPath', path, invalid(p, 'must be a relative path'));
  if (p.split(/[\\/]/).includes('..')) r.error('invalidPath', path, invalid(p, "must not contain '..'"));
  else if (p.startsWith('..')) r.error('invalidPath', path, invalid(p, "must not start with '..'"));
}

/** The defaultMode/mode checks: 0 to 0777. */
function checkMode(r: Reporter, o: Obj, path: FieldPath, field: string): void {
  const mode = int(o[field]);
  if (mode === undefined || (mode >= 0 && mode <= 0o777)) return;
  const at = [...path, field];
  const typed = sourceOf(r, at);
  // A mode written as decimal digits that would be valid octal: the author meant octal.
  const octal = typed !== undefined && /^[0-7]{3,4}$/.test(typed) && !typed.startsWith('0') && parseInt(typed, 8) <= 0o777;
  const message = invalid(mode, FILE_MODE_ERROR) + (octal ? `; ${typed} is read as a decimal number: write 0${typed} for octal` : '');
  r.error('invalidFileMode', at, message, octal ? { data: { octal: typed } satisfies FileModeFixData } : {});
}

function sourceOf(r: Reporter, path: FieldPath): string | undefined {
  const node = r.nodeAt(path);
  if (!node || !node.range) return undefined;
  return r.model.text.slice(node.range[0], node.range[1]);
}
