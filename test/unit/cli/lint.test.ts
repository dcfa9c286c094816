// `daemonset lint`: text and JSON output, exit codes, and clear errors for what cannot be checked.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint, type JsonFileResult } from '../../../server/src/cli/lint';

const VALID = `apiVersion: apps/v1
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
          resources: {requests: {cpu: 10m}, limits: {memory: 64Mi}}
          readinessProbe: {exec: {command: ['true']}}
      priorityClassName: system-node-critical
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daemonset-lint-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'valid.yaml'), VALID);
fs.writeFileSync(
  path.join(dir, 'bad.yaml'),
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: agent}\n---\n${VALID.replace('      containers:', '      restartPolicy: Never\n      containers:').replace('agent:1.0', 'agent')}`,
);
fs.writeFileSync(path.join(dir, 'old.yml'), VALID.replace('apps/v1', 'extensions/v1beta1'));
fs.writeFileSync(
  path.join(dir, 'warn.yaml'),
  VALID.replace('      containers:', '      serviceAccount: agent\n      containers:'),
);
fs.writeFileSync(
  path.join(dir, 'image.png'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
);
fs.writeFileSync(path.join(dir, 'notes.txt'), 'Remember: {call the team: "tomorrow"\n  - and then: [the rest\n');
fs.mkdirSync(path.join(dir, 'manifests'));

async function lint(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

test('a valid file: exit 0 and a summary', async () => {
  assert.deepEqual(await lint('valid.yaml'), {
    code: 0,
    stdout: '0 errors, 0 warnings, 0 infos in 1 file\n',
    stderr: '',
  });
});

test('text output: file:line:col severity code path: message; exit 1 on errors', async () => {
  const r = await lint('bad.yaml', 'old.yml');
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  assert.equal(
    r.stdout,
    [
      'bad.yaml:16:22 error restartPolicyNotAlways spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'bad.yaml:19:18 info imageLatest spec.template.spec.containers[0].image: image "agent" has no tag, so ":latest" is used: imagePullPolicy defaults to Always and nodes may run different builds; pin a version',
      'old.yml:1:13 error removedApiVersion apiVersion: no matches for kind "DaemonSet" in version "extensions/v1beta1": DaemonSets are served only as apps/v1 since Kubernetes 1.16',
      '2 errors, 0 warnings, 1 info in 2 files',
      '',
    ].join('\n'),
  );
});

test('warnings alone exit 0', async () => {
  const r = await lint('warn.yaml');
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /^warn\.yaml:12:7 warning serviceAccountDeprecated spec\.template\.spec\.serviceAccount: deprecated alias/,
  );
});

test('JSON output: one entry per file, ranges as LSP positions', async () => {
  const r = await lint('--format', 'json', 'valid.yaml', 'bad.yaml');
  assert.equal(r.code, 1);
  const parsed = JSON.parse(r.stdout) as JsonFileResult[];
  assert.deepEqual(parsed[0], { file: 'valid.yaml', diagnostics: [] });
  assert.deepEqual(parsed[1]!.diagnostics[0], {
    path: 'spec.template.spec.restartPolicy',
    code: 'restartPolicyNotAlways',
    severity: 'error',
    message: 'Unsupported value: "Never": supported values: "Always"',
    range: { start: { line: 15, character: 21 }, end: { line: 15, character: 26 } },
  });
  assert.equal((await lint('--format=json', 'valid.yaml')).code, 0);
});

test('files that cannot be read are named on stderr, the others still checked, exit 2', async () => {
  const r = await lint('valid.yaml', 'missing.yaml', 'manifests', 'image.png', 'bad.yaml');
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    'daemonset lint: missing.yaml: no such file',
    'daemonset lint: manifests: is a directory; give the YAML files in it (for example dir/*.yaml)',
    'daemonset lint: image.png: not checked: it looks like binary data, not YAML.',
  ]);
  assert.match(r.stdout, /^bad\.yaml:16:22 error restartPolicyNotAlways/m);
  assert.match(r.stdout, /\n1 error, 0 warnings, 1 info in 2 files\n$/);
});

test('text that is not YAML is a finding in its own entry (yamlSyntax, exit 1), not a refusal', async () => {
  const r = await lint('--format', 'json', 'notes.txt');
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  const [entry] = JSON.parse(r.stdout) as JsonFileResult[];
  assert.equal(entry!.file, 'notes.txt');
  assert.ok(entry!.diagnostics.length > 0);
  assert.ok(entry!.diagnostics.every((d) => d.code === 'yamlSyntax' && d.severity === 'error'));
  assert.deepEqual(entry!.diagnostics[0]!.range.start, { line: 1, character: 2 });
});

test('usage errors exit 2 with the usage; --help exits 0', async () => {
  const none = await lint();
  assert.equal(none.code, 2);
  assert.match(
    none.stderr,
    /^daemonset lint: no files given\nusage: daemonset lint <files\.\.\.> \[--format text\|json\|sarif\|github\] \[--max-warnings N\]/,
  );
  const badFormat = await lint('--format', 'xml', 'valid.yaml');
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /^daemonset lint: --format must be text, json, sarif or github, not "xml"/);
  const unknown = await lint('--fix', 'valid.yaml');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^daemonset lint: unknown option --fix/);
  const help = await lint('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: daemonset lint/);
  assert.equal((await lint('--', 'valid.yaml')).code, 0);
});

test('lint reads a kind: List and a Helm-templated file through the document model', async () => {
  const item = VALID.replace('      containers:', '      restartPolicy: Never\n      containers:')
    .trimEnd()
    .split('\n')
    .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
    .join('\n');
  const list = `apiVersion: v1\nkind: List\nitems:\n${item}\n`;
  fs.writeFileSync(path.join(dir, 'list.yaml'), list);
  const r = await lint('list.yaml', '--format', 'json');
  const [result] = JSON.parse(r.stdout) as JsonFileResult[];
  assert.deepEqual(
    result!.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path]),
    [['restartPolicyNotAlways', 'spec.template.spec.restartPolicy']],
  );
  assert.equal(r.code, 1);

  const helm = VALID.replace('  name: agent', '  name: {{ .Release.Name }}')
    .replace('agent:1.0', '"{{ .Values.image }}"')
    .replace(
      '          resources: {requests: {cpu: 10m}}',
      '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}',
    );
  fs.writeFileSync(path.join(dir, 'helm.yaml'), `{{- if .Values.enabled }}\n${helm}{{- end }}\n`);
  const h = await lint('helm.yaml');
  assert.equal(h.stderr, '');
  assert.equal(h.code, 0, h.stdout);
  assert.match(h.stdout, /^0 errors, /m);
});
