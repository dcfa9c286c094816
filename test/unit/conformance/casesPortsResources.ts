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
// Entries already in cases.ts (TestValidateContainers' ports and resources) are not repeated.
import { c0, C0, Case, Excluded, Obj, pod } from './upstream';

const PORTS = 'TestValidatePorts';
const RR = 'TestValidateResourceRequirements';
const HUGE = 'TestHugePagesIsolation';
const LOCAL = 'TestAlphaLocalStorageCapacityIsolation';
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

export const PORTS_RESOURCES_CASES: Case[] = [...portCases, ...resourceCases, ...hugePagesCases, ...localStorageCases];

export const PORTS_RESOURCES_EXCLUDED: Excluded[] = [
  {
    test: PORTS,
    name: 'protocol required',
    reason:
      'defaulted before validation: SetDefaults_ContainerPort sets an empty protocol to TCP, so a manifest without protocol is valid',
  },
];
