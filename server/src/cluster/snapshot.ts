// Loads cluster snapshot files: what `kubectl get nodes -o yaml|json` and
// `kubectl get pods -A -o yaml` print (a NodeList/PodList, a `kind: List`, raw API lists whose
// items lack apiVersion/kind, or plain Node/Pod documents, one or many). JSON is YAML, but
// JSON text takes the fast JSON.parse path because a 10,000-node list is tens of megabytes.
import { readFile, stat } from 'node:fs/promises';
import { readYaml } from '../model/yamlReader';
import type { ClusterState, Node, Pod } from '../placement/types';
import { ObjectShapeError, toNode, toPod } from './apiObjects';
import { parseKubectlYaml } from './kubectlYaml';

export interface SnapshotLimits {
  /** Files larger than this are refused before reading (a NodeList of 10,000 nodes is ~40 MB). */
  maxBytes: number;
  /** YAML aliases expanded per document; a guard against "billion laughs" files. */
  maxAliasCount: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxBytes: 256 * 1024 * 1024, maxAliasCount: 100 };

/** The yaml library's first message line, without the position we already report. */
export function yamlProblem(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SnapshotError';
  }
}

/** What one file held. Objects of other kinds are counted so an error can say what it saw. */
export interface SnapshotContents {
  nodes: Node[];
  pods: Pod[];
  /** kind → count of objects that were neither Node nor Pod. */
  ignored: Record<string, number>;
  /** True when the file held at least one list (an empty PodList is a valid pods file). */
  sawList: boolean;
}

export type SnapshotRole = 'nodes' | 'pods';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'an empty document';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = String(v);
  return `the ${typeof v} ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}`;
}

/** An item of a list already turned into the engine's Node/Pod (or the shape error that stopped it). */
class Converted {
  constructor(
    readonly kind: 'Node' | 'Pod',
    readonly value: Node | Pod | ObjectShapeError,
    /** The item had no `kind`: converted as the file's role guessed, to be checked against the list's kind. */
    readonly guessed: boolean,
  ) {}
}

class GuessedWrong extends Error {}

/**
 * Fields of a listed object that neither toNode nor toPod reads (apiObjects.ts): the fast reader
 * passes over them unread. `images` alone is a third of a typical Node.
 */
const UNREAD_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['metadata', new Set(['managedFields'])],
  [
    'status',
    new Set([
      'images',
      'addresses',
      'volumesAttached',
      'volumesInUse',
      'daemonEndpoints',
      'config',
      'runtimeHandlers',
      'features',
      'containerStatuses',
      'initContainerStatuses',
      'ephemeralContainerStatuses',
      'podIPs',
      'hostIPs',
      'resourceClaimStatuses',
    ]),
  ],
]);

/**
 * kubectl's YAML through the fast reader, each listed Node or Pod converted as soon as it is
 * read: the whole tree of a 10,000-node list is never alive at once (peak memory and collector
 * time). Undefined when the reader declines the text.
 */
function parseFast(text: string, role: SnapshotRole): unknown[] | undefined {
  const guess = role === 'nodes' ? 'Node' : 'Pod';
  return parseKubectlYaml(text, {
    skip: UNREAD_FIELDS,
    item(v, j) {
      if (!isObj(v)) return v;
      const kind = typeof v.kind === 'string' ? v.kind : guess;
      if (kind !== 'Node' && kind !== 'Pod') return v;
      const at = `items[${j}]`;
      try {
        return new Converted(kind, kind === 'Node' ? toNode(v, at) : toPod(v, at), typeof v.kind !== 'string');
      } catch (e) {
        if (e instanceof ObjectShapeError) return new Converted(kind, e, typeof v.kind !== 'string');
        throw e;
      }
    },
  });
}

function parseDocuments(text: string, file: string, limits: SnapshotLimits, role?: SnapshotRole): unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [JSON.parse(trimmed)];
    } catch {
      // Not strict JSON (comments, trailing commas, flow YAML): the YAML parser decides and
      // gives a line and column if it is really broken.
    }
  }
  // kubectl's own YAML takes a reader built for it (a minute → about a second for 10,000
  // nodes); anything it does not fully understand goes to the full parser.
  const fast = role ? parseFast(text, role) : parseKubectlYaml(text);
  if (fast) return fast;
  // The full parser, never on text nested deeper than it survives (model/nesting.ts).
  const { documents: list, tooDeep } = readYaml(text, { version: '1.2' });
  if (tooDeep)
    throw new SnapshotError(file, `is not valid YAML (${lineColumn(text, tooDeep.offset)}): ${tooDeep.message}`);
  const values: unknown[] = [];
  for (const [i, doc] of list.entries()) {
    const err = doc.errors[0];
    if (err) {
      const where = lineColumn(text, err.pos[0]);
      throw new SnapshotError(file, `is not valid YAML (${where}): ${yamlProblem(err.message)}`);
    }
    try {
      values.push(doc.toJS({ maxAliasCount: limits.maxAliasCount }));
    } catch (e) {
      throw new SnapshotError(file, `document ${i + 1} cannot be read: ${(e as Error).message}`);
    }
  }
  return values;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** Parses snapshot text. `role` decides the kind of objects that carry no `kind` field. */
export function parseSnapshot(
  text: string,
  file: string,
  role: SnapshotRole,
  limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS,
): SnapshotContents {
  try {
    return contents(parseDocuments(text, file, limits, role), file, role);
  } catch (e) {
    // Items without a kind were read as the role's kind, but the list says otherwise (a
    // NodeList given as the pods file): read again, converting after the list's kind is known.
    if (e instanceof GuessedWrong) return contents(parseDocuments(text, file, limits), file, role);
    throw e;
  }
}

function contents(docs: unknown[], file: string, role: SnapshotRole): SnapshotContents {
  const out: SnapshotContents = { nodes: [], pods: [], ignored: {}, sawList: false };
  const defaultKind = role === 'nodes' ? 'Node' : 'Pod';

  const take = (obj: unknown, kind: string, where: string): void => {
    if (obj instanceof Converted) {
      if (obj.value instanceof ObjectShapeError) throw new SnapshotError(file, obj.value.message);
      if (obj.kind === 'Node') out.nodes.push(obj.value as Node);
      else out.pods.push(obj.value as Pod);
      return;
    }
    try {
      if (kind === 'Node') out.nodes.push(toNode(obj, where));
      else if (kind === 'Pod') out.pods.push(toPod(obj, where));
      else out.ignored[kind] = (out.ignored[kind] ?? 0) + 1;
    } catch (e) {
      if (e instanceof ObjectShapeError) throw new SnapshotError(file, e.message);
      throw e;
    }
  };

  const docCount = docs.length;
  docs.forEach((doc, i) => {
    const where = docCount > 1 ? `document ${i + 1}` : 'the document';
    if (doc === null || doc === undefined) return; // `---` separators around nothing
    if (!isObj(doc)) throw new SnapshotError(file, `${where} is ${kindOf(doc)}, not a Kubernetes object or list`);
    const kind = typeof doc.kind === 'string' ? doc.kind : undefined;
    if (Array.isArray(doc.items) && (kind === undefined || kind.endsWith('List'))) {
      out.sawList = true;
      // NodeList/PodList items come without apiVersion/kind from the raw API; `kind: List`
      // items carry their own kind.
      const itemKind = kind === 'NodeList' ? 'Node' : kind === 'PodList' ? 'Pod' : defaultKind;
      doc.items.forEach((item, j) => {
        const at = `${where === 'the document' ? '' : `${where} `}items[${j}]`;
        if (item instanceof Converted) {
          if (item.guessed && item.kind !== itemKind) throw new GuessedWrong();
          take(item, item.kind, at);
          return;
        }
        if (!isObj(item)) throw new SnapshotError(file, `${at} is ${kindOf(item)}, not a Kubernetes object`);
        take(item, typeof item.kind === 'string' ? item.kind : itemKind, at);
      });
      return;
    }
    take(doc, kind ?? defaultKind, where);
  });
  return out;
}

function ignoredSummary(c: SnapshotContents, role: SnapshotRole): string {
  const kinds = Object.entries(c.ignored).map(([k, n]) => `${n} ${k}`);
  if (role === 'pods' && c.nodes.length) kinds.unshift(`${c.nodes.length} Node`);
  return kinds.length ? ` (it holds ${kinds.join(', ')})` : '';
}

function checkUniqueNames(file: string, nodes: Node[]): void {
  const seen = new Set<string>();
  for (const n of nodes) {
    const name = n.metadata?.name ?? '';
    if (seen.has(name)) throw new SnapshotError(file, `Node ${JSON.stringify(name)} appears more than once`);
    seen.add(name);
  }
}

async function readText(file: string, limits: SnapshotLimits): Promise<string> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new SnapshotError(file, 'is not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SnapshotError(
      file,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})`,
    );
  }
  if (size > limits.maxBytes) {
    throw new SnapshotError(
      file,
      `is ${(size / 1048576).toFixed(1)} MiB, over the ${(limits.maxBytes / 1048576).toFixed(0)} MiB limit for snapshot files`,
    );
  }
  const buf = await readFile(file);
  if (buf.includes(0)) throw new SnapshotError(file, 'is a binary file, not YAML or JSON');
  return buf.toString('utf8');
}

export interface SnapshotFiles {
  nodesFile: string;
  podsFile?: string;
  limits?: SnapshotLimits;
}

/**
 * Reads a nodes file (which may also hold Pods, as `kubectl get nodes,pods -A -o yaml` prints)
 * and an optional pods file. Throws SnapshotError with the file name and what is wrong.
 */
export async function loadSnapshotFiles(files: SnapshotFiles): Promise<ClusterState> {
  const limits = files.limits ?? DEFAULT_SNAPSHOT_LIMITS;
  const nodesText = await readText(files.nodesFile, limits);
  const main = parseSnapshot(nodesText, files.nodesFile, 'nodes', limits);
  if (main.nodes.length === 0) {
    throw new SnapshotError(
      files.nodesFile,
      `holds no Node objects${ignoredSummary(main, 'nodes')}; expected the output of "kubectl get nodes -o yaml"`,
    );
  }
  checkUniqueNames(files.nodesFile, main.nodes);
  const pods = [...main.pods];
  let havePods = main.pods.length > 0;
  if (files.podsFile !== undefined) {
    const podsText = await readText(files.podsFile, limits);
    const extra = parseSnapshot(podsText, files.podsFile, 'pods', limits);
    // An empty PodList is a real answer from a cluster with nothing scheduled yet.
    if (extra.pods.length === 0 && !extra.sawList) {
      throw new SnapshotError(
        files.podsFile,
        `holds no Pod objects${ignoredSummary(extra, 'pods')}; expected the output of "kubectl get pods -A -o yaml"`,
      );
    }
    pods.push(...extra.pods);
    havePods = true;
  }
  return havePods ? { nodes: main.nodes, pods } : { nodes: main.nodes };
}
