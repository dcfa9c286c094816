// What a team says about the findings: a `.daemonset-lint.yaml` (severities per code, disabled
// codes, ignored paths) and suppressions in the manifest itself (comments and an annotation), each
// with a required reason. The CLI and the language server apply the same functions to the same
// findings; reading the file is their business (no IO here).
//
//   # daemonset-lint-disable-next-line noPriorityClass, noMemoryLimit -- reason
//   # daemonset-lint-disable privilegedContainer -- reason        (to the end of the file)
//   metadata.annotations: daemonset-lint.io/ignore-<code>: "<reason>"   (the whole object)
import { parse } from 'yaml';
import type { DocumentModel } from '../model';
import type { ManifestDiagnostic, Severity } from '../model/manifestDiagnostic';

export const CONFIG_FILE_NAME = '.daemonset-lint.yaml';
export const ANNOTATION_PREFIX = 'daemonset-lint.io/ignore-';

/** Codes this module reports itself. */
export const SUPPRESSION_CODES = {
  /** A suppression comment or annotation with no reason text: the suppression applies, and this says so. */
  noReason: 'suppressionWithoutReason',
} as const;

export interface LintConfig {
  /** Severity per code; 'off' drops the code. */
  rules: Record<string, Severity | 'off'>;
  /** Globs (relative to the config file's folder, `/` separated) of files not checked. */
  ignorePaths: string[];
}

export const EMPTY_CONFIG: LintConfig = { rules: {}, ignorePaths: [] };

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/**
 * Reads a `.daemonset-lint.yaml`. Never throws: what cannot be used is named in `problems` (the CLI
 * prints them and exits 2; the editor shows them once) and the rest applies.
 *   rules: { <code>: error|warning|info|off }
 *   disable: [<code>, …]            (the same as `<code>: off`)
 *   ignorePaths: [<glob>, …]
 */
export function parseLintConfig(text: string): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const config: LintConfig = { rules: {}, ignorePaths: [] };
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { config, problems: [`not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { config, problems: ['must be a mapping with rules, disable and ignorePaths'] };
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r))
    if (!['rules', 'disable', 'ignorePaths'].includes(key))
      problems.push(`unknown key "${key}" (expected rules, disable, ignorePaths)`);
  const rules = r['rules'];
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules))
      problems.push('rules must map codes to error, warning, info or off');
    else {
      for (const [code, sev] of Object.entries(rules)) {
        // YAML 1.2 reads `off` as a string; a `false` means the same.
        const s = sev === false ? 'off' : sev;
        if (typeof s === 'string' && SEVERITIES.has(s)) config.rules[code] = s as Severity | 'off';
        else problems.push(`rules.${code}: must be error, warning, info or off, not ${JSON.stringify(sev)}`);
      }
    }
  }
  for (const [key, target] of [
    ['disable', 'codes'],
    ['ignorePaths', 'paths'],
  ] as const) {
    const list = r[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v === '')) {
      problems.push(`${key} must be a list of ${target === 'codes' ? 'codes' : 'globs'} (strings)`);
      continue;
    }
    if (key === 'disable') for (const code of list as string[]) config.rules[code] = 'off';
    else config.ignorePaths.push(...(list as string[]));
  }
  return { config, problems };
}

/** A glob as a regular expression over `/`-separated relative paths: `**`, `*`, `?` and `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      const slash = g[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = g.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${g
          .slice(i + 1, close)
          .split(',')
          .map(escapeRe)
          .join('|')})`;
        i = close;
      }
    } else re += escapeRe(c);
  }
  // A pattern names the file or a folder: everything under a matching folder is ignored too.
  return new RegExp(`^${re}(?:/.*)?$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Whether `relPath` (relative to the config's folder, either separator) is one of the ignored paths. */
export function isIgnoredPath(relPath: string, config: LintConfig): boolean {
  const p = relPath.split('\\').join('/').replace(/^\.\//, '');
  if (p.startsWith('../')) return false;
  return config.ignorePaths.some((g) => globToRegExp(g).test(p));
}

interface Suppression {
  codes: string[];
  /** Offsets of the text the suppression covers. */
  from: number;
  to: number;
}

const COMMENT = /#\s*daemonset-lint-(disable-next-line|disable)\b[ \t]*([^\n]*)/g;

/**
 * The findings that remain after the manifest's suppressions and the config: suppressed and 'off'
 * codes dropped, severities as configured, and a suppressionWithoutReason warning for each
 * suppression that gives no reason (it still applies: the reason is what is missing).
 */
export function applyLintConfig(
  model: DocumentModel,
  found: readonly ManifestDiagnostic[],
  config: LintConfig = EMPTY_CONFIG,
): ManifestDiagnostic[] {
  const suppressions: Suppression[] = [];
  const extra: ManifestDiagnostic[] = [];
  const text = model.text;
  if (text.includes('daemonset-lint-')) {
    for (const m of text.matchAll(COMMENT)) {
      const start = m.index;
      // Only real comments: `#` at a line start or after a blank (not inside a value like a#b).
      if (start > 0 && !/[ \t\n]/.test(text[start - 1]!)) continue;
      const { codes, reason } = splitReason(m[2]!);
      const end = start + m[0].length;
      if (codes.length === 0) {
        extra.push(
          noReason(start, end, `daemonset-lint-${m[1]} names no code: write the codes, then -- and the reason`),
        );
        continue;
      }
      if (!reason)
        extra.push(
          noReason(
            start,
            end,
            `daemonset-lint-${m[1]} ${codes.join(', ')} gives no reason: add -- and why the finding does not apply`,
          ),
        );
      if (m[1] === 'disable') suppressions.push({ codes, from: start, to: text.length });
      else {
        // The next line that is not blank and not another comment.
        const re = /\n[ \t]*(?=[^\s#])/g;
        re.lastIndex = end;
        const next = re.exec(text);
        if (!next) continue;
        const lineStart = next.index + 1;
        const nl = text.indexOf('\n', lineStart);
        suppressions.push({ codes, from: lineStart, to: nl < 0 ? text.length : nl });
      }
    }
  }
  for (const object of model.objects) {
    const annotations = (object.value as { metadata?: { annotations?: unknown } } | undefined)?.metadata?.annotations;
    if (!annotations || typeof annotations !== 'object') continue;
    const range = object.node.range;
    if (!range) continue;
    for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const code = key.slice(ANNOTATION_PREFIX.length);
      suppressions.push({ codes: [code], from: range[0], to: range[1] });
      if (typeof value !== 'string' || value.trim() === '') {
        const at = text.indexOf(key, range[0]);
        const s = at >= 0 && at < range[1] ? at : range[0];
        extra.push(
          noReason(s, s + key.length, `annotation ${key} gives no reason: its value says why ${code} does not apply`),
        );
      }
    }
  }
  const out: ManifestDiagnostic[] = [];
  for (const d of [...found, ...extra]) {
    const setting = config.rules[d.code];
    if (setting === 'off') continue;
    if (
      d.code !== SUPPRESSION_CODES.noReason &&
      suppressions.some((s) => s.codes.includes(d.code) && d.start >= s.from && d.start <= s.to)
    )
      continue;
    out.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function splitReason(rest: string): { codes: string[]; reason: string } {
  const sep = rest.indexOf('--');
  const codesText = sep < 0 ? rest : rest.slice(0, sep);
  const reason = sep < 0 ? '' : rest.slice(sep + 2).trim();
  return { codes: codesText.split(/[,\s]+/).filter((c) => /^[A-Za-z][A-Za-z0-9]*$/.test(c)), reason };
}

function noReason(start: number, end: number, message: string): ManifestDiagnostic {
  return { code: SUPPRESSION_CODES.noReason, severity: 'warning', message, path: '', start, end };
}
