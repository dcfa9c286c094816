// The server tells the client a document's DaemonSet count only when it changes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { DaemonSetPresence } from '../../../server/src/session/daemonSetPresence';
import { parseDocumentModel } from '../../../server/src/model';

test('a count is sent once per change, and again after the document was forgotten', () => {
  const sent: Array<{ uri: string; count: number }> = [];
  const p = new DaemonSetPresence((x) => sent.push(x));
  p.note('file:///a.yaml', 1);
  p.note('file:///a.yaml', 1);
  p.note('file:///b.yaml', 0);
  p.note('file:///a.yaml', 0);
  p.forget('file:///b.yaml');
  p.note('file:///b.yaml', 0);
  assert.deepEqual(sent, [
    { uri: 'file:///a.yaml', count: 1 },
    { uri: 'file:///b.yaml', count: 0 },
    { uri: 'file:///a.yaml', count: 0 },
    { uri: 'file:///b.yaml', count: 0 },
  ]);
});

test('the count comes from the model: DaemonSets only, List items included', () => {
  const ds = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n';
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  assert.equal(parseDocumentModel(cm).daemonSets.length, 0);
  assert.equal(parseDocumentModel(`${ds}---\n${cm}---\n${ds}`).daemonSets.length, 2);
  assert.equal(
    parseDocumentModel(
      `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata:\n      name: x\n`,
    ).daemonSets.length,
    1,
  );
});
