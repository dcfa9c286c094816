// Completion in a large `kind: List` parses only the item under the cursor again (issue 10): the
// answers are those of the same DaemonSet on its own, wherever the item sits in the List.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CompletionList, TextEdit } from 'vscode-languageserver';
import { complete } from '../../../server/src/features/completion';
import { defaultContext } from '../../../server/src/features/context';
import { parseDocumentModel } from '../../../server/src/model';
import { listItem } from '../../support/hostileInputs';

function completeIn(text: string, offset: number): CompletionList {
  return complete(parseDocumentModel(text), offset, defaultContext());
}

function summary(list: CompletionList, text: string, offset: number): string[] {
  // Edits relative to the cursor, so answers at different offsets compare.
  const model = parseDocumentModel(text);
  return list.items.map((i) => {
    const e = i.textEdit as TextEdit;
    return `${i.label}|${model.lines.offsetAt(e.range.start) - offset}|${model.lines.offsetAt(e.range.end) - offset}|${e.newText}`;
  });
}

const HEAD = 'apiVersion: v1\nkind: List\nitems:\n';

function withCaret(items: string[], at: number, edit: (item: string) => string): { text: string; offset: number } {
  const parts = items.map((it, i) => (i === at ? edit(it) : it));
  const text = HEAD + parts.join('');
  const offset = text.indexOf('$0');
  return { text: text.replace('$0', ''), offset };
}

const KEY_EDIT = (it: string) => it.replace('      selector:\n', '      $0\n      selector:\n');
const VALUE_EDIT = (it: string) => it.replace(/image: \S+/, 'imagePullPolicy: $0');

for (const [what, edit] of [
  ['a key', KEY_EDIT],
  ['a value', VALUE_EDIT],
] as const) {
  test(`${what} in the first, middle and last item of a 2,000-item List completes as in a one-item List`, () => {
    const items = Array.from({ length: 2000 }, (_, i) => listItem(i));
    const alone = withCaret([listItem(0)], 0, edit);
    const expected = summary(completeIn(alone.text, alone.offset), alone.text, alone.offset);
    assert.ok(expected.length > 0);
    for (const at of [0, 1000, 1999]) {
      const big = withCaret(items, at, edit);
      const got = summary(completeIn(big.text, big.offset), big.text, big.offset);
      // Labels that name the item (agent-<i>) differ by item; the rest must be identical.
      const norm = (l: string[]) => l.map((s) => s.replace(/agent-\d+/g, 'agent-N'));
      assert.deepEqual(norm(got), norm(expected), `item ${at}`);
    }
  });
}

test('a new item started with "- " at the end of a List offers the document start', () => {
  const text = HEAD + listItem(0) + listItem(1) + '  - ';
  const list = completeIn(text, text.length);
  assert.ok(
    list.items.some((i) => i.label === 'apiVersion'),
    list.items.map((i) => i.label).join(', '),
  );
});

test("the List's own keys get nothing (a List is not a DaemonSet)", () => {
  const text = 'apiVersion: v1\nkind: List\n\nitems:\n' + listItem(0);
  const list = completeIn(text, text.indexOf('\n\n') + 1);
  assert.deepEqual(list.items, []);
});
