// Label selectors (spec.selector of a DaemonSet): the one implementation of selector matching in
// this project, used by the engine (which orphan pods the controller adopts) and by the
// diagnostics (does the selector select the template's labels).
//
// Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
// (nil selects nothing, an empty selector everything, an invalid one is an error) and
// pkg/labels/selector.go NewRequirement (key and value syntax, value counts per operator) and
// Requirement.Matches.
import { labelValueProblems, qualifiedNameProblems } from './labelSyntax';
import { asArray, asRecord, asString, labelValue } from './shape';
import { parseInt64Text } from './quantity';

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** The operators of labels.Requirement: a label selector's, plus Gt/Lt of node selector terms. */
export type RequirementOperator = LabelSelectorOperator | 'Gt' | 'Lt';

export interface LabelRequirement {
  key: string;
  /** matchLabels entries become In with their one value (selection.Equals matches the same way). */
  operator: RequirementOperator;
  values: readonly string[];
  /** Gt/Lt: the one value, parsed as an int64. */
  bound?: number | bigint;
}

/** A selector as labels.Selector: `nothing` (nil), or requirements ANDed (none: everything). */
export type CompiledLabelSelector =
  { readonly nothing: true } | { readonly nothing: false; readonly requirements: readonly LabelRequirement[] };

const NOTHING: CompiledLabelSelector = Object.freeze({ nothing: true });

/**
 * LabelSelectorAsSelector. Undefined when Go returns an error (an unknown operator, an invalid
 * key or value, a wrong number of values), which callers treat as "selects nothing" — the
 * controller claims no pods then. matchLabels entries whose value is not a string are skipped
 * (they are a type error the schema checks report).
 */
export function labelSelectorAsSelector(raw: unknown): CompiledLabelSelector | undefined {
  if (raw === undefined || raw === null) return NOTHING;
  const sel = asRecord(raw);
  if (sel === undefined) return undefined;
  const requirements: LabelRequirement[] = [];
  const matchLabels = asRecord(sel['matchLabels']);
  if (matchLabels !== undefined) {
    for (const key of Object.keys(matchLabels)) {
      const value = matchLabels[key];
      if (typeof value !== 'string') continue;
      const req = newRequirement(key, 'In', [value]);
      if (req === undefined) return undefined;
      requirements.push(req);
    }
  }
  for (const rawExpr of asArray(sel['matchExpressions'])) {
    const expr = asRecord(rawExpr);
    const key = asString(expr?.['key']);
    const operator = asString(expr?.['operator']);
    if (expr === undefined || key === undefined || !isOperator(operator)) return undefined;
    const req = newRequirement(key, operator, asArray(expr['values']).map(String));
    if (req === undefined) return undefined;
    requirements.push(req);
  }
  return { nothing: false, requirements };
}

/** True for a selector with no requirement at all: LabelSelectorAsSelector makes it Everything. */
export function selectsEverything(selector: CompiledLabelSelector): boolean {
  return !selector.nothing && selector.requirements.length === 0;
}

/**
 * Selector.Matches over a label map (values read as labelValue reads them: strings, plus the
 * numbers and booleans of hand-written snapshots as their text).
 */
export function labelSelectorMatches(
  selector: CompiledLabelSelector,
  labels: Readonly<Record<string, unknown>>,
): boolean {
  if (selector.nothing) return false;
  for (const req of selector.requirements) if (!requirementMatches(req, labels)) return false;
  return true;
}

// labels.NewRequirement: the key is a qualified name, In/NotIn take at least one value,
// Exists/DoesNotExist none, and every value is a valid label value.
function newRequirement(key: string, operator: LabelSelectorOperator, values: string[]): LabelRequirement | undefined {
  if (qualifiedNameProblems(key).length > 0) return undefined;
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return undefined;
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) return undefined;
  if (values.some((v) => labelValueProblems(v).length > 0)) return undefined;
  return { key, operator, values };
}

/**
 * Requirement.Matches (pkg/labels/selector.go), for label selectors and the matchExpressions of
 * node selector terms alike. Gt/Lt compare the label as an int64 with the parsed bound; a label
 * that is not an integer matches neither.
 */
export function requirementMatches(req: LabelRequirement, labels: Readonly<Record<string, unknown>>): boolean {
  const value = labelValue(labels, req.key);
  switch (req.operator) {
    case 'In':
      return value !== undefined && req.values.includes(value);
    case 'NotIn':
      return value === undefined || !req.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || req.bound === undefined) return false;
      const n = parseInt64Text(value);
      if (n === undefined) return false;
      return req.operator === 'Gt' ? n > req.bound : n < req.bound;
    }
  }
}

function isOperator(op: string | undefined): op is LabelSelectorOperator {
  return op === 'In' || op === 'NotIn' || op === 'Exists' || op === 'DoesNotExist';
}
