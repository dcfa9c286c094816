// Keeps ARCHITECTURE.md true: every path it names exists, every Architecture Invariant names the
// test that checks it, and the invariants not covered by invariants.test.ts are checked here.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARCH = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');

function files(dir: string, ext: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') out.push(...files(rel, ext));
    } else if (ext.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Repository paths written in backquotes: `a/b.ts`, `a/b/` (globs and commands left out). */
export function namedPaths(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1];
    if (
      !/^(package\.json|protocol\/|client\/|server\/|test\/|scripts\/|bench\/|docs\/|syntaxes\/|examples\/|CONTRIBUTING\.md)/.test(
        p,
      )
    )
      continue;
    if (/[*<>{}]/.test(p)) continue;
    out.add(p.replace(/\/$/, ''));
  }
  return [...out];
}

test('the path scanner finds backquoted repository paths (so the next test can fail)', () => {
  assert.deepEqual(namedPaths('see `server/src/x.ts` and `client/` but not `npm test` or `dist/*.js`'), [
    'server/src/x.ts',
    'client',
  ]);
});

test('every path ARCHITECTURE.md names exists', () => {
  const missing = namedPaths(ARCH).filter((p) => !fs.existsSync(path.join(ROOT, p)));
  assert.deepEqual(missing, []);
});

test('every Architecture Invariant says which test checks it, and that test exists', () => {
  // Each invariant is one bullet: up to the next bullet or the next blank line.
  const invariants = ARCH.split(/\n- /)
    .map((item) => item.split('\n\n')[0])
    .filter((item) => item.includes('**Architecture Invariant:'));
  assert.ok(invariants.length >= 8, `found ${invariants.length} invariants`);
  for (const item of invariants) {
    const title = /\*\*Architecture Invariant: ([^*]+)\*\*/.exec(item)?.[1] ?? item.slice(0, 60);
    const checked = /\(checked by\s([\s\S]*?)\)\s*$/.exec(item.trim());
    assert.ok(checked, `invariant "${title}" does not say which test checks it`);
    const tests = [...checked[1].matchAll(/`(test\/[^`]+\.ts)`/g)].map((m) => m[1]);
    assert.ok(tests.length > 0, `invariant "${title}" names no test file`);
    for (const t of tests) assert.ok(fs.existsSync(path.join(ROOT, t)), `invariant "${title}": ${t} does not exist`);
  }
});

test('invariant: ARCHITECTURE.md stays short (about 200 lines)', () => {
  assert.ok(ARCH.split('\n').length <= 230, `ARCHITECTURE.md has ${ARCH.split('\n').length} lines`);
});

test('invariant: every test that reads ../shared goes through test/support/shared.ts', () => {
  const offenders = files('test', /\.ts$/)
    .filter((f) => f !== path.join('test', 'support', 'shared.ts'))
    .filter((f) => f !== path.join('test', 'unit', 'architecture.test.ts'))
    // A path built to ../shared: path.join(ROOT, '..', 'shared') or a literal starting '../shared'.
    .filter((f) =>
      /['"]\.\.['"]\s*,\s*['"]shared['"]|['"`]\.\.\/shared/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
  assert.deepEqual(offenders, []);
});

test('invariant: no script or test downloads a binary (no curl, wget, playwright install)', () => {
  const offenders: string[] = [];
  for (const f of [...files('scripts', /\.(sh|mjs|py)$/), ...files('test', /\.(ts|sh)$/), '.ci/run']) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const line of text.split('\n')) {
      if (/^\s*(#|\/\/)/.test(line)) continue;
      if (f.endsWith('architecture.test.ts')) continue;
      if (/\b(curl|wget)\s|playwright\s+install|@vscode\/test-electron.*download/.test(line))
        offenders.push(`${f}: ${line.trim()}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test("invariant: one place for each Kubernetes rule (outside the engine, rule functions only word the engine's answer)", () => {
  // The engine's rule names. A module outside placement/ that defines a function of such a name
  // must import the engine's module for that rule (it words the engine's answer); and no module
  // outside placement/ carries the label-syntax or DNS-1123 patterns themselves.
  const ruleNames =
    /function\s+(isQualifiedName|isValidLabelValue|isLabelValue|isDNS1123(Label|Subdomain)|labelSelectorMatches|requirementMatches|daemonPodTolerations|toleratesTaint)\b/;
  const engineImport = /from\s+['"][./]*placement(\/(labelSyntax|labelSelector|tolerations|index))?['"]/;
  const patterns = /\[-A-Za-z0-9_\.\]|\[a-z0-9\]\(\[-a-z0-9\]\*\[a-z0-9\]\)/;
  const offenders: string[] = [];
  for (const f of files('server/src', /\.ts$/)) {
    if (f.startsWith(path.join('server', 'src', 'placement'))) continue;
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    if (ruleNames.test(text) && !engineImport.test(text)) offenders.push(`${f} defines a rule without the engine`);
    if (patterns.test(text)) offenders.push(`${f} carries a label/DNS-1123 pattern`);
  }
  assert.deepEqual(offenders, []);
});
