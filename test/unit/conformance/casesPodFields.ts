// Upstream pod-level field tables, transcribed from kubernetes/kubernetes
// pkg/apis/core/validation/validation_test.go: TestValidateTopologySpreadConstraints,
// TestValidateOverhead, TestValidatePodReadinessGates, TestValidateSchedulingGates,
// TestValidateRestartPolicy and TestValidateDNSPolicy. Each calls one helper of ValidatePodSpec
// with the root field.NewPath("field") (TestValidateOverhead: "overheads"/"resources"), which is
// re-rooted here to the pod template spec's field (spec.template.spec.topologySpreadConstraints,
// …). Tables whose error cases only assert that some error is returned list the [type, path] pairs
// the helper (validation.go) returns for the entry, plus what ValidateDaemonSetSpec adds for a
// DaemonSet's template (restartPolicy other than Always). Entries without a name are named by
// their position in the table.
import { C0, container, Case, Excluded, Obj, pod, POD } from './upstream';

const TSC_TEST = 'TestValidateTopologySpreadConstraints';
const TSC = `${POD}.topologySpreadConstraints`;
const TSC0 = `${TSC}[0]`;

/** The pod spec's topologySpreadConstraints, as given. */
const spread =
  (...cs: Obj[]) =>
  (d: Obj): void => {
    pod(d).topologySpreadConstraints = cs;
  };
const zone = (extra: Obj = {}): Obj => ({
  maxSkew: 1,
  topologyKey: 'k8s.io/zone',
  whenUnsatisfiable: 'DoNotSchedule',
  ...extra,
});
const tsc = (name: string, ds: (d: Obj) => void, want: Case['want'] = []): Case => ({ test: TSC_TEST, name, ds, want });

const topologySpread: Case[] = [
  tsc('all required fields ok', spread(zone({ minDomains: 3 }))),
  tsc('missing MaxSkew', spread({ topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule' }), [
    ['Invalid', `${TSC0}.maxSkew`],
  ]),
  tsc('negative MaxSkew', spread(zone({ maxSkew: -1 })), [['Invalid', `${TSC0}.maxSkew`]]),
  tsc(
    'can use MinDomains with ScheduleAnyway, when MinDomains = nil',
    spread(zone({ whenUnsatisfiable: 'ScheduleAnyway' })),
  ),
  tsc('negative minDomains is invalid', spread(zone({ minDomains: -1 })), [['Invalid', `${TSC0}.minDomains`]]),
  tsc(
    'cannot use non-nil MinDomains with ScheduleAnyway',
    spread(zone({ whenUnsatisfiable: 'ScheduleAnyway', minDomains: 10 })),
    [['Invalid', `${TSC0}.minDomains`]],
  ),
  // validateMinDomains reports both: not positive, and not allowed with ScheduleAnyway.
  tsc(
    'use negative MinDomains with ScheduleAnyway(invalid)',
    spread(zone({ whenUnsatisfiable: 'ScheduleAnyway', minDomains: -1 })),
    [
      ['Invalid', `${TSC0}.minDomains`],
      ['Invalid', `${TSC0}.minDomains`],
    ],
  ),
  tsc('missing TopologyKey', spread({ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }), [
    ['Required', `${TSC0}.topologyKey`],
  ]),
  tsc('missing scheduling mode', spread({ maxSkew: 1, topologyKey: 'k8s.io/zone' }), [
    ['NotSupported', `${TSC0}.whenUnsatisfiable`],
  ]),
  tsc('unsupported scheduling mode', spread(zone({ whenUnsatisfiable: 'N/A' })), [
    ['NotSupported', `${TSC0}.whenUnsatisfiable`],
  ]),
  tsc(
    'multiple constraints ok with all required fields',
    spread(zone(), { maxSkew: 2, topologyKey: 'k8s.io/node', whenUnsatisfiable: 'ScheduleAnyway' }),
  ),
  tsc(
    'multiple constraints missing TopologyKey on partial ones',
    spread({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' }, zone({ maxSkew: 2 })),
    [['Required', `${TSC0}.topologyKey`]],
  ),
  // ValidateSpreadConstraintNotRepeat: reported on the first of the pair, at a path that is no field.
  tsc('duplicate constraints', spread(zone(), zone({ maxSkew: 2 })), [
    ['Duplicate', `${TSC0}.{topologyKey, whenUnsatisfiable}`],
  ]),
  tsc(
    'supported policy name set on NodeAffinityPolicy and NodeTaintsPolicy',
    spread(zone({ nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' })),
  ),
  tsc(
    'unsupported policy name set on NodeAffinityPolicy',
    spread(zone({ nodeAffinityPolicy: 'Unknown', nodeTaintsPolicy: 'Ignore' })),
    [['NotSupported', `${TSC0}.nodeAffinityPolicy`]],
  ),
  tsc(
    'unsupported policy name set on NodeTaintsPolicy',
    spread(zone({ nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Unknown' })),
    [['NotSupported', `${TSC0}.nodeTaintsPolicy`]],
  ),
  tsc(
    "key in MatchLabelKeys isn't correctly defined",
    spread(zone({ labelSelector: {}, matchLabelKeys: ['/simple'] })),
    [['Invalid', `${TSC0}.matchLabelKeys[0]`]],
  ),
  tsc(
    'key exists in both matchLabelKeys and labelSelector',
    spread(
      zone({
        matchLabelKeys: ['foo'],
        labelSelector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['value1', 'value2'] }] },
      }),
    ),
    [['Invalid', `${TSC0}.matchLabelKeys[0]`]],
  ),
  tsc(
    'key in MatchLabelKeys is forbidden to be specified when labelSelector is not set',
    spread(zone({ matchLabelKeys: ['foo'] })),
    [['Forbidden', `${TSC0}.matchLabelKeys`]],
  ),
  // A new DaemonSet's template is validated with AllowInvalidTopologySpreadConstraintLabelSelector
  // false (GetValidationOptionsFromPodTemplate sets it only when the old template already had one).
  tsc(
    'invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
    spread(zone({ labelSelector: { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'foo' } } })),
    [['Invalid', `${TSC0}.labelSelector.matchLabels`]],
  ),
  tsc(
    'valid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
    spread(zone({ labelSelector: { matchLabels: { foo: 'foo' } } })),
  ),
];

const topologySpreadExcluded: Excluded[] = [
  {
    test: TSC_TEST,
    name: 'invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is true',
    reason:
      'update-only: GetValidationOptionsFromPodTemplate allows an invalid selector only when the old template already has one; a manifest is validated as a create',
  },
];

// TestValidateOverhead: validateOverhead reuses ValidateResourceRequirements with the overhead as
// its limits, so its errors are reported at overhead.limits[<name>].
const overhead: Case[] = [
  {
    test: 'TestValidateOverhead',
    name: 'Valid Overhead for CPU + Memory',
    ds: (d) => (pod(d).overhead = { cpu: '10', memory: '10G' }),
    want: [],
  },
  {
    test: 'TestValidateOverhead',
    name: 'Invalid Overhead Resources',
    ds: (d) => (pod(d).overhead = { 'my.org': '10m' }),
    // validateContainerResourceName: validateResourceName's "must be a standard resource type or
    // fully qualified", then "must be a standard resource for containers".
    want: [
      ['Invalid', `${POD}.overhead.limits[my.org]`],
      ['Invalid', `${POD}.overhead.limits[my.org]`],
    ],
  },
];

// TestValidatePodReadinessGates: validateReadinessGates, ValidateQualifiedName on conditionType.
const RG_TEST = 'TestValidatePodReadinessGates';
const readinessGates: Case[] = [
  { test: RG_TEST, name: 'no gate', ds: (d) => (pod(d).readinessGates = []), want: [] },
  {
    test: RG_TEST,
    name: 'one readiness gate',
    ds: (d) => (pod(d).readinessGates = [{ conditionType: 'example.com/condition' }]),
    want: [],
  },
  {
    test: RG_TEST,
    name: 'two readiness gates',
    ds: (d) =>
      (pod(d).readinessGates = [
        { conditionType: 'example.com/condition1' },
        { conditionType: 'example.com/condition2' },
      ]),
    want: [],
  },
  {
    test: RG_TEST,
    name: 'invalid condition type',
    ds: (d) => (pod(d).readinessGates = [{ conditionType: 'invalid/condition/type' }]),
    want: [['Invalid', `${POD}.readinessGates[0].conditionType`]],
  },
];

// TestValidateSchedulingGates: validateSchedulingGates reports on the gate's index, not its name.
const SG_TEST = 'TestValidateSchedulingGates';
const SG = `${POD}.schedulingGates`;
const gates =
  (...names: string[]) =>
  (d: Obj): void => {
    pod(d).schedulingGates = names.map((name) => ({ name }));
  };
const schedulingGates: Case[] = [
  { test: SG_TEST, name: 'nil gates', ds: () => undefined, want: [] },
  {
    test: SG_TEST,
    name: 'empty string in gates',
    ds: gates('foo', ''),
    // IsQualifiedName(""): "name part must be non-empty" and the name part's format.
    want: [
      ['Invalid', `${SG}[1]`],
      ['Invalid', `${SG}[1]`],
    ],
  },
  { test: SG_TEST, name: 'legal gates', ds: gates('foo', 'bar'), want: [] },
  { test: SG_TEST, name: 'illegal gates', ds: gates('foo', '\nbar'), want: [['Invalid', `${SG}[1]`]] },
  {
    test: SG_TEST,
    name: 'duplicated gates (single duplication)',
    ds: gates('foo', 'bar', 'bar'),
    want: [['Duplicate', `${SG}[2]`]],
  },
  {
    test: SG_TEST,
    name: 'duplicated gates (multiple duplications)',
    ds: gates('foo', 'bar', 'foo', 'baz', 'foo', 'bar'),
    want: [
      ['Duplicate', `${SG}[2]`],
      ['Duplicate', `${SG}[4]`],
      ['Duplicate', `${SG}[5]`],
    ],
  },
];

// TestValidateRestartPolicy: validateRestartPolicy; a DaemonSet's template also gets
// ValidateDaemonSetSpec's NotSupported (only Always) at the same path.
const RP_TEST = 'TestValidateRestartPolicy';
const RP = `${POD}.restartPolicy`;
const restartPolicy = (p: string) => (d: Obj) => (pod(d).restartPolicy = p);
const restartPolicies: Case[] = [
  { test: RP_TEST, name: 'successCases[0]: Always', ds: restartPolicy('Always'), want: [] },
  { test: RP_TEST, name: 'successCases[1]: OnFailure', ds: restartPolicy('OnFailure'), want: [['NotSupported', RP]] },
  { test: RP_TEST, name: 'successCases[2]: Never', ds: restartPolicy('Never'), want: [['NotSupported', RP]] },
  {
    test: RP_TEST,
    name: 'errorCases[1]: newpolicy',
    ds: restartPolicy('newpolicy'),
    want: [
      ['NotSupported', RP],
      ['NotSupported', RP],
    ],
  },
];

// TestValidateDNSPolicy: validateDNSPolicy. ValidatePodSpec then asks a None policy for a dnsConfig
// with a nameserver (validatePodDNSConfig), which the entry is given.
const DNS_TEST = 'TestValidateDNSPolicy';
const dnsPolicy =
  (p: string, extra: Obj = {}) =>
  (d: Obj) =>
    Object.assign(pod(d), { dnsPolicy: p, ...extra });
const dnsPolicies: Case[] = [
  { test: DNS_TEST, name: 'successCases[0]: ClusterFirst', ds: dnsPolicy('ClusterFirst'), want: [] },
  { test: DNS_TEST, name: 'successCases[1]: Default', ds: dnsPolicy('Default'), want: [] },
  {
    test: DNS_TEST,
    name: 'successCases[2]: ClusterFirstWithHostNet',
    ds: dnsPolicy('ClusterFirstWithHostNet'),
    want: [],
  },
  {
    test: DNS_TEST,
    name: 'successCases[3]: None',
    ds: dnsPolicy('None', { dnsConfig: { nameservers: ['1.2.3.4'] } }),
    want: [],
  },
  {
    test: DNS_TEST,
    name: 'errorCases[0]: invalid',
    ds: dnsPolicy('invalid'),
    want: [['NotSupported', `${POD}.dnsPolicy`]],
  },
];

const defaultedExcluded: Excluded[] = [
  {
    test: RP_TEST,
    name: 'errorCases[0]: empty',
    reason: 'defaulted before validation: SetDefaults_PodSpec gives an empty restartPolicy the value Always',
  },
  {
    test: DNS_TEST,
    name: 'errorCases[1]: empty',
    reason: 'defaulted before validation: SetDefaults_PodSpec gives an empty dnsPolicy the value ClusterFirst',
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidatePod (ValidatePodCreate) and TestValidatePodCreateWithSchedulingGates: the entries no
// other file transcribes. Upstream's errorCases give a substring of the aggregate error; the
// [type, path] pairs are the ones ValidatePodTemplateSpec reports, pod annotations at
// spec.template.annotations[<key>] (ValidatePodSpecificAnnotations with fldPath.Child("annotations")).
// ---------------------------------------------------------------------------------------------
const VP = 'TestValidatePod';
const ANN = 'spec.template.annotations';
const MIRROR = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const annotate =
  (annotations: Obj) =>
  (d: Obj): void => {
    d.spec.template.metadata.annotations = annotations;
  };
const volumes =
  (...vs: Obj[]) =>
  (d: Obj): void => {
    pod(d).volumes = vs;
  };
const projected = (...sources: Obj[]): Obj => ({ name: 'projected-volume', projected: { sources } });
const saToken = { serviceAccountToken: { audience: 'foo-audience', expirationSeconds: 6000, path: 'foo-path' } };
const validPVCTemplate = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } };
const vp = (name: string, ds: (d: Obj) => void, want: Case['want'] = []): Case => ({ test: VP, name, ds, want });
const CTB = `${POD}.volumes[0].projected.sources[0].clusterTrustBundle`;

const validatePod: Case[] = [
  // successCases
  vp('basic fields', () => undefined),
  vp('valid serviceaccount token projected volume with serviceaccount name specified', (d) => {
    pod(d).serviceAccountName = 'some-service-account';
    volumes(projected(saToken))(d);
  }),
  vp(
    'valid ClusterTrustBundlePEM projected volume referring to a CTB by name',
    volumes(projected({ clusterTrustBundle: { path: 'foo-path', name: 'foo' } })),
  ),
  vp(
    'valid ClusterTrustBundlePEM projected volume referring to a CTB by signer name',
    volumes(
      projected({
        clusterTrustBundle: {
          path: 'foo-path',
          signerName: 'example.com/foo',
          labelSelector: { matchLabels: { version: 'live' } },
        },
      }),
    ),
  ),
  vp(
    'ephemeral volume + PVC, no conflict between them',
    volumes(
      { name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } },
      { name: 'ephemeral', ephemeral: { volumeClaimTemplate: validPVCTemplate } },
    ),
  ),
  vp('negative pod-deletion-cost', annotate({ [DELETION_COST]: '-100' })),
  vp('positive pod-deletion-cost', annotate({ [DELETION_COST]: '100' })),
  // errorCases
  // 'bad spec' is in casesContainerFields.ts.
  vp('mirror-pod present without nodeName', annotate({ [MIRROR]: '' }), [['Invalid', `${ANN}[${MIRROR}]`]]),
  vp('mirror-pod populated without nodeName', annotate({ [MIRROR]: 'foo' }), [['Invalid', `${ANN}[${MIRROR}]`]]),
  vp(
    'ClusterTrustBundlePEM projected volume using both byName and bySigner',
    volumes(
      projected({
        clusterTrustBundle: {
          path: 'foo-path',
          signerName: 'example.com/foo',
          labelSelector: { matchLabels: { version: 'live' } },
          name: 'foo',
        },
      }),
    ),
    [['Invalid', CTB]],
  ),
  vp(
    'ClusterTrustBundlePEM projected volume byName with no name',
    volumes(projected({ clusterTrustBundle: { path: 'foo-path', name: '' } })),
    // Required "must be a valid object name", then ValidateClusterTrustBundleName's IsDNS1123Subdomain("").
    [
      ['Required', `${CTB}.name`],
      ['Invalid', `${CTB}.name`],
    ],
  ),
  vp(
    'ClusterTrustBundlePEM projected volume bySigner with no signer name',
    volumes(
      projected({
        clusterTrustBundle: { path: 'foo-path', signerName: '', labelSelector: { matchLabels: { foo: 'bar' } } },
      }),
    ),
    // Required "must be a valid signer name", then ValidateSignerName's own Required for "".
    [
      ['Required', `${CTB}.signerName`],
      ['Required', `${CTB}.signerName`],
    ],
  ),
  vp(
    'ClusterTrustBundlePEM projected volume bySigner with invalid signer name',
    volumes(projected({ clusterTrustBundle: { path: 'foo-path', signerName: 'example.com/foo/invalid' } })),
    [['Invalid', `${CTB}.signerName`]],
  ),
  vp('invalid pod-deletion-cost', annotate({ [DELETION_COST]: 'text' }), [['Invalid', `${ANN}[${DELETION_COST}]`]]),
  vp('invalid leading zeros pod-deletion-cost', annotate({ [DELETION_COST]: '008' }), [
    ['Invalid', `${ANN}[${DELETION_COST}]`],
  ]),
  vp('invalid leading plus sign pod-deletion-cost', annotate({ [DELETION_COST]: '+10' }), [
    ['Invalid', `${ANN}[${DELETION_COST}]`],
  ]),
  vp(
    'invalid required node affinity, value of NodeSelectorRequirement should be a valid label value',
    (d) =>
      (pod(d).affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['-1'] }] }],
          },
        },
      }),
    [
      [
        'Invalid',
        `${POD}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]`,
      ],
    ],
  ),
  {
    test: 'TestValidatePodCreateWithSchedulingGates',
    name: 'create a Pod with schedulingGates, feature enabled',
    ds: (d) => (pod(d).schedulingGates = [{ name: 'foo' }]),
    want: [],
  },
];

const POD_ONLY = 'Pod-only: validatePodMetadataAndSpec/ValidatePodCreate check';
const validatePodExcluded: Excluded[] = [
  {
    test: VP,
    name: 'bad name',
    reason: 'Pod-only: a pod template has no name of its own (the DaemonSet controller generates the pods\u2019 names)',
  },
  {
    test: VP,
    name: 'image whitespace',
    reason: `${POD_ONLY} (validateContainersOnlyForPod): a template may keep " " as an image placeholder`,
  },
  {
    test: VP,
    name: 'image leading and trailing whitespace',
    reason: `${POD_ONLY} (validateContainersOnlyForPod): templates are not checked for image whitespace`,
  },
  {
    test: VP,
    name: 'bad namespace',
    reason: 'Pod-only: a pod template has no namespace of its own (the pods are created in the DaemonSet\u2019s)',
  },
  {
    test: VP,
    name: 'bad label',
    reason:
      'object meta of the pod (ValidateObjectMeta on metadata.labels); the template labels are TestValidateDaemonSet\u2019s and the quirks test\u2019s (spec.template.labels)',
  },
  {
    test: VP,
    name: 'serviceaccount token projected volume with no serviceaccount name specified',
    reason: `${POD_ONLY}: "only pertinent for pods and not pod templates" (the ServiceAccount admission fills the name)`,
  },
  {
    test: VP,
    name: 'final PVC name for ephemeral volume must be valid',
    reason: 'Pod-only: the PVC name is <pod name>-<volume name>; ValidatePodTemplateSpec passes no pod metadata',
  },
  {
    test: VP,
    name: 'PersistentVolumeClaimVolumeSource must not reference a generated PVC',
    reason:
      'Pod-only: needs the pod\u2019s name (ValidateVolumes with podMeta); a template\u2019s pods are named later',
  },
  {
    test: 'TestValidatePodCreateWithSchedulingGates',
    name: 'create a Pod with nodeName and schedulingGates, feature enabled',
    reason: `${POD_ONLY}: nodeName with schedulingGates is forbidden on pod create only, not in templates`,
  },
];

// ---------------------------------------------------------------------------------------------
// TestValidatePodDNSConfigWithRelaxedSearchDomain: validatePodDNSConfig with
// AllowRelaxedDNSSearchValidation (its fldPath is nil: the errors are at searches[i], here
// spec.template.spec.dnsConfig.searches[i]). The RelaxedDNSSearchValidation gate is GA and locked
// on since 1.34, so the "featuregate disabled" entries are excluded.
// ---------------------------------------------------------------------------------------------
const RELAXED = 'TestValidatePodDNSConfigWithRelaxedSearchDomain';
const relaxedEntries: Array<[string, string, boolean]> = [
  ['beginswith underscore, contains underscore', '_sip._tcp.abc_d.example.com', false],
  ['contains underscore', 'abc_d.example.com', false],
  ['is dot', '.', false],
  ['two dots', '..', true],
  ['underscore and dot', '_.', true],
  ['dash and dot', '-.', true],
  ['two underscore and dot', '__.', true],
  ['dot and two underscore', '.__', true],
  ['dot and underscore', '._', true],
  ['lot of underscores', '____________', true],
  ['a regular name', 'example.com', false],
  ['unicode character', '\u2603.example.com', true],
];
const relaxedDns: Case[] = relaxedEntries.map(([what, search, fails]) => ({
  test: RELAXED,
  name: `${what}, featuregate enabled`,
  ds: (d: Obj) => (pod(d).dnsConfig = { searches: [search] }),
  want: fails ? [['Invalid', `${POD}.dnsConfig.searches[0]`]] : [],
}));
const relaxedDnsExcluded: Excluded[] = relaxedEntries.map(([what]) => ({
  test: RELAXED,
  name: `${what === 'beginswith underscore, contains underscore' ? 'begins with underscore, contains underscore' : what}, featuregate disabled`,
  reason: 'feature gate: RelaxedDNSSearchValidation is GA and locked to true since 1.34 (the schema is 1.36)',
}));

// ---------------------------------------------------------------------------------------------
// TestValidateDynamicResourceAllocation: ValidatePodSpec on spec.resourceClaims
// (validatePodResourceClaim) and the containers' resources.claims (validateResourceClaimNames).
// The failure table only asserts that some error is returned; the pairs are validation.go's.
// ---------------------------------------------------------------------------------------------
const DRA = 'TestValidateDynamicResourceAllocation';
const RC = `${POD}.resourceClaims`;
const CLAIMS = `${C0}.resources.claims`;
const byName = (name: string): Obj => ({ name, resourceClaimName: 'some-claim' });
const byTemplate = (name: string): Obj => ({ name, resourceClaimTemplateName: 'some-claim-template' });
/** podtest.SetContainers(MakeContainer("ctr", SetContainerResources({Claims}))) and SetResourceClaims. */
const dra =
  (claims: Obj[] | undefined, podClaims: Obj[] | undefined, list = 'containers', ctrName = 'ctr') =>
  (d: Obj): void => {
    if (claims) pod(d)[list] = [container(ctrName, { resources: { claims } })];
    if (podClaims) pod(d).resourceClaims = podClaims;
  };
const draCase = (name: string, ds: (d: Obj) => void, want: Case['want'] = []): Case => ({ test: DRA, name, ds, want });
const dynamicResources: Case[] = [
  // successCases
  draCase('resource claim reference', dra([{ name: 'my-claim-reference' }], [byName('my-claim-reference')])),
  draCase('resource claim template', dra([{ name: 'my-claim-template' }], [byTemplate('my-claim-template')])),
  draCase(
    'multiple claims',
    dra([{ name: 'my-claim' }, { name: 'another-claim' }], [byName('my-claim'), byName('another-claim')]),
  ),
  draCase(
    'multiple claims with requests',
    dra(
      [
        { name: 'my-claim', request: 'req-0' },
        { name: 'another-claim', request: 'req-0' },
      ],
      [byName('my-claim'), byName('another-claim')],
    ),
  ),
  draCase(
    'single claim with requests',
    dra(
      [
        { name: 'my-claim', request: 'req-0' },
        { name: 'my-claim', request: 'req-1' },
      ],
      [byName('my-claim')],
    ),
  ),
  draCase('init container', dra([{ name: 'my-claim' }], [byName('my-claim')], 'initContainers', 'ctr-init')),
  // failureCases
  draCase('pod claim name with prefix', dra(undefined, [byName('../my-claim')]), [['Invalid', `${RC}[0].name`]]),
  draCase('pod claim name with path', dra(undefined, [byName('my/claim')]), [['Invalid', `${RC}[0].name`]]),
  draCase('pod claim name empty', dra(undefined, [byName('')]), [['Required', `${RC}[0].name`]]),
  draCase('duplicate pod claim entries', dra(undefined, [byName('my-claim'), byName('my-claim')]), [
    ['Duplicate', `${RC}[1].name`],
  ]),
  draCase('resource claim source empty', dra(undefined, [{ name: 'my-claim' }]), [['Invalid', `${RC}[0]`]]),
  draCase(
    'resource claim reference and template',
    dra([{ name: 'my-claim' }], [{ ...byName('my-claim'), resourceClaimTemplateName: 'some-claim-template' }]),
    [['Invalid', `${RC}[0]`]],
  ),
  draCase('claim not found', dra([{ name: 'no-such-claim' }], [byName('my-claim')]), [['NotFound', `${CLAIMS}[0]`]]),
  draCase('claim name empty', dra([{ name: '' }], [byName('my-claim')]), [['Required', `${CLAIMS}[0]`]]),
  draCase('pod claim name duplicates', dra([{ name: 'my-claim' }, { name: 'my-claim' }], [byName('my-claim')]), [
    ['Duplicate', `${CLAIMS}[1]`],
  ]),
  draCase(
    'pod claim name duplicates without and with request',
    dra([{ name: 'my-claim' }, { name: 'my-claim', request: 'req-0' }], [byName('my-claim')]),
    [['Duplicate', `${CLAIMS}[1]`]],
  ),
  draCase(
    'pod claim name duplicates with and without request',
    dra([{ name: 'my-claim', request: 'req-0' }, { name: 'my-claim' }], [byName('my-claim')]),
    [['Duplicate', `${CLAIMS}[1]`]],
  ),
  draCase(
    'pod claim name duplicates with requests',
    dra(
      [
        { name: 'my-claim', request: 'req-0' },
        { name: 'my-claim', request: 'req-0' },
      ],
      [byName('my-claim')],
    ),
    [['Duplicate', `${CLAIMS}[1]`]],
  ),
  draCase('bad request name', dra([{ name: 'my-claim', request: '*$@%^' }], [byName('my-claim')]), [
    ['Invalid', `${CLAIMS}[0].request`],
  ]),
  draCase('no claims defined', dra([{ name: 'my-claim' }], undefined), [['NotFound', `${CLAIMS}[0]`]]),
  draCase('duplicate pod claim name', dra([{ name: 'my-claim' }], [byName('my-claim'), byName('my-claim')]), [
    ['Duplicate', `${RC}[1].name`],
  ]),
  draCase(
    'invalid claim template name',
    dra([{ name: 'my-claim-template' }], [{ name: 'my-claim-template', resourceClaimTemplateName: '.foo_bar' }]),
    [['Invalid', `${RC}[0].resourceClaimTemplateName`]],
  ),
  draCase(
    'invalid claim reference name',
    dra([{ name: 'my-claim-reference' }], [{ name: 'my-claim-reference', resourceClaimName: '.foo_bar' }]),
    [['Invalid', `${RC}[0].resourceClaimName`]],
  ),
];
const dynamicResourcesExcluded: Excluded[] = [
  {
    test: DRA,
    name: "ephemeral container don't support resource requirements",
    reason:
      'ephemeral containers are forbidden in a pod template altogether (ValidatePodTemplateSpec); the entry tests the ephemeral container allow-list of a Pod',
  },
];

export const POD_FIELDS_CASES: Case[] = [
  ...topologySpread,
  ...overhead,
  ...readinessGates,
  ...schedulingGates,
  ...restartPolicies,
  ...dnsPolicies,
  ...validatePod,
  ...relaxedDns,
  ...dynamicResources,
];

export const POD_FIELDS_EXCLUDED: Excluded[] = [
  ...topologySpreadExcluded,
  ...defaultedExcluded,
  ...validatePodExcluded,
  ...relaxedDnsExcluded,
  ...dynamicResourcesExcluded,
];
