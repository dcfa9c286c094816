// The CLI as a user installs it: scripts/pack-cli.mjs packs cli/package.json with the bundles that
// `npm run build` wrote, `npm install -g --prefix <tmp> <tgz> --offline` installs it outside the
// checkout (so it must have no dependency to fetch), and the installed `daemonset` runs lint,
// placement, rollout and status on a fixture copied there. Also: what the package holds, and that
// the .vsix whitelist (.vscodeignore) does not ship the CLI bundle.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonset-install-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const ENV = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_cache: path.join(tmp, 'npm-cache'),
};

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

let tgz = '';
let bin = '';
const work = path.join(tmp, 'project');

test('npm pack of cli/package.json: the bundles, the bin and the example cluster; no dependencies, nothing of the extension', () => {
  const packed = run(
    process.execPath,
    [path.join(ROOT, 'scripts', 'pack-cli.mjs'), '--out', path.join(tmp, 'pack')],
    ROOT,
  );
  assert.equal(packed.code, 0, packed.err);
  tgz = packed.out.trim().split('\n').pop()!;
  assert.ok(fs.existsSync(tgz), tgz);
  const list = run('tar', ['tzf', tgz], tmp);
  assert.equal(list.code, 0, list.err);
  assert.deepEqual(list.out.trim().split('\n').sort(), [
    'package/LICENSE',
    'package/NOTICE',
    'package/README.md',
    'package/bin/daemonset.js',
    'package/dist/cli.js',
    'package/dist/kube.cjs',
    'package/examples/cluster/README.md',
    'package/examples/cluster/live.yaml',
    'package/examples/cluster/nodes.yaml',
    'package/examples/cluster/pods.yaml',
    'package/package.json',
  ]);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'cli', 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.bin, { daemonset: 'bin/daemonset.js' });
});

test('installed offline into a temporary prefix, daemonset runs lint, placement, rollout and status outside the checkout', (t) => {
  if (!tgz) return t.skip('the pack test failed');
  const prefix = path.join(tmp, 'prefix');
  const install = run('npm', ['install', '-g', '--prefix', prefix, tgz, '--offline'], tmp);
  assert.equal(install.code, 0, install.err);
  bin = path.join(prefix, 'bin', 'daemonset');
  assert.ok(fs.existsSync(bin), bin);
  // Nothing but the package itself was installed.
  assert.deepEqual(fs.readdirSync(path.join(prefix, 'lib', 'node_modules')), ['@daemonset-studio']);
  assert.ok(!fs.existsSync(path.join(prefix, 'lib', 'node_modules', '@daemonset-studio', 'cli', 'node_modules')));

  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', 'workspace', 'log-collector.yaml'), path.join(work, 'ds.yaml'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'agent.yaml'), path.join(work, 'bad.yaml'));

  const lint = run(bin, ['lint', 'ds.yaml'], work);
  assert.equal(lint.code, 0, lint.err);
  assert.match(lint.out, /^ds\.yaml:\d+:\d+ info noReadinessProbe /m);
  assert.match(lint.out, /0 errors, 0 warnings, 1 info in 1 file/);
  const bad = run(bin, ['lint', 'bad.yaml'], work);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /^bad\.yaml:\d+:\d+ error restartPolicyNotAlways /m);
  const sarif = run(bin, ['lint', '--format', 'sarif', 'bad.yaml'], work);
  assert.equal(sarif.code, 1);
  assert.equal(
    JSON.parse(sarif.out).runs[0].tool.driver.version,
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
  );
  assert.equal(run(bin, ['lint', 'missing.yaml'], work).code, 2);

  // The example cluster comes from the installed package, not from a checkout.
  for (const command of ['placement', 'rollout', 'status']) {
    const r = run(bin, [command, 'ds.yaml'], work);
    assert.equal(r.code, 0, `${command}: ${r.err}`);
    assert.match(r.out, /^Cluster: example cluster \(9 nodes, 13 pods\)/, command);
    assert.match(r.out, /fluent-bit/, command);
  }
  const json = run(bin, ['placement', 'ds.yaml', '--format', 'json'], work);
  assert.equal(json.code, 0, json.err);
  assert.ok(JSON.parse(json.out));
  assert.equal(run(bin, ['frobnicate'], work).code, 2);
});

test('the .vsix whitelist ships the extension bundles, not the CLI bundle', () => {
  const lines = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  const shipped = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  for (const f of ['dist/client.js', 'dist/server.js', 'dist/webview.js', 'schemas/daemonset-lint.schema.json'])
    assert.ok(shipped.includes(f), f);
  assert.ok(
    !shipped.some((p) => p === 'dist/*.js' || p === 'dist/**' || p === 'dist/cli.js' || p.startsWith('bin')),
    shipped.join(' '),
  );
});
