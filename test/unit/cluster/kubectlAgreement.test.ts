import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KubeconfigSource } from '../../../server/src/cluster/kubeconfigSource';
import { FakeApiServer, makeNode } from '../../support/fakeApiServer';

function kubectl(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { timeout: 30_000, env }, (err, stdout, stderr) => {
      const code = err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// The fake API server is only worth trusting if a real client agrees with it.
test('kubectl and our live source read the same nodes from the fake API server', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-kubectl-'));
  const names = Array.from({ length: 12 }, (_, i) => `node-${String(i).padStart(2, '0')}`);
  const server = await FakeApiServer.start({ nodes: names.map((n) => makeNode(n)) });
  try {
    const kubeconfig = server.writeKubeconfig(join(dir, 'config'), { context: 'kind-fake' });
    // HOME and KUBECONFIG point away from the user's own configuration and discovery cache.
    const env = { PATH: process.env.PATH ?? '', HOME: dir };
    const run = await kubectl(
      [
        'get',
        'nodes',
        '--kubeconfig',
        kubeconfig,
        '--cache-dir',
        join(dir, 'cache'),
        '--chunk-size',
        '5',
        '-o',
        'name',
      ],
      env,
    );
    if (run.code === 'ENOENT') {
      t.skip('kubectl is not on PATH: the agreement check needs a real client');
      return;
    }
    assert.equal(run.code, 0, run.stderr);
    const kubectlNames = run.stdout
      .trim()
      .split('\n')
      .map((l) => l.replace(/^node\//, ''));

    const source = await KubeconfigSource.create({ kubeconfig, pageSize: 5 });
    const snap = await source.load();
    source.dispose();
    assert.equal(snap.status.state, 'ok', snap.status.message);
    assert.equal(source.label, 'context kind-fake');
    assert.deepEqual(
      snap.state.nodes.map((n) => n.metadata?.name),
      kubectlNames,
    );
    assert.deepEqual(kubectlNames, names);
    // kubectl paged too, so the continue tokens work for both clients.
    assert.ok(server.requests.filter((r) => r.path === '/api/v1/nodes' && r.query.has('continue')).length >= 4);

    // And both see the same failure for a bad token.
    const denied = await kubectl(
      [
        'get',
        'nodes',
        '--kubeconfig',
        server.writeKubeconfig(join(dir, 'bad'), { token: 'wrong' }),
        '--cache-dir',
        join(dir, 'cache2'),
        '-o',
        'name',
      ],
      env,
    );
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /Unauthorized|must be logged in/);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
