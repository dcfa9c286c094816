// Long parses in steps. A generator of `void` pauses at points where the caller may let other
// work run (session/modelCache.ts getAsync asks its TimeBudget at every pause whether the slice
// is used up); runSteps() runs one to the end for synchronous callers (the CLI, completion).
// The pauses lie inside one YAML document too (every STEP_TOKENS lexer tokens, every STEP_NODES
// nodes), so a single huge document (a `kind: List` of 15,000 items) does not hold up a hover on
// another file while it is read (issue 10).

/** Lexer tokens between two pauses (about a millisecond of lexing and parsing). */
export const STEP_TOKENS = 2048;
/** Collection nodes or List items between two pauses. */
export const STEP_NODES = 1024;

export type Steps<T> = Generator<void, T, void>;

/** Runs a stepped computation to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
