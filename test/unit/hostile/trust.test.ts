// Issue 10: settings a workspace could use against the user are restricted in untrusted
// workspaces (VS Code then ignores their workspace values: only user settings count).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, { description?: string }> } };
};

test('every setting that names a file, a command source or a cluster is restricted when untrusted', () => {
  const restricted = new Set(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations);
  for (const name of [
    'daemonset.cluster.kubeconfig',
    'daemonset.cluster.context',
    'daemonset.cluster.source',
    'daemonset.cluster.snapshotPath',
    'daemonset.cluster.podsPath',
  ]) {
    assert.ok(name in pkg.contributes.configuration.properties, `${name} is a setting`);
    assert.ok(restricted.has(name), `${name} is restricted`);
  }
  // Path settings are found by their description: a new one must be restricted too.
  for (const [name, p] of Object.entries(pkg.contributes.configuration.properties)) {
    if (/\b(file|path)\b/i.test(p.description ?? '') && name !== 'daemonset.diagnostics.enable')
      assert.ok(restricted.has(name), `${name} names a file: restrict it`);
  }
});
