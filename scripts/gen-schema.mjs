#!/usr/bin/env node
// Generates server/src/schema/k8s-schema.json: the compact schema of every definition reachable
// from apps/v1 DaemonSet, taken from the Kubernetes OpenAPI v2 document plus the enum list.
//
//   node scripts/gen-schema.mjs [swagger.json] [enums.json] [out.json]
//
// Plain Node, no dependencies, deterministic: the same inputs give the same bytes, so a test can
// regenerate in memory and compare with the committed file (test/unit/schema/staleness.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Bump when the output format or the extraction rules change, so stale files are explained.
export const GENERATOR_VERSION = 1;
export const ROOT_DEFINITION = 'io.k8s.api.apps.v1.DaemonSet';
export const ATTRIBUTION =
  'Derived from the Kubernetes OpenAPI spec, release 1.36, Copyright The Kubernetes Authors, Apache License 2.0';

const REF_PREFIX = '#/definitions/';

/**
 * Builds the compact schema text from the two input files' contents.
 * @param {string} swaggerText the OpenAPI v2 document (swagger.json)
 * @param {string} enumsText enums.json
 * @returns {string} the file content, ending with a newline
 */
export function generateSchema(swaggerText, enumsText) {
  const swagger = JSON.parse(swaggerText);
  const enums = JSON.parse(enumsText).enums ?? {};
  const all = swagger.definitions;
  if (!all || !all[ROOT_DEFINITION]) throw new Error(`${ROOT_DEFINITION} is not in the swagger definitions`);

  const reachable = closure(all, ROOT_DEFINITION);
  const definitions = {};
  for (const id of [...reachable].sort()) definitions[id] = compactDefinition(all[id]);

  for (const key of Object.keys(enums).sort()) {
    const dot = key.lastIndexOf('.');
    const def = definitions[key.slice(0, dot)];
    const prop = def?.properties?.[key.slice(dot + 1)];
    // enums.json is hand-kept: a key that names nothing is a mistake to fix, not to skip.
    if (!prop) throw new Error(`enums.json names ${key}, which is not a field of the DaemonSet closure`);
    prop.enum = [...enums[key]];
  }

  const header = {
    attribution: ATTRIBUTION,
    enumsSha256: sha256(enumsText),
    generatorVersion: GENERATOR_VERSION,
    license: 'Apache-2.0',
    root: ROOT_DEFINITION,
    source: 'kubernetes release-1.36 OpenAPI v2 (swagger.json) + enums.json',
    sourceSha256: sha256(swaggerText),
  };
  return serialize(header, definitions);
}

function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every definition id reachable from `root` through $ref. */
function closure(all, root) {
  const seen = new Set();
  const queue = [root];
  while (queue.length > 0) {
    const id = queue.pop();
    if (seen.has(id)) continue;
    if (!all[id]) throw new Error(`dangling reference to ${id}`);
    seen.add(id);
    collectRefs(all[id], queue);
  }
  return seen;
}

function collectRefs(value, out) {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(stripRef(v));
      else collectRefs(v, out);
    }
  }
}

function stripRef(ref) {
  return ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
}

function compactDefinition(def) {
  const out = {};
  if (def.description) out.description = def.description;
  if (def.type) out.type = def.type;
  if (def.format) out.format = def.format;
  const gvk = def['x-kubernetes-group-version-kind'];
  if (Array.isArray(gvk) && gvk.length > 0)
    out.gvk = gvk.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  if (Array.isArray(def.required) && def.required.length > 0) out.required = [...def.required].sort();
  if (def.properties) {
    out.properties = {};
    for (const name of Object.keys(def.properties).sort())
      out.properties[name] = compactField(def.properties[name], true);
  }
  return out;
}

/**
 * One field (or an items/additionalProperties schema). Descriptions are kept only on fields:
 * nested item schemas in this closure carry none.
 */
function compactField(field, isProperty) {
  const out = {};
  if (field.$ref) out.ref = stripRef(field.$ref);
  if (field.type) out.type = field.type;
  if (field.format) out.format = field.format;
  if (field.description) out.description = field.description;
  if (field.items) out.items = compactField(field.items, false);
  if (field.additionalProperties && typeof field.additionalProperties === 'object') {
    out.values = compactField(field.additionalProperties, false);
  }
  if (field['x-kubernetes-list-type']) out.listType = field['x-kubernetes-list-type'];
  if (Array.isArray(field['x-kubernetes-list-map-keys'])) out.listMapKeys = [...field['x-kubernetes-list-map-keys']];
  if (isProperty && field.description) {
    const d = defaultFromDescription(field.description);
    if (d !== undefined) out.default = d;
  }
  return out;
}

// A value is taken only when the sentence states it unconditionally ("Defaults to 10.",
// "Default is RollingUpdate.", "Defaults to \"TCP\"."). Conditional or prose defaults ("Defaults
// to Always if :latest tag is specified…", "Defaults to the default set of capabilities…") are
// left to the description itself.
const DEFAULT_PATTERN =
  /\b(?:defaults? to|default(?: value)? is)\s+("[^"]*"|'[^']*'|[A-Za-z0-9_/-]+(?:\.[A-Za-z0-9_/-]+)*)(\s+seconds?)?(?=(\s*$|\.(\s|$)|\s+\(|\s+if (?:unset|unspecified|not specified)\b|\s+and\s|\s+More info:))/i;

/** @returns {string | undefined} */
export function defaultFromDescription(description) {
  const m = DEFAULT_PATTERN.exec(description);
  if (!m) return undefined;
  let value = m[1];
  if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
  if (value === 'nil' || value === 'the' || value === 'empty') return undefined;
  return value;
}

// Sorted keys everywhere; one line per definition header and one per property, so a regenerated
// file diffs per field instead of as one multi-megabyte line, without pretty-print's indentation
// cost.
function serialize(header, definitions) {
  const lines = ['{"header":' + stable(header) + ',', '"definitions":{'];
  const ids = Object.keys(definitions).sort();
  ids.forEach((id, i) => {
    const def = definitions[id];
    const { properties, ...rest } = def;
    const last = i === ids.length - 1 ? '' : ',';
    const head = JSON.stringify(id) + ':' + stable(rest);
    if (!properties) {
      lines.push(head + last);
      return;
    }
    const names = Object.keys(properties).sort();
    lines.push(head.slice(0, -1) + (Object.keys(rest).length > 0 ? ',' : '') + '"properties":{');
    names.forEach((name, j) => {
      lines.push(JSON.stringify(name) + ':' + stable(properties[name]) + (j === names.length - 1 ? '}}' + last : ','));
    });
  });
  lines.push('}}');
  return lines.join('\n') + '\n';
}

function stable(value) {
  if (Array.isArray(value)) return '[' + value.map(stable).join(',') + ']';
  if (value && typeof value === 'object') {
    return (
      '{' +
      Object.keys(value)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + stable(value[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(value);
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const repo = resolve(here, '..');
  const [swaggerPath, enumsPath, outPath] = [
    process.argv[2] ?? resolve(repo, '../shared/k8s-openapi/swagger.json'),
    process.argv[3] ?? resolve(repo, '../shared/k8s-openapi/enums.json'),
    process.argv[4] ?? resolve(repo, 'server/src/schema/k8s-schema.json'),
  ];
  const text = generateSchema(readFileSync(swaggerPath, 'utf8'), readFileSync(enumsPath, 'utf8'));
  writeFileSync(outPath, text);
  const count = (text.match(/^"io\.k8s[^"]*":/gm) ?? []).length;
  console.log(`wrote ${outPath}: ${count} definitions, ${text.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
