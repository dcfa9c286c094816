// Small builders for engine tests, shaped like the helpers of Kubernetes'
// pkg/controller/daemon/daemon_controller_test.go (newNode, newDaemonSet, resourcePodSpec,
// allocatableResources) so the transcribed cases read the same.

import type { DaemonSet, Node, Pod, PodSpec, ResourceList, Taint } from '../../../server/src/placement';

export const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' };
export const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' };
export const simpleNodeLabel = { color: 'blue', speed: 'fast' };

export const noScheduleTaints: Taint[] = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];
export const noExecuteTaints: Taint[] = [{ key: 'dedicated', value: 'user1', effect: 'NoExecute' }];

export function newNode(name: string, labels?: Record<string, string>): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: labels === undefined ? { name } : { name, labels: { ...labels } },
    status: {
      conditions: [{ type: 'Ready', status: 'True' }],
      allocatable: { pods: '100' },
    },
  };
}

export function newDaemonSet(name: string, spec: PodSpec = { containers: [{ image: 'foo/bar' }] }): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      selector: { matchLabels: { ...simpleDaemonSetLabel } },
      template: { metadata: { labels: { ...simpleDaemonSetLabel } }, spec },
    },
  };
}

export function allocatableResources(memory: string, cpu: string): ResourceList {
  return { memory, cpu, pods: '100' };
}

export function resourcePodSpec(nodeName: string, memory: string, cpu: string): PodSpec {
  const spec: PodSpec = { containers: [{ resources: { requests: allocatableResources(memory, cpu) } }] };
  if (nodeName !== '') spec.nodeName = nodeName;
  return spec;
}

/** A pod bound to a node, optionally owned by a DaemonSet (metav1.NewControllerRef). */
export function newPod(
  name: string,
  nodeName: string,
  spec: PodSpec = {},
  owner?: DaemonSet,
  labels?: Record<string, string>,
): Pod {
  const pod: Pod = { metadata: { name, namespace: 'default' }, spec: { ...spec, nodeName } };
  if (labels !== undefined) pod.metadata!.labels = { ...labels };
  if (owner !== undefined) {
    pod.metadata!.ownerReferences = [
      { kind: 'DaemonSet', name: owner.metadata?.name, uid: owner.metadata?.uid, controller: true },
    ];
  }
  return pod;
}

export function withTaints(node: Node, taints: Taint[]): Node {
  node.spec = { ...node.spec, taints };
  return node;
}
