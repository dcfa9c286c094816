// Field paths as upstream's field.Path prints them: `.child` for a struct field, `[i]` for a list
// index and `[key]` for a map key (Path.Key), so resources.limits[memory] and
// metadata.annotations[example.com/owner]. Which segments are map keys comes from the schema; a
// path that leaves the schema (an unknown field) keeps the plain `.name` form.
import type { FieldPath } from '../../model';
import { rootSchema, property, SchemaNode } from '../../schema/schema';

export function apiPath(path: FieldPath): string {
  let out = '';
  let node: SchemaNode | undefined = rootSchema();
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = node?.type === 'array' ? node.items : node?.type === 'any' ? node : undefined;
    } else if (node?.type === 'map') {
      out += `[${seg}]`;
      node = node.values;
    } else {
      out += out ? `.${seg}` : seg;
      node = node?.type === 'object' ? property(node, seg)?.schema : node?.type === 'any' ? node : undefined;
    }
  }
  return out;
}
