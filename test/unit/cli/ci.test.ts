// `daemonset lint` in CI: SARIF, GitHub annotations, --max-warnings, .daemonset-lint.yaml and the
// suppressions, and the problem matcher package.json contributes, applied to real text output.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint } from '../../../server/src/cli/lint';
import { escapeData, escapeProperty } from '../../../server/src/cli/ciFormats';
import { globToRegExp, parseLintConfig } from '../../../server/src/lintConfig';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Clean but for two warnings (no priorityClassName, no memory limit) and one info (no readiness probe). */
const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: agent:1.0
          resources: {requests: {cpu: 10m}}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonset-ci-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};
write('agent.yaml', AGENT);
write('bad, name:50%.yaml', AGENT.replace('      containers:', '      restartPolicy: Never\n      containers:'));

/** The finding lines of text output (not the summary). */
const findings = (stdout: string) => stdout.split('\n').filter((l) => /^\S.*:\d+:\d+ /.test(l));

async function lint(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

test('text output lists the best practices; --max-warnings decides exit 1', async () => {
  const r = await lint('agent.yaml');
  assert.equal(r.code, 0);
  assert.deepEqual(
    findings(r.stdout).map((l) => l.split(' ').slice(1, 3).join(' ')),
    ['warning noPriorityClass', 'info noReadinessProbe', 'warning noMemoryLimit'],
  );
  assert.equal((await lint('agent.yaml', '--max-warnings', '2')).code, 0);
  const over = await lint('agent.yaml', '--max-warnings', '1');
  assert.equal(over.code, 1);
  assert.equal(over.stderr, 'daemonset lint: 2 warnings, more than --max-warnings 1\n');
  assert.equal((await lint('agent.yaml', '--max-warnings', 'x')).code, 2);
  assert.equal((await lint('agent.yaml', '--format', 'xml')).code, 2);
});

test('SARIF 2.1.0: one run, a rule per code, results with 1-based regions and levels', async () => {
  const r = await lint('--format', 'sarif', 'agent.yaml', 'bad, name:50%.yaml');
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'daemonset');
  assert.deepEqual(
    run.tool.driver.rules.map((x: { id: string }) => x.id),
    ['noMemoryLimit', 'noPriorityClass', 'noReadinessProbe', 'restartPolicyNotAlways'],
  );
  const restart = run.results.find((x: { ruleId: string }) => x.ruleId === 'restartPolicyNotAlways');
  assert.deepEqual(restart, {
    ruleId: 'restartPolicyNotAlways',
    ruleIndex: 3,
    level: 'error',
    message: { text: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"' },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'bad%2C%20name%3A50%25.yaml' },
          region: { startLine: 12, startColumn: 22, endLine: 12, endColumn: 27 },
        },
      },
    ],
  });
  assert.ok(run.results.some((x: { level: string }) => x.level === 'note'));
  for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
});

test('GitHub annotations: error/warning/notice with escaped properties and data', async () => {
  const r = await lint('--format', 'github', 'bad, name:50%.yaml');
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n').filter(Boolean);
  assert.equal(
    lines[0],
    '::error file=bad%2C name%3A50%25.yaml,line=12,col=22,endLine=12,endColumn=27,title=daemonset restartPolicyNotAlways::spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  );
  assert.deepEqual(
    lines.map((l) => l.slice(0, l.indexOf(' '))),
    ['::error', '::warning', '::notice', '::warning'],
  );
  assert.equal(escapeData('50% a\r\nb'), '50%25 a%0D%0Ab');
  assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
});

test('.daemonset-lint.yaml: severities, disabled codes, ignored paths; --config; a bad config exits 2', async () => {
  write(
    'cfg/strict.yaml',
    'rules:\n  noPriorityClass: error\n  noReadinessProbe: off\ndisable: [noMemoryLimit]\nignorePaths: ["vendor/**", "charts"]\n',
  );
  write('vendor/x/agent.yaml', AGENT);
  write('charts/agent.yaml', AGENT);
  const r = await lint('--config', 'cfg/strict.yaml', 'agent.yaml');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^agent\.yaml:12:7 error noPriorityClass /);
  assert.match(r.stdout, /1 error, 0 warnings, 0 infos in 1 file/);
  // Ignored paths are relative to the config file's folder (cfg/): these are not ignored…
  assert.match((await lint('--config', 'cfg/strict.yaml', 'vendor/x/agent.yaml')).stdout, /in 1 file/);
  // …and with the config at the root, they are: nothing checked, nothing printed.
  write('.daemonset-lint.yaml', 'ignorePaths: ["vendor/**", "charts"]\n');
  assert.deepEqual(await lint('vendor/x/agent.yaml', 'charts/agent.yaml'), { code: 0, stdout: '', stderr: '' });
  fs.rmSync(path.join(dir, '.daemonset-lint.yaml'));
  write('cfg/bad.yaml', 'rules:\n  noPriorityClass: loud\nextra: 1\n');
  const bad = await lint('--config', 'cfg/bad.yaml', 'agent.yaml');
  assert.equal(bad.code, 2);
  assert.equal(
    bad.stderr,
    'daemonset lint: cfg/bad.yaml: unknown key "extra" (expected rules, disable, ignorePaths)\ncfg/bad.yaml: rules.noPriorityClass: must be error, warning, info or off, not "loud"\n',
  );
  assert.equal((await lint('--config', 'cfg/missing.yaml', 'agent.yaml')).code, 2);
});

test('suppressions: next-line and file comments, the annotation; a missing reason is itself reported', async () => {
  const withComments = AGENT.replace(
    '      containers:',
    '      # daemonset-lint-disable-next-line noPriorityClass -- priority set by the mutating webhook\n      containers:',
  ).replace(
    'kind: DaemonSet',
    'kind: DaemonSet\n# daemonset-lint-disable noMemoryLimit, noReadinessProbe -- sized by the VPA',
  );
  write('suppressed.yaml', withComments);
  assert.deepEqual(await lint('suppressed.yaml'), {
    code: 0,
    stdout: '0 errors, 0 warnings, 0 infos in 1 file\n',
    stderr: '',
  });
  write(
    'noreason.yaml',
    AGENT.replace('      containers:', '      # daemonset-lint-disable-next-line noPriorityClass\n      containers:'),
  );
  const r = await lint('noreason.yaml');
  assert.match(
    r.stdout,
    /^noreason\.yaml:12:7 warning suppressionWithoutReason daemonset-lint-disable-next-line noPriorityClass gives no reason/,
  );
  assert.doesNotMatch(r.stdout, /noPriorityClass spec/);
  const annotated = AGENT.replace(
    '  name: agent\n',
    '  name: agent\n  annotations:\n    daemonset-lint.io/ignore-noPriorityClass: "scheduled by the operator"\n    daemonset-lint.io/ignore-noMemoryLimit: ""\n',
  );
  write('annotated.yaml', annotated);
  const a = await lint('annotated.yaml');
  assert.deepEqual(
    findings(a.stdout).map((l) => l.split(' ')[2]),
    ['suppressionWithoutReason', 'noReadinessProbe'],
  );
  // `#` inside a value is not a comment.
  write(
    'value.yaml',
    AGENT.replace('image: agent:1.0', 'image: "agent:1.0#daemonset-lint-disable noMemoryLimit -- x"'),
  );
  assert.match((await lint('value.yaml')).stdout, /noMemoryLimit/);
});

test('config parsing and globs', () => {
  assert.deepEqual(parseLintConfig('').problems, []);
  assert.deepEqual(parseLintConfig('rules: {a: false}\n').config.rules, { a: 'off' });
  assert.deepEqual(parseLintConfig('[1]').problems, ['must be a mapping with rules, disable and ignorePaths']);
  assert.match(parseLintConfig('rules: [').problems[0]!, /^not valid YAML/);
  const m = (g: string, p: string) => globToRegExp(g).test(p);
  assert.ok(
    m('**/*.yaml', 'a/b/c.yaml') &&
      m('**/*.yaml', 'c.yaml') &&
      m('vendor', 'vendor/x.yaml') &&
      m('*.{yml,yaml}', 'a.yml'),
  );
  assert.ok(!m('*.yaml', 'a/b.yaml') && !m('vendor', 'vendors/x.yaml') && !m('a?.yaml', 'a/.yaml'));
});

test('the problem matcher in package.json reads the CLI text output', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'daemonset-lint');
  const re = new RegExp(matcher.pattern.regexp);
  const r = await lint('bad, name:50%.yaml');
  const lines = r.stdout.split('\n').filter(Boolean);
  const matched = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  assert.equal(matched.length, lines.length - 1, 'every finding line matches; the summary does not');
  const p = matcher.pattern;
  const first = matched[0]!;
  assert.deepEqual(
    [first[p.file], first[p.line], first[p.column], first[p.severity], first[p.code]],
    ['bad, name:50%.yaml', '12', '22', 'error', 'restartPolicyNotAlways'],
  );
  assert.match(first[p.message]!, /^spec\.template\.spec\.restartPolicy: Unsupported value/);
});

test('the config schema describes exactly the keys the parser reads', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'daemonset-lint.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), ['disable', 'ignorePaths', 'rules']);
  assert.deepEqual(schema.properties.rules.additionalProperties.enum, ['error', 'warning', 'info', 'off']);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.yamlValidation, [
    { fileMatch: '.daemonset-lint.yaml', url: './schemas/daemonset-lint.schema.json' },
  ]);
});
