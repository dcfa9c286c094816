// Label keys, label values and DNS-1123 names: the one implementation of these syntax rules in
// this project. The engine uses it where labels.NewRequirement checks a selector (a term or a
// selector with an invalid key or value never matches); the diagnostics word its problems as the
// API server does (features/diagnostics/nameSyntax.ts).
//
// Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: IsDNS1123Label,
// IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue. Each returns the problems in the order
// Go appends its error strings, and [] when the value is valid.

export type SyntaxRule = 'dns1123Label' | 'dns1123Subdomain' | 'qualifiedName' | 'labelValue';

/** Which part of a qualified name ("prefix/name") a problem is about. */
export type NamePart = 'prefix' | 'name';

export type SyntaxProblem =
  /** MaxLenError */
  | { kind: 'tooLong'; max: number; part?: NamePart }
  /** RegexError for the rule's format */
  | { kind: 'format'; rule: SyntaxRule; part?: NamePart }
  /** EmptyError */
  | { kind: 'empty'; part: NamePart }
  /** IsDNS1123Label: a valid subdomain that is not a label (length already checked: dots). */
  | { kind: 'dots' }
  /** IsQualifiedName: more than one "/". */
  | { kind: 'slashes' };

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const LABEL_VALUE_MAX_LENGTH = 63;

/** The formats as the API server prints them in its messages ("regex used for validation is …"). */
export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
export const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;

const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** IsDNS1123Label: container, volume and port names. */
export function dns1123LabelProblems(value: string): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) out.push({ kind: 'tooLong', max: DNS1123_LABEL_MAX_LENGTH });
  if (!DNS1123_LABEL.test(value))
    out.push(DNS1123_SUBDOMAIN.test(value) ? { kind: 'dots' } : { kind: 'format', rule: 'dns1123Label' });
  return out;
}

/** IsDNS1123Subdomain: object names, node names, the prefix of a qualified name. */
export function dns1123SubdomainProblems(value: string, part?: NamePart): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH)
    out.push(withPart({ kind: 'tooLong', max: DNS1123_SUBDOMAIN_MAX_LENGTH }, part));
  if (!DNS1123_SUBDOMAIN.test(value)) out.push(withPart({ kind: 'format', rule: 'dns1123Subdomain' }, part));
  return out;
}

/** IsQualifiedName: label keys, annotation keys, toleration keys, resource names. */
export function qualifiedNameProblems(value: string): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) out.push({ kind: 'empty', part: 'prefix' });
    else out.push(...dns1123SubdomainProblems(prefix, 'prefix'));
  } else {
    return [{ kind: 'slashes' }];
  }
  if (name.length === 0) out.push({ kind: 'empty', part: 'name' });
  else if (utf8Length(name) > QUALIFIED_NAME_MAX_LENGTH)
    out.push({ kind: 'tooLong', max: QUALIFIED_NAME_MAX_LENGTH, part: 'name' });
  if (!QUALIFIED_NAME.test(name)) out.push({ kind: 'format', rule: 'qualifiedName', part: 'name' });
  return out;
}

/** IsValidLabelValue: empty, or at most 63 alphanumerics, "-", "_", "." with alphanumeric ends. */
export function labelValueProblems(value: string): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) out.push({ kind: 'tooLong', max: LABEL_VALUE_MAX_LENGTH });
  if (!LABEL_VALUE.test(value)) out.push({ kind: 'format', rule: 'labelValue' });
  return out;
}

/**
 * Go's len(): the length limits count UTF-8 bytes, not UTF-16 code units (a value with "ā" is
 * longer to the API server than to String.length).
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function isQualifiedName(value: string): boolean {
  return qualifiedNameProblems(value).length === 0;
}

export function isValidLabelValue(value: string): boolean {
  return labelValueProblems(value).length === 0;
}

function withPart<T extends SyntaxProblem & { part?: NamePart }>(problem: T, part: NamePart | undefined): T {
  return part === undefined ? problem : { ...problem, part };
}
