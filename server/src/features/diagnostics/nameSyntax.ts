// Name, label and key syntax as Kubernetes checks it, returning the API server's own messages
// (k8s.io/apimachinery/pkg/util/validation/validation.go and api/validate/content/kube.go).
// Each function returns [] when the value is valid, like its Go counterpart.
import { maxLen, regexError } from './fieldErrors';

import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  labelValueProblems,
  qualifiedNameProblems,
  DNS1123_LABEL_FMT,
  DNS1123_SUBDOMAIN_FMT,
  LABEL_VALUE_FMT,
  QUALIFIED_NAME_FMT,
  type SyntaxProblem,
} from '../../placement';

// The rules themselves (IsDNS1123Label, IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue)
// live in the engine (placement/labelSyntax.ts); here they get the API server's words.

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** One problem as validation.go words it (content.IsLabelKey's "a valid label key" for too many "/"). */
function wording(problem: SyntaxProblem): string {
  const part = 'part' in problem && problem.part !== undefined ? `${problem.part} part ` : '';
  switch (problem.kind) {
    case 'tooLong':
      return `${part}${maxLen(problem.max)}`;
    case 'empty':
      return `${part}must be non-empty`;
    case 'dots':
      return 'must not contain dots';
    case 'slashes':
      return `a valid label key ${regexError(LABEL_KEY_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
    case 'format':
      switch (problem.rule) {
        case 'dns1123Label':
          return `${part}${regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc')}`;
        case 'dns1123Subdomain':
          return `${part}${regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com')}`;
        case 'qualifiedName':
          return `${part}${regexError(LABEL_KEY_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`;
        case 'labelValue':
          return `${part}${regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345')}`;
      }
  }
}

/** IsDNS1123Label: container, volume and port-less names. */
export function isDNS1123Label(value: string): string[] {
  return dns1123LabelProblems(value).map(wording);
}

/** IsDNS1123Subdomain: object names (NameIsDNSSubdomain), node names, search domains. */
export function isDNS1123Subdomain(value: string): string[] {
  return dns1123SubdomainProblems(value).map(wording);
}

const DNS1123_LABEL_FMT_WITH_UNDERSCORE = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE = `${DNS1123_LABEL_FMT_WITH_UNDERSCORE}(\\.${DNS1123_LABEL_FMT_WITH_UNDERSCORE})*`;
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE}$`);
const DNS1123_SUBDOMAIN_MSG_FG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";

/**
 * IsDNS1123SubdomainWithUnderscore: a DNS search domain since RelaxedDNSSearchValidation (GA and
 * locked on in 1.34): each label may start with one '_' and hold '_' inside (_sip._tcp.example.com).
 */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE.test(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_MSG_FG, DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE, 'example.com'));
  return errs;
}

/** IsQualifiedName (content.IsLabelKey): label keys, annotation keys, toleration keys. */
export function isQualifiedName(value: string): string[] {
  return qualifiedNameProblems(value).map(wording);
}

/** IsValidLabelValue (content.IsLabelValue) */
export function isLabelValue(value: string): string[] {
  return labelValueProblems(value).map(wording);
}

const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;
const PORT_NAME_LETTER = /[a-z]/;

/** IsValidPortName: an IANA_SVC_NAME of at most 15 characters. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLen(15));
  if (!PORT_NAME_CHARSET.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!PORT_NAME_LETTER.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidPortNum */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/**
 * IsRelaxedEnvVarName: the rule since RelaxedEnvironmentVariableValidation went GA (1.34):
 * any printable ASCII except '='.
 */
export function isEnvVarName(value: string): string[] {
  if (value.length === 0) return ['environment variable name must be non-empty'];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126 || c === 61 /* = */) {
      return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
    }
  }
  return [];
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** IsConfigMapKey: keys of ConfigMaps and Secrets referenced from env. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!CONFIG_MAP_KEY.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const PERCENT_FMT = '[0-9]+%';
const PERCENT = new RegExp(`^${PERCENT_FMT}$`);

/** IsValidPercent */
export function isValidPercent(value: string): string[] {
  return PERCENT.test(value)
    ? []
    : [
        regexError(
          "a valid percent string must be a numeric string followed by an ending '%'",
          PERCENT_FMT,
          '1%',
          '93%',
        ),
      ];
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+';

/** IsHTTPHeaderName */
export function isHTTPHeaderName(value: string): string[] {
  return new RegExp(`^${HTTP_HEADER_FMT}$`).test(value)
    ? []
    : [
        regexError(
          "a valid HTTP header must consist of alphanumeric characters or '-'",
          HTTP_HEADER_FMT,
          'X-Header-Name',
        ),
      ];
}

/** IsValidIP (netutils.ParseIPSloppy accepts IPv4 with leading zeros and any IPv6). */
export function isValidIP(value: string): string[] {
  return isIPv4(value) || isIPv6(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  let head = s;
  let groupsFromV4 = 0;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    head = s.slice(0, lastColon + 1) + '0:0';
    groupsFromV4 = 0;
  }
  const double = head.split('::');
  if (double.length > 2) return false;
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const left = groups(double[0]!);
  const right = double.length === 2 ? groups(double[1]!) : [];
  const all = [...left, ...right];
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = all.length + groupsFromV4;
  return double.length === 2 ? count < 8 : count === 8;
}
