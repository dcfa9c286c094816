// The merged DaemonSets of the open kustomization files, built outside requests: when a
// kustomization document opens or changes (or a watched file changes), the files it names are
// read (plain files by relative path; folders, URLs and absolute paths are left to the "not
// modelled" notes), merged (kustomize/preview.ts) and kept as a document model the
// placement answer reads like any other.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { KUSTOMIZATION_FILES, normalizeRelative, readKustomization } from '../kustomize/kustomization';
import { previewKustomization } from '../kustomize/preview';
import { DocumentModel, parseDocumentModel } from '../model';

const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface MergedPreview {
  /** The merged DaemonSets as a document (each one a YAML document). */
  model: DocumentModel;
  /** Per DaemonSet (same order): the resource it comes from and the patches applied. */
  sources: Array<{ source: string; patchedBy: string[] }>;
  notModelled: string[];
}

export function isKustomizationFile(filePath: string): boolean {
  return KUSTOMIZATION_FILES.includes(path.basename(filePath));
}

export class KustomizePreviews {
  private readonly previews = new Map<string, { version: number; preview: MergedPreview }>();

  /** Reads the files a kustomization names and merges its DaemonSets. */
  async refresh(filePath: string, version: number, text: string): Promise<MergedPreview> {
    const k = readKustomization(text);
    const dir = path.dirname(filePath);
    const files = new Map<string, string>();
    const names = [...k.resources, ...k.patches.flatMap((p) => (p.path !== undefined ? [p.path] : []))];
    await Promise.all(
      names.map(async (name) => {
        const rel = normalizeRelative(name);
        // Remote bases and absolute paths are not read (the preview lists them as not modelled).
        if (path.isAbsolute(name) || /^[a-z]+:\/\//i.test(name) || name.startsWith('github.com/')) return;
        const abs = path.resolve(dir, rel);
        try {
          const s = await stat(abs);
          if (!s.isFile() || s.size > MAX_FILE_BYTES) return;
          files.set(rel, await readFile(abs, 'utf8'));
        } catch {
          // Missing or unreadable: the preview says it is not modelled.
        }
      }),
    );
    const p = previewKustomization(k, files);
    const notModelled = k.error ? [`the kustomization cannot be read: ${k.error}`, ...p.notModelled] : p.notModelled;
    const merged = p.daemonSets.map((d) => stringify(d.value, { version: '1.1' })).join('---\n');
    const preview: MergedPreview = {
      model: parseDocumentModel(merged, version),
      sources: p.daemonSets.map((d) => ({ source: d.source, patchedBy: d.patchedBy })),
      notModelled,
    };
    this.previews.set(filePath, { version, preview });
    return preview;
  }

  /** The preview built for this version of the kustomization, if any. */
  get(filePath: string, version: number): MergedPreview | undefined {
    const p = this.previews.get(filePath);
    return p && p.version === version ? p.preview : undefined;
  }

  /** Any preview, whatever its version (for a request that arrives before the refresh ends). */
  latest(filePath: string): MergedPreview | undefined {
    return this.previews.get(filePath)?.preview;
  }

  delete(filePath: string): void {
    this.previews.delete(filePath);
  }

  /** The kustomization files with a preview. */
  files(): string[] {
    return [...this.previews.keys()];
  }
}
