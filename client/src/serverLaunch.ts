// How the client starts the language server process. Not part of the protocol: these are the
// server's launch options, chosen by whoever starts it (the extension, the tests, the benches).

/**
 * Node flags the server runs with. A smaller young generation keeps the language server's peak
 * RSS near 95 MB instead of 120+ MB on a 16,000-line file, at no measurable latency cost
 * (bench/language.bench.ts, bench/RESULTS.md).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];
