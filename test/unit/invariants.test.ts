// Checks the Architecture Invariants written in ARCHITECTURE.md by scanning imports.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Every module specifier a file imports or requires (static, dynamic, type-only, re-export). */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,]*\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) specs.push(m[1]);
  return specs;
}

test('the import scanner sees every import form (so the invariants below can fail)', () => {
  const src = `import a from 'x1';\nimport type { B } from "x2";\nimport * as c from 'x3';\nexport { d } from 'x4';\nconst e = require('x5');\nconst f = await import('x6');\nimport 'x7';`;
  assert.deepEqual(importsOf(src), ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
});

test('invariant: the placement engine is pure (no vscode, LSP, yaml, k8s client, node built-ins, nothing outside placement/)', () => {
  const files = tsFiles('server/src/placement');
  assert.ok(files.length > 0, 'server/src/placement has no files');
  const builtins = new Set(require('node:module').builtinModules as string[]);
  const offenders: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const spec of importsOf(source)) {
      const bare = spec.replace(/^node:/, '');
      const bad =
        spec.startsWith('node:') ||
        builtins.has(bare) ||
        /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|yaml|@kubernetes\/client-node)(\/|$)/.test(
          spec,
        ) ||
        !spec.startsWith('.') ||
        !(
          path.resolve(path.dirname(path.join(ROOT, file)), spec).startsWith(path.join(ROOT, 'server/src/placement')) ||
          // the answer's wire types (placement, rollout plan, live status), which import nothing (type-only)
          (['protocol/placement', 'protocol/rollout', 'protocol/live'].some(
            (wire) => path.resolve(path.dirname(path.join(ROOT, file)), spec) === path.join(ROOT, wire),
          ) &&
            typeOnlyFrom(source, spec))
        );
      if (bad) offenders.push(`${file} imports '${spec}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

/** Every import or export of `spec` in `source` is type-only (`import type {…} from`, over any number of lines). */
function typeOnlyFrom(source: string, spec: string): boolean {
  const quoted = spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [...source.matchAll(new RegExp(`\\b(import|export)\\b([^;'"]*?)from\\s*'${quoted}'`, 'g'))];
  return all.length > 0 && all.every((m) => /^\s*type\b/.test(m[2]!));
}

/** Relative imports of `file`, resolved to repository-relative paths (extension-less). */
function relativeImports(file: string): Array<{ spec: string; rel: string }> {
  return importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ spec, rel: path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec)) }));
}

test('invariant: client/ imports nothing from server/ (what it shares with the server is in protocol/)', () => {
  const offenders: string[] = [];
  for (const file of [...tsFiles('client/src'), ...tsFiles('client/webview')]) {
    for (const { spec, rel } of relativeImports(file)) {
      if (rel === 'server' || rel.startsWith('server/')) offenders.push(`${file} imports '${spec}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('invariant: protocol/ imports nothing but its own files and vscode-languageserver-protocol types', () => {
  const files = tsFiles('protocol');
  assert.ok(files.length > 0, 'protocol/ has no files');
  const offenders: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const spec of importsOf(source)) {
      const inside =
        spec.startsWith('.') &&
        !path
          .relative(path.join(ROOT, 'protocol'), path.resolve(path.dirname(path.join(ROOT, file)), spec))
          .startsWith('..');
      const lspTypes =
        /^vscode-languageserver-protocol(\/|$)/.test(spec) &&
        new RegExp(`import\\s+type\\s[^;]*['"]${spec}['"]`).test(source);
      if (!inside && !lspTypes) offenders.push(`${file} imports '${spec}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('invariant: the server and the client name messages and commands through protocol/, not bare strings', () => {
  const offenders: string[] = [];
  for (const file of [...tsFiles('server/src'), ...tsFiles('client/src')]) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of source.matchAll(
      /['"`](daemonset\/[A-Za-z]+|daemonset\.(?:showPlacementPreview|selectClusterSource|reloadCluster))['"`]/g,
    ))
      offenders.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(offenders, []);
});

test('invariant: features do no IO (no fs, net, http, child_process in server/src/features)', () => {
  const offenders: string[] = [];
  for (const file of tsFiles('server/src/features')) {
    for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      if (
        /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls)$/.test(spec) ||
        spec.startsWith('@kubernetes/client-node')
      ) {
        offenders.push(`${file} imports '${spec}'`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

/** The feature a file under server/src/features belongs to: `completion.ts` and `completion/…` are both `completion`. */
export function featureOf(rel: string): string | undefined {
  const m = /^server\/src\/features\/([^/]+?)(?:\.ts)?(?:\/|$)/.exec(rel.split(path.sep).join('/'));
  return m ? m[1] : undefined;
}

/** Shared lower-level modules under features/ that every feature may import. */
const SHARED_FEATURE_MODULES = new Set(['context']);

/** Imports from one feature into another, as `file imports 'spec'` lines. */
export function crossFeatureImports(files: ReadonlyArray<{ file: string; source: string }>): string[] {
  const offenders: string[] = [];
  for (const { file, source } of files) {
    const own = featureOf(file);
    if (own === undefined) continue;
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue;
      const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
      const other = featureOf(target);
      if (other !== undefined && other !== own && !SHARED_FEATURE_MODULES.has(other))
        offenders.push(`${file} imports '${spec}'`);
    }
  }
  return offenders;
}

test('the feature rule can fail: an import from one feature into another is found', () => {
  const files = [
    {
      file: 'server/src/features/codeLens.ts',
      source:
        "import { placementResponse } from './placementAnswer';\nimport type { FeatureContext } from './context';",
    },
    {
      file: 'server/src/features/completion/valueChoices.ts',
      source:
        "import { factsAt } from '../hover';\nimport { x } from './objectValues';\nimport { y } from '../completion';",
    },
    {
      file: 'server/src/features/cluster/codeActions.ts',
      source:
        "import {\n  clusterDiagnostics,\n} from './diagnostics';\nimport type { M } from '../diagnostics/reporter';",
    },
  ];
  assert.deepEqual(crossFeatureImports(files), [
    "server/src/features/codeLens.ts imports './placementAnswer'",
    "server/src/features/completion/valueChoices.ts imports '../hover'",
    "server/src/features/cluster/codeActions.ts imports '../diagnostics/reporter'",
  ]);
});

test('invariant: features do not import each other (features/X imports no features/Y, Y ≠ X, except features/context.ts)', () => {
  const files = tsFiles('server/src/features').map((file) => ({
    file,
    source: fs.readFileSync(path.join(ROOT, file), 'utf8'),
  }));
  assert.ok(files.length > 10, 'server/src/features has too few files');
  assert.deepEqual(crossFeatureImports(files), []);
});
