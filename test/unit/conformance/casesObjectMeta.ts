// Object metadata, labels, annotations and label selectors: the apimachinery test tables
// (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta_test.go,
// pkg/apis/meta/v1/validation/validation_test.go, pkg/util/validation/validation_test.go) and the
// ObjectMeta table every strategy test runs, the DaemonSet's included
// (test/declarative_validation/meta/objectmeta.go: RunObjectMetaTestCases), embedded in the
// DaemonSet's metadata (ValidateObjectMeta(&ds.ObjectMeta, true, ValidateDaemonSetName, "metadata"))
// or its spec.selector (ValidateLabelSelector(spec.Selector, …, "spec.selector")). Upstream's
// "field" root is re-rooted to metadata; a syntax table (IsQualifiedName, IsValidLabelValue,
// IsDNS1123Subdomain) becomes label keys, label values and the DaemonSet's name, with one field
// error per message, as ValidateLabels and ValidateObjectMeta report them.
import { Case, ErrorType, Excluded, Obj } from './upstream';

type Want = Array<[ErrorType, string]>;

const entry =
  (test: string) =>
  (name: string, ds: (d: Obj) => void, want: Want = []): Case => ({ test, name, ds, want });

const T = 'spec.template';
const LABELS = 'metadata.labels';
const ANNOTATIONS = 'metadata.annotations';
const OWNERS = 'metadata.ownerReferences';
const FINALIZERS = 'metadata.finalizers';
/** TotalAnnotationSizeLimitB */
const LIMIT = 256 * 1024;

const labels = (l: Obj) => (d: Obj) => (d.metadata.labels = l);
const annotations = (a: Obj) => (d: Obj) => (d.metadata.annotations = a);
const owners = (refs: Obj[]) => (d: Obj) => (d.metadata.ownerReferences = refs);
const finalizers = (f: string[]) => (d: Obj) => (d.metadata.finalizers = f);
const times = (n: number): Want => Array.from({ length: n }, () => ['Invalid', LABELS] as [ErrorType, string]);
/** How an unnamed entry's input is named: the Go expression for a long repeat. */
const show = (s: string): string => {
  const m = /^(.)\1{40,}$/.exec(s);
  return m ? `strings.Repeat(${JSON.stringify(m[1])}, ${s.length})` : JSON.stringify(s);
};

// ---------------------------------------------------------------------------------------------
// objectmeta_test.go
// ---------------------------------------------------------------------------------------------
const namespaces = entry('TestValidateObjectMetaNamespaces');
const ownerRefs = entry('TestValidateObjectMetaOwnerReferences');
const custom = (kind: string, apiVersion: string, uid: string, controller?: boolean): Obj => ({
  apiVersion,
  kind,
  name: 'name',
  uid,
  ...(controller === undefined ? {} : { controller }),
});
const CR = 'customresourceVersion';

const objectMeta: Case[] = [
  namespaces('"foo.bar"', (d) => (d.metadata.namespace = 'foo.bar'), [['Invalid', 'metadata.namespace']]),
  // Upstream draws 64 letters at random from [a-zA-Z0-9]: too long, and (with an upper-case letter)
  // not a DNS label, two errors. A fixed string with the same two problems.
  namespaces('64 random letters', (d) => (d.metadata.namespace = 'aB3'.repeat(21) + 'x'), [
    ['Invalid', 'metadata.namespace'],
    ['Invalid', 'metadata.namespace'],
  ]),
  ownerRefs('simple success - third party extension.', owners([custom('customresourceKind', CR, '1')])),
  ownerRefs("simple failures - event shouldn't be set as an owner", owners([custom('Event', 'v1', '1')]), [
    ['Invalid', OWNERS],
  ]),
  // schema.FromAPIVersionAndKind leaves the version empty when apiVersion does not parse.
  ownerRefs('simple failures - invalid apiVersion with too many slashes', owners([custom('Pod', 'a/b/c', '1')]), [
    ['Invalid', `${OWNERS}.apiVersion`],
  ]),
  ownerRefs('simple failures - invalid apiVersion with empty version', owners([custom('Pod', 'foo/', '1')]), [
    ['Invalid', `${OWNERS}.apiVersion`],
  ]),
  ownerRefs('simple success - apiVersion with no slashes (legacy core group)', owners([custom('Pod', 'v1', '1')])),
  ownerRefs(
    'simple controller ref success - one reference with Controller set',
    owners([
      custom('customresourceKind', CR, '1', false),
      custom('customresourceKind', CR, '2', true),
      custom('customresourceKind', CR, '3', false),
      custom('customresourceKind', CR, '4'),
    ]),
  ),
  ownerRefs(
    'simple controller ref failure - two references with Controller set',
    owners([
      custom('customresourceKind1', CR, '1', false),
      custom('customresourceKind2', CR, '2', true),
      custom('customresourceKind3', CR, '3', true),
      custom('customresourceKind4', CR, '4'),
    ]),
    [['Invalid', OWNERS]],
  ),
  entry('TestValidateFinalizersPreventConflictingFinalizers')(
    'conflicting finalizers',
    finalizers(['orphan', 'foregroundDeletion']),
    [['Invalid', FINALIZERS]],
  ),
  entry('TestValidateObjectMetaTrimsTrailingDash')('{Name: "test", GenerateName: "foo-"}', (d) => {
    d.metadata.name = 'test';
    d.metadata.generateName = 'foo-';
  }),
];

const annotationCases = entry('TestValidateAnnotations');
const annotationSuccess = [
  'simple',
  'now-with-dashes',
  '1-starts-with-num',
  '1234',
  'simple/simple',
  'now-with-dashes/simple',
  'now-with-dashes/now-with-dashes',
  'now.with.dots/simple',
  'now-with.dashes-and.dots/simple',
  '1-num.2-num/3-num',
  '1234/5678',
  '1.2.3.4/5678',
  'UpperCase123',
];
const validateAnnotations: Case[] = [
  ...annotationSuccess.map((k) => annotationCases(`success: ${show(k)}`, annotations({ [k]: 'bar' }))),
  annotationCases(
    'success: {"a": strings.Repeat("b", TotalAnnotationSizeLimitB-1)}',
    annotations({ a: 'b'.repeat(LIMIT - 1) }),
  ),
  annotationCases(
    'success: {"a", "c": TotalAnnotationSizeLimitB/2-1 each}',
    annotations({ a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) }),
  ),
  ...['nospecialchars^=@', 'cantendwithadash-', 'only/one/slash', 'a'.repeat(254)].map((k) =>
    annotationCases(`nameError: ${show(k)}`, annotations({ [k]: 'bar' }), [['Invalid', ANNOTATIONS]]),
  ),
  annotationCases(
    'totalSizeError: {"a": strings.Repeat("b", TotalAnnotationSizeLimitB)}',
    annotations({ a: 'b'.repeat(LIMIT) }),
    [['TooLong', ANNOTATIONS]],
  ),
  annotationCases(
    'totalSizeError: {"a", "c": TotalAnnotationSizeLimitB/2 each}',
    annotations({ a: 'b'.repeat(LIMIT / 2), c: 'd'.repeat(LIMIT / 2) }),
    [['TooLong', ANNOTATIONS]],
  ),
];

// TestValidateObjectMetaDeclaratively: the create entries whose errors the enforced (imperative)
// validation reports the same way.
const declaratively = entry('TestValidateObjectMetaDeclaratively');
const objectMetaDeclaratively: Case[] = [
  declaratively('valid metadata', (d) => {
    d.metadata.name = 'valid-name';
    d.metadata.namespace = 'valid-ns';
  }),
  declaratively('invalid name format', (d) => (d.metadata.name = 'invalid_name'), [['Invalid', 'metadata.name']]),
  declaratively('invalid annotation key', annotations({ '-invalid': 'val' }), [['Invalid', ANNOTATIONS]]),
  declaratively('annotations size limit exceeded', annotations({ a: 'b'.repeat(LIMIT) }), [['TooLong', ANNOTATIONS]]),
];

// ---------------------------------------------------------------------------------------------
// test/declarative_validation/meta/objectmeta.go: RunObjectMetaTestCases, which
// test/declarative_validation/apps/daemonset runs on mkDaemonSet() with DaemonSet's strategy
// (WithStringentFinalizerValidation: core's ValidateObjectMeta adds validateKubeFinalizerName).
// ---------------------------------------------------------------------------------------------
const run = entry('RunObjectMetaTestCases');
const ownerRef = (tweak: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', name: 'name', uid: 'uid-1', ...tweak });
const runObjectMeta: Case[] = [
  run('valid: baseline', () => {}),
  run('annotations: invalid key', annotations({ 'invalid/key/format': 'value' }), [['Invalid', ANNOTATIONS]]),
  // string(make([]byte, TotalAnnotationSizeLimitB)): that many NUL bytes.
  run('annotations: too long', annotations({ a: '\0'.repeat(LIMIT) }), [['TooLong', ANNOTATIONS]]),
  run('valid: annotations: at total size limit', annotations({ a: '\0'.repeat(LIMIT - 1) })),
  run('valid: generation: zero', (d) => (d.metadata.generation = 0)),
  run('ownerReferences: empty apiVersion', owners([ownerRef({ apiVersion: '' })]), [
    ['Invalid', `${OWNERS}.apiVersion`],
  ]),
  run('ownerReferences: empty kind', owners([ownerRef({ kind: '' })]), [['Invalid', `${OWNERS}.kind`]]),
  run('ownerReferences: empty name', owners([ownerRef({ name: '' })]), [['Invalid', `${OWNERS}.name`]]),
  run('ownerReferences: empty uid', owners([ownerRef({ uid: '' })]), [['Invalid', `${OWNERS}.uid`]]),
  run('ownerReferences: event is disallowed', owners([ownerRef({ kind: 'Event' })]), [['Invalid', OWNERS]]),
  run(
    'ownerReferences: multiple controllers',
    owners([
      ownerRef({ name: 'name1', controller: true }),
      ownerRef({ name: 'name2', uid: 'uid-2', controller: true }),
    ]),
    [['Invalid', OWNERS]],
  ),
  run('finalizers: conflicting', finalizers(['orphan', 'foregroundDeletion']), [['Invalid', FINALIZERS]]),
  run('finalizers: invalid format', finalizers(['invalid/format/slash']), [['Invalid', FINALIZERS]]),
  // IsQualifiedName's "name part must be no more than 63 characters", and (no "/", not a standard
  // finalizer) validateKubeFinalizerName on the item.
  run('finalizers: name too long', finalizers(['a'.repeat(317)]), [
    ['Invalid', FINALIZERS],
    ['Invalid', `${FINALIZERS}[0]`],
  ]),
  run(
    'valid: managedFields: manager at max length',
    (d) => (d.metadata.managedFields = [{ operation: 'Update', fieldsType: 'FieldsV1', manager: 'a'.repeat(128) }]),
  ),
  run(
    'valid: managedFields: subresource at max length',
    (d) => (d.metadata.managedFields = [{ operation: 'Update', fieldsType: 'FieldsV1', subresource: 'a'.repeat(256) }]),
  ),
  run('labels: invalid key format', labels({ 'a/b/c': 'value' }), [['Invalid', LABELS]]),
  run('labels: key too long', labels({ ['a'.repeat(317)]: 'value' }), [['Invalid', LABELS]]),
  run('labels: invalid value format', labels({ key: 'a!' }), [['Invalid', LABELS]]),
  run('labels: value too long', labels({ key: 'a'.repeat(64) }), [['Invalid', LABELS]]),
  run('valid: labels: value at max length', labels({ key: 'a'.repeat(63) })),
  run('namespace: invalid dns label format', (d) => (d.metadata.namespace = 'foo.bar'), [
    ['Invalid', 'metadata.namespace'],
  ]),
  run('namespace: too long', (d) => (d.metadata.namespace = 'a'.repeat(64)), [['Invalid', 'metadata.namespace']]),
];

// ---------------------------------------------------------------------------------------------
// pkg/apis/meta/v1/validation/validation_test.go: TestValidateLabels (on the DaemonSet's labels
// and, ValidatePodTemplateSpec's "labels", on the template's), TestLabelSelectorMatchExpression
// (on spec.selector, the template labelled to match the valid selector).
// ---------------------------------------------------------------------------------------------
const validateLabels = entry('TestValidateLabels');
const labelSuccess: Obj[] = [
  { simple: 'bar' },
  { 'now-with-dashes': 'bar' },
  { '1-starts-with-num': 'bar' },
  { '1234': 'bar' },
  { 'simple/simple': 'bar' },
  { 'now-with-dashes/simple': 'bar' },
  { 'now-with-dashes/now-with-dashes': 'bar' },
  { 'now.with.dots/simple': 'bar' },
  { 'now-with.dashes-and.dots/simple': 'bar' },
  { '1-num.2-num/3-num': 'bar' },
  { '1234/5678': 'bar' },
  { '1.2.3.4/5678': 'bar' },
  { UpperCaseAreOK123: 'bar' },
  { goodvalue: '123_-.BaR' },
];
const labelErrors: Obj[] = [
  { 'nospecialchars^=@': 'bar' },
  { 'cantendwithadash-': 'bar' },
  { 'only/one/slash': 'bar' },
  { ['a'.repeat(254)]: 'bar' },
  { toolongvalue: 'a'.repeat(64) },
  { backslashesinvalue: 'some\\bad\\value' },
  { nocommasallowed: 'bad,value' },
  { strangecharsinvalue: '?#$notsogood' },
];
const labelName = (l: Obj) =>
  Object.entries(l)
    .map(([k, v]) => `${show(k)}: ${show(String(v))}`)
    .join(', ');
const withTemplateLabels = (l: Obj) => (d: Obj) => Object.assign(d.spec.template.metadata.labels, l);
const labelTables: Case[] = [
  ...labelSuccess.map((l) => validateLabels(`success: {${labelName(l)}}`, labels(l))),
  ...labelErrors.map((l) => validateLabels(`error: {${labelName(l)}}`, labels(l), [['Invalid', LABELS]])),
  ...labelSuccess.map((l) => validateLabels(`template, success: {${labelName(l)}}`, withTemplateLabels(l))),
  ...labelErrors.map((l) =>
    validateLabels(`template, error: {${labelName(l)}}`, withTemplateLabels(l), [['Invalid', `${T}.labels`]]),
  ),
];

const matchExpression = entry('TestLabelSelectorMatchExpression');
const SEL = 'spec.selector.matchExpressions[0]';
const selector = (key: string, operator: string, value: string) => (d: Obj) => {
  d.spec.selector = { matchExpressions: [{ key, operator, values: [value] }] };
  d.spec.template.metadata.labels = { key: 'value' };
};
// An invalid selector fails LabelSelectorAsSelector, so ValidateDaemonSetSpec does not compare it
// with the template's labels.
const labelSelector: Case[] = [
  matchExpression('Valid LabelSelector', selector('key', 'In', 'value')),
  matchExpression("MatchExpression's key name isn't valid", selector('-key', 'In', 'value'), [
    ['Invalid', `${SEL}.key`],
  ]),
  matchExpression("MatchExpression's operator isn't valid", selector('key', 'abc', 'value'), [
    ['Invalid', `${SEL}.operator`],
  ]),
  matchExpression("MatchExpression's value name isn't valid", selector('key', 'In', '-value'), [
    ['Invalid', `${SEL}.values[0]`],
  ]),
];

// TestValidateLabelSelector (an earlier version of the same file): ValidateLabelSelector on
// spec.selector, the template labelled to match each valid selector. An invalid selector fails
// LabelSelectorAsSelector, so there is no selector-mismatch error.
const labelSelectorTable = entry('TestValidateLabelSelector');
const IN = { key: 'foo', operator: 'In', values: ['bar1', 'bar2'] };
const sel = (matchLabels: Obj | undefined, expressions: Obj[], templateLabels?: Obj) => (d: Obj) => {
  d.spec.selector = { ...(matchLabels ? { matchLabels } : {}), matchExpressions: expressions };
  if (templateLabels) d.spec.template.metadata.labels = templateLabels;
};
const SEL0 = 'spec.selector.matchExpressions[0]';
const validateLabelSelector: Case[] = [
  labelSelectorTable(
    'test when two keys and values in MatchLabels while one key and two values in MatchExpressions',
    sel({ id: 'app2', id2: 'app3' }, [IN], { id: 'app2', id2: 'app3', foo: 'bar1' }),
  ),
  labelSelectorTable(
    'test when one key and two values in MatchExpressions but no MatchLabels',
    sel(undefined, [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }], { key2: 'value2' }),
  ),
  labelSelectorTable('test when one key and one value in MatchLabels but no MatchExpressions', (d) => {
    d.spec.selector = { matchLabels: { id: 'app2' } };
    d.spec.template.metadata.labels = { id: 'app2' };
  }),
  labelSelectorTable(
    'test when MatchLabels and MatchExpressions exist while Operator NotIn',
    sel({ id: 'app2', id2: 'app3' }, [{ key: 'foo', operator: 'NotIn', values: ['bar1', 'bar2'] }], {
      id: 'app2',
      id2: 'app3',
    }),
  ),
  labelSelectorTable(
    'test when MatchLabels and MatchExpressions exist while Operator Exists',
    sel({ id: 'app2' }, [{ key: 'foo', operator: 'Exists' }], { id: 'app2', foo: 'x' }),
  ),
  labelSelectorTable(
    'test when MatchLabels and MatchExpressions exist while Operator DoesNotExist',
    sel({ id: 'app2' }, [{ key: 'foo', operator: 'DoesNotExist' }], { id: 'app2' }),
  ),
  labelSelectorTable('matchLabelErrorCases[0]: "ids^=@"', sel({ 'ids^=@': 'app2', id2: 'app3' }, [IN]), [
    ['Invalid', 'spec.selector.matchLabels'],
  ]),
  labelSelectorTable('matchLabelErrorCases[1]: "only/one/slas"', sel({ 'only/one/slas': 'app2', id2: 'app3' }, [IN]), [
    ['Invalid', 'spec.selector.matchLabels'],
  ]),
  labelSelectorTable('matchLabelErrorCases[2]: "good": "app3=@"', sel({ only: 'app2', good: 'app3=@' }, [IN]), [
    ['Invalid', 'spec.selector.matchLabels'],
  ]),
  labelSelectorTable(
    'matchLabelErrorCases[3]: "good": strings.Repeat("a", 64)',
    sel({ only: 'app2', good: 'a'.repeat(64) }, [IN]),
    [['Invalid', 'spec.selector.matchLabels']],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[0]: In, no values',
    sel({ ids: 'app2', id2: 'app3' }, [{ key: 'foo', operator: 'In', values: [] }]),
    [['Required', `${SEL0}.values`]],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[1]: NotIn, no values',
    sel({ only: 'app2', id2: 'app3' }, [{ key: 'foo', operator: 'NotIn', values: [] }]),
    [['Required', `${SEL0}.values`]],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[2]: Exists with values',
    sel({ only: 'app2', good: 'app3' }, [{ key: 'foo', operator: 'Exists', values: ['bar1', 'bar2'] }]),
    [['Forbidden', `${SEL0}.values`]],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[3]: DoesNotExist with values',
    sel({ only: 'app2', good: 'app1' }, [{ key: 'foo', operator: 'DoesNotExist', values: ['bar1', 'bar2'] }]),
    [['Forbidden', `${SEL0}.values`]],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[4]: operator Out',
    sel({ ids: 'app2', id2: 'app3' }, [{ key: 'foo', operator: 'Out', values: ['bar1', 'bar2'] }]),
    [['Invalid', `${SEL0}.operator`]],
  ),
  labelSelectorTable(
    'matchExpressionErrorCases[5]: key "foo^=@"',
    sel({ ids: 'app2', id2: 'app3' }, [{ key: 'foo^=@', operator: 'In', values: ['bar1', 'bar2'] }]),
    [['Invalid', `${SEL0}.key`]],
  ),
];

// ---------------------------------------------------------------------------------------------
// pkg/util/validation/validation_test.go: IsQualifiedName as label keys, IsValidLabelValue as label
// values, IsDNS1123Subdomain as the DaemonSet's name (NameIsDNSSubdomain). Each message is one
// field.Invalid, so an empty name part (regex and "must be non-empty") is two.
// ---------------------------------------------------------------------------------------------
const qualifiedName = entry('TestIsQualifiedName');
const qualifiedSuccess = [
  'simple',
  'now-with-dashes',
  '1-starts-with-num',
  '1234',
  'simple/simple',
  'now-with-dashes/simple',
  'now-with-dashes/now-with-dashes',
  'now.with.dots/simple',
  'now-with.dashes-and.dots/simple',
  '1-num.2-num/3-num',
  '1234/5678',
  '1.2.3.4/5678',
  'Uppercase_Is_OK_123',
  'example.com/Uppercase_Is_OK_123',
  'requests.storage-foo',
  'a'.repeat(63),
  'a'.repeat(253) + '/' + 'b'.repeat(63),
];
const qualifiedErrors: Array<[string, number]> = [
  ['nospecialchars%^=@', 1],
  ['cantendwithadash-', 1],
  ['-cantstartwithadash-', 1],
  ['only/one/slash', 1],
  ['Example.com/abc', 1],
  ['example_com/abc', 1],
  ['example.com/', 2],
  ['/simple', 1],
  ['a'.repeat(64), 1],
  ['a'.repeat(254) + '/abc', 1],
];
const keyName = (k: string) =>
  k.length > 250
    ? `strings.Repeat("a", 25${k.startsWith('a'.repeat(254)) ? 4 : 3}) + ${JSON.stringify(k.replace(/^a+/, ''))}`
    : show(k);

const labelValue = entry('TestIsValidLabelValue');
const valueSuccess = ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''];
const valueErrors = [
  'nospecialchars%^=@',
  'Tama-nui-te-rā.is.Māori.sun',
  '\\backslashes\\are\\bad',
  '-starts-with-dash',
  'ends-with-dash-',
  '.starts.with.dot',
  'ends.with.dot.',
  'a'.repeat(64),
];

const subdomain = entry('TestIsDNS1123Subdomain');
const subdomainGood = [
  'a',
  'ab',
  'abc',
  'a1',
  'a-1',
  'a--1--2--b',
  '0',
  '01',
  '012',
  '1a',
  '1-a',
  '1--a--b--2',
  'a.a',
  'ab.a',
  'abc.a',
  'a1.a',
  'a-1.a',
  'a--1--2--b.a',
  'a.1',
  'ab.1',
  'abc.1',
  'a1.1',
  'a-1.1',
  'a--1--2--b.1',
  '0.a',
  '01.a',
  '012.a',
  '1a.a',
  '1-a.a',
  '1--a--b--2',
  '0.1',
  '01.1',
  '012.1',
  '1a.1',
  '1-a.1',
  '1--a--b--2.1',
  'a.b.c.d.e',
  'aa.bb.cc.dd.ee',
  '1.2.3.4.5',
  '11.22.33.44.55',
  'a'.repeat(253),
];
const subdomainBad = [
  '',
  'A',
  'ABC',
  'aBc',
  'A1',
  'A-1',
  '1-A',
  '-',
  'a-',
  '-a',
  '1-',
  '-1',
  '_',
  'a_',
  '_a',
  'a_b',
  '1_',
  '_1',
  '1_2',
  '.',
  'a.',
  '.a',
  'a..b',
  '1.',
  '.1',
  '1..2',
  ' ',
  'a ',
  ' a',
  'a b',
  '1 ',
  ' 1',
  '1 2',
  'A.a',
  'aB.a',
  'ab.A',
  'A1.a',
  'a1.A',
  'A.1',
  'aB.1',
  'A1.1',
  '1A.1',
  '0.A',
  '01.A',
  '012.A',
  '1A.a',
  '1a.A',
  'A.B.C.D.E',
  'AA.BB.CC.DD.EE',
  'a.B.c.d.e',
  'aa.bB.cc.dd.ee',
  'a@b',
  'a,b',
  'a_b',
  'a;b',
  'a:b',
  'a%b',
  'a?b',
  'a$b',
  'a'.repeat(254),
];

// IsDNS1123Label as the DaemonSet's namespace (ValidateNamespaceName is NameIsDNSLabel).
const dnsLabel = entry('TestIsDNS1123Label');
const labelGood = [
  'a',
  'ab',
  'abc',
  'a1',
  'a-1',
  'a--1--2--b',
  '0',
  '01',
  '012',
  '1a',
  '1-a',
  '1--a--b--2',
  'a'.repeat(63),
];
const labelBad = [
  'A',
  'ABC',
  'aBc',
  'A1',
  'A-1',
  '1-A',
  '-',
  'a-',
  '-a',
  '1-',
  '-1',
  '_',
  'a_',
  '_a',
  'a_b',
  '1_',
  '_1',
  '1_2',
  '.',
  'a.',
  '.a',
  'a.b',
  '1.',
  '.1',
  '1.2',
  ' ',
  'a ',
  ' a',
  'a b',
  '1 ',
  ' 1',
  '1 2',
  'a'.repeat(64),
];

const syntaxTables: Case[] = [
  ...qualifiedSuccess.map((k) => qualifiedName(`success: ${keyName(k)}`, labels({ [k]: 'bar' }))),
  ...qualifiedErrors.map(([k, n]) => qualifiedName(`error: ${keyName(k)}`, labels({ [k]: 'bar' }), times(n))),
  ...valueSuccess.map((v) => labelValue(`success: ${show(v)}`, labels({ key: v }))),
  ...valueErrors.map((v) => labelValue(`error: ${show(v)}`, labels({ key: v }), times(1))),
  ...labelGood.map((v) => dnsLabel(`good: ${show(v)}`, (d) => (d.metadata.namespace = v))),
  ...labelBad.map((v) =>
    dnsLabel(`bad: ${show(v)}`, (d) => (d.metadata.namespace = v), [['Invalid', 'metadata.namespace']]),
  ),
  ...subdomainGood.map((v, i) => subdomain(`goodValues[${i}]: ${show(v)}`, (d) => (d.metadata.name = v))),
  // As an object name the empty string is ValidateObjectMeta's "name or generateName is required".
  ...subdomainBad.map((v, i) =>
    subdomain(`badValues[${i}]: ${show(v)}`, (d) => (d.metadata.name = v), [
      [v === '' ? 'Required' : 'Invalid', 'metadata.name'],
    ]),
  ),
];

export const OBJECT_META_CASES: Case[] = [
  ...objectMeta,
  ...validateAnnotations,
  ...objectMetaDeclaratively,
  ...runObjectMeta,
  ...labelTables,
  ...labelSelector,
  ...validateLabelSelector,
  ...syntaxTables,
];

// ---------------------------------------------------------------------------------------------
// Excluded
// ---------------------------------------------------------------------------------------------
const UPDATE = 'ValidateObjectMetaUpdate compares with the stored object (an update), which a manifest does not have';
const PREPARED =
  "daemonSetStrategy.PrepareForCreate sets metadata.generation to 1 before validation, so a manifest's generation never reaches ValidateNonnegativeField";
const MANAGED =
  "metadata.managedFields is the API server's field manager's: it decodes and rewrites it before validation, and manifests do not carry it";
const NAMESPACE =
  "an empty metadata.namespace is filled from the request (kubectl's namespace) before validation; a manifest without one is namespaced by context";
const DECLARATIVE =
  'the declarative (alpha) ObjectMeta rule reports ownerReferences[0]…; the enforced validateOwnerReference reports on metadata.ownerReferences(.field), transcribed from RunObjectMetaTestCases';
const CUSTOM = 'uses a test name function (only "test" is valid) instead of ValidateDaemonSetName';

const excluded = (test: string, reason: string, names: string[]): Excluded[] =>
  names.map((name) => ({ test, name, reason }));
const customNames = [
  'valid name, empty generateName',
  'valid name and generateName',
  'invalid name, empty generateName',
  'invalid name, valid generateName',
  'invalid name, invalid generateName',
];

export const OBJECT_META_EXCLUDED: Excluded[] = [
  { test: 'TestIsDNS1123Label', name: 'bad: ""', reason: NAMESPACE },
  ...excluded('TestValidateObjectMetaCustomName', CUSTOM, customNames),
  ...excluded('TestValidateObjectMetaWithOptsName', CUSTOM, customNames),
  ...excluded('TestValidateObjectMetaUpdateIgnoresCreationTimestamp', UPDATE, ['[0]', '[1]', '[2]']),
  ...excluded('TestValidateFinalizersUpdate', UPDATE, [
    'invalid adding finalizers',
    'invalid changing finalizers',
    'valid removing finalizers',
    'valid adding finalizers for objects not being deleted',
  ]),
  ...excluded('TestValidateObjectMetaUpdatePreventsDeletionFieldMutation', UPDATE, [
    'valid without deletion fields',
    'valid with deletion fields',
    'invalid set deletionTimestamp',
    'invalid clear deletionTimestamp',
    'invalid change deletionTimestamp',
    'invalid set deletionGracePeriodSeconds',
    'invalid clear deletionGracePeriodSeconds',
    'invalid change deletionGracePeriodSeconds',
  ]),
  ...excluded('TestObjectMetaGenerationUpdate', UPDATE, [
    'invalid generation change - decremented',
    'valid generation change - incremented by one',
    'valid generation field - not updated',
  ]),
  { test: 'TestValidateObjectMetaDeclaratively', name: 'missing required namespace', reason: NAMESPACE },
  { test: 'TestValidateObjectMetaDeclaratively', name: 'negative generation', reason: PREPARED },
  { test: 'TestValidateObjectMetaDeclaratively', name: 'managedFields empty operation', reason: MANAGED },
  ...excluded('TestValidateObjectMetaDeclaratively', DECLARATIVE, [
    'ownerReferences empty apiVersion',
    'ownerReferences empty kind',
    'ownerReferences empty name',
    'ownerReferences empty uid',
    'ownerReferences event is disallowed',
  ]),
  ...excluded('TestValidateObjectMetaDeclaratively', UPDATE, [
    'valid update',
    'missing resourceVersion on update',
    'missing resourceVersion on update with empty old resourceVersion',
    'valid generation zero on update',
    'decremented generation to zero on update',
    'negative generation on update',
    'immutable namespace',
    'ownerReferences empty apiVersion on update',
    'ownerReferences empty kind on update',
    'ownerReferences empty name on update',
    'ownerReferences empty uid on update',
    'invalid annotation key on update',
    'immutable uid on update',
    'immutable creationTimestamp on update',
    'immutable deletionTimestamp on update',
    'immutable deletionGracePeriodSeconds on update',
  ]),
  { test: 'RunObjectMetaTestCases', name: 'generation: negative', reason: PREPARED },
  ...excluded('RunObjectMetaTestCases', MANAGED, [
    'managedFields: invalid operation',
    'managedFields: invalid fieldsType',
    'managedFields: manager too long',
    'managedFields: subresource too long',
  ]),
  { test: 'RunObjectMetaTestCases', name: 'namespace: empty', reason: NAMESPACE },
  ...excluded('RunObjectMetaUpdateTestCases', UPDATE, [
    'update: valid: baseline',
    'update: annotations: invalid key',
    'update: annotations: too long',
    'update: generation: decremented',
    'update: resourceVersion: missing',
    'update: uid: immutable',
    'update: creationTimestamp: immutable',
    'update: deletionTimestamp: immutable',
    'update: deletionGracePeriodSeconds: immutable',
    'update: finalizers: no new finalizers if deleted',
    'update: finalizers: name too long',
    'update: managedFields: subresource too long',
    'update: labels: invalid key format',
    'update: labels: key too long',
    'update: labels: invalid value format',
    'update: labels: value too long',
    'update: namespace: immutable',
  ]),
];
