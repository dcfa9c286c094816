// Issue 10: `daemonset lint` and `placement` exited 134 (SIGABRT) on deeply nested YAML. They
// run as child processes here, so an abort fails the test instead of the runner.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { blockMaps, blockSeqs, flowMaps, flowSeqs, twoDocs } from '../../support/hostileYaml';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-deep-'));

function run(args: string[]): { code: number | null; signal: string | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const inputs: Record<string, string> = {
  'flow-2x1000': twoDocs(flowSeqs(1000)),
  'flow-2x5000': twoDocs(flowSeqs(5000)),
  'flow-100000': flowSeqs(100_000),
  'flowmaps-2x5000': twoDocs(flowMaps(5000)),
  'block-2x1000': twoDocs(blockMaps(1000)),
  'blockseqs-100000': blockSeqs(100_000),
};

for (const [name, text] of Object.entries(inputs)) {
  test(`lint and placement on ${name}: exit 1 with a finding, not 134`, () => {
    const file = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(file, text);
    const lint = run(['lint', '--format', 'json', file]);
    assert.deepEqual([lint.code, lint.signal], [1, null], lint.err.slice(-400));
    const entry = JSON.parse(lint.out) as Array<{
      diagnostics: Array<{ code: string; severity: string; message: string }>;
    }>;
    const codes = entry[0]!.diagnostics.map((d) => d.code);
    assert.deepEqual(codes, Array(text.split('\n---\n').length).fill('yamlTooDeep'));
    const placement = run(['placement', file]);
    assert.deepEqual([placement.code, placement.signal], [1, null], placement.err.slice(-400));
    assert.match(
      placement.err,
      /no DaemonSet found: line \d+, column \d+: YAML nesting deeper than \d+ levels; this document was not parsed/,
    );
  });
}
