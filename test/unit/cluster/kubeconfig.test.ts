import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import {
  KubeconfigError,
  kubeconfigPaths,
  listContexts,
  loadKubeconfig,
  selectContext,
} from '../../../server/src/cluster/kubeconfig';

const dir = mkdtempSync(join(tmpdir(), 'ds-kubeconfig-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(
  name: string,
  o: {
    current?: string;
    contexts: Array<[ctx: string, cluster: string, user: string]>;
    clusters: Array<[string, string]>;
    users: string[];
  },
): string {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (o.current) lines.push(`current-context: ${o.current}`);
  lines.push('clusters:', ...o.clusters.flatMap(([n, s]) => [`- name: ${n}`, '  cluster:', `    server: ${s}`]));
  lines.push(
    'contexts:',
    ...o.contexts.flatMap(([n, c, u]) => [`- name: ${n}`, '  context:', `    cluster: ${c}`, `    user: ${u}`]),
  );
  lines.push('users:', ...o.users.flatMap((u) => [`- name: ${u}`, '  user:', `    token: tok-${u}`]));
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

const first = kubeconfig('first.yaml', {
  current: 'kind-dev',
  clusters: [
    ['kind-dev', 'https://127.0.0.1:6443'],
    ['shared', 'https://first.example:6443'],
  ],
  contexts: [
    ['kind-dev', 'kind-dev', 'dev-admin'],
    ['shared', 'shared', 'dev-admin'],
  ],
  users: ['dev-admin'],
});
const second = kubeconfig('second.yaml', {
  current: 'prod',
  clusters: [
    ['prod', 'https://prod.example:6443'],
    ['shared', 'https://second.example:6443'],
  ],
  contexts: [
    ['prod', 'prod', 'prod-user'],
    ['shared', 'shared', 'prod-user'],
  ],
  users: ['prod-user'],
});

test('KUBECONFIG path lists merge the way kubectl merges them', async () => {
  const env = { KUBECONFIG: [first, join(dir, 'missing.yaml'), second].join(delimiter), HOME: dir };
  const contexts = await listContexts({ env });
  assert.deepEqual(
    contexts.map((c) => [c.name, c.current]),
    [
      ['kind-dev', true],
      ['shared', false],
      ['prod', false],
    ],
  );
  // The first file that defines a name wins, for clusters as for contexts.
  assert.equal(contexts.find((c) => c.name === 'shared')?.server, 'https://first.example:6443');
  assert.equal(contexts.find((c) => c.name === 'prod')?.server, 'https://prod.example:6443');

  const { kc, files } = await loadKubeconfig({ kubeconfig: [second, first] });
  assert.deepEqual(files, [second, first]);
  assert.equal(kc.currentContext, 'prod'); // current-context from the first file that sets one
  assert.equal(selectContext(kc, 'kind-dev', files), 'kind-dev');
  assert.equal(kc.getCurrentUser()?.token, 'tok-dev-admin');
});

test('the default location is ~/.kube/config; an explicit option beats KUBECONFIG', () => {
  assert.deepEqual(kubeconfigPaths({ env: { HOME: '/home/u' } }), ['/home/u/.kube/config']);
  assert.deepEqual(kubeconfigPaths({ env: { KUBECONFIG: `a${delimiter}${delimiter}b` } }), ['a', 'b']);
  assert.deepEqual(kubeconfigPaths({ kubeconfig: 'x', env: { KUBECONFIG: 'a' } }), ['x']);
});

test('clear errors for missing files, bad files and unknown contexts', async () => {
  await assert.rejects(
    listContexts({ env: { KUBECONFIG: join(dir, 'nope.yaml') } }),
    (e: unknown) =>
      e instanceof KubeconfigError && /no kubeconfig file found \(looked for .*nope\.yaml\)/.test(e.message),
  );
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'clusters:\n- cluster: {}\n');
  await assert.rejects(
    listContexts({ kubeconfig: bad }),
    (e: unknown) =>
      e instanceof KubeconfigError &&
      /bad\.yaml: not a valid kubeconfig: clusters\[0\]\.name is missing/.test(e.message),
  );
  const { kc, files } = await loadKubeconfig({ kubeconfig: first });
  assert.throws(
    () => selectContext(kc, 'staging', files),
    /context "staging" is not in .*first\.yaml; choose one of: kind-dev, shared/,
  );
  const dangling = kubeconfig('dangling.yaml', {
    current: 'x',
    clusters: [],
    contexts: [['x', 'gone', 'u']],
    users: ['u'],
  });
  const d = await loadKubeconfig({ kubeconfig: dangling });
  assert.throws(
    () => selectContext(d.kc, undefined, d.files),
    /context "x" names cluster "gone", which is not defined/,
  );
});
