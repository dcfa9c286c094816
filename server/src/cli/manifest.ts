// The CLI reads manifests through the editor's document model (server/src/model): the same
// Helm/Go-template masking, `kind: List` items, YAML 1.1 values and alias-bomb guard.
import { yamlProblem } from '../cluster/snapshot';
import { parseDocumentModel, READER_PROBLEM_CODES, type DocumentModel, type ManifestObject } from '../model';
import type { DaemonSet } from '../placement/types';

export interface FoundDaemonSet {
  ds: DaemonSet;
  /** "the document", "document 2", "document 1 items[0]". */
  where: string;
  object: ManifestObject;
}

/** Every DaemonSet of the model (top level and List items) that can be read as data, and why others cannot. */
export function daemonSetsOf(model: DocumentModel): { daemonSets: FoundDaemonSet[]; problems: string[] } {
  const problems: string[] = [];
  if (model.skipped)
    return { daemonSets: [], problems: [model.skipped.replace(/^File not checked: /, 'not checked: ')] };
  const many = model.documents.length > 1;
  const docName = (i: number) => (many ? `document ${i + 1}` : 'the document');
  // What the reader refused to parse (nested too deep, not UTF-8) belongs to no parsed document.
  for (const p of model.problems) {
    if (READER_PROBLEM_CODES[p.code]?.severity !== 'error') continue;
    const at = model.lines.positionAt(p.start);
    problems.push(`line ${at.line + 1}, column ${at.character + 1}: ${p.message}`);
  }
  const broken = new Set<number>();
  model.documents.forEach((doc, i) => {
    const err = doc.errors[0];
    if (!err) return;
    broken.add(i);
    const at = model.lines.positionAt(err.pos[0]);
    problems.push(
      `${docName(i)} is not valid YAML (line ${at.line + 1}, column ${at.character + 1}): ${yamlProblem(err.message)}`,
    );
  });
  const daemonSets: FoundDaemonSet[] = [];
  for (const object of model.daemonSets) {
    if (broken.has(object.docIndex)) continue;
    const where = object.basePath.length
      ? `${docName(object.docIndex)} ${object.basePath[0]}[${object.basePath[1]}]`
      : docName(object.docIndex);
    const value = object.value;
    if (!value || typeof value !== 'object') {
      problems.push(`${where} cannot be read: ${object.valueError ?? 'not a mapping'}`);
      continue;
    }
    daemonSets.push({ ds: value as DaemonSet, where, object });
  }
  return { daemonSets, problems };
}

/** Every DaemonSet in `text`, also inside `kind: List` items, through the document model. */
export function extractDaemonSets(text: string): { daemonSets: FoundDaemonSet[]; problems: string[] } {
  return daemonSetsOf(parseDocumentModel(text));
}
