// Container resources: validateResourceRequirements (ValidateContainerResourceRequirements),
// validateResourceQuantityHugePageValue, validateContainerResourceName and
// ValidateResourceQuantityValue (pkg/apis/core/validation/validation.go), with the helpers
// IsNativeResource, IsHugePageResourceName, IsHugePageResourceValueDivisible and
// IsOvercommitAllowed (pkg/apis/core/helper). Pod-level resources (spec.resources):
// validatePodResources, validatePodResourceRequirements, validatePodResourceName and
// validatePodResourceConsistency, which ValidatePodSpec runs when opts.PodLevelResourcesEnabled
// (the PodLevelResources feature gate: beta and on by default since 1.34, pkg/features).
import type { FieldPath } from '../../model';
import { forbidden, formatValue, invalid, IS_NEGATIVE, notSupported, required } from './fieldErrors';
import { isQualifiedName } from './nameSyntax';
import {
  compareExact,
  compareQuantities,
  exactQuantity,
  formatExact,
  isNegativeQuantity,
  isValidQuantity,
  isWholeQuantity,
} from '../../placement/quantityOrder';
import { aggregateContainerRequestsExact, isExtendedResourceName } from '../../placement/resources';
import { quantityMilliValue, quantityValue } from '../../placement/quantity';
import { arr, obj, type Obj } from '../../model/plainValues';
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

/** How a resource name is checked: validateContainerResourceName or validatePodResourceName. */
type NameCheck = (r: Reporter, name: string, at: FieldPath, opts?: ReportOptions) => void;

/**
 * validateResourceRequirements' loop over one list (limits or requests): the name, then the
 * quantity (not negative, whole for integer resources, whole pages for huge pages). `seen` records
 * whether cpu/memory and huge pages were named, for the check that needs both lists.
 */
function checkEntries(
  r: Reporter,
  list: Obj,
  atOf: (name: string) => FieldPath,
  checkName: NameCheck,
  optsOf: (name: string) => ReportOptions,
  seen: { cpuOrMemory: boolean; hugePages: boolean },
): void {
  for (const [name, q] of Object.entries(list)) {
    const at = atOf(name);
    const opts = optsOf(name);
    checkName(r, name, at, opts);
    if (name === 'cpu' || name === 'memory') seen.cpuOrMemory = true;
    if (isHugePages(name)) seen.hugePages = true;
    if (!isValidQuantity(q)) continue; // reported by the schema checks
    if (isNegativeQuantity(q)) r.error('negativeValue', at, invalid(q, IS_NEGATIVE), opts);
    // IsIntegerResourceName: extended resources come in whole units.
    else if (!isNative(name) && !isWholeQuantity(q))
      r.error('invalidQuantity', at, invalid(q, 'must be an integer'), opts);
    // validateResourceQuantityHugePageValue (AllowIndivisibleHugePagesValues is only for updates
    // of pods that already had such values).
    if (isHugePages(name) && !hugePageValueDivisible(name, q))
      r.error(
        'invalidQuantity',
        at,
        invalid(String(q), `${String(q)} is not positive integer multiple of ${name}`),
        opts,
      );
  }
}

export function checkResources(
  r: Reporter,
  resources: Obj | undefined,
  path: FieldPath,
  checkName: NameCheck = checkResourceName,
): void {
  if (!resources) return;
  const limits = obj(resources['limits']) ?? {};
  const requests = obj(resources['requests']) ?? {};
  const seen = { cpuOrMemory: false, hugePages: false };
  const noOptions = (): ReportOptions => ({});
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const)
    checkEntries(r, list, (name) => [...path, kind, name], checkName, noOptions, seen);
  // validateResourceRequirements: huge pages (in limits or requests) need cpu or memory beside them.
  if (seen.hugePages && !seen.cpuOrMemory)
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

/** IsStandardResourceName, huge pages (and their quota names) included. */
function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith('requests.hugepages-');
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
  if (errs.length === 0 && !name.includes('/') && !isStandardResourceName(name)) {
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
  const seen = { cpuOrMemory: false, hugePages: false };
  // Shown at the path upstream prints (overhead.limits[<name>]); the range stays on the entry.
  const shownPath = `${apiPath(path)}.limits`;
  checkEntries(
    r,
    overhead,
    (name) => [...path, name],
    checkResourceName,
    (name) => ({ shownPath: `${shownPath}[${name}]` }),
    seen,
  );
  if (seen.hugePages && !seen.cpuOrMemory)
    r.error('hugePagesWithoutCpuOrMemory', path, forbidden('HugePages require cpu or memory'), { part: 'key' });
}

/** resourcehelper.SupportedPodLevelResources, as NotSupported lists it (sorted). */
const POD_LEVEL_RESOURCES = ['cpu', 'hugepages-', 'memory'];

/**
 * validatePodResourceName: validateResourceName, and when that passes the name must be a
 * resource supported at pod level (resourcehelper.IsSupportedPodLevelResource: cpu, memory and,
 * in the newest upstream, hugepages-*).
 */
function checkPodResourceName(r: Reporter, name: string, at: FieldPath, opts: ReportOptions = {}): void {
  const report = (message: string): void => r.error('invalidResourceName', at, message, { part: 'key', ...opts });
  const errs = isQualifiedName(name);
  if (errs.length > 0) {
    for (const e of errs) report(invalid(name, e));
    return;
  }
  if (!name.includes('/') && !isStandardResourceName(name)) {
    report(invalid(name, 'must be a standard resource type or fully qualified'));
    return;
  }
  if (name !== 'cpu' && name !== 'memory' && !isHugePages(name)) report(notSupported(name, POD_LEVEL_RESOURCES));
}

/**
 * validatePodResources: pod-level resources (spec.resources) may not have claims; their names,
 * quantities and request/limit pairs are checked as a container's are (validateResourceRequirements
 * with validatePodResourceName), then against the containers (validatePodResourceConsistency).
 */
export function checkPodResources(r: Reporter, pod: Obj, path: FieldPath): void {
  const resources = obj(pod['resources']);
  if (!resources) return;
  // `claims: []` decodes to a non-nil list upstream; an empty list is not reported here.
  if (arr(resources['claims']).length > 0)
    r.error('podLevelResources', [...path, 'claims'], forbidden('claims cannot be set for Resources at pod-level'), {
      part: 'key',
    });
  checkResources(r, resources, path, checkPodResourceName);
  checkPodResourceConsistency(r, pod, resources, path);
}

/**
 * validatePodResourceConsistency: pod-level requests must be at least the containers' aggregate
 * requests, and no regular container's limit may exceed the pod-level limit of that resource
 * (upstream reports it at resources.containers[i][<name>].limits).
 *
 * Upstream compares the aggregate with the pod-level request even when that request is absent
 * (a zero Quantity). For a Pod, defaulting (defaultPodRequests) runs first; a pod template gets no
 * such defaulting, and the KEP's rule is that a missing pod-level request is derived from the
 * containers. Whether 1.36 rejects a template on a missing request is not certain from the stored
 * source, so only requests that are written are compared (a missed error rather than a false one).
 */
function checkPodResourceConsistency(r: Reporter, pod: Obj, resources: Obj, path: FieldPath): void {
  const requests = obj(resources['requests']) ?? {};
  for (const [name, aggregate] of aggregateContainerRequestsExact(pod)) {
    if (aggregate === null || !Object.prototype.hasOwnProperty.call(requests, name)) continue;
    const podRequest = exactQuantity(requests[name]);
    if (podRequest === undefined || compareExact(aggregate, podRequest) <= 0) continue;
    r.error(
      'podLevelResources',
      [...path, 'requests', name],
      invalid(
        String(requests[name]),
        `must be greater than or equal to aggregate container requests of ${formatExact(aggregate)}`,
      ),
      { crossField: true },
    );
  }
  const limits = obj(resources['limits']) ?? {};
  arr(pod['containers']).forEach((c, i) => {
    const containerLimits = obj(obj(obj(c)?.['resources'])?.['limits']);
    for (const [name, q] of Object.entries(containerLimits ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(limits, name)) continue;
      if (compareQuantities(q, limits[name]) !== 1) continue;
      const at = [...path.slice(0, -1), 'containers', i, 'resources', 'limits', name];
      r.error(
        'podLevelResources',
        at,
        invalid(String(q), `must be less than or equal to pod limits of ${String(limits[name])}`),
        {
          shownPath: `${apiPath(path)}.containers[${i}][${name}].limits`,
          involves: [[...path, 'limits', name]],
          crossField: true,
        },
      );
    }
  });
}
