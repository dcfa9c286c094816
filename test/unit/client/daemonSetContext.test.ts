// The context key behind the menus' `when` clauses: set from the server's counts and the active
// editor, written only when its value changes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { DaemonSetContext } from '../../../client/src/daemonSetContext';

function tracker(): { ctx: DaemonSetContext; writes: boolean[] } {
  const writes: boolean[] = [];
  return { ctx: new DaemonSetContext((v) => writes.push(v)), writes };
}

test('the key follows the active document: true only where the server counted a DaemonSet', () => {
  const { ctx, writes } = tracker();
  ctx.activate('file:///a.yaml');
  assert.deepEqual(writes, [false], 'unknown document: false, written once at the start');
  ctx.update({ uri: 'file:///a.yaml', count: 2 });
  assert.deepEqual(writes, [false, true]);
  ctx.update({ uri: 'file:///b.yaml', count: 0 });
  ctx.activate('file:///b.yaml');
  assert.deepEqual(writes, [false, true, false]);
  ctx.activate('file:///a.yaml');
  ctx.activate(undefined);
  assert.deepEqual(writes, [false, true, false, true, false], 'no text editor: false');
});

test('a count for another document, or the same value again, writes nothing', () => {
  const { ctx, writes } = tracker();
  ctx.activate('file:///a.yaml');
  ctx.update({ uri: 'file:///other.yaml', count: 1 });
  ctx.update({ uri: 'file:///a.yaml', count: 1 });
  ctx.update({ uri: 'file:///a.yaml', count: 3 });
  ctx.activate('file:///a.yaml');
  assert.deepEqual(writes, [false, true]);
  // The DaemonSet was deleted from the text: the server's count drops to 0.
  ctx.update({ uri: 'file:///a.yaml', count: 0 });
  assert.deepEqual(writes, [false, true, false]);
});

test('closing the active document clears the key; malformed notifications are ignored', () => {
  const { ctx, writes } = tracker();
  ctx.update({ uri: 'file:///a.yaml', count: 1 });
  ctx.activate('file:///a.yaml');
  ctx.forget('file:///a.yaml');
  assert.deepEqual(writes, [true, false]);
  ctx.update({ uri: 'file:///a.yaml', count: '1' } as never);
  ctx.update(null as never);
  assert.equal(ctx.has('file:///a.yaml'), false);
  assert.deepEqual(writes, [true, false]);
});
