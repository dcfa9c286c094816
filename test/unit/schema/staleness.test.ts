import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT as repo, sharedMissing, sharedPath } from '../../support/shared';

interface Generator {
  generateSchema(swaggerText: string, enumsText: string): string;
  defaultFromDescription(description: string): string | undefined;
}

// A specifier held in a variable keeps tsc from resolving the .mjs (it has no types) and keeps
// the dynamic import a real ESM import in the CommonJS test output.
async function loadGenerator(): Promise<Generator> {
  const url = pathToFileURL(join(repo, 'scripts', 'gen-schema.mjs')).href;
  return (await import(url)) as Generator;
}

test(
  'the committed k8s-schema.json is what the generator makes from ../shared/k8s-openapi',
  { skip: sharedMissing('k8s-openapi/swagger.json') },
  async () => {
    const inputs = sharedPath('k8s-openapi')!;
    const { generateSchema } = await loadGenerator();
    const fresh = generateSchema(
      readFileSync(join(inputs, 'swagger.json'), 'utf8'),
      readFileSync(join(inputs, 'enums.json'), 'utf8'),
    );
    const committed = readFileSync(join(repo, 'server/src/schema/k8s-schema.json'), 'utf8');
    assert.ok(fresh === committed, 'server/src/schema/k8s-schema.json is stale: run `npm run gen:schema`');
  },
);

test('the generator is deterministic and rejects enum keys that name no field', async () => {
  const { generateSchema } = await loadGenerator();
  const swagger = JSON.stringify({
    definitions: {
      'io.k8s.api.apps.v1.DaemonSet': {
        type: 'object',
        required: ['spec'],
        properties: { spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DaemonSetSpec', description: 'Spec.' } },
      },
      'io.k8s.api.apps.v1.DaemonSetSpec': {
        type: 'object',
        properties: { mode: { type: 'string', description: 'Mode. Defaults to Fast.' } },
      },
      'io.k8s.api.core.v1.Unreachable': { type: 'object' },
    },
  });
  const enums = JSON.stringify({ enums: { 'io.k8s.api.apps.v1.DaemonSetSpec.mode': ['Fast', 'Slow'] } });
  const text = generateSchema(swagger, enums);
  assert.equal(generateSchema(swagger, enums), text);
  const parsed = JSON.parse(text) as { definitions: Record<string, { properties?: Record<string, unknown> }> };
  assert.deepEqual(Object.keys(parsed.definitions), [
    'io.k8s.api.apps.v1.DaemonSet',
    'io.k8s.api.apps.v1.DaemonSetSpec',
  ]);
  assert.deepEqual(parsed.definitions['io.k8s.api.apps.v1.DaemonSetSpec']?.properties?.['mode'], {
    default: 'Fast',
    description: 'Mode. Defaults to Fast.',
    enum: ['Fast', 'Slow'],
    type: 'string',
  });
  const badEnums = JSON.stringify({ enums: { 'io.k8s.api.apps.v1.DaemonSetSpec.other': ['X'] } });
  assert.throws(() => generateSchema(swagger, badEnums), /DaemonSetSpec\.other/);
});

test('defaults are read only from unconditional sentences', async () => {
  const { defaultFromDescription } = await loadGenerator();
  assert.equal(defaultFromDescription('Foo. Defaults to 10.'), '10');
  assert.equal(defaultFromDescription('Protocol for port. Defaults to "TCP".'), 'TCP');
  assert.equal(defaultFromDescription('Grace. Defaults to 30 seconds.'), '30');
  assert.equal(defaultFromDescription('Policy. Defaults to PreemptLowerPriority if unset.'), 'PreemptLowerPriority');
  assert.equal(
    defaultFromDescription('Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.'),
    undefined,
  );
  assert.equal(
    defaultFromDescription('Defaults to the default set of capabilities granted by the runtime.'),
    undefined,
  );
  assert.equal(defaultFromDescription('Defaults to 1 hour and must be at least 10 minutes.'), undefined);
  assert.equal(defaultFromDescription('Default is nil.'), undefined);
});
