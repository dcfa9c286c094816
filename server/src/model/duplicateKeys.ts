// Duplicate mapping keys, found in one linear pass (a hash per mapping). The `yaml` package's
// own `uniqueKeys` check compares each new key with every earlier one, which is quadratic: a
// 40,000-key mapping took 14 s to lint (issue 10).
//
// kubectl refuses such a document: go-yaml v3 (yaml.v3 decode.go, `mapping`) reports
// `mapping key "x" already defined at line N`, and sigs.k8s.io/yaml's strict conversion
// (YAMLToJSONStrict, yaml.v2 UnmarshalStrict) `key "x" already set in map`; only its
// non-strict conversion keeps the last value silently. So a duplicate stays an error here, as
// the `yaml` package reported it (code DUPLICATE_KEY, on the repeated key), now naming the key.
// (No line number in the message: a chunk's problems are reused when text above it moves.) Keys are compared by their scalar value as JSON would name them (`1` and "1"
// are the same JSON key); `<<` merge keys and non-scalar keys are not compared.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlNode, YAMLParseError } from 'yaml';
import { runSteps, STEP_NODES, Steps } from './steps';

/** Adds a DUPLICATE_KEY error to `doc.errors` for every repeated key. Linear in the document. */
export function checkDuplicateKeys(doc: Document.Parsed): void {
  runSteps(checkDuplicateKeysSteps(doc));
}

/** checkDuplicateKeys in steps: pauses every STEP_NODES collections (steps.ts). */
export function* checkDuplicateKeysSteps(doc: Document.Parsed): Steps<void> {
  const stack: unknown[] = [doc.contents];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++count === STEP_NODES) {
      count = 0;
      yield;
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as YamlNode | null;
        if (isScalar(key) && key.range) {
          const value = key.value;
          const name = value === null || value === undefined ? 'null' : String(value);
          // A YAML 1.1 merge key (plain `<<`) is a symbol: several merges are allowed.
          if (typeof value !== 'symbol') {
            if (!seen.has(name)) seen.add(name);
            else {
              const message = `Map keys must be unique: ${JSON.stringify(name)} is already a key of this mapping`;
              doc.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', message));
            }
          }
        } else if (key && !isAlias(key)) stack.push(key);
        if (item.value && !isAlias(item.value)) stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item && !isAlias(item)) stack.push(item);
    }
  }
}
