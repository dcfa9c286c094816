// Raw API objects for live-status tests: a DaemonSet with a status, its daemon pods labelled
// with controller-revision-hash, its ControllerRevisions and events, shaped as the API server
// sends them (what `kubectl get … -o json` prints).
type Obj = Record<string, any>;

export interface DsStatus {
  desiredNumberScheduled?: number;
  currentNumberScheduled?: number;
  numberReady?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  numberMisscheduled?: number;
  observedGeneration?: number;
}

export function makeDaemonSet(
  namespace: string,
  name: string,
  opts: {
    generation?: number;
    status?: DsStatus;
    strategy?: string;
    created?: string;
    nodeSelector?: Record<string, string>;
    uid?: string;
  } = {},
): Obj {
  const labels = { app: name };
  const template: Obj = { metadata: { labels }, spec: { containers: [{ name, image: `example.com/${name}:1` }] } };
  if (opts.nodeSelector) template.spec.nodeSelector = opts.nodeSelector;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      namespace,
      name,
      uid: opts.uid ?? `uid-ds-${name}`,
      generation: opts.generation ?? 1,
      creationTimestamp: opts.created ?? '2025-06-01T10:00:00Z',
      labels,
    },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: {
        type: opts.strategy ?? 'RollingUpdate',
        ...(opts.strategy === 'OnDelete' ? {} : { rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }),
      },
      template,
    },
    status: { observedGeneration: opts.generation ?? 1, numberMisscheduled: 0, ...opts.status },
  };
}

export function makeDaemonPod(
  ds: Obj,
  node: string,
  hash: string,
  opts: { suffix?: string; ready?: boolean; phase?: string; restarts?: number; created?: string } = {},
): Obj {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: ds.metadata.namespace,
      name: `${ds.metadata.name}-${opts.suffix ?? node}`,
      uid: `uid-pod-${ds.metadata.name}-${opts.suffix ?? node}`,
      creationTimestamp: opts.created ?? '2025-06-01T10:01:00Z',
      labels: { ...ds.spec.template.metadata.labels, 'controller-revision-hash': hash, 'pod-template-generation': '1' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.metadata.name,
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { nodeName: node, containers: ds.spec.template.spec.containers },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: ds.spec.template.spec.containers.map((c: Obj) => ({
        name: c.name,
        ready,
        restartCount: opts.restarts ?? 0,
        state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } },
      })),
    },
  };
}

export function makeRevision(ds: Obj, hash: string, revision: number): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      namespace: ds.metadata.namespace,
      name: `${ds.metadata.name}-${hash}`,
      labels: { ...ds.spec.template.metadata.labels, 'controller-revision-hash': hash },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true },
      ],
    },
    revision,
    data: { spec: { template: ds.spec.template } },
  };
}

export function makeEvent(
  ds: Obj,
  reason: string,
  message: string,
  at: string,
  involved: { kind: string; name: string } = { kind: 'DaemonSet', name: ds.metadata.name },
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { namespace: ds.metadata.namespace, name: `${involved.name}.${reason.toLowerCase()}` },
    involvedObject: { ...involved, namespace: ds.metadata.namespace },
    reason,
    message,
    type: 'Warning',
    source: { component: 'daemonset-controller' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
  };
}
