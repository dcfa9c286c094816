// Hostile-input benchmark (issue 10): the large inputs, each at half and full size, and the
// growth between the two (linear work doubles: ~2×; quadratic work quadruples). Also the latency
// of a hover on a small file while the real bundled server checks a huge one.
// Run: `npm run bench`, or `node --expose-gc out/bench/hostile.bench.js` after a build.
// BENCH_QUICK=1 halves every size (a smoke run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshotFiles } from '../server/src/cluster/snapshot';
import { complete } from '../server/src/features/completion';
import { defaultContext } from '../server/src/features/context';
import { diagnose } from '../server/src/features/diagnostics';
import { DocumentModel, parseDocumentModel, parseDocumentModelSteps } from '../server/src/model';
import {
  compactList,
  listItem,
  longEnvList,
  manyKeysMap,
  snapshotText,
  unknownFields,
} from '../test/support/hostileInputs';
import { startServer } from '../test/support/lspClient';

const SCALE = process.env.BENCH_QUICK ? 0.5 : 1;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Measure {
  parseMs: number;
  workMs: number;
  note?: string;
  /** The longest stretch of the parse without a pause (parseDocumentModelSteps), ms. */
  longestMs?: number;
  /** CPU time of parse + check (user + system, GC threads included), ms: steadier than wall time on a busy machine. */
  cpuMs?: number;
}

/** The model parsed in steps, as the server's diagnostics pull does: total and longest stretch. */
function parseInSteps(text: string): [DocumentModel, number, number] {
  const steps = parseDocumentModelSteps(text, 1);
  const t0 = performance.now();
  let last = t0;
  let longest = 0;
  for (;;) {
    const r = steps.next();
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (r.done) return [r.value, now - t0, longest];
  }
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/** Parse + diagnostics, as `daemonset lint` and a first diagnostics pull do. */
function lintCost(text: string): Measure {
  gc();
  const cpu = process.cpuUsage();
  const [model, parseMs, longestMs] = parseInSteps(text);
  const [found, workMs] = time(() => diagnose(model, defaultContext()));
  const used = process.cpuUsage(cpu);
  return {
    parseMs,
    workMs,
    longestMs,
    cpuMs: (used.user + used.system) / 1000,
    note: model.skipped ? 'skipped' : `${found.length} findings`,
  };
}

/** One completion request inside the item at the middle of a List (the model is already parsed). */
function listCompletionCost(n: number): Measure {
  gc();
  const marked = compactList(n).replace('      selector:\n', '      $0\n      selector:\n');
  const offset = marked.indexOf('$0');
  const text = marked.replace('$0', '');
  const [model, parseMs] = time(() => parseDocumentModel(text));
  const [list, workMs] = time(() => complete(model, offset, defaultContext()));
  return { parseMs, workMs, note: `${list.items.length} items` };
}

/** The snapshot loader in a child process (its own heap): ms and peak RSS. */
function snapshotCost(mb: number): Measure {
  const dir = mkdtempSync(join(tmpdir(), 'ds-bench-snap-'));
  try {
    const file = join(dir, 'nodes.yaml');
    writeFileSync(file, snapshotText(mb * 1024 * 1024));
    const out = execFileSync(process.execPath, ['--max-old-space-size=6144', __filename, '--snapshot', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out) as { ms: number; nodes: number; rssMb: number };
    return { parseMs: 0, workMs: r.ms, note: `${r.nodes.toLocaleString('en-US')} nodes, peak RSS ${r.rssMb} MB` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function snapshotChild(file: string): Promise<void> {
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const state = await loadSnapshotFiles({ nodesFile: file });
  const ms = performance.now() - t;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(JSON.stringify({ ms, nodes: state.nodes.length, rssMb: Math.round(peak / 1048576) }));
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const num = (n: number): string => Math.round(n).toLocaleString('en-US');

async function hoverWhileChecking(): Promise<string[]> {
  const server = await startServer();
  const rows: string[] = [];
  try {
    const small = server.open(
      'small.yaml',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec: {containers: [{name: a, image: "r/a:1"}]}\n',
    );
    const at = { textDocument: { uri: small }, position: { line: 1, character: 2 } };
    await server.connection.sendRequest('textDocument/hover', at);
    const bigInputs: Array<[string, string]> = [
      [`List of ${num(15000 * SCALE)} DaemonSets (one YAML document)`, compactList(15000 * SCALE)],
      [
        `${num(3000 * SCALE)} DaemonSets in separate documents`,
        Array.from({ length: 3000 * SCALE }, (_, i) =>
          listItem(i)
            .replace(/^ {4}/gm, '')
            .replace(/^ {2}- /, ''),
        ).join('---\n'),
      ],
    ];
    for (const [name, text] of bigInputs) {
      const uri = server.open(`big-${rows.length}.yaml`, text);
      await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      // An edit in the last document, then a pull (re-parse + re-check of what changed) and a hover.
      server.change(uri, `${text}# edited\n`, 2);
      const t0 = performance.now();
      let hoverMs = 0;
      let pullMs = 0;
      const pull = server.connection
        .sendRequest('textDocument/diagnostic', { textDocument: { uri } })
        .then(() => (pullMs = performance.now() - t0));
      const hover = server.connection
        .sendRequest('textDocument/hover', at)
        .then(() => (hoverMs = performance.now() - t0));
      await Promise.all([pull, hover]);
      rows.push(`| ${name} | ${fmt(hoverMs)} | ${fmt(pullMs)} | ${hoverMs < pullMs ? 'hover first' : 'pull first'} |`);
    }
  } finally {
    await server.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--snapshot') return snapshotChild(process.argv[3]!);
  if (process.argv[2] === '--hover') {
    // Only the responsiveness rows: `node out/bench/hostile.bench.js --hover`.
    for (const row of await hoverWhileChecking()) console.log(row);
    return;
  }
  const cases: Array<{ name: string; unit: string; full: number; run: (n: number) => Measure }> = [
    {
      name: 'map with many keys (metadata.labels), lint',
      unit: 'keys',
      full: 40_000,
      run: (n) => lintCost(manyKeysMap(n)),
    },
    {
      name: 'unknown fields in a pod spec, lint',
      unit: 'fields',
      full: 20_000,
      run: (n) => lintCost(unknownFields(n)),
    },
    { name: 'kind: List of DaemonSets, lint', unit: 'items', full: 15_000, run: (n) => lintCost(compactList(n)) },
    { name: 'kind: List of DaemonSets, one completion', unit: 'items', full: 15_000, run: listCompletionCost },
    { name: 'env list of one container, lint', unit: 'lines', full: 100_000, run: (n) => lintCost(longEnvList(n)) },
    { name: 'node snapshot file, load', unit: 'MB', full: 200, run: snapshotCost },
  ];
  console.log(
    '| input | size | parse ms | longest parse stretch without a pause, ms | check ms | total ms | growth ×, full/half | note |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const c of cases) {
    const full = Math.round(c.full * SCALE);
    const half = Math.round(full / 2);
    const a = c.run(half);
    const b = c.run(full);
    const ta = a.parseMs + a.workMs;
    const tb = b.parseMs + b.workMs;
    const longest = (m: Measure) => (m.longestMs === undefined ? '' : fmt(m.longestMs));
    const cpu = (m: Measure) => (m.cpuMs === undefined ? '' : `, CPU ${fmt(m.cpuMs)} ms`);
    const cpuGrowth = a.cpuMs && b.cpuMs ? `, CPU ${(b.cpuMs / a.cpuMs).toFixed(2)}` : '';
    console.log(
      `| ${c.name} | ${num(half)} ${c.unit} | ${fmt(a.parseMs)} | ${longest(a)} | ${fmt(a.workMs)} | ${fmt(ta)} | | ${a.note ?? ''}${cpu(a)} |`,
    );
    console.log(
      `| ${c.name} | ${num(full)} ${c.unit} | ${fmt(b.parseMs)} | ${longest(b)} | ${fmt(b.workMs)} | ${fmt(tb)} | **${(tb / ta).toFixed(2)}** (parse ${(b.parseMs / Math.max(a.parseMs, 0.01)).toFixed(2)}, check ${(b.workMs / Math.max(a.workMs, 0.01)).toFixed(2)}${cpuGrowth}) | ${b.note ?? ''}${cpu(b)} |`,
    );
  }
  console.log('');
  console.log(
    'Hover on a small file sent right after a diagnostics pull of a huge file that was just edited (real server over stdio):',
  );
  console.log('');
  console.log('| huge file | hover answered after ms | pull answered after ms | order |');
  console.log('| --- | ---: | ---: | --- |');
  for (const row of await hoverWhileChecking()) console.log(row);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
