// Container-level restartPolicy and restartPolicyRules (KEP-5307), transcribed from
// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go: TestValidateContainerRestartPolicy
// (its regular-container success and error tables, which call validateContainers, and its
// init-container table, which calls validateInitContainers). Upstream's root "containers" /
// "initContainers" is the pod template's list.
//
// The tables run with PodValidationOptions.AllowContainerRestartPolicyRules, which the API server
// sets from the ContainerRestartRules gate (pkg/api/pod/util.go, GetValidationOptionsFromPodSpecAndMeta;
// the same options serve pod templates). pkg/features/kube_features.go: Alpha/false in 1.34,
// Beta/true from 1.35, so a 1.36 server has it on. AllowRestartAllContainers comes from
// RestartAllContainersOnContainerExits: Alpha/false since 1.35, so the entries that need it are
// excluded. Upstream's pod restartPolicy is Always, as a DaemonSet's must be.
import { C0, container, Case, Excluded, Obj, pod, POD } from './upstream';

const T = 'TestValidateContainerRestartPolicy';
const I0 = `${POD}.initContainers[0]`;

const rule = (action: string, operator = 'In', values: number[] = [42]): Obj => ({
  action,
  exitCodes: { operator, values },
});

/** The regular-container tables' container "name", with the entry's restartPolicy and rules. */
const regular =
  (extra: Obj) =>
  (d: Obj): void => {
    pod(d).containers = [container('name', extra)];
  };

/** The init-container table: a single init container "name" (the base keeps its regular one). */
const init =
  (extra: Obj) =>
  (d: Obj): void => {
    pod(d).initContainers = [container('name', extra)];
  };

const success: Case[] = [
  { test: T, name: 'success: no-restart-policy-and-rules', ds: regular({}), want: [] },
  { test: T, name: 'success: restart-policy-always', ds: regular({ restartPolicy: 'Always' }), want: [] },
  { test: T, name: 'success: restart-policy-never', ds: regular({ restartPolicy: 'Never' }), want: [] },
  { test: T, name: 'success: restart-policy-on-failure', ds: regular({ restartPolicy: 'OnFailure' }), want: [] },
  {
    test: T,
    name: 'success: restart-policy-rules',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('Restart')] }),
    want: [],
  },
];

const errors: Case[] = [
  {
    test: T,
    name: 'invalid container restart policy',
    ds: regular({ restartPolicy: 'invalid' }),
    want: [['NotSupported', `${C0}.restartPolicy`]],
  },
  {
    test: T,
    name: 'empty container restart policy',
    ds: regular({ restartPolicy: '' }),
    want: [['NotSupported', `${C0}.restartPolicy`]],
  },
  {
    test: T,
    name: 'missing container restart policy when restart rules are specified',
    ds: regular({ restartPolicyRules: [rule('Restart')] }),
    want: [['Required', `${C0}.restartPolicy`]],
  },
  {
    test: T,
    name: 'invalid action',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('invalid')] }),
    want: [['NotSupported', `${C0}.restartPolicyRules[0].action`]],
  },
  {
    test: T,
    name: 'empty action',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('')] }),
    want: [['NotSupported', `${C0}.restartPolicyRules[0].action`]],
  },
  {
    test: T,
    name: 'empty ExitCodes',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart' }] }),
    want: [['Required', `${C0}.restartPolicyRules[0].exitCodes`]],
  },
  {
    test: T,
    name: 'invalid ExitCodes Operator',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('Restart', 'invalid')] }),
    want: [['NotSupported', `${C0}.restartPolicyRules[0].exitCodes.operator`]],
  },
  {
    test: T,
    name: 'empty ExitCodes Operator',
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('Restart', '')] }),
    want: [['NotSupported', `${C0}.restartPolicyRules[0].exitCodes.operator`]],
  },
  {
    test: T,
    name: 'restart-policy-rules with too many exit codes',
    // make([]int32, 256): 256 zeros.
    ds: regular({ restartPolicy: 'Never', restartPolicyRules: [rule('Restart', 'In', new Array(256).fill(0))] }),
    want: [['TooMany', `${C0}.restartPolicyRules[0].exitCodes.values`]],
  },
  {
    test: T,
    name: 'restart-policy-rules with too many rules',
    ds: regular({
      restartPolicy: 'Never',
      restartPolicyRules: Array.from({ length: 21 }, () => rule('Restart')),
    }),
    want: [['TooMany', `${C0}.restartPolicyRules`]],
  },
];

const initContainers: Case[] = [
  {
    test: T,
    name: 'sidecar containers without restart policy rules',
    ds: init({ restartPolicy: 'Always' }),
    want: [],
  },
  {
    test: T,
    name: 'restart policy rules are not supported with restart policy Always without option',
    ds: init({ restartPolicy: 'Always', restartPolicyRules: [rule('RestartAllContainers', 'In', [1])] }),
    want: [['Forbidden', `${I0}.restartPolicyRules`]],
  },
  {
    // Run with AllowRestartAllContainers too; without it the answer is the same, as
    // validateInitContainerRestartPolicy returns before looking at the rules.
    test: T,
    name: 'restart policy rules are not supported if no restart policy is set',
    ds: init({ restartPolicyRules: [rule('RestartAllContainers', 'In', [1])] }),
    want: [['Required', `${I0}.restartPolicy`]],
  },
];

export const RESTART_RULES_CASES: Case[] = [...success, ...errors, ...initContainers];

const GATE_OFF =
  'runs validateContainers with PodValidationOptions{} (AllowContainerRestartPolicyRules false), i.e. with the ' +
  'ContainerRestartRules gate off; the gate is Beta and on by default since 1.35 (kube_features.go), so a 1.36 ' +
  'server accepts this restartPolicy (TestValidateContainerRestartPolicy covers the gate-on answers)';
const INIT_GATE_OFF =
  'runs validateInitContainers with PodValidationOptions{} (ContainerRestartRules gate off: only Always); with the ' +
  'gate on by default since 1.35 validateInitContainerRestartPolicy accepts OnFailure and Never on init containers';
const RESTART_ALL =
  'needs PodValidationOptions.AllowRestartAllContainers, from the RestartAllContainersOnContainerExits gate ' +
  '(Alpha, off by default since 1.35): a 1.36 server reports the RestartAllContainers action as NotSupported';

export const RESTART_RULES_EXCLUDED: Excluded[] = [
  ...['Always', 'OnFailure', 'Never', 'invalid', 'empty'].map((policy): Excluded => ({
    test: 'TestValidateContainers',
    name: `Forbidden RestartPolicy: ${policy}`,
    reason: GATE_OFF,
  })),
  ...['OnFailure', 'Never'].map((policy): Excluded => ({
    test: 'TestValidateInitContainers',
    name: `Not supported RestartPolicy: ${policy}`,
    reason: INIT_GATE_OFF,
  })),
  { test: T, name: 'success: restart-all-containers', reason: RESTART_ALL },
  {
    test: T,
    name: 'restart policy rules are supported with restart policy Always with option',
    reason: RESTART_ALL,
  },
];
