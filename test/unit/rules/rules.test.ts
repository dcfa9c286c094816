// The rules table: docs/rules.md is what `npm run gen:rules` writes from it, every code the
// diagnostics can report has an entry, and every entry's examples do what the table says (the
// first manifest gets the code with the table's severity, the second does not).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocumentModel, READER_PROBLEM_CODES } from '../../../server/src/model';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import { capDiagnostics, diagnose, ManifestDiagnostic, MORE_DIAGNOSTICS_CODE } from '../../../server/src/features/diagnostics';
import { rolloutDiagnostics } from '../../../server/src/features/rollout/diagnostics';
import { clusterDiagnostics } from '../../../server/src/features/cluster/diagnostics';
import { RULES, Rule } from '../../../server/src/features/diagnostics/rules';
import { BEST_PRACTICE_RULES } from '../../../server/src/features/diagnostics/bestPractices';
import { exampleManifest, renderRulesMarkdown } from '../../../server/src/features/diagnostics/rulesDoc';
import { exampleContext } from '../clusterFeatures/support';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

test('docs/rules.md is generated from the table (run npm run gen:rules)', () => {
  const file = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
  assert.equal(file, renderRulesMarkdown());
});

test('codes are unique and every entry is complete', () => {
  const codes = RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of RULES) {
    assert.match(r.code, /^[a-z][a-zA-Z0-9]+$/, r.code);
    assert.ok(r.summary.length > 20 && r.upstream.length > 5, r.code);
  }
});

/** Every code literal the features pass to a reporter, found in the source. */
function codesInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.startsWith('rules')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\b(?:r\.(?:error|warning|info|add)|report)\(\s*'([a-z][a-zA-Z0-9]+)'/g)) found.add(m[1]!);
        for (const m of text.matchAll(/\bcode: '([a-z][a-zA-Z0-9]+)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'server', 'src', 'features'));
  // The reader's own codes (model/documentModel.ts) and the per-file cap (features/diagnostics/cap.ts).
  for (const { code } of Object.values(READER_PROBLEM_CODES)) found.add(code);
  found.add(MORE_DIAGNOSTICS_CODE);
  return found;
}

test('every code reported in the source has a table entry (rules.ts, or the best-practice table)', () => {
  const table = new Set([...RULES.map((r) => r.code), ...BEST_PRACTICE_RULES.map((r) => r.code)]);
  assert.equal(table.size, RULES.length + BEST_PRACTICE_RULES.length, 'a code is in both tables');
  const missing = [...codesInSource()].filter((c) => !table.has(c)).sort();
  assert.deepEqual(missing, [], 'add an entry to server/src/features/diagnostics/rules.ts');
});

let cluster: Promise<FeatureContext> | undefined;
async function run(r: Rule, which: 'triggers' | 'passes'): Promise<ManifestDiagnostic[]> {
  const model = parseDocumentModel(exampleManifest(r[which]));
  // As the server does (session/diagnosticsPull.ts): static findings capped per file; with a
  // cluster, the placement and rollout findings.
  if (!r.cluster) return capDiagnostics(diagnose(model, defaultContext()));
  cluster ??= exampleContext();
  const ctx = await cluster;
  return [...clusterDiagnostics(model, ctx), ...rolloutDiagnostics(model, ctx)];
}

for (const r of RULES) {
  test(`${r.code}: the first example triggers it, the second does not`, async () => {
    const hit = (await run(r, 'triggers')).filter((d) => d.code === r.code);
    assert.ok(hit.length > 0, `no ${r.code} for:\n${exampleManifest(r.triggers)}`);
    assert.ok(hit.some((d) => d.severity === r.severity), `${r.code}: ${hit.map((d) => `${d.severity} ${d.message}`).join("; ")}`);
    const clean = (await run(r, 'passes')).filter((d) => d.code === r.code);
    assert.deepEqual(clean.map((d) => `${d.path}: ${d.message}`), [], exampleManifest(r.passes));
  });
}
