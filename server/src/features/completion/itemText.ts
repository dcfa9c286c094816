// Text that goes into completion items: YAML scalars that read back as the same string,
// snippet escaping, and the one-line documentation shown next to an item.

// Plain scalars YAML 1.1 (what Kubernetes reads) would turn into something other than a string.
const NON_STRING =
  /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?0b[01_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0[0-7_]+)$/;

/** `value` written as a YAML scalar that reads back as the string `value`. */
export function yamlString(value: string): string {
  if (value === '' || NON_STRING.test(value) || needsQuotes(value)) return JSON.stringify(value);
  return value;
}

function needsQuotes(value: string): boolean {
  return (
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value) || /: |:$| #/.test(value) || /[\n\r\t]/.test(value)
  );
}

/** Text inserted verbatim inside a snippet (`$`, `}` and `\` are snippet syntax). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

// Descriptions come from the schema (a fixed set): each is cut once, not on every completion.
const sentences = new Map<string, string>();
const MAX_CACHED = 20000;

/** The first sentence of an API description, on one line. */
export function firstSentence(description: string): string {
  let sentence = sentences.get(description);
  if (sentence === undefined) {
    sentence = cutFirstSentence(description);
    if (sentences.size < MAX_CACHED) sentences.set(description, sentence);
  }
  return sentence;
}

function cutFirstSentence(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  // A period ends the sentence when a capital, a quote or the end follows; "e.g." and "i.e." do not.
  let sentence = flat;
  for (const m of flat.matchAll(/\.(?=\s+[A-Z`"'(]|$)/g)) {
    const head = flat.slice(0, m.index + 1);
    if (/(?:\be\.g|\bi\.e|\bvs)\.$/i.test(head)) continue;
    sentence = head;
    break;
  }
  return sentence.length > 300 ? `${sentence.slice(0, 297)}...` : sentence;
}
