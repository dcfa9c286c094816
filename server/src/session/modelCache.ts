// Parse once per document version: every request for the same version reads the same model.
import { DocumentModel, parseDocumentModel, parseDocumentModelSteps } from '../model';
import type { TimeBudget } from './timeBudget';

/** Texts from this size on are parsed only after queued requests had their turn. */
const LARGE_TEXT = 256 * 1024;

export class ModelCache {
  private readonly models = new Map<string, DocumentModel>();

  get(uri: string, version: number, text: () => string): DocumentModel {
    const cached = this.models.get(uri);
    if (cached && cached.version === version) return cached;
    // The previous version lends its unchanged documents (see ModelChunk).
    const model = parseDocumentModel(text(), version, cached);
    this.models.set(uri, model);
    return model;
  }

  /**
   * Like get, but gives way between YAML documents (budget.checkpoint), so a file of many
   * documents does not hold up requests on other files while it is parsed. A version that is
   * superseded meanwhile is not cached (the budget's staleness check throws Cancelled).
   */
  async getAsync(uri: string, version: number, text: () => string, budget: TimeBudget): Promise<DocumentModel> {
    const cached = this.models.get(uri);
    if (cached && cached.version === version) return cached;
    const source = text();
    // Let what is already queued run before a large parse starts. (The parse pauses inside a
    // YAML document too, model/steps.ts, except while the yaml Composer builds one document.)
    if (source.length > LARGE_TEXT) await budget.giveWay();
    const steps = parseDocumentModelSteps(source, version, cached);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        const now = this.models.get(uri);
        // A synchronous get may have parsed the same version meanwhile: keep one model per version.
        if (now && now.version === version) return now;
        if (!now || now.version < version) this.models.set(uri, r.value);
        return r.value;
      }
      await budget.checkpoint();
    }
  }

  /** The model of this version if it was parsed already; never parses. */
  peek(uri: string, version: number): DocumentModel | undefined {
    const cached = this.models.get(uri);
    return cached && cached.version === version ? cached : undefined;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }
}
