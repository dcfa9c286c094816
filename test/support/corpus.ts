// Real manifests for tests: the vendored slice in test/fixtures/corpus (always there) and the full
// corpus in ../shared/corpus/daemonsets (only where ../shared exists; see shared.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver';
import type { DocumentModel } from '../../server/src/model';
import { REPO_ROOT, sharedPath } from './shared';

/** The vendored slice of the corpus (byte-for-byte copies, attributed in its SOURCES.md). */
export const VENDORED_CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'corpus');

export interface CorpusFile {
  /** File name, e.g. kube-flannel.yaml. */
  file: string;
  /** Where it came from: 'vendored' or 'shared'. */
  from: 'vendored' | 'shared';
  text: string;
}

function readYamlDir(dir: string, from: CorpusFile['from']): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, from, text: readFileSync(join(dir, file), 'utf8') }));
}

/** The vendored corpus files, sorted by name. */
export function vendoredCorpus(): CorpusFile[] {
  return readYamlDir(VENDORED_CORPUS, 'vendored');
}

/** The ../shared corpus DaemonSet files, or [] when ../shared is missing. */
export function sharedCorpus(): CorpusFile[] {
  const dir = sharedPath('corpus/daemonsets');
  return dir === undefined ? [] : readYamlDir(dir, 'shared');
}

/** Applies LSP text edits (non-overlapping) to a model's text. */
export function applyEdits(model: DocumentModel, edits: TextEdit[]): string {
  let out = model.text;
  const sorted = [...edits].sort((a, b) => model.lines.offsetAt(b.range.start) - model.lines.offsetAt(a.range.start));
  for (const e of sorted)
    out = out.slice(0, model.lines.offsetAt(e.range.start)) + e.newText + out.slice(model.lines.offsetAt(e.range.end));
  return out;
}
