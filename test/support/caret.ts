// Test helper: YAML with a `$0` caret marker in, the text without it and the caret's offset out.
export function caret(textWithCaret: string): { text: string; offset: number } {
  const offset = textWithCaret.indexOf('$0');
  if (offset < 0) throw new Error('test text has no $0 caret marker');
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 2), offset };
}

/** Dedent a template literal so fixtures can be indented with the test code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
