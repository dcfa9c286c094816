// Issue 10, injection: strings from files and clusters never become markdown (images, links,
// HTML) in hovers, never carry control characters into diagnostics, and never reach a terminal
// raw through the CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/cli';
import { clusterHover } from '../../../server/src/features/cluster/hover';
import { diagnose, toLspDiagnostic } from '../../../server/src/features/diagnostics';
import { defaultContext } from '../../../server/src/features/context';
import { parseDocumentModel } from '../../../server/src/model';
import { markdownCode, markdownText, plainText, terminalText } from '../../../server/src/text/escape';
import { caret } from '../../support/caret';
import { daemonSet, inlineContext, node, withCaret } from '../clusterFeatures/support';

const ESC = '\u001b';
const HOSTILE = [
  '![p](https://x.example/p.png)',
  '<img src=x onerror=alert(1)>',
  `evil${ESC}]8;;https://x.example${ESC}\\click${ESC}]8;;${ESC}\\`,
  `red${ESC}[31m\u009b2J\rover\u202eright`,
  '[link](https://x.example) www.x.example https://x.example',
];

/** Markdown outside code spans (code spans render their text literally). */
function prose(md: string): string {
  return md.replace(/`[^`\n]*`/g, '');
}

function assertInert(md: string): void {
  const p = prose(md);
  assert.doesNotMatch(p, /(^|[^\\])!\[/, `an image: ${md}`);
  assert.doesNotMatch(p, /(^|[^\\])\]\(/, `a link: ${md}`);
  assert.doesNotMatch(p, /(^|[^\\])</, `HTML: ${md}`);
  assert.doesNotMatch(p, /https?:\/\//, `an autolink: ${md}`);
  assert.doesNotMatch(
    md,
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/,
    `a control character: ${JSON.stringify(md)}`,
  );
}

test('the escapes: markdown punctuation, code spans, control characters', () => {
  assert.equal(markdownText('![p](https://x) www.x.y node-1.a'), '\\!\\[p\\]\\(https\\://x\\) www\\.x.y node-1.a');
  assert.equal(markdownText('a<b>&c'), 'a\\<b\\>\\&c');
  assert.equal(markdownText(`x${ESC}[31m\ny`), 'x\\u001b\\[31m\\u000ay');
  assert.equal(markdownCode('a`b\nc'), "`a'b\\u000ac`");
  assert.equal(plainText(`a\tb\nc\u009bd\u2066e`), 'a\\u0009b\\u000ac\\u009bd\\u2066e');
  assert.equal(terminalText(`ok\tline\n${ESC}[2J\r\u0085`), 'ok\tline\n\\u001b[2J\\u000d\\u0085');
  // Already escaped text stays the same (the CLI may pass text through twice).
  assert.equal(terminalText(terminalText(`${ESC}[0m`)), '\\u001b[0m');
});

test('cluster hovers show hostile node names, label values and taints as text', () => {
  const nodes = HOSTILE.map((h, i) =>
    node(`n${i}-${h}`, { disk: h, [`k${i}`]: 'v' }, [{ key: 'dedicated', value: h, effect: 'NoSchedule' }]),
  );
  const ctx = inlineContext(nodes, [], `snapshot ${HOSTILE[0]}.yaml`);
  const text = daemonSet(`
      nodeSelector:
        disk: ssd
      tolerations:
        - key: dedicated
          operator: Exists
`);
  for (const at of ['di$0sk: ssd', 'nodeSel$0ector', 'tolera$0tions', 'key: dedi$0cated']) {
    const { text: t, offset } = caret(withCaret(text, at));
    const h = clusterHover(parseDocumentModel(t), offset, ctx);
    assert.ok(h, at);
    const md = (h.contents as { value: string }).value;
    assertInert(md);
  }
});

test('diagnostics messages carry keys with control characters as visible escapes', () => {
  const text = daemonSet('').replace('spec:\n  selector', `spec:\n  "bad${ESC}[31mkey\\nline": 1\n  selector`);
  const model = parseDocumentModel(text);
  const found = diagnose(model, defaultContext()).filter((d) => d.code === 'unknownField');
  assert.equal(found.length, 1, JSON.stringify(found));
  const lsp = toLspDiagnostic(model, found[0]!) as { message: string };
  assert.match(lsp.message, /bad\\u001b\[31mkey\\u000aline/);
  assert.doesNotMatch(lsp.message, /[\u0000-\u001f]/);
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonset-injection-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

test('daemonset lint writes control characters from a manifest visibly, in text and in JSON', async () => {
  const key = `evil${ESC}]0;pwned${ESC}\\${ESC}[2J\u009b31m`;
  fs.writeFileSync(
    path.join(dir, 'evil.yaml'),
    daemonSet('').replace('spec:\n  selector', `spec:\n  ${JSON.stringify(key)}: 1\n  selector`),
  );
  const text = await cli('lint', 'evil.yaml');
  assert.equal(text.code, 1);
  assert.doesNotMatch(text.stdout + text.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(text.stdout, /unknownField/);
  const json = await cli('lint', '--format', 'json', 'evil.yaml');
  assert.doesNotMatch(json.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  const parsed = JSON.parse(json.stdout) as Array<{ diagnostics: Array<{ code: string; message: string }> }>;
  const d = parsed[0]!.diagnostics.find((x) => x.code === 'unknownField')!;
  // JSON consumers get the characters back, made visible once (as diagnostics messages are).
  assert.ok(d.message.includes('evil\\u001b]0;pwned'), d.message);
});

test('daemonset placement writes hostile node names from a snapshot visibly', async () => {
  fs.writeFileSync(path.join(dir, 'ds.yaml'), daemonSet(''));
  const name = `node${ESC}[2J${ESC}]8;;https://x${ESC}\\\u009b1m`;
  fs.writeFileSync(
    path.join(dir, 'nodes.json'),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Node', ...node(name, { zone: `z${ESC}[31m` }) }],
    }),
  );
  for (const format of ['text', 'json']) {
    const r = await cli('placement', 'ds.yaml', '--nodes', 'nodes.json', '--format', format);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, format);
    assert.ok(r.stdout.includes('node\\u001b[2J'), r.stdout);
    if (format === 'json') assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes(JSON.stringify(name).slice(1, -1)));
  }
});
