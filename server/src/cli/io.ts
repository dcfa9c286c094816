// What every `daemonset` subcommand shares: the one IO type, the one usage error, argument
// parsing (node:util.parseArgs, its errors in our words) and the one way a manifest file is read.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decodeUtf8, parseDocumentModel, type DocumentModel, type ModelOptions } from '../model';

/** Where a subcommand writes and reads; tests pass their own. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** Where examples/cluster lives; found from the CLI's location when absent. */
  packageRoot?: string;
  /** KUBECONFIG and HOME come from here; process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

/** A mistake in the command line: exit 2, the message, then the subcommand's usage. */
export class UsageError extends Error {}

/** The usage error as printed: `daemonset <command>: <message>` and the usage text. */
export function reportUsageError(io: CliIo, command: string, e: unknown, usage: string): number {
  if (!(e instanceof UsageError)) throw e;
  io.stderr(`daemonset ${command}: ${e.message}\n${usage}`);
  return 2;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util.parseArgs (strict, positionals allowed); its errors become UsageErrors. */
export function parseCommandArgs(args: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const flag = /'(-{1,2}[^\s'<]+)/.exec(err.message)?.[1] ?? '';
    const long =
      flag.startsWith('--') || !flag
        ? flag
        : `--${Object.entries(options).find(([, o]) => o.short === flag.slice(1))?.[0] ?? flag.slice(1)}`;
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`unknown option ${flag}`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        // A string option with no value (or a value that looks like another option).
        throw new UsageError(
          options[long.slice(2)]?.type === 'boolean' ? `${long} takes no value` : `${long} needs a value`,
        );
      default:
        throw new UsageError(err.message);
    }
  }
}

/** A string option's value, or undefined. */
export function stringValue(values: ParsedArgs['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** `--format text|json` (the default text). */
export function formatOption(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json, not "${value}"`);
}

/** Larger files are not read (lint gives them an error entry); up to this size they are checked. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * A manifest file read from disk, or why it could not be. `invalidUtf8`: where the first byte
 * that is not UTF-8 went (the text has U+FFFD there). `tooLarge`: over MAX_FILE_BYTES.
 */
export type FileRead =
  | { ok: true; file: string; path: string; text: string; invalidUtf8?: { at: number; byte: number } }
  | { ok: false; file: string; reason: string; tooLarge?: boolean };

/** Reads `file` (relative to io.cwd) as UTF-8 text; never throws. */
export async function readManifestFile(file: string, io: Pick<CliIo, 'cwd'>): Promise<FileRead> {
  const abs = resolve(io.cwd, file);
  const fail = (reason: string): FileRead => ({ ok: false, file, reason });
  try {
    const s = await stat(abs);
    if (s.isDirectory()) return fail('is a directory; give the YAML files in it (for example dir/*.yaml)');
    if (!s.isFile()) return fail('is not a regular file');
    if (s.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        file,
        reason: `not checked: ${(s.size / 1048576).toFixed(1)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit`,
        tooLarge: true,
      };
    }
    // Bytes that are not UTF-8 are a finding at their place (kubectl refuses them), not "binary".
    const { text, invalidAt, byte } = decodeUtf8(await readFile(abs));
    const read: FileRead = { ok: true, file, path: abs, text };
    if (invalidAt !== undefined && byte !== undefined) read.invalidUtf8 = { at: invalidAt, byte };
    return read;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`);
  }
}

/** The document model of a file read by readManifestFile: up to MAX_FILE_BYTES, not the editor's 4 MB. */
export function modelOfFile(read: Extract<FileRead, { ok: true }>): DocumentModel {
  const options: ModelOptions = { maxChars: MAX_FILE_BYTES };
  if (read.invalidUtf8) options.invalidUtf8 = read.invalidUtf8;
  return parseDocumentModel(read.text, 0, undefined, options);
}
