// Shared fixtures for the cluster-aware feature tests: the bundled example cluster, tiny inline
// clusters, and a DaemonSet text builder.
import * as path from 'node:path';
import { loadExampleCluster } from '../../../server/src/cluster/exampleCluster';
import { DEFAULT_SETTINGS, FeatureContext } from '../../../server/src/features/context';
import type { ClusterState, Node, Pod, Taint } from '../../../server/src/placement/types';

/** The repository root, from out/test/unit/clusterFeatures/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

let example: Promise<ClusterState> | undefined;

/** The example cluster, loaded once per test file. */
export async function exampleContext(): Promise<FeatureContext> {
  example ??= loadExampleCluster(ROOT);
  return {
    settings: DEFAULT_SETTINGS,
    cluster: { source: 'example cluster', readAt: '2025-06-12T08:41:07Z', state: await example },
  };
}

export function inlineContext(nodes: Node[], pods: Pod[] = [], source = 'snapshot tiny.yaml'): FeatureContext {
  return { settings: DEFAULT_SETTINGS, cluster: { source, readAt: '2025-06-12T08:41:07Z', state: { nodes, pods } } };
}

export function node(
  name: string,
  labels: Record<string, string> = {},
  taints: Taint[] = [],
  allocatable: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110' },
): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: taints.length > 0 ? { taints } : {},
    status: { allocatable, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export function pod(name: string, nodeName: string, requests: Record<string, string>): Pod {
  return {
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests } }] },
    status: { phase: 'Running' },
  };
}

/**
 * A DaemonSet whose pod spec lines (at 6 spaces: the indentation of keys under
 * spec.template.spec) are `podSpec`; the container comes last unless the pod spec has its own.
 */
export function daemonSet(podSpec = '', name = 'agent'): string {
  const body = podSpec.replace(/^\n/, '').replace(/\s+$/, '');
  const containers = /^ {6}containers:/m.test(body)
    ? ''
    : '      containers:\n      - name: agent\n        image: busybox\n';
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${body ? `${body}\n` : ''}${containers}`;
}

/** Put the `$0` caret where `pattern` (with `$0` removed) first occurs in `text`. */
export function withCaret(text: string, pattern: string): string {
  const plain = pattern.replace('$0', '');
  const at = text.indexOf(plain);
  if (at < 0) throw new Error(`${plain} not in the text`);
  return text.slice(0, at) + pattern + text.slice(at + plain.length);
}
