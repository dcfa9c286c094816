// The one way YAML text is parsed in this project: the `yaml` package, set up to read what
// kubectl reads (sigs.k8s.io/yaml on go-yaml, a port of libyaml) and guarded so hostile text
// cannot take the process down.
//
// - Nesting is bounded before parsing (nesting.ts): too deep a text is not parsed at all.
// - Duplicate keys are found by our own linear pass (duplicateKeys.ts), not by the package's
//   `uniqueKeys` check, which compares every key with every other (40,000 keys: ~40 s).
// - Quoted scalars may continue on lines indented no deeper than their key, as in libyaml
//   (scannerc.go yaml_parser_scan_flow_scalar checks a continuation line only for a document
//   marker at column 0, never its indentation); the `yaml` package ends the scalar there and
//   reports "Missing closing quote" (issue 9). test/fixtures/yaml-parity records libyaml's
//   answers for the constructs where the two could differ.
import {
  Composer,
  CST,
  Document,
  isMap,
  isSeq,
  Lexer,
  Parser,
  YAMLError,
  YAMLParseError,
  YAMLSeq,
  YAMLWarning,
} from 'yaml';
import { checkDuplicateKeysSteps } from './duplicateKeys';
import { NestingProblem, nestingProblem } from './nesting';
import { runSteps, STEP_TOKENS, Steps } from './steps';

export interface ReadOptions {
  /** '1.1' for manifests (as go-yaml resolves `yes`, `0640`); '1.2' core for kubectl's output. */
  version?: '1.1' | '1.2';
}

export interface ReadResult {
  documents: Document.Parsed[];
  /** Set when the text nests too deep to be parsed; `documents` is then empty. */
  tooDeep?: NestingProblem;
}

/** A Lexer that lets quoted scalars continue on under-indented lines, as libyaml does. */
class KubectlLexer extends Lexer {}
{
  const proto = KubectlLexer.prototype as unknown as {
    buffer: string;
    pos: number;
    continueScalar(offset: number): number;
  };
  const base = (Lexer.prototype as unknown as typeof proto).continueScalar;
  // The `yaml` lexer asks continueScalar(offset of a line start) while scanning a plain or
  // quoted scalar (and a block scalar) whether the scalar goes on at that line. While a
  // quoted scalar is scanned, `pos` is still at its opening quote (a plain scalar cannot start
  // with a quote; a block scalar's `pos` is at its first content line, where only a column-0
  // quote could be, and there the base rule already ignores indentation).
  proto.continueScalar = function (this: typeof proto, offset: number): number {
    const q = this.buffer[this.pos];
    if (q !== "'" && q !== '"') return base.call(this, offset);
    // libyaml: only `---` or `...` at column 0 followed by a blank ends a quoted scalar early.
    const three = this.buffer.substr(offset, 3);
    if (three === '---' || three === '...') {
      const after = this.buffer[offset + 3];
      if (after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r') return -1;
    }
    return offset;
  };
}

/**
 * Scalars as go-yaml v2 resolves them into interface{} (sigs.k8s.io/yaml/goyaml.v2 resolve.go),
 * where the `yaml` package's YAML 1.1 schema differs: no sexagesimal numbers (`1:20` stays a
 * string: "Base 60 floats are a bad idea … purposefully unsupported"), no timestamps (a date
 * stays a string unless decoded into a time.Time), and `0o640` is an octal int (strconv.ParseInt
 * with base 0). Booleans (y/n/yes/no/on/off…), `0640` octals, `0b`/`0x`, `_` separators and
 * `<<` merges already agree. The YAML 1.2 core schema (snapshots) is left as it is.
 */
const octalO = {
  identify: () => false,
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0[oO][0-7_]+$/,
  resolve: (str: string) => {
    const sign = str[0] === '-' ? -1 : 1;
    const digits = str.replace(/^[-+]?0[oO]/, '').replace(/_/g, '');
    return sign * parseInt(digits, 8);
  },
};
type Tag = { tag?: string; format?: string };
function kubectlTags(tags: unknown[]): unknown[] {
  const kept = tags.filter((t) => {
    const tag = t as Tag;
    if (tag.tag === 'tag:yaml.org,2002:timestamp') return false;
    if (tag.format === 'TIME') return false; // intTime, floatTime: 1:20, 190:20:30.15
    return true;
  });
  return [octalO, ...kept];
}

/**
 * Parses every document of `text`. Never throws for any input; never hands the parser text
 * nested deeper than MAX_NESTING_DEPTH.
 */
export function readYaml(text: string, options: ReadOptions = {}): ReadResult {
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { documents: [], tooDeep };
  return { documents: parseGuarded(text, options) };
}

/** As readYaml, for text whose nesting the caller has already checked with nestingProblem(). */
export function parseGuarded(text: string, options: ReadOptions = {}): Document.Parsed[] {
  return runSteps(parseGuardedSteps(text, options));
}

/**
 * parseGuarded in steps (steps.ts): the lexer and parser are driven token by token and pause
 * every STEP_TOKENS tokens; the duplicate-key pass pauses every STEP_NODES collections. The
 * Composer builds a whole document in one recursive call; a document holding a block sequence
 * of more than COMPOSE_BATCH items (the `items` of a huge `kind: List`) is composed in batches
 * of its items instead, with a pause after each (composeInBatches).
 */
export function* parseGuardedSteps(text: string, options: ReadOptions = {}): Steps<Document.Parsed[]> {
  const lexer = new KubectlLexer();
  const parser = new Parser();
  const version = options.version ?? '1.1';
  const composerOptions = {
    version,
    uniqueKeys: false,
    prettyErrors: false,
    // The yaml package would print a process warning (on the server's stderr, at every
    // keystroke) for each mapping key that is a collection; the file is still read.
    logLevel: 'error',
    ...(version === '1.1' ? { customTags: kubectlTags as never } : {}),
  } as const;
  const composer = new Composer(composerOptions);
  // Directives (%TAG) change how a document composes: such streams are composed whole.
  const batchable = !/^%/m.test(text);
  // Each syntax error is an Error object; capturing its stack trace cost more than the parse
  // itself on text with 100,000 errors (issue 10). Nobody reads those traces. The limit is
  // restored at every pause: other requests run there.
  const limit = Error.stackTraceLimit;
  const documents: Document.Parsed[] = [];
  // Items composed ahead of their document, by the index of the document they belong to.
  const ahead = new Map<number, Ahead>();
  let docTokens = 0;
  const pause = function* (): Steps<void> {
    Error.stackTraceLimit = limit;
    yield;
    Error.stackTraceLimit = 0;
  };
  const take = (doc: unknown) => {
    const parsed = doc as Document.Parsed;
    const early = ahead.get(documents.length);
    if (early) spliceAhead(parsed, early);
    documents.push(parsed);
  };
  const feed = function* (token: CST.Token): Steps<void> {
    if (token.type === 'document') {
      if (batchable) {
        const early = yield* composeInBatches(token, composerOptions, pause);
        if (early) ahead.set(docTokens, early);
      }
      docTokens++;
    }
    for (const doc of composer.next(token)) take(doc);
  };
  let count = 0;
  Error.stackTraceLimit = 0;
  try {
    // What Composer.compose(Parser.parse(text)) does, a token at a time.
    for (const lexeme of lexer.lex(text)) {
      for (const token of parser.next(lexeme)) yield* feed(token);
      if (++count === STEP_TOKENS) {
        count = 0;
        yield* pause();
      }
    }
    for (const token of parser.end()) yield* feed(token);
    for (const doc of composer.end()) take(doc);
  } finally {
    Error.stackTraceLimit = limit;
  }
  for (const doc of documents) yield* checkDuplicateKeysSteps(doc);
  return documents;
}

/** Block sequences with more items than this are composed in batches of this many items. */
export const COMPOSE_BATCH = 1000;

/** The items (and their errors) of a long sequence, composed before the rest of its document. */
interface Ahead {
  /** Offset of the sequence's CST token: its composed node starts there. */
  seqOffset: number;
  /** Offsets of the collections from the document's root down to the sequence. */
  path: number[];
  items: unknown[];
  errors: YAMLParseError[];
  warnings: YAMLWarning[];
}

/**
 * When the document holds a block sequence longer than COMPOSE_BATCH (the longest one reached
 * through block collections), composes all its items but the last batch here, a batch at a time
 * with a fresh Composer on the same document token whose sequence holds only that batch, pausing
 * in between. The token is left holding the last batch, for the stream's own Composer (which
 * composes everything else of the document once, with its comments and stream state); the
 * earlier items are spliced into that document afterwards (spliceAhead). Each batch composes
 * its items exactly as the whole would (a block sequence composes each item on its own); of a
 * batch's errors only those inside its items are kept (the rest are the other batches' or the
 * last one's). One difference: an item with no `-` indicator at a batch's start reports its
 * MISSING_CHAR at the sequence's start rather than at the previous item's end.
 */
function* composeInBatches(
  doc: CST.Document,
  options: ConstructorParameters<typeof Composer>[0],
  pause: () => Steps<void>,
): Steps<Ahead | undefined> {
  const found = longestBlockSeq(doc);
  if (!found || found.seq.items.length <= COMPOSE_BATCH) return undefined;
  const { seq, path } = found;
  const all = seq.items;
  const itemStart = (i: number): number => {
    const it = all[i]!;
    return it.start[0]?.offset ?? (it.value as { offset?: number } | undefined)?.offset ?? seq.offset;
  };
  const lastStart = Math.floor((all.length - 1) / COMPOSE_BATCH) * COMPOSE_BATCH;
  const early: Ahead = { seqOffset: seq.offset, path, items: [], errors: [], warnings: [] };
  try {
    for (let s = 0; s < lastStart; s += COMPOSE_BATCH) {
      seq.items = all.slice(s, s + COMPOSE_BATCH);
      const [part] = Array.from(new Composer(options).compose([doc]));
      const node = part ? seqIn(part as Document.Parsed, early) : undefined;
      if (!node || node.items.length !== seq.items.length) return undefined;
      const from = itemStart(s);
      const to = itemStart(s + COMPOSE_BATCH);
      const inside = (e: YAMLError) => e.pos[0] >= from && e.pos[0] < to;
      early.items.push(...node.items);
      early.errors.push(...part!.errors.filter(inside));
      early.warnings.push(...part!.warnings.filter(inside));
      yield* pause();
    }
    seq.items = all.slice(lastStart);
    return early;
  } catch (e) {
    seq.items = all;
    throw e;
  }
}

/** Puts the items composed ahead back in front of the last batch's, with their errors. */
function spliceAhead(doc: Document.Parsed, early: Ahead): void {
  const node = seqIn(doc, early);
  if (!node) throw new Error('yamlReader: the sequence composed in batches is missing from its document');
  node.items = [...(early.items as typeof node.items), ...node.items];
  doc.errors.push(...early.errors);
  doc.warnings.push(...early.warnings);
}

/** The composed sequence of `early`, found along its path of collection offsets. */
function seqIn(doc: Document.Parsed, early: Ahead): YAMLSeq | undefined {
  const start = (n: unknown): number | undefined => (n as { range?: number[] } | null)?.range?.[0];
  const offsets = [...early.path, early.seqOffset];
  let cur: unknown = doc.contents;
  if (start(cur) !== offsets[0]) return undefined;
  for (const offset of offsets.slice(1)) {
    const children: unknown[] = isMap(cur) ? cur.items.map((p) => p.value) : isSeq(cur) ? cur.items : [];
    cur = children.find((c) => start(c) === offset);
    if (cur === undefined) return undefined;
  }
  return isSeq(cur) ? (cur as YAMLSeq) : undefined;
}

/**
 * The block sequence with the most items reachable from the document's root through block
 * mappings and sequences, with the offsets of the collections above it (root first).
 */
function longestBlockSeq(doc: CST.Document): { seq: CST.BlockSequence; path: number[] } | undefined {
  let best: { seq: CST.BlockSequence; path: number[] } | undefined;
  const stack: Array<{ token: CST.Token | undefined; path: number[] }> = [{ token: doc.value, path: [] }];
  while (stack.length > 0) {
    const { token, path } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'block-seq') {
      if (!best || token.items.length > best.seq.items.length) best = { seq: token, path };
      // A long sequence's items are not searched: nested sequences are shorter in practice,
      // and searching every item would double the work.
      if (token.items.length > COMPOSE_BATCH) continue;
      for (const it of token.items) stack.push({ token: it.value, path: [...path, token.offset] });
    } else if (token.type === 'block-map') {
      for (const it of token.items) stack.push({ token: it.value, path: [...path, token.offset] });
    }
  }
  return best;
}
