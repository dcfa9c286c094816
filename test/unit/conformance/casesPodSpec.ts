// pkg/apis/core/validation/validation_test.go: TestValidatePodSpec, transcribed. Upstream validates
// podtest.MakePod("", …).Spec with ValidatePodSpec(spec, nil, field.NewPath("field"),
// {ResourceIsPod: true}); its root "field" is the DaemonSet's spec.template.spec. The failure table
// only asserts that some error is returned: the [type, path] pairs below are the ones ValidatePodSpec
// (validation.go) returns for each entry, plus what ValidateDaemonSetSpec adds for a DaemonSet's
// template (restartPolicy other than Always, any activeDeadlineSeconds).
//
// The internal PodSpec keeps hostNetwork, hostPID, hostIPC and shareProcessNamespace in its
// SecurityContext; apps/v1 has them on the pod spec, so the manifests set them there (upstream's
// error for shareProcessNamespace is still reported at securityContext.shareProcessNamespace).
// podtest.MakePod's defaults (dnsPolicy ClusterFirst, restartPolicy Always, a grace period of 30,
// the container's File/IfNotPresent policies) are what SetDefaults_* fill in, so they are left out.
import { c0, C0, container, Case, Excluded, Obj, pod, POD } from './upstream';

const TEST = 'TestValidatePodSpec';
const SC = `${POD}.securityContext`;
const MAX_INT32 = 2147483647;

const ok = (name: string, ds: (d: Obj) => void, want: Case['want'] = []): Case => ({ test: TEST, name, ds, want });
const bad = (name: string, ds: (d: Obj) => void, want: Case['want']): Case => ({ test: TEST, name, ds, want });
const securityContext = (sc: Obj) => (d: Obj) => (pod(d).securityContext = sc);

const successCases: Case[] = [
  ok('populate basic fields, leave defaults for most', () => {}),
  ok(
    'populate all fields',
    (d) => {
      pod(d).initContainers = [container('ictr')];
      pod(d).volumes = [{ name: 'vol', emptyDir: {} }];
      pod(d).nodeSelector = { key: 'value' };
      // Valid in a pod template too (ValidatePodSpec checks only its syntax); the DaemonSet
      // controller then pins every pod to that one node.
      pod(d).nodeName = 'foobar';
      pod(d).activeDeadlineSeconds = MAX_INT32;
      pod(d).serviceAccountName = 'acct';
    },
    // A valid pod spec, but ValidateDaemonSetSpec forbids activeDeadlineSeconds in a DaemonSet.
    [['Forbidden', `${POD}.activeDeadlineSeconds`]],
  ),
  ok('populate HostNetwork', (d) => {
    pod(d).containers = [container('ctr', { ports: [{ hostPort: 8080, containerPort: 8080, protocol: 'TCP' }] })];
    pod(d).hostNetwork = true;
  }),
  ok(
    'populate RunAsUser SupplementalGroups FSGroup with minID 0',
    securityContext({ supplementalGroups: [0], runAsUser: 0, fsGroup: 0 }),
  ),
  ok(
    'populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647',
    securityContext({ supplementalGroups: [MAX_INT32], runAsUser: MAX_INT32, fsGroup: MAX_INT32 }),
  ),
  ok('populate HostIPC', (d) => (pod(d).hostIPC = true)),
  ok('populate HostPID', (d) => (pod(d).hostPID = true)),
  ok(
    'populate Affinity',
    (d) =>
      (pod(d).affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }],
                matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1'] }],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
          ],
        },
      }),
  ),
  ok('populate HostAliases', (d) => (pod(d).hostAliases = [{ ip: '12.34.56.78', hostnames: ['host1', 'host2'] }])),
  ok(
    'populate HostAliases with `foo.bar` hostnames',
    (d) => (pod(d).hostAliases = [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }]),
  ),
  ok('populate HostAliases with HostNetwork', (d) => {
    pod(d).hostAliases = [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }];
    pod(d).hostNetwork = true;
  }),
  ok('populate PriorityClassName', (d) => (pod(d).priorityClassName = 'valid-name')),
  ok('populate ShareProcessNamespace', (d) => (pod(d).shareProcessNamespace = true)),
  ok('populate RuntimeClassName', (d) => (pod(d).runtimeClassName = 'valid-sandbox')),
  ok('populate Overhead', (d) => (pod(d).overhead = {})),
  ok('populate FSGroupChangePolicy', securityContext({ fsGroupChangePolicy: 'Always' })),
  ok(
    'resources resize policy for containers',
    (d) => (c0(d).resizePolicy = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
  ),
];

const failureCases: Case[] = [
  // core.Volume{}: SetDefaults_Volume gives a volume with no source an emptyDir, so of upstream's
  // two errors (name, volume type) only the name remains for a manifest.
  bad('bad volume', (d) => (pod(d).volumes = [{}]), [['Required', `${POD}.volumes[0].name`]]),
  bad('no containers', (d) => (pod(d).containers = []), [['Required', `${POD}.containers`]]),
  // core.Container{}: SetDefaults_Container fills terminationMessagePolicy and imagePullPolicy,
  // so a manifest's empty container lacks its name and image.
  bad('bad container', (d) => (pod(d).containers = [{}]), [
    ['Required', `${C0}.name`],
    ['Required', `${C0}.image`],
  ]),
  bad('bad init container', (d) => (pod(d).initContainers = [{}]), [
    ['Required', `${POD}.initContainers[0].name`],
    ['Required', `${POD}.initContainers[0].image`],
  ]),
  bad('bad DNS policy', (d) => (pod(d).dnsPolicy = 'invalid'), [['NotSupported', `${POD}.dnsPolicy`]]),
  bad('bad service account name', (d) => (pod(d).serviceAccountName = 'invalidName'), [
    ['Invalid', `${POD}.serviceAccountName`],
  ]),
  // validateRestartPolicy's NotSupported, then ValidateDaemonSetSpec's (only Always) at the same path.
  bad('bad restart policy', (d) => (pod(d).restartPolicy = 'UnknowPolicy'), [
    ['NotSupported', `${POD}.restartPolicy`],
    ['NotSupported', `${POD}.restartPolicy`],
  ]),
  bad(
    'with hostNetwork hostPort not equal to containerPort',
    (d) => {
      pod(d).containers = [container('ctr', { ports: [{ hostPort: 8080, containerPort: 2600, protocol: 'TCP' }] })];
      pod(d).hostNetwork = true;
    },
    [['Invalid', `${C0}.ports[0].hostPort`]],
  ),
  bad(
    'with hostAliases with invalid IP',
    (d) => {
      pod(d).hostNetwork = false;
      pod(d).hostAliases = [{ ip: '999.999.999.999', hostnames: ['host1', 'host2'] }];
    },
    [['Invalid', `${POD}.hostAliases[0].ip`]],
  ),
  bad(
    'with hostAliases with invalid hostname',
    (d) => {
      pod(d).hostNetwork = false;
      pod(d).hostAliases = [{ ip: '12.34.56.78', hostnames: ['@#$^#@#$'] }];
    },
    [['Invalid', `${POD}.hostAliases[0].hostnames[0]`]],
  ),
  bad(
    'bad supplementalGroups large than math.MaxInt32',
    securityContext({ supplementalGroups: [MAX_INT32 + 1, 1234] }),
    [['Invalid', `${SC}.supplementalGroups[0]`]],
  ),
  bad('bad supplementalGroups less than 0', securityContext({ supplementalGroups: [-1, 1234] }), [
    ['Invalid', `${SC}.supplementalGroups[0]`],
  ]),
  bad('bad runAsUser large than math.MaxInt32', securityContext({ runAsUser: MAX_INT32 + 1 }), [
    ['Invalid', `${SC}.runAsUser`],
  ]),
  bad('bad runAsUser less than 0', securityContext({ runAsUser: -1 }), [['Invalid', `${SC}.runAsUser`]]),
  bad('bad fsGroup large than math.MaxInt32', securityContext({ fsGroup: MAX_INT32 + 1 }), [
    ['Invalid', `${SC}.fsGroup`],
  ]),
  bad('bad fsGroup less than 0', securityContext({ fsGroup: -1 }), [['Invalid', `${SC}.fsGroup`]]),
  // ValidatePodSpec's range check (1..MaxInt32), then ValidateDaemonSetSpec's Forbidden.
  bad('bad-active-deadline-seconds', (d) => (pod(d).activeDeadlineSeconds = 0), [
    ['Invalid', `${POD}.activeDeadlineSeconds`],
    ['Forbidden', `${POD}.activeDeadlineSeconds`],
  ]),
  bad('active-deadline-seconds-too-large', (d) => (pod(d).activeDeadlineSeconds = MAX_INT32 + 1), [
    ['Invalid', `${POD}.activeDeadlineSeconds`],
    ['Forbidden', `${POD}.activeDeadlineSeconds`],
  ]),
  bad('bad nodeName', (d) => (pod(d).nodeName = 'node name'), [['Invalid', `${POD}.nodeName`]]),
  bad('bad PriorityClassName', (d) => (pod(d).priorityClassName = 'InvalidName'), [
    ['Invalid', `${POD}.priorityClassName`],
  ]),
  bad(
    'ShareProcessNamespace and HostPID both set',
    (d) => {
      pod(d).hostPID = true;
      pod(d).shareProcessNamespace = true;
    },
    [['Invalid', `${SC}.shareProcessNamespace`]],
  ),
  bad('bad RuntimeClassName', (d) => (pod(d).runtimeClassName = 'invalid/sandbox'), [
    ['Invalid', `${POD}.runtimeClassName`],
  ]),
  bad('bad empty fsGroupchangepolicy', securityContext({ fsGroupChangePolicy: '' }), [
    ['NotSupported', `${SC}.fsGroupChangePolicy`],
  ]),
  bad('bad invalid fsgroupchangepolicy', securityContext({ fsGroupChangePolicy: 'invalid' }), [
    ['NotSupported', `${SC}.fsGroupChangePolicy`],
  ]),
];

export const POD_SPEC_CASES: Case[] = [...successCases, ...failureCases];

/** Entries of TestValidatePodSpec that a diagnostic on a DaemonSet manifest cannot mirror. */
export const POD_SPEC_EXCLUDED: Excluded[] = [
  {
    test: TEST,
    name: 'with hostNetwork hostPort unspecified',
    reason:
      'PodValidationOptions.ResourceIsPod: validatePodHostNetworkDeps requires hostPort == containerPort only on a Pod; in a pod template hostPort 0 is allowed (the pod gets it defaulted)',
  },
];
