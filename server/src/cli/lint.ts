// `daemonset lint <files...>`: the editor's diagnostics for CI, with the same .daemonset-lint.yaml.
// Exit status: 0 no errors and no more warnings than --max-warnings, 1 errors (or too many
// warnings; text that is not YAML, nests too deep, is not UTF-8 or is too large to check is an
// error in that file's entry), 2 a usage error, a config that cannot be used, or a file that
// could not be read (missing, a directory, binary).
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { defaultContext } from '../features/context';
import { diagnose, ManifestDiagnostic } from '../features/diagnostics';
import {
  applyLintConfig,
  CONFIG_FILE_NAME,
  EMPTY_CONFIG,
  isIgnoredPath,
  parseLintConfig,
  type LintConfig,
} from '../lintConfig';
import { toGithubAnnotations, toSarif } from './ciFormats';
import {
  modelOfFile,
  parseCommandArgs,
  readManifestFile,
  reportUsageError,
  stringValue,
  UsageError,
  type CliIo,
} from './io';

const USAGE = `usage: daemonset lint <files...> [--format text|json|sarif|github] [--max-warnings N] [--config FILE]

Checks the DaemonSets in the given YAML files the way the API server would, and the node-agent
best practices. A .daemonset-lint.yaml in the current folder (or --config FILE) sets severities,
disables codes and ignores paths.
Text output: file:line:col severity code path: message
Exit status: 0 no errors and at most N warnings, 1 errors or more than N warnings,
             2 usage error, unusable config, or a file that could not be checked.
`;

type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

/** The package version (SARIF names it); the bundle sits in <package>/dist. */
const VERSION = '0.1.0';

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

interface LintOptions {
  files: string[];
  format: Format;
  maxWarnings: number;
  config?: string;
}

function parseLintArgs(args: string[]): LintOptions | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const format = (stringValue(values, 'format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json, sarif or github, not "${format}"`);
  const max = stringValue(values, 'max-warnings');
  if (max !== undefined && !/^\d+$/.test(max))
    throw new UsageError(`--max-warnings must be a whole number, not "${max}"`);
  if (positionals.length === 0) throw new UsageError('no files given');
  const opts: LintOptions = { files: positionals, format, maxWarnings: max === undefined ? Infinity : Number(max) };
  const config = stringValue(values, 'config');
  if (config !== undefined) opts.config = config;
  return opts;
}

/** The config named by --config (it must exist), else ./.daemonset-lint.yaml when present. */
async function loadConfig(io: CliIo, file: string | undefined): Promise<{ config: LintConfig; dir: string } | string> {
  const path = resolve(io.cwd, file ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (file === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT')
      return { config: EMPTY_CONFIG, dir: io.cwd };
    return `${file ?? CONFIG_FILE_NAME}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  const { config, problems } = parseLintConfig(text);
  if (problems.length > 0) return problems.map((p) => `${file ?? CONFIG_FILE_NAME}: ${p}`).join('\n');
  return { config, dir: dirname(path) };
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
  const loaded = await loadConfig(io, opts.config);
  if (typeof loaded === 'string') {
    io.stderr(`daemonset lint: ${loaded}\n`);
    return 2;
  }
  const results: JsonFileResult[] = [];
  let inputErrors = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  for (const file of opts.files) {
    if (isIgnoredPath(relative(loaded.dir, resolve(io.cwd, file)), loaded.config)) continue;
    const checked = await lintFile(file, io.cwd, loaded.config);
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
  } else if (opts.format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(results, VERSION), null, 2)}\n`);
  } else if (opts.format === 'github') {
    io.stdout(toGithubAnnotations(results));
  } else if (results.length > 0) {
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout(
      `${n(totals.error, 'error')}, ${n(totals.warning, 'warning')}, ${n(totals.info, 'info')} in ${n(results.length, 'file')}\n`,
    );
  }
  if (inputErrors > 0) return 2;
  if (totals.warning > opts.maxWarnings) {
    io.stderr(`daemonset lint: ${totals.warning} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return totals.error > 0 ? 1 : 0;
}

/** The diagnostics of one file, or why it could not be checked. */
async function lintFile(file: string, cwd: string, config: LintConfig): Promise<JsonFileResult | string> {
  const read = await readManifestFile(file, { cwd });
  if (!read.ok && read.tooLarge) {
    const start = { line: 0, character: 0 };
    return {
      file,
      diagnostics: [
        { path: '', code: 'fileTooLarge', severity: 'error', message: read.reason, range: { start, end: start } },
      ],
    };
  }
  if (!read.ok) return read.reason;
  // Files past the editor's 4 MB limit are checked here too (every step of the reader is linear).
  const model = modelOfFile(read);
  if (model.skipped) return model.skipped.replace(/^File not checked: /, 'not checked: ');
  // Text that is not YAML gets its yamlSyntax errors like any other file (issue 9).
  // The entry the language server uses for the same file (settings at their defaults).
  const diagnostics = applyLintConfig(model, diagnose(model, defaultContext()), config).map((d) => ({
    path: d.path,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: { start: model.lines.positionAt(d.start), end: model.lines.positionAt(d.end) },
  }));
  return { file, diagnostics };
}
