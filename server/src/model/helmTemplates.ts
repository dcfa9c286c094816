// Helm / Go-template expressions (`{{ ... }}`) are not YAML. Before parsing, the template is read
// for its structure and masked to text of the same length, so every offset still points at the
// user's text (helm/templateReader.ts): structure lines become blank, one branch of each if/else
// is kept, a whole-line output becomes a placeholder at the indentation it produces, and an
// expression inside a line becomes a plain word. Features treat every node that overlaps a
// template span as unknown and skip it.
import { readTemplate, type TemplateSpan } from './helm/templateReader';

export type { TemplateSpan };

export interface MaskedText {
  text: string;
  spans: TemplateSpan[];
}

export function maskTemplates(text: string): MaskedText {
  if (!text.includes('{{')) return { text, spans: [] };
  const reading = readTemplate(text);
  return { text: reading.text, spans: reading.spans };
}

export function overlapsTemplate(spans: readonly TemplateSpan[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start < end && start < s.end) return true;
  }
  return false;
}
