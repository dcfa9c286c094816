// Upstream node-selection and probe entries, transcribed: kubernetes/kubernetes pkg/apis/core/
// validation/validation_test.go, TestValidatePod (its successCases and errorCases that set
// nodeSelector or affinity; there is no TestValidateAffinity / TestValidateNodeSelectorRequirement
// table), TestValidateProbe and TestValidateHandler (their entries have no names: they are named
// here by their position in the table). TestValidatePod's errorCases only give a substring of the
// aggregate error; the expected list here is every error validateAffinity (validateNodeAffinity,
// ValidateNodeSelector, ValidatePreferredSchedulingTerms, validatePodAffinityTerm, …) reports for
// the entry. "spec" is re-rooted to the DaemonSet's pod template spec; TestValidateProbe's and
// TestValidateHandler's "field" is the first container's readinessProbe (validateProbe and
// validateHandler do not depend on the probe kind, and a readiness probe allows any
// successThreshold).
import { c0, C0, container, Case, Excluded, Obj, pod, POD } from './upstream';

const TEST = 'TestValidatePod';
const NA = `${POD}.affinity.nodeAffinity`;
const REQ = `${NA}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
const PA = `${POD}.affinity.podAffinity`;
const PAA = `${POD}.affinity.podAntiAffinity`;
const HARD = 'requiredDuringSchedulingIgnoredDuringExecution[0]';
const SOFT = 'preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm';

/** podtest.SetAffinity */
const affinity =
  (a: Obj) =>
  (d: Obj): void => {
    pod(d).affinity = a;
  };

/** A required node affinity with one term. */
const requiredTerm = (term: Obj): Obj => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
});

/** A pod (anti-)affinity with one required or one preferred (weight 10) term. */
const podTerm = (kind: 'podAffinity' | 'podAntiAffinity', hard: boolean, term: Obj): Obj => ({
  [kind]: hard
    ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
    : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term }] },
});

const notIn12 = { key: 'key', operator: 'NotIn', values: ['value1', 'value2'] };
/** The four (anti-)affinity × hard/soft combinations, with upstream's entry words and our path. */
const FOUR = [
  { words: 'soft pod affinity', kind: 'podAffinity', hard: false, at: `${PA}.${SOFT}` },
  { words: 'hard pod affinity', kind: 'podAffinity', hard: true, at: `${PA}.${HARD}` },
  { words: 'soft pod anti-affinity', kind: 'podAntiAffinity', hard: false, at: `${PAA}.${SOFT}` },
  { words: 'hard pod anti-affinity', kind: 'podAntiAffinity', hard: true, at: `${PAA}.${HARD}` },
] as const;

// TestValidatePod successCases
const podSuccess: Case[] = [
  {
    test: TEST,
    name: 'just about everything',
    ds: (d) => {
      d.metadata.name = 'abc.123.do-re-mi';
      pod(d).initContainers = [container('ictr')];
      pod(d).volumes = [{ name: 'vol', emptyDir: {} }];
      pod(d).nodeSelector = { key: 'value' };
      pod(d).nodeName = 'foobar';
      pod(d).serviceAccountName = 'acct';
    },
    want: [],
  },
  {
    test: TEST,
    name: 'serialized node affinity requirements',
    ds: affinity({
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
    want: [],
  },
  {
    test: TEST,
    name: 'serialized node affinity requirements, II',
    ds: affinity({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [] } }],
      },
    }),
    want: [],
  },
  {
    test: TEST,
    name: 'serialized pod affinity in affinity requirements in annotations',
    ds: affinity({
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }] },
            topologyKey: 'zone',
            namespaces: ['ns'],
            namespaceSelector: {
              matchExpressions: [{ key: 'key', operator: 'In', values: ['value1', 'value2'] }],
            },
          },
        ],
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 10,
            podAffinityTerm: {
              labelSelector: {
                matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }],
              },
              namespaces: ['ns'],
              topologyKey: 'region',
            },
          },
        ],
      },
    }),
    want: [],
  },
  {
    test: TEST,
    name: 'serialized pod anti affinity with different Label Operators in affinity requirements in annotations',
    ds: affinity({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] },
            topologyKey: 'zone',
            namespaces: ['ns'],
          },
        ],
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 10,
            podAffinityTerm: {
              labelSelector: { matchExpressions: [{ key: 'key2', operator: 'DoesNotExist' }] },
              namespaces: ['ns'],
              topologyKey: 'region',
            },
          },
        ],
      },
    }),
    want: [],
  },
  ...FOUR.map(({ kind, hard }): Case => ({
    test: TEST,
    name: `MatchLabelKeys/MismatchLabelKeys in ${hard ? 'required' : 'preferred'} ${
      kind === 'podAffinity' ? 'PodAffinity' : 'PodAntiAffinity'
    }`,
    ds: affinity(
      podTerm(kind, hard, {
        labelSelector: {
          matchExpressions: [
            notIn12,
            { key: 'key2', operator: 'In', values: ['value1'] },
            { key: 'key3', operator: 'NotIn', values: ['value1'] },
          ],
        },
        topologyKey: 'k8s.io/zone',
        matchLabelKeys: ['key2'],
        mismatchLabelKeys: ['key3'],
      }),
    ),
    want: [],
  })),
  {
    test: TEST,
    name: 'LabelSelector can have the same key as MismatchLabelKeys',
    ds: affinity(
      podTerm('podAffinity', true, {
        labelSelector: {
          matchExpressions: [
            notIn12,
            { key: 'key2', operator: 'In', values: ['value1'] },
            { key: 'key2', operator: 'NotIn', values: ['value1'] },
          ],
        },
        topologyKey: 'k8s.io/zone',
        mismatchLabelKeys: ['key2'],
      }),
    ),
    want: [],
  },
];

// TestValidatePod errorCases
const podErrors: Case[] = [
  {
    test: TEST,
    name: "invalid node selector requirement in node affinity, operator can't be null",
    ds: affinity(requiredTerm({ matchExpressions: [{ key: 'key1' }] })),
    want: [['Invalid', `${REQ}[0].matchExpressions[0].operator`]],
  },
  {
    test: TEST,
    name: 'invalid node selector requirement in node affinity, key is invalid',
    ds: affinity(requiredTerm({ matchExpressions: [{ key: 'invalid key ___@#', operator: 'Exists' }] })),
    want: [['Invalid', `${REQ}[0].matchExpressions[0].key`]],
  },
  {
    test: TEST,
    name: 'invalid node field selector requirement in node affinity, more values for field selector',
    ds: affinity(requiredTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1', 'host2'] }] })),
    want: [['Required', `${REQ}[0].matchFields[0].values`]],
  },
  {
    test: TEST,
    name: 'invalid node field selector requirement in node affinity, invalid operator',
    ds: affinity(requiredTerm({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] })),
    want: [['Invalid', `${REQ}[0].matchFields[0].operator`]],
  },
  {
    test: TEST,
    name: 'invalid node field selector requirement in node affinity, invalid key',
    ds: affinity(requiredTerm({ matchFields: [{ key: 'metadata.namespace', operator: 'In', values: ['ns1'] }] })),
    want: [['Invalid', `${REQ}[0].matchFields[0].key`]],
  },
  {
    test: TEST,
    name: 'invalid preferredSchedulingTerm in node affinity, weight should be in range 1-100',
    ds: affinity({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 199, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
        ],
      },
    }),
    want: [['Invalid', `${NA}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`]],
  },
  {
    test: TEST,
    name: 'invalid requiredDuringSchedulingIgnoredDuringExecution node selector, nodeSelectorTerms must have at least one term',
    ds: affinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }),
    want: [['Required', REQ]],
  },
  {
    test: TEST,
    name: 'invalid weight in preferredDuringSchedulingIgnoredDuringExecution in pod affinity annotations, weight should be in range 1-100',
    ds: affinity({
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 109,
            podAffinityTerm: {
              labelSelector: {
                matchExpressions: [{ key: 'key2', operator: 'NotIn', values: ['value1', 'value2'] }],
              },
              namespaces: ['ns'],
              topologyKey: 'region',
            },
          },
        ],
      },
    }),
    want: [['Invalid', `${PA}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`]],
  },
  {
    test: TEST,
    name: 'invalid labelSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, values should be empty if the operator is Exists',
    ds: affinity(
      podTerm('podAntiAffinity', false, {
        labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1', 'value2'] }] },
        namespaces: ['ns'],
        topologyKey: 'region',
      }),
    ),
    want: [['Forbidden', `${PAA}.${SOFT}.labelSelector.matchExpressions[0].values`]],
  },
  {
    test: TEST,
    name: 'invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, In operator must include Values',
    ds: affinity(
      podTerm('podAntiAffinity', false, {
        namespaceSelector: { matchExpressions: [{ key: 'key2', operator: 'In' }] },
        namespaces: ['ns'],
        topologyKey: 'region',
      }),
    ),
    want: [['Required', `${PAA}.${SOFT}.namespaceSelector.matchExpressions[0].values`]],
  },
  {
    test: TEST,
    name: 'invalid namespaceSelector in preferredDuringSchedulingIgnoredDuringExecution in podaffinity, Exists operator can not have values',
    ds: affinity(
      podTerm('podAntiAffinity', false, {
        namespaceSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists', values: ['value1', 'value2'] }] },
        namespaces: ['ns'],
        topologyKey: 'region',
      }),
    ),
    want: [['Forbidden', `${PAA}.${SOFT}.namespaceSelector.matchExpressions[0].values`]],
  },
  {
    test: TEST,
    name: 'invalid name space in preferredDuringSchedulingIgnoredDuringExecution in podaffinity annotations, namespace should be valid',
    ds: affinity(
      podTerm('podAffinity', false, {
        labelSelector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] },
        namespaces: ['INVALID_NAMESPACE'],
        topologyKey: 'region',
      }),
    ),
    // validatePodAffinityTerm reports it on ".namespace" (singular, no index).
    want: [['Invalid', `${PA}.${SOFT}.namespace`]],
  },
  // An empty topologyKey: Required ("can not be empty") and ValidateLabelName's two IsQualifiedName
  // messages for "" (name part must be non-empty; the name-part regex).
  ...[FOUR[1], FOUR[3], FOUR[0], FOUR[2]].map(({ words, kind, hard, at }): Case => ({
    test: TEST,
    name: `invalid ${words}, empty topologyKey is not allowed for ${words}`,
    ds: affinity(
      podTerm(kind, hard, {
        labelSelector: {
          matchExpressions: [{ key: 'key2', operator: hard ? 'In' : 'NotIn', values: ['value1', 'value2'] }],
        },
        namespaces: ['ns'],
      }),
    ),
    want: [
      ['Required', `${at}.topologyKey`],
      ['Invalid', `${at}.topologyKey`],
      ['Invalid', `${at}.topologyKey`],
    ],
  })),
  ...(['MatchLabelKeys', 'MismatchLabelKeys'] as const).flatMap((field) =>
    FOUR.map(({ words, kind, hard, at }): Case => ({
      test: TEST,
      name: `invalid ${words}, key in ${field} isn't correctly defined`,
      ds: affinity(
        podTerm(kind, hard, {
          labelSelector: { matchExpressions: [notIn12] },
          topologyKey: 'k8s.io/zone',
          [field === 'MatchLabelKeys' ? 'matchLabelKeys' : 'mismatchLabelKeys']: ['/simple'],
        }),
      ),
      // "prefix part must be non-empty"
      want: [['Invalid', `${at}.${field === 'MatchLabelKeys' ? 'matchLabelKeys' : 'mismatchLabelKeys'}[0]`]],
    })),
  ),
  ...FOUR.map(({ words, kind, hard, at }): Case => ({
    test: TEST,
    name: `invalid ${words}, key exists in both matchLabelKeys and labelSelector`,
    ds: (d) => {
      // upstream sets the pod's labels too, except in the soft pod affinity entry
      if (!(kind === 'podAffinity' && !hard)) d.spec.template.metadata.labels.key = 'value1';
      affinity(
        podTerm(kind, hard, {
          labelSelector: {
            matchExpressions: [
              { key: 'key', operator: 'In', values: ['value1'] },
              { key: 'key', operator: 'NotIn', values: ['value2'] },
            ],
          },
          topologyKey: 'k8s.io/zone',
          matchLabelKeys: ['key'],
        }),
      )(d);
    },
    // validateMatchLabelKeysAndMismatchLabelKeys reports it on the term's path indexed by the
    // key's position in matchLabelKeys (…podAffinityTerm[0]), as upstream does.
    want: [['Invalid', `${at}[0]`]],
  })),
  ...FOUR.map(({ words, kind, hard, at }): Case => ({
    test: TEST,
    name: `invalid ${words}, key exists in both MatchLabelKeys and MismatchLabelKeys`,
    ds: affinity(
      podTerm(kind, hard, {
        labelSelector: { matchExpressions: [notIn12] },
        topologyKey: 'k8s.io/zone',
        matchLabelKeys: ['samekey'],
        mismatchLabelKeys: ['samekey'],
      }),
    ),
    want: [['Invalid', `${at}.matchLabelKeys[0]`]],
  })),
];

// TestValidateProbe: successCases = nil and one positive field at 10; errorCases = no handler and
// one field at -10.
const RP = `${C0}.readinessProbe`;
const execHandler = { exec: { command: ['echo'] } };
const readiness =
  (p: Obj) =>
  (d: Obj): void => {
    c0(d).readinessProbe = p;
  };
const POSITIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];
const probeCases: Case[] = [
  { test: 'TestValidateProbe', name: 'successCases[0]: nil', ds: () => undefined, want: [] },
  ...POSITIVE.map((f, i): Case => ({
    test: 'TestValidateProbe',
    name: `successCases[${i + 1}]: ${f} 10`,
    ds: readiness({ ...execHandler, [f]: 10 }),
    want: [],
  })),
  {
    test: 'TestValidateProbe',
    name: 'errorCases[0]: no handler',
    ds: readiness({ timeoutSeconds: 10, initialDelaySeconds: 10 }),
    want: [['Required', RP]],
  },
  ...POSITIVE.map((f, i): Case => ({
    test: 'TestValidateProbe',
    name: `errorCases[${i + 1}]: ${f} -10`,
    ds: readiness({ ...execHandler, [f]: -10 }),
    want: [['Invalid', `${RP}.${f}`]],
  })),
];

// TestValidateHandler: validateHandler(handlerFromProbe(&h)) on a ProbeHandler.
const handlerSuccess: Obj[] = [
  { exec: { command: ['echo'] } },
  { httpGet: { path: '/', port: 1, host: '', scheme: 'HTTP' } },
  { httpGet: { path: '/foo', port: 65535, host: 'host', scheme: 'HTTP' } },
  { httpGet: { path: '/', port: 'port', host: '', scheme: 'HTTP' } },
  {
    httpGet: {
      path: '/',
      port: 'port',
      host: '',
      scheme: 'HTTP',
      httpHeaders: [{ name: 'Host', value: 'foo.example.com' }],
    },
  },
  {
    httpGet: {
      path: '/',
      port: 'port',
      host: '',
      scheme: 'HTTP',
      httpHeaders: [
        { name: 'X-Forwarded-For', value: '1.2.3.4' },
        { name: 'X-Forwarded-For', value: '5.6.7.8' },
      ],
    },
  },
];
const HG = `${RP}.httpGet`;
const handlerErrors: Array<[Obj, Array<[Case['want'][number][0], string]>, string?]> = [
  [{}, [['Required', RP]]],
  [{ exec: { command: [] } }, [['Required', `${RP}.exec.command`]]],
  // Upstream also gets Required path and NotSupported scheme (the Go struct is not defaulted);
  // from a manifest SetDefaults_HTTPGetAction sets path "/" and scheme HTTP first.
  [{ httpGet: { path: '', port: 0, host: '' } }, [['Invalid', `${HG}.port`]], 'port 0 (path and scheme defaulted)'],
  [{ httpGet: { path: '/foo', port: 65536, host: 'host' } }, [['Invalid', `${HG}.port`]], 'port 65536'],
  // IsValidPortName(""): the charset and the at-least-one-letter messages, one Invalid each.
  [
    { httpGet: { path: '', port: '', host: '' } },
    [
      ['Invalid', `${HG}.port`],
      ['Invalid', `${HG}.port`],
    ],
    'port "" (path and scheme defaulted)',
  ],
  // validateHTTPGetAction reports a bad header name on ".httpHeaders" (no index, no ".name").
  [
    {
      httpGet: {
        path: '/',
        port: 'port',
        host: '',
        scheme: 'HTTP',
        httpHeaders: [{ name: 'Host:', value: 'foo.example.com' }],
      },
    },
    [['Invalid', `${HG}.httpHeaders`]],
    'header name "Host:"',
  ],
  [
    {
      httpGet: {
        path: '/',
        port: 'port',
        host: '',
        scheme: 'HTTP',
        httpHeaders: [{ name: 'X_Forwarded_For', value: 'foo.example.com' }],
      },
    },
    [['Invalid', `${HG}.httpHeaders`]],
    'header name "X_Forwarded_For"',
  ],
];
const handlerCases: Case[] = [
  ...handlerSuccess.map((h, i): Case => ({
    test: 'TestValidateHandler',
    name: `successCases[${i}]: ${Object.keys(h)[0]}`,
    ds: readiness(h),
    want: [],
  })),
  ...handlerErrors.map(([h, want, what], i): Case => ({
    test: 'TestValidateHandler',
    name: `errorCases[${i}]: ${what ?? Object.keys(h)[0] ?? 'no handler'}`,
    ds: readiness(h),
    want,
  })),
];

// TestValidateSleepAction: validateSleepAction on a preStop hook, the grace period being the pod's
// terminationGracePeriodSeconds (validateContainers passes it down). The feature gate
// PodLifecycleSleepActionAllowZero is on by default, so AllowPodLifecycleSleepActionZeroValue is
// true for a new object; the entries run with it off expect the same error (type and path) where
// they are transcribed, only the wording differs ("must be non-negative and less than …").
const SLEEP = `${C0}.lifecycle.preStop.sleep`;
/** A preStop `sleep` lifecycle action (the Kubernetes field, not a wait in the test). */
const preStopSleep =
  (seconds: number, grace?: number) =>
  (d: Obj): void => {
    c0(d).lifecycle = { preStop: { sleep: { seconds } } };
    if (grace !== undefined) pod(d).terminationGracePeriodSeconds = grace;
  };
const sleepCases: Case[] = [
  { test: 'TestValidateSleepAction', name: 'valid setting', ds: preStopSleep(5, 30), want: [] },
  { test: 'TestValidateSleepAction', name: 'negative seconds', ds: preStopSleep(-1, 30), want: [['Invalid', SLEEP]] },
  {
    test: 'TestValidateSleepAction',
    name: 'longer than gracePeriod',
    ds: preStopSleep(5, 3),
    want: [['Invalid', SLEEP]],
  },
  {
    test: 'TestValidateSleepAction',
    name: 'sleep duration of zero with zero value feature gate enabled',
    ds: preStopSleep(0, 30),
    want: [],
  },
  {
    test: 'TestValidateSleepAction',
    name: 'invalid sleep duration (negative value) with zero value disabled',
    ds: preStopSleep(-1, 30),
    want: [['Invalid', SLEEP]],
  },
  {
    test: 'TestValidateSleepAction',
    name: 'invalid sleep duration (negative value) with zero value enabled',
    ds: preStopSleep(-1, 30),
    want: [['Invalid', SLEEP]],
  },
  {
    test: 'TestValidateSleepAction',
    name: 'zero grace period duration with zero value enabled',
    ds: preStopSleep(0, 0),
    want: [],
  },
  // A nil grace period: SetDefaults_PodSpec makes it 30 in a manifest; a sleep of 0 is valid either way.
  { test: 'TestValidateSleepAction', name: 'nil grace period with zero value enabled', ds: preStopSleep(0), want: [] },
];

export const AFFINITY_PROBE_CASES: Case[] = [
  ...podSuccess,
  ...podErrors,
  ...probeCases,
  ...handlerCases,
  ...sleepCases,
];

export const AFFINITY_PROBE_EXCLUDED: Excluded[] = [
  {
    test: 'TestValidateSleepAction',
    name: 'sleep duration of zero with zero value feature gate disabled',
    reason:
      'needs the PodLifecycleSleepActionAllowZero feature gate off; it is on by default, and then a sleep of 0 is valid',
  },
  {
    test: 'TestValidateSleepAction',
    name: 'nil grace period with zero value disabled',
    reason:
      'a nil terminationGracePeriodSeconds is defaulted to 30 before validation (SetDefaults_PodSpec), so a sleep of 5 s is valid in a manifest',
  },
];
AFFINITY_PROBE_EXCLUDED.push(
  ...[
    'adding node selector is allowed for gated pods',
    'adding node selector is not allowed for non-gated pods',
    'removing node selector is not allowed for gated pods',
    'removing node selector is not allowed for non-gated pods',
    'old pod spec has scheduling gate, new pod spec does not, and node selector is added',
    'modifying value of existing node selector is not allowed',
    'addition to nodeAffinity is allowed for gated pods',
    'old RequiredDuringSchedulingIgnoredDuringExecution is non-nil, new RequiredDuringSchedulingIgnoredDuringExecution is nil, pod is gated',
    'addition to nodeAffinity is not allowed for non-gated pods',
    'old pod spec has scheduling gate, new pod spec does not, and node affinity addition occurs',
    'nodeAffinity deletion from MatchExpressions not allowed',
    'nodeAffinity deletion from MatchFields not allowed',
    'nodeAffinity modification of item in MatchExpressions not allowed',
    'nodeAffinity modification of item in MatchFields not allowed',
    'nodeSelectorTerms addition on gated pod should fail',
    'preferredDuringSchedulingIgnoredDuringExecution can modified for gated pods',
    'preferredDuringSchedulingIgnoredDuringExecution can have additions for gated pods',
    // upstream has two entries with this name
    'preferredDuringSchedulingIgnoredDuringExecution can have removals for gated pods',
    'preferredDuringSchedulingIgnoredDuringExecution can have removals for gated pods',
    'new node affinity is nil',
    'empty NodeSelectorTerm (selects nothing) cannot become populated (selects something)',
    'nil affinity can be mutated for gated pods',
    'the podAffinity cannot be updated on gated pods',
    'the podAntiAffinity cannot be updated on gated pods',
  ].map((name): Excluded => ({
    test: 'TestValidatePodUpdate',
    name,
    reason:
      'Pod update rule (validatePodSpecUpdate: node selection may only be narrowed while the pod has scheduling gates); a DaemonSet template has no such rule and a manifest has no old object',
  })),
  {
    test: 'TestValidatePodUpdate',
    name: 'allow update pod if old pod already has invalid label-value in node affinity',
    reason:
      'needs the old object: AllowInvalidLabelValueInRequiredNodeAffinity is only set when the stored object already has an invalid value',
  },
  {
    test: 'TestValidatePodUpdate',
    name: 'not allow update node affinity to an invalid label-value',
    reason:
      'update entry whose rule (required node affinity values are label values) is checked on create too: see the unit test in test/unit/diagnostics/nodeAffinity.test.ts',
  },
);
