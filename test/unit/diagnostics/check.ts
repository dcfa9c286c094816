// Test helper: YAML in, the diagnostics as plain rows out (code, severity, path, message and the
// text their range covers), so each test asserts on what a user would see.
import { parseDocumentModel } from '../../../server/src/model';
import { defaultContext, type FeatureContext } from '../../../server/src/features/context';
import { diagnose, ManifestDiagnostic } from '../../../server/src/features/diagnostics';

export interface Row {
  code: string;
  severity: string;
  path: string;
  message: string;
  /** The source text the diagnostic's range covers. */
  text: string;
}

/** The context with the best practices (bestPractices.ts) off: the API server's findings and warnings.ts. */
export function apiOnlyContext(): FeatureContext {
  const ctx = defaultContext();
  return { ...ctx, settings: { ...ctx.settings, diagnostics: { ...ctx.settings.diagnostics, bestPractices: false } } };
}

/** The API server's findings and the few regrets of warnings.ts; checkAll adds the best practices. */
export function check(text: string): Row[] {
  return checkAll(text, false);
}

/** Every row, the best practices (bestPractices.ts) included unless `bestPractices` is false. */
export function checkAll(text: string, bestPractices = true): Row[] {
  const model = parseDocumentModel(text);
  const ctx = defaultContext();
  const settings = { ...ctx.settings, diagnostics: { ...ctx.settings.diagnostics, bestPractices } };
  return diagnose(model, { ...ctx, settings }).map((d: ManifestDiagnostic) => ({
    code: d.code,
    severity: d.severity,
    path: d.path,
    message: d.message,
    text: model.text.slice(d.start, d.end),
  }));
}

/** Only the rows with one of the codes. */
export function only(rows: Row[], ...codes: string[]): Row[] {
  return rows.filter((r) => codes.includes(r.code));
}

/** A valid DaemonSet to start from; tests replace parts of it. */
export const VALID = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
  labels:
    app: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: registry.example/agent:1.2.3
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`;

/** VALID with the text of one line (or a run of text) replaced. */
export function edit(from: string, to: string, base = VALID): string {
  if (!base.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return base.replace(from, to);
}
