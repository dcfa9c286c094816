// Container ports and resources, transcribed from kubernetes/kubernetes pkg/apis/core/validation/
// validation_test.go:
// - TestValidatePorts (validateContainerPorts(ports, field.NewPath("field"))): "field" is the first
//   container's ports. Its error table asserts that every error has the entry's type and a field
//   containing the entry's path fragment; the [type, path] pairs are those.
// - TestValidateResourceRequirements (ValidateContainerResourceRequirements /
//   validatePodResourceRequirements with field.NewPath("resources")): "resources" is the first
//   container's resources, or the pod template's spec.resources for the pod-level function. The
//   error table only asserts that some error is returned; the pairs below are the ones
//   validateResourceRequirements (validation.go) returns.
// - TestHugePagesIsolation (ValidatePodCreate): the pod's one container is the DaemonSet's.
// - TestAlphaLocalStorageCapacityIsolation (validateVolumeSource, ValidateContainerResourceRequirements).
// - TestValidatePod's extended-resource entries (ValidatePodCreate; its error table only gives a
//   substring of the aggregate error, the pairs are validateResourceRequirements'): podtest.
//   MakeResourceRequirements(requests, limits) on a container or init container.
// - TestValidateResourceNames (validateResourceName): each name as the key of the first container's
//   limits (value 1). A container's names go through validateContainerResourceName, which wraps
//   validateResourceName and adds its own checks, so the expected errors are that function's: a
//   quota name like requests.cpu passes validateResourceName but is not a container resource.
// - TestValidatePodResourceNames, TestValidatePodResourceConsistency and the pod-level entries of
//   TestValidateResourceRequirements: the pod template's spec.resources (see POD_RESOURCES_CASES).
// Entries already in cases.ts (TestValidateContainers' ports and resources) are not repeated.
import { c0, C0, Case, container, ErrorType, Excluded, Obj, pod, POD } from './upstream';

const PORTS = 'TestValidatePorts';
const RR = 'TestValidateResourceRequirements';
const HUGE = 'TestHugePagesIsolation';
const LOCAL = 'TestAlphaLocalStorageCapacityIsolation';
const NAMES = 'TestValidateResourceNames';
const VPOD = 'TestValidatePod';
const I0 = `${POD}.initContainers[0]`;
const P0 = `${C0}.ports[0]`;
const R = `${C0}.resources`;

/** validateContainerPorts(ports, "field"): the first container's ports, as given. */
const ports =
  (...ps: Obj[]) =>
  (d: Obj): void => {
    c0(d).ports = ps;
  };

/** The first container's resources (replacing the base DaemonSet's requests). */
const resources =
  (requests: Obj | undefined, limits: Obj | undefined) =>
  (d: Obj): void => {
    c0(d).resources = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
  };

/**
 * validatePodResourceRequirements: the pod template's spec.resources. The container's own
 * requests are removed so that the pod-level values are not below the containers' sum (which
 * validatePodResourceConsistency would report on a whole pod spec).
 */
const podResources =
  (requests: Obj | undefined, limits: Obj | undefined) =>
  (d: Obj): void => {
    delete c0(d).resources;
    pod(d).resources = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
  };

const portCases: Case[] = [
  {
    test: PORTS,
    name: 'successCase',
    ds: ports(
      { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { name: 'easy', containerPort: 82, protocol: 'TCP' },
      { name: 'as', containerPort: 83, protocol: 'UDP' },
      { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' },
      { containerPort: 85, protocol: 'TCP' },
    ),
    want: [],
  },
  { test: PORTS, name: 'nonCanonicalCase', ds: ports({ containerPort: 80, protocol: 'TCP' }), want: [] },
  {
    test: PORTS,
    name: 'name > 15 characters',
    ds: ports({ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }),
    want: [['Invalid', `${P0}.name`]],
  },
  {
    test: PORTS,
    name: 'name contains invalid characters',
    ds: ports({ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }),
    want: [['Invalid', `${P0}.name`]],
  },
  {
    test: PORTS,
    name: 'name is a number',
    ds: ports({ name: '80', containerPort: 80, protocol: 'TCP' }),
    want: [['Invalid', `${P0}.name`]],
  },
  {
    test: PORTS,
    name: 'name not unique',
    ds: ports({ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }),
    want: [['Duplicate', `${C0}.ports[1].name`]],
  },
  {
    test: PORTS,
    name: 'zero container port',
    ds: ports({ containerPort: 0, protocol: 'TCP' }),
    want: [['Required', `${P0}.containerPort`]],
  },
  {
    test: PORTS,
    name: 'invalid container port',
    ds: ports({ containerPort: 65536, protocol: 'TCP' }),
    want: [['Invalid', `${P0}.containerPort`]],
  },
  {
    test: PORTS,
    name: 'invalid host port',
    ds: ports({ containerPort: 80, hostPort: 65536, protocol: 'TCP' }),
    want: [['Invalid', `${P0}.hostPort`]],
  },
  {
    test: PORTS,
    name: 'invalid protocol case',
    ds: ports({ containerPort: 80, protocol: 'tcp' }),
    want: [['NotSupported', `${P0}.protocol`]],
  },
  {
    test: PORTS,
    name: 'invalid protocol',
    ds: ports({ containerPort: 80, protocol: 'ICMP' }),
    want: [['NotSupported', `${P0}.protocol`]],
  },
];

const resourceCases: Case[] = [
  // tests (success)
  {
    test: RR,
    name: 'limits and requests of hugepage resource are equal',
    ds: resources({ cpu: '10', 'hugepages-2Mi': '2Mi' }, { cpu: '10', 'hugepages-2Mi': '2Mi' }),
    want: [],
  },
  {
    test: RR,
    name: 'limits and requests of memory resource are equal',
    ds: resources({ memory: '2Mi' }, { memory: '2Mi' }),
    want: [],
  },
  {
    test: RR,
    name: 'limits and requests of cpu resource are equal',
    ds: resources({ cpu: '10' }, { cpu: '10' }),
    want: [],
  },
  // The same two names again upstream, with validatePodResourceRequirements.
  {
    test: RR,
    name: 'limits and requests of memory resource are equal (validatePodResourceRequirements)',
    ds: podResources({ memory: '2Mi' }, { memory: '2Mi' }),
    want: [],
  },
  {
    test: RR,
    name: 'limits and requests of cpu resource are equal (validatePodResourceRequirements)',
    ds: podResources({ cpu: '10' }, { cpu: '10' }),
    want: [],
  },
  // errTests
  {
    test: RR,
    name: 'hugepage resource without cpu or memory',
    ds: resources({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }),
    want: [['Forbidden', R]],
  },
];

const hugePagesCases: Case[] = [
  {
    test: HUGE,
    name: 'Valid: request hugepages-2Mi',
    ds: resources(
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi' },
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi' },
    ),
    want: [],
  },
  {
    test: HUGE,
    name: 'Valid: request more than one hugepages size',
    ds: resources(
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
    ),
    want: [],
  },
  {
    test: HUGE,
    name: 'Valid: request hugepages-1Gi, limit hugepages-2Mi and hugepages-1Gi',
    ds: resources(
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi', 'hugepages-1Gi': '2Gi' },
    ),
    want: [],
  },
  {
    test: HUGE,
    name: 'Invalid: not requesting cpu and memory',
    ds: resources({ 'hugepages-2Mi': '1Gi' }, { 'hugepages-2Mi': '1Gi' }),
    want: [['Forbidden', R]],
  },
  {
    test: HUGE,
    name: 'Invalid: request 1Gi hugepages-2Mi but limit 2Gi',
    ds: resources(
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '1Gi' },
      { cpu: '10', memory: '10G', 'hugepages-2Mi': '2Gi' },
    ),
    want: [['Invalid', `${R}.requests`]],
  },
];

const localStorageCases: Case[] = [
  {
    test: LOCAL,
    name: 'testCases[0]: emptyDir sizeLimit',
    // resource.NewQuantity(5, resource.BinarySI)
    ds: (d) => (pod(d).volumes = [{ name: 'tmpvol', emptyDir: { sizeLimit: '5' } }]),
    want: [],
  },
  {
    test: LOCAL,
    name: 'containerLimitCase',
    // resource.NewMilliQuantity(40000, resource.BinarySI) is 40.
    ds: resources(undefined, { 'ephemeral-storage': '40' }),
    want: [],
  },
];

/** podtest.SetContainers / SetInitContainers with one container and MakeResourceRequirements(requests, limits). */
const withResources =
  (list: 'containers' | 'initContainers', name: string, requests: Obj, limits: Obj) =>
  (d: Obj): void => {
    pod(d)[list] = [container(name, { resources: { requests, limits } })];
  };

const extendedResourceCases: Case[] = [
  // successCases
  {
    test: VPOD,
    name: 'valid extended resources for init container',
    ds: withResources('initContainers', 'valid-extended', { 'example.com/a': '10' }, { 'example.com/a': '10' }),
    want: [],
  },
  {
    test: VPOD,
    name: 'valid extended resources for regular container',
    ds: withResources('containers', 'valid-extended', { 'example.com/a': '10' }, { 'example.com/a': '10' }),
    want: [],
  },
  // errorCases
  {
    test: VPOD,
    name: 'invalid extended resource name in container request',
    ds: withResources('containers', 'invalid', { 'invalid-name': '2' }, { 'invalid-name': '2' }),
    // validateContainerResourceName: not a standard resource, and not a standard container resource.
    want: [
      ['Invalid', `${R}.limits[invalid-name]`],
      ['Invalid', `${R}.limits[invalid-name]`],
      ['Invalid', `${R}.requests[invalid-name]`],
      ['Invalid', `${R}.requests[invalid-name]`],
    ],
  },
  {
    test: VPOD,
    name: 'invalid extended resource requirement: request must be == limit',
    ds: withResources('containers', 'invalid', { 'example.com/a': '2' }, { 'example.com/a': '1' }),
    want: [['Invalid', `${R}.requests`]],
  },
  {
    test: VPOD,
    name: 'invalid extended resource requirement without limit',
    ds: withResources('containers', 'invalid', { 'example.com/a': '2' }, {}),
    want: [['Required', `${R}.limits`]],
  },
  {
    test: VPOD,
    name: 'invalid fractional extended resource in container request',
    ds: withResources('containers', 'invalid', { 'example.com/a': '500m' }, {}),
    want: [
      ['Invalid', `${R}.requests[example.com/a]`],
      ['Required', `${R}.limits`],
    ],
  },
  {
    test: VPOD,
    name: 'invalid fractional extended resource in init container request',
    ds: withResources('initContainers', 'invalid', { 'example.com/a': '500m' }, {}),
    want: [
      ['Invalid', `${I0}.resources.requests[example.com/a]`],
      ['Required', `${I0}.resources.limits`],
    ],
  },
  {
    test: VPOD,
    name: 'invalid fractional extended resource in container limit',
    ds: withResources('containers', 'invalid', { 'example.com/a': '5' }, { 'example.com/a': '2.5' }),
    want: [
      ['Invalid', `${R}.limits[example.com/a]`],
      ['Invalid', `${R}.requests`],
    ],
  },
  {
    test: VPOD,
    name: 'invalid fractional extended resource in init container limit',
    ds: withResources('initContainers', 'invalid', { 'example.com/a': '2.5' }, { 'example.com/a': '2.5' }),
    want: [
      ['Invalid', `${I0}.resources.limits[example.com/a]`],
      ['Invalid', `${I0}.resources.requests[example.com/a]`],
    ],
  },
];

// [input, success in validateResourceName, number of Invalid errors validateContainerResourceName
// reports at limits[input]]
const resourceNames: Array<[string, boolean, number]> = [
  ['memory', true, 0],
  ['cpu', true, 0],
  ['storage', true, 1], // not a standard container resource
  ['requests.cpu', true, 1],
  ['requests.memory', true, 1],
  ['requests.storage', true, 1],
  ['limits.cpu', true, 1],
  ['limits.memory', true, 1],
  ['network', false, 2], // not a standard resource; not a container resource
  ['disk', false, 2],
  ['', false, 3], // IsQualifiedName: empty and the regex; not a container resource
  ['.', false, 2],
  ['..', false, 2],
  ['my.favorite.app.co/12345', true, 0],
  ['my.favorite.app.co/_12345', false, 2], // the name part; not an extended resource name
  ['my.favorite.app.co/12345_', false, 2],
  ['kubernetes.io/..', false, 1], // native (kubernetes.io/): only the name part
  [`kubernetes.io/${'a'.repeat(63)}`, true, 0],
  [`kubernetes.io/${'a'.repeat(64)}`, false, 1],
  ['kubernetes.io//', false, 1],
  ['kubernetes.io', false, 2],
  ['kubernetes.io/will/not/work/', false, 1],
];

const resourceNameCases: Case[] = resourceNames.map(([input, success, errors], i) => ({
  test: NAMES,
  name: `${i}: ${JSON.stringify(input.length > 40 ? `${input.slice(0, 20)}…(${input.length})` : input)} (success: ${success})`,
  ds: resources(undefined, { [input]: '1' }),
  want: Array.from({ length: errors }, (): [ErrorType, string] => ['Invalid', `${R}.limits[${input}]`]),
}));

// Pod-level resources: ValidatePodSpec runs validatePodResources when opts.PodLevelResourcesEnabled,
// and the PodLevelResources gate is beta and on by default since 1.34 (pkg/features/
// kube_features.go), so a 1.36 API server checks them. The stored test version predates hugepages
// at pod level; the newest resourcehelper.IsSupportedPodLevelResource accepts cpu, memory and
// hugepages-*, which is what is expected below (it only changes the NotSupported list, not which
// entries fail).
const PR = `${POD}.resources`;

/** validatePodResourceRequirements' errTests (the pod's containers have no resources). */
const podResourceErrCases: Case[] = [
  {
    test: RR,
    name: 'pod resource with hugepages',
    ds: podResources({ 'hugepages-2Mi': '2Mi' }, { 'hugepages-2Mi': '2Mi' }),
    // Supported at pod level now; still "HugePages require cpu or memory".
    want: [['Forbidden', PR]],
  },
  {
    test: RR,
    name: 'pod resource with ephemeral-storage',
    ds: podResources({ 'ephemeral-storage2Mi': '2Mi' }, { 'ephemeral-storage': '2Mi' }),
    want: [
      ['NotSupported', `${PR}.limits[ephemeral-storage]`],
      ['Invalid', `${PR}.requests[ephemeral-storage2Mi]`],
    ],
  },
  {
    test: RR,
    name: 'pod resource with unsupported prefixed resources',
    ds: podResources({ 'kubernetesio/memory': '2' }, { 'kubernetesio/cpu': '2' }),
    want: [
      ['Required', `${PR}.limits`],
      ['NotSupported', `${PR}.limits[kubernetesio/cpu]`],
      ['NotSupported', `${PR}.requests[kubernetesio/memory]`],
    ],
  },
  {
    test: RR,
    name: 'pod resource with unsupported native resources',
    ds: podResources({ [`kubernetes.io/${'a'.repeat(63)}`]: '2' }, { [`kubernetes.io/${'a'.repeat(63)}`]: '2' }),
    want: [
      ['NotSupported', `${PR}.limits[kubernetes.io/${'a'.repeat(63)}]`],
      ['NotSupported', `${PR}.requests[kubernetes.io/${'a'.repeat(63)}]`],
    ],
  },
  {
    test: RR,
    name: 'pod resource with unsupported empty native resource name',
    ds: podResources({ 'kubernetes.io': '2' }, { 'kubernetes.io/': '2' }),
    // IsQualifiedName("kubernetes.io/"): the name part is empty and does not match the regex.
    want: [
      ['Invalid', `${PR}.limits[kubernetes.io/]`],
      ['Invalid', `${PR}.limits[kubernetes.io/]`],
      ['Invalid', `${PR}.requests[kubernetes.io]`],
    ],
  },
];

// TestValidatePodResourceNames (validatePodResourceName on field.NewPath("field")): each name as a
// pod-level limit (value 1). [input, expectedFailure, error type, how many]: validateResourceName's
// Invalid errors when it fails, else NotSupported when the name is not cpu, memory or hugepages-*.
const podResourceNames: Array<[string, boolean, ErrorType, number]> = [
  ['memory', false, 'Invalid', 0],
  ['cpu', false, 'Invalid', 0],
  ['storage', true, 'NotSupported', 1],
  ['requests.cpu', true, 'NotSupported', 1],
  ['requests.memory', true, 'NotSupported', 1],
  ['requests.storage', true, 'NotSupported', 1],
  ['limits.cpu', true, 'NotSupported', 1],
  ['limits.memory', true, 'NotSupported', 1],
  ['limits.storage', true, 'Invalid', 1], // not a standard resource
  ['network', true, 'Invalid', 1],
  ['disk', true, 'Invalid', 1],
  ['', true, 'Invalid', 2],
  ['.', true, 'Invalid', 1],
  ['..', true, 'Invalid', 1],
  ['my.favorite.app.co/12345', true, 'NotSupported', 1],
  ['my.favorite.app.co/_12345', true, 'Invalid', 1],
  ['my.favorite.app.co/12345_', true, 'Invalid', 1],
  ['kubernetes.io/..', true, 'Invalid', 1],
  [`kubernetes.io/${'a'.repeat(64)}`, true, 'Invalid', 1],
  [`kubernetes.io/${'a'.repeat(64)}`, true, 'Invalid', 1],
  ['kubernetes.io/cpu', true, 'NotSupported', 1],
  ['kubernetes.io/memory', true, 'NotSupported', 1],
  ['kubernetes.io//', true, 'Invalid', 1],
  ['kubernetes.io', true, 'Invalid', 1],
  ['kubernetes.io/will/not/work/', true, 'Invalid', 1],
];

const podResourceNameCases: Case[] = podResourceNames.map(([input, , type, errors], i) => ({
  test: 'TestValidatePodResourceNames',
  name: `${i}: ${JSON.stringify(input.length > 40 ? `${input.slice(0, 20)}…(${input.length})` : input)}`,
  ds: podResources(undefined, { [input]: '1' }),
  want: Array.from({ length: errors }, (): [ErrorType, string] => [type, `${PR}.limits[${input}]`]),
}));

const CONSISTENCY = 'TestValidatePodResourceConsistency';

/** validatePodResourceConsistency: pod-level resources and containers with these resources. */
const podAndContainers =
  (podRes: Obj, ...containerResources: Obj[]) =>
  (d: Obj): void => {
    pod(d).resources = podRes;
    pod(d).containers = containerResources.map((resources, i) => container(`ctr-${i}`, { resources }));
  };

const cpuMem = (cpu: string, memory: string): Obj => ({ cpu, memory });

const podResourceConsistencyCases: Case[] = [
  {
    test: CONSISTENCY,
    name: 'aggregate container requests less than pod requests',
    ds: podAndContainers(
      { requests: cpuMem('10', '10Mi') },
      { requests: cpuMem('5', '5Mi') },
      { requests: cpuMem('4', '3Mi') },
    ),
    want: [],
  },
  {
    test: CONSISTENCY,
    name: 'aggregate container requests equal to pod requests',
    ds: podAndContainers(
      { requests: cpuMem('10', '10Mi') },
      { requests: cpuMem('5', '5Mi') },
      { requests: cpuMem('5', '5Mi') },
    ),
    want: [],
  },
  {
    test: CONSISTENCY,
    name: 'aggregate container requests greater than pod requests',
    ds: podAndContainers(
      { requests: cpuMem('10', '10Mi') },
      { requests: cpuMem('6', '5Mi') },
      { requests: cpuMem('8', '3Mi') },
    ),
    want: [['Invalid', `${PR}.requests[cpu]`]],
  },
  {
    test: CONSISTENCY,
    name: 'aggregate container limits less than pod limits',
    ds: podAndContainers(
      { limits: cpuMem('10', '10Mi') },
      { limits: cpuMem('5', '5Mi') },
      { limits: cpuMem('4', '3Mi') },
    ),
    want: [],
  },
  {
    test: CONSISTENCY,
    name: 'aggregate container limits equal to pod limits',
    ds: podAndContainers(
      { limits: cpuMem('10', '10Mi') },
      { limits: cpuMem('5', '5Mi') },
      { limits: cpuMem('5', '5Mi') },
    ),
    want: [],
  },
  {
    test: CONSISTENCY,
    name: 'aggregate container limits greater than pod limits',
    ds: podAndContainers(
      { limits: cpuMem('10', '10Mi') },
      { limits: cpuMem('5', '5Mi') },
      { limits: cpuMem('6', '9Mi') },
    ),
    want: [],
  },
  {
    test: CONSISTENCY,
    name: 'indivdual container limits greater than pod limits',
    ds: podAndContainers({ limits: cpuMem('10', '10Mi') }, { limits: cpuMem('11', '12Mi') }),
    want: [
      ['Invalid', `${PR}.containers[0][cpu].limits`],
      ['Invalid', `${PR}.containers[0][memory].limits`],
    ],
  },
];

export const POD_RESOURCES_CASES: Case[] = [
  ...podResourceErrCases,
  ...podResourceNameCases,
  ...podResourceConsistencyCases,
];

export const PORTS_RESOURCES_CASES: Case[] = [
  ...portCases,
  ...resourceCases,
  ...hugePagesCases,
  ...localStorageCases,
  ...extendedResourceCases,
  ...resourceNameCases,
  ...POD_RESOURCES_CASES,
];

export const PORTS_RESOURCES_EXCLUDED: Excluded[] = [
  {
    test: PORTS,
    name: 'protocol required',
    reason:
      'defaulted before validation: SetDefaults_ContainerPort sets an empty protocol to TCP, so a manifest without protocol is valid',
  },
];
