// Deterministic mutations of real manifests for the fuzz tests: a seeded PRNG picks, for each
// mutant, a source file and one to three mutations (truncation, deleted, duplicated and swapped
// lines, tabs, junk bytes, alias bombs, deep nesting, Helm expressions, retyped values).

/** mulberry32: a small seeded PRNG, the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/**
 * Deepest nesting a mutation adds (a mutant gets at most one nesting mutation, and real manifests
 * nest about 15 deep, so the total stays under 300). Much deeper nesting currently overflows the
 * stack and aborts the process; issue 10 fixes that and adds its own tests.
 */
export const MAX_NESTING = 280;

function lines(text: string): string[] {
  return text.split('\n');
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** Junk a keyboard, a bad copy-paste or a corrupted file may put into a manifest. */
const JUNK = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\ufffd',
  '\ufeff',
  '\u2028',
  '\u00a0',
  '\ud800',
  '\udc00',
  '\r',
  '\r\n',
  '\t',
  '#',
  ':',
  ': ',
  '- ',
  '? ',
  '&',
  '*',
  '!',
  '!!binary ',
  '|',
  '>',
  '%',
  '@',
  '`',
  '"',
  "'",
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  '{{',
  '}}',
  '---',
  '...',
  '<<: ',
  '\u00e9',
  '\u4e2d',
  '\u{1f600}',
  'Ω',
  '0x',
  '1e999',
  '-.inf',
];

export interface Mutation {
  name: string;
  apply: (text: string, r: Rng) => string;
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'truncate', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  {
    name: 'delete line',
    apply: (t, r) => {
      const ls = lines(t);
      ls.splice(int(r, ls.length), 1);
      return ls.join('\n');
    },
  },
  {
    name: 'delete lines',
    apply: (t, r) => {
      const ls = lines(t);
      ls.splice(int(r, ls.length), 1 + int(r, 8));
      return ls.join('\n');
    },
  },
  {
    name: 'duplicate line',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    },
  },
  {
    name: 'duplicate block',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      ls.splice(i, 0, ...ls.slice(i, i + 2 + int(r, 10)));
      return ls.join('\n');
    },
  },
  {
    name: 'swap lines',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const j = int(r, ls.length);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return ls.join('\n');
    },
  },
  {
    name: 'tab',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const line = ls[i]!;
      const at = r() < 0.6 ? 0 : int(r, line.length + 1);
      ls[i] = line.slice(0, at) + '\t' + line.slice(at);
      return ls.join('\n');
    },
  },
  {
    name: 'tabs for indentation',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      for (let k = i; k < Math.min(ls.length, i + 6); k++)
        ls[k] = ls[k]!.replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2));
      return ls.join('\n');
    },
  },
  {
    name: 'junk bytes',
    apply: (t, r) => {
      let out = t;
      for (let n = 1 + int(r, 4); n > 0; n--) {
        const at = int(r, out.length + 1);
        out = out.slice(0, at) + pick(r, JUNK) + out.slice(at);
      }
      return out;
    },
  },
  {
    name: 'overwrite bytes',
    apply: (t, r) => {
      const at = int(r, t.length + 1);
      const junk = Array.from({ length: 1 + int(r, 12) }, () => String.fromCharCode(int(r, 0x80))).join('');
      return t.slice(0, at) + junk + t.slice(at + junk.length);
    },
  },
  {
    name: 'alias bomb',
    apply: (t, r) => {
      // A billion-laughs tower at the top of a random document (or in place of a value).
      const levels = 4 + int(r, 6);
      const tower = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let k = 1; k < levels; k++)
        tower.push(
          `x${k}: &a${k} [${Array(9)
            .fill(`*a${k - 1}`)
            .join(', ')}]`,
        );
      const ls = lines(t);
      const starts = ls.flatMap((l, i) => (i === 0 || ls[i - 1] === '---' ? [i] : []));
      if (r() < 0.5) {
        ls.splice(pick(r, starts), 0, ...tower);
      } else {
        const i = int(r, ls.length);
        const line = ls[i]!;
        const m = /^(\s*(?:- )?[\w./-]+:)(.*)$/.exec(line);
        ls.splice(i, 1, ...tower.map((x) => indentOf(line) + x), m ? `${m[1]} *a${levels - 1}` : line);
      }
      return ls.join('\n');
    },
  },
  {
    name: 'alias to nothing',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      ls[i] = ls[i]!.replace(/: .*$/, pick(r, [': *missing', ': &a *a', ': <<', ': !!map *x']));
      return ls.join('\n');
    },
  },
  {
    name: 'deep flow nesting',
    apply: (t, r) => {
      const depth = 1 + int(r, MAX_NESTING);
      const open = r() < 0.5 ? '[' : '{a: ';
      const close = open === '[' ? ']' : '}';
      const balanced = r() < 0.7;
      const value = open.repeat(depth) + (open === '[' ? 'x' : 'x') + (balanced ? close.repeat(depth) : '');
      const ls = lines(t);
      const i = int(r, ls.length);
      const line = ls[i]!;
      ls[i] = /:\s*\S/.test(line) ? line.replace(/:\s.*$/, `: ${value}`) : `${line} ${value}`;
      return ls.join('\n');
    },
  },
  {
    name: 'deep block nesting',
    apply: (t, r) => {
      const depth = 1 + int(r, MAX_NESTING);
      const ls = lines(t);
      const i = int(r, ls.length);
      const base = indentOf(ls[i]!);
      const seq = r() < 0.3;
      const nested = Array.from(
        { length: depth },
        (_, k) => base + (seq ? '- '.repeat(k + 1) + 'x' : '  '.repeat(k) + `k${k}:`),
      );
      ls.splice(i, 0, ...(seq ? [nested[nested.length - 1]!] : nested));
      return ls.join('\n');
    },
  },
  {
    name: 'helm expression',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const e = pick(r, [
        '{{ .Values.x }}',
        '{{- include "a" . | nindent 4 }}',
        '{{ if .Values.y }}',
        '{{ end }}',
        '{{',
        '}}',
      ]);
      ls[i] = r() < 0.5 ? ls[i]!.replace(/: .*$/, `: ${e}`) : `${indentOf(ls[i]!)}${e}`;
      return ls.join('\n');
    },
  },
  {
    name: 'retype value',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const v = pick(r, [
        '[]',
        '{}',
        '~',
        'null',
        '-1',
        '0',
        '99999999999999999999',
        '1.5',
        'true',
        'yes',
        '0o777',
        '0777',
        '""',
        "''",
        '[a, b]',
        '{a: 1}',
        '|',
        '>-',
        '!!str 1',
        '&x',
        '"\\u0000"',
        '"\\ud800"',
      ]);
      ls[i] = ls[i]!.replace(/: .*$/, `: ${v}`);
      return ls.join('\n');
    },
  },
  {
    name: 'reindent',
    apply: (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const shift = pick(r, [-4, -2, -1, 1, 2, 3]);
      for (let k = i; k < Math.min(ls.length, i + 1 + int(r, 5)); k++)
        ls[k] = shift > 0 ? ' '.repeat(shift) + ls[k] : ls[k]!.slice(-shift);
      return ls.join('\n');
    },
  },
  {
    name: 'document marker',
    apply: (t, r) => {
      const ls = lines(t);
      ls.splice(int(r, ls.length + 1), 0, pick(r, ['---', '...', '--- !!map', '%YAML 1.2', '--- |']));
      return ls.join('\n');
    },
  },
];

export interface Mutant {
  /** The source file the mutant came from. */
  file: string;
  /** The mutations applied, in order. */
  applied: string[];
  text: string;
}

/** `count` mutants of `sources`, the same ones for the same seed and sources. */
export function mutants(sources: ReadonlyArray<{ file: string; text: string }>, count: number, seed: number): Mutant[] {
  const r = rng(seed);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    let text = src.text;
    const applied: string[] = [];
    for (let n = 1 + int(r, 3); n > 0; n--) {
      let m = pick(r, MUTATIONS);
      // One nesting mutation per mutant, so two cannot stack beyond MAX_NESTING.
      while (m.name.startsWith('deep') && applied.some((a) => a.startsWith('deep'))) m = pick(r, MUTATIONS);
      text = m.apply(text, r);
      applied.push(m.name);
    }
    out.push({ file: src.file, applied, text });
  }
  return out;
}
