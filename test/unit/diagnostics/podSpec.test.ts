// Pod-level rules of ValidatePodSpec: referenced names, DNS policy and config, host aliases,
// the pod security context, topology spread and the grace period.
import test from 'node:test';
import assert from 'node:assert/strict';
import { check, VALID } from './check';

const pod = (lines: string) => check(VALID + lines).map((r) => [r.code, r.severity, r.path, r.message, r.text]);

test('dnsPolicy None needs a dnsConfig with nameservers', () => {
  assert.deepEqual(pod('      dnsPolicy: None\n'), [
    [
      'dnsConfigRequired',
      'error',
      'spec.template.spec.dnsConfig',
      'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
      'spec',
    ],
  ]);
  assert.deepEqual(pod('      dnsPolicy: None\n      dnsConfig:\n        searches: [svc.cluster.local]\n'), [
    [
      'dnsConfigRequired',
      'error',
      'spec.template.spec.dnsConfig.nameservers',
      'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
      'dnsConfig',
    ],
  ]);
  assert.deepEqual(pod('      dnsPolicy: None\n      dnsConfig:\n        nameservers: [10.96.0.10]\n'), []);
});

test('dnsConfig: at most 3 nameservers, IP addresses, search domains', () => {
  const got = pod(
    '      dnsConfig:\n        nameservers: [1.1.1.1, 8.8.8.8, "2001:db8::1", 9.9.9.9, dns.example]\n        searches: [ok.example., Bad_Domain]\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[4]]),
    [
      ['invalidDnsConfig', 'spec.template.spec.dnsConfig.nameservers', 'nameservers'],
      ['invalidIP', 'spec.template.spec.dnsConfig.nameservers[4]', 'dns.example'],
      ['invalidName', 'spec.template.spec.dnsConfig.searches[1]', 'Bad_Domain'],
    ],
  );
  assert.match(String(got[0]![3]), /must not have more than 3 nameservers$/);
  assert.equal(
    got[1]![3],
    'Invalid value: "dns.example": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  );
});

test('names of service accounts, nodes and priority classes are DNS subdomains', () => {
  const got = pod('      serviceAccountName: Agent\n      priorityClassName: system-node-critical\n');
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[4]]),
    [['invalidName', 'spec.template.spec.serviceAccountName', 'Agent']],
  );
});

test('pod security context: ids, sysctls, seccomp', () => {
  const got = pod(
    '      securityContext:\n        fsGroup: -5\n        sysctls: [{name: "net.ipv4.ip_forward", value: "1"}, {name: "Bad!", value: "1"}]\n        seccompProfile: {type: RuntimeDefault, localhostProfile: x.json}\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2]]),
    [
      ['invalidId', 'spec.template.spec.securityContext.fsGroup'],
      ['invalidSysctl', 'spec.template.spec.securityContext.sysctls[1].name'],
      ['seccompLocalhost', 'spec.template.spec.securityContext.seccompProfile.localhostProfile'],
    ],
  );
});

test('hostNetwork and hostPID are fine; a negative grace period is replaced by 1 (warning)', () => {
  assert.deepEqual(pod('      hostNetwork: true\n      hostPID: true\n      dnsPolicy: ClusterFirstWithHostNet\n'), []);
  assert.deepEqual(pod('      terminationGracePeriodSeconds: -1\n'), [
    [
      'negativeGracePeriod',
      'warning',
      'spec.template.spec.terminationGracePeriodSeconds',
      '-1 is replaced by 1 when the pods are created; use 0 to stop pods immediately',
      '-1',
    ],
  ]);
});

test('topology spread maxSkew and host aliases', () => {
  const got = pod(
    '      topologySpreadConstraints:\n        - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n      hostAliases:\n        - {ip: 10.0.0.300, hostnames: [db.local]}\n',
  );
  assert.deepEqual(
    got.map((r) => [r[0], r[2], r[3]]),
    [
      [
        'invalidValue',
        'spec.template.spec.topologySpreadConstraints[0].maxSkew',
        'Invalid value: 0: must be greater than zero',
      ],
      [
        'invalidIP',
        'spec.template.spec.hostAliases[0].ip',
        'Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ],
  );
});
