// Completion in DaemonSet manifests: keys by schema path, values for enum-like fields, the labels
// the selector and the template share, node labels and taints from the last cluster snapshot,
// and a start for documents that have no `kind` yet. Every other document gets nothing, so other
// YAML tooling (the Red Hat YAML extension) is not drowned out.
import { CompletionItem, CompletionList, Range, TextEdit } from 'vscode-languageserver';
import { DocumentModel } from '../model';
import type { FeatureContext } from './context';
import { CursorContext, cursorContext, PLACEHOLDER } from './completion/cursorContext';
import { documentStartItems } from './completion/documentStartItems';
import { keyItems } from './completion/keyItems';
import { valueChoices } from './completion/valueChoices';
import { valueItems } from './completion/valueItems';

const NOTHING: CompletionList = { isIncomplete: false, items: [] };

export function complete(model: DocumentModel, offset: number, ctx: FeatureContext): CompletionList {
  if (model.skipped) return NOTHING;
  // No catch here: an internal error must surface (in tests, and in the server's log through the
  // one guard around the completion handler in server.ts), not turn silently into no items.
  const cur = cursorContext(model, offset);
  if (!cur) return NOTHING;
  const kind = cur.object.kind;
  let items: CompletionItem[];
  if (kind === undefined || kind === PLACEHOLDER) items = documentStartItems(cur, ctx);
  else if (kind === 'DaemonSet') items = daemonSetItems(cur, ctx);
  else items = [];
  const range = { start: model.lines.positionAt(cur.replaceStart), end: model.lines.positionAt(cur.replaceEnd) };
  return { isIncomplete: false, items: items.map((item) => withEdit(range, item)) };
}

function daemonSetItems(cur: CursorContext, ctx: FeatureContext): CompletionItem[] {
  if (cur.mode === 'key') return keyItems(cur, ctx);
  return valueItems(cur, valueChoices(cur.object, cur.path, ctx));
}

/** Every item replaces the word under the cursor (so a partly typed key or value is overwritten). */
function withEdit(range: Range, item: CompletionItem): CompletionItem {
  const { insertText, ...rest } = item;
  return { ...rest, textEdit: TextEdit.replace(range, insertText ?? item.label) };
}
