// `daemonset lint <files...> [--format text|json]`: the editor's diagnostics for CI.
// Exit status: 0 no errors (warnings and infos allowed), 1 at least one error (text that is not
// YAML, nests too deep, is not UTF-8 or is too large to check is an error in that file's entry),
// 2 a usage error or a file that could not be read (missing, a directory, binary).
import { defaultContext } from '../features/context';
import { diagnose, ManifestDiagnostic } from '../features/diagnostics';
import { formatOption, modelOfFile, parseCommandArgs, readManifestFile, reportUsageError, stringValue, UsageError, type CliIo } from './io';

const USAGE = `usage: daemonset lint <files...> [--format text|json]

Checks the DaemonSets in the given YAML files the way the API server would.
Text output: file:line:col severity code path: message
Exit status: 0 no errors, 1 errors found, 2 usage error or a file that could not be checked.
`;

interface JsonDiagnostic {
  path: string;
  code: string;
  severity: ManifestDiagnostic['severity'];
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface JsonFileResult {
  file: string;
  diagnostics: JsonDiagnostic[];
}

function parseLintArgs(args: string[]): { files: string[]; format: 'text' | 'json' } | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const format = formatOption(stringValue(values, 'format'));
  if (positionals.length === 0) throw new UsageError('no files given');
  return { files: positionals, format };
}

export async function runLint(args: string[], io: CliIo): Promise<number> {
  let opts: ReturnType<typeof parseLintArgs>;
  try {
    opts = parseLintArgs(args);
  } catch (e) {
    return reportUsageError(io, 'lint', e, USAGE);
  }
  if (opts === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const results: JsonFileResult[] = [];
  let inputErrors = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  for (const file of opts.files) {
    const checked = await lintFile(file, io.cwd);
    if (typeof checked === 'string') {
      io.stderr(`daemonset lint: ${file}: ${checked}\n`);
      inputErrors++;
      continue;
    }
    for (const d of checked.diagnostics) totals[d.severity]++;
    results.push(checked);
    if (opts.format === 'text') {
      for (const d of checked.diagnostics) {
        const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        io.stdout(`${where} ${d.severity} ${d.code} ${d.path ? `${d.path}: ` : ''}${d.message}\n`);
      }
    }
  }
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else if (results.length > 0) {
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout(`${n(totals.error, 'error')}, ${n(totals.warning, 'warning')}, ${n(totals.info, 'info')} in ${n(results.length, 'file')}\n`);
  }
  if (inputErrors > 0) return 2;
  return totals.error > 0 ? 1 : 0;
}

/** The diagnostics of one file, or why it could not be checked. */
async function lintFile(file: string, cwd: string): Promise<JsonFileResult | string> {
  const read = await readManifestFile(file, { cwd });
  if (!read.ok && read.tooLarge) {
    const start = { line: 0, character: 0 };
    return { file, diagnostics: [{ path: '', code: 'fileTooLarge', severity: 'error', message: read.reason, range: { start, end: start } }] };
  }
  if (!read.ok) return read.reason;
  // Files past the editor's 4 MB limit are checked here too (every step of the reader is linear).
  const model = modelOfFile(read);
  if (model.skipped) return model.skipped.replace(/^File not checked: /, 'not checked: ');
  // Text that is not YAML gets its yamlSyntax errors like any other file (issue 9).
  // The entry the language server uses for the same file (settings at their defaults).
  const diagnostics = diagnose(model, defaultContext()).map((d) => ({
    path: d.path,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: { start: model.lines.positionAt(d.start), end: model.lines.positionAt(d.end) },
  }));
  return { file, diagnostics };
}
