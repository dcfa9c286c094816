// Reads a Helm template as YAML with holes. The template's structure is known — whole-line
// actions (`{{- if }}`, `{{- else }}`, `{{- end }}`, `with`, `range`, `define`, `fail`, comments,
// `$x := ...`) write nothing where they stand — and what it writes is not: a whole-line output
// (`{{- toYaml .Values.x | nindent 8 }}`, `{{- include "x.labels" . | nindent 4 }}`) is unknown
// content at the indentation it produces, an action inside a line is an unknown value.
//
// The result is text of the same length as the template (every offset still points at the
// user's text) that the YAML parser reads as one rendering of the template's literal parts:
// - structure lines become blank;
// - one branch of each if/else chain is kept, the others become blank, so keys in different
//   branches are never duplicates (`variant` picks which branch: 0 = the first everywhere);
// - a whole-line output becomes a placeholder at the indentation it produces: a list item, a
//   mapping entry or a plain value, whichever its siblings are, so the parent stays a list or a
//   mapping and every check that touches it is skipped (it overlaps a template span);
// - an action inside a line becomes a plain word of x's.
// Where a conditional part still makes the YAML unreadable (two optional blocks that both set the
// same key), that part is blanked too and the text is read again.
import { parseAllDocuments } from 'yaml';
import { Action, contentIndent, scanActions } from './actions';

export interface TemplateSpan {
  start: number;
  end: number;
}

/** A whole-line output: unknown content at a known indentation. */
export interface TemplateHole {
  start: number;
  end: number;
  /** The column the content starts at, when the pipeline says it. */
  indent?: number;
  /** The pipeline, e.g. `toYaml .Values.tolerations | nindent 8`. */
  expression: string;
  /** How the hole was kept in the YAML: as a list item, a mapping entry, a value, or dropped. */
  as: 'item' | 'entry' | 'key' | 'value' | 'dropped' | 'text';
}

export interface TemplateReading {
  /** Same length as the input; YAML where the input is a template. */
  text: string;
  /** Every action still in play (and every hole's line), for "does this touch a template". */
  spans: TemplateSpan[];
  actions: Action[];
  holes: TemplateHole[];
  /** Text left out of this reading: other branches, `define` bodies, unreadable optional parts. */
  inactive: TemplateSpan[];
  /** How many readings pick different branches (the longest if/else chain). */
  variants: number;
}

interface Line {
  start: number;
  /** Offset of the newline (or the text end). */
  end: number;
}

interface Branch {
  /** First offset of the branch body (after its header line). */
  bodyStart: number;
  /** Offset of the line that ends the branch (its `else`/`end` line start). */
  bodyEnd: number;
}

interface Frame {
  kind: 'if' | 'with' | 'range' | 'define' | 'block';
  /** All control actions of the chain stand alone on their lines. */
  wholeLine: boolean;
  branches: Branch[];
  /** Whether the chain has an `else`. */
  hasElse: boolean;
}

const MAX_REPAIRS = 12;

export function readTemplate(text: string, variant = 0, repair = true): TemplateReading {
  const actions = scanActions(text);
  if (actions.length === 0) return { text, spans: [], actions, holes: [], inactive: [], variants: 1 };
  const lines = splitLines(text);
  const covered = coverage(text, actions);
  const lineKinds = lines.map((l) => classifyLine(text, l, covered));
  lineKinds.forEach((k, n) => {
    if (k.kind !== 'structure') return;
    const line = lines[n]!;
    const out = actions.find((a) => a.kind === 'output' && a.start >= line.start && a.start < line.end);
    if (out) k.indent = contentIndent(out, out.start - line.start);
  });
  const frames = readFrames(text, actions, lines, lineKinds);
  const variants = Math.max(1, ...frames.filter((f) => f.wholeLine && f.hasElse).map((f) => f.branches.length));
  const inactive: TemplateSpan[] = [];
  for (const f of frames) {
    if (f.kind === 'define') {
      // A define body is not rendered where it stands.
      const first = f.branches[0];
      const last = f.branches[f.branches.length - 1];
      if (first && last) inactive.push({ start: first.bodyStart, end: last.bodyEnd });
      continue;
    }
    if (!f.wholeLine || !f.hasElse) continue;
    const keep = Math.min(variant, f.branches.length - 1);
    f.branches.forEach((b, k) => {
      if (k !== keep && b.bodyEnd > b.bodyStart) inactive.push({ start: b.bodyStart, end: b.bodyEnd });
    });
  }
  // Optional parts (branches without an alternative) that can be dropped to make the YAML readable.
  const optional = frames
    .filter((f) => f.wholeLine && f.kind !== 'define')
    .flatMap((f) => f.branches)
    .filter((b) => b.bodyEnd > b.bodyStart)
    .sort((a, b) => a.bodyEnd - a.bodyStart - (b.bodyEnd - b.bodyStart));
  let reading = mask(text, actions, lines, lineKinds, inactive);
  for (let n = 0; repair && n < MAX_REPAIRS; n++) {
    const errorAt = firstYamlError(reading.text);
    if (errorAt === undefined) break;
    const branch = optional.find((b) => errorAt >= b.bodyStart && errorAt < b.bodyEnd && !isInside(inactive, b));
    if (!branch) break;
    inactive.push({ start: branch.bodyStart, end: branch.bodyEnd });
    reading = mask(text, actions, lines, lineKinds, inactive);
  }
  return { ...reading, actions, inactive: mergeSpans(inactive), variants };
}

type LineKind = 'literal' | 'structure' | 'output' | 'blank';

interface LineInfo {
  kind: LineKind;
  first: number;
  /** For a line with a whole-line output: the column its content starts at. */
  indent?: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}

/** For each offset, the action covering it (or -1). */
function coverage(text: string, actions: Action[]): Int32Array {
  const cov = new Int32Array(text.length).fill(-1);
  actions.forEach((a, i) => cov.fill(i, a.start, a.end));
  return cov;
}

/**
 * A line is literal when it has text outside actions (a trailing `# comment` does not count);
 * otherwise it is structure (only silent actions), output (a whole-line output) or blank.
 */
function classifyLine(text: string, line: Line, covered: Int32Array): LineInfo {
  let hasAction = -1;
  let output = -1;
  for (let i = line.start; i < line.end; i++) {
    const a = covered[i]!;
    const c = text[i]!;
    if (a >= 0) {
      if (hasAction < 0) hasAction = a;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && (i === line.start || /[ \t]/.test(text[i - 1]!) || covered[i - 1]! >= 0) && hasAction >= 0) break;
    return { kind: 'literal', first: -1 };
  }
  if (hasAction < 0) return { kind: 'blank', first: -1 };
  // Which actions touch this line.
  for (let i = line.start; i < line.end; i++) {
    const a = covered[i]!;
    if (a >= 0 && output < 0) output = a;
  }
  return { kind: 'structure', first: output };
}

function readFrames(text: string, actions: Action[], lines: Line[], kinds: LineInfo[]): Frame[] {
  const frames: Frame[] = [];
  const stack: Frame[] = [];
  const lineOf = lineFinder(lines);
  const alone = (a: Action) => {
    const first = lineOf(a.start);
    const last = lineOf(Math.max(a.start, a.end - 1));
    for (let l = first; l <= last; l++) if (kinds[l]!.kind === 'literal') return false;
    return true;
  };
  const afterLine = (a: Action) => {
    const l = lines[lineOf(Math.max(a.start, a.end - 1))]!;
    return Math.min(text.length, l.end + 1);
  };
  const lineStart = (a: Action) => lines[lineOf(a.start)]!.start;
  for (const a of actions) {
    switch (a.kind) {
      case 'if':
      case 'with':
      case 'range':
      case 'define':
      case 'block': {
        const f: Frame = {
          kind: a.kind,
          wholeLine: alone(a),
          branches: [{ bodyStart: afterLine(a), bodyEnd: text.length }],
          hasElse: false,
        };
        frames.push(f);
        stack.push(f);
        break;
      }
      case 'elseIf':
      case 'else': {
        const f = stack[stack.length - 1];
        if (!f) break;
        f.wholeLine &&= alone(a);
        f.hasElse = true;
        f.branches[f.branches.length - 1]!.bodyEnd = lineStart(a);
        f.branches.push({ bodyStart: afterLine(a), bodyEnd: text.length });
        break;
      }
      case 'end': {
        const f = stack.pop();
        if (!f) break;
        f.wholeLine &&= alone(a);
        f.branches[f.branches.length - 1]!.bodyEnd = lineStart(a);
        break;
      }
      default:
        break;
    }
  }
  return frames;
}

function lineFinder(lines: Line[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function isInside(spans: TemplateSpan[], b: { bodyStart: number; bodyEnd: number }): boolean {
  return spans.some((s) => s.start <= b.bodyStart && b.bodyEnd <= s.end);
}

function inSpans(spans: TemplateSpan[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

interface Masked {
  text: string;
  spans: TemplateSpan[];
  holes: TemplateHole[];
}

function mask(text: string, actions: Action[], lines: Line[], kinds: LineInfo[], inactive: TemplateSpan[]): Masked {
  const chars = text.split('');
  const spans: TemplateSpan[] = [];
  const holes: TemplateHole[] = [];
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  // Inactive text first: gone from this reading.
  for (const s of inactive) blank(s.start, s.end);
  const lineOf = lineFinder(lines);
  // Actions inside literal lines: a plain word (first line) and blanks (continuation lines).
  for (const a of actions) {
    if (inSpans(inactive, a.start)) continue;
    const l = lineOf(a.start);
    if (kinds[l]!.kind !== 'literal') continue;
    spans.push({ start: a.start, end: a.end });
    const firstLineEnd = lines[l]!.end;
    for (let i = a.start; i < a.end; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') continue;
      chars[i] = i < firstLineEnd ? 'x' : ' ';
    }
  }
  // Whole-line actions: structure lines become blank, outputs become placeholders.
  let block: { parentIndent: number } | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (inSpans(inactive, line.start) && inSpans(inactive, Math.max(line.start, line.end - 1))) continue;
    const k = kinds[n]!;
    const masked = chars.slice(line.start, line.end).join('');
    if (k.kind === 'literal') {
      const ind = indentOf(masked);
      if (block && ind !== undefined && ind <= block.parentIndent) block = undefined;
      if (!block && opensBlockScalar(masked)) block = { parentIndent: ind ?? 0 };
      continue;
    }
    if (k.kind === 'blank') continue;
    // Actions on this line (possibly continuing from earlier lines).
    const here = actions.filter((a) => a.start < line.end && a.end > line.start && !inSpans(inactive, a.start));
    if (here.length === 0) continue;
    const out = here.find((a) => a.kind === 'output' && a.start >= line.start);
    const firstColumn = Math.max(here[0]!.start, line.start) - line.start;
    const inBlock = block !== undefined && firstColumn > block.parentIndent;
    for (const a of here) {
      spans.push({ start: a.start, end: a.end });
      const from = Math.max(a.start, line.start);
      const to = Math.min(a.end, line.end);
      // Inside a block scalar a blank line longer than the indentation can be an error (more
      // indented leading empty lines): keep the action as text of the scalar instead.
      if (inBlock) for (let i = from; i < to; i++) chars[i] = 'x';
      else blank(from, to);
    }
    if (!out) continue;
    const column = out.start - line.start;
    const indent = contentIndent(out, column);
    if (block) {
      // Inside a block scalar any text is content: keep the hole as x's where it stands.
      if (indent === undefined || indent > block.parentIndent) {
        for (let i = out.start; i < Math.min(out.end, line.end); i++) chars[i] = 'x';
        holes.push({ start: out.start, end: out.end, indent, expression: out.body, as: 'text' });
        continue;
      }
      block = undefined;
    }
    const hole: TemplateHole = { start: out.start, end: out.end, indent, expression: out.body, as: 'dropped' };
    holes.push(hole);
    if (indent === undefined) continue;
    const role = siblingRole(chars, lines, kinds, n, indent);
    const placeholder =
      role === 'item' ? '- x' : role === 'entry' ? `t${n + 1}: x` : role === 'key' ? `t${n + 1}:` : 'x';
    const at = line.start + indent;
    if (at + placeholder.length > line.end) continue;
    for (let i = 0; i < placeholder.length; i++) chars[at + i] = placeholder[i]!;
    spans.push({ start: Math.min(at, out.start), end: line.end });
    hole.as = role;
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const unique = spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
  holes.sort((a, b) => a.start - b.start);
  return { text: chars.join(''), spans: unique, holes };
}

/** Whether a hole at `indent` on line `n` sits among list items, mapping entries, or alone. */
function siblingRole(
  chars: string[],
  lines: Line[],
  kinds: LineInfo[],
  n: number,
  indent: number,
): 'item' | 'entry' | 'key' | 'value' {
  const look = (from: number, step: number): 'item' | 'entry' | undefined => {
    for (let m = from; m >= 0 && m < lines.length; m += step) {
      if (kinds[m]!.kind !== 'literal') continue;
      const l = lines[m]!;
      const s = chars.slice(l.start, l.end).join('');
      const ind = indentOf(s);
      if (ind === undefined) continue;
      const body = s.slice(ind);
      if (ind === indent) return body.startsWith('- ') || body === '-' ? 'item' : 'entry';
      if (body.startsWith('- ') || body === '-') {
        // `- name: x`: its keys stand at the column after the dash.
        const inner = ind + /^-\s+/.exec(body)![0].length;
        if (inner === indent && /^[^\s#]/.test(body.slice(inner - ind))) return 'entry';
      }
      if (ind < indent) return undefined;
    }
    return undefined;
  };
  // Text right after the hole and deeper than it is the value of a key the hole writes
  // (`{{ include "x.labels" . | indent 6 }}` writing `labels:` followed by more labels).
  for (let m = n + 1; m < lines.length; m++) {
    const next = kinds[m]!;
    if (next.kind === 'structure' && next.indent !== undefined) {
      // Another whole-line output: its content is deeper, so this one writes a key.
      if (next.indent > indent) return 'key';
      break;
    }
    if (next.kind !== 'literal') continue;
    const ind = indentOf(chars.slice(lines[m]!.start, lines[m]!.end).join(''));
    if (ind === undefined) continue;
    if (ind > indent) return 'key';
    break;
  }
  return look(n + 1, 1) ?? look(n - 1, -1) ?? 'value';
}

function indentOf(line: string): number | undefined {
  const m = /^[ ]*/.exec(line)![0].length;
  const rest = line.slice(m);
  if (rest.trim() === '' || rest.startsWith('#')) return undefined;
  return m;
}

/** A line ending in a block scalar indicator: `key: |`, `- >-`, `key: |2+ # note`. */
function opensBlockScalar(line: string): boolean {
  return /(^|[:\s-])\s*[|>][-+0-9]*\s*(#.*)?$/.test(line) && /(:\s+|^\s*-\s+)[|>][-+0-9]*\s*(#.*)?$/.test(line);
}

function firstYamlError(text: string): number | undefined {
  try {
    const docs = parseAllDocuments(text, { version: '1.1', prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    let first: number | undefined;
    for (const d of list) for (const e of d.errors) if (first === undefined || e.pos[0] < first) first = e.pos[0];
    return first;
  } catch {
    return undefined;
  }
}

function mergeSpans(spans: TemplateSpan[]): TemplateSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: TemplateSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
