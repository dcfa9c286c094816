// Protocol tests for the settings path: the real bundled server reads its cluster settings once
// (workspace/configuration, after `initialized`), so a kubeconfig exec credential plugin runs
// once at start-up, and a settings change that does not touch the source runs it never again.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { FakeApiServer, FAKE_CA_FILE, makeNode } from '../support/fakeApiServer';
import { startServer } from '../support/lspClient';
import { ClusterChangedNotification, ClusterStatusRequest, type ClusterStatus } from '../../protocol';

/** A kubeconfig whose user is an exec plugin that appends one line to `runs` each time it runs. */
function execKubeconfig(dir: string, api: FakeApiServer, runs: string): string {
  const plugin = path.join(dir, 'credential.js');
  const expires = new Date(Date.now() + 3600_000).toISOString();
  fs.writeFileSync(
    plugin,
    `require('node:fs').appendFileSync(${JSON.stringify(runs)}, 'ran\\n');\n` +
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(api.token)}, expirationTimestamp: ${JSON.stringify(expires)} } }));\n`,
  );
  const file = path.join(dir, 'kubeconfig');
  fs.writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: exec',
      'clusters:',
      '- name: c',
      '  cluster:',
      `    server: ${api.url}`,
      `    certificate-authority: ${JSON.stringify(FAKE_CA_FILE)}`,
      'contexts:',
      '- name: exec',
      '  context: {cluster: c, user: u}',
      '- name: exec2',
      '  context: {cluster: c, user: u}',
      'users:',
      '- name: u',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1',
      `      command: ${JSON.stringify(process.execPath)}`,
      `      args: [${JSON.stringify(plugin)}]`,
      '      interactiveMode: Never',
      '',
    ].join('\n'),
  );
  return file;
}

const runCount = (file: string): number =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;

test(
  'a kubeconfig exec plugin runs once at start-up, and not again for unchanged or unused settings',
  { timeout: 30_000 },
  async () => {
    const api = await FakeApiServer.start({ nodes: [makeNode('live-1'), makeNode('live-2')] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-exec-'));
    const runs = path.join(dir, 'runs.txt');
    const kubeconfig = execKubeconfig(dir, api, runs);
    const opts = {
      workspaceRoot: dir,
      settings: { cluster: { source: 'kubeconfig', kubeconfig, context: 'exec' } } as any,
    };
    const s = await startServer(opts);
    try {
      const statuses: ClusterStatus[] = [];
      let wake: (() => void) | undefined;
      s.connection.onNotification(ClusterChangedNotification, (st: ClusterStatus) => {
        statuses.push(st);
        wake?.();
      });
      const until = async (from: number, pred: (st: ClusterStatus) => boolean): Promise<ClusterStatus> => {
        for (;;) {
          const hit = statuses.slice(from).find(pred);
          if (hit) return hit;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      };
      const first = (await s.connection.sendRequest(ClusterStatusRequest)) as ClusterStatus;
      if (!(first.state === 'ok' && first.nodeCount === 2))
        await until(0, (st) => st.state === 'ok' && st.nodeCount === 2);
      assert.equal(runCount(runs), 1, 'the plugin ran once at start-up');

      // The same settings again, then a key a kubeconfig source does not use: nothing is rebuilt,
      // so the status keeps the start-up read (a rebuild would drop it: 'connecting', a new readAt).
      let asked: (() => void) | undefined;
      s.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
        setImmediate(() => asked?.()); // after this answer is on its way
        return p.items.map((i) => (i.section === 'daemonset' ? opts.settings : null));
      });
      const settled = (first.state === 'ok' ? first : statuses.find((st) => st.state === 'ok'))!;
      for (const next of [
        opts.settings,
        { cluster: { ...opts.settings.cluster, podsPath: 'pods.yaml', snapshotPath: 'nodes.yaml' } },
      ]) {
        opts.settings = next;
        const answered = new Promise<void>((resolve) => (asked = resolve));
        await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        await answered;
        const now = (await s.connection.sendRequest(ClusterStatusRequest)) as ClusterStatus;
        assert.equal(now.state, 'ok');
        assert.equal(now.readAt, settled.readAt, 'the source was not rebuilt nor re-read');
      }
      // Then a key it does use (another context): one rebuild, one more run. The server handles
      // the changes in order, so once the new context is reported the two above were handled.
      opts.settings = { cluster: { ...opts.settings.cluster, context: 'exec2' } };
      await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await until(0, (st) => st.state === 'ok' && st.source === 'context exec2');
      assert.equal(runCount(runs), 2, 'one more run for the one real change, none for the other two');
    } finally {
      await s.stop();
      await api.close();
    }
  },
);
