// The Helm injection grammar, tokenized by VS Code's own TextMate engine (vscode-textmate with
// the oniguruma WASM it ships) on top of a minimal YAML grammar fixture: VS Code's YAML grammar is
// not on disk, so fixtures/yaml.tmLanguage.json stands in with the same scope names and shapes.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const INJECTION_FILE = path.join(ROOT, 'syntaxes', 'helm-template.injection.tmLanguage.json');
const YAML_FIXTURE = path.join(ROOT, 'test', 'unit', 'grammar', 'fixtures', 'yaml.tmLanguage.json');
const INJECTION = 'source.yaml.helm-injection';

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

function yamlGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
        createOnigString: (s: string) => oniguruma.createOnigString(s),
      } as unknown as vsctm.IOnigLib),
      loadGrammar: async (scopeName) => {
        const file = scopeName === 'source.yaml' ? YAML_FIXTURE : scopeName === INJECTION ? INJECTION_FILE : undefined;
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // What package.json's `injectTo: ["source.yaml"]` makes VS Code do.
      getInjections: (scopeName) => (scopeName === 'source.yaml' ? [INJECTION] : undefined),
    });
    const grammar = await registry.loadGrammar('source.yaml');
    assert.ok(grammar);
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await yamlGrammar();
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The token that is exactly `text` (the n-th such) on a tokenized line. */
function token(line: Token[], text: string, nth = 0): Token {
  const found = line.filter((t) => t.text === text)[nth];
  assert.ok(found, `no token ${JSON.stringify(text)} in ${JSON.stringify(line.map((t) => t.text))}`);
  return found;
}

function has(t: Token, scope: string): boolean {
  return t.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

function assertScope(t: Token, scope: string): void {
  assert.ok(has(t, scope), `${JSON.stringify(t.text)} has ${t.scopes.join(' ')}, not ${scope}`);
}

test('the grammar file declares the scope and injection selector package.json relies on', () => {
  const g = JSON.parse(fs.readFileSync(INJECTION_FILE, 'utf8'));
  assert.equal(g.scopeName, INJECTION);
  assert.equal(g.injectionSelector, 'L:source.yaml -comment');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.grammars.find((c: { scopeName: string }) => c.scopeName === INJECTION);
  assert.equal(path.resolve(ROOT, contributed.path), INJECTION_FILE);
  assert.deepEqual(contributed.injectTo, ['source.yaml']);
});

test('an action at the start of a line is a template, not a YAML flow mapping', async () => {
  const [line] = await tokenize('{{- if .Values.image }}');
  assertScope(token(line, '{{-'), 'punctuation.section.embedded.begin');
  assertScope(token(line, 'if'), 'keyword.control');
  assertScope(token(line, '.Values.image'), 'variable');
  assertScope(token(line, '}}'), 'punctuation.section.embedded.end');
  for (const t of line) assert.ok(!has(t, 'meta.flow-mapping'), `${t.text}: ${t.scopes.join(' ')}`);
  assert.ok(line.every((t) => has(t, 'source.yaml')));
});

test('inside a quoted YAML string the expression is still a template', async () => {
  const [line] = await tokenize(
    'image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
  );
  const open = token(line, '{{');
  assertScope(open, 'string.quoted.double.yaml');
  assertScope(open, 'punctuation.section.embedded.begin');
  assertScope(token(line, '.Values.image.repository'), 'variable');
  assertScope(token(line, '|'), 'keyword.operator.pipe');
  assertScope(token(line, 'default'), 'support.function');
  assertScope(token(line, '}}', 1), 'punctuation.section.embedded.end');
  // The key stays YAML.
  assertScope(token(line, 'image'), 'entity.name.tag.yaml');
  const single = (await tokenize("name: '{{ .Release.Name }}-agent'"))[0];
  assertScope(token(single, '.Release.Name'), 'variable');
  assertScope(token(single, '.Release.Name'), 'string.quoted.single.yaml');
});

test('as a plain value after a key, and with whitespace trimming on both sides', async () => {
  const [line] = await tokenize('  replicas: {{- .Values.count -}}');
  assertScope(token(line, '{{-'), 'punctuation.section.embedded.begin');
  assertScope(token(line, '-}}'), 'punctuation.section.embedded.end');
  assertScope(token(line, 'replicas'), 'entity.name.tag.yaml');
});

test('control keywords, include, variables, strings, pipes and numbers', async () => {
  const lines = await tokenize(
    [
      '{{- range $i, $node := .Values.nodes }}',
      '{{ with .Values.tolerations }}',
      '{{ include "agent.labels" . | nindent 4 }}',
      '{{- define "agent.name" -}}',
      '{{ template "agent.name" $ }}',
      '{{- else }}',
      '{{ printf "%s-%d" .Release.Name 3 | trunc 63 }}',
      '{{- end }}',
    ].join('\n'),
  );
  assertScope(token(lines[0], 'range'), 'keyword.control');
  assertScope(token(lines[0], '$i'), 'variable');
  assertScope(token(lines[0], '$node'), 'variable');
  assertScope(token(lines[0], ':='), 'keyword.operator.assignment');
  assertScope(token(lines[1], 'with'), 'keyword.control');
  assertScope(token(lines[2], 'include'), 'keyword.control');
  assertScope(token(lines[2], 'agent.labels'), 'string.quoted.double.go-template');
  assertScope(token(lines[2], '.'), 'variable');
  assertScope(token(lines[2], 'nindent'), 'support.function');
  assertScope(token(lines[2], '4'), 'constant.numeric');
  assertScope(token(lines[3], 'define'), 'keyword.control');
  assertScope(token(lines[4], 'template'), 'keyword.control');
  assertScope(token(lines[4], '$'), 'variable');
  assertScope(token(lines[5], 'else'), 'keyword.control');
  assertScope(token(lines[6], '63'), 'constant.numeric');
  assertScope(token(lines[7], 'end'), 'keyword.control');
});

test('template comments are comments', async () => {
  const [a] = await tokenize('{{/* the agent name */}}');
  assertScope(token(a, ' the agent name '), 'comment.block.go-template');
  assertScope(token(a, '{{'), 'punctuation.section.embedded.begin');
  const [b] = await tokenize('{{- /* trimmed */ -}}');
  assertScope(token(b, ' trimmed '), 'comment.block');
  assert.ok(!b.some((t) => has(t, 'keyword.control')));
});

test('a YAML comment is left alone; YAML after an action reads as YAML again', async () => {
  const lines = await tokenize('# {{ .Values.x }}\n{{- if .Values.enabled }}\nkind: DaemonSet\n{{- end }}\n');
  assert.ok(lines[0].every((t) => has(t, 'comment.line.number-sign.yaml')));
  assert.ok(!lines[0].some((t) => has(t, 'punctuation.section.embedded')));
  assertScope(token(lines[2], 'kind'), 'entity.name.tag.yaml');
  assert.ok(!lines[2].some((t) => has(t, 'meta.embedded')));
  assertScope(token(lines[3], 'end'), 'keyword.control');
});

test('an action may span lines and may sit inside a block scalar', async () => {
  const lines = await tokenize('{{- if and .Values.a\n      .Values.b }}\nkind: DaemonSet');
  assertScope(token(lines[1], '.Values.b'), 'variable');
  assertScope(token(lines[1], '}}'), 'punctuation.section.embedded.end');
  assertScope(token(lines[2], 'kind'), 'entity.name.tag.yaml');
  const block = await tokenize('config: |\n  name = {{ .Values.name }}\nkind: x');
  assertScope(token(block[1], '.Values.name'), 'variable');
  assertScope(token(block[1], '.Values.name'), 'string.unquoted.block.yaml');
});

test('a quote inside an action inside a quoted YAML string does not end the YAML string', async () => {
  const [line] = await tokenize('image: "{{ .Values.tag | default "latest" }}" # c');
  assertScope(token(line, 'latest'), 'string.quoted.double.go-template');
  assertScope(token(line, '}}'), 'punctuation.section.embedded.end');
  assert.ok(has(line[line.length - 1], 'comment.line.number-sign.yaml'));
});
