// CI output formats of `daemonset lint`: SARIF 2.1.0 (code scanning) and GitHub workflow commands.
import { RULES } from '../features/diagnostics/rules';
import type { JsonFileResult } from './lint';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SUMMARY = new Map(RULES.map((r) => [r.code, r.summary]));
const DOCS = 'https://github.com/daemonset-studio/daemonset-studio/blob/main/docs/rules.md';

/** One SARIF 2.1.0 log: one run, a rule per code seen, a result per finding (1-based lines and columns). */
export function toSarif(results: readonly JsonFileResult[], version: string): object {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'daemonset',
            version,
            informationUri: 'https://github.com/daemonset-studio/daemonset-studio',
            rules: codes.map((id) => ({
              id,
              shortDescription: { text: SUMMARY.get(id) ?? id },
              ...(SUMMARY.has(id) ? { helpUri: `${DOCS}#${id.toLowerCase()}` } : {}),
            })),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code)!,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.path ? `${d.path}: ${d.message}` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(r.file) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/**
 * A file path as a SARIF artifact URI (a URI reference, RFC 3986): each segment percent-encoded, so
 * `:` `#` `?` `%` and blanks in a name cannot read as a scheme, fragment or query.
 */
export function fileUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

/** GitHub workflow commands (`::warning file=…,line=…::message`), escaped as the runner unescapes them. */
export function toGithubAnnotations(results: readonly JsonFileResult[]): string {
  const kind = { error: 'error', warning: 'warning', info: 'notice' } as const;
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`daemonset ${d.code}`)}`,
      ].join(',');
      lines.push(`::${kind[d.severity]} ${props}::${escapeData(d.path ? `${d.path}: ${d.message}` : d.message)}\n`);
    }
  }
  return lines.join('');
}

/** actions/toolkit command.ts escapeData: %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** actions/toolkit command.ts escapeProperty: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
