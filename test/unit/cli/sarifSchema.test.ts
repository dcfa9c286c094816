// `daemonset lint --format sarif`, run as a user runs it (bin/daemonset.js → dist/cli.js), checked
// against the SARIF 2.1.0 JSON schema (test/fixtures/sarif/sarif-schema-2.1.0.json, see NOTICE.md)
// with Ajv: findings of every severity, a suppression with a reason and one without, a file name
// that needs escaping in a URI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sarif');
const BIN = path.join(ROOT, 'bin', 'daemonset.js');

// RFC 3986 appendix B splits any string; these check the parts a URI (reference) may hold.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NC = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})+";
const QF = `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
const AUTHORITY = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@\\[\\]]|%[0-9A-Fa-f]{2})*";
const HIER = `(?://${AUTHORITY}(?:/${SEGMENT})*|/(?:${SEGMENT}(?:/${SEGMENT})*)?|${SEGMENT}(?:/${SEGMENT})*)`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER}${QF}$`);
// A relative reference: its first segment has no ':' (RFC 3986 segment-nz-nc).
const RELATIVE = new RegExp(
  `^(?://${AUTHORITY}(?:/${SEGMENT})*|/(?:${SEGMENT}(?:/${SEGMENT})*)?|${SEGMENT_NC}(?:/${SEGMENT})*|)${QF}$`,
);

function validator() {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', URI);
  ajv.addFormat('uri-reference', (s: string) => URI.test(s) || RELATIVE.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile<any>(schema);
}

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('the format checks accept and refuse what RFC 3986 does', () => {
  for (const ok of [
    'agent.yaml',
    'dir/a%20b.yaml',
    'odd,%20name%3A50%25.yaml',
    './x:y.yaml',
    'https://github.com/a/b#c',
  ])
    assert.ok(URI.test(ok) || RELATIVE.test(ok), ok);
  for (const bad of ['odd, name.yaml', 'odd,%20name:50%25.yaml', '50%.yaml'])
    assert.ok(!URI.test(bad) && !RELATIVE.test(bad), bad);
});

test('daemonset lint --format sarif is valid SARIF 2.1.0 (schema), with every severity and the suppressions applied', () => {
  const validate = validator();
  const r = lint('--format', 'sarif', 'agent.yaml', 'odd, name:50%.yaml');
  assert.equal(r.code, 1, r.err);
  const log = JSON.parse(r.out);
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  const results: Array<{
    ruleId: string;
    level: string;
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
  }> = log.runs[0].results;
  assert.deepEqual([...new Set(results.map((x) => x.level))].sort(), ['error', 'note', 'warning']);
  const ids = new Set(results.map((x) => x.ruleId));
  // Suppressed with a reason: gone; suppressed without one: gone, and said.
  assert.ok(!ids.has('noPriorityClass') && !ids.has('imageLatest'), [...ids].join(' '));
  assert.ok(
    ids.has('suppressionWithoutReason') && ids.has('restartPolicyNotAlways') && ids.has('noReadinessProbe'),
    [...ids].join(' '),
  );
  assert.deepEqual([...new Set(results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri))].sort(), [
    'agent.yaml',
    'odd%2C%20name%3A50%25.yaml',
  ]);
});

test('the schema refuses what is not SARIF (the check can fail)', () => {
  const validate = validator();
  const log = JSON.parse(lint('--format', 'sarif', 'agent.yaml').out);
  assert.ok(validate(log), JSON.stringify(validate.errors));
  for (const spoil of [
    (l: any) => (l.version = '2.0.0'),
    (l: any) => (l.runs[0].results[0].level = 'info'),
    (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0),
    (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b:c.yaml'),
    (l: any) => delete l.runs[0].tool.driver.name,
  ]) {
    const copy = JSON.parse(JSON.stringify(log));
    spoil(copy);
    assert.equal(validate(copy), false, spoil.toString());
  }
});
