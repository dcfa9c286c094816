// Builds the example manifests of the rules table and renders docs/rules.md from it
// (scripts/gen-rules.mjs writes the file; test/unit/rules checks it is current and runs every example).
import { parse, stringify } from 'yaml';
import { BASE_MANIFEST, Rule, RuleExample, RULES } from './rules';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge; arrays and empty objects replace, null deletes. */
function merge(into: Obj, patch: Obj): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete into[k];
    else if (isObj(v) && Object.keys(v).length > 0 && isObj(into[k])) merge(into[k] as Obj, v);
    else into[k] = v;
  }
}

/** The whole manifest an example stands for. */
export function exampleManifest(ex: RuleExample): string {
  if (ex.at === 'document') return ex.yaml;
  const base = parse(BASE_MANIFEST, { version: '1.1' }) as Obj;
  const patch = (parse(ex.yaml, { version: '1.1' }) ?? {}) as Obj;
  const spec = base['spec'] as Obj;
  const template = spec['template'] as Obj;
  const pod = template['spec'] as Obj;
  const target: Record<Exclude<RuleExample['at'], 'document'>, Obj> = {
    root: base,
    metadata: base['metadata'] as Obj,
    spec,
    template,
    pod,
    container: (pod['containers'] as Obj[])[0]!,
  };
  merge(target[ex.at], patch);
  return stringify(base, { version: '1.1', lineWidth: 0 });
}

const WHERE: Record<RuleExample['at'], string> = {
  root: 'merged into the DaemonSet',
  metadata: 'in `metadata`',
  spec: 'in `spec`',
  template: 'in `spec.template`',
  pod: 'in `spec.template.spec`',
  container: 'in the first container',
  document: 'the whole file',
};

// Control characters other than tab and newline (built from a string: no control characters in a regex literal).
const CONTROL = new RegExp('[' + String.fromCharCode(0) + '-' + String.fromCharCode(8) + String.fromCharCode(11, 12) + String.fromCharCode(14) + '-' + String.fromCharCode(31) + ']', 'g');

function shown(text: string): string {
  // Long values and control characters are shortened or made visible, never pasted raw.
  return text
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/([^\n]{160})[^\n]+/g, '$1…');
}

function example(label: string, ex: RuleExample): string {
  if (ex.at === 'root' && ex.yaml === '{}') return `${label}: the base DaemonSet as it is.\n`;
  const fence = ex.yaml.includes('```') ? '~~~~' : '```';
  return `${label} (${WHERE[ex.at]}):\n\n${fence}yaml\n${shown(ex.yaml).replace(/\n$/, '')}\n${fence}\n`;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderRulesMarkdown(rules: readonly Rule[] = RULES): string {
  const sorted = [...rules].sort((a, b) => a.code.localeCompare(b.code));
  const out: string[] = [];
  out.push('# Diagnostic rules');
  out.push('');
  out.push('<!-- Generated from server/src/features/diagnostics/rules.ts by `npm run gen:rules`; do not edit. -->');
  out.push('');
  out.push(
    `Every diagnostic DaemonSet Studio reports, ${sorted.length} codes. Errors are what the API server would reject, with its field paths and words; ` +
      'warnings and infos are what it accepts but authors regret. Each example is checked by the test suite: the first gets the diagnostic, the second does not.',
  );
  out.push('');
  out.push('Examples change one part of this base DaemonSet:');
  out.push('');
  out.push('```yaml');
  out.push(BASE_MANIFEST.replace(/\n$/, ''));
  out.push('```');
  out.push('');
  out.push('| Code | Severity | Mirrors | Quick fix |');
  out.push('|---|---|---|---|');
  for (const r of sorted) out.push(`| [\`${r.code}\`](#${r.code.toLowerCase()}) | ${r.severity} | ${escapeCell(r.upstream)} | ${escapeCell(r.quickFix ?? '')} |`);
  out.push('');
  for (const r of sorted) {
    out.push(`## ${r.code}`);
    out.push('');
    out.push(`**${r.severity}**${r.cluster ? ' (needs a cluster: node snapshot, live cluster or the example cluster)' : ''}. ${r.summary}`);
    out.push('');
    out.push(`Mirrors: ${r.upstream}.`);
    out.push('');
    if (r.quickFix) {
      out.push(`Quick fix: ${r.quickFix}.`);
      out.push('');
    }
    out.push(example('Triggers', r.triggers));
    out.push(example('Does not trigger', r.passes));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
