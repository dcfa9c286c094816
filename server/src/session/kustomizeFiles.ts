// The kustomization files around the open documents, read outside requests (when a document
// opens or changes, and again when a watched kustomization file changes) and kept in a cache, so
// features only look the answer up (features/context.ts: they never do IO).
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { KustomizeView } from '../features/context';
import { KUSTOMIZATION_FILES, Kustomization, readKustomization, roleIn } from '../kustomize/kustomization';

/** How many folders above a document are searched for a kustomization that names it. */
const MAX_LEVELS = 4;
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;

interface Entry {
  /** The kustomization file found in the folder, if any. */
  file?: string;
  kustomization?: Kustomization;
}

export class KustomizeFiles {
  /** By folder: what kustomization (if any) the folder has. */
  private readonly folders = new Map<string, Promise<Entry>>();

  /** Reads (or re-uses) the kustomization files in the document's folder and the ones above it. */
  async refresh(filePath: string): Promise<KustomizeView | undefined> {
    let dir = path.dirname(filePath);
    for (let level = 0; level <= MAX_LEVELS; level++) {
      await this.folder(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return this.viewOf(filePath);
  }

  /**
   * What the kustomizations say about a file, from the cache only: the nearest one that lists it
   * (as a patch or a resource), or the one in its own folder that does not. Undefined when no
   * kustomization is around the file (or it was not read yet).
   */
  viewOf(filePath: string): KustomizeView | undefined {
    let dir = path.dirname(filePath);
    let own: KustomizeView | undefined;
    for (let level = 0; level <= MAX_LEVELS; level++) {
      const entry = this.settled.get(dir);
      if (entry?.kustomization && entry.file) {
        const relative = path.relative(dir, filePath).split(path.sep).join('/');
        const role = roleIn(entry.kustomization, relative);
        if (role) return { kustomization: entry.file, role };
        if (level === 0) own = { kustomization: entry.file };
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return own;
  }

  /** Forgets a folder's kustomization when one of its files changes. True when it was known. */
  invalidate(changedPath: string): boolean {
    if (!KUSTOMIZATION_FILES.includes(path.basename(changedPath))) return false;
    const dir = path.dirname(changedPath);
    const known = this.folders.has(dir);
    this.folders.delete(dir);
    this.settled.delete(dir);
    return known;
  }

  private readonly settled = new Map<string, Entry>();

  private folder(dir: string): Promise<Entry> {
    let p = this.folders.get(dir);
    if (!p) {
      p = readFolder(dir).then((e) => {
        this.settled.set(dir, e);
        return e;
      });
      this.folders.set(dir, p);
    }
    return p;
  }
}

async function readFolder(dir: string): Promise<Entry> {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.join(dir, name);
    try {
      const buf = await readFile(file);
      if (buf.length > MAX_KUSTOMIZATION_BYTES)
        return {
          file,
          kustomization: { resources: [], patches: [], labels: [], images: [], notModelled: [], error: 'too large' },
        };
      return { file, kustomization: readKustomization(buf.toString('utf8')) };
    } catch {
      // No such file (or unreadable): try the next name.
    }
  }
  return {};
}
