// Container resources: validateResourceRequirements (ValidateContainerResourceRequirements),
// validateResourceQuantityHugePageValue, validateContainerResourceName and
// ValidateResourceQuantityValue (pkg/apis/core/validation/validation.go), with the helpers
// IsNativeResource, IsHugePageResourceName, IsHugePageResourceValueDivisible and
// IsOvercommitAllowed (pkg/apis/core/helper).
import type { FieldPath } from '../../model';
import { forbidden, formatValue, invalid, IS_NEGATIVE, required } from './fieldErrors';
import { isQualifiedName } from './nameSyntax';
import { compareQuantities, isNegativeQuantity, isValidQuantity, isWholeQuantity } from '../../placement/quantityOrder';
import { quantityMilliValue, quantityValue } from '../../placement/quantity';
import { obj, type Obj } from '../../model/plainValues';
import type { Reporter, ReportOptions } from './reporter';
import { apiPath } from './apiPath';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** IsNativeResource: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** IsOvercommitAllowed: native resources except huge pages; extended resources (nvidia.com/gpu) are not. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

/**
 * IsHugePageResourceValueDivisible: the page size is what follows "hugepages-" (a positive whole
 * quantity), and Quantity.Value() of the amount is a multiple of it. Amounts beyond 2^53 bytes
 * are not judged (no error).
 */
function hugePageValueDivisible(name: string, q: unknown): boolean {
  const size = name.slice('hugepages-'.length);
  const pageSize = quantityValue(size);
  const pageMilli = quantityMilliValue(size);
  if (pageSize === undefined || pageMilli === undefined || pageSize <= 0 || pageMilli % 1000 !== 0) return false;
  const value = quantityValue(q);
  if (value === undefined || !Number.isSafeInteger(value) || !Number.isSafeInteger(pageSize)) return true;
  return value % pageSize === 0;
}

export function checkResources(r: Reporter, resources: Obj | undefined, path: FieldPath): void {
  if (!resources) return;
  const limits = obj(resources['limits']) ?? {};
  const requests = obj(resources['requests']) ?? {};
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, q] of Object.entries(list)) {
      const at = [...path, kind, name];
      checkResourceName(r, name, at);
      if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
      if (isHugePages(name)) hugePages = true;
      if (!isValidQuantity(q)) continue; // reported by the schema checks
      if (isNegativeQuantity(q)) r.error('negativeValue', at, invalid(q, IS_NEGATIVE));
      // IsIntegerResourceName: extended resources come in whole units.
      else if (!isNative(name) && !isWholeQuantity(q)) r.error('invalidQuantity', at, invalid(q, 'must be an integer'));
      // validateResourceQuantityHugePageValue (AllowIndivisibleHugePagesValues is only for updates
      // of pods that already had such values).
      if (isHugePages(name) && !hugePageValueDivisible(name, q))
        r.error('invalidQuantity', at, invalid(String(q), `${String(q)} is not positive integer multiple of ${name}`));
    }
  }
  // validateResourceRequirements: huge pages (in limits or requests) need cpu or memory beside them.
  if (hugePages && !cpuOrMemory)
    r.error('hugePagesWithoutCpuOrMemory', path, forbidden('HugePages require cpu or memory'));
  for (const [name, q] of Object.entries(requests)) {
    if (!isValidQuantity(q)) continue;
    const at = [...path, 'requests', name];
    if (Object.prototype.hasOwnProperty.call(limits, name)) {
      const limit = limits[name];
      const cmp = compareQuantities(q, limit);
      if (cmp === undefined) continue;
      // Both reported on `requests` (field.Invalid(reqPath, …)), the range on the request.
      if (!overcommitAllowed(name) && cmp !== 0) {
        r.error(
          'requestNotEqualLimit',
          [...path, 'requests'],
          invalid(String(q), `must be equal to ${name} limit of ${String(limit)}`),
          { at, involves: [[...path, 'limits', name]] },
        );
      } else if (cmp > 0) {
        r.error(
          'requestExceedsLimit',
          [...path, 'requests'],
          invalid(String(q), `must be less than or equal to ${name} limit of ${String(limit)}`),
          {
            at,
            involves: [[...path, 'limits', name]],
          },
        );
      }
    } else if (!overcommitAllowed(name)) {
      r.error(
        'limitRequired',
        [...path, 'limits'],
        required('Limit must be set for non overcommitable resources') + ` (${formatValue(name)})`,
        {
          part: 'key',
          involves: [at],
        },
      );
    }
  }
}

/** IsStandardResourceName: the standard resources (quota names included) and huge pages. */
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'requests.storage',
  'storage',
]);

/**
 * IsExtendedResourceName: not native, not "requests."-prefixed, and still a qualified name once
 * "requests." is put in front (the name its quota would have).
 */
function isExtendedResourceName(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/**
 * validateContainerResourceName: validateResourceName (one Invalid per IsQualifiedName message, or
 * else a bare name that is not a standard resource), then, whatever that found, a bare name must
 * be a standard container resource and a prefixed non-native one an extended resource name.
 */
function checkResourceName(r: Reporter, name: string, at: FieldPath, opts: ReportOptions = {}): void {
  const report = (detail: string): void =>
    r.error('invalidResourceName', at, invalid(name, detail), { part: 'key', ...opts });
  const errs = isQualifiedName(name);
  for (const e of errs) report(e);
  if (
    errs.length === 0 &&
    !name.includes('/') &&
    !STANDARD_RESOURCES.has(name) &&
    !isHugePages(name) &&
    !name.startsWith('requests.hugepages-')
  ) {
    report('must be a standard resource type or fully qualified');
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name))
      report('must be a standard resource for containers');
  } else if (!isNative(name) && !isExtendedResourceName(name)) {
    report("doesn't follow extended resource name standard");
  }
}

/**
 * validateOverhead: ValidateResourceRequirements with the pod overhead as its limits, so upstream
 * reports each entry at `overhead.limits[<name>]` (the range stays on the entry written).
 */
export function checkOverhead(r: Reporter, value: unknown, path: FieldPath): void {
  const overhead = obj(value);
  if (!overhead) return;
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, q] of Object.entries(overhead)) {
    const at = [...path, name];
    const opts: ReportOptions = { shownPath: `${apiPath(path)}.limits[${name}]` };
    checkResourceName(r, name, at, opts);
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
    if (isHugePages(name)) hugePages = true;
    if (!isValidQuantity(q)) continue; // reported by the schema checks
    if (isNegativeQuantity(q)) r.error('negativeValue', at, invalid(q, IS_NEGATIVE), opts);
    else if (!isNative(name) && !isWholeQuantity(q))
      r.error('invalidQuantity', at, invalid(q, 'must be an integer'), opts);
    if (isHugePages(name) && !hugePageValueDivisible(name, q))
      r.error(
        'invalidQuantity',
        at,
        invalid(String(q), `${String(q)} is not positive integer multiple of ${name}`),
        opts,
      );
  }
  if (hugePages && !cpuOrMemory)
    r.error('hugePagesWithoutCpuOrMemory', path, forbidden('HugePages require cpu or memory'), { part: 'key' });
}
