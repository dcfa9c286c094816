// Published Helm chart templates of DaemonSets (test/fixtures/helm, sources in SOURCES.md), checked
// as templates: no crash, no false error on the unmodified files, and a mistake planted in a
// literal part is reported. The rates are computed here and asserted (issue 11: at least 90%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'helm');

interface Template {
  name: string;
  text: string;
}

function templates(): Template[] {
  const out: Template[] = [];
  for (const chart of fs.readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, chart, 'templates');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      if (/^kind: DaemonSet\s*$/m.test(text)) out.push({ name: `${chart}/${file}`, text });
    }
  }
  return out;
}

interface Finding {
  code: string;
  severity: string;
  path: string;
}

function check(text: string): Finding[] {
  const model = parseDocumentModel(text);
  const ds = diagnose(model, defaultContext());
  for (const d of ds) toLspDiagnostic(model, d);
  return ds.map((d) => ({ code: d.code, severity: d.severity, path: d.path }));
}

// --- planting mistakes in literal lines -------------------------------------------------------

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const literal = (line: string) => line.trim() !== '' && !line.includes('{{') && !line.trim().startsWith('#');

/** Line numbers [from, to) of the DaemonSet document (the one with `kind: DaemonSet`). */
function daemonSetDocument(lines: string[]): [number, number] {
  const kind = lines.findIndex((l) => /^kind: DaemonSet\s*$/.test(l));
  let from = kind;
  while (from > 0 && !/^---/.test(lines[from - 1]!)) from--;
  let to = kind + 1;
  while (to < lines.length && !/^---/.test(lines[to]!)) to++;
  return [from, to];
}

/** The top-level `spec:` line and the indentation of its literal children. */
function specOf(lines: string[]): { line: number; indent: number } | undefined {
  const [from, to] = daemonSetDocument(lines);
  const line = lines.findIndex((l, i) => i >= from && i < to && /^spec:\s*$/.test(l));
  if (line < 0) return undefined;
  for (let i = line + 1; i < to; i++) {
    if (literal(lines[i]!)) return { line, indent: indentOf(lines[i]!) > 0 ? indentOf(lines[i]!) : 2 };
  }
  return { line, indent: 2 };
}

interface Plant {
  kind: 'unknownField' | 'wrongType' | 'selectorMismatch';
  text: string;
  /** The finding expected: its code and (a prefix of) its path. */
  expect: { code: string; path: string };
}

function plantUnknownField(text: string): Plant | undefined {
  const lines = text.split('\n');
  const spec = specOf(lines);
  if (!spec) return undefined;
  lines.splice(spec.line + 1, 0, `${' '.repeat(spec.indent)}replicas: 3`);
  return { kind: 'unknownField', text: lines.join('\n'), expect: { code: 'unknownField', path: 'spec.replicas' } };
}

function plantWrongType(text: string): Plant | undefined {
  const lines = text.split('\n');
  const spec = specOf(lines);
  if (!spec) return undefined;
  const [, to] = daemonSetDocument(lines);
  const existing = lines.findIndex(
    (l, i) => i > spec.line && i < to && new RegExp(`^ {${spec.indent}}minReadySeconds:`).test(l),
  );
  const planted = `${' '.repeat(spec.indent)}minReadySeconds: soon`;
  if (existing >= 0) lines[existing] = planted;
  else lines.splice(spec.line + 1, 0, planted);
  return { kind: 'wrongType', text: lines.join('\n'), expect: { code: 'wrongType', path: 'spec.minReadySeconds' } };
}

/** Literal `key: value` children of the line `at` (a `matchLabels:` or `labels:` line). */
function literalEntries(lines: string[], at: number): Map<string, number> {
  const out = new Map<string, number>();
  const base = indentOf(lines[at]!);
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (literal(l) && indentOf(l) <= base) break;
    const m = /^\s*([A-Za-z0-9][\w./-]*):\s+("?)([\w.-]+)\2\s*$/.exec(l);
    if (m && literal(l) && indentOf(l) > base) out.set(m[1]!, i);
  }
  return out;
}

/** Changes a literal template label whose key the selector also matches literally. */
function plantSelectorMismatch(text: string): Plant | undefined {
  const lines = text.split('\n');
  const [from, to] = daemonSetDocument(lines);
  const selector = lines.findIndex((l, i) => i >= from && i < to && /^\s+matchLabels:\s*$/.test(l));
  const template = lines.findIndex((l, i) => i > selector && i < to && /^ {2}template:\s*$/.test(l));
  if (selector < 0 || template < 0) return undefined;
  const labels = lines.findIndex((l, i) => i > template && i < to && /^\s+labels:\s*$/.test(l));
  if (labels < 0) return undefined;
  const want = literalEntries(lines, selector);
  const have = literalEntries(lines, labels);
  for (const [key, line] of have) {
    if (!want.has(key)) continue;
    lines[line] = lines[line]!.replace(/:\s+("?)([\w.-]+)\1\s*$/, ': $1$2-planted$1');
    // Reported on the labels, or on the label itself when the rest of the labels is templated.
    return {
      kind: 'selectorMismatch',
      text: lines.join('\n'),
      expect: { code: 'selectorMismatch', path: 'spec.template.metadata.labels' },
    };
  }
  return undefined;
}

// Findings on the unmodified templates that are true: each is a mistake in the published chart.
const TRUE_FINDINGS = new Set([
  // `name: "webhookTemplate"`: a volume name must be a lowercase DNS-1123 label.
  'aws-node-termination-handler/daemonset.linux.yaml invalidName spec.template.spec.volumes[1].name',
  // `updateStrategy:` under `spec.template` (inside `{{- with .Values.updateStrategy }}`) is not a
  // field of a pod template; the API server drops it.
  'fluent-bit/daemonset.yaml unknownField spec.template.updateStrategy',
]);

test('published chart templates: at least 40, no crash, no false error, planted mistakes reported', (t) => {
  const all = templates();
  assert.ok(all.length >= 40, `only ${all.length} templates in ${FIXTURES}`);
  const crashes: string[] = [];
  const falseErrors: string[] = [];
  for (const tpl of all) {
    try {
      for (const f of check(tpl.text)) {
        if (f.severity !== 'error') continue;
        const id = `${tpl.name} ${f.code} ${f.path}`;
        if (!TRUE_FINDINGS.has(id)) falseErrors.push(id);
      }
    } catch (e) {
      crashes.push(`${tpl.name}: ${(e as Error).stack}`);
    }
  }
  const tally = new Map<string, { planted: number; reported: number; missed: string[] }>();
  const perTemplate: Array<{ name: string; planted: number; reported: number }> = [];
  for (const tpl of all) {
    let planted = 0;
    let reported = 0;
    for (const plant of [plantUnknownField(tpl.text), plantWrongType(tpl.text), plantSelectorMismatch(tpl.text)]) {
      if (!plant) continue;
      const row = tally.get(plant.kind) ?? { planted: 0, reported: 0, missed: [] };
      tally.set(plant.kind, row);
      row.planted++;
      planted++;
      try {
        const found = check(plant.text).some(
          (f) => f.code === plant.expect.code && f.path.startsWith(plant.expect.path) && f.severity === 'error',
        );
        if (found) {
          row.reported++;
          reported++;
        } else row.missed.push(tpl.name);
      } catch (e) {
        crashes.push(`${tpl.name} (${plant.kind}): ${(e as Error).stack}`);
        row.missed.push(tpl.name);
      }
    }
    perTemplate.push({ name: tpl.name, planted, reported });
  }
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  t.diagnostic(
    `templates: ${all.length}; crashes: ${crashes.length}; false errors on unmodified templates: ${falseErrors.length}`,
  );
  for (const [kind, row] of tally) {
    t.diagnostic(
      `${kind}: reported in ${row.reported} of ${row.planted} templates (${pct(row.reported, row.planted)}); missed: ${row.missed.join(', ') || 'none'}`,
    );
  }
  const everyPlant = perTemplate.filter((p) => p.planted > 0 && p.reported === p.planted).length;
  t.diagnostic(
    `templates where every planted mistake is reported: ${everyPlant} of ${all.length} (${pct(everyPlant, all.length)})`,
  );
  assert.deepEqual(crashes, []);
  assert.deepEqual(falseErrors, []);
  for (const [kind, row] of tally) {
    assert.ok(
      row.reported / row.planted >= 0.9,
      `${kind}: ${row.reported}/${row.planted} reported; missed in ${row.missed.join(', ')}`,
    );
  }
  assert.ok(
    everyPlant / all.length >= 0.9,
    `every planted mistake reported in only ${everyPlant}/${all.length} templates`,
  );
  // The selector plant needs a label written literally on both sides; enough templates have one.
  assert.ok((tally.get('selectorMismatch')?.planted ?? 0) >= 10);
});
