// Field paths as the API server writes them in validation errors:
// spec.template.spec.containers[0].ports[1].hostPort, metadata.labels[app.kubernetes.io/name].
export type FieldPath = ReadonlyArray<string | number>;

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (SIMPLE_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${seg}]`;
  }
  return out;
}

/** The `kubectl explain` form of a path: array indices dropped, `[]` kept on the array field. */
export function explainPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

export function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}
