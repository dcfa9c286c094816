// Container-level fields, transcribed from kubernetes/kubernetes pkg/apis/core/validation/
// validation_test.go: TestValidatePullPolicy (validatePullPolicy), TestValidateResizePolicy
// (validateResizePolicy), TestAlphaValidateVolumeDevices (ValidateVolumeDevices),
// TestValidateDisabledSubpathExpr (ValidateVolumeMounts) and TestValidatePod's container entries.
// Upstream's root "field" is the list itself, here the first container's imagePullPolicy /
// resizePolicy / volumeDevices / volumeMounts. The tables are maps: entries are named by their keys.
//
// TestValidateResizePolicy passes the pod's restartPolicy; a DaemonSet's template must restart
// Always (ValidateDaemonSetSpec), so the entries with podRestartPolicy "Never" also get that
// NotSupported at spec.template.spec.restartPolicy, as the API server reports both.
import { c0, C0, Case, Excluded, Obj, pod, POD } from './upstream';

const RESIZE = 'TestValidateResizePolicy';
const PULL = 'TestValidatePullPolicy';
const RP = `${C0}.resizePolicy`;
const NOT_ALWAYS: [Case['want'][number]] = [['NotSupported', `${POD}.restartPolicy`]];

const resize =
  (podRestartPolicy: 'Always' | 'Never', ...list: Array<[string, string]>) =>
  (d: Obj): void => {
    c0(d).resizePolicy = list.map(([resourceName, restartPolicy]) => ({ resourceName, restartPolicy }));
    if (podRestartPolicy === 'Never') pod(d).restartPolicy = 'Never';
  };

const resizePolicy: Case[] = [
  {
    test: RESIZE,
    name: 'ValidCPUandMemoryPolicies',
    ds: resize('Always', ['cpu', 'NotRequired'], ['memory', 'RestartContainer']),
    want: [],
  },
  { test: RESIZE, name: 'ValidCPUPolicy', ds: resize('Always', ['cpu', 'RestartContainer']), want: [] },
  { test: RESIZE, name: 'ValidMemoryPolicy', ds: resize('Always', ['memory', 'NotRequired']), want: [] },
  { test: RESIZE, name: 'NoPolicy', ds: resize('Always'), want: [] },
  {
    test: RESIZE,
    name: 'ValidCPUandInvalidMemoryPolicy',
    ds: resize('Always', ['cpu', 'NotRequired'], ['memory', 'Restarrrt']),
    want: [['NotSupported', RP]],
  },
  {
    test: RESIZE,
    name: 'ValidMemoryandInvalidCPUPolicy',
    ds: resize('Always', ['cpu', 'RestartNotRequirrred'], ['memory', 'RestartContainer']),
    want: [['NotSupported', RP]],
  },
  {
    test: RESIZE,
    name: 'InvalidResourceNameValidPolicy',
    ds: resize('Always', ['cpuuu', 'NotRequired']),
    want: [['NotSupported', RP]],
  },
  {
    test: RESIZE,
    name: 'ValidResourceNameMissingPolicy',
    ds: resize('Always', ['memory', '']),
    want: [['Required', RP]],
  },
  {
    test: RESIZE,
    name: 'RepeatedPolicies',
    ds: resize('Always', ['cpu', 'NotRequired'], ['memory', 'RestartContainer'], ['cpu', 'RestartContainer']),
    want: [['Duplicate', `${RP}[2]`]],
  },
  {
    test: RESIZE,
    name: 'InvalidCPUPolicyWithPodRestartPolicy',
    ds: resize('Never', ['cpu', 'NotRequired'], ['memory', 'RestartContainer']),
    want: [['Invalid', RP], ...NOT_ALWAYS],
  },
  {
    test: RESIZE,
    name: 'InvalidMemoryPolicyWithPodRestartPolicy',
    ds: resize('Never', ['cpu', 'RestartContainer'], ['memory', 'NotRequired']),
    want: [['Invalid', RP], ...NOT_ALWAYS],
  },
  {
    test: RESIZE,
    name: 'InvalidMemoryCPUPolicyWithPodRestartPolicy',
    ds: resize('Never', ['cpu', 'RestartContainer'], ['memory', 'RestartContainer']),
    want: [['Invalid', RP], ['Invalid', RP], ...NOT_ALWAYS],
  },
  {
    test: RESIZE,
    name: 'ValidMemoryCPUPolicyWithPodRestartPolicy',
    ds: resize('Never', ['cpu', 'NotRequired'], ['memory', 'NotRequired']),
    want: [...NOT_ALWAYS],
  },
];

// TestValidatePullPolicy: only success entries (each container's own image and policy; the ones
// without a terminationMessagePolicy get File from SetDefaults_Container).
const pullPolicy: Case[] = (
  [
    ['NotPresent1', 'abc', 'image:latest', 'IfNotPresent'],
    ['NotPresent2', 'abc1', 'image', 'IfNotPresent'],
    ['Always1', '123', 'image:latest', 'Always'],
    ['Always2', '1234', 'image', 'Always'],
    ['Never1', 'abc-123', 'image:latest', 'Never'],
    ['Never2', 'abc-1234', 'image', 'Never'],
  ] as const
).map(([name, ctr, image, policy]): Case => ({
  test: PULL,
  name,
  ds: (d) => {
    const c: Obj = { name: ctr, image, imagePullPolicy: policy };
    if (name.startsWith('NotPresent')) c['terminationMessagePolicy'] = 'File';
    pod(d).containers = [c];
  },
  want: [],
}));

// TestAlphaValidateVolumeDevices: ValidateVolumeDevices(devices, volumeMounts, vols, "field").
// Its volumes: two PVCs, a hostPath and a generic ephemeral volume. Upstream passes the error
// entries badVolumeMounts as the container's mounts; in a manifest they are the container's own
// volumeMounts, so ValidateVolumeMounts also reports its side of each overlap (a mount's name or
// mountPath that is a device's). The success entry's goodVolumeMounts name volumes the test never
// declares and overlap none of its devices: they are left out.
const DEVICES = 'TestAlphaValidateVolumeDevices';
const VD = `${C0}.volumeDevices`;
const VM = `${C0}.volumeMounts`;
const deviceVolumes = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: 'def', hostPath: { path: '/foo/baz' } },
  {
    name: 'ephemeral',
    ephemeral: {
      volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } },
    },
  },
];
const badVolumeMounts = [
  { name: 'abc', mountPath: '/foo' },
  { name: 'abc-123', mountPath: '/this/path/exists' },
];
const devices =
  (mounts: Obj[], ...list: Array<[string, string]>) =>
  (d: Obj): void => {
    pod(d).volumes = deviceVolumes;
    c0(d).volumeDevices = list.map(([name, devicePath]) => ({ name, devicePath }));
    if (mounts.length) c0(d).volumeMounts = mounts;
  };
const badDevices = (...list: Array<[string, string]>) => devices(badVolumeMounts, ...list);

const volumeDevices: Case[] = [
  {
    test: DEVICES,
    name: 'successCase',
    ds: devices([], ['abc', '/foo'], ['abc-123', '/usr/share/test'], ['ephemeral', '/disk']),
    want: [],
  },
  {
    test: DEVICES,
    name: 'empty name',
    ds: badDevices(['', '/foo']),
    want: [
      ['Required', `${VD}[0].name`],
      ['NotFound', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VM}[0].mountPath`],
    ],
  },
  {
    test: DEVICES,
    name: 'duplicate name',
    ds: badDevices(['abc', '/foo'], ['abc', '/foo/bar']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VD}[1].name`],
      ['Invalid', `${VD}[1].name`],
      // GetVolumeDeviceMap keeps the last "abc": its path /foo/bar is no mount's.
      ['Invalid', `${VM}[0].name`],
    ],
  },
  {
    test: DEVICES,
    name: 'name not found',
    ds: badDevices(['not-found', '/usr/share/test']),
    want: [['NotFound', `${VD}[0].name`]],
  },
  {
    test: DEVICES,
    name: 'name found but invalid source',
    ds: badDevices(['def', '/usr/share/test']),
    want: [['Invalid', `${VD}[0].name`]],
  },
  {
    test: DEVICES,
    name: 'empty devicepath',
    ds: badDevices(['abc', '']),
    want: [
      ['Required', `${VD}[0].devicePath`],
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VM}[0].name`],
    ],
  },
  {
    test: DEVICES,
    name: 'relative devicepath',
    // Only the overlap with the mount of abc-123: a relative devicePath is not checked.
    ds: badDevices(['abc-123', 'baz']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VM}[1].name`],
    ],
  },
  {
    test: DEVICES,
    name: 'duplicate devicepath',
    ds: badDevices(['abc', '/foo'], ['abc-123', '/foo']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VD}[1].name`],
      ['Invalid', `${VD}[1].devicePath`],
      ['Invalid', `${VD}[1].devicePath`],
      ['Invalid', `${VM}[0].name`],
      ['Invalid', `${VM}[0].mountPath`],
      ['Invalid', `${VM}[1].name`],
    ],
  },
  {
    test: DEVICES,
    name: 'no backsteps',
    ds: badDevices(['def', '/baz/../']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
    ],
  },
  {
    test: DEVICES,
    name: 'name exists in volumemounts',
    ds: badDevices(['abc', '/baz/../']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VM}[0].name`],
    ],
  },
  {
    test: DEVICES,
    name: 'path exists in volumemounts',
    ds: badDevices(['xyz', '/this/path/exists']),
    want: [
      ['NotFound', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VM}[1].mountPath`],
    ],
  },
  {
    test: DEVICES,
    name: 'both exist in volumemounts',
    ds: badDevices(['abc', '/this/path/exists']),
    want: [
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
      ['Invalid', `${VM}[0].name`],
      ['Invalid', `${VM}[1].mountPath`],
    ],
  },
];

// TestValidateVolumeMounts' entries about volumeDevices (transcribed with ValidateVolumeDevices
// in place): upstream passes badVolumeDevice [{xyz, /mnt/exists}] as the container's devices, and
// names no volume "xyz", so the device side also reports NotFound and its half of each overlap.
const MOUNTS = 'TestValidateVolumeMounts';
const withBadDevice =
  (mount: Obj) =>
  (d: Obj): void => {
    pod(d).volumes = deviceVolumes.filter((v) => v.name !== 'def');
    c0(d).volumeMounts = [mount];
    c0(d).volumeDevices = [{ name: 'xyz', devicePath: '/mnt/exists' }];
  };
const mountsOverDevices: Case[] = [
  {
    test: MOUNTS,
    name: 'name exists in volumeDevice',
    ds: withBadDevice({ name: 'xyz', mountPath: '/bar' }),
    want: [
      ['NotFound', `${VM}[0].name`],
      ['Invalid', `${VM}[0].name`],
      ['NotFound', `${VD}[0].name`],
      ['Invalid', `${VD}[0].name`],
    ],
  },
  {
    test: MOUNTS,
    name: 'mountpath exists in volumeDevice',
    ds: withBadDevice({ name: 'uvw', mountPath: '/mnt/exists' }),
    want: [
      ['NotFound', `${VM}[0].name`],
      ['Invalid', `${VM}[0].mountPath`],
      ['NotFound', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
    ],
  },
  {
    test: MOUNTS,
    name: 'both exist in volumeDevice',
    ds: withBadDevice({ name: 'xyz', mountPath: '/mnt/exists' }),
    want: [
      ['NotFound', `${VM}[0].name`],
      ['Invalid', `${VM}[0].name`],
      ['Invalid', `${VM}[0].mountPath`],
      ['NotFound', `${VD}[0].name`],
      ['Invalid', `${VD}[0].name`],
      ['Invalid', `${VD}[0].devicePath`],
    ],
  },
];

// TestValidateDisabledSubpathExpr: success entries only (the gate it was named for is long GA).
const SUBPATH_EXPR = 'TestValidateDisabledSubpathExpr';
const subpathVolumes = [
  { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
  { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
  { name: '123', hostPath: { path: '/foo/baz' } },
];
const mounts =
  (...list: Obj[]) =>
  (d: Obj): void => {
    pod(d).volumes = subpathVolumes;
    c0(d).volumeMounts = list;
  };
const disabledSubpathExpr: Case[] = [
  {
    test: SUBPATH_EXPR,
    name: 'subpath expr not specified',
    ds: mounts({ name: 'abc-123', mountPath: '/bab' }),
    want: [],
  },
  {
    test: SUBPATH_EXPR,
    name: 'subpath expr specified',
    ds: mounts({ name: 'abc-123', mountPath: '/bab', subPathExpr: '$(POD_NAME)' }),
    want: [],
  },
];

// TestValidatePod (ValidatePodCreate) errorCases about containers; "123" is the pod's name.
const VPOD = 'TestValidatePod';
const validatePod: Case[] = [
  {
    test: VPOD,
    name: 'bad spec',
    // podtest.SetContainers(core.Container{}): SetDefaults_Container fills both policies, so only
    // the name and the image are missing.
    ds: (d) => (pod(d).containers = [{}]),
    want: [
      ['Required', `${C0}.name`],
      ['Required', `${C0}.image`],
    ],
  },
];

export const CONTAINER_FIELDS_CASES: Case[] = [
  ...resizePolicy,
  ...pullPolicy,
  ...volumeDevices,
  ...mountsOverDevices,
  ...disabledSubpathExpr,
  ...validatePod,
];

const POD_ONLY_IMAGE =
  'validateContainerOnlyForPod (ResourceIsPod): a pod template keeps an image with surrounding whitespace, only a Pod is rejected';
export const CONTAINER_FIELDS_EXCLUDED: Excluded[] = [
  { test: VPOD, name: 'image whitespace', reason: POD_ONLY_IMAGE },
  { test: VPOD, name: 'image leading and trailing whitespace', reason: POD_ONLY_IMAGE },
];
