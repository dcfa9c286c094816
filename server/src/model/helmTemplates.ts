// Helm / Go-template expressions (`{{ ... }}`) are not YAML. Before parsing we mask them with
// text of the same length, so every offset still points at the user's text:
// - an action alone on its line (`{{- if .Values.x }}`, `{{ toYaml .Values.r | nindent 8 }}`)
//   becomes a YAML comment;
// - an expression inside a line (`image: "{{ .Values.image }}"`) becomes a plain word.
// Features then treat every node that overlaps a masked span as unknown and skip it.

export interface TemplateSpan {
  start: number;
  end: number;
}

export interface MaskedText {
  text: string;
  spans: TemplateSpan[];
}

const OPEN = '{{';
const CLOSE = '}}';

export function maskTemplates(text: string): MaskedText {
  if (!text.includes(OPEN)) return { text, spans: [] };
  const spans: TemplateSpan[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(OPEN, from);
    if (start < 0) break;
    const close = text.indexOf(CLOSE, start + 2);
    const end = close < 0 ? lineEnd(text, start) : close + 2;
    spans.push({ start, end });
    from = end;
  }
  if (spans.length === 0) return { text, spans };
  const chars = text.split('');
  for (const span of spans) {
    const ownLine = onlyWhitespaceBefore(text, span.start) && onlyWhitespaceAfter(text, span.end);
    let lineFirst = true;
    for (let i = span.start; i < span.end; i++) {
      const c = text[i];
      if (c === '\n' || c === '\r') {
        lineFirst = true;
        continue;
      }
      if (ownLine) {
        chars[i] = lineFirst ? '#' : ' ';
      } else {
        chars[i] = 'x';
      }
      lineFirst = false;
    }
  }
  return { text: chars.join(''), spans };
}

export function overlapsTemplate(spans: readonly TemplateSpan[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start < end && start < s.end) return true;
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

function onlyWhitespaceBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function onlyWhitespaceAfter(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
