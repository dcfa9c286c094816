// package.json declares the commands and settings that protocol/ defines: the two must agree.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, DEFAULT_CLUSTER_SETTINGS, DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../../protocol';
import { TRACE_SERVER_SETTING } from '../../../protocol/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json contributes exactly the command ids protocol/commands.ts defines', () => {
  const declared = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
  assert.deepEqual(declared, [...COMMANDS].sort());
});

test('settings have a markdownDescription and an order; live-cluster ones are tagged usesOnlineServices', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; order?: number; tags?: string[] }>;
  for (const [k, v] of Object.entries(props)) {
    assert.ok(v.markdownDescription, `${k}: markdownDescription`);
    assert.equal(typeof v.order, 'number', `${k}: order`);
  }
  for (const k of ['daemonset.cluster.kubeconfig', 'daemonset.cluster.context', 'daemonset.cluster.resourceFit', 'daemonset.cluster.timeoutMs']) {
    assert.deepEqual(props[k]!.tags, ['usesOnlineServices'], k);
  }
  for (const c of pkg.contributes.commands as Array<{ command: string; icon?: string }>) assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, `${c.command}: icon`);
});

test('every command named in package.json menus is a defined command', () => {
  const named: string[] = [];
  for (const entries of Object.values(pkg.contributes.menus ?? {}) as Array<Array<{ command?: string }>>) {
    for (const e of entries) if (e.command) named.push(e.command);
  }
  for (const c of named) assert.ok((COMMANDS as readonly string[]).includes(c), `menu names unknown command ${c}`);
});

test('package.json settings are exactly the keys of the settings type, with the same defaults', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
  const expected: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.diagnostics)) expected[`${SETTINGS_SECTION}.diagnostics.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.rollout ?? {})) expected[`${SETTINGS_SECTION}.rollout.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.helm ?? {})) expected[`${SETTINGS_SECTION}.helm.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_CLUSTER_SETTINGS)) expected[`${SETTINGS_SECTION}.cluster.${k}`] = v;
  expected[`${SETTINGS_SECTION}.${TRACE_SERVER_SETTING.key}`] = TRACE_SERVER_SETTING.default;
  const declared: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) declared[k] = v.default;
  assert.deepEqual(declared, expected);
});
