// The reader against libyaml (issue 9): kubectl reads manifests with sigs.k8s.io/yaml on
// go-yaml, a port of libyaml. test/fixtures/yaml-parity/expected.json holds, per snippet, whether
// libyaml accepts it and the value it loads, resolved as go-yaml v2 resolves scalars
// (scripts/gen-yaml-oracle.py, PyYAML's C loader; no Python needed here).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocumentModel, READER_PROBLEM_CODES } from '../../../server/src/model';

const DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'yaml-parity');
type Expected = { accepted: true; value: unknown[] } | { accepted: false; error: string };
const table = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

/**
 * Where we answer differently from libyaml on purpose, and why (docs/yaml-reader.md).
 */
const DECIDED: Record<string, string> = {
  // libyaml (and go-yaml v2 non-strict) keep the last value; kubectl's strict decoding
  // (yaml.v3 "mapping key already defined", YAMLToJSONStrict "already set in map") refuses.
  'duplicate-keys.yaml': 'a duplicate key is an error, as kubectl reports it',
};

/** JSON as the oracle writes it: ±inf/NaN as {float: …}, Dates never (timestamps stay strings). */
function normalise(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return { float: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' };
  if (typeof v === 'number' && Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), normalise(x)]));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

test('the oracle table covers the constructs of issue 9', () => {
  const names = Object.keys(table);
  for (const kind of [
    'sq-multiline',
    'dq-multiline',
    'plain-multiline',
    'tab-',
    'block-',
    'anchors',
    'merge-keys',
    'duplicate-keys',
    'doc-marker',
    'bom-',
    'directive-',
    'booleans',
    'integers',
    'sexagesimal',
    'floats',
    'timestamps',
  ]) {
    assert.ok(
      names.some((n) => n.startsWith(kind)),
      kind,
    );
  }
  for (const name of names) assert.ok(fs.existsSync(path.join(DIR, name)), name);
});

for (const [name, expected] of Object.entries(table)) {
  test(`libyaml parity: ${name}`, () => {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const model = parseDocumentModel(text);
    // Errors only: a notice (a BOM that is ignored, lone-CR line breaks) is no syntax error.
    const syntax = model.problems
      .filter((p) => (READER_PROBLEM_CODES[p.code]?.severity ?? 'error') === 'error')
      .map((p) => `${p.code}: ${p.message}`);
    if (DECIDED[name]) {
      assert.ok(syntax.length > 0, `${name}: ${DECIDED[name]}`);
      return;
    }
    if (!expected.accepted) {
      assert.ok(syntax.length > 0, `libyaml refuses ${name} (${expected.error}); we read it without error`);
      return;
    }
    assert.deepEqual(syntax, [], `libyaml reads ${name}`);
    const values = model.documents.map((d) => normalise(d.toJS({ maxAliasCount: 100 })));
    assert.deepEqual(values, expected.value);
  });
}
