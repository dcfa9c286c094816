// Upstream toleration entries, transcribed: kubernetes/kubernetes pkg/apis/core/validation/
// validation_test.go, TestValidatePod (its successCases and errorCases that set tolerations; there
// is no TestValidateTolerations table) and TestValidatePodUpdate's toleration entries. The rules are ValidateTolerations (validation.go). Upstream's
// errorCases only give a substring of the aggregate error (the field path, e.g.
// "spec.tolerations[0].operator"); the error type is the one ValidateTolerations reports there.
// "spec" is re-rooted to the DaemonSet's pod template spec.
import { Case, Excluded, Obj, pod, POD } from './upstream';

const TEST = 'TestValidatePod';
const UPDATE = 'TestValidatePodUpdate';
const TOL0 = `${POD}.tolerations[0]`;

/** podtest.SetTolerations: the pod spec's tolerations, as given. */
const tolerations =
  (...ts: Obj[]) =>
  (d: Obj): void => {
    pod(d).tolerations = ts;
  };

export const TOLERATION_CASES: Case[] = [
  // successCases
  {
    test: TEST,
    name: 'populate forgiveness tolerations with exists operator in annotations.',
    ds: tolerations({ key: 'foo', operator: 'Exists', value: '', effect: 'NoExecute', tolerationSeconds: 60 }),
    want: [],
  },
  {
    test: TEST,
    name: 'populate forgiveness tolerations with equal operator in annotations.',
    ds: tolerations({ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute', tolerationSeconds: 60 }),
    want: [],
  },
  {
    test: TEST,
    name: 'populate tolerations equal operator in annotations.',
    ds: tolerations({ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }),
    want: [],
  },
  {
    test: TEST,
    name: 'populate tolerations exists operator in annotations.',
    // Upstream's entry sets a volume, not a toleration (podtest.SetVolumes(podtest.MakeEmptyVolume("vol"))).
    ds: (d) => (pod(d).volumes = [{ name: 'vol', emptyDir: {} }]),
    want: [],
  },
  {
    test: TEST,
    name: 'empty key with Exists operator is OK for toleration, empty toleration key means match all taint keys.',
    ds: tolerations({ operator: 'Exists', effect: 'NoSchedule' }),
    want: [],
  },
  {
    test: TEST,
    name: 'empty operator is OK for toleration, defaults to Equal.',
    ds: tolerations({ key: 'foo', value: 'bar', effect: 'NoSchedule' }),
    want: [],
  },
  {
    test: TEST,
    name: 'empty effect is OK for toleration, empty toleration effect means match all taint effects.',
    ds: tolerations({ key: 'foo', operator: 'Equal', value: 'bar' }),
    want: [],
  },
  {
    test: TEST,
    name: 'negative tolerationSeconds is OK for toleration.',
    ds: tolerations({
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: -2,
    }),
    want: [],
  },
  // errorCases
  {
    test: TEST,
    name: 'invalid toleration key',
    ds: tolerations({ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }),
    want: [['Invalid', `${TOL0}.key`]],
  },
  {
    test: TEST,
    name: 'invalid toleration operator',
    ds: tolerations({ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }),
    want: [['NotSupported', `${TOL0}.operator`]],
  },
  {
    test: TEST,
    name: "value must be empty when `operator` is 'Exists'",
    ds: tolerations({ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }),
    want: [['Invalid', `${TOL0}.operator`]],
  },
  {
    test: TEST,
    name: "operator must be 'Exists' when `key` is empty",
    ds: tolerations({ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }),
    want: [['Invalid', `${TOL0}.operator`]],
  },
  {
    test: TEST,
    name: "effect must be 'NoExecute' when `TolerationSeconds` is set",
    ds: (d) => {
      d.metadata.name = 'pod-forgiveness-invalid';
      tolerations({
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoSchedule',
        tolerationSeconds: 20,
      })(d);
    },
    want: [['Invalid', `${TOL0}.effect`]],
  },
  // TestValidatePodUpdate: the toleration entries, as the new object alone (a manifest has no stored
  // object). validateOnlyAddedTolerations ends with ValidateTolerations(newTolerations), which is
  // what these check; its Forbidden (an existing toleration modified) is excluded below.
  {
    test: UPDATE,
    name: 'modified tolerationSeconds in existing toleration value in pod spec updates',
    ds: (d) => {
      pod(d).nodeName = 'node1';
      tolerations({ key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 10 })(d);
    },
    want: [],
  },
  {
    test: UPDATE,
    name: 'tolerations unmodified in updates to a scheduled pod',
    ds: (d) => {
      pod(d).nodeName = 'node1';
      tolerations({ key: 'key1', value: 'value1' })(d);
    },
    want: [],
  },
  {
    test: UPDATE,
    name: 'added valid new toleration to existing tolerations in pod spec updates',
    ds: (d) => {
      pod(d).nodeName = 'node1';
      tolerations(
        { key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 },
        { key: 'key2', value: 'value2', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 30 },
      )(d);
    },
    want: [],
  },
  {
    test: UPDATE,
    name: 'added invalid new toleration to existing tolerations in pod spec updates',
    ds: (d) => {
      pod(d).nodeName = 'node1';
      tolerations(
        { key: 'key1', value: 'value1', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 20 },
        { key: 'key2', value: 'value2', operator: 'Equal', effect: 'NoSchedule', tolerationSeconds: 30 },
      )(d);
    },
    want: [['Invalid', `${POD}.tolerations[1].effect`]],
  },
];

export const TOLERATION_EXCLUDED: Excluded[] = [
  'existing toleration value modified in pod spec updates',
  'existing toleration value modified in pod spec updates with modified tolerationSeconds',
  'toleration modified in updates to an unscheduled pod',
].map((name) => ({
  test: UPDATE,
  name,
  reason:
    'update-only rule (validateOnlyAddedTolerations compares with the stored pod: an existing toleration may change only its tolerationSeconds); the new tolerations alone are valid',
}));
