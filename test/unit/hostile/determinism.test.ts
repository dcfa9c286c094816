// Issue 10: a file with 100,000+ syntax errors got different diagnostics on identical runs. The
// reader stops at a bounded number of errors per YAML document and the per-file cap keeps the
// worst first, so two runs over the same text give the same list, ending in one finding that
// counts the rest.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { capDiagnostics, diagnose, MORE_DIAGNOSTICS_CODE } from '../../../server/src/features/diagnostics';

function syntaxErrors(documents: number): string {
  const parts: string[] = [];
  for (let i = 0; i < documents; i++) {
    parts.push(`apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a${i}\n  x: [1, 2\n  y: }\n  z: ]]\n`);
  }
  return parts.join('---\n');
}

test('20,000 documents with syntax errors: the same capped diagnostics on every run, the rest counted', () => {
  const text = syntaxErrors(20_000);
  const runs = [0, 1, 2].map(() =>
    capDiagnostics(diagnose(parseDocumentModel(text), defaultContext())).map(
      (d) => `${d.start}:${d.code}:${d.severity}:${d.message}`,
    ),
  );
  assert.equal(runs[0]!.length, 1001);
  assert.deepEqual(runs[1], runs[0]);
  assert.deepEqual(runs[2], runs[0]);
  const last = runs[0]!.at(-1)!;
  assert.ok(last.includes(`:${MORE_DIAGNOSTICS_CODE}:`), last);
  assert.match(last, /and [\d,]+ more not shown/);
  assert.ok(runs[0]!.slice(0, -1).every((d) => d.includes(':yamlSyntax:error:')));
});
