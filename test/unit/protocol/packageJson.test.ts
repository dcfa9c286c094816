// package.json declares the commands and settings that protocol/ defines: the two must agree.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  COMMANDS,
  DEFAULT_CLUSTER_SETTINGS,
  DEFAULT_SETTINGS,
  HAS_DAEMONSET_CONTEXT,
  SETTINGS_SECTION,
  SHOW_PREVIEW_COMMAND,
} from '../../../protocol';
import { EXAMPLE_DAEMONSET } from '../../../client/src/walkthrough';
import { TRACE_SERVER_SETTING } from '../../../protocol/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json contributes exactly the command ids protocol/commands.ts defines', () => {
  const declared = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
  assert.deepEqual(declared, [...COMMANDS].sort());
});

test('settings have a markdownDescription and an order; live-cluster ones are tagged usesOnlineServices', () => {
  const props = pkg.contributes.configuration.properties as Record<
    string,
    { markdownDescription?: string; order?: number; tags?: string[] }
  >;
  for (const [k, v] of Object.entries(props)) {
    assert.ok(v.markdownDescription, `${k}: markdownDescription`);
    assert.equal(typeof v.order, 'number', `${k}: order`);
  }
  for (const k of [
    'daemonset.cluster.kubeconfig',
    'daemonset.cluster.context',
    'daemonset.cluster.resourceFit',
    'daemonset.cluster.timeoutMs',
  ]) {
    assert.deepEqual(props[k]!.tags, ['usesOnlineServices'], k);
  }
  for (const c of pkg.contributes.commands as Array<{ command: string; icon?: string }>)
    assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, `${c.command}: icon`);
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
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.diagnostics))
    expected[`${SETTINGS_SECTION}.diagnostics.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.rollout ?? {})) expected[`${SETTINGS_SECTION}.rollout.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS.helm ?? {})) expected[`${SETTINGS_SECTION}.helm.${k}`] = v;
  for (const [k, v] of Object.entries(DEFAULT_CLUSTER_SETTINGS)) expected[`${SETTINGS_SECTION}.cluster.${k}`] = v;
  expected[`${SETTINGS_SECTION}.${TRACE_SERVER_SETTING.key}`] = TRACE_SERVER_SETTING.default;
  const declared: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) declared[k] = v.default;
  assert.deepEqual(declared, expected);
});

type MenuEntry = { command?: string; when?: string; group?: string };
const menus = (pkg.contributes.menus ?? {}) as Record<string, MenuEntry[]>;
const commandById = new Map(
  (pkg.contributes.commands as Array<{ command: string; icon?: string }>).map((c) => [c.command, c]),
);

test('the preview command shows in editor menus and the palette only where the context key says a DaemonSet is open', () => {
  let seen = 0;
  for (const [menu, entries] of Object.entries(menus)) {
    for (const e of entries.filter((x) => x.command === SHOW_PREVIEW_COMMAND)) {
      seen++;
      assert.ok(
        e.when?.split(/\s*&&\s*/).includes(HAS_DAEMONSET_CONTEXT),
        `${menu}: when '${e.when}' must require ${HAS_DAEMONSET_CONTEXT}`,
      );
      assert.doesNotMatch(e.when ?? '', /\|\|/, `${menu}: an || would let it show elsewhere`);
    }
  }
  assert.ok(seen >= 3, 'editor/title, editor/context and commandPalette name the preview command');
  // No menu item of this extension shows on every YAML file.
  for (const [menu, entries] of Object.entries(menus)) {
    for (const e of entries) assert.notEqual(e.when?.trim(), 'resourceLangId == yaml', `${menu}: ${e.command}`);
  }
});

test('every command in a title or context menu has a codicon; panel title actions name the preview webview', () => {
  for (const menu of ['editor/title', 'editor/context']) {
    for (const e of menus[menu] ?? [])
      assert.match(commandById.get(e.command!)?.icon ?? '', /^\$\([a-z-]+\)$/, `${menu}: ${e.command} has no icon`);
  }
  const panelActions = (menus['editor/title'] ?? []).filter((e) => /activeWebviewPanelId/.test(e.when ?? ''));
  assert.deepEqual(panelActions.map((e) => e.command).sort(), [
    'daemonset.reloadCluster',
    'daemonset.selectClusterSource',
  ]);
  const viewType = (pkg.activationEvents as string[])
    .find((a) => a.startsWith('onWebviewPanel:'))!
    .slice('onWebviewPanel:'.length);
  for (const e of panelActions) assert.equal(e.when, `activeWebviewPanelId == '${viewType}'`);
});

/** The .vsix whitelist (.vscodeignore): `**` then `!pattern` lines; does it ship `file`? */
function ships(file: string): boolean {
  const lines = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  return lines
    .filter((l) => l.startsWith('!'))
    .some((l) => {
      const re = l
        .slice(1)
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\u0000/g, '.*');
      return new RegExp(`^${re}$`).test(file);
    });
}

test('the walkthrough: its markdown exists and ships, its links and completion events name real commands and settings', () => {
  const walkthroughs = pkg.contributes.walkthroughs as Array<{
    id: string;
    steps: Array<{
      id: string;
      description: string;
      media: { markdown?: string; image?: string };
      completionEvents?: string[];
    }>;
  }>;
  assert.equal(walkthroughs.length, 1);
  const steps = walkthroughs[0]!.steps;
  assert.deepEqual(
    steps.map((s) => s.id),
    ['openExample', 'pickClusterSource', 'runInCi'],
  );
  const settings = Object.keys(pkg.contributes.configuration.properties);
  for (const step of steps) {
    const media = step.media.markdown ?? step.media.image;
    assert.ok(media && fs.existsSync(path.join(ROOT, media)), `${step.id}: media ${media} is missing`);
    assert.ok(ships(media!), `${step.id}: ${media} is not in the .vsix`);
    for (const m of step.description.matchAll(/\(command:([\w.]+)/g))
      assert.ok((COMMANDS as readonly string[]).includes(m[1]!), `${step.id}: link to unknown command ${m[1]}`);
    for (const ev of step.completionEvents ?? []) {
      const [kind, arg] = ev.split(':');
      if (kind === 'onCommand') assert.ok((COMMANDS as readonly string[]).includes(arg!), `${step.id}: ${ev}`);
      else if (kind === 'onSettingChanged') assert.ok(settings.includes(arg!), `${step.id}: ${ev}`);
      else assert.equal(ev, 'onStepSelected', `${step.id}: ${ev}`);
    }
  }
  const example = EXAMPLE_DAEMONSET.join('/');
  assert.ok(fs.existsSync(path.join(ROOT, example)) && ships(example), `${example} must exist and ship`);
  assert.ok(
    !ships('examples/workspace/mistakes.yaml') && !ships('client/src/extension.ts'),
    'the whitelist matcher accepts everything',
  );
});

test('marketplace metadata: a 128x128 PNG icon that ships, gallery banner, repository, bugs, homepage', () => {
  assert.equal(pkg.icon, 'media/icon.png');
  assert.ok(ships(pkg.icon));
  const png = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
  assert.match(pkg.bugs.url, /\/issues$/);
  assert.match(pkg.homepage, /^https:\/\//);
});
