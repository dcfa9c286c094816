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
import { Composer, Document, Lexer, Parser } from 'yaml';
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
 * every STEP_TOKENS tokens; the duplicate-key pass pauses every STEP_NODES collections. What
 * cannot pause is the Composer's work on one finished document (it builds the nodes of a
 * document in one recursive call, about a fifth of the parse time).
 */
export function* parseGuardedSteps(text: string, options: ReadOptions = {}): Steps<Document.Parsed[]> {
  const lexer = new KubectlLexer();
  const parser = new Parser();
  const version = options.version ?? '1.1';
  const composer = new Composer({
    version,
    uniqueKeys: false,
    prettyErrors: false,
    // The yaml package would print a process warning (on the server's stderr, at every
    // keystroke) for each mapping key that is a collection; the file is still read.
    logLevel: 'error',
    ...(version === '1.1' ? { customTags: kubectlTags as never } : {}),
  });
  // Each syntax error is an Error object; capturing its stack trace cost more than the parse
  // itself on text with 100,000 errors (issue 10). Nobody reads those traces. The limit is
  // restored at every pause: other requests run there.
  const limit = Error.stackTraceLimit;
  const documents: Document.Parsed[] = [];
  let count = 0;
  Error.stackTraceLimit = 0;
  try {
    // What Composer.compose(Parser.parse(text)) does, a token at a time.
    for (const lexeme of lexer.lex(text)) {
      for (const token of parser.next(lexeme)) for (const doc of composer.next(token)) documents.push(doc as Document.Parsed);
      if (++count === STEP_TOKENS) {
        count = 0;
        Error.stackTraceLimit = limit;
        yield;
        Error.stackTraceLimit = 0;
      }
    }
    for (const token of parser.end()) for (const doc of composer.next(token)) documents.push(doc as Document.Parsed);
    for (const doc of composer.end()) documents.push(doc as Document.Parsed);
  } finally {
    Error.stackTraceLimit = limit;
  }
  for (const doc of documents) yield* checkDuplicateKeysSteps(doc);
  return documents;
}
