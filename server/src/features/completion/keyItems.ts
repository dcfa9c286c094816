// Keys the mapping under the cursor may still get: schema properties (required first, the ones
// already there left out), the labels the selector and the pod template must share, and node
// label keys for a nodeSelector when a cluster snapshot is loaded.
import {
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
} from 'vscode-languageserver';
import { FieldPath, samePath } from '../../model';
import { propertiesOf, schemaAtPath, SchemaNode, SchemaProperty } from '../../schema/schema';
import type { FeatureContext } from '../context';
import { clusterKeyChoices } from './clusterChoices';
import type { CursorContext } from './cursorContext';
import { escapeSnippet, firstSentence, yamlString } from './itemText';
import { labelsAt } from './objectValues';
import { POD_SPEC, SELECTOR_LABELS, TEMPLATE_LABELS, valueChoices } from './valueChoices';
import { valueItems } from './valueItems';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
// Set by the API server, never by a manifest.
const SYSTEM_META = new Set([
  'creationTimestamp',
  'deletionGracePeriodSeconds',
  'deletionTimestamp',
  'generation',
  'managedFields',
  'resourceVersion',
  'selfLink',
  'uid',
]);

/** Opens the suggestion list again after a key is inserted, so its values show at once. */
const SUGGEST_VALUES: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function keyItems(cur: CursorContext, ctx: FeatureContext): CompletionItem[] {
  const schema = schemaAtPath(cur.path);
  if (!schema) return [];
  switch (schema.type) {
    case 'object':
      return propertyItems(cur, schema, cur.path, false, ctx);
    case 'map':
      return mapKeyItems(cur, ctx);
    case 'array': {
      // A line indented under `containers:` but without `- ` yet: the user starts the first item.
      const items = schema.items;
      if (!items) return [];
      if (items.type === 'object') return propertyItems(cur, items, [...cur.path, 0], true, ctx);
      return valueItems(cur, valueChoices(cur.object, [...cur.path, 0], ctx), true);
    }
    default:
      // `- ` in an array of scalars (`values:` / `- `): the placeholder stands for the item itself.
      if (typeof cur.path[cur.path.length - 1] === 'number')
        return valueItems(cur, valueChoices(cur.object, cur.path, ctx));
      return [];
  }
}

function propertyItems(
  cur: CursorContext,
  schema: SchemaNode,
  objectPath: FieldPath,
  newItem: boolean,
  ctx: FeatureContext,
): CompletionItem[] {
  const present = newItem ? new Set<string>() : cur.present;
  return propertiesOf(schema)
    .filter((p) => !present.has(p.name) && !hidden(schema, objectPath, p.name))
    .map((p) => {
      const deprecated =
        /\bdeprecated\b/i.test(firstSentence(p.schema.description)) || /^Deprecated/i.test(p.schema.description);
      const item: CompletionItem = {
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: p.schema.explainType,
        documentation: firstSentence(p.schema.description),
        sortText: `${deprecated ? 2 : p.required ? 0 : 1}_${p.name}`,
        insertText: keyInsert(cur, p, newItem),
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
      };
      if (deprecated) item.tags = [CompletionItemTag.Deprecated];
      if (!cur.hasColon && isScalar(p.schema) && valueChoices(cur.object, [...objectPath, p.name], ctx).length > 0) {
        item.command = SUGGEST_VALUES;
      }
      return item;
    });
}

function hidden(schema: SchemaNode, objectPath: FieldPath, name: string): boolean {
  if (objectPath.length === 0 && name === 'status') return true;
  if (schema.definition === OBJECT_META && SYSTEM_META.has(name)) return true;
  // ValidateDaemonSetSpec rejects activeDeadlineSeconds: a daemon pod is never "done".
  if (samePath(objectPath, POD_SPEC) && name === 'activeDeadlineSeconds') return true;
  return false;
}

function isScalar(schema: SchemaNode): boolean {
  return schema.type !== 'object' && schema.type !== 'map' && schema.type !== 'array';
}

/**
 * `key: ` for a scalar, `key:` + a nested line for an object or map, `key:` + `- ` for an array;
 * nested lines carry their full indentation (the item is inserted as is).
 */
function keyInsert(cur: CursorContext, p: SchemaProperty, newItem: boolean): string {
  if (cur.hasColon) return escapeSnippet(p.name);
  const lead = newItem ? '- ' : '';
  const nested = cur.eol + ' '.repeat(cur.keyColumn + lead.length + cur.indent);
  const key = `${lead}${escapeSnippet(p.name)}:`;
  switch (p.schema.type) {
    case 'object':
    case 'map':
      return `${key}${nested}$0`;
    case 'array':
      return `${key}${nested}- $0`;
    default:
      return `${key} $0`;
  }
}

/** Keys of a string map: the selector's labels from the template's and back; node labels. */
function mapKeyItems(cur: CursorContext, ctx: FeatureContext): CompletionItem[] {
  const fromCluster = clusterKeyChoices(cur.path, cur.present, ctx);
  if (fromCluster) {
    return fromCluster.map((c, i) => labelItem(cur, c.key, c.value, c.detail, c.documentation, i));
  }
  let source: Map<string, string> | undefined;
  let from = '';
  if (samePath(cur.path, SELECTOR_LABELS)) {
    source = labelsAt(cur.object, TEMPLATE_LABELS);
    from = 'spec.template.metadata.labels';
  } else if (samePath(cur.path, TEMPLATE_LABELS)) {
    source = labelsAt(cur.object, SELECTOR_LABELS);
    from = 'spec.selector.matchLabels';
  }
  if (!source) return [];
  return [...source]
    .filter(([key]) => !cur.present.has(key))
    .map(([key, value], i) =>
      labelItem(
        cur,
        key,
        value,
        `from ${from}`,
        "The selector must match the pod template's labels, or the API server rejects the DaemonSet.",
        i,
      ),
    );
}

function labelItem(
  cur: CursorContext,
  key: string,
  value: string,
  detail: string,
  documentation: string,
  i: number,
): CompletionItem {
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail,
    documentation,
    sortText: String(i).padStart(4, '0'),
    insertText: cur.hasColon ? yamlString(key) : `${yamlString(key)}: ${yamlString(value)}`,
    insertTextFormat: InsertTextFormat.PlainText,
  };
}
