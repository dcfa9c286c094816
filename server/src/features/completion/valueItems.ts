// Value choices as completion items: written as YAML scalars that read back as the same string,
// after a space when the cursor sits right after the colon, raw inside quotes.
import { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { CursorContext } from './cursorContext';
import { yamlString } from './itemText';
import type { ValueChoice } from './valueChoices';

const KINDS: Record<NonNullable<ValueChoice['kind']>, CompletionItemKind> = {
  enum: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  constant: CompletionItemKind.Constant,
};

/** Items for `choices`; `asNewItem` writes each as a new sequence item (`- value`). */
export function valueItems(cur: CursorContext, choices: readonly ValueChoice[], asNewItem = false): CompletionItem[] {
  return choices.map((choice, i) => {
    const scalar = cur.quoted || choice.literal ? choice.value : yamlString(choice.value);
    const text = `${asNewItem ? '- ' : ''}${cur.needsSpace ? ' ' : ''}${scalar}`;
    const item: CompletionItem = {
      label: choice.value === '' ? '""' : choice.value,
      kind: KINDS[choice.kind ?? 'enum'],
      // Keep the order the choice list gives (most common / most useful first).
      sortText: String(i).padStart(4, '0'),
      filterText: asNewItem ? text : undefined,
      insertText: text,
      insertTextFormat: InsertTextFormat.PlainText,
    };
    if (choice.detail) item.detail = choice.detail;
    if (choice.documentation) item.documentation = choice.documentation;
    return item;
  });
}
