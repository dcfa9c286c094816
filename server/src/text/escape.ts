// Text from a manifest, a snapshot file or a cluster is data, never markup or terminal control.
// Every place that shows such text goes through one of these:
//   markdownText  — inside hover prose: markdown punctuation is backslash-escaped, so a node
//                   named `![p](https://x)` cannot become an image or a link (and `<img>` no tag);
//   markdownCode  — as an inline code span;
//   plainText     — diagnostics messages (one line, no control characters);
//   terminalText  — everything the CLI writes (control characters made visible, lines kept).
// Control characters are written as JSON-style \u escapes (`\u001b`), which are also valid
// inside the CLI's JSON output, so one escaping serves text and JSON.

// C0 controls except TAB and LF, DEL, C1 controls, and the bidirectional / line-separator
// characters that reorder or break what a reader sees ("Trojan Source").
const CONTROL_KEEP_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// The same, plus TAB and LF: for one-line text.
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// What can start inline markup in the middle of a line (text is kept on one line, so block
// markers such as `#` or `-` never start one): emphasis, code, links and images, HTML and
// entities, strikethrough, table cells, and the `:` of autolinks (`https://…`). CommonMark lets
// any ASCII punctuation be backslash-escaped; `-` and `.` stay readable in node names.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]<>!()&~|:]/g;
// GFM's extended autolinks also start at `www.`.
const WWW = /\b(www)\./gi;

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line of plain text: every control character visible (`\u001b`, `\u000a`). */
export function plainText(s: string): string {
  return s.replace(CONTROL_ALL, visible);
}

/** What the CLI writes to a terminal: control characters visible, TAB and line breaks kept. */
export function terminalText(s: string): string {
  return s.replace(CONTROL_KEEP_LINES, visible);
}

/** Hover prose: no markdown, links, images or HTML can come out of `s`. */
export function markdownText(s: string): string {
  return plainText(s.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`).replace(WWW, '$1\\.'));
}

/** `s` as an inline code span (backticks inside become quotes; one line). */
export function markdownCode(s: string): string {
  return `\`${plainText(s.replace(/`/g, "'"))}\``;
}
