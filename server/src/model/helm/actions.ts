// Go-template actions (`{{ ... }}`) in a Helm template: where each one starts and ends, and what
// it does to the rendered text. Read the way text/template's lexer reads them
// (text/template/parse/lex.go: trim markers `{{- ` / ` -}}`, comments `{{/* */}}`, quoted, raw
// and character strings inside an action), without evaluating anything.

export type ActionKind =
  | 'if'
  | 'elseIf'
  | 'else'
  | 'end'
  | 'with'
  | 'range'
  | 'define'
  | 'block'
  | 'comment'
  /** `$x := ...` / `$x = ...`: no output. */
  | 'assign'
  /** `fail "..."`: stops rendering, no output. */
  | 'fail'
  /** `break` / `continue`: no output. */
  | 'loopControl'
  /** Anything that writes text: `.Values.x`, `include`, `toYaml`, `template`, ... */
  | 'output';

export interface Action {
  /** Offset of `{{`. */
  start: number;
  /** Offset just past `}}` (the line end for an action that is never closed). */
  end: number;
  kind: ActionKind;
  /** The pipeline between the delimiters and trim markers, trimmed. */
  body: string;
  /** `{{-`: the whitespace before the action is removed from the output. */
  trimLeft: boolean;
  /** `-}}`: the whitespace after the action is removed from the output. */
  trimRight: boolean;
  /** False when no `}}` closes the action. */
  closed: boolean;
}

const OPEN = '{{';
/** An action longer than this without `}}` is taken to end at its line end. */
const MAX_ACTION_CHARS = 20000;

/** Every action in the text, in order. Never throws; unclosed actions end at their line end. */
export function scanActions(text: string): Action[] {
  const out: Action[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(OPEN, from);
    if (start < 0) break;
    const action = readAction(text, start);
    out.push(action);
    from = Math.max(action.end, start + 2);
  }
  return out;
}

function readAction(text: string, start: number): Action {
  let i = start + 2;
  const trimLeft = text[i] === '-' && isSpace(text[i + 1]);
  if (trimLeft) i += 1;
  const bodyStart = i;
  const limit = Math.min(text.length, start + MAX_ACTION_CHARS);
  // A comment: `{{/*` or `{{- /*`, closed by `*/}}` or `*/ -}}`.
  let j = i;
  while (j < limit && isSpace(text[j])) j++;
  if (text.startsWith('/*', j)) {
    const close = text.indexOf('*/', j + 2);
    if (close >= 0 && close < limit) {
      let k = close + 2;
      let trimRight = false;
      const m = /^[ \t\r\n]*(-?)\}\}/.exec(text.slice(k, k + 64));
      if (m) {
        trimRight = m[1] === '-';
        k += m[0].length;
        return {
          start,
          end: k,
          kind: 'comment',
          body: text.slice(bodyStart, close + 2).trim(),
          trimLeft,
          trimRight,
          closed: true,
        };
      }
    }
    return unclosed(text, start, bodyStart, trimLeft, 'comment');
  }
  while (i < limit) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') {
      let bodyEnd = i;
      let trimRight = false;
      if (text[i - 1] === '-' && isSpace(text[i - 2]) && i - 1 > bodyStart) {
        trimRight = true;
        bodyEnd = i - 1;
      }
      const body = text.slice(bodyStart, bodyEnd).trim();
      return { start, end: i + 2, kind: classify(body), body, trimLeft, trimRight, closed: true };
    }
    if (c === '"' || c === "'") {
      // Interpreted strings and character constants end at their quote; a newline ends them too
      // (text/template rejects it), so a stray quote cannot swallow the rest of the file.
      let k = i + 1;
      while (k < limit && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      i = text[k] === c ? k + 1 : i + 1;
      continue;
    }
    if (c === '`') {
      const k = text.indexOf('`', i + 1);
      i = k >= 0 && k < limit ? k + 1 : i + 1;
      continue;
    }
    i++;
  }
  return unclosed(text, start, bodyStart, trimLeft, undefined);
}

function unclosed(
  text: string,
  start: number,
  bodyStart: number,
  trimLeft: boolean,
  kind: ActionKind | undefined,
): Action {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const body = text.slice(bodyStart, end).trim();
  return { start, end, kind: kind ?? classify(body), body, trimLeft, trimRight: false, closed: false };
}

/** What an action does, from its first word (text/template/parse/parse.go's action keywords). */
export function classify(body: string): ActionKind {
  // `{{ - if }}` (a space before the dash) is a syntax error in Go; read it as meant.
  const b = body.replace(/^-\s+/, '');
  if (b.startsWith('/*')) return 'comment';
  // `{{ "\n" }}`-style whitespace: nothing a reader of the YAML sees.
  if (/^"(?:\\n|\\t|\s)*"$/.test(b)) return 'comment';
  const word = /^[A-Za-z_]+/.exec(b)?.[0];
  switch (word) {
    case 'if':
      return 'if';
    case 'else':
      return /^else\s+(if|with)\b/.test(b) ? 'elseIf' : 'else';
    case 'end':
      return 'end';
    case 'with':
      return 'with';
    case 'range':
      return 'range';
    case 'define':
      return 'define';
    case 'block':
      return 'block';
    case 'fail':
      return 'fail';
    case 'break':
    case 'continue':
      return 'loopControl';
    default:
      break;
  }
  if (/^\$[A-Za-z0-9_]*\s*:?=/.test(b)) return 'assign';
  return 'output';
}

/** True for kinds that write nothing where they stand. */
export function isSilent(kind: ActionKind): boolean {
  return kind !== 'output';
}

/**
 * The column a whole-line output action puts its content at: `nindent N` starts a new line
 * indented N; `indent N` indents by N after the action's own column; otherwise the action's
 * column. Undefined when the pipeline's indentation is not a literal number.
 */
export function contentIndent(action: Action, column: number): number | undefined {
  const pipes = action.body.split('|').map((p) => p.trim());
  // `toYaml . | nindent 8 | trim`-like tails do not change the indentation of the first line much;
  // look for the last indent/nindent in the pipeline.
  for (let k = pipes.length - 1; k >= 0; k--) {
    const m = /^(n?indent)\s+(\d+)$/.exec(pipes[k]!);
    if (m) return m[1] === 'nindent' ? Number(m[2]) : column + Number(m[2]);
    const call = /^(n?indent)\s+(\S+)/.exec(pipes[k]!);
    if (call) return undefined;
  }
  // `nindent 8 (toYaml .)`-style calls.
  const fn = /\b(n?indent)\s+(\d+)\s/.exec(action.body);
  if (fn) return fn[1] === 'nindent' ? Number(fn[2]) : column + Number(fn[2]);
  return column;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
