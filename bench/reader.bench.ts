// The YAML reader on hostile inputs (issue 10), in process: the document model (nesting scan,
// parse, duplicate keys) and the diagnostics over it, each at two sizes with the growth between
// them (≈2 when linear for a doubled input, ≈4 when quadratic). Prints a markdown table.
import { defaultContext } from '../server/src/features/context';
import { diagnose } from '../server/src/features/diagnostics';
import { maxNestingDepth, parseDocumentModel } from '../server/src/model';
import { parseAllDocuments } from 'yaml';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs = 3): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const keysMap = (n: number) => `${Array.from({ length: n }, (_, i) => `key${i}: value${i}`).join('\n')}\n`;
const syntaxErrors = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}: [`).join('\n')}\n`;

function row(
  label: string,
  sizes: [number, number],
  make: (n: number) => string,
  fn: (text: string) => void,
  runs = 3,
): string {
  const [a, b] = sizes.map((n) => {
    const text = make(n);
    return time(() => fn(text), runs);
  }) as [number, number];
  return `| ${label} | ${sizes[0].toLocaleString('en')}: ${a.toFixed(0)} ms | ${sizes[1].toLocaleString('en')}: ${b.toFixed(0)} ms | ×${(b / a).toFixed(2)} |`;
}

function main(): void {
  const ctx = defaultContext();
  const lint = (text: string) => {
    diagnose(parseDocumentModel(text, 0, undefined, { maxChars: 64 * 1024 * 1024 }), ctx);
  };
  const rows = [
    '| input | smaller | larger | growth |',
    '|---|---|---|---|',
    row('one mapping, N keys: model + diagnostics', [20_000, 40_000], keysMap, lint),
    row('one mapping, N keys: nesting scan alone', [20_000, 40_000], keysMap, (t) => void maxNestingDepth(t)),
    row('N lines of `k: [` (syntax errors): model + diagnostics', [50_000, 100_000], syntaxErrors, lint),
    row('`[` × N (too deep): model + diagnostics', [50_000, 100_000], (n) => '['.repeat(n), lint),
    // The old path, for comparison: the yaml package's own uniqueKeys check (quadratic).
    row(
      'one mapping, N keys: yaml package with uniqueKeys (before)',
      [5_000, 10_000],
      keysMap,
      (t) => void parseAllDocuments(t, { version: '1.1' }),
      1,
    ),
  ];
  console.log(rows.join('\n'));
}

main();
