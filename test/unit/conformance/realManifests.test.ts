// Zero false errors on real manifests: every DaemonSet file collected from public repositories
// (test/fixtures/real, sources and licenses in SOURCES.md) gets no error diagnostic, except the
// true findings listed below with their reason.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose } from '../../../server/src/features/diagnostics';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'real');

/** Errors that are right: the API server rejects these files too. "file code path" → reason. */
const TRUE_FINDINGS: Record<string, string> = {};

const files = fs
  .readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

test('the collection: 30+ files, each listed in SOURCES.md, none templated', () => {
  const sources = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
  assert.ok(files.length >= 30, `${files.length} files`);
  for (const f of files) {
    assert.ok(sources.includes(`| \`${f}\` |`), `${f} is not in SOURCES.md`);
    assert.ok(!fs.readFileSync(path.join(DIR, f), 'utf8').includes('{{'), `${f} is templated`);
  }
});

for (const file of files) {
  test(`${file}: no false errors`, () => {
    const model = parseDocumentModel(fs.readFileSync(path.join(DIR, file), 'utf8'));
    assert.ok(model.daemonSets.length > 0, 'has a DaemonSet');
    const errors = diagnose(model, defaultContext())
      .filter((d) => d.severity === 'error')
      .map((d) => `${file} ${d.code} ${d.path}`)
      .filter((key) => !(key in TRUE_FINDINGS))
      .map((key) => key);
    assert.deepEqual(errors, []);
  });
}
