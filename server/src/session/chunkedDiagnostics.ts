// Diagnostics per document chunk, cached: after an edit only the changed YAML document is
// checked again; the others' diagnostics are reused and moved with their chunk.
import type { ClusterState } from '../placement/types';
import type { DocumentModel, ModelChunk } from '../model';
import type { ManifestDiagnostic } from '../features/diagnostics';

interface Entry {
  start: number;
  key: string;
  cluster: ClusterState | undefined;
  diagnostics: ManifestDiagnostic[];
}

/** File-level notes that each chunk may repeat but the user should see once. */
const ONCE_PER_FILE = new Set(['helmTemplate']);

export class ChunkedDiagnostics {
  private cache = new WeakMap<ModelChunk, Entry>();

  /**
   * Runs `check` on a sub-model per chunk (or on the whole model when it has no chunks, e.g. a
   * skipped file) and merges the answers. `key` names everything besides the chunk and the
   * cluster that the answer depends on (settings).
   */
  run(model: DocumentModel, key: string, cluster: ClusterState | undefined, check: (m: DocumentModel) => ManifestDiagnostic[]): ManifestDiagnostic[] {
    if (model.chunks.length === 0) return check(model);
    const out: ManifestDiagnostic[] = [];
    const seen = new Set<string>();
    for (const chunk of model.chunks) {
      let entry = this.cache.get(chunk);
      if (!entry || entry.key !== key || entry.cluster !== cluster) {
        entry = { start: chunk.start, key, cluster, diagnostics: check(subModel(model, chunk)) };
        this.cache.set(chunk, entry);
      }
      const delta = chunk.start - entry.start;
      for (const d of entry.diagnostics) {
        if (ONCE_PER_FILE.has(d.code)) {
          if (seen.has(d.code)) continue;
          seen.add(d.code);
        }
        out.push(delta === 0 ? d : { ...d, start: d.start + delta, end: d.end + delta });
      }
    }
    return out;
  }
}

function subModel(model: DocumentModel, chunk: ModelChunk): DocumentModel {
  const end = chunk.start + chunk.text.length;
  return {
    ...model,
    documents: chunk.documents,
    objects: chunk.objects,
    daemonSets: chunk.objects.filter((o) => o.kind === 'DaemonSet'),
    problems: chunk.problems,
    templates: model.templates.filter((t) => t.start < end && t.end > chunk.start),
    chunks: [chunk],
  };
}
