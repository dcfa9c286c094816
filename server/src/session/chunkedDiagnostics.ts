// Diagnostics per document chunk, cached: after an edit only the changed YAML document is
// checked again; the others' diagnostics are reused and moved with their chunk.
import type { ClusterState } from '../placement/types';
import type { DocumentModel, ModelChunk } from '../model';
import type { ManifestDiagnostic } from '../features/diagnostics';
import type { TimeBudget } from './timeBudget';

interface Entry {
  start: number;
  key: string;
  cluster: ClusterState | undefined;
  diagnostics: ManifestDiagnostic[];
}

/** File-level notes that each chunk may repeat but the user should see once. */
const ONCE_PER_FILE = new Set(['helmTemplate']);

type Check = (m: DocumentModel) => ManifestDiagnostic[];

export class ChunkedDiagnostics {
  private cache = new WeakMap<ModelChunk, Entry>();

  /**
   * Runs `check` on a sub-model per chunk (or on the whole model when it has no chunks, e.g. a
   * skipped file) and merges the answers. `key` names everything besides the chunk and the
   * cluster that the answer depends on (settings).
   */
  run(model: DocumentModel, key: string, cluster: ClusterState | undefined, check: Check): ManifestDiagnostic[] {
    if (model.chunks.length === 0) return check(model);
    const entries = model.chunks.map(
      (chunk) => this.entry(chunk, key, cluster) ?? this.store(chunk, key, cluster, check(subModel(model, chunk))),
    );
    return merge(model.chunks, entries);
  }

  /**
   * run() in slices: each chunk not in the cache is checked one object at a time, with
   * budget.checkpoint() in between, so a List of 15,000 DaemonSets or a file of many documents
   * lets other requests through while it is checked. Same answer as run().
   */
  async runAsync(
    model: DocumentModel,
    key: string,
    cluster: ClusterState | undefined,
    check: Check,
    budget: TimeBudget,
  ): Promise<ManifestDiagnostic[]> {
    if (model.chunks.length === 0) return check(model);
    const entries: Entry[] = [];
    for (const chunk of model.chunks) {
      let entry = this.entry(chunk, key, cluster);
      if (!entry) {
        const sub = subModel(model, chunk);
        const found: ManifestDiagnostic[] = [];
        const objects = sub.objects;
        // The first slice carries the chunk's syntax problems; each slice holds one object.
        for (let i = 0; i === 0 || i < objects.length; i++) {
          const part = objects.slice(i, i + 1);
          found.push(
            ...check({
              ...sub,
              objects: part,
              daemonSets: part.filter((o) => o.kind === 'DaemonSet'),
              problems: i === 0 ? sub.problems : [],
            }),
          );
          await budget.checkpoint();
        }
        entry = this.store(
          chunk,
          key,
          cluster,
          onceEach(found).sort((a, b) => a.start - b.start || a.end - b.end),
        );
      }
      entries.push(entry);
    }
    return merge(model.chunks, entries);
  }

  private entry(chunk: ModelChunk, key: string, cluster: ClusterState | undefined): Entry | undefined {
    const entry = this.cache.get(chunk);
    return entry && entry.key === key && entry.cluster === cluster ? entry : undefined;
  }

  private store(
    chunk: ModelChunk,
    key: string,
    cluster: ClusterState | undefined,
    diagnostics: ManifestDiagnostic[],
  ): Entry {
    const entry = { start: chunk.start, key, cluster, diagnostics };
    this.cache.set(chunk, entry);
    return entry;
  }
}

function merge(chunks: readonly ModelChunk[], entries: readonly Entry[]): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  const seen = new Set<string>();
  chunks.forEach((chunk, i) => {
    const entry = entries[i]!;
    const delta = chunk.start - entry.start;
    for (const d of entry.diagnostics) {
      if (ONCE_PER_FILE.has(d.code)) {
        if (seen.has(d.code)) continue;
        seen.add(d.code);
      }
      out.push(delta === 0 ? d : { ...d, start: d.start + delta, end: d.end + delta });
    }
  });
  return out;
}

function onceEach(list: ManifestDiagnostic[]): ManifestDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    if (!ONCE_PER_FILE.has(d.code)) return true;
    if (seen.has(d.code)) return false;
    seen.add(d.code);
    return true;
  });
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
