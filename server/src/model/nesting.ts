// A linear bound on YAML nesting, checked before any text reaches a YAML parser.
//
// The `yaml` package parses and composes collections recursively. Past ~850 nested levels it
// overflows the stack, catches its own RangeError and goes on; the next parse in the same
// process can then abort Node itself (`FATAL ERROR: RegExpCompiler Allocation failed`, exit
// 134), which no try/catch can stop. So no text deeper than MAX_NESTING_DEPTH is ever handed to
// it (nor to anything else that recurses per level: toJS, visit, the diagnostics): every parse
// entry (documents, completion, snapshot files, kubeconfig files, the CLI) calls
// nestingProblem() first and reports "not parsed" instead.
//
// The scan runs the `yaml` package's own Lexer, which is an iterative state machine (a flow
// level is a counter, not a stack frame), so quoted scalars, comments, block scalars and
// multi-line plain scalars are recognised exactly as the parser will see them: a `[` inside a
// string is not counted, and nothing the parser nests can hide from the count. Depth is the
// number of open flow collections plus the block indentation levels open at a node (each `- `,
// `? ` and each node starting further right than the node above it opens one). It may count one
// level more than the parser builds (a scalar value on its key's line), never fewer.
//
// kubectl's reader (go-yaml, scannerc.go) refuses flow levels and block indents deeper than
// 10,000 ("exceeded max depth of 10000"); the JSON decoder behind it stops at 10,000 too. Real
// manifests are far shallower (the 56 DaemonSets of the test corpus reach 15; deep CRD schemas
// about 40), so our limit is well below where the parser fails and far above real use.
import { CST, Lexer } from 'yaml';
import { runSteps, STEP_TOKENS } from './steps';

/** Deepest nesting handed to the YAML parser (it overflows its stack from about 850). */
export const MAX_NESTING_DEPTH = 256;

export interface NestingProblem {
  /** Offset of the token that went past the limit. */
  offset: number;
  depth: number;
  message: string;
}

/**
 * The first place where `text` nests deeper than `limit`, or undefined. Linear in the text.
 * `tabs`, when given, receives the offsets of tabs that libyaml refuses and the `yaml` package
 * accepts: a tab in the blank after a block `- ` or `? ` indicator (scannerc.go skips tabs only
 * where no simple key may start; right after these indicators one may, so the tab is "found
 * character that cannot start any token").
 */
export function nestingProblem(text: string, limit = MAX_NESTING_DEPTH, tabs?: number[]): NestingProblem | undefined {
  return runSteps(nestingProblemSteps(text, limit, tabs));
}

/** nestingProblem in steps: pauses every STEP_TOKENS tokens (see steps.ts). */
export function* nestingProblemSteps(
  text: string,
  limit = MAX_NESTING_DEPTH,
  tabs?: number[],
): Generator<void, NestingProblem | undefined, void> {
  const depth = yield* maxNesting(text, limit, undefined, tabs);
  if (!depth) return undefined;
  return { offset: depth.offset, depth: depth.depth, message: nestingMessage(limit) };
}

export function nestingMessage(limit = MAX_NESTING_DEPTH): string {
  return `YAML nesting deeper than ${limit} levels; this document was not parsed`;
}

/**
 * Scans `text` and stops at the first token nested deeper than `stopAbove` (returning it), or
 * returns undefined. With stopAbove = Infinity it never stops; use maxNestingDepth() for that.
 */
function* maxNesting(
  text: string,
  stopAbove: number,
  stats?: { max: number },
  tabs?: number[],
): Generator<void, { offset: number; depth: number } | undefined, void> {
  let prev: string | null = null;
  // Block indentation columns of the open nodes, innermost last (strictly increasing).
  const block: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let atScalar = false;
  let count = 0;
  const open = (at: number): { offset: number; depth: number } | undefined => {
    if (flow === 0) {
      const col = at - lineStart;
      while (block.length > 0 && block[block.length - 1]! >= col) block.pop();
      block.push(col);
    }
    const depth = block.length + flow;
    if (stats && depth > stats.max) stats.max = depth;
    return depth > stopAbove ? { offset: at, depth } : undefined;
  };
  for (const token of new Lexer().lex(text)) {
    if (++count === STEP_TOKENS) {
      count = 0;
      yield;
    }
    if (atScalar) {
      // The source of a plain or block scalar: one token, however many lines it spans.
      atScalar = false;
      offset += token.length;
      const nl = token.lastIndexOf('\n');
      if (nl >= 0) lineStart = offset - token.length + nl + 1;
      continue;
    }
    const type = CST.tokenType(token);
    if (tabs && type === 'space' && flow === 0 && (prev === 'seq-item-ind' || prev === 'explicit-key-ind')) {
      const tab = token.indexOf('\t');
      if (tab >= 0) tabs.push(offset + tab);
    }
    prev = type;
    let hit: { offset: number; depth: number } | undefined;
    switch (type) {
      case 'scalar': // the marker before a plain or block scalar's source (zero width)
        hit = open(offset);
        if (hit) return hit;
        atScalar = true;
        continue;
      case 'doc-mode':
        continue;
      case 'flow-error-end': // the lexer closed every open flow collection (de-indent or marker)
        flow = 0;
        continue;
      case 'doc-start':
      case 'doc-end':
        block.length = 0;
        flow = 0;
        break;
      case 'newline':
        lineStart = offset + token.length;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        // In block context the collection is the node at this column: it replaces the nodes
        // at or right of it, and counts once (as a flow level).
        if (flow === 0) {
          const col = offset - lineStart;
          while (block.length > 0 && block[block.length - 1]! >= col) block.pop();
        }
        flow++;
        if (stats && block.length + flow > stats.max) stats.max = block.length + flow;
        if (block.length + flow > stopAbove) hit = { offset, depth: block.length + flow };
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        if (flow > 0) flow--;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'alias':
      case 'anchor':
      case 'tag':
      case 'block-scalar-header':
        hit = open(offset);
        break;
      default:
        break;
    }
    if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') {
      // A quoted scalar may span lines too.
      const nl = token.lastIndexOf('\n');
      if (nl >= 0) lineStart = offset + nl + 1;
    }
    offset += token.length;
    if (hit) return hit;
  }
  return undefined;
}

/** The deepest nesting in `text` as counted by nestingProblem() (for tests and measurements). */
export function maxNestingDepth(text: string): number {
  const stats = { max: 0 };
  runSteps(maxNesting(text, Infinity, stats));
  return stats.max;
}
