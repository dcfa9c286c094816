// The DaemonSets a kustomization builds, for a preview: its resources' DaemonSets with the
// strategic-merge patches applied by kind and name, then `namespace`, `commonLabels`/`labels`
// and `images` (the order of kustomize's builtin transformers: patches before the namespace,
// label and image transformers, api/internal/target/kusttarget.go). Anything else is listed as
// not modelled. Pure: the caller reads the files.
import { parseAllDocuments } from 'yaml';
import { Kustomization, normalizeRelative } from './kustomization';
import { strategicMerge } from './strategicMerge';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MergedDaemonSet {
  name: string;
  /** The merged DaemonSet as plain data. */
  value: Obj;
  /** The resource file it comes from. */
  source: string;
  /** The patches applied to it, in order. */
  patchedBy: string[];
}

export interface KustomizePreview {
  daemonSets: MergedDaemonSet[];
  /** What the preview leaves out: kustomize features, unreadable or missing files. */
  notModelled: string[];
}

/** `files`: the text of each file the kustomization names, by its path relative to the folder. */
export function previewKustomization(k: Kustomization, files: ReadonlyMap<string, string>): KustomizePreview {
  const notModelled = k.notModelled.map((key) => `\`${key}\` is not modelled`);
  const daemonSets: MergedDaemonSet[] = [];
  for (const resource of k.resources) {
    const text = files.get(normalizeRelative(resource));
    if (text === undefined) {
      notModelled.push(`resource ${resource} (a folder, a remote base or an unreadable file) is not modelled`);
      continue;
    }
    for (const doc of documents(text)) {
      if (isObj(doc) && doc['kind'] === 'DaemonSet') {
        const name = String((doc['metadata'] as Obj | undefined)?.['name'] ?? '');
        daemonSets.push({ name, value: doc, source: resource, patchedBy: [] });
      }
    }
  }
  k.patches.forEach((p, i) => {
    const label = p.path ?? `patches[${i}]`;
    if (p.targeted) {
      notModelled.push(`patch ${label} selects its targets with \`target\`: not modelled`);
      return;
    }
    const text = p.path !== undefined ? files.get(normalizeRelative(p.path)) : p.patch;
    if (text === undefined) {
      notModelled.push(`patch ${label} could not be read`);
      return;
    }
    for (const doc of documents(text)) {
      if (Array.isArray(doc)) {
        notModelled.push(`patch ${label} is a JSON 6902 patch: not modelled`);
        continue;
      }
      if (!isObj(doc) || doc['kind'] !== 'DaemonSet') continue;
      const meta = isObj(doc['metadata']) ? doc['metadata'] : {};
      const target = daemonSets.find(
        (d) =>
          d.name === meta['name'] &&
          (meta['namespace'] === undefined ||
            meta['namespace'] === (d.value['metadata'] as Obj | undefined)?.['namespace']),
      );
      if (!target) {
        notModelled.push(`patch ${label}: no DaemonSet named ${JSON.stringify(meta['name'])} among the resources`);
        continue;
      }
      target.value = strategicMerge(target.value, doc) as Obj;
      target.patchedBy.push(label);
    }
  });
  for (const d of daemonSets) {
    const v = d.value;
    const meta = ensure(v, 'metadata');
    if (k.namespace !== undefined) meta['namespace'] = k.namespace;
    for (const l of k.labels) {
      Object.assign(ensure(meta, 'labels'), l.pairs);
      const spec = ensure(v, 'spec');
      if (l.includeSelectors) Object.assign(ensure(ensure(spec, 'selector'), 'matchLabels'), l.pairs);
      if (l.includeTemplates) Object.assign(ensure(ensure(ensure(spec, 'template'), 'metadata'), 'labels'), l.pairs);
    }
    if (k.images.length > 0) {
      const pod = (v['spec'] as Obj | undefined)?.['template'] as Obj | undefined;
      const podSpec = pod?.['spec'] as Obj | undefined;
      for (const field of ['initContainers', 'containers']) {
        const list = podSpec?.[field];
        if (!Array.isArray(list)) continue;
        for (const c of list) if (isObj(c) && typeof c['image'] === 'string') c['image'] = rewriteImage(c['image'], k);
      }
    }
  }
  return { daemonSets, notModelled };
}

function documents(text: string): unknown[] {
  try {
    return parseAllDocuments(text, { version: '1.1' })
      .filter((d) => d.errors.length === 0)
      .map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    return [];
  }
}

function ensure(o: Obj, key: string): Obj {
  const v = o[key];
  if (isObj(v)) return v;
  const fresh: Obj = {};
  o[key] = fresh;
  return fresh;
}

/** The images transformer: an image whose name matches gets the new name, tag or digest. */
export function rewriteImage(image: string, k: Pick<Kustomization, 'images'>): string {
  const { name, tag, digest } = splitImage(image);
  const rule = k.images.find((i) => i.name === name);
  if (!rule) return image;
  const newName = rule.newName ?? name;
  if (rule.digest) return `${newName}@${rule.digest}`;
  if (rule.newTag !== undefined) return `${newName}:${rule.newTag}`;
  if (digest) return `${newName}@${digest}`;
  return tag !== undefined ? `${newName}:${tag}` : newName;
}

function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { name: image.slice(0, at), digest: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/')) return { name: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { name: image };
}
