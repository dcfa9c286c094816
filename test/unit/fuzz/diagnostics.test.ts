// Diagnostics, completion, hover and quick fixes fuzzed with corpus mutations: real manifests (the
// vendored slice in test/fixtures/corpus, plus ../shared/corpus when present) cut, shuffled and
// corrupted by a seeded PRNG (see mutations.ts). Every mutant must get an answer from the same
// entries the server calls, and nothing may throw. The mutants are the same on every run; a failure
// names the mutant (file, index, mutations) so it can be reproduced and turned into a unit test.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { loadExampleCluster } from '../../../server/src/cluster/exampleCluster';
import { clusterDiagnostics } from '../../../server/src/features/cluster/diagnostics';
import { clusterHover } from '../../../server/src/features/cluster/hover';
import { codeActions } from '../../../server/src/features/codeActions';
import { complete } from '../../../server/src/features/completion';
import { defaultContext, type FeatureContext } from '../../../server/src/features/context';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { hover } from '../../../server/src/features/hover';
import { parseDocumentModel, READER_PROBLEM_CODES, type DocumentModel } from '../../../server/src/model';
import { applyEdits, sharedCorpus, vendoredCorpus } from '../../support/corpus';
import { REPO_ROOT, sharedMissing } from '../../support/shared';
import { mutants, rng, type Mutant } from './mutations';

/** Diagnostic codes of what the reader itself finds (documentModel.ts READER_PROBLEM_CODES). */
const READER_CODES = new Set(Object.values(READER_PROBLEM_CODES).map((c) => c.code));

const COUNT = 600;
const SEVERITIES = new Set(['error', 'warning', 'info']);

interface Tally {
  mutants: number;
  skippedFiles: number;
  syntaxErrors: number;
  checkedDaemonSets: number;
  withErrors: number;
  fixesApplied: number;
  completions: number;
  hovers: number;
  codes: Set<string>;
}

function inRange(
  model: DocumentModel,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  what: string,
): void {
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  assert.ok(range.start.line >= 0 && range.start.character >= 0, `${what}: negative start`);
  assert.ok(
    start <= end && end <= model.text.length,
    `${what}: range ${start}..${end} outside 0..${model.text.length}`,
  );
}

/** Runs every entry the server runs on a document and checks the answers are well-formed. */
function check(m: Mutant, plain: FeatureContext, withCluster: FeatureContext, tally: Tally, seed: number): void {
  const model = parseDocumentModel(m.text);
  const diagnostics = diagnose(model, plain);
  assert.ok(Array.isArray(diagnostics));
  tally.mutants++;
  if (model.skipped !== undefined) {
    tally.skippedFiles++;
    // A file that is not checked says so, once.
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['fileSkipped'],
    );
    return;
  }
  if (model.problems.length > 0) tally.syntaxErrors++;
  if (model.problems.length > 0 && model.templates.length === 0) {
    // A syntax error, or what the reader itself found (too deep, encoding, line breaks).
    assert.ok(
      diagnostics.some((d) => d.code === 'yamlSyntax' || READER_CODES.has(d.code)),
      'a YAML syntax problem is reported',
    );
  }
  if (model.daemonSets.some((d) => d.document.errors.length === 0)) tally.checkedDaemonSets++;
  const lsp: Diagnostic[] = [];
  for (const d of diagnostics) {
    assert.ok(SEVERITIES.has(d.severity), `severity ${d.severity}`);
    assert.ok(typeof d.code === 'string' && d.code.length > 0, 'a code');
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${d.code}: a message`);
    assert.ok(typeof d.path === 'string', `${d.code}: a path`);
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= m.text.length, `${d.code}: offsets ${d.start}..${d.end}`);
    const l = toLspDiagnostic(model, d);
    inRange(model, l.range, d.code);
    lsp.push(l);
    tally.codes.add(d.code);
  }
  if (diagnostics.some((d) => d.severity === 'error')) tally.withErrors++;

  for (const d of clusterDiagnostics(model, withCluster)) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= m.text.length, `cluster ${d.code}: offsets`);
    inRange(model, toLspDiagnostic(model, d).range, d.code);
  }

  // Quick fixes: every one applies to a text the model reads again without throwing.
  const whole = { start: { line: 0, character: 0 }, end: model.lines.positionAt(m.text.length) };
  for (const action of codeActions(model, 'file:///m.yaml', whole, lsp, plain)) {
    const edits = (action.edit?.changes?.['file:///m.yaml'] ?? []) as TextEdit[];
    for (const e of edits) inRange(model, e.range, action.title);
    const fixed = parseDocumentModel(applyEdits(model, edits));
    assert.ok(Array.isArray(diagnose(fixed, plain)));
    tally.fixesApplied++;
  }

  // Completion and hover at both ends and at two places chosen by the PRNG (completion reparses
  // the document, so the cluster-aware completion runs at one of them only).
  const r = rng(seed);
  const offsets = [0, m.text.length, ...Array.from({ length: 2 }, () => Math.floor(r() * (m.text.length + 1)))];
  offsets.forEach((offset, i) => {
    for (const ctx of i === 2 ? [plain, withCluster] : [plain]) {
      const list = complete(model, offset, ctx);
      assert.ok(Array.isArray(list.items));
      for (const item of list.items) {
        assert.ok(typeof item.label === 'string' && item.label.length > 0, 'an item label');
        const edit = item.textEdit as TextEdit | undefined;
        if (edit) inRange(model, edit.range, `completion ${item.label}`);
      }
      tally.completions += list.items.length;
    }
    const h = hover(model, offset, plain);
    if (h !== null) {
      assert.ok(h.contents !== undefined);
      tally.hovers++;
    }
    const ch = clusterHover(model, offset, withCluster);
    if (ch !== null) assert.ok(ch.contents !== undefined);
  });
}

async function fuzz(sources: ReadonlyArray<{ file: string; text: string }>, seed: number): Promise<Tally> {
  const plain = defaultContext();
  const withCluster: FeatureContext = {
    ...plain,
    cluster: { source: 'example cluster', readAt: '2026-01-01T00:00:00Z', state: await loadExampleCluster(REPO_ROOT) },
  };
  const tally: Tally = {
    mutants: 0,
    skippedFiles: 0,
    syntaxErrors: 0,
    checkedDaemonSets: 0,
    withErrors: 0,
    fixesApplied: 0,
    completions: 0,
    hovers: 0,
    codes: new Set(),
  };
  mutants(sources, COUNT, seed).forEach((m, i) => {
    try {
      check(m, plain, withCluster, tally, seed + i);
    } catch (e) {
      const what = `mutant ${i} of seed ${seed} (${m.file}: ${m.applied.join(', ')})`;
      if (e instanceof assert.AssertionError) e.message = `${what}: ${e.message}`;
      else throw new Error(`${what} threw: ${e instanceof Error ? e.stack : String(e)}`);
      throw e;
    }
  });
  return tally;
}

function report(t: test.TestContext, tally: Tally): void {
  t.diagnostic(
    `${tally.mutants} mutants: ${tally.syntaxErrors} with YAML syntax errors, ${tally.skippedFiles} files not checked, ` +
      `${tally.checkedDaemonSets} with a DaemonSet checked, ${tally.withErrors} with errors, ${tally.fixesApplied} quick fixes applied, ` +
      `${tally.completions} completion items, ${tally.hovers} hovers, ${tally.codes.size} distinct codes`,
  );
}

test(`fuzz: ${COUNT} mutants of the vendored corpus get answers from diagnostics, quick fixes, completion and hover`, async (t) => {
  const tally = await fuzz(vendoredCorpus(), 20260608);
  report(t, tally);
  assert.equal(tally.mutants, COUNT);
  // Not vacuous: the mutants reach the rules, not only the YAML parser.
  assert.ok(tally.checkedDaemonSets > COUNT / 4, `only ${tally.checkedDaemonSets} mutants had a DaemonSet checked`);
  assert.ok(tally.syntaxErrors > COUNT / 5, `only ${tally.syntaxErrors} mutants had syntax errors`);
  assert.ok(tally.fixesApplied > 10, `only ${tally.fixesApplied} quick fixes applied`);
  assert.ok(tally.codes.size >= 10, `only ${tally.codes.size} distinct codes: ${[...tally.codes].join(', ')}`);
  assert.ok(tally.completions > 0 && tally.hovers > 0);
});

test(`fuzz: ${COUNT} mutants of the ../shared corpus`, { skip: sharedMissing('corpus/daemonsets') }, async (t) => {
  const tally = await fuzz(sharedCorpus(), 20260609);
  report(t, tally);
  assert.equal(tally.mutants, COUNT);
  assert.ok(tally.checkedDaemonSets > COUNT / 4, `only ${tally.checkedDaemonSets} mutants had a DaemonSet checked`);
});
