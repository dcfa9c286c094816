// Renders a Helm template with the chart's defaults (values.yaml and the extra values files),
// for the forms charts use most: `.Values.a.b`, `| default x`, `| quote`, `toYaml .Values.x |
// nindent N`, `{{- with }}`/`{{- if }}`/`{{- range }}`, `include` of `_helpers.tpl` templates.
// Pure: the values and helper texts are passed in (session/helmCharts.ts reads them).
//
// Semantics follow text/template (text/template/exec.go: truth, pipelines with the piped value
// as the last argument, `with`/`range` rebinding the dot, trim markers) and Helm's engine
// (pkg/engine/engine.go: missing keys render as empty, `include`, `required`, `fail`;
// pkg/chartutil/coalesce.go: later values files override earlier ones, maps merge deeply, null
// deletes a key). Anything else — `.Release`, `.Capabilities`, `.Files`, `lookup`, `tpl`, a
// function not listed here, a nil pointer — is unknown: its output is a marker token
// (`__unknown_N__`), never a guess, and `unknowns` says which expression it stands for.
import { stringify } from 'yaml';
import { Action, scanActions } from './actions';

export interface ChartDefaults {
  /** The coalesced values (see mergeValues). */
  values: unknown;
  /** `.Chart` fields read from Chart.yaml. */
  chart?: { name?: string; version?: string; appVersion?: string };
  /** Texts holding `define`s (the chart's `templates/_*.tpl`). */
  helpers?: readonly string[];
}

export interface UnknownPart {
  /** The marker token in the rendered text. */
  token: string;
  /** The action (or condition) it stands for, e.g. `.Release.Name`. */
  expression: string;
  /** 0-based line of the action in the template. */
  line: number;
}

export interface RenderedTemplate {
  text: string;
  unknowns: UnknownPart[];
  /** `.Values` paths the rendering read, e.g. `tolerations`, `image.tag`. */
  valuesRead: string[];
  /** Set when the template cannot be rendered at all (a `fail` reached, too deep). */
  error?: string;
}

export const UNKNOWN_TOKEN = /__unknown_(\d+)__/;
const UNKNOWN_TOKENS = /__unknown_(\d+)__/g;

class Unknown {
  constructor(readonly expression: string) {}
}

const MAX_DEPTH = 40;
const MAX_OUTPUT = 4 * 1024 * 1024;
const MAX_STEPS = 200_000;

// ---------------------------------------------------------------------------------------------
// Values

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/** Coalesces values files in order (pkg/chartutil/coalesce.go: later wins, maps merge, null deletes). */
export function mergeValues(layers: readonly unknown[]): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const l of layers) if (isMap(l)) out = mergeInto(out, l);
  return out;
}

function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isMap(v) && isMap(out[k])) out[k] = mergeInto(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tree

type Node =
  | { t: 'text'; text: string }
  | { t: 'out'; a: Action; line: number; alone: boolean }
  | {
      t: 'if' | 'with';
      branches: Array<{ cond?: string; kind: 'if' | 'with'; body: Node[] }>;
      a: Action;
      line: number;
      alone: boolean;
      indent: number;
    }
  | {
      t: 'range';
      expr: string;
      a: Action;
      body: Node[];
      elseBody: Node[];
      line: number;
      alone: boolean;
      indent: number;
    }
  | { t: 'fail'; a: Action };

function parseTemplate(text: string, defines: Map<string, Node[]>): Node[] {
  const actions = scanActions(text);
  // Text segments between actions, trimmed by the trim markers (text/template/parse/lex.go).
  const texts: string[] = [];
  let from = 0;
  actions.forEach((a, i) => {
    let seg = text.slice(from, a.start);
    if (a.trimLeft) seg = seg.replace(/[ \t\r\n]+$/, '');
    if (i > 0 && actions[i - 1]!.trimRight) seg = seg.replace(/^[ \t\r\n]+/, '');
    texts.push(seg);
    from = a.end;
  });
  let tail = text.slice(from);
  if (actions.length > 0 && actions[actions.length - 1]!.trimRight) tail = tail.replace(/^[ \t\r\n]+/, '');
  texts.push(tail);

  const lineOf = (offset: number) => {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };
  const isAlone = (a: Action) => {
    const ls = text.lastIndexOf('\n', a.start - 1) + 1;
    let le = text.indexOf('\n', a.end);
    if (le < 0) le = text.length;
    return text.slice(ls, a.start).trim() === '' && (text.slice(a.end, le).trim() === '' || a.trimRight);
  };
  /** Indentation of the first line with text after the action (the block it guards). */
  const bodyIndent = (a: Action) => {
    const rest = text.slice(a.end).split('\n');
    for (const l of rest.slice(1)) {
      if (l.trim() === '' || /^\s*\{\{/.test(l)) continue;
      return /^ */.exec(l)![0].length;
    }
    return 0;
  };

  const root: Node[] = [];
  type Open =
    | { kind: 'if' | 'with'; node: Extract<Node, { t: 'if' | 'with' }> }
    | { kind: 'range'; node: Extract<Node, { t: 'range' }>; inElse: boolean }
    | { kind: 'define'; name: string; body: Node[] }
    | { kind: 'skip'; body: Node[] };
  const stack: Open[] = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.kind === 'define' || top.kind === 'skip') return top.body;
    if (top.kind === 'range') return top.inElse ? top.node.elseBody : top.node.body;
    return top.node.branches[top.node.branches.length - 1]!.body;
  };
  actions.forEach((a, i) => {
    const seg = texts[i]!;
    if (seg) target().push({ t: 'text', text: seg });
    const line = lineOf(a.start);
    const body = a.body.replace(/^-\s+/, '');
    switch (a.kind) {
      case 'if':
      case 'with': {
        const node = {
          t: a.kind,
          branches: [{ cond: body.slice(a.kind.length).trim(), kind: a.kind, body: [] as Node[] }],
          a,
          line,
          alone: isAlone(a),
          indent: bodyIndent(a),
        } as Extract<Node, { t: 'if' | 'with' }>;
        target().push(node);
        stack.push({ kind: a.kind, node });
        break;
      }
      case 'range': {
        const node: Extract<Node, { t: 'range' }> = {
          t: 'range',
          expr: body.slice(5).trim(),
          a,
          body: [],
          elseBody: [],
          line,
          alone: isAlone(a),
          indent: bodyIndent(a),
        };
        target().push(node);
        stack.push({ kind: 'range', node, inElse: false });
        break;
      }
      case 'elseIf':
      case 'else': {
        const top = stack[stack.length - 1];
        if (top?.kind === 'range') top.inElse = true;
        else if (top?.kind === 'if' || top?.kind === 'with') {
          const m = /^else\s+(if|with)\s+([\s\S]*)$/.exec(body);
          top.node.branches.push(
            m ? { cond: m[2]!.trim(), kind: m[1] as 'if' | 'with', body: [] } : { kind: 'if', body: [] },
          );
        }
        break;
      }
      case 'end': {
        const top = stack.pop();
        if (top?.kind === 'define') defines.set(top.name, top.body);
        break;
      }
      case 'define':
      case 'block': {
        const name = /^(?:define|block)\s+"((?:[^"\\]|\\.)*)"/.exec(body)?.[1];
        if (a.kind === 'block' && name !== undefined) {
          // `block` defines a template and runs it in place (text/template parse.go blockControl).
          const arg = body.replace(/^block\s+"(?:[^"\\]|\\.)*"\s*/, '') || '.';
          target().push({
            t: 'out',
            a: { ...a, body: `include ${JSON.stringify(name)} ${arg}` },
            line,
            alone: isAlone(a),
          });
        }
        if (name === undefined) stack.push({ kind: 'skip', body: [] });
        else stack.push({ kind: 'define', name, body: [] });
        break;
      }
      case 'fail':
        target().push({ t: 'fail', a });
        break;
      case 'output':
      case 'assign':
        target().push({ t: 'out', a, line, alone: isAlone(a) });
        break;
      default:
        break;
    }
  });
  const last = texts[texts.length - 1]!;
  if (last) target().push({ t: 'text', text: last });
  return root;
}

// ---------------------------------------------------------------------------------------------
// Pipelines

type Tok =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'word'; v: string }
  | { k: 'field'; v: string }
  | { k: 'paren'; v: string }
  | { k: 'pipe' };

function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '|') {
      out.push({ k: 'pipe' });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          const e = src[j + 1]!;
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) return undefined;
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) return undefined;
      out.push({ k: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (c === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < src.length && depth > 0) {
        if (src[j] === '"') {
          j++;
          while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
        }
        if (src[j] === '(') depth++;
        else if (src[j] === ')') depth--;
        j++;
      }
      if (depth !== 0) return undefined;
      // A field of a parenthesized value, `(.Values.x).y`, is not modelled.
      if (src[j] === '.') return undefined;
      out.push({ k: 'paren', v: src.slice(i + 1, j - 1) });
      i = j;
      continue;
    }
    const m = /^(?:-?\d+(?:\.\d+)?)/.exec(src.slice(i));
    if (m && (i === 0 || /[\s(|]/.test(src[i - 1]!))) {
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    const w = /^[$.A-Za-z_][$.A-Za-z0-9_-]*/.exec(src.slice(i));
    if (!w) return undefined;
    const word = w[0];
    out.push(word.startsWith('.') || word.startsWith('$') ? { k: 'field', v: word } : { k: 'word', v: word });
    i += word.length;
  }
  return out;
}

interface Scope {
  dot: unknown;
  root: unknown;
  vars: Map<string, unknown>;
}

class RenderFailed extends Error {}

class Renderer {
  readonly unknowns: UnknownPart[] = [];
  readonly valuesRead = new Set<string>();
  private steps = 0;
  private line = 0;
  /** Inside `include`: its text is a value, so an unknown block there is an inline marker. */
  private including = 0;

  constructor(
    private readonly defines: Map<string, Node[]>,
    private readonly values: unknown,
  ) {}

  unknownToken(expression: string): string {
    const token = `__unknown_${this.unknowns.length}__`;
    this.unknowns.push({ token, expression: expression.replace(UNKNOWN_TOKENS, '?'), line: this.line });
    return token;
  }

  run(nodes: Node[], scope: Scope, depth: number): string {
    if (depth > MAX_DEPTH) throw new RenderFailed('templates nest too deeply');
    let out = '';
    for (const n of nodes) {
      if (++this.steps > MAX_STEPS || out.length > MAX_OUTPUT) throw new RenderFailed('the template renders too much');
      switch (n.t) {
        case 'text':
          out += n.text;
          break;
        case 'fail':
          throw new RenderFailed(`the template fails with the chart defaults: ${n.a.body}`);
        case 'out': {
          this.line = n.line;
          const body = n.a.body.replace(/^-\s+/, '');
          const assign = /^(\$[A-Za-z0-9_]*)\s*(:?=)\s*([\s\S]*)$/.exec(body);
          if (assign) {
            scope.vars.set(assign[1]!, this.pipeline(assign[3]!, scope, depth));
            break;
          }
          const v = this.pipeline(body, scope, depth);
          out += this.print(v, body, n.alone, n.a);
          break;
        }
        case 'if':
        case 'with': {
          this.line = n.line;
          let done = false;
          for (const b of n.branches) {
            if (b.cond === undefined) {
              out += this.run(b.body, scope, depth + 1);
              done = true;
              break;
            }
            const v = this.pipeline(b.cond, scope, depth);
            if (v instanceof Unknown) {
              out += this.unknownBlock(`${b.kind} ${b.cond}`, n.alone, n.indent);
              done = true;
              break;
            }
            if (truth(v)) {
              out += this.run(b.body, b.kind === 'with' ? { ...scope, dot: v } : scope, depth + 1);
              done = true;
              break;
            }
          }
          void done;
          break;
        }
        case 'range': {
          this.line = n.line;
          const m = /^(?:(\$[A-Za-z0-9_]*)\s*(?:,\s*(\$[A-Za-z0-9_]*))?\s*:=\s*)?([\s\S]*)$/.exec(n.expr)!;
          const v = this.pipeline(m[3]!, scope, depth);
          if (v instanceof Unknown || (v !== null && v !== undefined && typeof v !== 'object') || isUnknownish(v)) {
            out += this.unknownBlock(`range ${n.expr}`, n.alone, n.indent);
            break;
          }
          const entries: Array<[unknown, unknown]> = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : isMap(v)
              ? Object.keys(v)
                  .sort()
                  .map((k) => [k, v[k]])
              : [];
          if (entries.length === 0) {
            out += this.run(n.elseBody, scope, depth + 1);
            break;
          }
          for (const [k, x] of entries) {
            const vars = new Map(scope.vars);
            if (m[1] && m[2]) {
              vars.set(m[1], k);
              vars.set(m[2], x);
            } else if (m[1]) vars.set(m[1], x);
            out += this.run(n.body, { ...scope, dot: x, vars }, depth + 1);
          }
          break;
        }
      }
    }
    return out;
  }

  /** An if/with/range whose condition is unknown: one marker where its content would be. */
  private unknownBlock(expression: string, alone: boolean, indent: number): string {
    const token = this.unknownToken(expression);
    return alone && this.including === 0 ? `\n${' '.repeat(indent)}${token}` : token;
  }

  private print(v: unknown, body: string, alone: boolean, a: Action): string {
    if (v instanceof Unknown) {
      const token = this.unknownToken(v.expression);
      // A whole-line output with nindent: the marker on its own line at that indentation.
      const nind = /\|\s*nindent\s+(\d+)\s*$/.exec(body) ?? /^nindent\s+(\d+)\s/.exec(body);
      if (nind) return `\n${' '.repeat(Number(nind[1]))}${token}`;
      const ind = /\|\s*indent\s+(\d+)\s*$/.exec(body);
      if (ind && alone) return `${' '.repeat(Number(ind[1]))}${token}`;
      void a;
      return token;
    }
    return show(v);
  }

  pipeline(src: string, scope: Scope, depth: number): unknown {
    const toks = tokenize(src);
    if (!toks) return new Unknown(src);
    const cmds: Tok[][] = [[]];
    for (const t of toks) {
      if (t.k === 'pipe') cmds.push([]);
      else cmds[cmds.length - 1]!.push(t);
    }
    let piped: unknown = NONE;
    for (const cmd of cmds) {
      if (cmd.length === 0) return new Unknown(src);
      piped = this.command(cmd, piped, scope, depth, src);
    }
    return piped;
  }

  private operand(t: Tok, scope: Scope, depth: number): unknown {
    switch (t.k) {
      case 'str':
        return t.v;
      case 'num':
        return t.v;
      case 'paren':
        return this.pipeline(t.v, scope, depth);
      case 'field':
        return this.field(t.v, scope);
      case 'word':
        if (t.v === 'true') return true;
        if (t.v === 'false') return false;
        if (t.v === 'nil') return null;
        return this.call(t.v, [], scope, depth, t.v);
      default:
        return new Unknown('|');
    }
  }

  private field(path: string, scope: Scope): unknown {
    let base: unknown;
    let rest: string;
    if (path === '.') return scope.dot;
    if (path.startsWith('$')) {
      const m = /^(\$[A-Za-z0-9_]*)(.*)$/.exec(path)!;
      if (m[1] === '$') base = scope.root;
      else if (scope.vars.has(m[1]!)) base = scope.vars.get(m[1]!);
      else return new Unknown(path);
      rest = m[2]!;
    } else {
      base = scope.dot;
      rest = path;
    }
    const segs = rest.split('.').filter((s) => s !== '');
    let v = base;
    const valuesPath: string[] = [];
    let inValues = false;
    for (const s of segs) {
      // text/template: a field of a nil value is an error ("nil pointer evaluating"): Helm stops.
      if (v instanceof Unknown || v === null || v === undefined || !isMap(v)) return new Unknown(path);
      if (v === this.values) inValues = true;
      if (inValues) valuesPath.push(s);
      v = Object.hasOwn(v, s) ? v[s] : undefined;
    }
    if (inValues && valuesPath.length > 0) this.valuesRead.add(valuesPath.join('.'));
    return v;
  }

  private command(cmd: Tok[], piped: unknown, scope: Scope, depth: number, src: string): unknown {
    const [head, ...rest] = cmd;
    if (head!.k === 'word' && !['true', 'false', 'nil'].includes(head!.v)) {
      const args = rest.map((t) => this.operand(t, scope, depth));
      if (piped !== NONE) args.push(piped);
      return this.call(head!.v, args, scope, depth, src);
    }
    if (rest.length > 0 || piped !== NONE) return new Unknown(src);
    return this.operand(head!, scope, depth);
  }

  private call(name: string, args: unknown[], scope: Scope, depth: number, src: string): unknown {
    // `default` is the one function that looks at an unknown argument's position: `default x u`
    // is unknown (u may be empty or not), `default u x` with x set is x's... only if x is known.
    const unknownArg = args.find((a) => a instanceof Unknown);
    if (unknownArg && !['and', 'or'].includes(name)) return new Unknown(src);
    // Text holding a marker (an include with an unknown part) passes only through functions that
    // keep every character of it.
    if (!KEEPS_TEXT.has(name) && args.some((a) => typeof a === 'string' && UNKNOWN_TOKEN.test(a)))
      return new Unknown(src);
    const s = (v: unknown) => (typeof v === 'string' ? v : show(v));
    switch (name) {
      case 'default': {
        if (args.length < 1) return new Unknown(src);
        const given = args.length > 1 ? args[args.length - 1] : undefined;
        return truth(given) ? given : args[0];
      }
      case 'quote':
        return args.map((a) => (a === null || a === undefined ? '""' : JSON.stringify(s(a)))).join(' ');
      case 'squote':
        return args.map((a) => `'${a === null || a === undefined ? '' : s(a)}'`).join(' ');
      case 'toYaml': {
        const v = args[0];
        if (containsUnknown(v)) return new Unknown(src);
        if (v === undefined || v === null) return 'null';
        return stringify(v, { version: '1.1', sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, '');
      }
      case 'toJson':
        return args[0] === undefined ? 'null' : JSON.stringify(args[0]);
      case 'nindent':
      case 'indent': {
        const n = Number(args[0]);
        if (!Number.isInteger(n) || n < 0 || n > 200) return new Unknown(src);
        const pad = ' '.repeat(n);
        const text = pad + s(args[1] ?? '').replace(/\n/g, `\n${pad}`);
        return name === 'nindent' ? `\n${text}` : text;
      }
      case 'trim':
        return s(args[0] ?? '').trim();
      case 'trimSuffix': {
        const [suf, v] = [s(args[0]), s(args[1] ?? '')];
        return v.endsWith(suf) ? v.slice(0, v.length - suf.length) : v;
      }
      case 'trimPrefix': {
        const [pre, v] = [s(args[0]), s(args[1] ?? '')];
        return v.startsWith(pre) ? v.slice(pre.length) : v;
      }
      case 'trunc': {
        const n = Number(args[0]);
        const v = s(args[1] ?? '');
        return n >= 0 ? v.slice(0, n) : v.slice(Math.max(0, v.length + n));
      }
      case 'lower':
        return s(args[0] ?? '').toLowerCase();
      case 'upper':
        return s(args[0] ?? '').toUpperCase();
      case 'toString':
        return args[0] === null || args[0] === undefined ? '' : s(args[0]);
      case 'replace':
        return s(args[2] ?? '')
          .split(s(args[0]))
          .join(s(args[1]));
      case 'contains':
        return s(args[1] ?? '').includes(s(args[0]));
      case 'hasPrefix':
        return s(args[1] ?? '').startsWith(s(args[0]));
      case 'hasSuffix':
        return s(args[1] ?? '').endsWith(s(args[0]));
      case 'printf': {
        const [fmt, ...rest] = args;
        if (typeof fmt !== 'string') return new Unknown(src);
        let k = 0;
        let bad = false;
        const r = fmt.replace(/%([svdq%])/g, (_m, c: string) => {
          if (c === '%') return '%';
          const v = rest[k++];
          if (c === 'q') return JSON.stringify(s(v ?? ''));
          if (typeof v === 'object' && v !== null) bad = true;
          return v === undefined || v === null ? '' : s(v);
        });
        return bad || /%[^svdq%]/.test(fmt) ? new Unknown(src) : r;
      }
      case 'print':
        return args.map((a) => (a === undefined || a === null ? '' : s(a))).join('');
      case 'not':
        return !truth(args[0]);
      case 'and': {
        for (const a of args) {
          if (a instanceof Unknown) return new Unknown(src);
          if (!truth(a)) return a;
        }
        return args[args.length - 1];
      }
      case 'or': {
        for (const a of args) {
          if (a instanceof Unknown) return new Unknown(src);
          if (truth(a)) return a;
        }
        return args[args.length - 1];
      }
      case 'eq':
        return args.length >= 2 && args.slice(1).some((b) => same(args[0], b));
      case 'ne':
        return args.length === 2 && !same(args[0], args[1]);
      case 'empty':
        return !truth(args[0]);
      case 'hasKey':
        return isMap(args[0]) && Object.hasOwn(args[0], s(args[1]));
      case 'ternary':
        return truth(args[2]) ? args[0] : args[1];
      case 'required': {
        if (!truth(args[1]) && args[1] !== false && args[1] !== 0) return new Unknown(src);
        return args[1];
      }
      case 'include':
      case 'template': {
        const tname = args[0];
        const body = typeof tname === 'string' ? this.defines.get(tname) : undefined;
        if (!body) return new Unknown(src);
        const dot = args.length > 1 ? args[1] : null;
        const line = this.line;
        const before = this.unknowns.length;
        this.including++;
        try {
          // A named template gets its own variables, `$` is its dot (text/template exec.go walkTemplate).
          const text = this.run(body, { dot, root: dot, vars: new Map([['$', dot]]) }, depth + 1);
          for (const u of this.unknowns.slice(before)) u.line = line;
          return text;
        } catch (e) {
          if (e instanceof RenderFailed) {
            this.unknowns.length = before;
            return new Unknown(src);
          }
          throw e;
        } finally {
          this.line = line;
          this.including--;
        }
      }
      default:
        return new Unknown(src);
    }
  }
}

const NONE = Symbol('none');
const KEEPS_TEXT = new Set(['nindent', 'indent', 'trim', 'toString', 'print', 'include', 'template']);

function isUnknownish(v: unknown): boolean {
  return v instanceof Unknown;
}

function containsUnknown(v: unknown, depth = 0): boolean {
  if (v instanceof Unknown) return true;
  if (depth > 50 || typeof v !== 'object' || v === null) return false;
  return Object.values(v).some((x) => containsUnknown(x, depth + 1));
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

/** text/template's truth (exec.go isTrue): false, 0, nil, and empty strings, lists and maps are false. */
function truth(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** How a value prints: Helm renders a missing value as empty. Maps and lists print Go-style: unknown. */
function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return UNSHOWABLE;
}
const UNSHOWABLE = '__unknown_go_value__';

/**
 * The template rendered with the chart defaults. Never throws; what cannot be rendered is a
 * marker token listed in `unknowns`, and the whole-line markers are turned into YAML that keeps
 * their parent's shape (a list item among items, an entry among entries).
 */
export function renderWithDefaults(template: string, defaults: ChartDefaults): RenderedTemplate {
  const defines = new Map<string, Node[]>();
  for (const h of defaults.helpers ?? []) {
    try {
      parseTemplate(h, defines);
    } catch {
      // An unreadable helpers file defines nothing.
    }
  }
  const nodes = parseTemplate(template, defines);
  const chart = defaults.chart ?? {};
  const values = isMap(defaults.values) ? defaults.values : {};
  const r = new Renderer(defines, values);
  const root = {
    Values: values,
    Chart: {
      ...(chart.name !== undefined ? { Name: chart.name } : {}),
      ...(chart.version !== undefined ? { Version: chart.version } : {}),
      ...(chart.appVersion !== undefined ? { AppVersion: chart.appVersion } : {}),
    },
    Release: new Unknown('.Release'),
    Capabilities: new Unknown('.Capabilities'),
    Files: new Unknown('.Files'),
    Template: new Unknown('.Template'),
  };
  let text: string;
  let error: string | undefined;
  try {
    text = r.run(nodes, { dot: root, root, vars: new Map([['$', root]]) }, 0);
  } catch (e) {
    if (!(e instanceof RenderFailed)) throw e;
    text = '';
    error = e.message;
  }
  if (text.includes(UNSHOWABLE)) text = text.split(UNSHOWABLE).join(r.unknownToken('a map or list printed as text'));
  const out: RenderedTemplate = {
    text: shapeMarkers(text),
    unknowns: r.unknowns,
    valuesRead: [...r.valuesRead].sort(),
  };
  if (error) out.error = error;
  return out;
}

/** A marker alone on its line becomes `- m` among list items, `m: m` among entries, `m:` before deeper lines. */
function shapeMarkers(text: string): string {
  const lines = text.split('\n');
  const indentOf = (l: string) => (l.trim() === '' || l.trim().startsWith('#') ? -1 : /^ */.exec(l)![0].length);
  return lines
    .map((l, n) => {
      const m = /^( *)(__unknown_\d+__)\s*$/.exec(l);
      if (!m) return l;
      const ind = m[1]!.length;
      const token = m[2]!;
      let next = -1;
      for (let k = n + 1; k < lines.length; k++)
        if ((next = indentOf(lines[k]!)) >= 0) {
          if (next > ind) return `${m[1]}${token}:`;
          break;
        }
      const sibling = (step: number): 'item' | 'entry' | undefined => {
        for (let k = n + step; k >= 0 && k < lines.length; k += step) {
          const i = indentOf(lines[k]!);
          if (i < 0) continue;
          const body = lines[k]!.slice(i);
          if (/^__unknown_\d+__\s*$/.test(body)) continue;
          if (i === ind) return body.startsWith('- ') || body === '-' ? 'item' : 'entry';
          if (i < ind) {
            const dash = /^-\s+/.exec(body);
            if (dash && i + dash[0].length === ind) return 'entry';
            if (step < 0 && /:\s*$/.test(body) && !dash) return undefined;
            if (step < 0 && dash && /:\s*$/.test(body)) return undefined;
            return undefined;
          }
        }
        return undefined;
      };
      const role = sibling(-1) ?? sibling(1);
      if (role === 'item') return `${m[1]}- ${token}`;
      if (role === 'entry') return `${m[1]}${token}: ${token}`;
      return l;
    })
    .join('\n');
}
