// Pathological inputs, timed: the figures the unit tests used to assert as wall-clock limits
// (tests assert behaviour only; timings live here). Prints a markdown table.
//   - a 20 MB file: skipped with one info (test/unit/diagnostics/documents.test.ts)
//   - 10,000 documents in one file, 100 of them DaemonSets (same test file)
//   - 600 mutants of the vendored corpus through parse + diagnose (test/unit/fuzz/)
//   - a stalled API server: how long the live source takes to give up with a 1 s timeout
//     (test/unit/cluster/kubeconfigSource.test.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeconfigSource } from '../server/src/cluster/kubeconfigSource';
import { defaultContext } from '../server/src/features/context';
import { diagnose } from '../server/src/features/diagnostics';
import { parseDocumentModel } from '../server/src/model';
import { vendoredCorpus } from '../test/support/corpus';
import { FakeApiServer, makeNode } from '../test/support/fakeApiServer';
import { mutants } from '../test/unit/fuzz/mutations';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function row(what: string, measure: string, runs: number[]): string {
  return `| ${what} | ${measure} | ${median(runs).toFixed(1)} ms | ${Math.max(...runs).toFixed(1)} ms |`;
}

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent-N
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        resources: {requests: {cpu: 10m, memory: 16Mi}}
`;

async function stalledServer(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ds-bench-stall-'));
  const server = await FakeApiServer.start({ nodes: [makeNode('n01')] });
  const runs: number[] = [];
  try {
    const source = await KubeconfigSource.create({
      kubeconfig: server.writeKubeconfig(join(dir, 'config')),
      timeoutMs: 1000,
    });
    server.stall = true;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const snap = await source.load();
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (snap.status.state !== 'error') throw new Error(`a stalled server gave ${snap.status.state}`);
    }
    source.dispose();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

async function main(): Promise<void> {
  const ctx = defaultContext();
  const rows = ['| input | measure | median | max |', '| --- | --- | ---: | ---: |'];

  const big = DAEMONSET + `  # ${'x'.repeat(20 * 1024 * 1024)}\n`;
  rows.push(
    row(
      '20 MB file',
      `parse + diagnose (skipped, ${RUNS} runs)`,
      Array.from({ length: RUNS }, () => timeMs(() => diagnose(parseDocumentModel(big), ctx))),
    ),
  );

  const parts: string[] = [];
  for (let i = 0; i < 10_000; i++)
    parts.push(
      i % 100 === 0 ? DAEMONSET.replace('agent-N', `agent-${i}`) : `kind: ConfigMap\nmetadata: {name: c${i}}\n`,
    );
  const many = parts.join('---\n');
  const model = parseDocumentModel(many);
  rows.push(
    row(
      '10,000 documents, 100 DaemonSets',
      `parse (${RUNS} runs)`,
      Array.from({ length: RUNS }, () => timeMs(() => parseDocumentModel(many))),
    ),
  );
  rows.push(
    row(
      '10,000 documents, 100 DaemonSets',
      `diagnose (${RUNS} runs)`,
      Array.from({ length: RUNS }, () => timeMs(() => diagnose(model, ctx))),
    ),
  );

  const fuzz = mutants(vendoredCorpus(), 600, 20260608);
  const perMutant: number[] = [];
  for (const m of fuzz) perMutant.push(timeMs(() => diagnose(parseDocumentModel(m.text), ctx)));
  rows.push(
    `| 600 mutants of the vendored corpus | parse + diagnose, all | ${perMutant.reduce((a, b) => a + b, 0).toFixed(0)} ms | ${Math.max(...perMutant).toFixed(1)} ms (one) |`,
  );

  rows.push(row('stalled API server, 1 s timeout', 'load() until the timeout error (3 runs)', await stalledServer()));
  console.log(rows.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
