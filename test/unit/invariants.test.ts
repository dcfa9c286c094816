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
  const re = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,]*\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
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
    for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      const bare = spec.replace(/^node:/, '');
      const bad =
        spec.startsWith('node:') ||
        builtins.has(bare) ||
        /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|yaml|@kubernetes\/client-node)(\/|$)/.test(spec) ||
        !spec.startsWith('.') ||
        !path.resolve(path.dirname(path.join(ROOT, file)), spec).startsWith(path.join(ROOT, 'server/src/placement'));
      if (bad) offenders.push(`${file} imports '${spec}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('invariant: the client never evaluates manifests (imports from server/ are protocol types only)', () => {
  const offenders: string[] = [];
  for (const file of [...tsFiles('client/src'), ...tsFiles('client/webview')]) {
    for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(path.join(ROOT, file)), spec);
      const rel = path.relative(ROOT, target);
      if (rel.startsWith('server') && !/^server\/src\/(protocol|placement\/types)$/.test(rel)) offenders.push(`${file} imports '${spec}'`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('invariant: features do no IO (no fs, net, http, child_process in server/src/features)', () => {
  const offenders: string[] = [];
  for (const file of tsFiles('server/src/features')) {
    for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      if (/^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls)$/.test(spec) || spec.startsWith('@kubernetes/client-node')) {
        offenders.push(`${file} imports '${spec}'`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
