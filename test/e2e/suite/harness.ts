// A tiny test runner for the extension host (no mocha): each test runs in order with an upper
// bound on its time; each result is reported on the console (forwarded to the launcher by
// VS Code) and appended as a JSON line to $DAEMONSET_E2E_OUT/results.jsonl when the launcher
// set it. run() rejects when any test failed, which VS Code turns into a non-zero exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TestCase {
  name: string;
  fn: () => Promise<void>;
  timeoutMs?: number;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

function record(line: object): void {
  const out = process.env.DAEMONSET_E2E_OUT;
  if (out) fs.appendFileSync(path.join(out, 'results.jsonl'), JSON.stringify(line) + '\n');
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function runTests(suite: string, tests: TestCase[]): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const start = Date.now();
    try {
      await withTimeout(t.fn(), t.timeoutMs ?? 30_000, t.name);
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
      console.log(`[e2e] ok   ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - start, error });
      console.error(`[e2e] FAIL ${t.name}\n${error}`);
    }
    record({ suite, ...results[results.length - 1] });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`[e2e] ${suite}: ${results.length - failed} passed, ${failed} failed`);
  return results;
}

export class AssertionError extends Error {}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}
