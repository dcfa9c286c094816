// The upstream conformance harness: each case is a Kubernetes test-table entry (kubernetes/kubernetes
// pkg/apis/apps/validation/validation_test.go, pkg/apis/core/validation/validation_test.go)
// embedded in a minimal valid DaemonSet, with the field paths and error types upstream expects,
// rewritten from the test's own root ("containers[0].name", "field[0].name") to the DaemonSet's
// ("spec.template.spec.containers[0].name"). Our diagnostics are compared on (type, path) for
// every error they report, so a missing error and an extra one both fail.
import { stringify } from 'yaml';
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose, ManifestDiagnostic } from '../../../server/src/features/diagnostics';

/** field.ErrorType, as its String() names it. */
export type ErrorType =
  'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'NotFound' | 'Forbidden' | 'TooLong' | 'TooMany' | 'Decode';

export type Obj = Record<string, any>;

export interface Case {
  /** The upstream test function the entry comes from. */
  test: string;
  /** The entry's own name in the table (or its position when it has none). */
  name: string;
  /** Changes to the base DaemonSet that embed the upstream fragment. */
  ds: (d: Obj) => void;
  /** Upstream's expected errors: [type, path relative to the DaemonSet]; [] for a success case. */
  want: Array<[ErrorType, string]>;
}

export interface Excluded {
  test: string;
  name: string;
  /** Why the case cannot be expressed by a diagnostic on a manifest (or is not expected to match). */
  reason: string;
}

export const POD = 'spec.template.spec';
export const C0 = `${POD}.containers[0]`;

/** podtest.MakeContainer: a container the defaults would leave alone. */
export function container(name: string, extra: Obj = {}): Obj {
  return { name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra };
}

/** A valid DaemonSet like TestValidateDaemonSet's: selector a=b, template labels a=b, one container. */
export function baseDaemonSet(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: {
        metadata: { labels: { a: 'b' } },
        spec: { containers: [container('ctr', { resources: { requests: { cpu: '10m', memory: '16Mi' } } })] },
      },
    },
  };
}

export const pod = (d: Obj): Obj => d.spec.template.spec;
export const c0 = (d: Obj): Obj => d.spec.template.spec.containers[0];

/** The YAML a user would write for the case (YAML 1.1 quoting, so strings stay strings). */
export function render(c: Case): string {
  const d = baseDaemonSet();
  c.ds(d);
  return stringify(d, { version: '1.1', lineWidth: 0 });
}

/** The error type a diagnostic's message reports, in field.ErrorType's words. */
export function errorType(d: ManifestDiagnostic): ErrorType | string {
  const m = d.message;
  if (m.startsWith('Required value')) return 'Required';
  if (m.startsWith('Invalid value')) return 'Invalid';
  if (m.startsWith('Unsupported value')) return 'NotSupported';
  if (m.startsWith('Duplicate value')) return 'Duplicate';
  if (m.startsWith('Not found')) return 'NotFound';
  if (m.startsWith('Forbidden')) return 'Forbidden';
  if (m.startsWith('Too long')) return 'TooLong';
  if (m.startsWith('Too many')) return 'TooMany';
  // Decoder errors (unknown field, wrong JSON type) come before validation: not field errors.
  return `Decode(${d.code})`;
}

export function actual(c: Case): Array<[string, string]> {
  const model = parseDocumentModel(render(c));
  return diagnose(model, defaultContext())
    .filter((d) => d.severity === 'error')
    .map((d): [string, string] => [errorType(d), d.path])
    .sort(compare);
}

export function compare(a: [string, string], b: [string, string]): number {
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
