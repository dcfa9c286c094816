// A YAML document with no `kind` yet: offer what turns it into a DaemonSet — the `apiVersion`
// and `kind` lines and, in an empty document, the DaemonSet snippets.
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode } from 'vscode-languageserver';
import { samePath } from '../../model';
import type { CursorContext } from './cursorContext';
import { DAEMONSET_SNIPPETS, snippetText } from './daemonSetSnippets';
import { valueChoices } from './valueChoices';
import { valueItems } from './valueItems';
import type { FeatureContext } from '../context';

// Keys a Kubernetes object starts with; a document with any other key is some other YAML file.
const OBJECT_KEYS = new Set(['apiVersion', 'kind', 'metadata', 'spec']);

export function documentStartItems(cur: CursorContext, ctx: FeatureContext): CompletionItem[] {
  if (cur.mode === 'value') {
    if (!samePath(cur.path, ['apiVersion']) && !samePath(cur.path, ['kind'])) return [];
    return valueItems(cur, valueChoices(cur.object, cur.path, ctx));
  }
  if (cur.path.length !== 0 || [...cur.present].some((k) => !OBJECT_KEYS.has(k))) return [];
  const items: CompletionItem[] = [];
  const field = (name: string, value: string, detail: string, sort: string) => {
    if (cur.present.has(name)) return;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail,
      documentation: `\`${name}: ${value}\``,
      sortText: sort,
      insertText: cur.hasColon ? name : `${name}: ${value}`,
      insertTextFormat: InsertTextFormat.PlainText,
    });
  };
  field('apiVersion', 'apps/v1', 'string', '0_apiVersion');
  field('kind', 'DaemonSet', 'string', '0_kind');
  // Whole manifests only where nothing else is written yet (and not as a List item).
  if (cur.documentEmpty && cur.keyColumn === 0 && cur.object.basePath.length === 0 && !cur.hasColon) {
    DAEMONSET_SNIPPETS.forEach((s, i) =>
      items.push({
        label: s.name,
        kind: CompletionItemKind.Snippet,
        detail: s.prefix,
        documentation: s.description,
        sortText: `1_${i}`,
        filterText: `${s.prefix} ${s.name}`,
        insertText: snippetText(s, cur.eol),
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
      }),
    );
  }
  return items;
}
