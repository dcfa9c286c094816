// The `daemonset` bin as a user runs it (package.json `bin` → bin/daemonset.js → dist/cli.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BIN = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.daemonset);

function run(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bin-'));
const bad = path.join(dir, 'bad.yaml');
fs.writeFileSync(
  bad,
  'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n',
);

test('help and unknown commands', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /daemonset lint <files…>/);
  const unknown = run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command 'frobnicate'/);
});

test('lint exits 1 on an error and prints the API server path', () => {
  const r = run(['lint', bad]);
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    /bad\.yaml:9:\d+ error restartPolicyNotAlways spec\.template\.spec\.restartPolicy: Unsupported value: "Never"/,
  );
  const json = JSON.parse(run(['lint', bad, '--format', 'json']).out);
  assert.equal(json[0].diagnostics[0].code, 'restartPolicyNotAlways');
});

test('placement runs on the bundled example cluster by default', () => {
  const r = run(['placement', bad, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.daemonsets[0].name, 'x');
  assert.ok(json.daemonsets[0].nodes.length >= 7);
});
