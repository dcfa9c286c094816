// The diagnostic shape the features produce and the server turns into LSP diagnostics.

export type Severity = 'error' | 'warning' | 'info';

export interface ManifestDiagnostic {
  /** Stable camelCase code, e.g. "restartPolicyNotAlways". */
  code: string;
  severity: Severity;
  /** The text after the field path, in the API server's words. */
  message: string;
  /** API-server field path relative to the object (spec.template.spec.containers[0].image); '' for file-level. */
  path: string;
  /** Offsets into model.text. */
  start: number;
  end: number;
  /** What a quick fix needs. */
  data?: unknown;
}
