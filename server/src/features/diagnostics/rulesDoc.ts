// Builds the example manifests of the rules table and renders docs/rules.md from it
// (scripts/gen-rules.mjs writes the file; test/unit/rules checks it is current and runs every example).
import { parse, stringify } from 'yaml';
import { BASE_MANIFEST, Rule, RuleExample, RULES } from './rules';
import { COMPARED, type ComparedRow } from './rulesCompared';

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
const CONTROL = new RegExp(
  '[' +
    String.fromCharCode(0) +
    '-' +
    String.fromCharCode(8) +
    String.fromCharCode(11, 12) +
    String.fromCharCode(14) +
    '-' +
    String.fromCharCode(31) +
    ']',
  'g',
);

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
  for (const r of sorted)
    out.push(
      `| [\`${r.code}\`](#${r.code.toLowerCase()}) | ${r.severity} | ${escapeCell(r.upstream)} | ${escapeCell(r.quickFix ?? '')} |`,
    );
  out.push('');
  out.push(...bestPracticeSection(rules, '#'));
  out.push(...comparedSection(COMPARED, rules, '#'));
  for (const r of sorted) {
    out.push(`## ${r.code}`);
    out.push('');
    out.push(
      `**${r.severity}**${r.bestPractice ? ', node-agent best practice' : ''}${r.cluster ? ' (needs a cluster: node snapshot, live cluster or the example cluster)' : ''}. ${r.summary}`,
    );
    out.push('');
    out.push(`Mirrors: ${r.upstream}.`);
    out.push('');
    if (r.quickFix) {
      out.push(`Quick fix: ${r.quickFix}.`);
      out.push('');
    }
    if (r.nodes) {
      out.push(`The examples run against a cluster of ${r.nodes.description}.`);
      out.push('');
    }
    out.push(example('Triggers', r.triggers));
    out.push(example('Does not trigger', r.passes));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** A link to a rule's section: `#code` inside docs/rules.md, `rules.md#code` from another page. */
function link(code: string, base: string): string {
  return `[\`${code}\`](${base === '#' ? '#' : `${base}#`}${code.toLowerCase()})`;
}

/** The node-agent best practices, as a table (docs/rules.md and docs/best-practices.md). */
function bestPracticeSection(rules: readonly Rule[], base: string): string[] {
  const bp = rules.filter((r) => r.bestPractice);
  const out: string[] = [];
  out.push('## Node-agent best practices');
  out.push('');
  out.push(
    `${bp.length} of the codes are what a DaemonSet usually should not do although the API server accepts it. They are **warnings or infos, never errors**; ` +
      'the setting `daemonset.diagnostics.bestPractices` (default on) turns them all off, and a `.daemonset-lint.yaml` changes the severity of any code or ' +
      'disables it (see [lint-config.md](lint-config.md)). `imageLatest` and `noResourceRequests` (API-server warnings) and the rollout estimates are close relatives, reported whatever that setting says.',
  );
  out.push('');
  out.push('| Code | Severity | Why | Quick fix |');
  out.push('|---|---|---|---|');
  for (const r of bp)
    out.push(
      `| ${link(r.code, base)}${r.cluster ? ' (cluster)' : ''} | ${r.severity} | ${escapeCell(r.summary)} | ${escapeCell(r.quickFix ?? '')} |`,
    );
  out.push('');
  out.push(
    'Security-posture rules are infos by default because most real node agents (CNI, CSI, log and metrics collectors) need them: over the 56-file corpus, ' +
      '39 containers are privileged and 34 pods tolerate every taint. A team that wants them enforced raises them in `.daemonset-lint.yaml`. ' +
      'On `system-node-critical`: since Kubernetes 1.17 critical priority classes may be used in any namespace, unless a ResourceQuota with a `PriorityClass` scope limits them there.',
  );
  out.push('');
  return out;
}

const VERDICT: Record<ComparedRow['verdict'], string> = {
  covered: 'covered',
  partly: 'partly',
  'not covered': '**not covered**',
  'not applicable': 'not applicable',
};

/** Which DaemonSet-relevant checks of kube-linter, Polaris and Datree this covers, and which not. */
function comparedSection(rows: readonly ComparedRow[], rules: readonly Rule[], base: string): string[] {
  const known = new Set(rules.map((r) => r.code));
  const out: string[] = [];
  out.push('## Compared with kube-linter, Polaris and Datree');
  out.push('');
  out.push(
    "The DaemonSet-relevant checks of those tools (names from each tool's own check list: kube-linter's built-in checks, Polaris's `checks/`, " +
      "Datree's default rules; a name marked † could not be checked against its list) and what DaemonSet Studio does about each.",
  );
  out.push('');
  out.push('| Their checks | Here | Covered | How, or why not |');
  out.push('|---|---|---|---|');
  for (const row of rows) {
    const theirs =
      row.theirs.length === 0
        ? 'none'
        : row.theirs.map((c) => `${c.tool} \`${c.check}\`${c.verified ? '' : ' †'}`).join(', ');
    const ours =
      row.ours.length === 0 ? '—' : row.ours.map((c) => (known.has(c) ? link(c, base) : `\`${c}\``)).join(', ');
    out.push(`| ${escapeCell(theirs)} | ${ours} | ${VERDICT[row.verdict]} | ${escapeCell(row.note)} |`);
  }
  out.push('');
  return out;
}

/** docs/best-practices.md: the best-practice table and the comparison, linking into docs/rules.md. */
export function renderBestPracticesMarkdown(rules: readonly Rule[] = RULES): string {
  const out: string[] = [];
  out.push('# Node-agent best practices');
  out.push('');
  out.push(
    '<!-- Generated from server/src/features/diagnostics/rules.ts and rulesCompared.ts by `npm run gen:rules`; do not edit. -->',
  );
  out.push('');
  out.push(
    'The same sections as in [rules.md](rules.md), where every code has its examples. Suppression comments, the annotation and `.daemonset-lint.yaml` are in [lint-config.md](lint-config.md).',
  );
  out.push('');
  out.push(...bestPracticeSection(rules, 'rules.md'), ...comparedSection(COMPARED, rules, 'rules.md'));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
