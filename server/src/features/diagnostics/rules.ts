// The table of every diagnostic code: what it means, how severe it is, which upstream function it
// mirrors, one manifest that triggers it and one that does not, and its quick fix. docs/rules.md is
// generated from this table (npm run gen:rules) and a test runs every example, so adding a code is
// adding one entry here.
//
// An example is a YAML fragment and where it goes in a valid DaemonSet (the one BASE_MANIFEST
// describes): `pod` merges into spec.template.spec, `container` into its first container, `spec`
// into the DaemonSet spec, `metadata` into its metadata, `template` into spec.template, `root` into
// the whole object; a null value deletes the key. `document` is a whole file, as written.
import type { Severity } from '../../model/manifestDiagnostic';

export type ExampleTarget = 'root' | 'metadata' | 'spec' | 'template' | 'pod' | 'container' | 'document';

export interface RuleExample {
  at: ExampleTarget;
  yaml: string;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** What the diagnostic says, in one line. */
  summary: string;
  /** The upstream function(s) mirrored (Kubernetes source), or where the rule comes from. */
  upstream: string;
  /** A manifest that gets the diagnostic. */
  triggers: RuleExample;
  /** A manifest that does not (usually the corrected one). */
  passes: RuleExample;
  /** The quick fix's title, when the editor offers one. */
  quickFix?: string;
  /** The rule needs a cluster (node snapshot): its examples run against the bundled example cluster, or `nodes`. */
  cluster?: boolean;
  /** A cluster rule's examples run against these nodes (a `kubectl get nodes -o yaml` list) instead of the example cluster. */
  nodes?: { description: string; yaml: string };
  /**
   * A node-agent best practice (features/diagnostics/bestPractices.ts, and the Windows-node check of
   * features/cluster/diagnostics.ts): never an error, and off with `daemonset.diagnostics.bestPractices: false`.
   */
  bestPractice?: boolean;
}

/** The valid DaemonSet every example starts from. */
export const BASE_MANIFEST = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: registry.example/agent:1.2.3
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`;

const pod = (yaml: string): RuleExample => ({ at: 'pod', yaml });
const ctr = (yaml: string): RuleExample => ({ at: 'container', yaml });
const spec = (yaml: string): RuleExample => ({ at: 'spec', yaml });
const meta = (yaml: string): RuleExample => ({ at: 'metadata', yaml });
const tmpl = (yaml: string): RuleExample => ({ at: 'template', yaml });
const root = (yaml: string): RuleExample => ({ at: 'root', yaml });
const doc = (yaml: string): RuleExample => ({ at: 'document', yaml });
const VALID: RuleExample = root('{}');
/**
 * A DaemonSet on the example cluster's nodes that match `selector` (a nodeSelector line), with
 * `specLines` (indented two spaces) in its spec and `cpu` requested.
 */
const onNodes = (selector: string, specLines: string, cpu: string): RuleExample =>
  doc(
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  ${specLines}\n` +
      `  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      nodeSelector:\n        ${selector}\n` +
      `      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources:\n            requests:\n              cpu: "${cpu}"\n              memory: 64Mi\n`,
  );

const CORE = 'pkg/apis/core/validation';
const APPS = 'pkg/apis/apps/validation';

export const RULES: readonly Rule[] = [
  // --- the file and the object as a whole ---------------------------------------------------
  {
    code: 'yamlSyntax',
    severity: 'error',
    summary: 'The YAML cannot be read (libyaml, which kubectl uses through go-yaml, refuses it).',
    upstream: 'sigs.k8s.io/yaml → go-yaml (a port of libyaml)',
    triggers: doc('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: [agent\n'),
    passes: VALID,
  },
  {
    code: 'fileSkipped',
    severity: 'info',
    summary: 'The file was not checked (too large, or not a manifest), said once for the file.',
    upstream: 'DaemonSet Studio (input limits)',
    triggers: doc('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\u0000\n'),
    passes: VALID,
  },
  {
    code: 'helmTemplate',
    severity: 'info',
    summary: 'Helm/Go template expressions were skipped: only what does not depend on them is checked.',
    upstream: 'DaemonSet Studio (Helm templates are not rendered)',
    triggers: doc(
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources:\n            requests:\n              cpu: 100m\n',
    ),
    passes: VALID,
  },
  {
    code: 'yamlAliasLimit',
    severity: 'error',
    summary:
      'The object expands to too many nodes through YAML aliases (a "billion laughs" document) and is not checked.',
    upstream: 'yaml package alias limit (maxAliasCount)',
    triggers: doc(
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n',
    ),
    passes: VALID,
  },
  {
    code: 'yamlTooDeep',
    severity: 'error',
    summary:
      'The YAML nests deeper than 256 levels: the document is not read further (a guard against stack exhaustion; no real manifest comes close).',
    upstream: 'DaemonSet Studio (model/nesting.ts MAX_NESTING_DEPTH; go-yaml caps nesting at 10000)',
    triggers: doc(
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  annotations:\n    deep: ${'['.repeat(300)}${']'.repeat(300)}\n`,
    ),
    passes: VALID,
  },
  {
    code: 'yamlEncoding',
    severity: 'warning',
    summary:
      'The bytes are not valid UTF-8 (error), carry U+FFFD replacement characters (warning) or a byte-order mark inside the stream (info).',
    upstream: 'sigs.k8s.io/yaml → go-yaml reader (yaml_parser_determine_encoding, UTF-8 checks)',
    triggers: doc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "caf\ufffd"\n'),
    passes: VALID,
  },
  {
    code: 'yamlLineBreaks',
    severity: 'warning',
    summary:
      'A lone carriage return (old Mac line break): YAML reads it as a line break, most editors and diffs do not.',
    upstream: 'YAML 1.2 §5.4 line break characters (go-yaml reader)',
    triggers: doc('apiVersion: apps/v1\rkind: ConfigMap\nmetadata:\n  name: x\n'),
    passes: VALID,
  },
  {
    code: 'kindNotString',
    severity: 'error',
    summary: '`kind` is not a string: kubectl cannot decode the object at all.',
    upstream: 'apimachinery runtime/serializer/json: Unmarshal into TypeMeta (string fields)',
    triggers: root('kind: [DaemonSet]'),
    passes: VALID,
  },
  {
    code: 'apiVersionNotString',
    severity: 'error',
    summary: '`apiVersion` is not a string: kubectl cannot decode the object at all.',
    upstream: 'apimachinery runtime/serializer/json: Unmarshal into TypeMeta (string fields)',
    triggers: doc('apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: x\n'),
    passes: VALID,
  },
  {
    code: 'moreDiagnostics',
    severity: 'warning',
    summary:
      'More than 1000 findings in one file: the first 1000 (worst first) are shown and this one, as severe as the worst left out, counts the rest.',
    upstream: 'DaemonSet Studio (model/limits.ts MAX_DIAGNOSTICS_PER_DOCUMENT)',
    triggers: ctr(`env:\n${'  - {name: "1x"}\n'.repeat(1100)}`),
    passes: VALID,
  },
  {
    code: 'removedApiVersion',
    severity: 'error',
    summary:
      'DaemonSets are no longer served in this apiVersion (extensions/v1beta1, apps/v1beta1, apps/v1beta2 were removed in 1.16).',
    upstream: 'API discovery: kubectl answers `no matches for kind "DaemonSet" in version …`',
    triggers: root('apiVersion: extensions/v1beta1'),
    passes: VALID,
    quickFix: 'Rewrite to apps/v1 (adds the selector and the OnDelete strategy the old version defaulted)',
  },
  {
    code: 'unknownApiVersion',
    severity: 'error',
    summary: 'No API group/version serves DaemonSets under this apiVersion.',
    upstream: 'API discovery (RESTMapper): `no matches for kind "DaemonSet" in version …`',
    triggers: root('apiVersion: Apps/v1'),
    passes: VALID,
    quickFix: 'Change apiVersion to apps/v1',
  },
  {
    code: 'unknownKind',
    severity: 'error',
    summary: 'The kind is not served in this apiVersion; it differs from DaemonSet only in spelling or case.',
    upstream: 'API discovery (RESTMapper): `no matches for kind "Daemonset" in version "apps/v1"`',
    triggers: root('kind: Daemonset'),
    passes: VALID,
    quickFix: 'Change kind to DaemonSet',
  },
  {
    code: 'kustomizePatch',
    severity: 'info',
    summary:
      'The object has no selector and no containers or template labels: it is treated as a kustomize patch and only the fields present are checked.',
    upstream: 'kustomize strategic-merge patches',
    triggers: doc(
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      nodeSelector:\n        disktype: ssd\n',
    ),
    passes: VALID,
  },
  // --- decoding: unknown fields, types, enums, required fields -------------------------------
  {
    code: 'unknownField',
    severity: 'error',
    summary: 'The field does not exist in the schema (kubectl applies with strict field validation).',
    upstream: 'fieldValidation=Strict (k8s.io/apimachinery strict decoding)',
    triggers: spec('replicas: 3'),
    passes: VALID,
  },
  {
    code: 'wrongType',
    severity: 'error',
    summary: 'The value has the wrong JSON type, often a YAML 1.1 boolean or number where a string is expected.',
    upstream: 'JSON decoding of the OpenAPI types',
    triggers: pod('nodeSelector:\n  disktype: yes'),
    passes: pod('nodeSelector:\n  disktype: "yes"'),
    quickFix: 'Quote the value so it stays a string',
  },
  {
    code: 'unsupportedValue',
    severity: 'error',
    summary: 'The value is not one of the values the field accepts (enums, downward API field paths, OS names, …).',
    upstream: 'field.NotSupported in ValidatePodSpec and friends (' + CORE + ')',
    triggers: ctr('imagePullPolicy: Sometimes'),
    passes: ctr('imagePullPolicy: IfNotPresent'),
  },
  {
    code: 'requiredField',
    severity: 'error',
    summary: 'A required field is missing or empty (checked against upstream defaulting first).',
    upstream: 'field.Required in ValidateObjectMeta, validateContainers, … (' + CORE + ')',
    triggers: ctr('image: ""'),
    passes: VALID,
  },
  {
    code: 'invalidQuantity',
    severity: 'error',
    summary:
      'A resource quantity does not parse (e.g. "128MB"), an extended resource is not a whole number, or huge pages are not a multiple of their page size.',
    upstream:
      'resource.ParseQuantity; ValidateResourceRequirements, validateResourceQuantityHugePageValue (' + CORE + ')',
    triggers: ctr('resources:\n  requests:\n    memory: 128MB'),
    passes: ctr('resources:\n  requests:\n    memory: 128Mi'),
  },
  // --- metadata ------------------------------------------------------------------------------
  {
    code: 'invalidName',
    severity: 'error',
    summary: 'A name is not a valid DNS label or subdomain (object, container, volume, port-less names, references).',
    upstream: 'ValidateObjectMeta, ValidateDNS1123Label/Subdomain (' + CORE + ')',
    triggers: meta('name: Agent_1'),
    passes: meta('name: agent-1'),
  },
  {
    code: 'invalidLabelKey',
    severity: 'error',
    summary: 'A label key (or toleration key, topology key, selector key) is not a qualified name.',
    upstream: 'ValidateLabels → ValidateLabelName (apimachinery meta/v1/validation)',
    triggers: meta('labels:\n  "app name": agent'),
    passes: meta('labels:\n  app.kubernetes.io/name: agent'),
  },
  {
    code: 'invalidLabelValue',
    severity: 'error',
    summary: 'A label value is longer than 63 characters or has characters labels do not allow.',
    upstream: 'ValidateLabels → IsValidLabelValue (apimachinery meta/v1/validation)',
    triggers: meta('labels:\n  version: "1.2.3 beta"'),
    passes: meta('labels:\n  version: 1.2.3-beta'),
  },
  {
    code: 'invalidAnnotationKey',
    severity: 'error',
    summary: 'An annotation key is not a qualified name (case is ignored).',
    upstream: 'ValidateAnnotations (apimachinery api/validation/objectmeta.go)',
    triggers: tmpl('metadata:\n  annotations:\n    "a/b/c": x'),
    passes: tmpl('metadata:\n  annotations:\n    example.com/owner: x'),
  },
  {
    code: 'annotationsTooLong',
    severity: 'error',
    summary: 'Keys and values of the annotations together exceed 256 KiB.',
    upstream: 'ValidateAnnotationsSize (apimachinery api/validation/objectmeta.go)',
    triggers: tmpl(`metadata:\n  annotations:\n    big: "${'x'.repeat(262144)}"`),
    passes: tmpl('metadata:\n  annotations:\n    small: x'),
  },
  {
    code: 'invalidOwnerReference',
    severity: 'error',
    summary:
      'An owner reference lacks its apiVersion version, kind, name or uid, names a core/v1 Event, or is a second controller.',
    upstream: 'ValidateOwnerReferences (apimachinery api/validation/objectmeta.go)',
    triggers: meta('ownerReferences:\n  - apiVersion: v1\n    kind: Event\n    name: e\n    uid: "1"'),
    passes: meta('ownerReferences:\n  - apiVersion: v1\n    kind: Pod\n    name: p\n    uid: "1"'),
  },
  {
    code: 'invalidFinalizer',
    severity: 'error',
    summary:
      'A finalizer is not a qualified name, is neither standard nor domain-qualified, or orphan and foregroundDeletion are both set.',
    upstream:
      'ValidateFinalizers (apimachinery api/validation/objectmeta.go); validateKubeFinalizerName (' + CORE + ')',
    triggers: meta('finalizers:\n  - cleanup'),
    passes: meta('finalizers:\n  - example.com/cleanup'),
  },
  // --- the DaemonSet spec --------------------------------------------------------------------
  {
    code: 'selectorMissing',
    severity: 'error',
    summary: 'spec.selector is not set: apps/v1 has no defaulting for it, so it matches no template labels.',
    upstream: 'ValidateDaemonSetSpec (' + APPS + ')',
    triggers: spec('selector: null'),
    passes: VALID,
    quickFix: 'Add spec.selector matching the template labels',
  },
  {
    code: 'selectorEmpty',
    severity: 'error',
    summary: 'An empty selector ({}) is invalid for a DaemonSet.',
    upstream: 'ValidateDaemonSetSpec (' + APPS + ')',
    triggers: spec('selector: {}'),
    passes: VALID,
  },
  {
    code: 'selectorMismatch',
    severity: 'error',
    summary: 'The selector does not match the template labels.',
    upstream: 'ValidateDaemonSetSpec (' + APPS + ')',
    triggers: spec('selector:\n  matchLabels:\n    app: other'),
    passes: VALID,
    quickFix: "Add the selector's labels to the template labels",
  },
  {
    code: 'invalidSelector',
    severity: 'error',
    summary: 'A label or node selector requirement is malformed (operator, values).',
    upstream: 'ValidateLabelSelector (apimachinery); ValidateNodeSelectorRequirement (' + CORE + ')',
    triggers: spec('selector:\n  matchLabels:\n    app: agent\n  matchExpressions:\n    - {key: tier, operator: Has}'),
    passes: spec(
      'selector:\n  matchLabels:\n    app: agent\n  matchExpressions:\n    - {key: tier, operator: DoesNotExist}',
    ),
  },
  {
    code: 'restartPolicyNotAlways',
    severity: 'error',
    summary: "A DaemonSet's pods must restart Always.",
    upstream: 'ValidateDaemonSetSpec (' + APPS + ')',
    triggers: pod('restartPolicy: OnFailure'),
    passes: pod('restartPolicy: Always'),
    quickFix: 'Set restartPolicy to Always',
  },
  {
    code: 'activeDeadlineSecondsForbidden',
    severity: 'error',
    summary: 'activeDeadlineSeconds is not supported in a DaemonSet.',
    upstream: 'ValidateDaemonSetSpec (' + APPS + ')',
    triggers: pod('activeDeadlineSeconds: 60'),
    passes: VALID,
  },
  {
    code: 'negativeValue',
    severity: 'error',
    summary: 'A count, size or duration is negative.',
    upstream: 'ValidateNonnegativeField, ValidateResourceQuantityValue (' + CORE + ')',
    triggers: spec('minReadySeconds: -1'),
    passes: spec('minReadySeconds: 10'),
  },
  {
    code: 'invalidIntOrPercent',
    severity: 'error',
    summary: 'maxUnavailable/maxSurge is neither a non-negative integer nor a percentage.',
    upstream: 'ValidatePositiveIntOrPercent (' + APPS + ')',
    triggers: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 10 percent'),
    passes: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 10%'),
  },
  {
    code: 'percentOver100',
    severity: 'error',
    summary: 'maxUnavailable/maxSurge is more than 100%.',
    upstream: 'IsNotMoreThan100Percent (' + APPS + ')',
    triggers: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 110%'),
    passes: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 100%'),
  },
  {
    code: 'rollingUpdateBothSet',
    severity: 'error',
    summary: 'maxSurge and maxUnavailable may not both be non-zero (maxUnavailable defaults to 1).',
    upstream: 'ValidateRollingUpdateDaemonSet (' + APPS + ')',
    triggers: spec('updateStrategy:\n  rollingUpdate:\n    maxSurge: 1'),
    passes: spec('updateStrategy:\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0'),
  },
  {
    code: 'rollingUpdateZero',
    severity: 'error',
    summary: 'maxUnavailable and maxSurge may not both be 0.',
    upstream: 'ValidateRollingUpdateDaemonSet (' + APPS + ')',
    triggers: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 0'),
    passes: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 1'),
  },
  {
    code: 'rollingUpdateIgnored',
    severity: 'warning',
    summary: 'rollingUpdate is ignored when the update strategy is OnDelete.',
    upstream: 'DaemonSet controller (pkg/controller/daemon): OnDelete replaces pods only when deleted',
    triggers: spec('updateStrategy:\n  type: OnDelete\n  rollingUpdate:\n    maxUnavailable: 2'),
    passes: spec('updateStrategy:\n  type: OnDelete'),
  },
  {
    code: 'hostPortWithSurge',
    severity: 'warning',
    summary: 'A surge pod can never bind the host port its predecessor holds on the same node: the rollout hangs.',
    upstream: 'DaemonSet controller surge (pkg/controller/daemon/update.go) + scheduler NodePorts',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          ports:\n            - {containerPort: 9100, hostPort: 9100}',
    },
    passes: spec('updateStrategy:\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0'),
  },
  {
    code: 'ephemeralContainersForbidden',
    severity: 'error',
    summary: 'A pod template may not have ephemeral containers.',
    upstream: 'ValidatePodTemplateSpec (' + CORE + ')',
    triggers: pod('ephemeralContainers:\n  - name: debug\n    image: busybox'),
    passes: VALID,
  },
  // --- containers ----------------------------------------------------------------------------
  {
    code: 'duplicateName',
    severity: 'error',
    summary: 'Two containers (regular and init together) or two volumes have the same name.',
    upstream: 'validateContainers, validateInitContainers, ValidateVolumes (' + CORE + ')',
    triggers: pod(
      'containers:\n  - {name: agent, image: a:1, resources: {requests: {cpu: 1m}}}\n  - {name: agent, image: b:1}',
    ),
    passes: pod(
      'containers:\n  - {name: agent, image: a:1, resources: {requests: {cpu: 1m}}}\n  - {name: helper, image: b:1}',
    ),
  },
  {
    code: 'containerRestartPolicy',
    severity: 'error',
    summary:
      'A container-level restartPolicy that is not Always, Never or OnFailure, or restartPolicyRules that are malformed (no restartPolicy, more than 20 rules, an action other than Restart, no exitCodes, an operator other than In/NotIn, more than 255 values), or rules on a sidecar (restartPolicy: Always init container).',
    upstream: 'validateContainerRestartPolicy, validateInitContainerRestartPolicy (' + CORE + ')',
    triggers: ctr('restartPolicyRules:\n  - action: Restart\n    exitCodes: {operator: In, values: [42]}'),
    passes: ctr(
      'restartPolicy: Always\nrestartPolicyRules:\n  - action: Restart\n    exitCodes: {operator: In, values: [42]}',
    ),
  },
  {
    code: 'initContainerField',
    severity: 'error',
    summary: 'Probes and lifecycle hooks are only allowed on sidecar init containers (restartPolicy: Always).',
    upstream: 'validateInitContainers (' + CORE + ')',
    triggers: pod(
      'initContainers:\n  - name: init\n    image: busybox\n    livenessProbe:\n      exec: {command: [true]}',
    ),
    passes: pod(
      'initContainers:\n  - name: init\n    image: busybox\n    restartPolicy: Always\n    livenessProbe:\n      exec: {command: [true]}',
    ),
  },
  {
    code: 'invalidResizePolicy',
    severity: 'error',
    summary:
      'A resizePolicy entry names an unknown resource or restart policy, repeats a resource, or is not NotRequired when the pod never restarts.',
    upstream: 'validateResizePolicy (' + CORE + ')',
    triggers: ctr('resizePolicy:\n  - {resourceName: cpu, restartPolicy: Restart}'),
    passes: ctr('resizePolicy:\n  - {resourceName: cpu, restartPolicy: NotRequired}'),
  },
  {
    code: 'invalidPort',
    severity: 'error',
    summary: 'A port number is outside 1–65535 (or a named port is not a valid port name).',
    upstream: 'validateContainerPorts, ValidatePortNumOrName (' + CORE + ')',
    triggers: ctr('ports:\n  - containerPort: 70000'),
    passes: ctr('ports:\n  - containerPort: 7000'),
  },
  {
    code: 'invalidPortName',
    severity: 'error',
    summary: 'A port name is not an IANA service name (at most 15 characters, lowercase, a letter).',
    upstream: 'validateContainerPorts → IsValidPortName (' + CORE + ')',
    triggers: ctr('ports:\n  - {name: Metrics_Port, containerPort: 9100}'),
    passes: ctr('ports:\n  - {name: metrics, containerPort: 9100}'),
  },
  {
    code: 'duplicatePortName',
    severity: 'error',
    summary: 'Two ports of a container have the same name.',
    upstream: 'validateContainerPorts (' + CORE + ')',
    triggers: ctr('ports:\n  - {name: metrics, containerPort: 9100}\n  - {name: metrics, containerPort: 9101}'),
    passes: ctr('ports:\n  - {name: metrics, containerPort: 9100}\n  - {name: health, containerPort: 9101}'),
  },
  {
    code: 'duplicateHostPort',
    severity: 'error',
    summary: 'Two containers of the pod bind the same host port, protocol and IP.',
    upstream: 'checkHostPortConflicts (' + CORE + ')',
    triggers: pod(
      'containers:\n  - {name: a, image: a:1, resources: {requests: {cpu: 1m}}, ports: [{containerPort: 80, hostPort: 80}]}\n  - {name: b, image: b:1, ports: [{containerPort: 81, hostPort: 80}]}',
    ),
    passes: pod(
      'containers:\n  - {name: a, image: a:1, resources: {requests: {cpu: 1m}}, ports: [{containerPort: 80, hostPort: 80}]}\n  - {name: b, image: b:1, ports: [{containerPort: 81, hostPort: 81}]}',
    ),
  },
  {
    code: 'hostPortMismatch',
    severity: 'error',
    summary: 'With hostNetwork, hostPort must equal containerPort.',
    upstream: 'validatePodHostNetworkDeps (' + CORE + ')',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          ports: [{containerPort: 9100, hostPort: 9101}]',
    },
    passes: pod('hostNetwork: true'),
  },
  {
    code: 'invalidEnvName',
    severity: 'error',
    summary: 'An environment variable name (or envFrom prefix) is empty, contains "=" or non-printable characters.',
    upstream: 'ValidateEnv, ValidateEnvFrom (' + CORE + ')',
    triggers: ctr('env:\n  - {name: "A=B", value: x}'),
    passes: ctr('env:\n  - {name: A_B, value: x}'),
  },
  {
    code: 'invalidValueFrom',
    severity: 'error',
    summary: 'env valueFrom has no source, more than one, or is combined with value.',
    upstream: 'validateEnvVarValueFrom (' + CORE + ')',
    triggers: ctr('env:\n  - name: NODE\n    value: x\n    valueFrom:\n      fieldRef: {fieldPath: spec.nodeName}'),
    passes: ctr('env:\n  - name: NODE\n    valueFrom:\n      fieldRef: {fieldPath: spec.nodeName}'),
  },
  {
    code: 'invalidFieldPath',
    severity: 'error',
    summary:
      'A downward API fieldPath does not convert (unknown field label, subscript where none is allowed, bad label key).',
    upstream: 'validateObjectFieldSelector, ConvertDownwardAPIFieldLabel (' + CORE + ')',
    triggers: ctr('env:\n  - name: NODE\n    valueFrom:\n      fieldRef: {fieldPath: spec.node}'),
    passes: ctr('env:\n  - name: NODE\n    valueFrom:\n      fieldRef: {fieldPath: spec.nodeName}'),
  },
  {
    code: 'invalidKey',
    severity: 'error',
    summary: 'A ConfigMap or Secret key referenced from env is not a valid config key.',
    upstream: 'validateConfigMapKeySelector, validateSecretKeySelector → IsConfigMapKey (' + CORE + ')',
    triggers: ctr('env:\n  - name: A\n    valueFrom:\n      configMapKeyRef: {name: cfg, key: "a/b"}'),
    passes: ctr('env:\n  - name: A\n    valueFrom:\n      configMapKeyRef: {name: cfg, key: a.b}'),
  },
  {
    code: 'invalidEnvFrom',
    severity: 'error',
    summary: 'An envFrom entry names no source or both a ConfigMap and a Secret.',
    upstream: 'ValidateEnvFrom (' + CORE + ')',
    triggers: ctr('envFrom:\n  - prefix: A_'),
    passes: ctr('envFrom:\n  - prefix: A_\n    configMapRef: {name: cfg}'),
  },
  {
    code: 'duplicateEnv',
    severity: 'warning',
    summary: 'A later env entry with the same name hides an earlier one (and may be dropped by apply).',
    upstream: 'warningsForPodSpecAndMeta (pkg/api/pod/warnings.go)',
    triggers: ctr('env:\n  - {name: A, value: "1"}\n  - {name: A, value: "2"}'),
    passes: ctr('env:\n  - {name: A, value: "1"}\n  - {name: B, value: "2"}'),
  },
  {
    code: 'volumeNotFound',
    severity: 'error',
    summary: 'A volumeMount names a volume the pod does not have (or one that failed validation).',
    upstream: 'ValidateVolumeMounts → IsMatchedVolume (' + CORE + ')',
    triggers: ctr('volumeMounts:\n  - {name: data, mountPath: /data}'),
    passes: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: data, emptyDir: {}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeMounts: [{name: data, mountPath: /data}]',
    },
  },
  {
    code: 'duplicateMountPath',
    severity: 'error',
    summary: 'Two volumeMounts of a container use the same mountPath.',
    upstream: 'ValidateVolumeMounts (' + CORE + ')',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /data}]',
    },
    passes: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /cache}]',
    },
  },
  {
    code: 'invalidVolumeMount',
    severity: 'error',
    summary:
      'subPath/subPathExpr escape the volume or are both set; Bidirectional propagation without privileged; recursiveReadOnly misuse; a name or mountPath that is also a volumeDevice.',
    upstream: 'ValidateVolumeMounts, validateMountPropagation, validateMountRecursiveReadOnly (' + CORE + ')',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: host, hostPath: {path: /var/lib}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeMounts: [{name: host, mountPath: /host, mountPropagation: Bidirectional}]',
    },
    passes: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: host, hostPath: {path: /var/lib}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          securityContext: {privileged: true}\n          volumeMounts: [{name: host, mountPath: /host, mountPropagation: Bidirectional}]',
    },
  },
  {
    code: 'invalidVolumeDevice',
    severity: 'error',
    summary:
      'A volumeDevice names no PVC or ephemeral volume, repeats a name or devicePath, has a devicePath with "..", or shares a name or path with a volumeMount.',
    upstream: 'ValidateVolumeDevices (' + CORE + ')',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: disk, hostPath: {path: /dev/sdb}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeDevices: [{name: disk, devicePath: /dev/xvda}]',
    },
    passes: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      volumes: [{name: disk, persistentVolumeClaim: {claimName: disk}}]\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources: {requests: {cpu: 100m}}\n          volumeDevices: [{name: disk, devicePath: /dev/xvda}]',
    },
  },
  {
    code: 'invalidResourceName',
    severity: 'error',
    summary:
      'A resource name is not a standard container resource or a valid extended resource, or (pod-level spec.resources) not one of cpu, memory and hugepages-*.',
    upstream: 'validateContainerResourceName, validatePodResourceName, validateResourceName (' + CORE + ')',
    triggers: ctr('resources:\n  limits:\n    disk: 10G'),
    passes: ctr('resources:\n  limits:\n    ephemeral-storage: 10G'),
  },
  {
    code: 'podLevelResources',
    severity: 'error',
    summary:
      "Pod-level resources (spec.resources) disagree with the containers: a pod-level request below the containers' aggregate requests, a container limit above the pod-level limit, or claims at pod level.",
    upstream: 'validatePodResources, validatePodResourceConsistency (' + CORE + ')',
    triggers: pod(
      'resources:\n  requests: {cpu: 100m}\ncontainers:\n  - name: agent\n    image: registry.example/agent:1.2.3\n    resources: {requests: {cpu: 200m}}',
    ),
    passes: pod(
      'resources:\n  requests: {cpu: 500m}\ncontainers:\n  - name: agent\n    image: registry.example/agent:1.2.3\n    resources: {requests: {cpu: 200m}}',
    ),
  },
  {
    code: 'requestExceedsLimit',
    severity: 'error',
    summary: 'A request is larger than its limit.',
    upstream: 'ValidateResourceRequirements (' + CORE + ')',
    triggers: ctr('resources:\n  requests: {cpu: 200m}\n  limits: {cpu: 100m}'),
    passes: ctr('resources:\n  requests: {cpu: 100m}\n  limits: {cpu: 200m}'),
  },
  {
    code: 'requestNotEqualLimit',
    severity: 'error',
    summary:
      'For resources that cannot be overcommitted (huge pages, extended resources) request and limit must be equal.',
    upstream: 'ValidateResourceRequirements (' + CORE + ')',
    triggers: ctr('resources:\n  requests: {example.com/gpu: 1}\n  limits: {example.com/gpu: 2}'),
    passes: ctr('resources:\n  requests: {example.com/gpu: 2}\n  limits: {example.com/gpu: 2}'),
  },
  {
    code: 'limitRequired',
    severity: 'error',
    summary: 'A resource that cannot be overcommitted is requested without a limit.',
    upstream: 'ValidateResourceRequirements (' + CORE + ')',
    triggers: ctr('resources:\n  requests: {example.com/gpu: 1}'),
    passes: ctr('resources:\n  requests: {example.com/gpu: 1}\n  limits: {example.com/gpu: 1}'),
  },
  {
    code: 'hugePagesWithoutCpuOrMemory',
    severity: 'error',
    summary: 'A container asks for huge pages without a cpu or memory request or limit.',
    upstream: 'validateResourceRequirements (' + CORE + ')',
    triggers: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources:\n            requests: {hugepages-2Mi: 4Mi}\n            limits: {hugepages-2Mi: 4Mi}',
    },
    passes: {
      at: 'root',
      yaml: 'spec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: registry.example/agent:1.2.3\n          resources:\n            requests: {memory: 64Mi, hugepages-2Mi: 4Mi}\n            limits: {memory: 64Mi, hugepages-2Mi: 4Mi}',
    },
  },
  {
    code: 'probeHandler',
    severity: 'error',
    summary: 'A probe or lifecycle hook has no action, or more than one.',
    upstream: 'validateHandler, validateLifecycle (' + CORE + ')',
    triggers: ctr('livenessProbe:\n  periodSeconds: 10'),
    passes: ctr('livenessProbe:\n  periodSeconds: 10\n  httpGet: {path: /healthz, port: 8080}'),
  },
  {
    code: 'probeSuccessThreshold',
    severity: 'error',
    summary: 'Liveness and startup probes must have successThreshold 1.',
    upstream: 'validateLivenessProbe, validateStartupProbe (' + CORE + ')',
    triggers: ctr('livenessProbe:\n  successThreshold: 3\n  httpGet: {path: /healthz, port: 8080}'),
    passes: ctr('livenessProbe:\n  successThreshold: 1\n  httpGet: {path: /healthz, port: 8080}'),
  },
  {
    code: 'invalidProbe',
    severity: 'error',
    summary: "A probe's terminationGracePeriodSeconds, sleep action or HTTP header is invalid.",
    upstream: 'validateProbe, validateSleepAction, validateHTTPGetAction (' + CORE + ')',
    triggers: ctr('readinessProbe:\n  terminationGracePeriodSeconds: 10\n  httpGet: {path: /ready, port: 8080}'),
    passes: ctr('readinessProbe:\n  httpGet: {path: /ready, port: 8080}'),
  },
  {
    code: 'privilegeEscalation',
    severity: 'error',
    summary: 'allowPrivilegeEscalation: false contradicts privileged: true or CAP_SYS_ADMIN.',
    upstream: 'ValidateSecurityContext (' + CORE + ')',
    triggers: ctr('securityContext:\n  privileged: true\n  allowPrivilegeEscalation: false'),
    passes: ctr('securityContext:\n  privileged: true'),
  },
  {
    code: 'invalidId',
    severity: 'error',
    summary: 'A user or group ID is outside 0–2147483647.',
    upstream: 'IsValidUserID, IsValidGroupID (apimachinery util/validation)',
    triggers: ctr('securityContext:\n  runAsUser: -1'),
    passes: ctr('securityContext:\n  runAsUser: 1000'),
  },
  {
    code: 'seccompLocalhost',
    severity: 'error',
    summary: 'localhostProfile is required for, and only allowed with, seccomp type Localhost.',
    upstream: 'validateSeccompProfileField (' + CORE + ')',
    triggers: ctr('securityContext:\n  seccompProfile: {type: Localhost}'),
    passes: ctr('securityContext:\n  seccompProfile: {type: Localhost, localhostProfile: profiles/agent.json}'),
  },
  {
    code: 'appArmorLocalhost',
    severity: 'error',
    summary: 'localhostProfile is required for, and only allowed with, AppArmor type Localhost.',
    upstream: 'ValidateAppArmorProfileField (' + CORE + ')',
    triggers: ctr('securityContext:\n  appArmorProfile: {type: Localhost}'),
    passes: ctr('securityContext:\n  appArmorProfile: {type: Localhost, localhostProfile: k8s-agent}'),
  },
  // --- the pod spec --------------------------------------------------------------------------
  {
    code: 'invalidSecurityContext',
    severity: 'error',
    summary:
      'Security settings that contradict each other: shareProcessNamespace with hostPID, hostUsers: false with a host namespace, procMount Unmasked without a user namespace, Windows hostProcess settings that disagree, or a deprecated seccomp/AppArmor annotation that disagrees with its field.',
    upstream:
      'validatePodSpecSecurityContext, validateHostUsers, ValidateSecurityContext, validateWindowsHostProcessPod, validateSeccompAnnotationsAndFields, validateAppArmorAnnotationsAndFieldsMatchOnCreate (' +
      CORE +
      ')',
    triggers: pod('hostPID: true\nshareProcessNamespace: true'),
    passes: pod('hostPID: true'),
  },
  {
    code: 'invalidSysctl',
    severity: 'error',
    summary:
      'A sysctl name is malformed or repeated, or a net.*/IPC sysctl is set on a pod sharing the host network/IPC namespace.',
    upstream: 'validateSysctls, ValidateHostSysctl (' + CORE + ')',
    triggers: pod('hostNetwork: true\nsecurityContext:\n  sysctls:\n    - {name: net.core.somaxconn, value: "1024"}'),
    passes: pod('securityContext:\n  sysctls:\n    - {name: net.core.somaxconn, value: "1024"}'),
  },
  {
    code: 'osForbiddenField',
    severity: 'error',
    summary:
      'A field the pod OS (spec.os.name) does not support is set: Linux-only fields on a windows pod, windowsOptions on a linux pod.',
    upstream: 'validateWindows, validateLinux (' + CORE + ')',
    triggers: pod('os: {name: windows}\nsecurityContext:\n  runAsUser: 1000'),
    passes: pod('os: {name: windows}\nsecurityContext:\n  windowsOptions: {runAsUserName: ContainerUser}'),
  },
  {
    code: 'dnsConfigRequired',
    severity: 'error',
    summary: 'dnsPolicy None needs dnsConfig with at least one nameserver.',
    upstream: 'validatePodDNSConfig (' + CORE + ')',
    triggers: pod('dnsPolicy: None'),
    passes: pod('dnsPolicy: None\ndnsConfig:\n  nameservers: [10.0.0.10]'),
  },
  {
    code: 'invalidDnsConfig',
    severity: 'error',
    summary: 'dnsConfig has too many nameservers or search paths, a too long search list, or an option without a name.',
    upstream: 'validatePodDNSConfig (' + CORE + ')',
    triggers: pod('dnsConfig:\n  nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1]'),
    passes: pod('dnsConfig:\n  nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]'),
  },
  {
    code: 'invalidIP',
    severity: 'error',
    summary: 'A nameserver or host alias IP is not an IP address.',
    upstream: 'validatePodDNSConfig, ValidateHostAliases (' + CORE + ')',
    triggers: pod('hostAliases:\n  - {ip: 10.0.0.300, hostnames: [db]}'),
    passes: pod('hostAliases:\n  - {ip: 10.0.0.30, hostnames: [db]}'),
  },
  {
    code: 'invalidValue',
    severity: 'error',
    summary: 'A value is out of its allowed range or format (topology spread maxSkew, volume source fields, …).',
    upstream: 'ValidatePodSpec and the volume source validators (' + CORE + ')',
    triggers: pod('topologySpreadConstraints:\n  - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}'),
    passes: pod('topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}'),
  },
  {
    code: 'duplicateEntry',
    severity: 'error',
    summary:
      'A list entry that must be unique is repeated: a scheduling gate name, or two topology spread constraints with the same topologyKey and whenUnsatisfiable.',
    upstream: 'validateSchedulingGates, ValidateSpreadConstraintNotRepeat (' + CORE + ')',
    triggers: pod('schedulingGates:\n  - {name: example.com/wait}\n  - {name: example.com/wait}'),
    passes: pod('schedulingGates:\n  - {name: example.com/wait}\n  - {name: example.com/ready}'),
  },
  {
    code: 'resourceClaimNotFound',
    severity: 'error',
    summary: "A container's resources.claims names a claim that is not in the pod's resourceClaims.",
    upstream: 'validateResourceClaimNames (' + CORE + ')',
    triggers: pod(
      'resourceClaims:\n  - {name: gpu, resourceClaimTemplateName: gpu-template}\ncontainers:\n  - {name: agent, image: a:1, resources: {requests: {cpu: 1m}, claims: [{name: tpu}]}}',
    ),
    passes: pod(
      'resourceClaims:\n  - {name: gpu, resourceClaimTemplateName: gpu-template}\ncontainers:\n  - {name: agent, image: a:1, resources: {requests: {cpu: 1m}, claims: [{name: gpu}]}}',
    ),
  },
  {
    code: 'negativeGracePeriod',
    severity: 'warning',
    summary: 'A negative terminationGracePeriodSeconds is replaced by 1 when the pods are created.',
    upstream: 'pod strategy PrepareForCreate (pkg/registry/core/pod/strategy.go)',
    triggers: pod('terminationGracePeriodSeconds: -1'),
    passes: pod('terminationGracePeriodSeconds: 0'),
  },
  // --- tolerations and placement -------------------------------------------------------------
  {
    code: 'tolerationOperator',
    severity: 'error',
    summary: 'A toleration with an empty key must use operator Exists (which matches every taint).',
    upstream: 'ValidateTolerations (' + CORE + ')',
    triggers: pod('tolerations:\n  - {operator: Equal, effect: NoSchedule}'),
    passes: pod('tolerations:\n  - {operator: Exists, effect: NoSchedule}'),
  },
  {
    code: 'tolerationValue',
    severity: 'error',
    summary: 'A toleration with operator Exists may not have a value (reported on .operator, as upstream does).',
    upstream: 'ValidateTolerations (' + CORE + ')',
    triggers: pod('tolerations:\n  - {key: dedicated, operator: Exists, value: gpu}'),
    passes: pod('tolerations:\n  - {key: dedicated, operator: Equal, value: gpu}'),
  },
  {
    code: 'tolerationSeconds',
    severity: 'error',
    summary: 'tolerationSeconds needs effect NoExecute.',
    upstream: 'ValidateTolerations (' + CORE + ')',
    triggers: pod('tolerations:\n  - {key: dedicated, operator: Exists, effect: NoSchedule, tolerationSeconds: 60}'),
    passes: pod('tolerations:\n  - {key: dedicated, operator: Exists, effect: NoExecute, tolerationSeconds: 60}'),
  },
  {
    code: 'nodeSelectorTerms',
    severity: 'error',
    summary: 'A required node affinity needs at least one node selector term.',
    upstream: 'ValidateNodeSelector (' + CORE + ')',
    triggers: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: []',
    ),
    passes: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]',
    ),
  },
  {
    code: 'nodeSelectorValues',
    severity: 'error',
    summary:
      'A node selector requirement has values its operator does not allow (In/NotIn need some, Exists none, Gt/Lt one).',
    upstream: 'ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement (' + CORE + ')',
    triggers: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: kubernetes.io/os, operator: In}]',
    ),
    passes: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]',
    ),
  },
  {
    code: 'nodeSelectorNotInteger',
    severity: 'warning',
    summary: 'A Gt/Lt node selector value is not an integer, so it never matches a node.',
    upstream: 'scheduler NodeSelectorRequirementsAsSelector (k8s.io/component-helpers)',
    triggers: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: cores, operator: Gt, values: [four]}]',
    ),
    passes: pod(
      'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: cores, operator: Gt, values: ["4"]}]',
    ),
  },
  {
    code: 'invalidWeight',
    severity: 'error',
    summary: 'A preferred scheduling term weight is outside 1–100.',
    upstream: 'ValidatePreferredSchedulingTerms, validateWeightedPodAffinityTerms (' + CORE + ')',
    triggers: pod(
      'affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n        preference:\n          matchExpressions: [{key: disk, operator: In, values: [ssd]}]',
    ),
    passes: pod(
      'affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 10\n        preference:\n          matchExpressions: [{key: disk, operator: In, values: [ssd]}]',
    ),
  },
  {
    code: 'deprecatedNodeLabel',
    severity: 'warning',
    summary: 'The node label is deprecated in favour of its GA name.',
    upstream: 'GetNodeLabelDeprecatedMessage (pkg/api/node)',
    triggers: pod('nodeSelector:\n  beta.kubernetes.io/os: linux'),
    passes: pod('nodeSelector:\n  kubernetes.io/os: linux'),
    quickFix: 'Use the GA label',
  },
  {
    code: 'nodeNamePinned',
    severity: 'info',
    summary: 'spec.nodeName pins the DaemonSet to one node.',
    upstream: 'nodeShouldRunDaemonPod (pkg/controller/daemon)',
    triggers: pod('nodeName: node-1'),
    passes: VALID,
  },
  // --- volumes -------------------------------------------------------------------------------
  {
    code: 'volumeSource',
    severity: 'error',
    summary:
      'A volume sets more than one source type, or a downward API item neither or both of fieldRef and resourceFieldRef.',
    upstream: 'validateVolumeSource, validateDownwardAPIVolumeFile (' + CORE + ')',
    triggers: pod('volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /data}'),
    passes: pod('volumes:\n  - name: data\n    hostPath: {path: /data}'),
  },
  {
    code: 'invalidPath',
    severity: 'error',
    summary: "A path inside a volume is absolute or contains '..'.",
    upstream: 'ValidateLocalNonReservedPath, validateLocalDescendingPath (' + CORE + ')',
    triggers: pod('volumes:\n  - name: cfg\n    configMap:\n      name: cfg\n      items: [{key: a, path: ../a}]'),
    passes: pod('volumes:\n  - name: cfg\n    configMap:\n      name: cfg\n      items: [{key: a, path: conf/a}]'),
  },
  {
    code: 'invalidFileMode',
    severity: 'error',
    summary: 'A file mode is outside 0–0777; digits written without a leading 0 are read as decimal.',
    upstream: 'validateSecretVolumeSource, validateConfigMapVolumeSource, validateKeyToPath (' + CORE + ')',
    triggers: pod('volumes:\n  - name: cfg\n    configMap: {name: cfg, defaultMode: 644}'),
    passes: pod('volumes:\n  - name: cfg\n    configMap: {name: cfg, defaultMode: 0644}'),
    quickFix: 'Write the digits as octal (0644)',
  },
  {
    code: 'invalidTokenExpiration',
    severity: 'error',
    summary: 'A projected service account token expires in less than 10 minutes or more than 2^32 seconds.',
    upstream: 'validateProjectionSources (' + CORE + ')',
    triggers: pod(
      'volumes:\n  - name: token\n    projected:\n      sources:\n        - serviceAccountToken: {path: token, expirationSeconds: 60}',
    ),
    passes: pod(
      'volumes:\n  - name: token\n    projected:\n      sources:\n        - serviceAccountToken: {path: token, expirationSeconds: 3600}',
    ),
  },
  // --- warnings and infos --------------------------------------------------------------------
  {
    code: 'deprecatedAnnotation',
    severity: 'warning',
    summary: 'The pod template annotation is deprecated and non-functional; a field replaces it.',
    upstream: 'warningsForPodSpecAndMeta (pkg/api/pod/warnings.go)',
    triggers: tmpl('metadata:\n  annotations:\n    scheduler.alpha.kubernetes.io/critical-pod: ""'),
    passes: pod('priorityClassName: system-node-critical'),
  },
  {
    code: 'serviceAccountDeprecated',
    severity: 'warning',
    summary: 'serviceAccount is the deprecated alias of serviceAccountName.',
    upstream: 'warningsForPodSpecAndMeta (pkg/api/pod/warnings.go)',
    triggers: pod('serviceAccount: agent'),
    passes: pod('serviceAccountName: agent'),
  },
  {
    code: 'imageLatest',
    severity: 'info',
    summary: 'The image has no tag or uses :latest: nodes may run different builds.',
    upstream: 'SetDefaults_Container (imagePullPolicy Always for :latest)',
    triggers: ctr('image: registry.example/agent'),
    passes: VALID,
  },
  {
    code: 'noResourceRequests',
    severity: 'info',
    summary: 'No container requests cpu or memory: the pods are BestEffort and reserve nothing.',
    upstream: 'GetPodQOS (pkg/apis/core/helper/qos)',
    triggers: ctr('resources: null'),
    passes: VALID,
  },
  // --- node-agent best practices (bestPractices.ts; off with daemonset.diagnostics.bestPractices) ---
  {
    code: 'hostNetworkWithoutDnsPolicy',
    severity: 'warning',
    summary:
      "With hostNetwork the default dnsPolicy (ClusterFirst) falls back to the node's resolver: the pod cannot resolve cluster Services.",
    upstream:
      "SetDefaults_PodSpec (dnsPolicy ClusterFirst) and the kubelet's getPodDNSType (pkg/kubelet/network/dns): ClusterFirst on hostNetwork is Default",
    triggers: pod('hostNetwork: true'),
    passes: pod('hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet'),
    quickFix: 'Set dnsPolicy: ClusterFirstWithHostNet',
    bestPractice: true,
  },
  {
    code: 'noPriorityClass',
    severity: 'warning',
    summary:
      'Without a priorityClassName a node agent is among the first pods preempted or evicted when a node runs short; upstream add-ons use system-node-critical.',
    upstream:
      'Node-pressure eviction and preemption order by priority (pkg/kubelet/eviction, pkg/scheduler preemption); cluster add-ons set system-node-critical',
    triggers: VALID,
    passes: pod('priorityClassName: system-node-critical'),
    quickFix: 'Set priorityClassName: system-node-critical',
    bestPractice: true,
  },
  {
    code: 'noReadinessProbe',
    severity: 'info',
    summary:
      'No container has a readinessProbe: a rolling update counts each new pod available as soon as it starts, so maxUnavailable protects nothing (not said for OnDelete).',
    upstream:
      "podutil.IsPodAvailable / IsPodReady as the DaemonSet controller's rolling update uses them (pkg/controller/daemon/update.go)",
    triggers: VALID,
    passes: ctr('readinessProbe:\n  httpGet: {path: /ready, port: 8080}'),
    bestPractice: true,
  },
  {
    code: 'noMemoryLimit',
    severity: 'warning',
    summary:
      "A container without a memory limit can take the node's memory from the kubelet and every other pod, on every node at once.",
    upstream: 'DaemonSet Studio (node-agent practice; QoS per GetPodQOS, pkg/apis/core/helper/qos)',
    triggers: VALID,
    passes: ctr('resources:\n  limits:\n    memory: 128Mi'),
    bestPractice: true,
  },
  {
    code: 'privilegedContainer',
    severity: 'info',
    summary:
      'A privileged container has every capability and all host devices: a compromise of the daemon is a compromise of every node.',
    upstream: 'Pod Security Standards, baseline profile: privileged containers (pkg/security/podsecurity)',
    triggers: ctr('securityContext:\n  privileged: true'),
    passes: ctr('securityContext:\n  capabilities:\n    add: [NET_ADMIN]'),
    bestPractice: true,
  },
  {
    code: 'hostPidShared',
    severity: 'info',
    summary: 'hostPID lets the daemon see and signal every process of the node.',
    upstream: 'Pod Security Standards, baseline profile: host namespaces',
    triggers: pod('hostPID: true'),
    passes: VALID,
    quickFix: 'Remove hostPID',
    bestPractice: true,
  },
  {
    code: 'hostIpcShared',
    severity: 'info',
    summary: "hostIPC shares the node's System V IPC and POSIX shared memory with the daemon.",
    upstream: 'Pod Security Standards, baseline profile: host namespaces',
    triggers: pod('hostIPC: true'),
    passes: VALID,
    quickFix: 'Remove hostIPC',
    bestPractice: true,
  },
  {
    code: 'broadCapability',
    severity: 'info',
    summary:
      'ALL, SYS_ADMIN, SYS_MODULE and SYS_PTRACE are close to root on the node; add only the capabilities the daemon uses.',
    upstream: 'Pod Security Standards, baseline profile: capabilities beyond the default set',
    triggers: ctr('securityContext:\n  capabilities:\n    add: [SYS_ADMIN]'),
    passes: ctr('securityContext:\n  capabilities:\n    add: [NET_ADMIN]'),
    bestPractice: true,
  },
  {
    code: 'writableLogHostPath',
    severity: 'warning',
    summary:
      "/var/log or /var/lib/docker/containers mounted writable: a log collector only reads them, and a writable mount lets it rewrite the node's logs.",
    upstream: 'DaemonSet Studio (node-agent practice: read-only hostPath mounts)',
    triggers: pod(
      'volumes:\n  - name: varlog\n    hostPath:\n      path: /var/log\ncontainers:\n  - name: agent\n    image: registry.example/agent:1.2.3\n    volumeMounts:\n      - name: varlog\n        mountPath: /var/log',
    ),
    passes: pod(
      'volumes:\n  - name: varlog\n    hostPath:\n      path: /var/log\ncontainers:\n  - name: agent\n    image: registry.example/agent:1.2.3\n    volumeMounts:\n      - name: varlog\n        mountPath: /var/log\n        readOnly: true',
    ),
    quickFix: 'Mount it readOnly',
    bestPractice: true,
  },
  {
    code: 'tolerateEverything',
    severity: 'info',
    summary:
      'operator: Exists without a key tolerates every taint, NoExecute ones too: the pod stays on nodes that are being drained, failing or reserved.',
    upstream: 'v1.Toleration.ToleratesTaint (an empty key with Exists matches every taint)',
    triggers: pod('tolerations:\n  - operator: Exists'),
    passes: pod(
      'tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule',
    ),
    bestPractice: true,
  },
  {
    code: 'noExecuteWithoutSeconds',
    severity: 'info',
    summary:
      'Other NoExecute tolerations of this pod set tolerationSeconds; without it this one keeps the pod on a tainted node forever.',
    upstream: 'Taint-based eviction (pkg/controller/tainteviction: tolerationSeconds bounds the stay)',
    triggers: pod(
      'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 300\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute',
    ),
    passes: pod(
      'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 300\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 300',
    ),
    bestPractice: true,
  },
  {
    code: 'windowsNodesWithoutOsSelector',
    severity: 'warning',
    summary:
      'The cluster has Windows nodes that would get the pod and nothing selects kubernetes.io/os (nodeSelector, affinity or spec.os): its Linux image is scheduled there and never starts.',
    upstream: "nodeShouldRunDaemonPod (pkg/controller/daemon) over the cluster's nodes, kubernetes.io/os node label",
    triggers: VALID,
    passes: pod('nodeSelector:\n  kubernetes.io/os: linux'),
    quickFix: 'Add nodeSelector kubernetes.io/os: linux',
    cluster: true,
    nodes: {
      description: 'a Linux node and a Windows node',
      yaml:
        'apiVersion: v1\nkind: NodeList\nitems:\n' +
        ['linux-1', 'win-1']
          .map(
            (name) =>
              `  - apiVersion: v1\n    kind: Node\n    metadata:\n      name: ${name}\n      labels:\n        kubernetes.io/hostname: ${name}\n        kubernetes.io/os: ${name.startsWith('win') ? 'windows' : 'linux'}\n` +
              `    status:\n      allocatable: {cpu: "4", memory: 8Gi, pods: "110"}\n      conditions:\n        - {type: Ready, status: "True"}\n`,
          )
          .join(''),
    },
    bestPractice: true,
  },
  // --- suppressions (server/src/lintConfig) ---------------------------------------------------
  {
    code: 'suppressionWithoutReason',
    severity: 'warning',
    summary:
      'A daemonset-lint-disable comment or daemonset-lint.io/ignore-<code> annotation gives no reason (or names no code): it still applies, and says why it is there.',
    upstream:
      "DaemonSet Studio (lintConfig/index.ts; like kube-linter's ignore-check annotations, with a required reason)",
    triggers: doc(
      BASE_MANIFEST.replace(
        '          image:',
        '          # daemonset-lint-disable-next-line imageLatest\n          image:',
      ),
    ),
    passes: doc(
      BASE_MANIFEST.replace(
        '          image:',
        '          # daemonset-lint-disable-next-line imageLatest -- the tag is pinned by the chart\n          image:',
      ),
    ),
  },
  // --- cluster-aware diagnostics (need nodes) ------------------------------------------------
  {
    code: 'placementNoNodes',
    severity: 'warning',
    summary: "The DaemonSet would run on none of the cluster's nodes (node selector, affinity, taints).",
    upstream: 'nodeShouldRunDaemonPod (pkg/controller/daemon) against the connected cluster',
    triggers: pod('nodeSelector:\n  example.com/no-such-label: "true"'),
    passes: VALID,
    cluster: true,
  },
  {
    code: 'insufficientResources',
    severity: 'warning',
    summary: 'On some nodes the requests do not fit next to the pods already there.',
    upstream: 'scheduler NodeResourcesFit against the connected cluster',
    triggers: ctr('resources:\n  requests:\n    cpu: "512"'),
    passes: ctr('resources:\n  requests: {cpu: 10m, memory: 16Mi}'),
    cluster: true,
  },
  {
    code: 'untoleratedTaint',
    severity: 'warning',
    summary:
      'A taint keeps the DaemonSet off nodes it would otherwise run on (info for the node-state taints that come and go).',
    upstream: 'nodeShouldRunDaemonPod → TolerationsTolerateTaint (pkg/controller/daemon) against the connected cluster',
    triggers: VALID,
    passes: pod('tolerations:\n  - operator: Exists'),
    quickFix: 'Tolerate taint `key=value:effect` (n nodes)',
    cluster: true,
  },
  {
    code: 'tolerationUnused',
    severity: 'info',
    summary: "A toleration matches none of the cluster's taints.",
    upstream: 'TolerationsTolerateTaint against the connected cluster',
    triggers: pod('tolerations:\n  - {key: example.com/no-such-taint, operator: Exists}'),
    passes: VALID,
    cluster: true,
  },
  {
    code: 'rolloutTooLong',
    severity: 'warning',
    summary:
      'By estimate, a rollout of a template change takes longer than daemonset.rollout.warnAfterMinutes (60) on this cluster.',
    upstream: 'rollingUpdate budgets (pkg/controller/daemon/update.go) with an estimate per batch (docs/rollout.md)',
    triggers: onNodes('kubernetes.io/hostname: worker-b2', 'minReadySeconds: 7200', '100m'),
    passes: VALID,
    cluster: true,
  },
  {
    code: 'rolloutWholeCluster',
    severity: 'warning',
    summary: 'maxUnavailable or maxSurge covers every desired node: the whole cluster is replaced at once.',
    upstream: 'rollingUpdate budgets (pkg/controller/daemon/update.go, updatedDesiredNodeCounts)',
    triggers: spec('updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 100%'),
    passes: VALID,
    cluster: true,
  },
  {
    code: 'rolloutSurgeNoRoom',
    severity: 'warning',
    summary: 'With maxSurge, some node has room for the old pod or the new one but not both: it never updates.',
    upstream: 'rollingUpdate with surge (pkg/controller/daemon/update.go) and scheduler NodeResourcesFit',
    triggers: onNodes(
      'topology.kubernetes.io/zone: eu-west-b',
      'updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1',
      '4',
    ),
    passes: VALID,
    cluster: true,
  },
];

let severities: Map<string, Severity> | undefined;
/** The table's severity of a code (what a check reports unless a .daemonset-lint.yaml says otherwise). */
export function ruleSeverity(code: string): Severity | undefined {
  severities ??= new Map(RULES.map((r) => [r.code, r.severity]));
  return severities.get(code);
}

/** The node-agent best practices: the entries marked `bestPractice` (never errors). */
export const BEST_PRACTICE_RULES: readonly Rule[] = RULES.filter((r) => r.bestPractice);
