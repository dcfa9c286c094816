// A fast reader for the YAML kubectl prints (`kubectl get … -o yaml`): block mappings and
// sequences (also go-yaml's indentless `key:\n- item`), plain, single- and double-quoted
// scalars (folded over several lines as go-yaml wraps them), literal block scalars, `{}` and
// `[]`. A 10,000-node list is ~40 MB; the full `yaml` parser needs a minute and gigabytes for
// it, this reader about a second. It accepts only that subset and resolves scalars exactly as
// the `yaml` package's YAML 1.2 core schema does; anything else (anchors, tags, flow
// collections, folded `>` scalars, several documents, odd indentation) makes it answer
// `undefined`, and the caller falls back to the full parser, which also reports real errors.
// test/unit/cluster/kubectlYaml.test.ts checks it against the `yaml` package.

import { MAX_NESTING_DEPTH } from '../model/nesting';

class OutsideSubset extends Error {}

function bail(): never {
  throw new OutsideSubset();
}

interface Line {
  indent: number;
  /** The line without its indentation and without trailing spaces. */
  text: string;
  /** The whole line (block scalars keep their inner indentation). */
  raw: string;
}

// Resolution of plain scalars, copied from the `yaml` package's core schema, same order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A copy of `s` that does not point into the source text. V8 represents a slice of 13 or more
 * characters as a view of its parent, so one surviving label value would keep the whole
 * (tens of megabytes) text alive; slicing a concatenation flattens it into a fresh string.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

function resolvePlain(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return detach(s);
}

/** Keys starting like this can only resolve to strings (no null, bool or number does). */
const PLAIN_STRING_START = /^[a-eg-mo-su-zA-EG-MO-SU-Z_/]/;

/** Characters that may not start a plain scalar (or that start syntax we leave to `yaml`). */
const NOT_PLAIN_START = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

function unescapeDouble(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i];
    if (e === undefined) bail();
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (!len) bail();
    const hex = s.substr(i + 1, len);
    if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) bail();
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) bail();
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** Index of the `:` ending a plain mapping key on this line, or -1 when the line is no key. */
function plainKeyEnd(text: string): number {
  const sp = text.indexOf(': ');
  const end = text.endsWith(':') ? text.length - 1 : -1;
  if (sp < 0) return end;
  return end < 0 ? sp : Math.min(sp, end);
}

/** For a quoted key: the index just past its closing quote, or -1. */
function quotedEnd(text: string, from: number): number {
  const q = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/**
 * What a caller may ask of the reader for the top-level `items` of a list (snapshot.ts): each
 * item handed to `item` as soon as it is read (so the caller keeps its own small form and the
 * full tree of 10,000 nodes is never alive at once), and fields of an item skipped unread.
 */
export interface KubectlYamlOptions {
  /** Called with each item of the top-level `items` sequence; its answer is stored instead. */
  item?: (value: unknown, index: number) => unknown;
  /**
   * Fields skipped without building their value, by the item's top-level key and the field
   * (`status` → `images`). Only the block value's lines are passed over (lines indented deeper
   * than the key, or go-yaml's indentless `- ` items): what they hold is not checked.
   */
  skip?: ReadonlyMap<string, ReadonlySet<string>>;
}

class Reader {
  // Lines are read on demand from offsets into the text: a 40 MB list has a million lines,
  // and a million small line objects alive for the whole parse cost more in GC than parsing.
  /** Offset of each line's start; a typed array (a million lines: 4 MB, not a growing JS array). */
  private readonly starts: Int32Array;
  private readonly count: number;
  private pos = 0;
  private readonly endsWithNewline: boolean;
  private cacheIndex = -1;
  private cacheLine: Line = { indent: 0, text: '', raw: '' };
  /** "- key: v" re-read as "key: v" at the column after the dash (see seq()). */
  private override: { index: number; line: Line } | undefined;
  private depth = 0;
  /** Set by map() for the top-level `items` key, taken by the block it opens. */
  private itemsNext = false;
  /** Inside an item of the top-level `items`: the keys from the item down to the current mapping. */
  private itemKeys: string[] = [];
  private inItem = false;

  constructor(
    private readonly src: string,
    private readonly opts: KubectlYamlOptions = {},
  ) {
    this.endsWithNewline = src.endsWith('\n');
    let lines = 1;
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lines++;
    this.starts = new Int32Array(lines);
    let n = 1;
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.starts[n++] = i + 1;
    // A final newline opens no further line.
    this.count = this.endsWithNewline ? this.starts.length - 1 : this.starts.length;
  }

  private get done(): boolean {
    return this.pos >= this.count;
  }

  private line(i = this.pos): Line {
    if (this.override?.index === i) return this.override.line;
    if (i === this.cacheIndex) return this.cacheLine;
    const start = this.starts[i] as number;
    let end = i + 1 < this.starts.length ? (this.starts[i + 1] as number) - 1 : this.src.length;
    if (this.src.charCodeAt(end - 1) === 13) end--;
    const raw = this.src.slice(start, end);
    if (raw.includes('\r')) bail();
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (raw.charCodeAt(indent) === 9) bail();
    const line: Line = { indent, text: raw.slice(indent).trimEnd(), raw };
    this.cacheIndex = i;
    this.cacheLine = line;
    return line;
  }

  /** Skips blank lines and whole-line comments. */
  private skip(): void {
    while (!this.done) {
      const t = this.line().text;
      if (t !== '' && t[0] !== '#') return;
      this.pos++;
    }
  }

  document(): unknown[] {
    this.skip();
    if (!this.done && /^---(?:\s|$)/.test(this.line().raw)) {
      if (this.line().raw.trim() !== '---') bail();
      this.pos++;
      this.skip();
    }
    if (this.done) return [];
    const first = this.line();
    if (first.indent !== 0) bail();
    const value = this.block(0);
    this.skip();
    if (!this.done) {
      if (this.line().raw.trim() !== '...') bail(); // a second document or stray content
      this.pos++;
      this.skip();
      if (!this.done) bail();
    }
    return [value];
  }

  private isSeqItem(text: string): boolean {
    return text === '-' || text.startsWith('- ');
  }

  private block(indent: number): unknown {
    const t = this.line().text;
    if (t.startsWith('---') || t.startsWith('...')) bail();
    // Recursion is per level: past the model's nesting bound, leave it to the full parser's
    // guard (model/nesting.ts), which says so.
    if (++this.depth > MAX_NESTING_DEPTH) bail();
    const items = this.itemsNext;
    this.itemsNext = false;
    try {
      if (this.isSeqItem(t)) return this.seq(indent, items);
      return this.map(indent);
    } finally {
      this.depth--;
    }
  }

  private map(indent: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.done) break;
      const line = this.line();
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      const t = line.text;
      if (this.isSeqItem(t) || t === '---' || t === '...') {
        if (indent === 0 && (t === '---' || t === '...')) break;
        bail();
      }
      let key: string;
      let rest: string;
      if (t[0] === '"' || t[0] === "'") {
        const end = quotedEnd(t, 0);
        if (end < 0 || t[end] !== ':' || (t.length > end + 1 && t[end + 1] !== ' ')) bail();
        const inner = t.slice(1, end - 1);
        if (inner.includes('\n')) bail();
        key = t[0] === '"' ? unescapeDouble(inner) : inner.replace(/''/g, "'");
        rest = t.slice(end + 1).trimStart();
      } else {
        const end = plainKeyEnd(t);
        if (end <= 0) bail();
        key = t.slice(0, end);
        if (NOT_PLAIN_START.has(key[0] as string) || key !== key.trim() || key.includes(' #') || key.includes('\t'))
          bail();
        rest = t.slice(end + 1).trimStart();
        // A plain key resolves like any plain scalar; JS object keys are its string form,
        // which for null is "" in the `yaml` package. Keep to keys that are plainly strings.
        if (!PLAIN_STRING_START.test(key) && typeof resolvePlain(key) !== 'string') bail();
      }
      if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(obj, key)) bail();
      if (this.inItem) {
        const keys = this.itemKeys;
        if (keys.length === 1 && rest === '' && this.opts.skip?.get(keys[0] as string)?.has(key)) {
          this.skipBlock(indent);
          continue;
        }
        keys.push(key);
        try {
          obj[key] = this.value(rest, indent, true);
        } finally {
          keys.pop();
        }
        continue;
      }
      this.itemsNext = this.depth === 1 && key === 'items' && this.opts.item !== undefined;
      obj[key] = this.value(rest, indent, true);
      this.itemsNext = false;
    }
    return obj;
  }

  /** Passes over the block value of a key at `parent` (the line after `key:`), unread. */
  private skipBlock(parent: number): void {
    this.pos++;
    const src = this.src;
    while (this.pos < this.count) {
      const start = this.starts[this.pos] as number;
      let i = start;
      while (src.charCodeAt(i) === 32) i++;
      const c = src.charCodeAt(i);
      const indent = i - start;
      // Blank lines and comments; deeper lines; go-yaml's indentless `- ` items at the key's column.
      if (
        c === 10 ||
        c === 13 ||
        Number.isNaN(c) ||
        c === 35 ||
        indent > parent ||
        (indent === parent && c === 45 && (src.charCodeAt(i + 1) === 32 || src.charCodeAt(i + 1) === 10))
      ) {
        this.pos++;
        continue;
      }
      if (c === 9) bail();
      break;
    }
  }

  private seq(indent: number, items = false): unknown[] {
    const arr: unknown[] = [];
    const hook = items ? this.opts.item : undefined;
    const push = (read: () => unknown): void => {
      if (!hook) {
        arr.push(read());
        return;
      }
      this.inItem = true;
      this.itemKeys = [];
      let v: unknown;
      try {
        v = read();
      } finally {
        this.inItem = false;
      }
      arr.push(hook(v, arr.length));
    };
    for (;;) {
      this.skip();
      if (this.done) break;
      const line = this.line();
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      const t = line.text;
      if (!this.isSeqItem(t)) break;
      if (t === '-') {
        push(() => this.value('', indent, false));
        continue;
      }
      let spaces = 1;
      while (t[spaces] === ' ') spaces++;
      const content = t.slice(spaces);
      const col = indent + spaces;
      const startsEntry =
        this.isSeqItem(content) ||
        ((content[0] === '"' || content[0] === "'") &&
          (() => {
            const end = quotedEnd(content, 0);
            return end > 0 && content[end] === ':' && (content.length === end + 1 || content[end + 1] === ' ');
          })()) ||
        (content[0] !== '"' && content[0] !== "'" && plainKeyEnd(content) > 0);
      if (startsEntry) {
        // "- key: v" opens a mapping whose keys sit at the column after the dash.
        this.override = { index: this.pos, line: { indent: col, text: content, raw: ' '.repeat(col) + content } };
        push(() => this.block(col));
      } else {
        push(() => this.value(content, indent, false));
      }
    }
    return arr;
  }

  /**
   * The value after `key:` or `-` on the current line; `rest` is what follows on that line,
   * `parent` the indentation of the key or dash. Leaves pos on the line after the value.
   */
  private value(rest: string, parent: number, inMap: boolean): unknown {
    if (rest === '') {
      this.pos++;
      this.skip();
      if (this.done) return null;
      const next = this.line();
      if (next.indent > parent) {
        if (this.isSeqItem(next.text) || plainKeyEnd(next.text) > 0 || next.text[0] === '"' || next.text[0] === "'")
          return this.block(next.indent);
        bail(); // a scalar alone on the next line: legal, but not how kubectl writes
      }
      if (inMap && next.indent === parent && this.isSeqItem(next.text)) {
        const items = this.itemsNext;
        this.itemsNext = false;
        return this.seq(parent, items);
      }
      return null;
    }
    const c = rest[0] as string;
    if (rest === '{}' || rest === '[]') {
      this.pos++;
      return rest === '{}' ? {} : [];
    }
    if (c === '|') return this.literal(rest, parent);
    if (c === '"' || c === "'") return this.quoted(rest, parent);
    if (NOT_PLAIN_START.has(c) && !(c === '-' && rest.length > 1 && rest[1] !== ' ')) bail();
    return this.plain(rest, parent);
  }

  /** Lines that continue a scalar: more indented than `parent`, with the blank lines between. */
  private continuation(parent: number): { blanks: number; text: string }[] {
    const out: { blanks: number; text: string }[] = [];
    let blanks = 0;
    let p = this.pos;
    while (p < this.count) {
      const l = this.line(p);
      if (l.text === '') {
        blanks++;
        p++;
        continue;
      }
      if (l.indent <= parent) break;
      out.push({ blanks, text: l.text });
      blanks = 0;
      p++;
      this.pos = p;
    }
    return out;
  }

  private plain(first: string, parent: number): unknown {
    const check = (s: string): void => {
      if (s.includes(': ') || s.endsWith(':') || s.includes(' #') || s.includes('\t')) bail();
    };
    check(first);
    this.pos++;
    const more = this.continuation(parent);
    if (more.length === 0) return resolvePlain(first);
    let s = first;
    for (const m of more) {
      if (m.text[0] === '#' || this.isSeqItem(m.text)) bail();
      check(m.text);
      s += m.blanks ? '\n'.repeat(m.blanks) : ' ';
      s += m.text;
    }
    return detach(s); // a folded plain scalar contains a space or newline: never null, bool or number
  }

  private quoted(first: string, parent: number): string {
    const q = first[0] as string;
    const end = quotedEnd(first, 0);
    if (end > 0) {
      if (first.slice(end).trim() !== '') bail(); // a comment or junk after the closing quote
      this.pos++;
      const inner = first.slice(1, end - 1);
      return detach(q === '"' ? unescapeDouble(inner) : inner.replace(/''/g, "'"));
    }
    // Spread over several lines: collect up to the line holding the closing quote.
    const segs: string[] = [first.slice(1)];
    const blanks: number[] = [0];
    this.checkTrailing(this.line());
    this.pos++;
    let blank = 0;
    for (;;) {
      if (this.done) bail();
      const l = this.line();
      this.pos++;
      if (l.text === '') {
        blank++;
        continue;
      }
      if (l.indent <= parent) bail();
      this.checkTrailing(l);
      const close = quotedEnd(q + l.text, 0);
      blanks.push(blank);
      blank = 0;
      if (close > 0) {
        if (l.text.slice(close - 1).trim() !== '') bail();
        segs.push(l.text.slice(0, close - 2));
        break;
      }
      segs.push(l.text);
    }
    // Fold: a line break between text is a space, each blank line a newline; leading and
    // trailing spaces around a break go. A double-quoted line ending in an odd number of
    // backslashes escapes its break instead (go-yaml writes those for long strings).
    const last = segs.length - 1;
    let s = '';
    for (let i = 0; i <= last; i++) {
      let t = segs[i] as string;
      if (i > 0) t = t.trimStart();
      if (i < last) t = t.trimEnd();
      if (i > 0) {
        if (q === '"' && /(?:^|[^\\])(?:\\\\)*\\$/.test(s)) {
          if (blanks[i]) bail();
          s = s.slice(0, -1);
        } else {
          s += blanks[i] ? '\n'.repeat(blanks[i] as number) : ' ';
        }
      }
      s += t;
    }
    return detach(q === '"' ? unescapeDouble(s) : s.replace(/''/g, "'"));
  }

  /** Trailing spaces after a backslash are an escaped space we would have trimmed: leave to `yaml`. */
  private checkTrailing(l: Line): void {
    if (l.raw.length !== l.indent + l.text.length && l.text.endsWith('\\')) bail();
  }

  private literal(header: string, parent: number): string {
    const m = /^\|([-+]?)$/.exec(header);
    if (!m || m[1] === '+') bail(); // indentation indicators and keep-chomping: leave to `yaml`
    const strip = m[1] === '-';
    this.pos++;
    let contentIndent = -1;
    const body: string[] = [];
    let leadingBlanks = 0;
    while (!this.done) {
      const l = this.line();
      if (l.text === '') {
        // Whitespace-only lines longer than the indentation carry content: subtle rules.
        if (contentIndent < 0) {
          if (l.raw.length > parent + 1) bail();
          leadingBlanks++;
        } else {
          if (l.raw.length > contentIndent) bail();
          body.push('');
        }
        this.pos++;
        continue;
      }
      if (contentIndent < 0) {
        if (l.indent <= parent) break;
        contentIndent = l.indent;
        for (let i = 0; i < leadingBlanks; i++) body.push('');
      } else if (l.indent < contentIndent) break;
      body.push(l.raw.slice(contentIndent));
      this.pos++;
      if (this.done && !this.endsWithNewline) bail(); // the last line's missing break: leave to `yaml`
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    if (body.length === 0) return '';
    const text = body.join('\n');
    return detach(strip ? text : `${text}\n`);
  }
}

/**
 * Reads kubectl-style YAML. Returns the documents' values, or undefined when the text uses
 * anything outside the subset (the caller then uses the full `yaml` parser).
 */
export function parseKubectlYaml(text: string, options?: KubectlYamlOptions): unknown[] | undefined {
  try {
    return new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options).document();
  } catch (e) {
    // Too deep for this recursive reader is also outside the subset: the caller's full parser
    // bounds nesting before it parses (model/nesting.ts).
    if (e instanceof OutsideSubset || e instanceof RangeError) return undefined;
    throw e;
  }
}
