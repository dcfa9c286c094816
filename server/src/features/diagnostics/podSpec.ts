// Pod-level rules of ValidatePodSpec not covered by a module of their own: names of referenced
// objects, DNS policy and config (validatePodDNSConfig), host aliases, topology spread
// constraints, readiness gates and the pod security context (pkg/apis/core/validation).
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './fieldErrors';
import { checkLabelSelector } from './labelSelector';
import { checkOverhead, checkPodResources } from './resources';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isQualifiedName,
  isValidIP,
} from './nameSyntax';
import {
  checkHostUsers,
  checkPodSecurityContext,
  checkSecurityAnnotations,
  checkWindowsHostProcess,
} from './securityContext';
import { checkPodOs } from './podOs';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import type { FieldPath } from '../../model';
import { POD, TEMPLATE } from './paths';

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_INT32 = 2147483647;

export function checkPodSpec(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  if (!pod) return;
  // Names of other objects: DNS subdomains (service accounts, nodes, priority and runtime classes).
  for (const field of ['serviceAccountName', 'nodeName', 'priorityClassName', 'runtimeClassName']) {
    const v = str(pod[field]);
    if (!v) continue;
    const errs = isDNS1123Subdomain(v);
    for (const msg of errs) r.error('invalidName', [...POD, field], invalid(v, msg));
  }
  for (const field of ['hostname', 'subdomain']) {
    const v = str(pod[field]);
    if (!v) continue;
    const errs = isDNS1123Label(v);
    // ValidateDNS1123Label: one Invalid per message.
    for (const msg of errs) r.error('invalidName', [...POD, field], invalid(v, msg));
  }
  checkDns(r, pod);
  arr(pod['hostAliases']).forEach((raw, i) => {
    const a = obj(raw);
    if (!a) return;
    const ip = str(a['ip']) ?? '';
    const errs = isValidIP(ip);
    for (const msg of errs)
      r.error('invalidIP', [...POD, 'hostAliases', i, 'ip'], invalid(ip, msg), {
        part: has(a, 'ip') ? 'value' : 'key',
      });
    arr(a?.['hostnames']).forEach((h, j) => {
      if (typeof h !== 'string') return;
      const errs = isDNS1123Subdomain(h);
      // ValidateHostAliases: ValidateDNS1123Subdomain, one Invalid per message.
      for (const msg of errs) r.error('invalidName', [...POD, 'hostAliases', i, 'hostnames', j], invalid(h, msg));
    });
  });
  checkTopologySpread(r, pod);
  arr(pod['readinessGates']).forEach((raw, i) => {
    const g = obj(raw);
    if (!g) return;
    const t = str(g['conditionType']) ?? '';
    for (const e of isQualifiedName(t))
      r.error('invalidName', [...POD, 'readinessGates', i, 'conditionType'], invalid(t, e), {
        part: has(g, 'conditionType') ? 'value' : 'key',
      });
  });
  checkSchedulingGates(r, pod);
  checkResourceClaims(r, pod);
  // validatePodResources (ValidatePodSpec with opts.PodLevelResourcesEnabled: the gate is on).
  checkPodResources(r, pod, [...POD, 'resources']);
  checkOverhead(r, pod['overhead'], [...POD, 'overhead']);
  // ValidatePodSpec: activeDeadlineSeconds must be in 1..math.MaxInt32 (ValidateDaemonSetSpec then
  // forbids it in a DaemonSet whatever its value; the API server reports both).
  const deadline = int(pod['activeDeadlineSeconds']);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32))
    r.error(
      'invalidValue',
      [...POD, 'activeDeadlineSeconds'],
      invalid(deadline, `must be between 1 and ${MAX_INT32}, inclusive`),
    );
  checkSysctlsAndOs(r, pod);
  checkPodSecurityContext(r, pod, [...POD, 'securityContext']);
  checkWindowsHostProcess(r, pod);
  checkHostUsers(r, pod);
  // ValidatePodTemplateSpec: the template's seccomp and AppArmor annotations.
  const annotations = obj(obj(obj(ds['spec'])?.['template'])?.['metadata'])?.['annotations'];
  checkSecurityAnnotations(r, annotations, pod);
  checkPodSpecificAnnotations(r, annotations, pod);
  // The API server turns a negative grace period into 1 second when it creates the pods.
  const grace = int(pod['terminationGracePeriodSeconds']);
  if (grace !== undefined && grace < 0) {
    r.warning(
      'negativeGracePeriod',
      [...POD, 'terminationGracePeriodSeconds'],
      `${grace} is replaced by 1 when the pods are created; use 0 to stop pods immediately`,
    );
  }
}

/** validateTopologySpreadConstraints (with AllowInvalidTopologySpreadConstraintLabelSelector false: a create). */
function checkTopologySpread(r: Reporter, pod: Obj): void {
  const constraints = arr(pod['topologySpreadConstraints']);
  const pairOf = (c: Obj | undefined): string =>
    `${str(c?.['topologyKey']) ?? ''}\u0000${str(c?.['whenUnsatisfiable']) ?? ''}`;
  // The next constraint with the same pair, for each one (one pass from the end: linear).
  const nextSame = new Map<number, number>();
  const lastSeen = new Map<string, number>();
  for (let i = constraints.length - 1; i >= 0; i--) {
    const c = obj(constraints[i]);
    if (!c) continue;
    const pair = pairOf(c);
    const later = lastSeen.get(pair);
    if (later !== undefined) nextSame.set(i, later);
    lastSeen.set(pair, i);
  }
  constraints.forEach((raw, i) => {
    const c = obj(raw);
    if (!c) return;
    const at = [...POD, 'topologySpreadConstraints', i];
    // ValidateMaxSkew
    const maxSkew = c['maxSkew'] === undefined || c['maxSkew'] === null ? 0 : int(c['maxSkew']);
    if (maxSkew !== undefined && maxSkew <= 0)
      r.error('invalidValue', [...at, 'maxSkew'], invalid(maxSkew, 'must be greater than zero'), {
        part: has(c, 'maxSkew') ? 'value' : 'key',
      });
    // ValidateTopologyKey: a missing key is the schema check's Required; an empty one is reported here.
    if (c['topologyKey'] === '')
      r.error('requiredField', [...at, 'topologyKey'], required('can not be empty'), { required: true });
    // ValidateWhenUnsatisfiable: other values than the two are the schema check's (enum).
    const when = c['whenUnsatisfiable'];
    if (when === undefined || when === null || when === '') {
      r.error('unsupportedValue', [...at, 'whenUnsatisfiable'], notSupported('', ['DoNotSchedule', 'ScheduleAnyway']), {
        part: has(c, 'whenUnsatisfiable') ? 'value' : 'key',
      });
    }
    // ValidateSpreadConstraintNotRepeat: on the first of two with the same {topologyKey, whenUnsatisfiable}.
    const later = nextSame.get(i);
    if (later !== undefined)
      r.error(
        'duplicateEntry',
        [...at, '{topologyKey, whenUnsatisfiable}'],
        duplicate(`{${str(c['topologyKey']) ?? ''}, ${str(when) ?? ''}}`),
        { at, part: 'key', involves: [[...POD, 'topologySpreadConstraints', later]] },
      );
    // validateMinDomains
    if (c['minDomains'] !== undefined && c['minDomains'] !== null) {
      const minDomains = int(c['minDomains']);
      if (minDomains !== undefined && minDomains <= 0)
        r.error('invalidValue', [...at, 'minDomains'], invalid(minDomains, 'must be greater than zero'));
      if (when !== 'DoNotSchedule')
        r.error(
          'invalidValue',
          [...at, 'minDomains'],
          invalid(
            c['minDomains'],
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${str(when) ?? ''}`,
          ),
          { crossField: true },
        );
    }
    // validateNodeInclusionPolicy
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = c[field];
      if (typeof policy === 'string' && policy !== 'Honor' && policy !== 'Ignore')
        r.error('unsupportedValue', [...at, field], notSupported(policy, ['Honor', 'Ignore']));
    }
    checkMatchLabelKeysInTopologySpread(r, c, at);
    checkLabelSelector(r, c['labelSelector'], [...at, 'labelSelector']);
  });
}

/** validateMatchLabelKeysInTopologySpread */
function checkMatchLabelKeysInTopologySpread(r: Reporter, c: Obj, at: FieldPath): void {
  const keys = arr(c['matchLabelKeys']);
  if (keys.length === 0) return;
  const selector = obj(c['labelSelector']);
  const selectorKeys = new Set<string>();
  if (selector) {
    for (const k of Object.keys(obj(selector['matchLabels']) ?? {})) selectorKeys.add(k);
    for (const e of arr(selector['matchExpressions'])) selectorKeys.add(str(obj(e)?.['key']) ?? '');
  } else {
    r.error(
      'invalidSelector',
      [...at, 'matchLabelKeys'],
      forbidden('must not be specified when labelSelector is not set'),
      { part: 'key' },
    );
  }
  keys.forEach((k, i) => {
    if (typeof k !== 'string') return;
    for (const e of isQualifiedName(k)) r.error('invalidLabelKey', [...at, 'matchLabelKeys', i], invalid(k, e));
    if (selectorKeys.has(k))
      r.error(
        'invalidSelector',
        [...at, 'matchLabelKeys', i],
        invalid(k, 'exists in both matchLabelKeys and labelSelector'),
      );
  });
}

/** validateSchedulingGates: each name a qualified name, no name twice (both on the gate's index). */
function checkSchedulingGates(r: Reporter, pod: Obj): void {
  const seen = new Set<string>();
  arr(pod['schedulingGates']).forEach((raw, i) => {
    const g = obj(raw);
    if (!g) return;
    const at = [...POD, 'schedulingGates', i];
    const name = str(g['name']) ?? '';
    for (const e of isQualifiedName(name))
      r.error('invalidName', at, invalid(name, e), { at: [...at, 'name'], part: has(g, 'name') ? 'value' : 'key' });
    if (seen.has(name)) r.error('duplicateEntry', at, duplicate(name), { at: [...at, 'name'] });
    seen.add(name);
  });
}

/**
 * validatePodResourceClaims (ValidatePodSpec passes no pod metadata for a template, so the final
 * claim name of a template is not checked), then each container's resources.claims against the
 * pod's claim names (validateResourceClaimNames, from validateResourceRequirements).
 */
function checkResourceClaims(r: Reporter, pod: Obj): void {
  const claimsPath = [...POD, 'resourceClaims'];
  const seen = new Set<string>();
  // gatherPodResourceClaimNames: every non-empty name, valid or not.
  const podClaimNames = new Set<string>();
  arr(pod['resourceClaims']).forEach((raw, i) => {
    const claim = obj(raw);
    if (!claim) return;
    const at = [...claimsPath, i];
    const name = str(claim['name']) ?? '';
    if (name !== '') podClaimNames.add(name);
    if (name === '')
      r.error('requiredField', [...at, 'name'], required(), { part: has(claim, 'name') ? 'value' : 'key' });
    else if (seen.has(name)) r.error('duplicateName', [...at, 'name'], duplicate(name));
    else {
      for (const e of isDNS1123Label(name)) r.error('invalidName', [...at, 'name'], invalid(name, e));
      seen.add(name);
    }
    const byName = claim['resourceClaimName'] !== undefined && claim['resourceClaimName'] !== null;
    const byTemplate = claim['resourceClaimTemplateName'] !== undefined && claim['resourceClaimTemplateName'] !== null;
    if (byName && byTemplate)
      r.error(
        'invalidValue',
        at,
        invalid(claim, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'),
        { part: 'key' },
      );
    if (!byName && !byTemplate)
      r.error(
        'invalidValue',
        at,
        invalid(claim, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'),
        {
          part: 'key',
        },
      );
    // ValidateResourceClaimName, ValidateResourceClaimTemplateName: NameIsDNSSubdomain.
    for (const field of ['resourceClaimName', 'resourceClaimTemplateName']) {
      const v = claim[field];
      if (typeof v !== 'string') continue;
      for (const e of isDNS1123Subdomain(v)) r.error('invalidName', [...at, field], invalid(v, e));
    }
  });
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    arr(pod[list]).forEach((rawCtr, c) => {
      const claims = arr(obj(obj(rawCtr)?.['resources'])?.['claims']);
      const names = new Set<string>();
      // Claim names already referenced with a request (`name/request`).
      const requestsSeen = new Set<string>();
      claims.forEach((raw, i) => {
        const claim = obj(raw);
        if (!claim) return;
        const at = [...POD, list, c, 'resources', 'claims', i];
        const name = str(claim['name']) ?? '';
        if (name === '') {
          r.error('requiredField', at, required(), { part: 'key' });
          return;
        }
        const request = str(claim['request']) ?? '';
        if (names.has(name)) {
          // All requests of that claim already referenced.
          r.error('duplicateEntry', at, duplicate(name));
        } else {
          let key = name;
          if (request !== '') {
            for (const e of isDNS1123Label(request)) r.error('invalidName', [...at, 'request'], invalid(request, e));
            key += `/${request}`;
          }
          if (names.has(key)) r.error('duplicateEntry', at, duplicate(key));
          else if (request === '') {
            // A whole claim after one of its requests: upstream reports one Duplicate per request
            // seen, all identical (the reporter shows an identical finding once).
            if (requestsSeen.has(name)) r.error('duplicateEntry', at, duplicate(name));
          } else requestsSeen.add(name);
          names.add(key);
        }
        if (!podClaimNames.has(name)) {
          const known = [...podClaimNames].sort();
          r.error(
            'resourceClaimNotFound',
            at,
            `${notFound(name)}: must be one of the names in pod.spec.resourceClaims${known.length ? `: ${known.join(', ')}` : ' which is empty'}`,
            { at: [...at, 'name'], crossField: true },
          );
        }
      });
    });
  }
}

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/**
 * ValidatePodSpecificAnnotations, as ValidatePodTemplateSpec calls it (fldPath.Child("annotations")
 * of the template, keys in brackets): the mirror-pod annotation needs spec.nodeName, and the
 * pod-deletion-cost is a 32-bit integer written without a plus sign or leading zeros
 * (GetDeletionCostFromPodAnnotations; AllowInvalidPodDeletionCost is only for an old template that
 * already had one).
 */
function checkPodSpecificAnnotations(r: Reporter, value: unknown, pod: Obj): void {
  const annotations = obj(value);
  if (!annotations) return;
  const shown = (key: string): FieldPath => [...TEMPLATE, `annotations[${key}]`];
  const where = (key: string): FieldPath => [...TEMPLATE, 'metadata', 'annotations', key];
  const mirror = annotations[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !str(pod['nodeName']))
    r.error(
      'invalidValue',
      shown(MIRROR_POD_ANNOTATION),
      invalid(mirror ?? '', 'must set spec.nodeName if mirror pod annotation is set'),
      { at: where(MIRROR_POD_ANNOTATION), part: 'key', crossField: true },
    );
  const cost = annotations[POD_DELETION_COST];
  if (cost !== undefined) {
    const text = typeof cost === 'string' ? cost : String(cost);
    const n = /^(-[0-9]+|0|[1-9][0-9]*)$/.test(text) ? Number(text) : NaN;
    if (!(n >= -2147483648 && n <= 2147483647))
      r.error('invalidValue', shown(POD_DELETION_COST), invalid(text, 'must be a 32bit integer'), {
        at: where(POD_DELETION_COST),
      });
  }
}

/** validatePodDNSConfig */
function checkDns(r: Reporter, pod: Obj): void {
  const path = [...POD, 'dnsConfig'];
  const config = obj(pod['dnsConfig']);
  if (pod['dnsPolicy'] === 'None') {
    if (!config) {
      r.error('dnsConfigRequired', path, required('must provide `dnsConfig` when `dnsPolicy` is None'), {
        required: true,
        involves: [[...POD, 'dnsPolicy']],
      });
      return;
    }
    if (arr(config['nameservers']).length === 0) {
      r.error(
        'dnsConfigRequired',
        [...path, 'nameservers'],
        required('must provide at least one DNS nameserver when `dnsPolicy` is None'),
        { required: true },
      );
      return;
    }
  }
  if (!config) return;
  const nameservers = arr(config['nameservers']);
  if (nameservers.length > MAX_NAMESERVERS) {
    r.error(
      'invalidDnsConfig',
      [...path, 'nameservers'],
      invalid(nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`),
      { part: 'key' },
    );
  }
  nameservers.forEach((ns, i) => {
    if (typeof ns !== 'string') return;
    const errs = isValidIP(ns);
    for (const msg of errs) r.error('invalidIP', [...path, 'nameservers', i], invalid(ns, msg));
  });
  const searches = arr(config['searches']).filter((s): s is string => typeof s === 'string');
  if (searches.length > MAX_SEARCH_PATHS) {
    r.error(
      'invalidDnsConfig',
      [...path, 'searches'],
      invalid(searches, `must not have more than ${MAX_SEARCH_PATHS} search paths`),
      { part: 'key' },
    );
  }
  if (searches.join(' ').length > MAX_SEARCH_CHARS) {
    r.error(
      'invalidDnsConfig',
      [...path, 'searches'],
      invalid(searches, `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`),
      { part: 'key' },
    );
  }
  // With AllowRelaxedDNSSearchValidation (RelaxedDNSSearchValidation, GA in 1.34): "." is a valid
  // search domain, and the others may hold underscores (ValidateDNS1123SubdomainWithUnderScore).
  arr(config['searches']).forEach((s, i) => {
    if (typeof s !== 'string' || s === '.') return;
    const search = s.replace(/\.$/, '');
    for (const e of isDNS1123SubdomainWithUnderscore(search))
      r.error('invalidName', [...path, 'searches', i], invalid(search, e));
  });
  arr(config['options']).forEach((raw, i) => {
    const o = obj(raw);
    if (o && !str(o['name']))
      r.error('invalidDnsConfig', [...path, 'options', i], required('Option.Name must not be empty'), {
        required: !has(o, 'name'),
      });
  });
}

/** validateOS and the OS-specific field rules (the sysctls are checked with the security context). */
function checkSysctlsAndOs(r: Reporter, pod: Obj): void {
  checkPodOs(r, pod);
}
