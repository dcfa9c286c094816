// Reads kubeconfig files the way kubectl does: KUBECONFIG may name several files (joined with
// the platform's path delimiter); missing ones are skipped; when two files define the same
// cluster, user or context name, the first file wins; current-context comes from the first
// file that sets it. The client library's own mergeConfig throws on duplicates instead, so
// the merge is done here and the library only parses single files and applies credentials.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { NestingProblem, nestingProblem } from '../model/nesting';

export type K8s = typeof import('@kubernetes/client-node', { with: { 'resolution-mode': 'import' } });
export type KubeConfig = InstanceType<K8s['KubeConfig']>;

let library: Promise<K8s> | undefined;
/** The client library is ESM-only; a real dynamic import keeps this CommonJS module loadable. */
export function kubernetesClient(): Promise<K8s> {
  // Bundled, the library is dist/kube.cjs (scripts/build.mjs); its exports may arrive as `default`.
  library ??= import('@kubernetes/client-node').then((m) =>
    'KubeConfig' in m ? m : ((m as { default?: K8s }).default ?? m),
  );
  return library;
}

export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

export interface KubeconfigLocation {
  /** A path, or several joined with the path delimiter (":" on Linux/macOS, ";" on Windows). */
  kubeconfig?: string | string[];
  /** Where KUBECONFIG and HOME are read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The files kubectl would read, in order. */
export function kubeconfigPaths(location: KubeconfigLocation = {}): string[] {
  const env = location.env ?? process.env;
  const given = location.kubeconfig ?? env.KUBECONFIG;
  const list = Array.isArray(given) ? given : given ? given.split(delimiter) : [];
  const paths = list.map((p) => p.trim()).filter((p) => p.length > 0);
  if (paths.length > 0) return paths;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return [join(home, '.kube', 'config')];
}

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The server URL of the context's cluster, when the cluster is defined. */
  server?: string;
  current: boolean;
}

/** Loads and merges the kubeconfig files; throws KubeconfigError naming the file at fault. */
export async function loadKubeconfig(location: KubeconfigLocation = {}): Promise<{ kc: KubeConfig; files: string[] }> {
  const k8s = await kubernetesClient();
  const paths = kubeconfigPaths(location);
  const files = paths.filter((p) => existsSync(p));
  if (files.length === 0) {
    throw new KubeconfigError(`no kubeconfig file found (looked for ${paths.join(', ')})`);
  }
  const merged = new k8s.KubeConfig();
  merged.clusters = [];
  merged.users = [];
  merged.contexts = [];
  let current = '';
  for (const file of files) {
    const one = new k8s.KubeConfig();
    // The library parses with js-yaml (which stops at 100 levels itself); bound nesting before
    // any parser sees the file, as for every other YAML input (model/nesting.ts).
    let deep: NestingProblem | undefined;
    try {
      deep = nestingProblem(readFileSync(file, 'utf8'));
    } catch {
      // unreadable: loadFromFile says why
    }
    if (deep) throw new KubeconfigError(`${file}: not a valid kubeconfig: ${deep.message}`);
    try {
      // loadFromFile also makes certificate and token paths absolute relative to the file.
      one.loadFromFile(file);
    } catch (e) {
      throw new KubeconfigError(`${file}: not a valid kubeconfig: ${firstLine((e as Error).message)}`);
    }
    resolveExecCommands(one, file);
    if (!current && one.currentContext) current = one.currentContext;
    for (const c of one.clusters ?? []) if (!merged.clusters.some((x) => x.name === c.name)) merged.clusters.push(c);
    for (const u of one.users ?? []) if (!merged.users.some((x) => x.name === u.name)) merged.users.push(u);
    for (const c of one.contexts ?? []) if (!merged.contexts.some((x) => x.name === c.name)) merged.contexts.push(c);
  }
  merged.currentContext = current;
  return { kc: merged, files };
}

/**
 * A relative exec plugin command that contains a path separator (`./bin/get-token`) names a file
 * beside the kubeconfig, not one in our working directory; a bare name (`aws`) is looked up on
 * PATH. As kubectl: client-go clientcmd GetAuthInfoFileReferences + ResolvePaths (loader.go).
 */
export function resolveExecCommands(kc: KubeConfig, file: string): void {
  const base = dirname(resolve(file));
  for (const u of kc.users ?? []) {
    const exec = (u as { exec?: { command?: unknown } }).exec;
    const command = exec?.command;
    if (typeof command !== 'string' || command.length === 0 || !command.includes(sep) || isAbsolute(command)) continue;
    exec!.command = join(base, command);
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

export function contextsOf(kc: KubeConfig): ContextInfo[] {
  return kc.contexts.map((c) => {
    const info: ContextInfo = { name: c.name, cluster: c.cluster, user: c.user, current: c.name === kc.currentContext };
    if (c.namespace) info.namespace = c.namespace;
    const server = kc.clusters.find((x) => x.name === c.cluster)?.server;
    if (server) info.server = server;
    return info;
  });
}

/** The contexts a picker offers, current one flagged. */
export async function listContexts(location: KubeconfigLocation = {}): Promise<ContextInfo[]> {
  return contextsOf((await loadKubeconfig(location)).kc);
}

/**
 * Selects `context` (or the current context) and checks it names a cluster with a server;
 * returns the context name. Throws KubeconfigError with the names that do exist.
 */
export function selectContext(kc: KubeConfig, context: string | undefined, files: string[]): string {
  const name = context ?? kc.currentContext;
  const where = files.join(', ');
  if (!name) {
    throw new KubeconfigError(
      `${where}: no current-context is set; choose one of: ${kc.contexts.map((c) => c.name).join(', ') || '(none defined)'}`,
    );
  }
  const ctx = kc.contexts.find((c) => c.name === name);
  if (!ctx) {
    throw new KubeconfigError(
      `context "${name}" is not in ${where}; choose one of: ${kc.contexts.map((c) => c.name).join(', ') || '(none defined)'}`,
    );
  }
  const cluster = kc.clusters.find((c) => c.name === ctx.cluster);
  if (!cluster)
    throw new KubeconfigError(`context "${name}" names cluster "${ctx.cluster}", which is not defined in ${where}`);
  if (!kc.users.some((u) => u.name === ctx.user) && ctx.user) {
    throw new KubeconfigError(`context "${name}" names user "${ctx.user}", which is not defined in ${where}`);
  }
  kc.setCurrentContext(name);
  return name;
}
