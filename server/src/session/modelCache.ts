// Parse once per document version: every request for the same version reads the same model.
import { DocumentModel, parseDocumentModel } from '../model';

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

  delete(uri: string): void {
    this.models.delete(uri);
  }
}
