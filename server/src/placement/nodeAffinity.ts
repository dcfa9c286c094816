// Required node affinity: nodeSelectorTerms are ORed, the requirements inside a term ANDed.
// Mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity (LazyErrorNodeSelector,
// newNodeSelectorTerm, nodeSelectorRequirementsAsSelector/AsFieldSelector) and
// labels.Requirement.Matches:
// - a term with neither matchExpressions nor matchFields is skipped, so an empty list matches nothing;
// - a term that fails to parse (bad operator, wrong value count, non-integer Gt/Lt bound, bad
//   key or value syntax) never matches, but the other terms still can;
// - matchFields only knows metadata.name (In/NotIn, exactly one value) and is ignored for a
//   node without a name.

import type { FieldPath, Node, NodeSelectorTerm } from './types';
import { asArray, asRecord, asString, isRecord, labelMap, labelValue, show, type UnknownRecord } from './shape';
import { labelValueProblems, qualifiedNameProblems, type SyntaxProblem } from './labelSyntax';
import {
  requirementMatches,
  type LabelRequirement as BaseRequirement,
  type RequirementOperator,
} from './labelSelector';
import { parseInt64Text } from './quantity';

export const REQUIRED_TERMS_PATH: FieldPath = [
  'spec',
  'template',
  'spec',
  'affinity',
  'nodeAffinity',
  'requiredDuringSchedulingIgnoredDuringExecution',
  'nodeSelectorTerms',
];

type LabelOperator = RequirementOperator;

/** A matchExpressions entry: labels.Requirement (matched by labelSelector.ts) with its place. */
interface LabelRequirement extends BaseRequirement {
  index: number;
  /** Manifest path of this requirement, built once. */
  path: FieldPath;
  /** The parsed bound of Gt/Lt. */
  bound: number | bigint;
}

interface FieldRequirement {
  index: number;
  path: FieldPath;
  key: string;
  operator: 'In' | 'NotIn';
  value: string;
}

export interface CompiledTerm {
  /** Position in nodeSelectorTerms. */
  index: number;
  expressions: readonly LabelRequirement[];
  fields: readonly FieldRequirement[];
  /** Parse errors: the term matches no node. The first one names its field. */
  problems: ReadonlyArray<{ path: FieldPath; text: string }>;
}

export interface CompiledRequiredAffinity {
  /** False when the pod has no required node affinity (every node passes). */
  present: boolean;
  /** Non-empty terms in manifest order. */
  terms: readonly CompiledTerm[];
  /** Set when the required affinity is not even shaped like a NodeSelector. */
  malformed?: string;
}

export interface NodeAffinityMismatch {
  detail: string;
  path: FieldPath;
}

/** Compiles requiredDuringSchedulingIgnoredDuringExecution once per DaemonSet. */
export function compileRequiredAffinity(nodeAffinity: unknown): CompiledRequiredAffinity {
  const affinity = asRecord(nodeAffinity);
  if (affinity === undefined) return { present: false, terms: [] };
  const required = affinity['requiredDuringSchedulingIgnoredDuringExecution'];
  if (required === undefined || required === null) return { present: false, terms: [] };
  if (!isRecord(required)) {
    return {
      present: true,
      terms: [],
      malformed: `requiredDuringSchedulingIgnoredDuringExecution must be an object with nodeSelectorTerms, found ${show(required)}`,
    };
  }
  const rawTerms = required['nodeSelectorTerms'];
  if (rawTerms !== undefined && rawTerms !== null && !Array.isArray(rawTerms)) {
    return { present: true, terms: [], malformed: `nodeSelectorTerms must be a list, found ${show(rawTerms)}` };
  }
  const terms: CompiledTerm[] = [];
  asArray(rawTerms).forEach((raw, index) => {
    const term = compileTerm(raw, index);
    if (term !== undefined) terms.push(term);
  });
  return { present: true, terms };
}

/** Compiles one term; undefined for an empty term, which selects nothing and is skipped. */
export function compileTerm(raw: unknown, index: number): CompiledTerm | undefined {
  const term = asRecord(raw);
  if (term === undefined) return undefined;
  const rawExpressions = term['matchExpressions'];
  const rawFields = term['matchFields'];
  const problems: Array<{ path: FieldPath; text: string }> = [];
  const base: FieldPath = [...REQUIRED_TERMS_PATH, index];
  for (const [name, value] of [
    ['matchExpressions', rawExpressions],
    ['matchFields', rawFields],
  ] as const) {
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      problems.push({ path: [...base, name], text: `${name} must be a list, found ${show(value)}` });
    }
  }
  const expressionList = asArray(rawExpressions);
  const fieldList = asArray(rawFields);
  if (expressionList.length === 0 && fieldList.length === 0 && problems.length === 0) return undefined;

  const expressions: LabelRequirement[] = [];
  expressionList.forEach((rawReq, i) => {
    const compiled = compileLabelRequirement(rawReq, i, [...base, 'matchExpressions', i], problems);
    if (compiled !== undefined) expressions.push(compiled);
  });
  const fields: FieldRequirement[] = [];
  fieldList.forEach((rawReq, i) => {
    const compiled = compileFieldRequirement(rawReq, i, [...base, 'matchFields', i], problems);
    if (compiled !== undefined) fields.push(compiled);
  });
  return { index, expressions, fields, problems };
}

// labels.NewRequirement's checks, reached through nodeSelectorRequirementsAsSelector.
function compileLabelRequirement(
  raw: unknown,
  index: number,
  path: FieldPath,
  problems: Array<{ path: FieldPath; text: string }>,
): LabelRequirement | undefined {
  const req = asRecord(raw);
  if (req === undefined) {
    problems.push({ path, text: `matchExpressions[${index}] must be an object, found ${show(raw)}` });
    return undefined;
  }
  const start = problems.length;
  const key = asString(req['key']);
  const operator = req['operator'];
  const values = readValues(req['values'], path, problems);
  if (key === undefined) {
    problems.push({ path: [...path, 'key'], text: `key must be a string, found ${show(req['key'])}` });
  } else {
    const keyProblem = shortText(qualifiedNameProblems(key)[0]);
    if (keyProblem !== undefined)
      problems.push({ path: [...path, 'key'], text: `key \`${key}\` is invalid: ${keyProblem}` });
  }
  let bound: number | bigint = 0;
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        problems.push({ path: [...path, 'values'], text: `operator ${operator} needs at least one value` });
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0)
        problems.push({ path: [...path, 'values'], text: `operator ${operator} takes no values` });
      break;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1)
        problems.push({ path: [...path, 'values'], text: `operator ${operator} needs exactly one value` });
      values.forEach((v, i) => {
        const parsed = parseInt64Text(v);
        if (parsed === undefined)
          problems.push({
            path: [...path, 'values', i],
            text: `operator ${operator} needs an integer, found \`${v}\``,
          });
        else if (i === 0) bound = parsed;
      });
      break;
    }
    default:
      problems.push({
        path: [...path, 'operator'],
        text: `operator ${show(operator)} is not supported (In, NotIn, Exists, DoesNotExist, Gt, Lt)`,
      });
  }
  values.forEach((v, i) => {
    const valueProblem = shortText(labelValueProblems(v)[0]);
    if (valueProblem !== undefined)
      problems.push({ path: [...path, 'values', i], text: `value \`${v}\` is invalid: ${valueProblem}` });
  });
  if (problems.length !== start || key === undefined) return undefined;
  return { index, path, key, operator: operator as LabelOperator, values, bound };
}

// nodeSelectorRequirementsAsFieldSelector, plus the API's rule that metadata.name is the only node field.
function compileFieldRequirement(
  raw: unknown,
  index: number,
  path: FieldPath,
  problems: Array<{ path: FieldPath; text: string }>,
): FieldRequirement | undefined {
  const req = asRecord(raw);
  if (req === undefined) {
    problems.push({ path, text: `matchFields[${index}] must be an object, found ${show(raw)}` });
    return undefined;
  }
  const start = problems.length;
  const key = asString(req['key']);
  const operator = req['operator'];
  const values = readValues(req['values'], path, problems);
  if (key !== 'metadata.name') {
    problems.push({
      path: [...path, 'key'],
      text: `matchFields supports only the key metadata.name, found ${show(req['key'])}`,
    });
  }
  if (operator !== 'In' && operator !== 'NotIn') {
    problems.push({
      path: [...path, 'operator'],
      text: `matchFields operator ${show(operator)} is not supported (In, NotIn)`,
    });
  } else if (values.length !== 1) {
    problems.push({ path: [...path, 'values'], text: `matchFields operator ${operator} needs exactly one value` });
  }
  if (problems.length !== start) return undefined;
  return { index, path, key: 'metadata.name', operator: operator as 'In' | 'NotIn', value: values[0] as string };
}

function readValues(raw: unknown, path: FieldPath, problems: Array<{ path: FieldPath; text: string }>): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path: [...path, 'values'], text: `values must be a list of strings, found ${show(raw)}` });
    return [];
  }
  const out: string[] = [];
  raw.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else problems.push({ path: [...path, 'values', i], text: `value ${show(v)} must be a string (quote it)` });
  });
  return out;
}

function fieldRequirementMatches(req: FieldRequirement, nodeName: string): boolean {
  return req.operator === 'In' ? nodeName === req.value : nodeName !== req.value;
}

/** nodeSelectorTerm.match: all expressions, then fields (skipped for a nameless node). */
export function compiledTermMatches(
  term: CompiledTerm,
  labels: Readonly<Record<string, unknown>>,
  nodeName: string,
): boolean {
  if (term.problems.length > 0) return false;
  for (const req of term.expressions) if (!requirementMatches(req, labels)) return false;
  if (nodeName.length > 0) for (const req of term.fields) if (!fieldRequirementMatches(req, nodeName)) return false;
  return true;
}

/** LazyErrorNodeSelector.Match: true when any term matches. */
export function requiredAffinityMatches(
  affinity: CompiledRequiredAffinity,
  labels: Readonly<Record<string, unknown>>,
  nodeName: string,
): boolean {
  if (!affinity.present) return true;
  for (const term of affinity.terms) if (compiledTermMatches(term, labels, nodeName)) return true;
  return false;
}

/** Why the node fails the required affinity, in plain words, with the field to look at. */
export function explainAffinityMismatch(
  affinity: CompiledRequiredAffinity,
  labels: Readonly<Record<string, unknown>>,
  nodeName: string,
): NodeAffinityMismatch {
  if (affinity.malformed !== undefined) {
    return {
      detail: `required node affinity is malformed: ${affinity.malformed}`,
      path: REQUIRED_TERMS_PATH.slice(0, -1),
    };
  }
  if (affinity.terms.length === 0) {
    return {
      detail: 'required node affinity has no non-empty nodeSelectorTerms, so it matches no node',
      path: REQUIRED_TERMS_PATH,
    };
  }
  const reasons = affinity.terms.map((term) => explainTerm(term, labels, nodeName));
  if (reasons.length === 1) {
    const only = reasons[0] as { text: string; path: FieldPath };
    return { detail: `node affinity ${only.text}`, path: only.path };
  }
  const listed = reasons.map((r, i) => `term ${(affinity.terms[i] as CompiledTerm).index}: ${r.text}`).join('; ');
  return { detail: `none of the ${reasons.length} node affinity terms matches: ${listed}`, path: REQUIRED_TERMS_PATH };
}

/**
 * A short key that is equal for two nodes exactly when explainAffinityMismatch would word them
 * alike (same failing requirement per term, same label value): lets a caller reuse the words
 * across thousands of nodes.
 */
export function affinityMismatchKey(
  affinity: CompiledRequiredAffinity,
  labels: Readonly<Record<string, unknown>>,
  nodeName: string,
): string {
  let key = '';
  for (const term of affinity.terms) {
    key += '\u0002';
    if (term.problems.length > 0) continue;
    let failed = false;
    for (const req of term.expressions) {
      if (requirementMatches(req, labels)) continue;
      const v = labelValue(labels, req.key);
      key += v !== undefined ? `e${req.index}=${v}` : `e${req.index}`;
      failed = true;
      break;
    }
    if (failed) continue;
    for (const req of term.fields) {
      if (fieldRequirementMatches(req, nodeName)) continue;
      key += `f${req.index}=${nodeName}`;
      break;
    }
  }
  return key;
}

function explainTerm(
  term: CompiledTerm,
  labels: Readonly<Record<string, unknown>>,
  nodeName: string,
): { text: string; path: FieldPath } {
  const first = term.problems[0];
  if (first !== undefined) return { text: `is invalid and matches no node: ${first.text}`, path: first.path };
  for (const req of term.expressions) {
    if (requirementMatches(req, labels)) continue;
    return { text: `\`${renderRequirement(req)}\` does not match (${describeLabel(req, labels)})`, path: req.path };
  }
  for (const req of term.fields) {
    if (fieldRequirementMatches(req, nodeName)) continue;
    return {
      text: `\`metadata.name ${req.operator} [${req.value}]\` does not match (node is ${nodeName})`,
      path: req.path,
    };
  }
  return { text: 'matches', path: [...REQUIRED_TERMS_PATH, term.index] };
}

function describeLabel(req: LabelRequirement, labels: Readonly<Record<string, unknown>>): string {
  const value = labelValue(labels, req.key);
  if (value === undefined) return `node has no label ${req.key}`;
  if ((req.operator === 'Gt' || req.operator === 'Lt') && parseInt64Text(value) === undefined) {
    return `node has ${req.key}=${value}, not an integer`;
  }
  return `node has ${req.key}=${value}`;
}

function renderRequirement(req: LabelRequirement): string {
  switch (req.operator) {
    case 'Exists':
    case 'DoesNotExist':
      return `${req.key} ${req.operator}`;
    case 'Gt':
    case 'Lt':
      return `${req.key} ${req.operator} ${req.values[0] ?? ''}`;
    default:
      return `${req.key} ${req.operator} [${req.values.join(', ')}]`;
  }
}

/**
 * True when the node matches this single nodeSelectorTerm (the hover's "which nodes match this
 * term"). An empty or invalid term matches no node, as in the scheduler.
 */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  const compiled = compileTerm(term, 0);
  if (compiled === undefined) return false;
  const { labels, name } = nodeLabelsAndName(node);
  return compiledTermMatches(compiled, labels, name);
}

/** The node's labels and name, read defensively. */
export function nodeLabelsAndName(node: unknown): { labels: Readonly<Record<string, unknown>>; name: string } {
  const metadata: UnknownRecord | undefined = asRecord(asRecord(node)?.['metadata']);
  return { labels: labelMap(metadata?.['labels']), name: asString(metadata?.['name']) ?? '' };
}

/** The first syntax problem of a key or value, in the few words a placement detail uses. */
function shortText(problem: SyntaxProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  switch (problem.kind) {
    case 'slashes':
      return 'a qualified name has at most one "/"';
    case 'empty':
      return `${problem.part} part must be non-empty`;
    case 'dots':
      return 'must not contain dots';
    case 'tooLong':
    case 'format':
      if (problem.part === 'prefix') return 'prefix part must be a lowercase DNS subdomain';
      if (problem.kind === 'tooLong')
        return `${problem.part ? `${problem.part} part ` : ''}must be no more than ${problem.max} characters`;
      return problem.part === 'name'
        ? 'name part must consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric'
        : 'must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric';
  }
}
