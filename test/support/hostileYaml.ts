// Generated hostile YAML (issue 10): nesting that overflows the `yaml` package's stack, sized by
// the caller, never committed as files.

/** `[[[…]]]`, `depth` levels of flow sequences. */
export const flowSeqs = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** `{a: {a: … 1}}`, `depth` levels of flow mappings. */
export const flowMaps = (depth: number): string => '{a: '.repeat(depth) + '1' + '}'.repeat(depth);

/** `- - - … x`: `depth` block sequences on one line (linear size, unlike indented maps). */
export const blockSeqs = (depth: number): string => `${'- '.repeat(depth)}x\n`;

/** `a:\n a:\n  a: …`: `depth` block mappings, one more space each (quadratic size: keep it small). */
export const blockMaps = (depth: number): string => {
  let s = '';
  for (let i = 0; i < depth; i++) s += `${' '.repeat(i)}a:\n`;
  return s;
};

/** Two documents, as in the issue: the second parse after a recovered overflow aborted Node. */
export const twoDocs = (doc: string): string => `${doc}\n---\n${doc}\n`;
