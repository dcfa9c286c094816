// The one place tests find `../shared` (the Kubernetes OpenAPI and the real-world corpus, kept
// outside the repository). A test over it is skipped with a reason when it is missing, never
// counted as passed:
//
//   test('…', { skip: sharedMissing('corpus/daemonsets') }, () => { const dir = sharedPath('corpus/daemonsets')!; … });
//
// DAEMONSET_SHARED_DIR overrides the location; set it to a path that does not exist (or to the
// empty string) to run the suite as a clone without ../shared would.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file compiles to out/test/support/shared.js). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Where ../shared is expected: $DAEMONSET_SHARED_DIR, else the directory beside the repository. */
export function sharedLocation(): string {
  const env = process.env['DAEMONSET_SHARED_DIR'];
  if (env !== undefined) return env === '' ? '' : resolve(env);
  return resolve(REPO_ROOT, '..', 'shared');
}

/** The absolute path of `sub` inside ../shared, or undefined when it is not there. */
export function sharedPath(sub = ''): string | undefined {
  const root = sharedLocation();
  if (root === '') return undefined;
  const p = sub === '' ? root : join(root, sub);
  return existsSync(p) ? p : undefined;
}

/** A skip reason for node:test when `sub` is missing from ../shared, else false (the test runs). */
export function sharedMissing(sub = ''): string | false {
  if (sharedPath(sub) !== undefined) return false;
  const root = sharedLocation();
  const where = root === '' ? 'DAEMONSET_SHARED_DIR is empty' : `${join(root, sub)} not found`;
  return `../shared is missing: ${where} (it lives outside the repository)`;
}
