// Invariant: the webview never turns data into markup or code. Cluster and manifest strings reach
// the page only through textContent and properties, so a hostile node name stays text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './harness';

test('invariant: client/webview uses no HTML-parsing or code-evaluating sink', () => {
  const dir = path.join(ROOT, 'client', 'webview');
  const sinks =
    /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|setHTMLUnsafe|srcdoc|eval\s*\(|new\s+Function\b|unsafeHTML)/;
  const offenders: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    fs.readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (sinks.test(line)) offenders.push(`client/webview/${name}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(offenders, []);
});
