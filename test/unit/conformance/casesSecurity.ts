// Security contexts, sysctls, host namespaces and the seccomp/AppArmor annotations, transcribed from
// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go. Each upstream test calls one
// function (ValidateSecurityContext, validateSysctls, validateHostUsers, validateLinux,
// validateWindows, validateWindowsSecurityContextOptions, validateWindowsHostProcessPod,
// validateSeccompAnnotationsAndFields, ValidatePodTemplateSpec, ValidateAppArmorProfileFormat) on a
// fragment; here the fragment sits in a DaemonSet's pod template and the errors listed are the ones
// the whole of ValidateDaemonSet returns for it (upstream's error cases mostly only assert that
// some error, or errs[0], is returned). Roots: upstream's "field"/"foo"/"spec"/"" become the pod
// template spec (spec.template.spec), the container security context or its sysctls; "template"
// becomes spec.template.
import { c0, C0, container, Case, Excluded, Obj, pod, POD } from './upstream';

const SC = `${POD}.securityContext`;
const CSC = `${C0}.securityContext`;
const ANN = 'spec.template.annotations';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CTR = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CTR = 'container.apparmor.security.beta.kubernetes.io/';

type Want = Case['want'];
const entry =
  (test: string) =>
  (name: string, ds: (d: Obj) => void, want: Want = []): Case => ({ test, name, ds, want });
const annotate = (d: Obj, annotations: Obj): void => {
  d.spec.template.metadata.annotations = annotations;
};

// ---------------------------------------------------------------------------------------------
// TestValidateSecurityContext: ValidateSecurityContext(sc, "field", hostUsers) on a container's.
// ---------------------------------------------------------------------------------------------
const fullValidSC = (): Obj => ({
  privileged: false,
  capabilities: { add: ['foo'], drop: ['bar'] },
  seLinuxOptions: { user: 'user', role: 'role', type: 'type', level: 'level' },
  runAsUser: 1,
});
const containerSC =
  (change: (sc: Obj) => void = () => {}, hostUsers?: boolean) =>
  (d: Obj): void => {
    const sc = fullValidSC();
    change(sc);
    c0(d).securityContext = sc;
    // The test's hostUsers argument is the pod's spec.securityContext.hostUsers (default true).
    if (hostUsers === false) pod(d).hostUsers = false;
  };
const secCtx = entry('TestValidateSecurityContext');
const securityContext: Case[] = [
  secCtx('all settings', containerSC(undefined, false)),
  secCtx(
    'no capabilities',
    containerSC((sc) => delete sc.capabilities, false),
  ),
  secCtx(
    'no selinux',
    containerSC((sc) => delete sc.seLinuxOptions, false),
  ),
  secCtx(
    'no priv request',
    containerSC((sc) => delete sc.privileged, false),
  ),
  secCtx(
    'no run as user',
    containerSC((sc) => delete sc.runAsUser, false),
  ),
  secCtx(
    'proc mount set',
    containerSC((sc) => (sc.procMount = 'Default')),
  ),
  secCtx(
    'proc mount unmasked',
    containerSC((sc) => (sc.procMount = 'Unmasked'), false),
  ),
  secCtx(
    'negative RunAsUser',
    containerSC((sc) => (sc.runAsUser = -1)),
    [['Invalid', `${CSC}.runAsUser`]],
  ),
  // field.Invalid(fldPath, sc, …): reported on the security context itself.
  secCtx(
    'with CAP_SYS_ADMIN and allowPrivilegeEscalation false',
    containerSC((sc) => {
      sc.capabilities.add = ['CAP_SYS_ADMIN'];
      sc.allowPrivilegeEscalation = false;
    }),
    [['Invalid', CSC]],
  ),
  secCtx(
    'with privileged and allowPrivilegeEscalation false',
    containerSC((sc) => {
      sc.privileged = true;
      sc.allowPrivilegeEscalation = false;
    }),
    [['Invalid', CSC]],
  ),
  secCtx(
    'with unmasked proc mount type and no user namespace',
    containerSC((sc) => (sc.procMount = 'Unmasked')),
    [['Invalid', `${CSC}.procMount`]],
  ),
];

// ---------------------------------------------------------------------------------------------
// TestValidateLinuxSecurityContext, TestValidateWindowsSecurityContext: validateLinux and
// validateWindows, reached through spec.os.name.
// ---------------------------------------------------------------------------------------------
const linux = entry('TestValidateLinuxSecurityContext');
const windows = entry('TestValidateWindowsSecurityContext');
const withOs =
  (os: string, sc: Obj) =>
  (d: Obj): void => {
    pod(d).os = { name: os };
    c0(d).securityContext = sc;
  };
const osSecurityContext: Case[] = [
  linux('valid SC, linux, no error', withOs('linux', fullValidSC())),
  linux('invalid SC, linux, error', withOs('linux', { windowsOptions: { runAsUserName: 'myUser' } }), [
    ['Forbidden', `${CSC}.windowsOptions`],
  ]),
  windows('pod with SELinux Options', withOs('windows', { seLinuxOptions: { role: 'dummy' } }), [
    ['Forbidden', `${CSC}.seLinuxOptions`],
  ]),
  // A seccompProfile with no type: validateWindows forbids it, and ValidateSecurityContext's
  // validateSeccompProfileField requires a type and rejects a localhostProfile without Localhost.
  windows('pod with SeccompProfile', withOs('windows', { seccompProfile: { localhostProfile: 'dummy' } }), [
    ['Forbidden', `${CSC}.seccompProfile`],
    ['Required', `${CSC}.seccompProfile.type`],
    ['Invalid', `${CSC}.seccompProfile.localhostProfile`],
  ]),
  windows('pod with AppArmorProfile', withOs('windows', { appArmorProfile: { type: 'RuntimeDefault' } }), [
    ['Forbidden', `${CSC}.appArmorProfile`],
  ]),
  windows('pod with WindowsOptions, no error', withOs('windows', { windowsOptions: { runAsUserName: 'dummy' } })),
];

// ---------------------------------------------------------------------------------------------
// TestValidateWindowsSecurityContextOptions: validateWindowsSecurityContextOptions(opts, "field"),
// here a container's securityContext.windowsOptions (no spec.os, so neither OS forbids it).
// ---------------------------------------------------------------------------------------------
const winOpts = entry('TestValidateWindowsSecurityContextOptions');
const WO = `${CSC}.windowsOptions`;
const windowsOptions =
  (opts?: Obj) =>
  (d: Obj): void => {
    if (opts) c0(d).securityContext = { windowsOptions: opts };
  };
const user = (runAsUserName: string) => windowsOptions({ runAsUserName });
const badUser = (name: string, runAsUserName: string): Case =>
  winOpts(name, user(runAsUserName), [['Invalid', `${WO}.runAsUserName`]]);
const windowsSecurityContextOptions: Case[] = [
  winOpts('a nil pointer', windowsOptions()),
  winOpts('an empty struct', windowsOptions({})),
  winOpts(
    'a valid input',
    windowsOptions({
      gmsaCredentialSpecName: 'dummy-gmsa-crep-spec-name',
      gmsaCredentialSpec: 'dummy-gmsa-crep-spec-contents',
    }),
  ),
  winOpts(
    'a GMSA cred spec name that is not a valid resource name',
    windowsOptions({ gmsaCredentialSpecName: 'not_a-valid-gmsa-crep-spec-name' }),
    [['Invalid', `${WO}.gmsaCredentialSpecName`]],
  ),
  winOpts('empty GMSA cred spec contents', windowsOptions({ gmsaCredentialSpec: '' }), [
    ['Invalid', `${WO}.gmsaCredentialSpec`],
  ]),
  winOpts(
    'GMSA cred spec contents that are too long',
    windowsOptions({ gmsaCredentialSpec: 'a'.repeat(64 * 1024 + 1) }),
    [['Invalid', `${WO}.gmsaCredentialSpec`]],
  ),
  // RunAsUserName: nil is the field left out.
  winOpts('RunAsUserName is nil', windowsOptions({})),
  winOpts('a valid RunAsUserName', user('Container. User')),
  winOpts('a valid RunAsUserName with NetBios Domain', user('Network Service\\Container. User')),
  winOpts('a valid RunAsUserName with DNS Domain', user('fOo'.repeat(20) + '.liSH\\Container. User')),
  winOpts(
    'a valid RunAsUserName with DNS Domain with a single character segment',
    user('fOo'.repeat(20) + '.l\\Container. User'),
  ),
  winOpts('a valid RunAsUserName with a long single segment DNS Domain', user('a'.repeat(42) + '\\Container. User')),
  badUser('an empty RunAsUserName', ''),
  badUser('RunAsUserName containing a control character', 'Container\tUser'),
  badUser('RunAsUserName containing too many backslashes', 'Container\\Foo\\Lish'),
  badUser('RunAsUserName containing backslash but empty Domain', '\\User'),
  badUser('RunAsUserName containing backslash but empty User', 'Container\\'),
  badUser("RunAsUserName's NetBios Domain is too long", 'NetBios ' + 'a'.repeat(8) + '\\user'),
  badUser("RunAsUserName's DNS Domain is too long", ('a'.repeat(63) + '.').repeat(4).slice(0, 253) + '.com\\user'),
  badUser("RunAsUserName's User is too long", 'a'.repeat(104 + 1)),
  badUser("RunAsUserName's User cannot contain only spaces or periods", '... ...'),
  badUser("RunAsUserName's NetBios Domain cannot start with a dot", '.FooLish\\User'),
  badUser("RunAsUserName's NetBios Domain cannot contain invalid characters", 'Foo? Lish?\\User'),
  badUser("RunAsUserName's DNS Domain cannot contain invalid characters", 'a'.repeat(32) + '.com-\\user'),
  badUser("RunAsUserName's User cannot contain invalid characters", 'Container/User'),
];

// ---------------------------------------------------------------------------------------------
// TestValidateWindowsHostProcessPod: validateWindowsHostProcessPod(spec, "spec"), with
// allowPrivileged true. Upstream names the init container like the container ("container"), so
// the whole of ValidatePodSpec also reports the name as a Duplicate (validateInitContainers checks
// init names against the containers'), and the same for two containers of one name.
// ---------------------------------------------------------------------------------------------
const hostProcess = entry('TestValidateWindowsHostProcessPod');
const hp = (value?: boolean): Obj =>
  container('container', value === undefined ? {} : { securityContext: { windowsOptions: { hostProcess: value } } });
const hostProcessPod =
  (opts: { podHostProcess?: boolean; hostNetwork?: boolean; containers: Obj[]; initContainers?: Obj[] }) =>
  (d: Obj): void => {
    if (opts.podHostProcess !== undefined)
      pod(d).securityContext = { windowsOptions: { hostProcess: opts.podHostProcess } };
    if (opts.hostNetwork) pod(d).hostNetwork = true;
    pod(d).containers = opts.containers;
    if (opts.initContainers) pod(d).initContainers = opts.initContainers;
  };
const INIT_DUP: Want[number] = ['Duplicate', `${POD}.initContainers[0].name`];
const HP = (list: string, i: number) => `${POD}.${list}[${i}].securityContext.windowsOptions.hostProcess`;
const windowsHostProcessPod: Case[] = [
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=true, and HostNetwork unset should not validate',
    hostProcessPod({ podHostProcess: true, containers: [hp()] }),
    [['Invalid', `${POD}.hostNetwork`]],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=ture, and HostNetwork set should validate',
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp()] }),
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=ture, HostNetwork set, and containers setting HostProcess=true should validate',
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp(true)], initContainers: [hp(true)] }),
    [INIT_DUP],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=nil, HostNetwork set, and all containers setting HostProcess=true should validate',
    hostProcessPod({ hostNetwork: true, containers: [hp(true)], initContainers: [hp(true)] }),
    [INIT_DUP],
  ),
  hostProcess(
    'Pods with feature enabled, some containers setting HostProcess=true, and others setting HostProcess=false should not validate',
    hostProcessPod({ hostNetwork: true, containers: [hp(true)], initContainers: [hp(false)] }),
    [INIT_DUP, ['Invalid', POD]],
  ),
  hostProcess(
    'Spec with feature enabled, some containers setting HostProcess=true, and other leaving HostProcess unset should not validate',
    hostProcessPod({ hostNetwork: true, containers: [hp(true)], initContainers: [hp()] }),
    [INIT_DUP, ['Invalid', POD]],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and init containers setting HostProcess=false should not validate',
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp(true)], initContainers: [hp(false)] }),
    [INIT_DUP, ['Invalid', HP('initContainers', 0)], ['Invalid', POD]],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others setting HostProcess=false should not validate',
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp(true), hp(false)] }),
    [
      ['Duplicate', `${POD}.containers[1].name`],
      ['Invalid', HP('containers', 1)],
      ['Invalid', POD],
    ],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=true, some containers setting HostProcess=true, and others leaving HostProcess=nil should validate',
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp(true)], initContainers: [hp()] }),
    [INIT_DUP],
  ),
  hostProcess(
    'Spec with feature enabled, pod-wide HostProcess=false, some contaienrs setting HostProccess=true should not validate',
    hostProcessPod({ podHostProcess: false, hostNetwork: true, containers: [hp(true)], initContainers: [hp()] }),
    [INIT_DUP, ['Invalid', HP('containers', 0)], ['Invalid', POD]],
  ),
  hostProcess(
    "Pod's HostProcess set to true but all containers override to false should not validate",
    hostProcessPod({ podHostProcess: true, hostNetwork: true, containers: [hp(false)] }),
    [['Invalid', HP('containers', 0)]],
  ),
];

// ---------------------------------------------------------------------------------------------
// TestValidateHostUsers: validateHostUsers(spec, "spec"). hostUsers, hostNetwork, hostPID and
// hostIPC are pod spec fields in apps/v1 (the internal PodSpec keeps them in its SecurityContext).
// ---------------------------------------------------------------------------------------------
const hostUsersTest = entry('TestValidateHostUsers');
const hostUsers: Case[] = [
  hostUsersTest('empty', () => {}),
  hostUsersTest('hostUsers unset', (d) => (pod(d).securityContext = {})),
  hostUsersTest('hostUsers=false', (d) => (pod(d).hostUsers = false)),
  hostUsersTest('hostUsers=true', (d) => (pod(d).hostUsers = true)),
  hostUsersTest('hostUsers=false & volumes', (d) => {
    pod(d).hostUsers = false;
    pod(d).volumes = [
      { name: 'configmap', configMap: { name: 'configmap' } },
      { name: 'secret', secret: { secretName: 'secret' } },
      { name: 'downward-api', downwardAPI: {} },
      { name: 'proj', projected: {} },
      { name: 'empty-dir', emptyDir: {} },
    ];
  }),
  // core.HostPathVolumeSource{}: validateHostPathVolumeSource requires the path.
  hostUsersTest(
    'hostUsers=false - stateful volume',
    (d) => {
      pod(d).hostUsers = false;
      pod(d).volumes = [{ name: 'host-path', hostPath: {} }];
    },
    [['Required', `${POD}.volumes[0].hostPath.path`]],
  ),
  hostUsersTest(
    'hostUsers=true - unsupported volume',
    (d) => {
      pod(d).hostUsers = true;
      pod(d).volumes = [{ name: 'host-path', hostPath: {} }];
    },
    [['Required', `${POD}.volumes[0].hostPath.path`]],
  ),
  hostUsersTest(
    'hostUsers=false & HostNetwork',
    (d) => {
      pod(d).hostUsers = false;
      pod(d).hostNetwork = true;
    },
    [['Forbidden', `${POD}.hostNetwork`]],
  ),
  // Upstream's paths are fldPath.Child("HostPID") and Child("HostIPC"), capitalised.
  hostUsersTest(
    'hostUsers=false & HostPID',
    (d) => {
      pod(d).hostUsers = false;
      pod(d).hostPID = true;
    },
    [['Forbidden', `${POD}.HostPID`]],
  ),
  hostUsersTest(
    'hostUsers=false & HostIPC',
    (d) => {
      pod(d).hostUsers = false;
      pod(d).hostIPC = true;
    },
    [['Forbidden', `${POD}.HostIPC`]],
  ),
];

// ---------------------------------------------------------------------------------------------
// TestValidateSysctls: validateSysctls(sc, "foo", opts) on groups of names (the entries are the
// test's name lists), and TestIsValidSysctlName's names, each as the only sysctl of a pod.
// ---------------------------------------------------------------------------------------------
const sysctlsTest = entry('TestValidateSysctls');
const SYS = (i: number) => `${SC}.sysctls[${i}].name`;
const sysctls =
  (names: string[], extra: Obj = {}) =>
  (d: Obj): void => {
    pod(d).securityContext = { sysctls: names.map((name) => ({ name, value: '' })) };
    Object.assign(pod(d), extra);
  };
const sysctlCases: Case[] = [
  sysctlsTest(
    'valid',
    sysctls([
      'net.foo.bar',
      'kernel.shmmax',
      'net.ipv4.conf.enp3s0/200.forwarding',
      'net/ipv4/conf/enp3s0.200/forwarding',
    ]),
  ),
  sysctlsTest('invalid', sysctls(['i..nvalid', '_invalid']), [
    ['Invalid', SYS(0)],
    ['Invalid', SYS(1)],
  ]),
  sysctlsTest('duplicates', sysctls(['kernel.shmmax', 'kernel.shmmax']), [['Duplicate', SYS(1)]]),
  sysctlsTest(
    'invalidWithHostNet',
    sysctls(['net.ipv4.conf.enp3s0/200.forwarding', 'net/ipv4/conf/enp3s0.200/forwarding'], { hostNetwork: true }),
    [
      ['Invalid', SYS(0)],
      ['Invalid', SYS(1)],
    ],
  ),
  sysctlsTest('invalidWithHostIPC', sysctls(['kernel.shmmax', 'kernel.msgmax'], { hostIPC: true }), [
    ['Invalid', SYS(0)],
    ['Invalid', SYS(1)],
  ]),
];
const sysctlName = entry('TestIsValidSysctlName');
const VALID_SYSCTL_NAMES = ['a.b.c.d', 'a', 'a_b', 'a-b', 'abc', 'abc.def', 'a/b/c/d', 'a/b.c'];
// Upstream lists "*" twice; it is one entry here.
const INVALID_SYSCTL_NAMES = [
  '*',
  'ä',
  'a_',
  '_',
  '__',
  '_a',
  '_a._b',
  '-',
  '.',
  'a.',
  '.a',
  'a.b.',
  'a*.b',
  'a*b',
  '*a',
  'a.*',
  'abc*',
  'a.abc*',
  'a.b.*',
  'Abc',
  '/',
  '/a',
  'a/abc*',
  'a/b/*',
  'a'.repeat(256),
];
const sysctlNames: Case[] = [
  ...VALID_SYSCTL_NAMES.map((n) => sysctlName(`valid ${JSON.stringify(n)}`, sysctls([n]))),
  // "" is not a name IsValidSysctlName accepts; validateSysctls reports it as Required.
  sysctlName('invalid ""', sysctls(['']), [['Required', SYS(0)]]),
  ...INVALID_SYSCTL_NAMES.map((n) =>
    sysctlName(`invalid ${JSON.stringify(n.length > 20 ? `${n[0]} x ${n.length}` : n)}`, sysctls([n]), [
      ['Invalid', SYS(0)],
    ]),
  ),
];

// ---------------------------------------------------------------------------------------------
// Seccomp annotations and fields: TestValidateSeccompAnnotationAndField (validateSeccompAnnotations-
// AndFields(meta, spec, "")), TestValidateSeccompAnnotationsAndFieldsMatch (its match function,
// here on the pod's profile and annotation) and TestValidatePodTemplateSpecSeccomp
// (ValidatePodTemplateSpec, "template"). ValidatePodSpecificAnnotations also checks each seccomp
// annotation's value (ValidateSeccompProfile), at annotations.<key> (fldPath.Child(key)).
// ---------------------------------------------------------------------------------------------
const annField = entry('TestValidateSeccompAnnotationAndField');
const podSeccomp =
  (annotation: string | undefined, profile: Obj | undefined) =>
  (d: Obj): void => {
    if (annotation !== undefined) annotate(d, { [SECCOMP_POD]: annotation });
    if (profile) pod(d).securityContext = { seccompProfile: profile };
  };
const containerSeccomp =
  (annotation: string, profile: Obj) =>
  (d: Obj): void => {
    annotate(d, { [SECCOMP_CTR + 'container']: annotation });
    pod(d).containers = [container('container', { securityContext: { seccompProfile: profile } })];
  };
const PSP = `${SC}.seccompProfile`;
const CSP = `${C0}.securityContext.seccompProfile`;
const BAD_POD_ANN: Want[number] = ['Invalid', `${ANN}.${SECCOMP_POD}`];
const BAD_CTR_ANN: Want[number] = ['Invalid', `${ANN}.${SECCOMP_CTR}container`];
const seccompAnnotationAndField: Case[] = [
  annField('Field type unconfined and annotation does not match', podSeccomp('not-matching', { type: 'Unconfined' }), [
    ['Forbidden', `${PSP}.type`],
    BAD_POD_ANN,
  ]),
  annField('Field type default and annotation does not match', podSeccomp('not-matching', { type: 'RuntimeDefault' }), [
    ['Forbidden', `${PSP}.type`],
    BAD_POD_ANN,
  ]),
  annField(
    'Field type localhost and annotation does not match',
    podSeccomp('not-matching', { type: 'Localhost', localhostProfile: 'test' }),
    [['Forbidden', `${PSP}.type`], BAD_POD_ANN],
  ),
  annField(
    'Field type localhost and localhost/ prefixed annotation does not match',
    podSeccomp('localhost/not-matching', { type: 'Localhost', localhostProfile: 'test' }),
    [['Forbidden', `${PSP}.localhostProfile`]],
  ),
  annField(
    'Field type unconfined and annotation does not match (container)',
    containerSeccomp('not-matching', { type: 'Unconfined' }),
    [['Forbidden', `${CSP}.type`], BAD_CTR_ANN],
  ),
  annField(
    'Field type default and annotation does not match (container)',
    containerSeccomp('not-matching', { type: 'RuntimeDefault' }),
    [['Forbidden', `${CSP}.type`], BAD_CTR_ANN],
  ),
  annField(
    'Field type localhost and annotation does not match (container)',
    containerSeccomp('not-matching', { type: 'Localhost', localhostProfile: 'test' }),
    [['Forbidden', `${CSP}.type`], BAD_CTR_ANN],
  ),
  annField(
    'Field type localhost and localhost/ prefixed annotation does not match (container)',
    containerSeccomp('localhost/not-matching', { type: 'Localhost', localhostProfile: 'test' }),
    [['Forbidden', `${CSP}.localhostProfile`]],
  ),
  // An unknown type matches no annotation; validateSeccompProfileField rejects it.
  annField('Nil errors must not be appended (pod)', podSeccomp('localhost/anyprofile', { type: 'Abc' }), [
    ['NotSupported', `${PSP}.type`],
  ]),
  annField('Nil errors must not be appended (container)', containerSeccomp('localhost/not-matching', { type: 'Abc' }), [
    ['NotSupported', `${CSP}.type`],
  ]),
];
const fieldsMatch = entry('TestValidateSeccompAnnotationsAndFieldsMatch');
const seccompAnnotationsAndFieldsMatch: Case[] = [
  fieldsMatch('seccompField nil should return empty', podSeccomp(undefined, undefined)),
  fieldsMatch(
    'unconfined annotation and SeccompProfileTypeUnconfined should return empty',
    podSeccomp('unconfined', { type: 'Unconfined' }),
  ),
  fieldsMatch(
    'runtime/default annotation and SeccompProfileTypeRuntimeDefault should return empty',
    podSeccomp('runtime/default', { type: 'RuntimeDefault' }),
  ),
  fieldsMatch(
    'docker/default annotation and SeccompProfileTypeRuntimeDefault should return empty',
    podSeccomp('docker/default', { type: 'RuntimeDefault' }),
  ),
  fieldsMatch(
    'localhost/test.json annotation and SeccompProfileTypeLocalhost with correct profile should return empty',
    podSeccomp('localhost/test.json', { type: 'Localhost', localhostProfile: 'test.json' }),
  ),
  // validateSeccompProfileField also requires the profile of a Localhost type.
  fieldsMatch(
    'localhost/test.json annotation and SeccompProfileTypeLocalhost without profile should error',
    podSeccomp('localhost/test.json', { type: 'Localhost' }),
    [
      ['Forbidden', `${PSP}.localhostProfile`],
      ['Required', `${PSP}.localhostProfile`],
    ],
  ),
  fieldsMatch(
    'localhost/test.json annotation and SeccompProfileTypeLocalhost with different profile should error',
    podSeccomp('localhost/test.json', { type: 'Localhost', localhostProfile: 'different.json' }),
    [['Forbidden', `${PSP}.localhostProfile`]],
  ),
  fieldsMatch(
    'localhost/test.json annotation and SeccompProfileTypeUnconfined with different profile should error',
    podSeccomp('localhost/test.json', { type: 'Unconfined' }),
    [['Forbidden', `${PSP}.type`]],
  ),
  fieldsMatch(
    'localhost/test.json annotation and SeccompProfileTypeRuntimeDefault with different profile should error',
    podSeccomp('localhost/test.json', { type: 'RuntimeDefault' }),
    [['Forbidden', `${PSP}.type`]],
  ),
];
const templateSeccomp = entry('TestValidatePodTemplateSpecSeccomp');
const podTemplateSpecSeccomp: Case[] = [
  templateSeccomp(
    'seccomp field and container annotation must match',
    (d) => {
      annotate(d, { [SECCOMP_CTR + 'test2']: 'unconfined' });
      pod(d).containers = [
        container('test1'),
        container('test2', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
      ];
    },
    [['Forbidden', `${POD}.containers[1].securityContext.seccompProfile.type`]],
  ),
  templateSeccomp(
    'seccomp field and pod annotation must match',
    podSeccomp('runtime/default', { type: 'Unconfined' }),
    [['Forbidden', `${PSP}.type`]],
  ),
  templateSeccomp(
    'init seccomp field and container annotation must match',
    (d) => {
      annotate(d, { [SECCOMP_CTR + 'init-test']: 'unconfined' });
      pod(d).initContainers = [
        container('init-test', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
      ];
    },
    [['Forbidden', `${POD}.initContainers[0].securityContext.seccompProfile.type`]],
  ),
];

// ---------------------------------------------------------------------------------------------
// TestValidateAppArmorProfileFormat: ValidateAppArmorProfileFormat, reached through
// ValidateAppArmorPodAnnotations (an annotation for the container "ctr"), which reports at
// annotations[<key>] (fldPath.Key).
// ---------------------------------------------------------------------------------------------
const appArmorFormat = entry('TestValidateAppArmorProfileFormat');
const appArmorAnnotation = (profile: string) => (d: Obj) => annotate(d, { [APPARMOR_CTR + 'ctr']: profile });
const appArmorProfileFormat: Case[] = [
  appArmorFormat('""', appArmorAnnotation('')),
  appArmorFormat('"runtime/default"', appArmorAnnotation('runtime/default')),
  appArmorFormat('"unconfined"', appArmorAnnotation('unconfined')),
  appArmorFormat('"baz"', appArmorAnnotation('baz'), [['Invalid', `${ANN}[${APPARMOR_CTR}ctr]`]]),
  appArmorFormat('"localhost//usr/sbin/ntpd"', appArmorAnnotation('localhost//usr/sbin/ntpd')),
  appArmorFormat('"localhost/foo-bar"', appArmorAnnotation('localhost/foo-bar')),
];

// ---------------------------------------------------------------------------------------------
// TestValidatePod (ValidatePodCreate): its successCases and errorCases for seccomp and AppArmor
// profiles and annotations and for sysctls. podtest.MakeContainer("ctr") is the base container;
// upstream's errorCases give a substring of the aggregate error, the [type, path] pairs are the
// ones ValidatePodTemplateSpec reports, annotations at spec.template.annotations.
// ---------------------------------------------------------------------------------------------
const validatePod = entry('TestValidatePod');
const podAnnotations = (annotations: Obj) => (d: Obj) => annotate(d, annotations);
const podSC = (sc: Obj) => (d: Obj) => (pod(d).securityContext = sc);
const ctrSC = (sc: Obj) => (d: Obj) => (c0(d).securityContext = sc);
const both =
  (...fs: Array<(d: Obj) => void>) =>
  (d: Obj): void => {
    for (const f of fs) f(d);
  };
const initCtr = (d: Obj): void => {
  pod(d).initContainers = [container('init-ctr')];
};
const PAA = `${SC}.appArmorProfile`;
const CAA = `${CSC}.appArmorProfile`;
const validatePodSecurity: Case[] = [
  // successCases
  validatePod('runtime default seccomp profile', podAnnotations({ [SECCOMP_POD]: 'runtime/default' })),
  validatePod('docker default seccomp profile', podAnnotations({ [SECCOMP_POD]: 'unconfined' })),
  validatePod('localhost seccomp profile', podAnnotations({ [SECCOMP_POD]: 'localhost/foo' })),
  validatePod('localhost seccomp profile for a container', podAnnotations({ [SECCOMP_CTR + 'foo']: 'localhost/foo' })),
  validatePod('runtime default seccomp profile for a pod', podSC({ seccompProfile: { type: 'RuntimeDefault' } })),
  validatePod('runtime default seccomp profile for a container', ctrSC({ seccompProfile: { type: 'Unconfined' } })),
  validatePod('unconfined seccomp profile for a pod', podSC({ seccompProfile: { type: 'RuntimeDefault' } })),
  validatePod('unconfined seccomp profile for a container', ctrSC({ seccompProfile: { type: 'Unconfined' } })),
  validatePod(
    'localhost seccomp profile for a pod',
    podSC({ seccompProfile: { type: 'Localhost', localhostProfile: 'filename.json' } }),
  ),
  validatePod(
    'localhost seccomp profile for a container, II',
    ctrSC({ seccompProfile: { type: 'Localhost', localhostProfile: 'filename.json' } }),
  ),
  validatePod(
    'default AppArmor annotation for a container',
    podAnnotations({ [APPARMOR_CTR + 'ctr']: 'runtime/default' }),
  ),
  validatePod(
    'default AppArmor annotation for an init container',
    both(initCtr, podAnnotations({ [APPARMOR_CTR + 'init-ctr']: 'runtime/default' })),
  ),
  validatePod(
    'localhost AppArmor annotation for a container',
    podAnnotations({ [APPARMOR_CTR + 'ctr']: 'localhost/foo' }),
  ),
  validatePod('runtime default AppArmor profile for a pod', podSC({ appArmorProfile: { type: 'RuntimeDefault' } })),
  validatePod(
    'runtime default AppArmor profile for a container',
    ctrSC({ appArmorProfile: { type: 'RuntimeDefault' } }),
  ),
  validatePod('unconfined AppArmor profile for a pod', podSC({ appArmorProfile: { type: 'Unconfined' } })),
  validatePod('unconfined AppArmor profile for a container', ctrSC({ appArmorProfile: { type: 'Unconfined' } })),
  validatePod(
    'localhost AppArmor profile for a pod',
    podSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'example-org/application-foo' } }),
  ),
  validatePod(
    'localhost AppArmor profile for a container field',
    ctrSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'example-org/application-foo' } }),
  ),
  validatePod(
    'matching AppArmor fields and annotations',
    both(
      podAnnotations({ [APPARMOR_CTR + 'ctr']: 'localhost/foo' }),
      ctrSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } }),
    ),
  ),
  validatePod(
    'matching AppArmor pod field and annotations',
    both(
      podAnnotations({ [APPARMOR_CTR + 'ctr']: 'localhost/foo' }),
      podSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } }),
    ),
  ),
  validatePod(
    'syntactically valid sysctls',
    podSC({
      sysctls: [
        { name: 'kernel.shmmni', value: '32768' },
        { name: 'kernel.shmmax', value: '1000000000' },
        { name: 'knet.ipv4.route.min_pmtu', value: '1000' },
      ],
    }),
  ),
  // errorCases
  validatePod('must be a valid pod seccomp profile', podAnnotations({ [SECCOMP_POD]: 'foo' }), [
    ['Invalid', `${ANN}.${SECCOMP_POD}`],
  ]),
  validatePod('must be a valid container seccomp profile', podAnnotations({ [SECCOMP_CTR + 'foo']: 'foo' }), [
    ['Invalid', `${ANN}.${SECCOMP_CTR}foo`],
  ]),
  // ValidateAnnotations: the key's name part is empty (IsQualifiedName's two messages, on the map),
  // and the value is still checked as a container's profile.
  validatePod('must be a non-empty container name in seccomp annotation', podAnnotations({ [SECCOMP_CTR]: 'foo' }), [
    ['Invalid', ANN],
    ['Invalid', ANN],
    ['Invalid', `${ANN}.${SECCOMP_CTR}`],
  ]),
  validatePod(
    'must be a non-empty container profile in seccomp annotation',
    podAnnotations({ [SECCOMP_CTR + 'foo']: '' }),
    [['Invalid', `${ANN}.${SECCOMP_CTR}foo`]],
  ),
  validatePod(
    'must match seccomp profile type and pod annotation',
    both(podAnnotations({ [SECCOMP_POD]: 'unconfined' }), podSC({ seccompProfile: { type: 'RuntimeDefault' } })),
    [['Forbidden', `${PSP}.type`]],
  ),
  validatePod(
    'must match seccomp profile type and container annotation',
    both(
      ctrSC({ seccompProfile: { type: 'RuntimeDefault' } }),
      podAnnotations({ [SECCOMP_CTR + 'ctr']: 'unconfined' }),
    ),
    [['Forbidden', `${CSP}.type`]],
  ),
  validatePod(
    'must be a relative path in a node-local seccomp profile annotation',
    podAnnotations({ [SECCOMP_POD]: 'localhost//foo' }),
    [['Invalid', `${ANN}.${SECCOMP_POD}`]],
  ),
  validatePod("must not start with '../'", podAnnotations({ [SECCOMP_POD]: 'localhost/../foo' }), [
    ['Invalid', `${ANN}.${SECCOMP_POD}`],
  ]),
  validatePod(
    'AppArmor profile must apply to a container',
    both(
      initCtr,
      podAnnotations({
        [APPARMOR_CTR + 'ctr']: 'runtime/default',
        [APPARMOR_CTR + 'init-ctr']: 'runtime/default',
        [APPARMOR_CTR + 'fake-ctr']: 'runtime/default',
      }),
    ),
    [['Invalid', `${ANN}[${APPARMOR_CTR}fake-ctr]`]],
  ),
  validatePod('AppArmor profile format must be valid', podAnnotations({ [APPARMOR_CTR + 'ctr']: 'bad-name' }), [
    ['Invalid', `${ANN}[${APPARMOR_CTR}ctr]`],
  ]),
  validatePod(
    'only default AppArmor profile may start with runtime/',
    podAnnotations({ [APPARMOR_CTR + 'ctr']: 'runtime/foo' }),
    [['Invalid', `${ANN}[${APPARMOR_CTR}ctr]`]],
  ),
  validatePod('unsupported pod AppArmor profile type', podSC({ appArmorProfile: { type: 'test' } }), [
    ['NotSupported', `${PAA}.type`],
  ]),
  validatePod('unsupported container AppArmor profile type', ctrSC({ appArmorProfile: { type: 'test' } }), [
    ['NotSupported', `${CAA}.type`],
  ]),
  validatePod('missing pod AppArmor profile type', podSC({ appArmorProfile: { type: '' } }), [
    ['Required', `${PAA}.type`],
  ]),
  validatePod('missing AppArmor localhost profile', podSC({ appArmorProfile: { type: 'Localhost' } }), [
    ['Required', `${PAA}.localhostProfile`],
  ]),
  validatePod(
    'empty AppArmor localhost profile',
    podSC({ appArmorProfile: { type: 'Localhost', localhostProfile: '' } }),
    [['Required', `${PAA}.localhostProfile`]],
  ),
  validatePod(
    'invalid AppArmor localhost profile type',
    podSC({ appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'foo-bar' } }),
    [['Invalid', `${PAA}.localhostProfile`]],
  ),
  validatePod(
    'invalid AppArmor localhost profile',
    podSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'foo-bar ' } }),
    [['Invalid', `${PAA}.localhostProfile`]],
  ),
  validatePod(
    'too long AppArmor localhost profile',
    podSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'a'.repeat(4096) } }),
    [['TooLong', `${PAA}.localhostProfile`]],
  ),
  validatePod(
    'mismatched AppArmor field and annotation types',
    both(
      podAnnotations({ [APPARMOR_CTR + 'ctr']: 'runtime/default' }),
      ctrSC({ appArmorProfile: { type: 'Unconfined' } }),
    ),
    [['Forbidden', `${CAA}.type`]],
  ),
  // The pod's profile applies to the container: upstream reports at the container's path.
  validatePod(
    'mismatched AppArmor pod field and annotation types',
    both(
      podAnnotations({ [APPARMOR_CTR + 'ctr']: 'runtime/default' }),
      podSC({ appArmorProfile: { type: 'Unconfined' } }),
    ),
    [['Forbidden', `${CAA}.type`]],
  ),
  validatePod(
    'mismatched AppArmor localhost profiles',
    both(
      podAnnotations({ [APPARMOR_CTR + 'ctr']: 'localhost/foo' }),
      ctrSC({ appArmorProfile: { type: 'Localhost', localhostProfile: 'bar' } }),
    ),
    [['Forbidden', `${CAA}.localhostProfile`]],
  ),
];

// ---------------------------------------------------------------------------------------------
// TestValidateOS (validateOS(spec, "spec")), TestValidateSELinuxChangePolicy and
// TestValidatePodSpecWithSupplementalGroupsPolicy (ValidatePodSpec, "spec"), and
// TestValidateWindowsPodSecurityContextSupplementalGroupsPolicy (validateWindows, "spec").
// ---------------------------------------------------------------------------------------------
const validateOS = entry('TestValidateOS');
const setOs = (os: Obj) => (d: Obj) => (pod(d).os = os);
const osCases: Case[] = [
  validateOS('no OS field, featuregate', () => {}),
  validateOS('empty OS field, featuregate', setOs({}), [['Required', `${POD}.os.name`]]),
  validateOS('OS field, featuregate, valid OS', setOs({ name: 'linux' })),
  // Upstream has two entries of this name (linux, then windows).
  validateOS('OS field, featuregate, valid OS (windows)', setOs({ name: 'windows' })),
  validateOS('OS field, featuregate, empty OS', setOs({ name: '' }), [['Required', `${POD}.os.name`]]),
  // field.NotSupported(fldPath, os.Name, …): on spec.os itself.
  validateOS('OS field, featuregate, invalid OS', setOs({ name: 'dummyOS' }), [['NotSupported', `${POD}.os`]]),
];
const seLinux = entry('TestValidateSELinuxChangePolicy');
const seLinuxChangePolicy: Case[] = [
  seLinux('nil is valid', podSC({})),
  seLinux('Recursive is always valid', podSC({ seLinuxChangePolicy: 'Recursive' })),
  seLinux(
    'MountOption is valid when not AllowOnlyRecursiveSELinuxChangePolicy',
    podSC({ seLinuxChangePolicy: 'MountOption' }),
  ),
  seLinux('invalid value', podSC({ seLinuxChangePolicy: 'InvalidValue' }), [
    ['NotSupported', `${SC}.seLinuxChangePolicy`],
  ]),
];
const sgPolicy = entry('TestValidatePodSpecWithSupplementalGroupsPolicy');
const supplementalGroupsPolicy: Case[] = [
  sgPolicy('nil SecurityContext is valid', () => {}),
  sgPolicy('nil SupplementalGroupsPolicy is valid', podSC({})),
  sgPolicy('SupplementalGroupsPolicyMerge is valid', podSC({ supplementalGroupsPolicy: 'Merge' })),
  sgPolicy('SupplementalGroupsPolicyStrict is valid', podSC({ supplementalGroupsPolicy: 'Strict' })),
  sgPolicy('empty SupplementalGroupsPolicy is invalid', podSC({ supplementalGroupsPolicy: '' }), [
    ['NotSupported', `${SC}.supplementalGroupsPolicy`],
  ]),
  sgPolicy('not-supported SupplementalGroupsPolicy is invalid', podSC({ supplementalGroupsPolicy: 'not-supported' }), [
    ['NotSupported', `${SC}.supplementalGroupsPolicy`],
  ]),
];
const winSgPolicy = entry('TestValidateWindowsPodSecurityContextSupplementalGroupsPolicy');
const windowsPod = (sc?: Obj) => (d: Obj) => {
  pod(d).os = { name: 'windows' };
  if (sc) pod(d).securityContext = sc;
};
const windowsSupplementalGroupsPolicy: Case[] = [
  winSgPolicy('nil SecurityContext is valid', windowsPod()),
  winSgPolicy('nil SupplementalGroupdPolicy is valid', windowsPod({})),
  winSgPolicy('non-empty SupplementalGroupdPolicy is invalid', windowsPod({ supplementalGroupsPolicy: 'Merge' }), [
    ['Forbidden', `${SC}.supplementalGroupsPolicy`],
  ]),
];

export const SECURITY_CASES: Case[] = [
  ...securityContext,
  ...osSecurityContext,
  ...windowsSecurityContextOptions,
  ...windowsHostProcessPod,
  ...hostUsers,
  ...sysctlCases,
  ...sysctlNames,
  ...seccompAnnotationAndField,
  ...seccompAnnotationsAndFieldsMatch,
  ...podTemplateSpecSeccomp,
  ...appArmorProfileFormat,
  ...validatePodSecurity,
  ...osCases,
  ...seLinuxChangePolicy,
  ...supplementalGroupsPolicy,
  ...windowsSupplementalGroupsPolicy,
];

const CLUSTER_POLICY =
  'capabilities.AllowPrivileged is the API server flag --allow-privileged, not part of the manifest; the checks assume a cluster that allows privileged pods (kubeadm and most distributions set it)';
const EPHEMERAL =
  'ephemeral containers: ValidatePodTemplateSpec forbids them in a pod template, so a DaemonSet can never carry the entry';
const NAMESPACED_SYSCTLS =
  'PodValidationOptions.AllowNamespacedSysctlsForHostNetAndHostIPC is only set on an update whose old pod spec already had such sysctls (GetValidationOptionsFromPodSpecAndMeta); a manifest is validated as new';

export const SECURITY_EXCLUDED: Excluded[] = [
  { test: 'TestValidateSecurityContext', name: 'request privileged when capabilities forbids', reason: CLUSTER_POLICY },
  {
    test: 'TestValidateSELinuxChangePolicy',
    name: 'MountOption is not valid when AllowOnlyRecursiveSELinuxChangePolicy',
    reason:
      'PodValidationOptions.AllowOnlyRecursiveSELinuxChangePolicy: set only when the SELinuxChangePolicy feature gate is off (and the old pod did not use MountOption); the checks assume the default gates',
  },
  {
    test: 'TestValidateWindowsHostProcessPod',
    name: 'Valid HostProcess pod should spec should not validate if allowPrivileged is not set',
    reason: CLUSTER_POLICY,
  },
  {
    test: 'TestValidateWindowsHostProcessPod',
    name: 'Non-HostProcess ephemeral container in HostProcess pod should not validate',
    reason: EPHEMERAL,
  },
  {
    test: 'TestValidateWindowsHostProcessPod',
    name: 'HostProcess ephemeral container in HostProcess pod should validate',
    reason: EPHEMERAL,
  },
  {
    test: 'TestValidateWindowsHostProcessPod',
    name: 'Non-HostProcess ephemeral container in Non-HostProcess pod should validate',
    reason: EPHEMERAL,
  },
  {
    test: 'TestValidateWindowsHostProcessPod',
    name: 'HostProcess ephemeral container in Non-HostProcess pod should not validate',
    reason: EPHEMERAL,
  },
  {
    test: 'TestValidateSysctls',
    name: 'invalidWithHostNet, AllowNamespacedSysctlsForHostNetAndHostIPC',
    reason: NAMESPACED_SYSCTLS,
  },
  {
    test: 'TestValidateSysctls',
    name: 'invalidWithHostIPC, AllowNamespacedSysctlsForHostNetAndHostIPC',
    reason: NAMESPACED_SYSCTLS,
  },
];
