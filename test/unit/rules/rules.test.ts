// The rules table: docs/rules.md is what `npm run gen:rules` writes from it, every code the
// diagnostics can report has an entry, and every entry's examples do what the table says (the
// first manifest gets the code with the table's severity, the second does not).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocumentModel, READER_PROBLEM_CODES } from '../../../server/src/model';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import {
  capDiagnostics,
  diagnose,
  ManifestDiagnostic,
  MORE_DIAGNOSTICS_CODE,
} from '../../../server/src/features/diagnostics';
import { rolloutDiagnostics } from '../../../server/src/features/rollout/diagnostics';
import { clusterDiagnostics } from '../../../server/src/features/cluster/diagnostics';
import { RULES, Rule } from '../../../server/src/features/diagnostics/rules';
import { COMPARED } from '../../../server/src/features/diagnostics/rulesCompared';
import {
  exampleManifest,
  renderBestPracticesMarkdown,
  renderRulesMarkdown,
} from '../../../server/src/features/diagnostics/rulesDoc';
import { applyLintConfig } from '../../../server/src/lintConfig';
import { parseSnapshot } from '../../../server/src/cluster/snapshot';
import { DEFAULT_SETTINGS } from '../../../server/src/features/context';
import { exampleContext } from '../clusterFeatures/support';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

test('docs/rules.md and docs/best-practices.md are generated from the table (run npm run gen:rules)', () => {
  assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8'), renderRulesMarkdown());
  assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'best-practices.md'), 'utf8'), renderBestPracticesMarkdown());
});

test('best practices are never errors; cluster rules and only they have nodes', () => {
  const bp = RULES.filter((r) => r.bestPractice);
  assert.ok(bp.length >= 12, `${bp.length}`);
  for (const r of bp) assert.notEqual(r.severity, 'error', r.code);
  for (const r of RULES) if (r.nodes) assert.ok(r.cluster, r.code);
});

test('the comparison with kube-linter, Polaris and Datree names only codes of the table, and every best practice', () => {
  const codes = new Set(RULES.map((r) => r.code));
  const named = COMPARED.flatMap((row) => row.ours);
  assert.deepEqual(
    named.filter((c) => !codes.has(c)),
    [],
  );
  assert.deepEqual(
    RULES.filter((r) => r.bestPractice && !named.includes(r.code)).map((r) => r.code),
    [],
  );
  for (const row of COMPARED)
    assert.equal(row.ours.length === 0, row.verdict === 'not covered' || row.verdict === 'not applicable', row.note);
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
        for (const m of text.matchAll(/\b(?:r\.(?:error|warning|info|add)|report)\(\s*'([a-z][a-zA-Z0-9]+)'/g))
          found.add(m[1]!);
        for (const m of text.matchAll(/\bcode: '([a-z][a-zA-Z0-9]+)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'server', 'src', 'features'));
  // The suppressions' own code (lintConfig/index.ts SUPPRESSION_CODES).
  walk(path.join(ROOT, 'server', 'src', 'lintConfig'));
  // The reader's own codes (model/documentModel.ts) and the per-file cap (features/diagnostics/cap.ts).
  for (const { code } of Object.values(READER_PROBLEM_CODES)) found.add(code);
  found.add(MORE_DIAGNOSTICS_CODE);
  return found;
}

test('every code reported in the source has an entry in the one table (rules.ts)', () => {
  const table = new Set(RULES.map((r) => r.code));
  const missing = [...codesInSource()].filter((c) => !table.has(c)).sort();
  assert.deepEqual(missing, [], 'add an entry to server/src/features/diagnostics/rules.ts');
});

let cluster: Promise<FeatureContext> | undefined;
async function run(r: Rule, which: 'triggers' | 'passes'): Promise<ManifestDiagnostic[]> {
  const model = parseDocumentModel(exampleManifest(r[which]));
  // As the server does (session/diagnosticsPull.ts): static findings capped per file, the file's
  // suppressions applied (no .daemonset-lint.yaml); with a cluster, the placement and rollout findings.
  if (!r.cluster) return applyLintConfig(model, capDiagnostics(diagnose(model, defaultContext())));
  let ctx: FeatureContext;
  if (r.nodes) {
    const { nodes } = parseSnapshot(r.nodes.yaml, `${r.code} nodes`, 'nodes');
    ctx = {
      settings: DEFAULT_SETTINGS,
      cluster: { source: r.nodes.description, readAt: '2025-06-12T08:41:07Z', state: { nodes, pods: [] } },
    };
  } else {
    cluster ??= exampleContext();
    ctx = await cluster;
  }
  return applyLintConfig(model, [...clusterDiagnostics(model, ctx), ...rolloutDiagnostics(model, ctx)]);
}

for (const r of RULES) {
  test(`${r.code}: the first example triggers it, the second does not`, async () => {
    const hit = (await run(r, 'triggers')).filter((d) => d.code === r.code);
    assert.ok(hit.length > 0, `no ${r.code} for:\n${exampleManifest(r.triggers)}`);
    assert.ok(
      hit.some((d) => d.severity === r.severity),
      `${r.code}: ${hit.map((d) => `${d.severity} ${d.message}`).join('; ')}`,
    );
    const clean = (await run(r, 'passes')).filter((d) => d.code === r.code);
    assert.deepEqual(
      clean.map((d) => `${d.path}: ${d.message}`),
      [],
      exampleManifest(r.passes),
    );
  });
}
