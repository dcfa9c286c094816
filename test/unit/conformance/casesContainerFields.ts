// Container-level fields, transcribed from kubernetes/kubernetes pkg/apis/core/validation/
// validation_test.go: TestValidatePullPolicy (validatePullPolicy) and TestValidateResizePolicy
// (validateResizePolicy). Upstream's root "field" is the list itself, here the first container's
// imagePullPolicy / resizePolicy. Both tables are maps: entries are named by their keys.
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

export const CONTAINER_FIELDS_CASES: Case[] = [...resizePolicy, ...pullPolicy];

export const CONTAINER_FIELDS_EXCLUDED: Excluded[] = [];
