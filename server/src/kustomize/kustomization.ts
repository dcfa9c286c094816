// A kustomization file, read for what this extension models: which files are resources and
// which are patches, and the transformations a DaemonSet preview applies (namespace,
// commonLabels/labels, images, strategic-merge patches). Everything else kustomize does is listed
// as not modelled, never guessed. Field names and meanings follow sigs.k8s.io/kustomize/api/types
// (Kustomization, Label, Image, Patch).
import { parse } from 'yaml';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface KustomizeLabel {
  pairs: Record<string, string>;
  /** Also added to selectors (and templates), like commonLabels. */
  includeSelectors: boolean;
  /** Also added to pod templates. */
  includeTemplates: boolean;
}

export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface KustomizePatch {
  /** A file relative to the kustomization's folder. */
  path?: string;
  /** Inline patch text. */
  patch?: string;
  /** A patch with a target selector (applies by selector, not by name). */
  targeted: boolean;
}

export interface Kustomization {
  resources: string[];
  patches: KustomizePatch[];
  namespace?: string;
  labels: KustomizeLabel[];
  images: KustomizeImage[];
  /** Keys this extension does not model (e.g. `configMapGenerator`, `namePrefix`). */
  notModelled: string[];
  /** Why the file could not be read, when it could not. */
  error?: string;
}

const MODELLED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'bases',
  'patches',
  'patchesStrategicMerge',
  'namespace',
  'commonLabels',
  'labels',
  'images',
]);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringRecord = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v))
      if (x !== null && x !== undefined && typeof x !== 'object') out[k] = String(x);
  }
  return out;
};

export function readKustomization(text: string): Kustomization {
  const empty: Kustomization = { resources: [], patches: [], labels: [], images: [], notModelled: [] };
  let raw: unknown;
  try {
    raw = parse(text, { version: '1.1', maxAliasCount: 100 });
  } catch (e) {
    return { ...empty, error: (e as Error).message.split('\n')[0] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...empty, error: 'not a mapping' };
  const k = raw as Record<string, unknown>;
  const out: Kustomization = { ...empty, resources: [...strings(k['resources']), ...strings(k['bases'])] };
  for (const p of strings(k['patchesStrategicMerge'])) {
    // An entry is a path, or (in old kustomizations) an inline patch.
    if (p.includes('\n')) out.patches.push({ patch: p, targeted: false });
    else out.patches.push({ path: p, targeted: false });
  }
  if (Array.isArray(k['patches'])) {
    for (const p of k['patches']) {
      if (typeof p !== 'object' || p === null) continue;
      const e = p as Record<string, unknown>;
      const entry: KustomizePatch = { targeted: typeof e['target'] === 'object' && e['target'] !== null };
      if (typeof e['path'] === 'string') entry.path = e['path'];
      if (typeof e['patch'] === 'string') entry.patch = e['patch'];
      out.patches.push(entry);
    }
  }
  if (typeof k['namespace'] === 'string' && k['namespace'] !== '') out.namespace = k['namespace'];
  const common = stringRecord(k['commonLabels']);
  if (Object.keys(common).length > 0)
    out.labels.push({ pairs: common, includeSelectors: true, includeTemplates: true });
  if (Array.isArray(k['labels'])) {
    for (const l of k['labels']) {
      if (typeof l !== 'object' || l === null) continue;
      const e = l as Record<string, unknown>;
      const includeSelectors = e['includeSelectors'] === true;
      out.labels.push({
        pairs: stringRecord(e['pairs']),
        includeSelectors,
        includeTemplates: includeSelectors || e['includeTemplates'] === true,
      });
    }
  }
  if (Array.isArray(k['images'])) {
    for (const i of k['images']) {
      if (typeof i !== 'object' || i === null) continue;
      const e = i as Record<string, unknown>;
      if (typeof e['name'] !== 'string') continue;
      const img: KustomizeImage = { name: e['name'] };
      if (typeof e['newName'] === 'string') img.newName = e['newName'];
      if (e['newTag'] !== undefined && e['newTag'] !== null) img.newTag = String(e['newTag']);
      if (typeof e['digest'] === 'string') img.digest = e['digest'];
      out.images.push(img);
    }
  }
  out.notModelled = Object.keys(k).filter((key) => !MODELLED.has(key));
  return out;
}

/** Normalises a relative path from a kustomization (`./a/../b.yaml` → `b.yaml`). */
export function normalizeRelative(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else parts.push(seg);
  }
  return parts.join('/');
}

export type FileRole = 'patch' | 'resource';

/**
 * The role a file plays for a kustomization in `dir` (`relative` is the file's path from that
 * folder, with `/`): a strategic-merge patch, a resource, or none.
 */
export function roleIn(k: Kustomization, relative: string): FileRole | undefined {
  const target = normalizeRelative(relative);
  if (k.patches.some((p) => p.path !== undefined && normalizeRelative(p.path) === target)) return 'patch';
  if (k.resources.some((r) => normalizeRelative(r) === target)) return 'resource';
  return undefined;
}
