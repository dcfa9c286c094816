import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, firstInvalidUtf8, parseDocumentModel } from '../../../server/src/model';
import { defaultContext } from '../../../server/src/features/context';
import { diagnose } from '../../../server/src/features/diagnostics';

const rows = (text: string, opts = {}) =>
  diagnose(parseDocumentModel(text, 0, undefined, opts), defaultContext())
    .filter((d) => d.code.startsWith('yaml'))
    .map((d) => [d.code, d.severity, d.message, text.slice(d.start, d.end)]);

test('a BOM at the start of a later document is ignored as kubectl ignores it, with an info', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\n---\n\ufeffapiVersion: v1\nkind: Secret\n';
  const m = parseDocumentModel(text);
  assert.deepEqual(
    m.objects.map((o) => [o.apiVersion, o.kind]),
    [
      ['v1', 'ConfigMap'],
      ['v1', 'Secret'],
    ],
  );
  assert.deepEqual(Object.keys(m.objects[1]!.value as object), ['apiVersion', 'kind']);
  // Ranges stay those of the file: the key after the BOM starts right after it.
  const key = m.objects[1]!.node.items[0]!.key as { range: number[] };
  assert.equal(text.slice(key.range[0], key.range[1]), 'apiVersion');
  assert.deepEqual(rows(text), [
    [
      'yamlEncoding',
      'info',
      'A byte order mark (U+FEFF) starts this document; it is ignored, as kubectl ignores it',
      '\ufeff',
    ],
  ]);
});

test('lone CR line breaks are line breaks (as in libyaml), with a warning about kubectl', () => {
  const text = 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: c\r';
  const m = parseDocumentModel(text);
  assert.deepEqual(m.objects[0]!.value, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
  const got = rows(text);
  assert.deepEqual(
    got.map((r) => [r[0], r[1]]),
    [['yamlLineBreaks', 'warning']],
  );
  assert.match(String(got[0]![2]), /lone CR/);
});

test('text with U+FFFD is checked, not called binary; the CLI names the invalid byte', () => {
  const text = 'kind: ConfigMap\nmetadata:\n  name: caf\ufffd\n';
  assert.equal(parseDocumentModel(text).skipped, undefined);
  assert.deepEqual(
    rows(text).map((r) => [r[0], r[1], r[3]]),
    [['yamlEncoding', 'warning', '\ufffd']],
  );
  const bytes = Buffer.concat([
    Buffer.from('kind: ConfigMap\nmetadata:\n  name: caf'),
    Buffer.from([0xe9]),
    Buffer.from('\n'),
  ]);
  const decoded = decodeUtf8(bytes);
  assert.deepEqual([decoded.invalidAt, decoded.byte], [text.indexOf('\ufffd'), 0xe9]);
  assert.deepEqual(rows(decoded.text, { invalidUtf8: { at: decoded.invalidAt, byte: decoded.byte } }), [
    [
      'yamlEncoding',
      'error',
      'The file is not valid UTF-8 (byte 0xE9 here): kubectl refuses it ("invalid leading UTF-8 octet"); save it as UTF-8',
      '\ufffd',
    ],
  ]);
});

test('firstInvalidUtf8 follows RFC 3629: overlongs, surrogates, truncation', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('héllo ✓ 𝄞')), -1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong NUL
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x9c])), 2); // truncated
  assert.equal(firstInvalidUtf8(Buffer.from([0xf5, 0x80, 0x80, 0x80])), 0);
});

test('kind or apiVersion that is not a string: the API server cannot decode the object', () => {
  const text = 'apiVersion: apps/v1\nkind: [DaemonSet]\nmetadata: {name: x}\n';
  const d = diagnose(parseDocumentModel(text), defaultContext());
  assert.deepEqual(
    d.map((x) => [x.code, x.severity, x.message, text.slice(x.start, x.end)]),
    [
      [
        'kindNotString',
        'error',
        'kind must be a string, not a sequence: the API server cannot decode this object',
        '[DaemonSet]',
      ],
    ],
  );
  const n = diagnose(parseDocumentModel('apiVersion: 1.0\nkind: ConfigMap\n'), defaultContext());
  assert.deepEqual(
    n.map((x) => [x.code, x.path, x.message]),
    [
      [
        'apiVersionNotString',
        'apiVersion',
        'apiVersion must be a string, not the number 1: the API server cannot decode this object',
      ],
    ],
  );
});
