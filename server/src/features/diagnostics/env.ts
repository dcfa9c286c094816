// Environment variables: ValidateEnv, validateEnvVarValueFrom, validateObjectFieldSelector,
// validateContainerResourceFieldSelector, the key selectors and ValidateEnvFrom
// (pkg/apis/core/validation/validation.go), plus the API server's warning for a variable that
// hides an earlier one (pkg/api/pod/warnings.go).
import type { FieldPath } from '../../model';
import { invalid, notSupported, required } from './fieldErrors';
import { isConfigMapKey, isDNS1123Subdomain, isEnvVarName } from './nameSyntax';
import { ENV_FIELD_PATHS, objectFieldSelector, RESOURCE_FIELDS } from './volumeSources';
import { has, obj, str } from '../../model/plainValues';
import type { Reporter } from './reporter';

const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];

export function checkEnv(r: Reporter, env: unknown[], path: FieldPath): void {
  const seen = new Set<string>();
  env.forEach((raw, i) => {
    const e = obj(raw);
    if (!e) return;
    const at = [...path, i];
    const name = str(e['name']);
    if (name) {
      const errs = isEnvVarName(name);
      // ValidateEnv: one Invalid per IsEnvVarName message.
      for (const msg of errs) r.error('invalidEnvName', [...at, 'name'], invalid(name, msg));
    }
    const valueFrom = obj(e['valueFrom']);
    if (valueFrom) checkValueFrom(r, valueFrom, str(e['value']) ?? '', [...at, 'valueFrom']);
    // warningsForPodSpecAndMeta: a later entry with the same name silently wins.
    if (name) {
      const value = str(e['value']) ?? '';
      const ref = `$(${name})`;
      if (seen.has(name) && (valueFrom !== undefined || value === ref || !value.includes(ref))) {
        r.warning('duplicateEnv', at, `hides previous definition of "${name}", which may be dropped when using apply`);
      }
      seen.add(name);
    }
  });
}

/** validateEnvVarValueFrom */
function checkValueFrom(r: Reporter, vf: Record<string, unknown>, value: string, path: FieldPath): void {
  const sources = VALUE_FROM_SOURCES.filter((s) => has(vf, s));
  const fieldRef = obj(vf['fieldRef']);
  if (fieldRef) objectFieldSelector(r, fieldRef, ENV_FIELD_PATHS, [...path, 'fieldRef']);
  const resourceFieldRef = obj(vf['resourceFieldRef']);
  const resource = str(resourceFieldRef?.['resource']);
  if (resource && !RESOURCE_FIELDS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    r.error('unsupportedValue', [...path, 'resourceFieldRef', 'resource'], notSupported(resource, RESOURCE_FIELDS));
  }
  for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
    const sel = obj(vf[ref]);
    if (!sel) continue;
    // The name goes through NameIsDNSSubdomain even when empty.
    const name = str(sel['name']) ?? '';
    const nameErrs = isDNS1123Subdomain(name);
    // validateConfigMapKeySelector / validateSecretKeySelector: one Invalid per message.
    for (const msg of nameErrs)
      r.error('invalidName', [...path, ref, 'name'], invalid(name, msg), {
        part: has(sel, 'name') ? 'value' : 'key',
      });
    const key = str(sel['key']);
    if (key) {
      const errs = isConfigMapKey(key);
      for (const msg of errs) r.error('invalidKey', [...path, ref, 'key'], invalid(key, msg));
    }
  }
  if (sources.length === 0) {
    r.error(
      'invalidValueFrom',
      path,
      invalid('', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'),
      { part: 'key' },
    );
  } else if (value !== '') {
    r.error('invalidValueFrom', path, invalid('', 'may not be specified when `value` is not empty'), { part: 'key' });
  } else if (sources.length > 1) {
    r.error('invalidValueFrom', path, invalid('', 'may not have more than one field specified at a time'), {
      part: 'key',
    });
  }
}

/**
 * ValidateEnvFrom. "must specify one of" and "more than one" are reported on the list
 * (field.Invalid(fldPath, …)), the names on the entry (ValidateConfigMapName/ValidateSecretName,
 * which allow a trailing '-' as a prefix).
 */
export function checkEnvFrom(r: Reporter, envFrom: unknown[], path: FieldPath): void {
  envFrom.forEach((raw, i) => {
    const e = obj(raw);
    if (!e) return;
    const at = [...path, i];
    const prefix = str(e['prefix']);
    if (prefix) {
      const errs = isEnvVarName(prefix);
      // ValidateEnvFrom: one Invalid per IsEnvVarName message.
      for (const msg of errs) r.error('invalidEnvName', [...at, 'prefix'], invalid(prefix, msg));
    }
    const refs = ['configMapRef', 'secretRef'].filter((s) => has(e, s));
    for (const ref of refs) {
      const src = obj(e[ref]) ?? {};
      const name = str(src['name']) ?? '';
      if (name === '')
        r.error('requiredField', [...at, ref, 'name'], required(), { part: has(src, 'name') ? 'value' : 'key' });
      else
        for (const m of isDNS1123Subdomain(name.replace(/-$/, 'a')))
          r.error('invalidName', [...at, ref, 'name'], invalid(name, m));
    }
    if (refs.length === 0)
      r.error('invalidEnvFrom', path, invalid('', 'must specify one of: `configMapRef` or `secretRef`'), {
        at,
        part: 'key',
      });
    else if (refs.length > 1)
      r.error('invalidEnvFrom', path, invalid('', 'may not have more than one field specified at a time'), {
        at,
        part: 'key',
      });
  });
}
