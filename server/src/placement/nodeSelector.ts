// spec.nodeSelector: every key must be a node label with exactly that value.
// Mirrors labels.SelectorFromSet as used by nodeaffinity.GetRequiredNodeAffinity: one Equals
// requirement per key, checked in key order, no syntax validation at match time.

import type { Node } from './types';
import { asRecord, isRecord, labelRecord, labelValue, show } from './shape';

export interface CompiledNodeSelector {
  /** Requirements sorted by key, as labels.SelectorFromSet sorts them. */
  entries: ReadonlyArray<readonly [key: string, value: string]>;
  /** A value the API would refuse (not a string), or a selector that is not a map. */
  invalid?: { key?: string; value: unknown };
}

export interface NodeSelectorMismatch {
  key: string;
  want: string;
  /** The node's value for the key; undefined when the node lacks the label. */
  have: string | undefined;
  /** Set when the selector itself is malformed. */
  invalid?: string;
}

export function compileNodeSelector(selector: unknown): CompiledNodeSelector {
  if (selector === undefined || selector === null) return { entries: [] };
  if (!isRecord(selector)) return { entries: [], invalid: { value: selector } };
  const entries: Array<readonly [string, string]> = [];
  let invalid: CompiledNodeSelector['invalid'];
  for (const key of Object.keys(selector).sort()) {
    const value = selector[key];
    if (typeof value === 'string') entries.push([key, value]);
    else if (invalid === undefined) invalid = { key, value };
  }
  return invalid === undefined ? { entries } : { entries, invalid };
}

/** The first requirement the labels fail (in key order), or undefined when all hold. */
export function firstNodeSelectorMismatch(
  compiled: CompiledNodeSelector,
  labels: Readonly<Record<string, unknown>>,
): NodeSelectorMismatch | undefined {
  if (compiled.invalid !== undefined) {
    const { key, value } = compiled.invalid;
    return key === undefined
      ? {
          key: '',
          want: '',
          have: undefined,
          invalid: `nodeSelector must be a map of label to value, found ${show(value)}`,
        }
      : {
          key,
          want: '',
          have: undefined,
          invalid: `nodeSelector \`${key}\` must be a string, found ${show(value)} (quote it)`,
        };
  }
  for (const [key, want] of compiled.entries) {
    const have = labelValue(labels, key);
    if (have !== want) return { key, want, have };
  }
  return undefined;
}

/** True when the node carries every label of the selector with the same value. */
export function matchesNodeSelector(selector: Readonly<Record<string, string>> | undefined, node: Node): boolean {
  const labels = labelRecord(asRecord(asRecord(node)?.['metadata'])?.['labels']);
  return firstNodeSelectorMismatch(compileNodeSelector(selector), labels) === undefined;
}

export function describeNodeSelectorMismatch(m: NodeSelectorMismatch): string {
  if (m.invalid !== undefined) return m.invalid;
  const have = m.have === undefined ? `node has no label ${m.key}` : `node has ${m.key}=${m.have}`;
  return `nodeSelector \`${m.key}=${m.want}\` does not match (${have})`;
}
