// Live state read from a file (the example cluster's examples/cluster/live.yaml, in the shape
// `kubectl get ds,pods,controllerrevisions,events -A -o yaml` prints): DaemonSets with their
// status, their pods (by the DaemonSet's label selector, in its namespace), ControllerRevisions
// and events. Static: it changes only when read again.
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { labelSelectorAsSelector, labelSelectorMatches } from '../placement/labelSelector';
import { readDaemonSet, readEvent, readPod, readRevision, type LiveState } from '../placement/liveStatus';
import type { LiveSnapshot } from './liveWatch';

type Obj = Record<string, unknown>;
const MAX_BYTES = 64 * 1024 * 1024;

function flatten(v: unknown, out: Obj[]): void {
  if (Array.isArray(v)) v.forEach((x) => flatten(x, out));
  else if (typeof v === 'object' && v !== null) {
    const o = v as Obj;
    if (Array.isArray(o['items']) && typeof o['kind'] === 'string' && o['kind'].endsWith('List'))
      flatten(o['items'], out);
    else out.push(o);
  }
}

/** "namespace/name" → the live state of that DaemonSet. */
export function liveStatesOf(objects: unknown[]): Map<string, LiveState> {
  const all: Obj[] = [];
  flatten(objects, all);
  const ns = (o: Obj): string => String(((o['metadata'] ?? {}) as Obj)['namespace'] ?? 'default');
  const labels = (o: Obj): Record<string, unknown> =>
    (((o['metadata'] ?? {}) as Obj)['labels'] ?? {}) as Record<string, unknown>;
  const out = new Map<string, LiveState>();
  for (const o of all.filter((x) => x['kind'] === 'DaemonSet')) {
    const ds = readDaemonSet(o);
    if (!ds) continue;
    const sel = labelSelectorAsSelector(ds.selector);
    const mine = (x: Obj): boolean =>
      ns(x) === ds.namespace && !!sel && !sel.nothing && labelSelectorMatches(sel, labels(x));
    const state: LiveState = {
      daemonSet: ds,
      pods: all.filter((x) => x['kind'] === 'Pod' && mine(x)).flatMap((x) => readPod(x) ?? []),
      revisions: all.filter((x) => x['kind'] === 'ControllerRevision' && mine(x)).flatMap((x) => readRevision(x) ?? []),
      events: all.filter((x) => x['kind'] === 'Event' && ns(x) === ds.namespace).flatMap((x) => readEvent(x) ?? []),
    };
    out.set(`${ds.namespace}/${ds.name}`, state);
  }
  return out;
}

/** Reads a live-state file; a missing or broken file gives an error snapshot for every lookup. */
export class LiveFile {
  private states: Map<string, LiveState> | undefined;
  private error: string | undefined;
  private readAt = new Date().toISOString();

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    try {
      const text = await readFile(this.file, 'utf8');
      if (text.length > MAX_BYTES) throw new Error('larger than 64 MiB');
      const docs = parseAllDocuments(text, { version: '1.1', maxAliasCount: 100 } as never);
      const values = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
      this.states = liveStatesOf(values);
      this.error = undefined;
    } catch (e) {
      this.states = undefined;
      this.error = `${this.file}: ${(e as Error).message.split('\n')[0]}`;
    }
    this.readAt = new Date().toISOString();
  }

  lookup(namespace: string, name: string): LiveSnapshot {
    if (!this.states) return { state: 'error', message: this.error ?? 'not read yet', readAt: this.readAt };
    return {
      state: 'ok',
      live: this.states.get(`${namespace}/${name}`) ?? { pods: [], revisions: [], events: [] },
      readAt: this.readAt,
    };
  }
}
