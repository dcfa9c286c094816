// `daemonset lint <files...> [--format text|json]`: the editor's diagnostics for CI.
// Exit status: 0 no errors (warnings and infos allowed), 1 at least one error, 2 a usage error
// or a file that could not be checked (missing, a directory, binary, too large, not YAML).
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocumentModel } from '../model';
import { defaultContext } from '../features/context';
import { diagnose, ManifestDiagnostic } from '../features/diagnostics';

export interface LintIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = `usage: daemonset lint <files...> [--format text|json]

Checks the DaemonSets in the given YAML files the way the API server would.
Text output: file:line:col severity code path: message
Exit status: 0 no errors, 1 errors found, 2 usage error or a file that could not be checked.
`;

/** Larger files are refused before reading (the editor stops at 4 MB as well). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

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

class UsageError extends Error {}

function parseArgs(args: string[]): { files: string[]; format: 'text' | 'json' } | 'help' {
  const files: string[] = [];
  let format: 'text' | 'json' = 'text';
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (optionsDone || !a.startsWith('-') || a === '-') {
      files.push(a);
    } else if (a === '--') {
      optionsDone = true;
    } else if (a === '-h' || a === '--help') {
      return 'help';
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? args[++i] : a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json${v === undefined ? '' : `, not "${v}"`}`);
      format = v;
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  if (files.length === 0) throw new UsageError('no files given');
  return { files, format };
}

export async function runLint(args: string[], io: LintIo): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(args);
  } catch (e) {
    io.stderr(`daemonset lint: ${(e as Error).message}\n${USAGE}`);
    return 2;
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
  const abs = resolve(cwd, file);
  let size: number;
  try {
    const s = await stat(abs);
    if (s.isDirectory()) return 'is a directory; give the YAML files in it (for example dir/*.yaml)';
    if (!s.isFile()) return 'is not a regular file';
    size = s.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`;
  }
  if (size > MAX_FILE_BYTES) return `too large to check (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`;
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    return `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  const model = parseDocumentModel(text);
  if (model.skipped) return model.skipped.replace(/^File not checked: /, 'not checked: ');
  // Text the YAML parser rejects and in which no object has a kind is not a manifest.
  if (model.problems.length > 0 && model.objects.every((o) => o.kind === undefined)) {
    const p = model.problems[0]!;
    const at = model.lines.positionAt(p.start);
    return `does not look like YAML (line ${at.line + 1}: ${p.message})`;
  }
  const diagnostics = diagnose(model, defaultContext()).map((d) => ({
    path: d.path,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: { start: model.lines.positionAt(d.start), end: model.lines.positionAt(d.end) },
  }));
  return { file, diagnostics };
}
